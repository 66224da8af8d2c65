"""Parse normative legal acts cited in knowledge items into structured references.

Kazakh citations put the title first (``"Title" Қазақстан Республикасы Үкіметінің 2023 жылғы
28 наурыздағы № 247 қаулысы``); Russian ones usually put the kind first (``Постановление
Правительства Республики Казахстан от 28 марта 2023 года № 247 «Title»``). Both end up as the
same LegalRef, which the bibliography orders by legal force.
"""
from __future__ import annotations

import re
from typing import Optional

from generator.standard.model import LegalRef

_KK_MONTHS = {
    "қаңтар": 1, "ақпан": 2, "наурыз": 3, "сәуір": 4, "мамыр": 5, "маусым": 6,
    "шілде": 7, "тамыз": 8, "қыркүйек": 9, "қазан": 10, "қараша": 11, "желтоқсан": 12,
}
_RU_MONTHS = {
    "январ": 1, "феврал": 2, "март": 3, "апрел": 4, "ма": 5, "июн": 6,
    "июл": 7, "август": 8, "сентябр": 9, "октябр": 10, "ноябр": 11, "декабр": 12,
}

_QUOTED = r"[\"«“„](?P<title>.+?)[\"»”]"
_REG_KK = re.compile(r"№\s*(?P<reg>\d+)\s*(болып\s*)?тіркелген")
_REG_RU = re.compile(r"зарегистрирован\w*[^№)]*№\s*(?P<reg>\d+)")
_NUMBER = re.compile(r"№\s*(?P<number>[\w/-]+(?:-[IVXLC]+)?)")


def _kk_date(text: str) -> Optional[str]:
    match = re.search(r"(?P<y>\d{4})\s*жылғы\s*(?P<d>\d{1,2})\s*(?P<m>[а-яәғқңөұүһі]+?)(?:дағы|дегі|тағы|тегі)\b", text)
    if not match:
        return None
    for stem, month in _KK_MONTHS.items():
        if match.group("m").startswith(stem[:-1]) and stem.startswith(match.group("m")[: len(stem) - 1]):
            return f"{int(match.group('y')):04d}-{month:02d}-{int(match.group('d')):02d}"
    return None


def _ru_date(text: str) -> Optional[str]:
    match = re.search(r"от\s*(?P<d>\d{1,2})\s*(?P<m>[а-я]+)\s*(?P<y>\d{4})", text)
    if match:
        month_word = match.group("m")
        for stem, month in sorted(_RU_MONTHS.items(), key=lambda kv: -len(kv[0])):
            if month_word.startswith(stem):
                return f"{int(match.group('y')):04d}-{month:02d}-{int(match.group('d')):02d}"
    match = re.search(r"от\s*(?P<d>\d{2})\.(?P<m>\d{2})\.(?P<y>\d{4})", text)
    if match:
        return f"{match.group('y')}-{match.group('m')}-{match.group('d')}"
    return None


def _kk_issuer(text: str, genitive: str, nominative: str) -> Optional[str]:
    match = re.search(rf"(Қазақстан Республикасы(?:ның)?[^\"»]*?){genitive}\b", text)
    if not match:
        return None
    return (match.group(1).strip() + " " + nominative).replace("Республикасының", "Республикасы")


def parse_legal_ref(text: str) -> Optional[LegalRef]:
    """Return a LegalRef when ``text`` cites a normative legal act, else None."""
    return _parse_kk(text) or _parse_ru(text)


def _numbers(text: str, registration: re.Pattern) -> dict:
    """The act's number (№ 247) and its registration number in the register of legal acts."""
    number = _NUMBER.search(text)
    registered = registration.search(text)
    return {"number": number.group("number") if number else None,
            "registration_number": registered.group("reg") if registered else None}


def _parse_kk(text: str) -> Optional[LegalRef]:
    if re.search(r"Конституциясы\b", text) and len(text) < 80:
        return LegalRef(kind="constitution", title="Қазақстан Республикасының Конституциясы")
    code = re.search(r"(Қазақстан Республикасының\s+)?(?P<name>[А-ЯӘҒҚҢӨҰҮҺІ][\w -]*?)\s+кодексі\b", text)
    if code and len(text) < 120:
        return LegalRef(kind="code", title=f"Қазақстан Республикасының {code.group('name')} кодексі")
    quoted = re.match(rf"\s*{_QUOTED}\s*(?P<rest>.*)$", text)
    if not quoted:
        return None
    title, rest = quoted.group("title"), quoted.group("rest")
    common = dict(title=title, date=_kk_date(rest), **_numbers(rest, _REG_KK))
    if re.search(r"\bЗаңы\b", rest):
        return LegalRef(kind="law", issuer=None, **common)
    if re.search(r"\bқаулысы\b", rest):
        return LegalRef(kind="government_decree", issuer=_kk_issuer(rest, "Үкіметінің", "Үкіметі"), **common)
    if re.search(r"\bЖарлығы\b", rest):
        return LegalRef(kind="presidential_decree", issuer="Қазақстан Республикасының Президенті", **common)
    if re.search(r"\bбұйрығы\b", rest):
        issuer = _kk_issuer(rest, r"(?:министрінің|Министрінің)", "министрі")
        if issuer:
            issuer = issuer.replace(" министрі", "").rstrip() + " министрі"
        return LegalRef(kind="ministerial_order", issuer=issuer, **common)
    return None


def _parse_ru(text: str) -> Optional[LegalRef]:
    if re.match(r"\s*Конституци[яи]\b", text) and len(text) < 80:
        return LegalRef(kind="constitution", title="Конституция Республики Казахстан")
    code = re.match(r"\s*(?P<name>[А-ЯЁ][а-яё]+(?:\s+[а-яё]+)?)\s+кодекс\b", text)
    if code and len(text) < 120:
        return LegalRef(kind="code", title=f"{code.group('name')} кодекс Республики Казахстан")
    quoted = re.search(_QUOTED, text)
    title = quoted.group("title") if quoted else None
    common = dict(date=_ru_date(text), **_numbers(text, _REG_RU))
    if re.match(r"\s*Закон\w*\b", text) and title:
        return LegalRef(kind="law", title=title, **common)
    if re.match(r"\s*Постановлени\w+\s+Правительства", text) and title:
        return LegalRef(kind="government_decree", title=title, issuer="Правительство Республики Казахстан", **common)
    if re.match(r"\s*Указ\w*\s+Президента", text) and title:
        return LegalRef(kind="presidential_decree", title=title, issuer="Президент Республики Казахстан", **common)
    order = re.match(r"\s*Приказ\w*\s+(?P<issuer>(?:и\.о\.\s*)?Министр\w*[^«\"]*?)\s+(?:от|№)", text)
    if order and title:
        return LegalRef(kind="ministerial_order", title=title, issuer=re.sub(r"^(и\.о\.\s*)?Министра", r"\1Министр", order.group("issuer").strip()), **common)
    return None
