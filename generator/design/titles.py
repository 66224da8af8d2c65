"""Titles of topics and practical tasks (PEDAGOGY §3): nominal phrases in sentence case, without
«қабілеті»/«способность», and normative acts by their short title (no dates, numbers or registration
notes: the full citation stays in the literature list).

The wording these rules read is the language's ``titles`` data (``generator/languages/<code>/design.yaml``).
"""
from __future__ import annotations

import re

from generator.standard.model import Item


def sentence_case(text: str) -> str:
    """The first letter capitalised, the rest as the standard writes it (names keep their capitals)."""
    text = " ".join(text.split()).strip().rstrip(".;:,")
    return text[:1].upper() + text[1:]


def straight_quotes_to_guillemets(text: str) -> str:
    return re.sub(r'"([^"]*)"', r"«\1»", text)


def act_short_title(item: Item, phraser, titles: dict) -> str:
    """A normative act by its short title: an approving act names what it approves, in the nominative
    («… үлгілік ережені бекіту туралы» → «… үлгілік ереже»; «Об утверждении Типового положения …» →
    «Типовое положение …»); any other act is its item without dates, numbers and registration notes."""
    ref = item.legal_ref
    title = (ref.title if ref is not None else item.text).strip().strip('"«»')
    suffix = (titles.get("approval_suffix") or "").strip()
    prefix = (titles.get("approval_prefix") or "").strip()
    approved = None
    if suffix and title.lower().endswith(suffix.lower()):
        approved = phraser.inflect(title[: -len(suffix)].strip(), "nominative", "accusative")
    elif prefix and title.lower().startswith(prefix.lower()):
        approved = phraser.inflect(title[len(prefix):].strip(), "nominative", "genitive")
    if approved:
        return sentence_case(approved)
    text = item.text
    for pattern in titles.get("act_strip") or ():
        text = re.sub(pattern, "", text)
    return sentence_case(straight_quotes_to_guillemets(text))


def ability_heading(item: Item, phraser, titles: dict, verb_nouns: dict | None = None) -> str:
    """An ability as a heading: a nominal phrase (ru: «Определение требований …» for «Определять
    требования …»), without the words of ``titles.drop_words`` («қабілеті») and, after a verbal noun,
    ``titles.drop_after_verbal_noun`` («… талдау дағдылары» → «… талдау»), with a verb of
    ``titles.drop_skill_verbs`` that ends the title after it («… әзірлеу дағдыларын меңгеру» → «… әзірлеу»)."""
    text = phraser.ability_heading(item.text, verb_nouns) or item.text
    words = text.strip().rstrip(".;").split()
    drop = {w.lower() for w in titles.get("drop_words") or ()}
    after_verbal = {w.lower() for w in titles.get("drop_after_verbal_noun") or ()}
    skill_verbs = {w.lower() for w in titles.get("drop_skill_verbs") or ()}
    if len(words) > 3 and words[-1].lower() in skill_verbs and words[-3].lower().endswith(("у", "ю")) \
            and words[-2].lower().startswith(tuple(after_verbal)):  # дағдылары(н) меңгеру
        words = words[:-2]
    kept: list[str] = []
    for index, word in enumerate(words):
        bare = word.strip(",;").lower()
        if bare in drop and len(words) > 1:
            if word.endswith((",", ";")) and kept:
                kept[-1] += word[-1]
            continue
        if bare in after_verbal and index > 0 and words[index - 1].rstrip(",").lower().endswith(("у", "ю")):
            if word.endswith((",", ";")) and kept:
                kept[-1] += word[-1]
            continue
        kept.append(word)
    if kept and len(kept) < len(words) and drop and kept[0].lower() in drop:
        kept = kept[1:]
    return sentence_case(" ".join(kept) if kept else text)


def knowledge_heading(item: Item, phraser) -> str:
    """A knowledge item as a heading (… ерекшеліктерін білу → … ерекшеліктері; «Знание X» → «X»)."""
    return sentence_case(straight_quotes_to_guillemets(phraser.topic(item.text)))


def task_title(headings: list[str], form: str | None) -> str:
    """The practical task: what the participants do, and its form: «… (рөлдік ойын)»."""
    text = "; ".join(headings)
    return f"{text} ({form})" if form else text
