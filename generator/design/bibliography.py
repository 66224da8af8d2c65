"""Bibliography from the parsed normative acts: deduplicated, ordered by legal force."""
from __future__ import annotations

import re

from generator.design.program import Reference
from generator.standard.model import Item, LegalRef

LEGAL_FORCE = ("constitution", "code", "law", "presidential_decree", "government_decree", "ministerial_order", "other")


def act_key(ref: LegalRef) -> tuple:
    """Two citations of the same act (same kind, title and number) are one act."""
    title = re.sub(r"\W+", " ", ref.title.lower()).strip()
    return (ref.kind, title, ref.number or "", ref.date or "")


def cite(item_text: str) -> str:
    """A citation as Kazakh and Russian programs write it: «» quotes, one final full stop."""
    text = re.sub(r'"([^"]*)"', r"«\1»", item_text.strip())
    return text if text.endswith(".") else text + "."


def build_bibliography(items: list[Item], extra: list[str]) -> list[Reference]:
    """Acts in order of legal force (then first appearance); ``extra`` literature after them."""
    acts: dict[tuple, Reference] = {}
    order: list[tuple] = []
    for item in items:
        if item.legal_ref is None:
            continue
        key = act_key(item.legal_ref)
        if key not in acts:
            acts[key] = Reference(number=0, kind=item.legal_ref.kind, citation=cite(item.text), item_ids=[])
            order.append(key)
        acts[key].item_ids.append(item.id)
    ranked = sorted(order, key=lambda k: (LEGAL_FORCE.index(k[0]) if k[0] in LEGAL_FORCE else len(LEGAL_FORCE),
                                          order.index(k)))
    references = [acts[key] for key in ranked]
    references += [Reference(number=0, kind="other", citation=cite(text)) for text in extra]
    for number, reference in enumerate(references, start=1):
        reference.number = number
    return references
