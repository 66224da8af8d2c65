"""Human and machine views of standard data (`progen show`)."""
from __future__ import annotations

import json
import textwrap

from generator.exceptions import StandardDataError
from generator.standard import model as m
from generator.common.yaml_io import to_plain


def _cards(standard: m.Standard, card_code: str | None) -> list[m.Card]:
    if card_code is None:
        return standard.cards
    try:
        return [standard.card(card_code)]
    except KeyError:
        raise StandardDataError(standard.no_such_card(card_code)) from None


def show_json(standard: m.Standard, card_code: str | None = None) -> str:
    data = to_plain(standard)
    if card_code is not None:
        data["cards"] = [to_plain(c) for c in _cards(standard, card_code)]
    return json.dumps(data, ensure_ascii=False, indent=2)


def show_tree(standard: m.Standard, card_code: str | None = None) -> str:
    cards = _cards(standard, card_code)
    lines = [f"{standard.code} «{standard.title}» ({standard.language}, layout {standard.source.layout})"]
    total_a = total_k = 0
    for card in cards:
        a = sum(len(s.abilities) for f in card.functions for s in f.skills)
        k = sum(len(s.knowledge) for f in card.functions for s in f.skills)
        total_a, total_k = total_a + a, total_k + k
        lines.append(f"├─ {card.code} {card.name} — level {card.level or '?'}; "
                     f"{len(card.functions)} functions, {a} abilities, {k} knowledge")
        for function in card.functions:
            lines.append(f"│  ├─ F{function.number} {function.title}")
            for skill in function.skills:
                flag = " [recognition]" if skill.recognition else ""
                lines.append(f"│  │  ├─ S{skill.number} {skill.title}{flag} — "
                             f"{len(skill.abilities)} abilities, {len(skill.knowledge)} knowledge")
                for kind, items in (("A", skill.abilities), ("K", skill.knowledge)):
                    for number, item in enumerate(items, start=1):
                        wrapped = textwrap.shorten(item.text, width=100, placeholder=" …")
                        lines.append(f"│  │  │  {kind}{number} {wrapped}")
    lines.append(f"└─ {len(cards)} cards, {total_a} abilities, {total_k} knowledge items")
    if card_code is None:
        lines.extend(review_lines(standard))
    return "\n".join(lines)


def account_line(standard: m.Standard) -> str:
    from generator.ingest.account import summary

    source = standard.source
    if source.account is None:
        return f"import of {source.file}: no account kept (imported by an earlier progen; import it again)"
    return f"import of {source.file} ({source.reader}): {summary(source.account)}"


def review_lines(standard: m.Standard) -> list[str]:
    """What a reviewer must see besides the tree: the import's account, what it read past, lint."""
    from generator.standard.lint import lint_standard

    notes = standard.source.notes
    lines = ["", account_line(standard)]
    if notes:
        lines.append(f"{len(notes)} problem(s) of the source read past:")
        lines.extend(f"  {note.where}: {note.message} [{note.code}]" for note in notes)
    warnings = lint_standard(standard)
    lines.append(f"{len(warnings)} lint warning(s)" + (":" if warnings else ""))
    lines.extend(f"  {warning}" for warning in warnings)
    return lines
