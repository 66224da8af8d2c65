"""Plain data straight from LibYAML's parse events, in one pass, for the YAML nearly everyone writes.

:func:`~generator.common.bounded_yaml.load_plain` checks a text's events (depth, aliases), then has LibYAML
compose a node tree and PyYAML's SafeConstructor turn it into data. Composing calls Python for every node
(its tag, its node object, two marks), so for a standard of a thousand cards it is most of the time. For a
text without anchors, aliases, explicit tags or merge keys — everything ``progen import`` writes, and
nearly everything people write — the events alone say what the data is: :func:`plain_from_events` builds
it while it reads them, with the same tags (PyYAML's resolver), the same scalar values (its constructor),
the same key order and the same depth limit. Anything else, or any error, gives :data:`SLOW`, and the
caller takes the checked way, which also words every error.
"""
from __future__ import annotations

from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import ScalarNode
from yaml.resolver import Resolver

SLOW = object()  # not this way: compose and construct instead
_STR = "tag:yaml.org,2002:str"
_NO_KEY = object()
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_IMPLICIT = Resolver.yaml_implicit_resolvers  # first character → [(tag, pattern)] of plain scalars
_WILDCARD = _IMPLICIT.get(None, [])


def plain_tag(value: str) -> str:
    """The tag PyYAML's resolver gives a plain (unquoted) scalar: ``Resolver.resolve`` without its path
    resolvers, which the safe loader has none of. Most text begins with a character no implicit tag
    begins with, and is a string at once."""
    resolvers = _IMPLICIT.get(value[:1])
    if not resolvers and not _WILDCARD:
        return _STR
    for tag, pattern in (resolvers or []) + _WILDCARD:
        if pattern.match(value):
            return tag
    return _STR


def plain_from_events(text: str, max_depth: int) -> Any:
    """The data of ``text`` (``None`` for an empty one), or :data:`SLOW` (see the module docstring)."""
    if Resolver.yaml_path_resolvers:  # pragma: no cover - nothing in progen adds any
        return SLOW
    try:
        loader = _LOADER(text)  # PyYAML's own reader checks the characters here
        try:
            return _build(loader.get_event, max_depth)
        finally:
            loader.dispose()
    except Exception:  # noqa: BLE001 - a syntax error, a bad date …: the checked way says what it is
        return SLOW


def _build(next_event, max_depth: int) -> Any:
    """The data of the events ``next_event()`` gives (yaml.parse's loop, without a generator)."""
    constructor = None
    stack: list[list] = []  # open collections: [list or dict, the pending key of a dict]
    root, documents = None, 0
    while True:
        event = next_event()
        kind = type(event)
        if kind is yaml.ScalarEvent:
            if event.anchor is not None or event.tag not in (None, "!"):
                return SLOW
            value = event.value
            tag = plain_tag(value) if event.implicit[0] else _STR  # quoted: a string
            if tag != _STR:  # a number, a boolean, null, a date: as SafeConstructor makes it; «<<» and «=» fail
                constructor = constructor or SafeConstructor()
                value = constructor.construct_object(ScalarNode(tag, value, style=event.style))
        elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
            if event.anchor is not None or event.tag not in (None, "!") or len(stack) >= max_depth:
                return SLOW
            value = {} if kind is yaml.MappingStartEvent else []
        elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
            stack.pop()
            continue
        elif kind is yaml.DocumentStartEvent:
            documents += 1
            if documents > 1:  # more than one document: compose says so
                return SLOW
            continue
        elif kind is yaml.AliasEvent:
            return SLOW
        elif kind is yaml.StreamEndEvent:
            return root
        else:  # the stream's start, a document's end
            continue
        if not stack:
            root = value
        else:
            frame = stack[-1]
            container = frame[0]
            if type(container) is list:
                container.append(value)
            elif frame[1] is _NO_KEY:
                if type(value) in (dict, list):
                    return SLOW  # a list or mapping as a key: SafeConstructor's own rules
                frame[1] = value
            else:
                container[frame[1]] = value
                frame[1] = _NO_KEY
        if kind is not yaml.ScalarEvent:
            stack.append([value, _NO_KEY])


__all__ = ["SLOW", "plain_from_events", "plain_tag"]
