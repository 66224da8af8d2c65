"""The one YAML loader progen uses: safe, and bounded in the work a small file can cause.

A few kilobytes of YAML can ask for unbounded work: aliases (``*name``) that repeat a list under a list
under a list expand to billions of values in code that walks the data; lists nested thousands deep
overflow the stack (LibYAML's composer crashes the interpreter on 100 000 levels); a "file" may be a
device or a pipe that never ends. Before anything is built from a file, it is checked here:

* **size**: a regular file no bigger than :attr:`YamlLimits.max_bytes` (read with a bounded read);
* **depth**: lists and mappings nested at most :attr:`YamlLimits.max_depth` deep;
* **aliases**: what aliases add when expanded (values and characters) stays within a small budget,
  and an alias never refers to the list or mapping that contains it.

The check streams LibYAML's parse events and stops at the first excess, so a hostile file costs
milliseconds; only then is the node tree composed (safe tags only; no Python object is ever built).
Every refusal is one line naming the file, the line and the limit. The limits are functions' defaults
so that other readers (uploads of the web page) apply the same ones.
"""
from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from generator.common.yaml_events import SLOW, plain_from_events
from generator.exceptions import GeneratorError, StandardDataError

MB = 1 << 20


@dataclass(frozen=True)
class YamlLimits:
    """How much work one YAML file may ask for."""

    max_bytes: int = 8 * MB  # workspace data, manifests, specs: hand-written, never this big
    max_depth: int = 64  # the deepest progen data (standard data) is 12 levels
    max_alias_values: int = 10_000  # values aliases may add when expanded
    max_alias_chars: int = 1 * MB  # characters of text aliases may add when expanded


DEFAULT_LIMITS = YamlLimits()
# standard data is written by `progen import`; a standard of 1,000 cards is about 20 MB
STANDARD_DATA_LIMITS = YamlLimits(max_bytes=64 * MB)

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_OPENERS = (yaml.SequenceStartEvent, yaml.MappingStartEvent)
_CLOSERS = (yaml.SequenceEndEvent, yaml.MappingEndEvent)


def size_text(size: int) -> str:
    """``8 MB``, ``512 KB``, ``300 bytes``: a limit or a size as people read it."""
    if size >= MB:
        return f"{size / MB:.1f}".rstrip("0").rstrip(".") + " MB"
    if size >= 1024:
        return f"{size / 1024:.1f}".rstrip("0").rstrip(".") + " KB"
    return f"{size} bytes"


def check_file(path: Path, what: str, error_class: type[GeneratorError] = StandardDataError,
               max_bytes: int = DEFAULT_LIMITS.max_bytes) -> int:
    """The size of a regular file of at most ``max_bytes``; anything else is one ``error_class`` line.

    A device (``/dev/zero``) or a named pipe is refused before it is opened (reading either never ends).
    """
    path = Path(path)
    try:
        info = os.stat(path)
    except FileNotFoundError as error:
        raise error_class(f"{path}: no such {what} file") from error
    except NotADirectoryError as error:
        raise error_class(f"{path}: no such {what} file (a part of the path is a file, not a folder)") from error
    except OSError as error:
        raise error_class(f"{path}: cannot read the {what} file: {error.strerror or error}") from error
    if stat.S_ISDIR(info.st_mode):
        raise error_class(f"{path}: is a folder, expected a {what} file")
    if not stat.S_ISREG(info.st_mode):
        raise error_class(f"{path}: is not a regular file (a device, pipe or socket); expected a {what} file")
    if info.st_size > max_bytes:
        raise too_big(path, info.st_size, max_bytes, what, error_class)
    return info.st_size


def read_limited(path: Path, what: str, error_class: type[GeneratorError] = StandardDataError,
                 max_bytes: int = DEFAULT_LIMITS.max_bytes) -> bytes:
    """The bytes of a regular file of at most ``max_bytes`` (see :func:`check_file`)."""
    check_file(path, what, error_class, max_bytes)
    chunks, total = [], 0
    try:
        with open(path, "rb") as handle:
            while True:  # in blocks: read(max_bytes) would allocate the whole limit up front
                chunk = handle.read(MB)
                if not chunk:
                    break
                total += len(chunk)
                if total > max_bytes:  # it grew since it was checked
                    raise too_big(path, total, max_bytes, what, error_class)
                chunks.append(chunk)
    except OSError as error:
        raise error_class(f"{path}: cannot read the {what} file: {error.strerror or error}") from error
    return b"".join(chunks)


