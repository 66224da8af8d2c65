"""Typed YAML for reviewed data: safe loading that reports every problem with file, line and path.

YAML is parsed with the bounded loader of :mod:`generator.common.bounded_yaml` (size, depth and alias
limits; no Python objects can ever be built), then the node tree is checked against the dataclass it
should become. All problems are collected
before anything is raised, so a reviewer fixes a file in one pass. Writing is deterministic:
the same model always gives the same bytes.
"""
from __future__ import annotations

import dataclasses
import difflib
import functools
import types
import typing
from pathlib import Path
from typing import Any, TypeVar, Union

import yaml

from generator.common import bounded_yaml
from generator.common.bounded_yaml import DEFAULT_LIMITS, STANDARD_DATA_LIMITS, YamlLimits, load_plain_file  # noqa: F401
from generator.exceptions import GeneratorError, StandardDataError

T = TypeVar("T")

_STANDARD_TAGS = {
    "tag:yaml.org,2002:" + name
    for name in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp", "binary")
}
_TYPE_NAMES = {str: "text", int: "a whole number", float: "a number", bool: "true or false"}


class _Collector:
    def __init__(self, filename: str):
        self.filename = filename
        self.errors: list[str] = []
        self.lines: dict[str, int] = {}  # field path → line, for checks made after conversion

    def add(self, node: yaml.Node | None, path: str, message: str) -> None:
        line = f"{node.start_mark.line + 1}" if node is not None else "?"
        where = f" {path}:" if path else ""
        self.errors.append(f"{self.filename}:{line}:{where} {message}")


_CONSTRUCTOR = yaml.SafeLoader("")


class _BadScalar(Exception):
    """A scalar YAML cannot turn into a value (a date like 2024-13-45, a number of 5,000 digits)."""


def _scalar_value(node: yaml.ScalarNode) -> Any:
    if node.tag == "tag:yaml.org,2002:str":
        return node.value
    try:
        value = _CONSTRUCTOR.construct_object(node, deep=True)
        if isinstance(value, int) and value.bit_length() > 256:  # no setting is this big; str() of it may fail
            raise ValueError("too big")
        return value
    except (ValueError, OverflowError, yaml.YAMLError) as error:
        raise _BadScalar(f"'{node.value[:40]}' is not a valid {node.tag.rsplit(':', 1)[-1]}") from error
    finally:
        _CONSTRUCTOR.constructed_objects.pop(node, None)  # the shared constructor keeps no node alive


def _describe(value: Any) -> str:
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return f"{str(value).lower()}"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        return f"the text {value!r}"
    return type(value).__name__


def _unwrap_optional(hint: Any) -> tuple[Any, bool]:
    origin = typing.get_origin(hint)
    if origin in (Union, types.UnionType):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        optional = len(args) < len(typing.get_args(hint))
        if len(args) == 1:
            return args[0], optional
        return Union[tuple(args)], optional
    return hint, False


def _scalar_union(node: yaml.Node, hint: Any, path: str, errors: "_Collector") -> Any:
    """A value of a union of scalar types (``Union[int, str]``: a number of hours or the word auto)."""
    order = (int, float, bool, str)  # typing may hand back Union[str, int] for Union[int, str]: name them in one order
    kinds = tuple(sorted(typing.get_args(hint), key=lambda k: order.index(k) if k in order else len(order)))
    if not isinstance(node, yaml.ScalarNode):
        errors.add(node, path, f"expected {' or '.join(_TYPE_NAMES.get(k, str(k)) for k in kinds)}")
        return None
    value = _scalar_value(node)
    if isinstance(value, bool) and bool not in kinds:
        value = node.value if str in kinds else value
    if not isinstance(value, kinds) or (isinstance(value, bool) and bool not in kinds):
        errors.add(node, path, f"expected {' or '.join(_TYPE_NAMES.get(k, str(k)) for k in kinds)}, "
                               f"got {_describe(value)}")
        return None
    return value


def _convert(node: yaml.Node, hint: Any, path: str, errors: _Collector) -> Any:
    try:
        return _convert_node(node, hint, path, errors)
    except _BadScalar as error:
        errors.add(node, path, str(error))
        return None


