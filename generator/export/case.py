"""1EdTech CASE 1.0 CFPackage JSON: the standard as a competency framework other systems can load.

One ``CFDocument`` per standard (or per card with ``card=``) carrying the standard's language;
one ``CFItem`` per profession card, labour function, skill, ability and knowledge item, with
``humanCodingScheme`` = the stable id and ``CFItemType`` one of the English type names of
:data:`ITEM_TYPES` (their kk/ru names are in ``CFDefinitions.CFItemTypes`` as descriptions); one
``isChildOf`` ``CFAssociation`` per element, pointing at its parent (cards at the document), with
``sequenceNumber`` = its position among its siblings (abilities first, then knowledge).

Re-exports are stable, so a CASE server updates items instead of duplicating them:

- identifiers are UUID version 5 in the fixed namespace :data:`NAMESPACE`, named
  ``<code>/<language>/<stable id>`` (the code made ASCII-safe, so a Cyrillic М and a Latin M give
  the same ids); the kk and ru versions of one standard are different documents and items;
- ``lastChangeDateTime`` comes from the standard data, never from the clock: the approval order's
  date when it is an ISO date, else 1 January of the standard's year (else the Unix epoch);
- ``uri`` is ``urn:uuid:<identifier>`` unless a ``base_uri`` is given (then
  ``<base_uri>/CFItems/<identifier>`` etc., the CASE REST paths).

The result validates against the CFPackage JSON Schema of CASE 1.0 (tests check it with jsonschema).
"""
from __future__ import annotations

import datetime
import json
import uuid
from typing import Optional

from generator.standard import model as m

NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://progen.invalid/case/v1p0")
ITEM_TYPES = {
    "card": ("Profession card", "1"),
    "function": ("Labour function", "2"),
    "skill": ("Skill", "3"),
    "ability": ("Ability", "4"),
    "knowledge": ("Knowledge", "4"),
}


