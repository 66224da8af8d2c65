"""to_plain's shortcuts (leaf values returned at once, field names remembered per class) give what the
plain recursive walk gives, for any tree of dataclasses, lists, tuples, dicts and values."""
from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any, Optional

from hypothesis import given, settings, strategies as st

from generator.common.yaml_io import to_plain

ROOT = Path(__file__).resolve().parents[2]


def walk(obj: Any, omit_none: tuple[type, ...] = ()) -> Any:
    """to_plain as first written: every value asks dataclasses what it is."""
    if dataclasses.is_dataclass(obj):
        skip = isinstance(obj, omit_none) if omit_none else False
        return {f.name: walk(getattr(obj, f.name), omit_none) for f in dataclasses.fields(obj)
                if not (skip and getattr(obj, f.name) is None)}
    if isinstance(obj, (list, tuple)):
        return [walk(v, omit_none) for v in obj]
    if isinstance(obj, dict):
        return {k: walk(v, omit_none) for k, v in obj.items()}
    return obj


@dataclasses.dataclass
class Leafy:
    text: str = ""
    number: Optional[int] = None
    extra: Any = None


@dataclasses.dataclass
class Branch:
    name: Optional[str]
    children: list = dataclasses.field(default_factory=list)
    table: dict = dataclasses.field(default_factory=dict)


@dataclasses.dataclass
class Twig(Leafy):  # a subclass adds a field after its parent's
    more: Any = None


class Text(str):
    pass


LEAVES = st.one_of(st.none(), st.text(max_size=3), st.integers(), st.floats(allow_nan=False), st.booleans(),
                   st.builds(Text, st.text(max_size=3)))


def trees(children):
    return st.one_of(
        st.lists(children, max_size=3), st.lists(children, max_size=3).map(tuple),
        st.dictionaries(st.text(max_size=2), children, max_size=3),
        st.builds(Leafy, st.text(max_size=2), st.none() | st.integers(), children),
        st.builds(Twig, st.text(max_size=2), st.none() | st.integers(), children, children),
        st.builds(Branch, st.none() | st.text(max_size=2), st.lists(children, max_size=3),
                  st.dictionaries(st.text(max_size=2), children, max_size=2)),
    )


TREES = st.recursive(LEAVES, trees, max_leaves=20)
OMIT = st.sampled_from([(), (Leafy,), (Branch,), (Twig,), (Leafy, Branch)])


@settings(max_examples=400, deadline=None)
@given(TREES, OMIT)
def test_to_plain_gives_the_walk(tree, omit_none):
    ours, theirs = to_plain(tree, omit_none), walk(tree, omit_none)
    assert ours == theirs
    assert repr(ours) == repr(theirs)  # the same types and key order, not only equal values


def test_a_dataclass_class_is_left_as_it_is():
    """A class is a value, not an instance to take apart (the plain walk read its class attributes, or
    failed on a field without a class default; no caller passes one)."""
    assert to_plain(Leafy) is Leafy
    assert to_plain([Branch]) == [Branch]


def test_the_seed_standard_and_its_program():
    from generator.design import plan_program
    from generator.standard import model as m
    from generator.standard.store import load_standard
    from generator.workspace import Workspace
    from generator.workspace.spec import ProgramSpec

    seed = load_standard(ROOT / "standard_data" / "M84120.kk.yaml")
    assert repr(to_plain(seed)) == repr(walk(seed))
    assert repr(to_plain(seed, (m.Item,))) == repr(walk(seed, (m.Item,)))
    program = plan_program(seed, ProgramSpec(card=seed.cards[0].code), Workspace.builtin())
    assert repr(to_plain(program)) == repr(walk(program))
