"""Plain data from parse events (generator/common/yaml_events.py) is the data compose + SafeConstructor give.

The one-pass reading must never change what a file means: every YAML file progen ships and hypothesis's
documents (dumped in every style, and made-up text) are read both ways and compared, types and key order
included. Where the events cannot say (anchors, tags, merge keys, several documents) it must step aside.
"""
from __future__ import annotations

import datetime
import math
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings, strategies as st
from yaml.nodes import ScalarNode
from yaml.resolver import Resolver

from generator.common.bounded_yaml import DEFAULT_LIMITS, compose, construct, load_plain
from generator.common.yaml_events import SLOW, plain_from_events, plain_tag

REPO = Path(__file__).resolve().parents[2]


def checked_way(text: str):
    node = compose(text, "x.yaml")
    return None if node is None else construct(node, "x.yaml")


def same(a, b) -> bool:
    """Equal data of the same types, dict keys in the same order (NaN equal to NaN)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    if isinstance(a, float) and math.isnan(a):
        return math.isnan(b)
    return a == b


def test_every_yaml_file_progen_ships_reads_the_same_in_one_pass():
    files = sorted(p for p in REPO.glob("**/*.yaml") if ".git" not in p.parts and "output" not in p.parts)
    assert len(files) > 20
    for path in files:
        text = path.read_text("utf-8-sig")
        fast = plain_from_events(text, DEFAULT_LIMITS.max_depth)
        assert fast is not SLOW, path  # progen's own files take the one pass
        assert same(fast, checked_way(text)), path


SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True),
                    st.text(max_size=12), st.dates(),
                    st.sampled_from(["yes", "No", "~", "null", "0x1F", "0o17", "1_000", "1:30", "-.inf", ".NaN",
                                     "2024-01-02 10:00:00", "=", "<<", "", " ", "#", "- a", "a: b", "'", '"',
                                     "қазақ", "ПО", "1.", "+1", "010", "0b101", "True", "e5", "1e5"]))
DATA = st.recursive(SCALARS, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                   st.dictionaries(SCALARS, inner, max_size=4)), max_leaves=20)


@settings(max_examples=400, deadline=None)
@given(DATA, st.sampled_from([None, True, False]), st.sampled_from([None, '"', "'", "|"]))
def test_dumped_data_reads_the_same(data, flow, style):
    try:
        text = yaml.safe_dump(data, allow_unicode=True, default_flow_style=flow, default_style=style, sort_keys=False)
    except yaml.YAMLError:
        return
    fast = plain_from_events(text, DEFAULT_LIMITS.max_depth)
    if fast is not SLOW:
        assert same(fast, checked_way(text))


PIECES = st.sampled_from(["a", "b: ", "- ", "  ", "\n", ": ", "1", "x", "'q'", '"d\\n"', "[", "]", "{", "}", ", ",
                          "? ", "&k ", "*k", "!!str ", "! ", "<<: ", "---\n", "...\n", "# c\n", "|\n  t\n",
                          "2024-02-30", "~", "yes", "қ", ".5", "=", "%YAML 1.1\n"])


@settings(max_examples=600, deadline=None)
@given(st.lists(PIECES, max_size=14))
def test_made_up_text_reads_the_same_or_steps_aside(pieces):
    text = "".join(pieces)
    fast = plain_from_events(text, DEFAULT_LIMITS.max_depth)
    if fast is SLOW:
        return
    assert same(fast, checked_way(text)), text


@pytest.mark.parametrize("text", ["- &a x\n- *a\n", "k: !!str 5\n", "<<: {a: 1}\n", "a: 1\n---\nb: 2\n", "? [a]\n: b\n",
                                  "=: 1\n", "a: 2024-02-30\n", "x: !custom 1\n"])
def test_what_the_events_cannot_say_steps_aside(text):
    assert plain_from_events(text, DEFAULT_LIMITS.max_depth) is SLOW


def test_nesting_at_the_limit_steps_aside_and_is_refused():
    deep = "[" * 65 + "]" * 65
    at_limit = "[" * 64 + "]" * 64
    assert same(plain_from_events(at_limit, 64), checked_way(at_limit))
    assert plain_from_events(deep, 64) is SLOW
    from generator.exceptions import StandardDataError

    with pytest.raises(StandardDataError, match="nested more than 64 deep"):
        load_plain(deep, "deep.yaml")


@given(st.text(max_size=10))
def test_plain_tags_are_the_resolvers(value):
    assert plain_tag(value) == Resolver().resolve(ScalarNode, value, (True, False))


def test_dates_and_numbers_are_made_by_pyyaml():
    assert plain_from_events("d: 2024-01-02\nn: 0x10\nf: 1e3\nb: no\n", 64) == {
        "d": datetime.date(2024, 1, 2), "n": 16, "f": "1e3", "b": False}


def test_the_pure_python_loader_steps_aside_on_a_control_character(monkeypatch):
    """Without LibYAML, PyYAML's reader refuses a control character when the loader is made: the checked
    way words it."""
    import generator.common.yaml_events as events

    monkeypatch.setattr(events, "_LOADER", yaml.SafeLoader)
    assert plain_from_events("a: 1\n", 64) == {"a": 1}
    assert plain_from_events("a: \x07\n", 64) is SLOW