class _Builder:
    def __init__(self, standard: m.Standard, card: Optional[str], base_uri: Optional[str], workspace=None):
        from generator.export import labels
        from generator.standard.store import safe_code

        self.standard = standard
        self.words = labels(standard.language, workspace)
        self.prefix = f"{safe_code(standard.code)}/{standard.language}"
        self.base_uri = base_uri.rstrip("/") if base_uri else None
        self.changed = change_datetime(standard)
        self.card = card
        doc_name = f"{self.prefix}#{card}" if card else self.prefix
        self.doc_id = self.uuid(doc_name)
        title = f"{standard.title} — {standard.card(card).name}" if card else standard.title
        self.doc_link = {"title": title, "identifier": self.doc_id, "uri": self.uri("CFDocuments", self.doc_id)}
        self.items: list[dict] = []
        self.associations: list[dict] = []
        self.links: dict[str, dict] = {}

    def uuid(self, name: str) -> str:
        return str(uuid.uuid5(NAMESPACE, name))

    def uri(self, collection: str, identifier: str) -> str:
        return f"{self.base_uri}/{collection}/{identifier}" if self.base_uri else f"urn:uuid:{identifier}"

    def type_id(self, kind: str) -> str:
        return self.uuid(f"progen/CFItemType/{kind}")

    def item(self, kind: str, stable_id: str, statement: str, number: int, notes: Optional[str] = None,
             parent: Optional[str] = None, sequence: int = 1) -> None:
        identifier = self.uuid(f"{self.prefix}/{stable_id}")
        title, _level = ITEM_TYPES[kind]
        item = {
            "identifier": identifier,
            "uri": self.uri("CFItems", identifier),
            "CFDocumentURI": self.doc_link,
            "fullStatement": statement,
            "humanCodingScheme": stable_id,
            "listEnumeration": str(number),
            "CFItemType": title,
            "CFItemTypeURI": {"title": title, "identifier": self.type_id(kind),
                              "uri": self.uri("CFItemTypes", self.type_id(kind))},
            "language": self.standard.language,
            "lastChangeDateTime": self.changed,
        }
        if notes:
            item["notes"] = notes
        self.items.append(item)
        self.links[stable_id] = {"title": statement, "identifier": identifier, "uri": item["uri"]}
        destination = self.links[parent] if parent else self.doc_link
        name = f"{self.prefix}/{stable_id}|isChildOf|{parent or '#document'}"
        association_id = self.uuid(name)
        self.associations.append({
            "identifier": association_id,
            "uri": self.uri("CFAssociations", association_id),
            "CFDocumentURI": self.doc_link,
            "associationType": "isChildOf",
            "sequenceNumber": sequence,
            "originNodeURI": self.links[stable_id],
            "destinationNodeURI": destination,
            "lastChangeDateTime": self.changed,
        })

    def build(self) -> dict:
        words = self.words
        cards = [c for c in self.standard.cards if self.card is None or c.code == self.card]
        for c_index, card in enumerate(cards, start=1):
            notes = "\n".join(filter(None, [f"{words['card_level']}: {card.level}" if card.level else "",
                                            f"{words['card_purpose']}: {card.purpose}" if card.purpose else ""]))
            self.item("card", card.code, card.name, c_index, notes or None, None, c_index)
            for f_index, function in enumerate(card.functions, start=1):
                self.item("function", function.id, function.title, function.number,
                          words["mandatory"] if function.mandatory else words["additional"], card.code, f_index)
                for s_index, skill in enumerate(function.skills, start=1):
                    recognition = (f"{words['recognition']}: {skill.recognition_text}"
                                   if skill.recognition_text else None)
                    self.item("skill", skill.id, skill.title, skill.number, recognition, function.id, s_index)
                    sequence = 0
                    for kind, items in (("ability", skill.abilities), ("knowledge", skill.knowledge)):
                        for number, item in enumerate(items, start=1):
                            sequence += 1
                            self.item(kind, item.id, item.text, number, None, skill.id, sequence)
        return {
            "CFDocument": self.document(),
            "CFItems": self.items,
            "CFAssociations": self.associations,
            "CFDefinitions": {"CFItemTypes": [self.item_type(kind) for kind in ITEM_TYPES]},
        }

    def document(self) -> dict:
        standard = self.standard
        technical = standard.technical
        approval = standard.approval
        creator = ((technical.state_body if technical else None) or (approval.body if approval else None)
                   or standard.code)
        package_id = self.uuid(f"{self.prefix}#{self.card or ''}/package")
        document = {
            "identifier": self.doc_id,
            "uri": self.doc_link["uri"],
            "CFPackageURI": {"title": self.doc_link["title"], "identifier": package_id,
                             "uri": self.uri("CFPackages", package_id)},
            "creator": creator,
            "title": self.doc_link["title"],
            "lastChangeDateTime": self.changed,
            "language": standard.language,
            "adoptionStatus": "Adopted",
            "notes": (f"{standard.code}. Source: {standard.source.file} (sha256 {standard.source.sha256}), "
                      f"layout {standard.source.layout}. Exported by progen."),
        }
        if technical and technical.state_body:
            document["publisher"] = technical.state_body
        if standard.description:
            document["description"] = standard.description
        if standard.classifier:
            document["subject"] = [f"{c.code} {c.name}" for c in standard.classifier]
        if standard.version:
            document["version"] = standard.version
        start = _iso_date(approval.order_date if approval else None)
        if start:
            document["statusStartDate"] = start
        return document

    def item_type(self, kind: str) -> dict:
        title, level = ITEM_TYPES[kind]
        return {"identifier": self.type_id(kind), "uri": self.uri("CFItemTypes", self.type_id(kind)),
                "title": title, "description": self.words["item_types"][kind], "hierarchyCode": level,
                "typeCode": kind, "lastChangeDateTime": self.changed}


def _iso_date(value: Optional[str]) -> Optional[str]:
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        return None


def change_datetime(standard: m.Standard) -> str:
    """The standard's own date as RFC 3339: approval order date, else 1 January of its year."""
    date = _iso_date(standard.approval.order_date if standard.approval else None)
    if date is None:
        date = f"{standard.year:04d}-01-01" if standard.year else "1970-01-01"
    return f"{date}T00:00:00Z"


def case_package(standard: m.Standard, card: Optional[str] = None, base_uri: Optional[str] = None,
                 workspace=None) -> dict:
    """The CFPackage as plain data (see the module docstring for identifiers and dates)."""
    from generator.export import check_card

    check_card(standard, card)
    return _Builder(standard, card, base_uri, workspace).build()


def case_json(standard: m.Standard, card: Optional[str] = None, base_uri: Optional[str] = None,
              workspace=None) -> str:
    return json.dumps(case_package(standard, card, base_uri, workspace), ensure_ascii=False, indent=2) + "\n"