def too_big(path, size: int, limit: int, what: str, error_class: type[GeneratorError]) -> GeneratorError:
    return error_class(f"{path}: the {what} file is {size_text(size)}, over progen's limit of "
                       f"{size_text(limit)}; is it the right file?")


def decode_text(data: bytes, path, what: str, error_class: type[GeneratorError] = StandardDataError) -> str:
    """UTF-8 text (a byte-order mark is dropped), or a line naming the file, the line and the byte."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise error_class(f"{path}:{line}: not UTF-8 text (byte {error.start}); "
                          f"save the {what} file as UTF-8") from error


class _Shape:
    """Running totals of the parse events: depth, and what aliases add when expanded."""

    def __init__(self, filename: str, error_class: type[GeneratorError], limits: YamlLimits):
        self.filename, self.error_class, self.limits = filename, error_class, limits
        self.open: list[list] = []  # per open list or mapping: [values, characters, anchor]
        self.anchors: dict[str, tuple[int, int]] = {}  # anchor → (values, characters) it expands to
        self.open_anchors: set[str] = set()
        self.extra_values = self.extra_chars = 0

    def refuse(self, event: yaml.Event, message: str) -> GeneratorError:
        return self.error_class(f"{self.filename}:{event.start_mark.line + 1}: {message}")

    def add(self, values: int, chars: int) -> None:
        if self.open:
            self.open[-1][0] += values
            self.open[-1][1] += chars

    def opened(self, event: yaml.Event) -> None:
        if len(self.open) >= self.limits.max_depth:
            raise self.refuse(event, f"lists or mappings nested more than {self.limits.max_depth} deep "
                                     f"(progen's limit); progen data is never nested this deep")
        self.open.append([1, 0, event.anchor])
        if event.anchor:
            self.open_anchors.add(event.anchor)

    def closed(self) -> None:
        values, chars, anchor = self.open.pop()
        if anchor:
            self.anchors[anchor] = (values, chars)
            self.open_anchors.discard(anchor)
        self.add(values, chars)

    def scalar(self, event: yaml.ScalarEvent) -> None:
        if event.anchor:
            self.anchors[event.anchor] = (1, len(event.value))
        self.add(1, len(event.value))

    def alias(self, event: yaml.AliasEvent) -> None:
        if event.anchor in self.open_anchors:
            raise self.refuse(event, f"the alias *{event.anchor} refers to a list or mapping that contains it "
                                     f"(a structure without end); write the values out")
        values, chars = self.anchors.get(event.anchor, (1, 0))  # an unknown anchor: compose names it
        self.extra_values += values
        self.extra_chars += chars
        limits = self.limits
        if self.extra_values > limits.max_alias_values or self.extra_chars > limits.max_alias_chars:
            raise self.refuse(event, f"aliases (*name) expand to more than {limits.max_alias_values:,} values or "
                                     f"{size_text(limits.max_alias_chars)} of text (progen's limit); "
                                     f"write the values out instead of repeating aliases")
        self.add(values, chars)


def check_shape(text: str, filename: str, error_class: type[GeneratorError] = StandardDataError,
                limits: YamlLimits = DEFAULT_LIMITS) -> None:
    """Refuse YAML nested too deep or whose aliases expand past the budget (see the module's docstring).

    Syntax errors are left to :func:`compose`, which reports them with their line.
    """
    shape = _Shape(filename, error_class, limits)
    try:
        for event in yaml.parse(text, Loader=_LOADER):
            if isinstance(event, yaml.ScalarEvent):
                shape.scalar(event)
            elif isinstance(event, _OPENERS):
                shape.opened(event)
            elif isinstance(event, _CLOSERS):
                shape.closed()
            elif isinstance(event, yaml.AliasEvent):
                shape.alias(event)
    except yaml.YAMLError as error:
        if "nesting depth" in str(error):  # PyYAML 6.0.4 and later stop deep nesting in the scanner itself
            mark = getattr(error, "problem_mark", None)
            line = mark.line + 1 if mark is not None else 1
            raise error_class(f"{filename}:{line}: lists or mappings nested more than {limits.max_depth} deep "
                              f"(progen's limit); progen data is never nested this deep") from error
        return  # compose reports it, with the same parser's message


def yaml_problem(error: yaml.YAMLError, text: str, filename: str) -> str:
    """One line naming the file and, where YAML knows it, the line."""
    if isinstance(error, yaml.MarkedYAMLError):
        mark = error.problem_mark
        line = mark.line + 1 if mark is not None else "?"
        return f"{filename}:{line}: not valid YAML: {' '.join(str(error.problem).split())}"
    if isinstance(error, yaml.reader.ReaderError):  # a control character: name it and its line
        line = text[: error.position].count("\n") + 1
        return (f"{filename}:{line}: not valid YAML: unacceptable character "
                f"#x{error.character:04x} (control characters are not allowed)")
    return f"{filename}: not valid YAML: {' '.join(str(error).split())}"


def compose(text: str, filename: str, error_class: type[GeneratorError] = StandardDataError,
            limits: YamlLimits = DEFAULT_LIMITS) -> yaml.Node | None:
    """The node tree of YAML text, after :func:`check_shape`; ``None`` for an empty document."""
    if len(text) > limits.max_bytes:  # text that did not come from read_limited
        raise error_class(f"{filename}: the YAML text is {size_text(len(text))}, over progen's limit of "
                          f"{size_text(limits.max_bytes)}")
    check_shape(text, filename, error_class, limits)
    try:
        return yaml.compose(text, Loader=_LOADER)
    except yaml.YAMLError as error:
        raise error_class(yaml_problem(error, text, filename)) from error
    except RecursionError as error:  # pragma: no cover - check_shape limits the depth first
        raise error_class(f"{filename}: lists or mappings nested too deeply") from error


def construct(node: yaml.Node, filename: str, error_class: type[GeneratorError] = StandardDataError) -> Any:
    """Plain Python data (dict, list, str, int, float, bool, None, dates) of a checked node tree."""
    constructor = yaml.constructor.SafeConstructor()
    try:
        return constructor.construct_document(node)
    except yaml.YAMLError as error:
        raise error_class(yaml_problem(error, "", filename)) from error
    except (ValueError, OverflowError, TypeError) as error:  # a date like 2024-13-45, an int of 5,000 digits
        raise error_class(f"{filename}: not valid YAML data: {error}") from error


def load_plain(text: str, filename: str, error_class: type[GeneratorError] = StandardDataError,
               limits: YamlLimits = DEFAULT_LIMITS) -> Any:
    """``yaml.safe_load`` with the limits: plain data, ``None`` for an empty document.

    Straight from the parse events where that gives the same data (:mod:`.yaml_events`), else checked,
    composed and constructed."""
    if len(text) <= limits.max_bytes:
        data = plain_from_events(text, limits.max_depth)
        if data is not SLOW:
            return data
    node = compose(text, filename, error_class, limits)
    return None if node is None else construct(node, filename, error_class)


def load_plain_file(path: Path, what: str, error_class: type[GeneratorError] = StandardDataError,
                    limits: YamlLimits = DEFAULT_LIMITS) -> Any:
    """:func:`load_plain` of a UTF-8 file read with :func:`read_limited`."""
    data = read_limited(Path(path), what, error_class, limits.max_bytes)
    return load_plain(decode_text(data, path, what, error_class), str(path), error_class, limits)


__all__ = ["DEFAULT_LIMITS", "STANDARD_DATA_LIMITS", "YamlLimits", "check_file", "check_shape", "compose", "construct",
           "decode_text", "load_plain", "load_plain_file", "read_limited", "size_text", "yaml_problem"]
