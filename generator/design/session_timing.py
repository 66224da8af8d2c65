"""Choosing the activities of one session and giving them minutes that add up exactly.

A session is a sequence of slots (design.yaml ``sessions.cycle``); each slot takes an activity of its phase
from the library. Candidates must fit the group size, the session's place in the program, the content kind
(never an activity whose ``not_for`` names it) and must not have been used in the previous session or
earlier in this one. They are ranked by: the activities the content's task asks for (``Need.prefer``: a
role play for a task the program gives as a role play, a case for a case; these are taken before the
content-kind filter, never against ``not_for``), Bloom level served (exact, then nearest), whether the
minutes the slot is meant to take lie within the activity's range, how often the program has used it so far
(spread), then library order. :func:`fit_minutes` then shares the session's minutes: every activity starts at its
target and the difference is shared by slot weight within each activity's min–max, so the total is exact.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Iterable, Optional

from generator.design.activities import Activity, Library
from generator.design.hours import largest_remainder
from generator.language import BLOOM_LEVELS


@dataclass(frozen=True)
class Slot:
    """One place in a session's cycle (design.yaml ``sessions.cycle``)."""

    stage: str  # warm_up | input | experience | assessment | reflection | application | energiser
    phases: tuple[str, ...]
    part: str  # teaching | assessment | any
    weight: int


@dataclass
class Placed:
    """An activity placed in a slot, with the minutes it is meant to take and the minutes it gets."""

    slot: Slot
    activity: Activity
    target: int
    minutes: int = 0
    role: str = ""  # what its evidence is about: taught | assessed (assessment slot) | ""


@dataclass
class Need:
    """What a slot asks of its activity."""

    bloom: Optional[str]
    content_kind: Optional[str]
    target: int
    group_size: int
    position: str  # first | middle | last | only
    exclude: set[str] = field(default_factory=set)
    prefer: tuple[str, ...] = ()  # ids the content's task asks for, best first (design.yaml sessions.task_activities)


def _bloom_distance(activity: Activity, bloom: Optional[str]) -> int:
    if bloom is None or bloom not in BLOOM_LEVELS:
        return 0
    return _distance(tuple(activity.bloom), bloom)


@functools.lru_cache(maxsize=1024)
def _distance(levels: tuple[str, ...], bloom: str) -> int:
    """Steps between ``bloom`` and the nearest of ``levels`` (candidates are ranked by it many times)."""
    wanted = BLOOM_LEVELS.index(bloom)
    return min(abs(BLOOM_LEVELS.index(level) - wanted) for level in levels)


def candidates(library: Library, slot: Slot, need: Need, uses: dict[str, int]) -> list[Activity]:
    """Activities that may fill ``slot``, best first (see the module docstring)."""
    def fitting(kind: Optional[str]) -> list[Activity]:
        return [a for phase in slot.phases for a in library.select(
            phase, content_kind=kind, group_size=need.group_size, exclude=need.exclude, session=need.position)
            if need.content_kind not in a.not_for]

    found: dict[str, Activity] = {a.id: a for a in fitting(None) if a.id in need.prefer} if need.prefer else {}
    for kind in (need.content_kind, None):  # the content kind first; any kind it is not excluded from next
        of_kind = fitting(kind)
        found.update((a.id, a) for a in of_kind if a.id not in found)
        if of_kind:
            break
    preferred = {key: index for index, key in enumerate(need.prefer)}

    def rank(activity: Activity) -> tuple:
        fits = activity.minutes.min <= need.target <= activity.minutes.max
        return (preferred.get(activity.id, len(preferred)), _bloom_distance(activity, need.bloom), not fits,
                uses.get(activity.id, 0), library.order.get(activity.id, 0))

    return sorted(found.values(), key=rank)


def fit_minutes(placed: list[Placed], total: int) -> bool:
    """Set ``minutes`` of every placed activity within its range so that they add up to ``total``.

    Each starts at its target (clamped to its range); the difference is shared by slot weight among the
    activities that still have room, until it is gone. False when the ranges cannot hold ``total``.
    """
    low = [p.activity.minutes.min for p in placed]
    high = [p.activity.minutes.max for p in placed]
    if not placed or sum(low) > total or sum(high) < total:
        return False
    minutes = [min(max(p.target, lo), hi) for p, lo, hi in zip(placed, low, high)]
    diff = total - sum(minutes)
    while diff:
        sign = 1 if diff > 0 else -1
        room = [(hi - m) if sign > 0 else (m - lo) for m, lo, hi in zip(minutes, low, high)]
        active = [i for i, r in enumerate(room) if r > 0]
        weights = [max(placed[i].slot.weight, 1) for i in active]
        for index, share in zip(active, largest_remainder(abs(diff), weights)):
            step = min(share, room[index])
            minutes[index] += sign * step
            diff -= sign * step
    for p, value in zip(placed, minutes):
        p.minutes = value
    return True


def first_fitting(options: Iterable[list[Placed]], total: int) -> Optional[list[Placed]]:
    """The first arrangement of placed activities whose minutes can add up to ``total``."""
    for placed in options:
        if fit_minutes(placed, total):
            return placed
    return None


__all__ = ["Need", "Placed", "Slot", "candidates", "first_fitting", "fit_minutes"]
