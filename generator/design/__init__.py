"""Curriculum design: from a profession card to a program model (see ``program.py``).

Entry points: :func:`plan_program` (library) and :func:`make_program` (what the CLI calls).
"""
from __future__ import annotations

from pathlib import Path
from typing import Optional

from generator.design.program import Program
from generator.design.spec import ProgramSpec


def plan_program(standard, spec: ProgramSpec, workspace: Optional[Path] = None) -> Program:
    """Design the program for ``spec`` (already merged with defaults) from ``standard``."""
    from generator.design.engine import design

    return design(standard, spec, workspace)


def make_program(spec_path: Optional[Path] = None, *, standard: Optional[Path] = None, card: Optional[str] = None,
                 hours: Optional[int] = None, skills: Optional[list[str]] = None,
                 workspace: Optional[Path] = None, base: Optional[ProgramSpec] = None) -> Program:
    """Load a spec file and/or options, load the standard, design the program."""
    from generator.design.engine import resolve

    return resolve(spec_path, standard=standard, card=card, hours=hours, skills=skills,
                   workspace=workspace, base=base)
