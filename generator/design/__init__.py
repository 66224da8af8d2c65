"""Curriculum design: from a profession card to a program model (see ``program.py``).

Entry points: :func:`plan_program` (library) and :func:`make_program` (what the CLI calls).
"""
from __future__ import annotations

from pathlib import Path
from typing import Optional, Union

from generator.design.program import Program
from generator.workspace import Workspace
from generator.workspace.spec import ProgramSpec


def plan_program(standard, spec: ProgramSpec, workspace: Union[Workspace, Path, None] = None) -> Program:
    """Design the program for ``spec`` (already merged with defaults) from ``standard``.

    ``workspace``: a :class:`~generator.workspace.Workspace`, a workspace folder, or None (built-in data).
    """
    from generator.design.engine import design

    return design(standard, spec, Workspace.of(workspace))


def make_program(spec_path: Optional[Path] = None, *, standard: Optional[Path] = None, card: Optional[str] = None,
                 hours: Optional[int] = None, skills: Optional[list[str]] = None,
                 workspace: Union[Workspace, Path, None] = None, base: Optional[ProgramSpec] = None,
                 hours_by_level: Optional[dict] = None) -> Program:
    """Load a spec file and/or options, load the standard, design the program (``base``: the workspace's
    defaults, lowest precedence; ``hours_by_level``: a full card's total by level, when none is given)."""
    from generator.design.engine import resolve

    return resolve(spec_path, standard=standard, card=card, hours=hours, skills=skills,
                   workspace=Workspace.of(workspace), base=base, hours_by_level=hours_by_level)