def _convert_node(node: yaml.Node, hint: Any, path: str, errors: _Collector) -> Any:
    errors.lines[path] = node.start_mark.line + 1
    hint, optional = _unwrap_optional(hint)
    if node.tag not in _STANDARD_TAGS:
        errors.add(node, path, f"the tag {node.tag} is not allowed in progen data; remove it")
        return None
    if isinstance(node, yaml.ScalarNode) and node.tag.endswith(":null"):
        if optional or hint is Any:
            return None
        errors.add(node, path, "a value is required here")
        return None
    if dataclasses.is_dataclass(hint):
        return _convert_dataclass(node, hint, path, errors)
    origin = typing.get_origin(hint)
    if origin in (Union, types.UnionType):
        return _scalar_union(node, hint, path, errors)
    if origin is list:
        (item_hint,) = typing.get_args(hint)
        if not isinstance(node, yaml.SequenceNode):
            errors.add(node, path, "expected a list")
            return []
        return [_convert(child, item_hint, f"{path}[{i}]", errors) for i, child in enumerate(node.value)]
    if origin is dict:
        _key_hint, value_hint = typing.get_args(hint)
        if not isinstance(node, yaml.MappingNode):
            errors.add(node, path, "expected a mapping of keys to values")
            return {}
        result = {}
        for key_node, value_node in node.value:
            key = _scalar_value(key_node) if isinstance(key_node, yaml.ScalarNode) else None
            if not isinstance(key, str):
                errors.add(key_node, path, f"keys must be text, got {_describe(key)}")
                continue
            key_path = f"{path}.{key}" if path else key
            result[key] = _convert(value_node, value_hint, key_path, errors)
            errors.lines[key_path] = key_node.start_mark.line + 1  # a problem of a key is on the key's line
        return result
    if hint is Any:
        return bounded_yaml.construct(node, errors.filename)
    if not isinstance(node, yaml.ScalarNode):
        errors.add(node, path, f"expected {_TYPE_NAMES.get(hint, hint)}, got a {'list' if isinstance(node, yaml.SequenceNode) else 'mapping'}")
        return None
    value = _scalar_value(node)
    if hint is float and isinstance(value, int) and not isinstance(value, bool):
        value = float(value)
    if hint is str and isinstance(value, (int, float)) and not isinstance(value, bool):
        errors.add(node, path, f"expected text, got {_describe(value)} (put it in quotes: \"{node.value}\")")
        return None
    if not isinstance(value, hint) or (hint is int and isinstance(value, bool)):
        errors.add(node, path, f"expected {_TYPE_NAMES.get(hint, hint)}, got {_describe(value)}")
        return None
    return value


@functools.lru_cache(maxsize=None)
def _schema(cls: type) -> tuple[dict, dict]:
    """Fields and resolved type hints of a dataclass (resolving hints is slow: do it once)."""
    return {f.name: f for f in dataclasses.fields(cls) if f.init}, typing.get_type_hints(cls)


def _convert_dataclass(node: yaml.Node, cls: type, path: str, errors: _Collector) -> Any:
    if not isinstance(node, yaml.MappingNode):
        errors.add(node, path, f"expected a mapping with keys {', '.join(f.name for f in dataclasses.fields(cls))}")
        return None
    fields, hints = _schema(cls)
    values: dict[str, Any] = {}
    seen: set[str] = set()
    for key_node, value_node in node.value:
        key = _scalar_value(key_node) if isinstance(key_node, yaml.ScalarNode) else None
        key_path = f"{path}.{key}" if path else str(key)
        if not isinstance(key, str) or key not in fields:
            suggestion = difflib.get_close_matches(str(key), list(fields), n=1)
            hint = f" (did you mean '{suggestion[0]}'?)" if suggestion else f" (valid keys: {', '.join(fields)})"
            errors.add(key_node, key_path, f"unknown key '{key}'{hint}")
            continue
        if key in seen:
            errors.add(key_node, key_path, "this key appears twice")
            continue
        seen.add(key)
        values[key] = _convert(value_node, hints[key], key_path, errors)
        errors.lines[key_path] = key_node.start_mark.line + 1
    for name, f in fields.items():
        required = f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
        if required and name not in seen:
            errors.add(node, f"{path}.{name}" if path else name, "this key is required but missing")
    if any(name not in values and _required(fields[name]) for name in fields):
        return None
    try:
        return cls(**values)
    except (TypeError, ValueError) as error:  # a dataclass __post_init__ check
        errors.add(node, path, str(error))
        return None


def _required(f: dataclasses.Field) -> bool:
    return f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING


def _compose(text: str, filename: str, error_class: type[GeneratorError],
             limits: YamlLimits = DEFAULT_LIMITS) -> yaml.Node | None:
    """The node tree of YAML text, bounded (:mod:`generator.common.bounded_yaml`); a problem is one line."""
    return bounded_yaml.compose(text, filename, error_class, limits)


