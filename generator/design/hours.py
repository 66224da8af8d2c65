"""Hours: integers that add up exactly (largest-remainder rounding), with a minimum per part."""
from __future__ import annotations

from fractions import Fraction

from generator.exceptions import SpecError


def largest_remainder(total: int, weights: list[float], minimum: int = 0) -> list[int]:
    """Share ``total`` in proportion to ``weights``; every share at least ``minimum``.

    Ties are broken by position (earlier parts first) so the result is deterministic.
    """
    count = len(weights)
    if count == 0:
        return []
    if total < minimum * count:
        raise SpecError(f"hours: {total} academic hours cannot give {count} parts at least {minimum} hour(s) each")
    if total < 0:
        raise SpecError(f"hours: must not be negative, got {total}")
    rest = total - minimum * count
    if all(isinstance(w, int) and not isinstance(w, bool) and w >= 0 for w in weights) and sum(weights) > 0:
        return _integer_shares(rest, weights, minimum)  # the same result, without Fractions (session plans)
    weight_sum = sum(Fraction(w).limit_denominator(10**6) for w in weights)
    if weight_sum <= 0:
        weights, weight_sum = [1.0] * count, Fraction(count)
    exact = [Fraction(w).limit_denominator(10**6) * rest / weight_sum for w in weights]
    shares = [int(x) for x in exact]
    left = rest - sum(shares)
    order = sorted(range(count), key=lambda i: (-(exact[i] - shares[i]), i))
    for index in order[:left]:
        shares[index] += 1
    return [share + minimum for share in shares]


def _integer_shares(rest: int, weights: list[int], minimum: int) -> list[int]:
    """:func:`largest_remainder` for whole-number weights: exact integer arithmetic, same ties."""
    weight_sum = sum(weights)
    shares = [w * rest // weight_sum for w in weights]
    remainders = [w * rest % weight_sum for w in weights]
    left = rest - sum(shares)
    for index in sorted(range(len(weights)), key=lambda i: (-remainders[i], i))[:left]:
        shares[index] += 1
    return [share + minimum for share in shares]


def module_minimum(total: int, modules: int, preferred: int) -> int:
    """The per-module minimum: the preferred one if the total allows it, else 1."""
    if modules and total < modules:
        raise SpecError(
            f"hours: {total} academic hours are fewer than the {modules} modules of this program; "
            f"give at least {modules} hours or select fewer skills"
        )
    return preferred if total >= preferred * modules else 1


def split_module(total: int, ratio: list[float], has_practice: bool, has_assessment: bool = True) -> tuple[int, int, int]:
    """Theory / practice / assessment of one module; practice ≥ 1 where there are abilities."""
    theory_w, practice_w, assessment_w = ratio
    if not has_practice:
        theory_w, practice_w = theory_w + practice_w, 0.0
    if total <= 1:
        return (0, total, 0) if has_practice else (total, 0, 0)
    if total == 2:
        return (1, 1, 0) if has_practice else (1, 0, 1)
    theory, practice, assessment = largest_remainder(total, [theory_w, practice_w, assessment_w])
    if has_assessment and assessment == 0:
        # at least one hour to check the outcomes, taken from the larger part
        if practice >= theory and practice > 1:
            practice -= 1
        else:
            theory -= 1
        assessment = 1
    if has_practice and practice == 0:
        theory -= 1
        practice = 1
    return theory, practice, assessment
