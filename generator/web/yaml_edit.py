"""Edits of files a methodologist also edits by hand, keeping every comment and every other line as it is.

A YAML library that rewrites the whole file would re-indent it and, as tried with ruamel.yaml's round
trip, move the commented-out examples at the end of ``programs.yaml`` under the new entry. So these are
text edits: PyYAML's node marks locate the lines of the one entry that changes, only those lines are
replaced (or new lines appended), and the result is parsed again and must equal the old data with exactly
the intended change — otherwise nothing is written. Writes are atomic.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Optional

import yaml

from generator.common.files import write_atomic
from generator.exceptions import GeneratorError


class EditError(GeneratorError):
    """A file could not be changed safely (its shape is not what progen writes or reads)."""


class _Dumper(yaml.SafeDumper):
    """Block style, except lists of plain values (``skills: [F2]``, ``languages: [kk]``)."""


def _represent_list(dumper: yaml.SafeDumper, data: list):
    flow = bool(data) and all(isinstance(value, (str, int, float)) for value in data)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=flow)


_Dumper.add_representer(list, _represent_list)


def dump_entry(data: Any) -> str:
    """YAML text of a mapping or list (block style, short lists on one line, Unicode as it is)."""
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, default_flow_style=False,
                     width=10**6)


def _read(path: Path) -> str:
    from generator.common.bounded_yaml import read_limited

    if not path.exists():
        return ""
    try:
        return read_limited(path, "workspace", EditError).decode("utf-8")
    except UnicodeDecodeError as error:
        raise EditError(f"{path}: cannot read the file: {error}") from error


def _compose(text: str, path: Path):
    """The node tree of a workspace file, through progen's bounded loader (no alias bomb, no deep nesting)."""
    from generator.common.bounded_yaml import compose

    try:
        return compose(text, str(path), EditError) if text.strip() else None
    except EditError as error:
        raise EditError(f"{error}; fix it by hand first") from error


def _load(text: str, path: Path) -> Any:
    from generator.common.bounded_yaml import load_plain

    return load_plain(text, str(path), EditError)


def _with_newline(text: str) -> str:
    return text if not text or text.endswith("\n") else text + "\n"


def _last_line(node) -> int:
    """The 0-based line where a node's text ends (its deepest last value: block ends are marked late)."""
    while isinstance(node, (yaml.MappingNode, yaml.SequenceNode)) and node.value and not node.flow_style:
        last = node.value[-1]
        node = last[1] if isinstance(node, yaml.MappingNode) else last
    end = node.end_mark
    return end.line - 1 if end.column == 0 and end.line > node.start_mark.line else end.line


def _key_node(root, key: str):
    for key_node, value_node in root.value:
        if isinstance(key_node, yaml.ScalarNode) and key_node.value == key:
            return key_node, value_node
    return None, None


def _verify(new_text: str, expected: Any, path: Path) -> None:
    """The edited text must parse to exactly the expected data (an empty mapping may be an empty file)."""
    try:
        actual = _load(new_text, path)
    except EditError:
        actual = object()
    if actual != expected and not (expected == {} and actual is None):
        raise EditError(f"{path}: could not be changed without touching other entries; make the change by hand")


# -- phrasing/overrides.yaml: item id → outcome ---------------------------------------------------------
def set_override(path: Path, item_id: str, text: Optional[str]) -> bool:
    """Set (or with ``text`` None, remove) the override of one item; returns whether the file changed."""
    path = Path(path)
    old_text = _read(path)
    root = _compose(old_text, path)
    old = _load(old_text, path) if root is not None else None
    if root is not None and not isinstance(root, yaml.MappingNode):
        raise EditError(f"{path}: should be a mapping of item id to outcome text; fix it by hand first")
    data = dict(old or {})
    expected = dict(data)
    if text is None:
        expected.pop(item_id, None)
    else:
        expected[item_id] = text
    if expected == data:
        return False
    line = dump_entry({item_id: text}) if text is not None else ""
    if root is None or not root.value:
        new_text = _with_newline(old_text) + line
    elif root.flow_style:
        header = "".join(l + "\n" for l in old_text.splitlines() if l.lstrip().startswith("#"))
        new_text = header + (dump_entry(expected) if expected else "{}\n")
    else:
        new_text = _replace_entry(old_text, root, item_id, line)
    _verify(new_text, expected, path)
    write_atomic(path, new_text)
    return True


