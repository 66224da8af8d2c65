"""Hours: integers that add up exactly (largest-remainder rounding), with a minimum per part.

No topic, session or module is below its minimum (design data ``hours``; never 0): every part a topic
has (its theory, its practice) gets ``min_part_hours``, a module's assessment scales with its tasks, and
when the total cannot hold the content, topics are merged within a module (:mod:`generator.design.allocation`).
"""
from __future__ import annotations

from fractions import Fraction

from generator.exceptions import SpecError


def largest_remainder(total: int, weights: list[float], minimum: int = 0) -> list[int]:
    """Share ``total`` in proportion to ``weights``; every share at least ``minimum``.

    Ties are broken by position (earlier parts first) so the result is deterministic.
    """
    return share_with_minimums(total, weights, [minimum] * len(weights))


def share_with_minimums(total: int, weights: list[float], minimums: list[int]) -> list[int]:
    """Give every part its minimum, then share the rest in proportion to ``weights`` (largest remainder)."""
    count = len(weights)
    if count == 0:
        return []
    if total < 0:
        raise SpecError(f"hours: must not be negative, got {total}")
    if total < sum(minimums):
        raise SpecError(f"hours: {total} academic hours cannot give {count} parts their minimum of "
                        f"{sum(minimums)} hours in all")
    rest = total - sum(minimums)
    if all(isinstance(w, int) and not isinstance(w, bool) and w >= 0 for w in weights) and sum(weights) > 0:
        return _integer_shares(rest, weights, minimums)  # the same result, without Fractions (session plans)
    fractions = [Fraction(w).limit_denominator(10**6) for w in weights]
    weight_sum = sum(fractions)
    if weight_sum <= 0:
        fractions, weight_sum = [Fraction(1)] * count, Fraction(count)
    exact = [w * rest / weight_sum for w in fractions]
    shares = [int(x) for x in exact]
    left = rest - sum(shares)
    order = sorted(range(count), key=lambda i: (-(exact[i] - shares[i]), i))
    for index in order[:left]:
        shares[index] += 1
    return [share + minimum for share, minimum in zip(shares, minimums)]


def _integer_shares(rest: int, weights: list[int], minimums: list[int]) -> list[int]:
    """:func:`share_with_minimums` for whole-number weights: exact integer arithmetic, same ties."""
    weight_sum = sum(weights)
    shares = [w * rest // weight_sum for w in weights]
    remainders = [w * rest % weight_sum for w in weights]
    left = rest - sum(shares)
    for index in sorted(range(len(weights)), key=lambda i: (-remainders[i], i))[:left]:
        shares[index] += 1
    return [share + minimum for share, minimum in zip(shares, minimums)]


def module_minimum(total: int, modules: int, preferred: int) -> int:
    """The per-module minimum: the preferred one if the total allows it, else 1."""
    if modules and total < modules:
        raise SpecError(
            f"hours: {total} academic hours are fewer than the {modules} modules of this program; "
            f"give at least {modules} hours or select fewer skills"
        )
    return preferred if total >= preferred * modules else 1


def split_two(total: int, first: float, second: float, minimum: int = 1) -> tuple[int, int]:
    """``total`` in two parts in proportion ``first : second``, each at least ``minimum``."""
    a, b = share_with_minimums(total, [first, second], [minimum, minimum])
    return a, b
