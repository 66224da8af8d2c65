"""The live preview: the program designed from the page's choices, with advice a trainer can act on.

The design engine refuses totals it cannot share (fewer hours than modules and the final assessment) and
merges topics when the total cannot teach each on its own; the preview turns both into one sentence with
the smallest total that works: for merged topics the program says it (``Program.minimum_hours``); for a
refused total the first total that designs is found by designing again with more hours (a refusal is
fast: the hours are shared before anything else is planned).
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Optional

from generator.design import plan_program
from generator.design.program import Program
from generator.exceptions import GeneratorError
from generator.web.choices import MAX_HOURS, Resolved
from generator.workspace.manifest import defaults_spec
from generator.workspace.spec import ProgramSpec, merge_specs

SEARCH_LIMIT = 300  # totals tried when looking for the smallest one that gives every topic an hour


@dataclass
class Preview:
    program: Optional[Program] = None
    error: Optional[str] = None  # the design's own message when it refused the choices
    advice: list[tuple[str, dict]] = field(default_factory=list)  # (label key, parameters)

    @property
    def ok(self) -> bool:
        return self.program is not None


def effective_spec(resolved: Resolved, workspace) -> Optional[ProgramSpec]:
    """The spec the page designs with: ``programs.yaml``'s defaults, then the page's choices."""
    spec = resolved.spec()
    if spec is None:
        return None
    return merge_specs(defaults_spec(workspace.manifest.defaults), spec)


def design(resolved: Resolved, workspace) -> Preview:
    """Design the program of the choices; problems become advice or an error, never an exception."""
    spec = effective_spec(resolved, workspace)
    if spec is None:
        return Preview(advice=list(resolved.problems))
    standard = resolved.entry.standard
    try:
        program = plan_program(standard, spec, workspace)
    except GeneratorError as error:
        preview = Preview(error=str(error).splitlines()[0])
        enough = _smallest_total(standard, spec, workspace)
        if enough is not None:
            preview.advice.append(("hours_too_few", {"given": spec.hours, "enough": enough}))
        return preview
    preview = Preview(program=program)
    if program.total_hours < program.minimum_hours:
        preview.advice.append(("topics_merged", {"enough": program.minimum_hours}))
    return preview


def _smallest_total(standard, spec: ProgramSpec, workspace) -> Optional[int]:
    """The smallest total above the chosen one whose design teaches every topic on its own."""
    start = (spec.hours if isinstance(spec.hours, int) else 0) + 1
    for hours in range(start, min(start + SEARCH_LIMIT, MAX_HOURS + 1)):
        try:
            program = plan_program(standard, dataclasses.replace(spec, hours=hours), workspace)
        except GeneratorError:
            continue
        return max(hours, program.minimum_hours)
    return None


def outcome_item(outcome) -> Optional[str]:
    """The item id whose override changes this outcome (the first source item), or None (personal ones)."""
    if outcome.kind not in ("ability", "knowledge") or not outcome.source_ids:
        return None
    return outcome.source_ids[0]