def value_kind(value: Any) -> str:
    """What a plain value is, for messages: a mapping, a list, text, a number, true or false, nothing."""
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, (int, float)):
        return "a number"
    if value is None:
        return "nothing"
    return "text"


def parse_yaml(text: str, cls: type[T], filename: str, limits: YamlLimits = DEFAULT_LIMITS) -> T:
    """Parse YAML text into ``cls``, raising StandardDataError that lists every problem."""
    return parse_yaml_located(text, cls, filename, limits)[0]


def parse_yaml_located(text: str, cls: type[T], filename: str, limits: YamlLimits = DEFAULT_LIMITS
                       ) -> tuple[T, dict[str, int]]:
    """Like :func:`parse_yaml`, also returning the line of every field path (``cards[1].code`` → 63),
    so checks made on the model afterwards can name the line too."""
    node = _compose(text, filename, StandardDataError, limits)
    if node is None:
        raise StandardDataError(f"{filename}: the file is empty; expected a mapping at the top level")
    if not isinstance(node, yaml.MappingNode):
        raise StandardDataError(f"{filename}:{node.start_mark.line + 1}: the top level must be a mapping (key: value)")
    errors = _Collector(filename)
    result = _convert(node, cls, "", errors)
    if errors.errors:
        raise StandardDataError(problem_report(filename, errors.errors))
    return result, errors.lines


MAX_REPORTED = 50  # problems listed in one message; a file of 100,000 wrong values is not read line by line


def problem_report(filename: str, problems: list[str], what: str = "found") -> str:
    """``<file>: N problems found`` and the problems, at most :data:`MAX_REPORTED` of them; one problem is
    one line (it names the file and the line itself)."""
    count = len(problems)
    if count == 1:
        return problems[0]
    head = f"{filename}: {count} problem{'s' if count > 1 else ''} {what}"
    shown = problems[:MAX_REPORTED]
    more = [f"… and {count - MAX_REPORTED} more problems"] if count > MAX_REPORTED else []
    return "\n".join([head, *shown, *more])


def _plain(node: yaml.Node, path: str, errors: _Collector) -> Any:
    """Plain data (text, numbers, lists, mappings) of a node tree; every line kept in ``errors.lines``."""
    errors.lines[path] = node.start_mark.line + 1
    if node.tag not in _STANDARD_TAGS:
        errors.add(node, path, f"the tag {node.tag} is not allowed in progen data; remove it")
        return None
    if isinstance(node, yaml.SequenceNode):
        return [_plain(child, f"{path}[{i}]", errors) for i, child in enumerate(node.value)]
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            try:
                key = _scalar_value(key_node) if isinstance(key_node, yaml.ScalarNode) else None
            except _BadScalar:
                key = key_node.value  # a key that looks like a bad date is still a name
            if isinstance(key, (int, float)) and not isinstance(key, bool):
                key = str(key_node.value)  # "5": 72 and 5: 72 are the same key (levels, numbers)
            if not isinstance(key, str):
                errors.add(key_node, path, f"keys must be text, got {_describe(key)}")
                continue
            key_path = f"{path}.{key}" if path else key
            if key in result:
                errors.add(key_node, key_path, "this key appears twice")
                continue
            result[key] = _plain(value_node, key_path, errors)
            errors.lines[key_path] = key_node.start_mark.line + 1  # a problem of a key is on the key's line
        return result
    try:
        return _scalar_value(node)
    except _BadScalar as error:
        errors.add(node, path, str(error))
        return None


def parse_plain_located(text: str, filename: str, error_class: type[GeneratorError] = StandardDataError
                        ) -> tuple[Any, dict[str, int], list[str]]:
    """Untyped YAML data with the line of every key path, and the problems found (not raised: a caller
    that merges several files reports all of them at once). ``None`` for an empty file."""
    node = _compose(text, filename, error_class)
    if node is None:
        return None, {}, []
    errors = _Collector(filename)
    data = _plain(node, "", errors)
    problems = errors.errors
    if len(problems) > MAX_REPORTED:
        problems = problems[:MAX_REPORTED] + [f"{filename}: … and {len(problems) - MAX_REPORTED} more problems"]
    return data, errors.lines, problems


