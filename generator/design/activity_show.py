"""Readable text of the activity library for `progen activities list` and `show`.

The words come from the language's labels (``labels.yaml`` ``activity_terms``: phases, Bloom levels, content
kinds, evidence kinds, placements and headings), so a workspace's ``templates/labels.yaml`` changes them too.
"""
from __future__ import annotations

import shutil
import textwrap
from typing import Optional

from generator.design.activities import Activity, Library


def activity_terms(workspace, lang: str) -> dict:
    """The activity words of ``lang`` (``labels.activity_terms``) from a Workspace."""
    return workspace.labels(lang)["activity_terms"]


def _width() -> int:
    return max(60, min(110, shutil.get_terminal_size((100, 20)).columns))


def list_table(library: Library, lang: str, terms: dict, phase: Optional[str] = None) -> str:
    """The activities grouped by phase, one line each: id, name, minutes min–max (default), group size.

    ``terms``: the language's activity words (:func:`activity_terms`).
    """
    labels = terms["labels"]
    chosen = [a for a in library if phase is None or a.phase == phase]
    rows = [(a.id, a.name(lang), f"{a.minutes.min}–{a.minutes.max} ({a.minutes.default})",
             f"{a.group.min}–{a.group.max}") for a in chosen]
    header = (labels["id"], labels["name"], labels["minutes_short"], labels["group_short"])
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]

    def line(row) -> str:
        return f"  {row[0].ljust(widths[0])}  {row[1].ljust(widths[1])}  {row[2].rjust(widths[2])}  " \
               f"{row[3].rjust(widths[3])}".rstrip()

    lines = [line(header)]
    for key in dict.fromkeys(a.phase for a in chosen):
        lines += ["", f"{terms['phases'][key]} ({key})"]
        lines += [line(row) for row, a in zip(rows, chosen) if a.phase == key]
    lines += ["", f"{labels['total']}: {len(rows)}"]
    return "\n".join(lines)


def _wrap(text: str, indent: str = "  ") -> str:
    return textwrap.fill(" ".join(text.split()), width=_width(), initial_indent=indent, subsequent_indent=indent)


def _bullet(text: str) -> str:
    return textwrap.fill(" ".join(text.split()), width=_width(), initial_indent="  - ", subsequent_indent="    ")


def _numbered(items: list[str], indent: str = "  ") -> list[str]:
    return [textwrap.fill(" ".join(item.split()), width=_width(), initial_indent=f"{indent}{n}. ",
                          subsequent_indent=indent + " " * (len(str(n)) + 2)) for n, item in enumerate(items, 1)]


def show_text(activity: Activity, lang: str, terms: dict, source: str = "built-in") -> str:
    """One activity in full, in the order of a T-Kit / «Compass» activity outline."""
    labels = terms["labels"]
    texts = activity.text(lang)
    unit = labels["minutes_unit"]
    head = f"{activity.id} — {texts.name}"
    lines = [head, "=" * min(len(head), _width())]
    facts = [
        (labels["phase"], terms["phases"][activity.phase]),
        (labels["placement"], terms["placement"][activity.placement] if activity.placement != "any" else ""),
        (labels["bloom"], ", ".join(terms["bloom"][b] for b in activity.bloom)),
        (labels["content_kinds"], ", ".join(terms["content_kinds"][k] for k in activity.content_kinds)),
        (labels["not_for"], ", ".join(terms["content_kinds"][k] for k in activity.not_for)),
        (labels["minutes"], f"{activity.minutes.min}–{activity.minutes.max} "
                            f"({labels['usual']} {activity.minutes.default})"),
        (labels["group"], f"{activity.group.min}–{activity.group.max}"
                          + (f". {texts.group_note}" if texts.group_note else "")),
        (labels["evidence"], ", ".join(terms["evidence"][e] for e in activity.evidence)),
        (labels["source"], labels["builtin"] if source == "built-in" else source),
    ]
    lines += [textwrap.fill(f"{label}: {value}", width=_width(), subsequent_indent="  ")
              for label, value in facts if value]
    lines += ["", f"{labels['materials']}:", *[_bullet(m) for m in texts.materials]]
    lines += ["", f"{labels['preparation']}:", _wrap(texts.preparation)]
    steps = [f"{step.title} ({minutes} {unit}). {step.text}"
             for step, minutes in zip(texts.steps, activity.step_minutes)]
    lines += ["", f"{labels['steps']}:", *_numbered(steps)]
    lines += ["", f"{labels['debrief']}:", *_numbered(texts.debrief)]
    lines += ["", f"{labels['online']}:", _wrap(texts.online)]
    if texts.result:
        lines += ["", f"{labels['result']}:", _wrap(texts.result)]
    if texts.tips:
        lines += ["", f"{labels['tips']}:", *[_bullet(tip) for tip in texts.tips]]
    return "\n".join(lines)
