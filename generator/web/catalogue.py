"""The standards a workspace offers, read once per change of their files.

The page names a standard by its code and language, never by a path: a value from the browser is only
ever looked up in this list, so no request can make the server read a file it did not list itself.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

from generator.exceptions import GeneratorError
from generator.standard import model as m
from generator.standard.store import load_standard, safe_code


@dataclass(frozen=True)
class StandardEntry:
    """One standard data file of the workspace, loaded."""

    path: Path
    rel: str  # relative to the workspace, with forward slashes
    key: str  # the code as a safe identifier: what forms send
    language: str
    standard: m.Standard

    @property
    def code(self) -> str:
        return self.standard.code

    @property
    def title(self) -> str:
        return self.standard.title


@dataclass(frozen=True)
class Catalogue:
    entries: tuple[StandardEntry, ...]
    problems: tuple[str, ...]  # files that could not be read (first line of the error each)

    def keys(self) -> list[str]:
        """Standard codes in file order, each once."""
        return list(dict.fromkeys(entry.key for entry in self.entries))

    def languages(self, key: str) -> list[str]:
        return [entry.language for entry in self.entries if entry.key == key]

    def find(self, key: str | None, language: str | None) -> StandardEntry | None:
        """The entry of ``key`` in ``language`` (or its first language); None when there is none."""
        matching = [entry for entry in self.entries if entry.key == key]
        for entry in matching:
            if entry.language == language:
                return entry
        return matching[0] if matching else None

    def first(self, key: str) -> StandardEntry:
        return next(entry for entry in self.entries if entry.key == key)

    def with_card(self, card: str) -> list[StandardEntry]:
        return [entry for entry in self.entries if any(c.code == card for c in entry.standard.cards)]


class CatalogueCache:
    """Standards are parsed again only when a file of ``standard_data/`` changes (size or time)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._parsed: dict[Path, tuple[tuple, object]] = {}

    def catalogue(self, workspace) -> Catalogue:
        entries, problems = [], []
        with self._lock:
            files = workspace.standard_files()
            for path in files:
                stamp = _stamp(path)
                known = self._parsed.get(path)
                if known is None or known[0] != stamp:
                    known = (stamp, _load(path))
                    self._parsed[path] = known
                result = known[1]
                if isinstance(result, str):
                    problems.append(result)
                    continue
                rel = path.relative_to(workspace.root).as_posix()
                entries.append(StandardEntry(path, rel, safe_code(result.code), result.language, result))
            for gone in set(self._parsed) - set(files):
                del self._parsed[gone]
        return Catalogue(tuple(entries), tuple(problems))


def _stamp(path: Path) -> tuple:
    try:
        status = path.stat()
    except OSError:
        return ()
    return (status.st_mtime_ns, status.st_size)


def _load(path: Path):
    try:
        return load_standard(path)
    except GeneratorError as error:
        return str(error).splitlines()[0]
    except OSError as error:
        return f"{path.name}: {error.strerror or error}"
