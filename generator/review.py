"""What a reviewer of standard data reads: lint warnings of every stage, and the import's account.

The standard stage checks what the data itself shows (``generator.standard.lint``); the import's word
repairs and the phrasing of each item (``progen phrase --explain``) are later stages, so their checks are
added here, above the stages, where the command line and the web page call them.
"""
from __future__ import annotations

import re

from generator.ingest.account import summary
from generator.standard import model as m
from generator.standard.lint import LintWarning, lint_standard


def lint(standard: m.Standard, workspace=None) -> list[LintWarning]:
    """Every warning about ``standard``: its own contradictions, the import's repairs, the phrasing, the
    personal competences the design data cannot phrase as behaviour."""
    return (lint_standard(standard) + lint_repairs(standard) + lint_phrasing(standard, workspace)
            + lint_personal_competences(standard, workspace))


def lint_personal_competences(standard: m.Standard, workspace=None) -> list[LintWarning]:
    """Personal competences of the cards that the language's ``personal.yaml`` does not know (the program
    then writes the fallback «… танытады» / «проявляет …» without observable signs)."""
    from generator.design.personal import lint_personal
    from generator.workspace import Workspace

    return lint_personal(standard, Workspace.of(workspace))


def lint_repairs(standard: m.Standard) -> list[LintWarning]:
    """What the import repaired inside words (from ``repaired_from``), and what still looks glued."""
    from generator.ingest.repair_words import glued_suspect, repair_text
    from generator.languages import get_pack

    warnings = []
    for *_, item in standard.iter_items():
        if item.repaired_from:
            changes = repair_text(item.repaired_from, standard.language)[1] or ["the text differs from the source"]
            warnings.append(LintWarning(item.id, "repaired-word", f"repaired at import: {'; '.join(changes)}"))
        if "split_glued_words" in get_pack(standard.language).word_repairs:
            suspects = [w for w in re.findall(r"[А-Яа-яЁё]+", item.text) if glued_suspect(w)]
            if suspects:
                warnings.append(LintWarning(item.id, "glued-word", f"looks glued but no split into dictionary "
                                            f"words was found (a typo?): {', '.join(suspects)}; correct the YAML"))
    return warnings


_PHRASING_CODES = {"stem": "verb-stem", "policy": "phrasing-fallback", "agreement": "agreement"}


def lint_phrasing(standard: m.Standard, workspace=None) -> list[LintWarning]:
    """Outcomes whose phrasing assumed a reading, fell back to a policy or could not be made to agree.

    Each warning says which data file and key to change (see ``progen phrase --explain``)."""
    from generator.exceptions import PhrasingError
    from generator.language import get_phraser

    try:
        phraser = get_phraser(standard.language, workspace)
    except PhrasingError:
        return []
    warnings = []
    for *_, kind, item in standard.iter_items():
        explanation = phraser.explain(kind, item.text, item.id)
        for note in explanation.warnings:
            where = f" [{note.data}]" if note.data else ""
            warnings.append(LintWarning(item.id, _PHRASING_CODES.get(note.rule, "phrasing"),
                                        f"«{explanation.outcome.text}»: {note.detail}{where}"))
    return warnings


def account_line(standard: m.Standard) -> str:
    source = standard.source
    if source.account is None:
        return f"import of {source.file}: no account kept (imported by an earlier progen; import it again)"
    return f"import of {source.file} ({source.reader}): {summary(source.account)}"


def review_lines(standard: m.Standard, workspace=None) -> list[str]:
    """What a reviewer must see besides the tree: the import's account, what it read past, lint."""
    notes = standard.source.notes
    lines = ["", account_line(standard)]
    if notes:
        lines.append(f"{len(notes)} problem(s) of the source read past:")
        lines.extend(f"  {note.where}: {note.message} [{note.code}]" for note in notes)
    warnings = lint(standard, workspace)
    lines.append(f"{len(warnings)} lint warning(s)" + (":" if warnings else ""))
    lines.extend(f"  {warning}" for warning in warnings)
    return lines