def load_plain_located(path: Path, what: str, error_class: type[GeneratorError] = StandardDataError
                       ) -> tuple[Any, dict[str, int], list[str]]:
    """:func:`parse_plain_located` of a UTF-8 file (a missing or unreadable one is an ``error_class``)."""
    return parse_plain_located(read_text_file(Path(path), what, error_class), str(path), error_class)


def read_text_file(path: Path, what: str, error_class: type[GeneratorError] = StandardDataError,
                   limits: YamlLimits = DEFAULT_LIMITS) -> str:
    """Read a UTF-8 text file (at most ``limits.max_bytes``) or explain, naming the file, why it cannot be read."""
    data = bounded_yaml.read_limited(Path(path), what, error_class, limits.max_bytes)
    return bounded_yaml.decode_text(data, path, what, error_class)


def safe_load_file(path: Path, what: str, error_class: type[GeneratorError] = StandardDataError) -> Any:
    """Untyped data of a UTF-8 YAML file (design rules, phrasing, labels), through the bounded loader.

    A missing, unreadable or invalid file is one ``error_class`` line naming the file and the line.
    """
    return load_plain_file(Path(path), what, error_class)


def load_yaml(path: Path, cls: type[T], what: str = "data", limits: YamlLimits = DEFAULT_LIMITS) -> T:
    """Load and validate ``path`` as ``cls``."""
    return load_yaml_located(path, cls, what, limits)[0]


def load_yaml_located(path: Path, cls: type[T], what: str = "data", limits: YamlLimits = DEFAULT_LIMITS
                      ) -> tuple[T, dict[str, int]]:
    """Load and validate ``path`` as ``cls``; also return the line of every field path."""
    return parse_yaml_located(read_text_file(Path(path), what, limits=limits), cls, str(path), limits)


def line_of(lines: dict[str, int], field_path: str) -> int | None:
    """The line of ``field_path`` or of its nearest parent (``a.b[2].c`` → ``a.b[2]`` → ``a.b`` …)."""
    while field_path:
        if field_path in lines:
            return lines[field_path]
        cut = max(field_path.rfind("."), field_path.rfind("["))
        field_path = field_path[:cut] if cut > 0 else ""
    return lines.get("")


def to_plain(obj: Any, omit_none: tuple[type, ...] = ()) -> Any:
    """Dataclasses to plain dicts/lists in field order (for YAML and JSON).

    Fields that are None are left out of the classes named in ``omit_none`` (their defaults
    bring them back on loading), so item lists stay short to review.
    """
    cls = type(obj)
    if cls in _LEAVES:  # most values of a standard: a text, a number, None
        return obj
    names = _FIELD_NAMES.get(cls)
    if names is None:
        if dataclasses.is_dataclass(obj) and not isinstance(obj, type):  # an instance, not the class itself
            names = _FIELD_NAMES[cls] = tuple(f.name for f in dataclasses.fields(obj))
        elif isinstance(obj, (list, tuple)):
            return [to_plain(v, omit_none) for v in obj]
        elif isinstance(obj, dict):
            return {k: to_plain(v, omit_none) for k, v in obj.items()}
        else:
            return obj
    if omit_none and isinstance(obj, omit_none):
        return {name: to_plain(value, omit_none) for name in names
                if (value := getattr(obj, name)) is not None}
    return {name: to_plain(getattr(obj, name), omit_none) for name in names}


# to_plain's shortcuts: values returned as they are (exact types: a str subclass takes the long way), and
# the field names of each dataclass met (dataclasses.fields works them out again at every call)
_LEAVES = frozenset({str, int, float, bool, type(None)})
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


class _Dumper(yaml.SafeDumper):
    """Block style everywhere; long texts stay on one line so diffs show whole items."""

    def increase_indent(self, flow=False, indentless=False):  # indent list items under their key
        return super().increase_indent(flow, False)


# Unicode line breaks that YAML folds when a quoted scalar is read back (NEL would come back as a
# space): texts holding one are written double-quoted, where they are escaped as \N, \L and \P.
_YAML_LINE_BREAKS = ("\x85", "\u2028", "\u2029")


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = '"' if any(ch in value for ch in _YAML_LINE_BREAKS) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _represent_str)


def dump_yaml(obj: Any, header: str | None = None, omit_none: tuple[type, ...] = ()) -> str:
    text = yaml.dump(
        to_plain(obj, omit_none),
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        width=100000,
        default_flow_style=False,
    )
    if header:
        text = "".join(f"# {line}\n" if line else "#\n" for line in header.splitlines()) + text
    return text
