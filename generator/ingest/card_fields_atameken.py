"""The card a layout A/B card parser read: its fields (code, level, education, related professions …)
and functions made into a Card. A mixin of :class:`~generator.ingest.cards_atameken.AtamekenCardParser`,
which fills ``fields``, ``functions``, ``listed``, ``heading`` and the notebook."""
from __future__ import annotations

import re
from typing import Optional

from generator.exceptions import ImportFormatError
from generator.ingest.numbered import clean_item
from generator.ingest.repair import repair_glued
from generator.standard import model as m

CARD_CODE = re.compile(r"(\d{4})\s*-\s*(\d)\s*-\s*(\d{3})")
GROUP_CODE = re.compile(r"^\s*(\d{4})(?:\s*-\s*(\d))?(?!\d)")
_OCCUPATION_CODE = re.compile(r"\d{3,4}(-\d(-\d{3})?)?")
_LEVEL_VALUE = re.compile(r"\d{1,2}(\s*[-–—]\s*\d{1,2})?")
_LEVEL = re.compile(r"(?<!\d)(\d{1,2})(?!\d)\s*(?:[-–—]\s*(\d{1,2})(?!\d))?")


def text_of(value: str) -> str:
    return repair_glued(re.sub(r"\s*\n\s*", " ", value)).strip()


class CardFields:
    """Turns what the parser read into the card (see the module docstring)."""

    def value(self, field: str) -> Optional[str]:
        parts = [p for p in self.fields.get(field, []) if p.strip()]
        if not parts:
            return None
        text = text_of("\n".join(parts))
        return None if text in ("-", "—", "–", "") else text

    def codes(self) -> tuple[Optional[str], Optional[str]]:
        """(official card code like 1234-5-678 or None, group code like 2523-0 / 2139 or None)."""
        code = group = None
        for field in ("code", "group_code"):
            raw = " ".join(self.fields.get(field, []))
            full = CARD_CODE.search(raw)
            if full and code is None:
                code = f"{full.group(1)}-{full.group(2)}-{full.group(3)}"
            short = GROUP_CODE.match(raw)
            if short and not full and group is None:
                group = short.group(1) + (f"-{short.group(2)}" if short.group(2) else "")
        if group is None and code:
            group = code.rsplit("-", 1)[0]
        return code, group

    def level(self) -> Optional[str]:
        raw = self.value("level")
        match = _LEVEL.search(raw or "")
        if not match:
            return raw
        return match.group(1) + (f"-{match.group(2)}" if match.group(2) else "")

    def card(self, code: str, group: Optional[str], note: Optional[str]) -> m.Card:
        self.orphans.close()
        if not self.functions:
            raise ImportFormatError(
                f"{self.where(self.heading_line)}: card '{(self.heading or self.value('profession_name') or '')[:60]}' "
                "describes no labour function; expected rows like 'Трудовая функция 1: …'"
            )
        m.assign_ids(self.functions, code)
        self.notebook.settle(code)
        level_text = self.value("level") or ""
        # «4.\nТехническое и профессиональное образование, без практического опыта» (layout A)
        level_rest = _LEVEL.sub("", level_text, count=1).strip(" .:\n") if re.match(r"\s*\d", level_text) else ""
        education = self._education(level_rest)
        personal = self.value("personal") or ""
        return m.Card(
            code=code,
            group_code=group,
            name=(self.value("profession_name") or self.heading or "").strip("«»\"“” "),
            heading=self.heading or None,
            level=self.level(),
            tariff_level=self._tariff(),
            education=education,
            other_names=[n for n in (clean_item(p) for p in re.split(r"\s*[;\n]\s*", "\n".join(
                self.fields.get("other_names", [])))) if n and n not in ("-", "—", "–")],
            purpose=self.value("purpose"),
            listed_functions=self.listed,
            functions=self.functions,
            personal_competencies=[c for c in (clean_item(p) for p in re.split(r"\s*[,;]\s*|\.\s+", personal)) if c],
            technical_regulations=[r for r in (clean_item(p) for p in re.split(r"\s*;\s*", self.value("regulations") or "")) if r],
            related_professions=self._related_professions(),
            qualification_label_note=note,
        )

    def _tariff(self) -> Optional[str]:
        parts = [repair_glued("; ".join(clean_item(line) for line in p.split("\n") if line.strip()))
                 for p in self.fields.get("tariff_level", [])]
        parts = [p for p in parts if p not in ("", "-", "—", "–")]
        return ": ".join([parts[0], "; ".join(parts[1:])]) if len(parts) > 1 else (parts[0] if parts else None)

    def _education(self, level_rest: str) -> Optional[m.Education]:
        parts = [p for p in self.fields.get("education", []) if p.strip() and p.strip() not in ("-", "—", "–")]
        if not parts and not level_rest:
            return None
        if not parts:
            return m.Education(level=clean_item(text_of(level_rest)))
        level = clean_item(re.sub(r"^\s*Уровень образования\s*:\s*", "", text_of(parts[0]), flags=re.IGNORECASE))
        specialities: list[m.Speciality] = []
        for part in parts[1:]:
            if re.match(r"^\s*(Квалификаци|Біліктілік)", part, re.IGNORECASE):
                continue  # qualification codes (130404 3 Техник-программист), not specialities
            for line in part.split("\n"):
                match = re.match(r"^\s*(\d{7}|\d[A-Z]\d{2,5})\s+(.+)$", line.strip())
                if match:
                    specialities.append(m.Speciality(code=match.group(1), name=clean_item(match.group(2))))
        basis = "; ".join(text_of(p) for p in parts[1:]) or None
        return m.Education(level=level, specialities=specialities, basis=basis)

    def _related_professions(self) -> list[m.RelatedProfession]:
        related: list[m.RelatedProfession] = []
        parts = [p for p in self.fields.get("related", []) if p.strip() and p.strip() not in ("-", "—", "–")]
        # the values come in (level or code, name) pairs, each possibly listing several lines
        for first, second in zip(parts[0::2], parts[1::2]):
            lefts, rights = first.split("\n"), second.split("\n")
            if len(lefts) != len(rights):
                lefts = [" ".join(lefts)] * len(rights)
            for left, right in zip(lefts, rights):
                left, name = clean_item(left), clean_item(text_of(right))
                if not name:
                    continue
                if _OCCUPATION_CODE.fullmatch(left):  # layout A gives the occupation code, not a level
                    left, name = "", f"{left} {name}"
                elif not _LEVEL_VALUE.fullmatch(left):  # «Новая профессия»
                    left = ""
                related.append(m.RelatedProfession(level=left, name=name))
        if len(parts) % 2:
            related.append(m.RelatedProfession(level="", name=clean_item(text_of(parts[-1]))))
        return related
