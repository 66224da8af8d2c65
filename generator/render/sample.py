"""The sample program of a language: what ``progen templates check`` renders every template with.

Each language pack names a sample standard and card (``pack.yaml`` ``sample:``; Kazakh: card 3412-0-003
of the bundled standard М84120, Russian: a short hand-written standard in the 2023 layout). The sample is
that card designed with the built-in data, so it has every field of the program model filled, and every
branch of a template — the legal module, skill modules, recognition sheets, sessions, personal
competences — is rendered; it changes with the model and the design, with nothing to keep up by hand.
"""
from __future__ import annotations

from generator.design.program import Program


def sample_languages() -> list[str]:
    """Codes of the registered languages that have a sample program."""
    from generator.workspace import Workspace

    return [code for code, pack in Workspace.builtin().languages.items() if pack.sample_standard is not None]


def sample_program(lang: str) -> Program:
    """The sample program in ``lang`` (designed fresh: callers may change it)."""
    from generator.design import plan_program
    from generator.exceptions import TemplateProblem
    from generator.standard.store import load_standard
    from generator.workspace import Workspace
    from generator.workspace.spec import ProgramSpec

    ws = Workspace.builtin()
    pack = ws.language(lang)
    if pack.sample_standard is None:
        raise TemplateProblem(f"language '{lang}' has no sample program (pack.yaml: sample)")
    standard = load_standard(pack.sample_standard)
    return plan_program(standard, ProgramSpec(card=pack.sample_card, year=2026), ws)