def _replace_entry(old_text: str, root, key: str, line: str) -> str:
    """Replace the lines of ``key`` in a block mapping by ``line`` (or append it; '' removes the entry)."""
    key_node, value_node = _key_node(root, key)
    lines = old_text.splitlines(keepends=True)
    if key_node is None:
        return _with_newline(old_text) + " " * root.start_mark.column + line if line else old_text
    first, last = key_node.start_mark.line, _last_line(value_node)
    tail = ""
    if isinstance(value_node, yaml.ScalarNode) and value_node.style not in ("|", ">") and line:
        rest = lines[last][value_node.end_mark.column:].rstrip("\n") if value_node.end_mark.line == last else ""
        tail = rest if rest.strip().startswith("#") else ""
    indent = " " * key_node.start_mark.column
    replacement = (indent + line.rstrip("\n") + (" " + tail.strip() if tail else "") + "\n") if line else ""
    return "".join(lines[:first]) + replacement + "".join(lines[last + 1:])


# -- programs.yaml: append a target ------------------------------------------------------------------
def append_target(path: Path, entry: dict, header: str = "") -> None:
    """Add ``entry`` at the end of ``targets:`` (made when missing; a new file starts with ``header``)."""
    path = Path(path)
    old_text = _read(path) or header
    root = _compose(old_text, path)
    if root is not None and (not isinstance(root, yaml.MappingNode) or root.flow_style):
        raise EditError(f"{path}: should be a mapping (output, defaults, targets); fix it by hand first")
    old = (_load(old_text, path) if root is not None else None) or {}
    targets = old.get("targets") or []
    if not isinstance(targets, list):
        raise EditError(f"{path}: targets: should be a list; fix it by hand first")
    expected = dict(old, targets=[*targets, entry])
    item = dump_entry([entry])
    key_node, value_node = _key_node(root, "targets") if root is not None else (None, None)
    lines = old_text.splitlines(keepends=True)
    if key_node is None:
        new_text = _with_newline(old_text) + "\ntargets:\n" + _indent(item, 2)
    elif isinstance(value_node, yaml.SequenceNode) and value_node.value and not value_node.flow_style:
        first_item = value_node.value[0]
        item_line = lines[first_item.start_mark.line]
        dash = item_line.rfind("-", 0, first_item.start_mark.column)
        after = _last_line(value_node) + 1
        new_text = _with_newline("".join(lines[:after])) + _indent(item, max(dash, 0)) + "".join(lines[after:])
    else:  # `targets:` with no value, null, or a flow list such as []: a block list replaces the value
        line_no = key_node.start_mark.line
        end_line = _last_line(value_node) if value_node.end_mark.index > value_node.start_mark.index else line_no
        key_text = lines[line_no][:key_node.end_mark.column] + ":"
        items = "".join(_indent(dump_entry([t]), key_node.start_mark.column + 2) for t in [*targets, entry])
        new_text = "".join(lines[:line_no]) + key_text + "\n" + items + "".join(lines[end_line + 1:])
    _verify(new_text, expected, path)
    write_atomic(path, new_text)


def _indent(text: str, width: int) -> str:
    pad = " " * width
    return "".join(pad + line if line.strip() else line for line in text.splitlines(keepends=True))


def restore(path: Path, old_text: str, existed: bool) -> None:
    """Undo an edit: the old text back (atomically), or no file when there was none."""
    if existed:
        write_atomic(Path(path), old_text)
    else:
        Path(path).unlink(missing_ok=True)
