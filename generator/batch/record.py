"""The build record in the output folder: what each output was built from, and the bytes written.

Two files, both plain JSON:

* ``.progen-build.json`` — the record, rewritten atomically (temp file + rename) at the end of a build;
* ``.progen-build.journal`` — one JSON line appended (and flushed) *before* each output is renamed into
  place, naming the output, its input hashes and the hash of the new bytes.

A build killed at any moment therefore leaves, for every output, either the old bytes (the record's
hash) or the new ones (the journal's hash); the next build replays the journal and tells which by
hashing the file, so a killed build is never mistaken for a hand edit. A missing or corrupt record is
not an error: it is logged at debug level and everything is rebuilt.
"""
from __future__ import annotations

import json
import logging
import os
from pathlib import Path
from stat import S_ISREG
from typing import Optional

from generator.batch.hashing import sha256_file
from generator.render.stamp import document_state
from generator.common.files import write_atomic

log = logging.getLogger(__name__)

RECORD_NAME = ".progen-build.json"
JOURNAL_NAME = ".progen-build.journal"
LOCK_NAME = ".progen-build.lock"
FORMAT = 1


class BuildRecord:
    """Targets (key: output path relative to the workspace) and indexed standards."""

    def __init__(self, out_dir: Path):
        self.out_dir = Path(out_dir)
        self.targets: dict[str, dict] = {}
        self.pending: dict[str, list[dict]] = {}  # journal entries whose rename may or may not have happened
        self.standards: dict[str, dict] = {}
        self.loaded = False
        self._journal = None
        self._saved_text: Optional[str] = None

    @property
    def path(self) -> Path:
        return self.out_dir / RECORD_NAME

    @property
    def journal_path(self) -> Path:
        return self.out_dir / JOURNAL_NAME

    # -- loading ----------------------------------------------------------------------------------
    @classmethod
    def load(cls, out_dir: Path, quiet: bool = False) -> "BuildRecord":
        """Load the record and replay the journal; ``quiet``: do not log a missing or bad record."""
        record = cls(out_dir)
        debug = (lambda *args: None) if quiet else log.debug
        try:
            text = record.path.read_text("utf-8")
            data = json.loads(text)
            if not isinstance(data, dict) or data.get("format") != FORMAT:
                raise ValueError(f"unknown record format {data.get('format') if isinstance(data, dict) else data!r}")
            record.targets = dict(data.get("targets") or {})
            record.pending = {k: list(v) for k, v in (data.get("pending") or {}).items()}
            record.standards = dict(data.get("standards") or {})
            record.loaded = True
            record._saved_text = text
        except FileNotFoundError:
            debug("no build record at %s (normal on a first build): building everything", record.path)
        except (OSError, ValueError, TypeError, AttributeError) as error:
            debug("build record %s unreadable (%s): building everything", record.path, error)
            record.targets, record.pending, record.standards = {}, {}, {}
        record._replay()
        return record

    def _replay(self) -> None:
        try:
            lines = self.journal_path.read_bytes().splitlines()
        except FileNotFoundError:
            return
        except OSError as error:
            log.debug("build journal %s unreadable: %s", self.journal_path, error)
            return
        for raw in lines:
            try:
                line = json.loads(raw)
                key, entry = line["key"], line["entry"]
            except (ValueError, KeyError, TypeError):
                log.debug("skipping a torn line of the build journal")
                continue
            self.pending.setdefault(key, []).append(entry)

    # -- the state of an output -----------------------------------------------------------------
    def output_state(self, key: str, path: Path) -> tuple[str, Optional[dict]]:
        """The state of an output, and its record entry:

        * ``missing``;
        * ``ok`` — the bytes this record (or the journal of a killed build) says were written;
        * ``generated`` — other bytes, but a progen document untouched since it was written (its stamp,
          :mod:`generator.render.stamp`, matches: ``progen render`` wrote it, or the record was lost);
        * ``edited`` — changed by hand: its stamp no longer matches, or, unstamped, it is not what the
          record says was written;
        * ``unknown`` — unstamped and not in the record (another program's file, an output of a progen
          before stamps, a Markdown file with the record lost): it may hold hand edits, so a rebuild
          first saves a copy of it.
        """
        entry = self.targets.get(key)
        candidates = self.pending.get(key, [])
        try:
            stat = path.stat()
        except (FileNotFoundError, NotADirectoryError):
            return "missing", entry
        if not S_ISREG(stat.st_mode):  # a folder where the document goes: the build reports it
            return "unknown", entry
        if entry is not None and entry.get("size") == stat.st_size and entry.get("mtime_ns") == stat.st_mtime_ns:
            self.pending.pop(key, None)  # the file is untouched since it was recorded: no rename happened
            return "ok", entry
        if entry is None and not candidates:
            return self._by_stamp(path, entry, known=False)
        digest = sha256_file(path)
        for candidate in reversed(candidates):
            if candidate.get("output") == digest:
                candidate = dict(candidate, size=stat.st_size, mtime_ns=stat.st_mtime_ns)
                self.targets[key] = candidate
                self.pending.pop(key, None)
                return "ok", candidate
        if entry is not None and entry.get("output") == digest:
            entry = dict(entry, size=stat.st_size, mtime_ns=stat.st_mtime_ns)
            self.targets[key] = entry
            self.pending.pop(key, None)
            return "ok", entry
        return self._by_stamp(path, entry, known=True)

    @staticmethod
    def _by_stamp(path: Path, entry: Optional[dict], known: bool) -> tuple[str, Optional[dict]]:
        """What the document says of itself, when the record does not know its bytes (``known``: the
        record or the journal has other bytes for it)."""
        stamp = document_state(path) if path.suffix.lower() == ".docx" else "foreign"
        if stamp in ("generated", "edited"):
            return stamp, entry
        return ("edited" if known else "unknown"), entry

    # -- updating ---------------------------------------------------------------------------------
    def intent(self, key: str, entry: dict) -> None:
        """Append (and flush) a journal line before the output named ``key`` is renamed into place."""
        if self._journal is None:
            self.out_dir.mkdir(parents=True, exist_ok=True)
            self._journal = open(self.journal_path, "ab", buffering=0)  # noqa: SIM115 - kept open for the build
        line = json.dumps({"key": key, "entry": entry}, ensure_ascii=False, sort_keys=True) + "\n"
        self._journal.write(line.encode("utf-8"))  # one write(2) of an O_APPEND file: never interleaved

    def commit(self, key: str, entry: dict, path: Path) -> dict:
        """The output is in place: remember its size and mtime so the next build need not hash it."""
        stat = path.stat()
        entry = dict(entry, size=stat.st_size, mtime_ns=stat.st_mtime_ns)
        self.targets[key] = entry
        self.pending.pop(key, None)
        return entry

    def forget(self, key: str) -> None:
        self.targets.pop(key, None)
        self.pending.pop(key, None)

    def save(self) -> None:
        """Write the record atomically, then drop the journal it now contains."""
        data = {"format": FORMAT, "targets": dict(sorted(self.targets.items())),
                "pending": dict(sorted(self.pending.items())), "standards": dict(sorted(self.standards.items()))}
        text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
        if text != self._saved_text:  # a no-op build writes nothing
            write_atomic(self.path, text)
            self._saved_text = text
        self.close()
        try:
            os.unlink(self.journal_path)
        except FileNotFoundError:
            pass

    def close(self) -> None:
        if self._journal is not None:
            self._journal.close()
            self._journal = None
