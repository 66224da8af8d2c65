"""Personal competences as behaviour observed in practice (PEDAGOGY §6).

The card lists nouns («бастамашылық», «ответственность»); the language's ``personal.yaml`` maps each to
a behaviour with a finite verb and three observable signs. A noun that is not there falls back to
``fallback`` («… танытады» / «проявляет …»), and the plan's warnings and ``progen lint`` name it.
"""
from __future__ import annotations

import re
from typing import Optional

from generator.design.criteria import fill_slots
from generator.design.program import PersonalOutcome
from generator.standard.model import Card


def _normal(word: str) -> str:
    return " ".join(word.lower().replace("ё", "е").strip(" .;,").split())


def lexicon_entry(competency: str, wording: dict) -> Optional[dict]:
    """The lexicon entry of a competence (by its name or one of its ``also`` names), or None."""
    wanted = _normal(competency)
    for name, entry in (wording.get("competences") or {}).items():
        if wanted == _normal(name) or wanted in {_normal(other) for other in entry.get("also") or ()}:
            return entry
    return None


def unknown_competencies(card: Card, wording: dict) -> list[str]:
    """The card's personal competences the lexicon does not know (for lint)."""
    return [c for c in card.personal_competencies if lexicon_entry(c, wording) is None]


def lint_personal(standard, workspace) -> list:
    """``progen lint``: every personal competence of the standard its language's lexicon does not know (the
    program then says «… танытады» / «проявляет …» and names no observable signs)."""
    from generator.standard.lint import LintWarning

    wording = workspace.design.get(standard.language)
    if not isinstance(wording, dict) or "competences" not in wording:
        return []
    return [LintWarning(card.code, "personal-unknown",
                        f"the personal competence «{competency}» is not in the {standard.language} lexicon of personal "
                        f"competences (personal.yaml): programs write it as «{wording['fallback']['text']}» "
                        f"without observable signs")
            for card in standard.cards for competency in unknown_competencies(card, wording)]


def personal_outcomes(card: Card, wording: dict, phraser, names, practice_topics: list[str]
                      ) -> tuple[list[PersonalOutcome], list[str]]:
    """The card's personal competences as outcomes ``ОН Ж<n>`` (``<n>``: the position on the card), and a
    warning for each one the lexicon does not know."""
    outcomes, warnings = [], []
    prefix = f"{wording['outcome_prefix']} {wording['personal_prefix']}"
    for index, competency in enumerate(card.personal_competencies, start=1):
        word = names.lower_first(competency.strip().rstrip("."))
        entry = lexicon_entry(competency, wording)
        source = "lexicon"
        if entry is None:
            entry, source = _fallback(word, wording, phraser), "fallback"
            warnings.append(wording["warnings"]["personal_unknown"].format(competency=word, text=entry["text"]))
        outcomes.append(PersonalOutcome(code=f"{prefix}{index}", competency=word, text=entry["text"],
                                        verb=entry["verb"], signs=list(entry["signs"]),
                                        observed_in=list(practice_topics),
                                        source_ids=[f"{card.code}/personal/{index}"], source=source))
    return outcomes, warnings


def _fallback(word: str, wording: dict, phraser) -> dict:
    fallback = wording["fallback"]

    def fill(template: str) -> str:
        filled = fill_slots(template, "competency", word, phraser)
        if filled is None:  # the language cannot inflect the word: name it as it is
            filled = fill_slots(re.sub(r":[a-z]+\}", "}", template), "competency", word, phraser) or template
        if filled.startswith(word) and word[:1].isupper():  # a name opens the sentence: it keeps its capital
            return filled
        return filled[:1].lower() + filled[1:]

    return {"text": fill(fallback["text"]), "verb": fallback["verb"], "signs": [fill(s) for s in fallback["signs"]]}
