"""Moodle competency framework CSV, for Site administration › Competencies › Import competency
framework (admin tool ``tool_lpimportcsv``).

Layout: a header row with the importer's 14 columns in its order (``framework_importer::
list_required_headers()``; the importer maps columns by position), one framework row
(``Is framework`` = 1), then one row per card, labour function, skill, ability and knowledge item.
Each row's ``ID number`` is the element's stable id (``3412-0-003/F2/S1/A3``) and its ``Parent ID
number`` the id of the element above; cards have an empty parent, which the importer reads as
"top level of the framework" (``add_children($framework, '')``). The framework's taxonomy lists one
of Moodle's words per depth: card = domain, function = competency, skill = skill, ability and
knowledge = indicator. Every competency inherits the framework's default two-step scale (labels
from the language pack's ``labels.yaml``, ``export.scale``). Knowledge items citing the same normative act are cross-referenced
(each pair once, on the later row; ``%2C`` stands for a comma inside an id, as the importer's
``set_related`` expects).

Descriptions are plain text (``Description format`` 2 = FORMAT_PLAIN) holding the element's full,
verbatim text; a card's description adds its level and main purpose after a blank line. Short names
and ID numbers are cut at 100 characters by the importer (``shorten_text(…, 100)``, counted in
characters; the database columns are char(100)), and a child whose parent id was cut would be
dropped silently, so both are kept within 100 characters here and unique: a too-long id becomes
its first 91 characters + ``~`` + 8 hex digits of its SHA-1; a short name that would repeat
another gets its stable id appended.

Encoding and line endings — what the importer accepts (moodle/moodle, read for this module):

- ``admin/tool/lpimportcsv/classes/form/import.php`` offers an *Encoding* select
  (``core_text::get_encodings()``) whose default is ``UTF-8``, and a *CSV delimiter* select whose
  default is comma unless the site language's ``listsep`` is ``;``.
- ``lib/csvlib.class.php`` ``csv_import_reader::load_csv_content()`` converts the file from the
  chosen encoding to UTF-8 (``core_text::convert``), strips a UTF-8 BOM (``trim_utf8_bom``),
  turns CRLF and CR into LF (``preg_replace('!\\r\\n?!', "\\n", …)``), trims the end of the file and
  reads rows with PHP ``fgetcsv`` (delimiter from the form, ``"`` enclosure), so quoted cells may
  hold commas, doubled quotes and line breaks; every row must have as many cells as the header.
- Moodle's own exporter (``framework_exporter.php`` via ``csv_export_writer``) writes UTF-8 with
  PHP ``fputcsv``: comma, ``"`` enclosure, LF line endings, no BOM.

So this module writes exactly that: UTF-8 without BOM, LF line endings, comma-separated,
minimal ``"`` quoting. On import choose encoding **UTF-8** and delimiter **comma** (a site in a
language whose list separator is ``;`` preselects semicolon). Windows-1251 (the usual Cyrillic
code page) has no Kazakh letters ә ғ қ ң ө ұ ү һ і, so UTF-8 is the only encoding that keeps
Kazakh text intact. PHP's ``fgetcsv`` also has an escape character, ``\\``: a backslash right
before a quote inside a quoted cell (text with ``\\"``, or a quoted cell ending in ``\\``) is misread
(tried with PHP 8.2), so such a text is refused with an ExportError naming the element rather than
arriving changed in Moodle.
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from dataclasses import dataclass, field
from typing import Optional

from generator.exceptions import ExportError
from generator.standard import model as m

HEADER = (
    "Parent ID number",
    "ID number",
    "Short name",
    "Description",
    "Description format",
    "Scale values",
    "Scale configuration",
    "Rule type (optional)",
    "Rule outcome (optional)",
    "Rule config (optional)",
    "Cross-referenced competency ID numbers",
    "Exported ID (optional)",
    "Is framework",
    "Taxonomy",
)
MAX_LENGTH = 100  # Moodle cuts ID numbers and short names here
FORMAT_PLAIN = "2"
TAXONOMY_WORDS = ("behaviour", "competency", "concept", "domain", "indicator", "level", "outcome", "practice",
                  "proficiency", "skill", "value")
TAXONOMY = ("domain", "competency", "skill", "indicator")  # card, function, skill, ability/knowledge


@dataclass
class Row:
    parent: str
    idnumber: str
    shortname: str
    description: str
    related: list[str] = field(default_factory=list)
    stable_id: str = ""
    text: str = ""


def idnumber(stable_id: str) -> str:
    """The Moodle ID number of a stable id: itself, or a unique 100-character form when longer."""
    if len(stable_id) <= MAX_LENGTH:
        return stable_id
    digest = hashlib.sha1(stable_id.encode("utf-8")).hexdigest()[:8]
    return f"{stable_id[:MAX_LENGTH - 9]}~{digest}"


def fit(text: str, limit: int = MAX_LENGTH) -> str:
    """One line of at most ``limit`` characters, cut at a word boundary with an ellipsis."""
    text = re.sub(r"\s+", " ", text).strip()
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut[limit // 2:]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:.-–") + "…"


def scale_configuration(values: list[str]) -> str:
    """Moodle's scale configuration JSON: first value the default, the last one proficient."""
    config: list[dict] = [{"scaleid": "1"}]  # the importer replaces the scale id with the real one
    for index in range(1, len(values) + 1):
        config.append({"id": index, "scaledefault": int(index == 1), "proficient": int(index == len(values))})
    return json.dumps(config, separators=(",", ":"))


def framework_idnumber(standard: m.Standard, card: Optional[str] = None) -> str:
    from generator.standard.store import safe_code

    base = f"{safe_code(standard.code)}.{standard.language}"
    return idnumber(f"{base}.{card}" if card else base)


def _act_key(item: m.Item):
    if item.legal_ref is None:
        return None
    from generator.design.bibliography import act_key

    return act_key(item.legal_ref)


def competency_rows(standard: m.Standard, card: Optional[str] = None, workspace=None) -> list[Row]:
    """Cards, functions, skills, abilities and knowledge in document order, parents first."""
    from generator.export import labels

    words = labels(standard.language, workspace)
    rows: list[Row] = []
    first_of_act: dict = {}
    for c in standard.cards:
        if card is not None and c.code != card:
            continue
        details = [f"{words['card_level']}: {c.level}" if c.level else "",
                   f"{words['card_purpose']}: {c.purpose}" if c.purpose else ""]
        description = "\n\n".join([c.name, *filter(None, details)])
        rows.append(Row("", idnumber(c.code), "", description, stable_id=c.code, text=c.name))
        for function in c.functions:
            rows.append(Row(idnumber(c.code), idnumber(function.id), "", function.title,
                            stable_id=function.id, text=function.title))
            for skill in function.skills:
                rows.append(Row(idnumber(function.id), idnumber(skill.id), "", skill.title,
                                stable_id=skill.id, text=skill.title))
                for item in skill.abilities + skill.knowledge:
                    row = Row(idnumber(skill.id), idnumber(item.id), "", item.text, stable_id=item.id, text=item.text)
                    key = _act_key(item)
                    if key is not None:
                        row.related = list(first_of_act.get(key, []))
                        first_of_act.setdefault(key, []).append(row.idnumber)
                    rows.append(row)
    _assign_short_names(rows)
    seen: set[str] = set()
    for row in rows:
        if row.idnumber in seen:
            raise ExportError(f"{standard.code}: the Moodle ID number '{row.idnumber}' would appear twice")
        seen.add(row.idnumber)
    return rows


def _assign_short_names(rows: list[Row]) -> None:
    """Fit each text in 100 characters; where two would be equal, append the stable id."""
    names = [fit(row.text) for row in rows]
    counts: dict[str, int] = {}
    for name in names:
        counts[name] = counts.get(name, 0) + 1
    for row, name in zip(rows, names):
        if counts[name] > 1:
            suffix = f" ({row.idnumber})" if len(row.idnumber) <= 40 else f" ({row.idnumber[-40:]})"
            name = fit(row.text, MAX_LENGTH - len(suffix)) + suffix
        row.shortname = name
    if len({row.shortname for row in rows}) != len(rows):  # pragma: no cover - ids are unique
        raise ExportError("Moodle short names are not unique after disambiguation")


def moodle_table(standard: m.Standard, card: Optional[str] = None, workspace=None) -> list[list[str]]:
    """Header row, framework row and competency rows, every row with 14 cells."""
    from generator.export import check_card, labels

    check_card(standard, card)
    words = labels(standard.language, workspace)
    scale = list(words["scale"])
    title = f"{standard.title} — {standard.card(card).name}" if card else standard.title
    description = "\n\n".join(filter(None, [f"{standard.code} {standard.title}", standard.description]))
    table = [list(HEADER), [
        "", framework_idnumber(standard, card), fit(title), description, FORMAT_PLAIN,
        ",".join(scale), scale_configuration(scale), "", "", "", "", "", "1", ",".join(TAXONOMY),
    ]]
    for row in competency_rows(standard, card, workspace):
        related = ",".join(r.replace(",", "%2C") for r in row.related)
        table.append([row.parent, row.idnumber, row.shortname, row.description, FORMAT_PLAIN,
                      "", "", "", "", "", related, "", "", ""])
    return table


def _check_php_escape(row: list[str]) -> None:
    """Refuse a cell PHP's fgetcsv would misread because of its backslash escape character."""
    for cell in row:
        quoted = any(ch in cell for ch in ',"\n')
        if '\\"' in cell or (quoted and cell.endswith("\\")):
            raise ExportError(f"{row[1] or 'framework'}: the text has a backslash before a quote, which Moodle's "
                              f"CSV reader (PHP fgetcsv) misreads; edit the text in the standard data: {cell[:60]!r}")


def moodle_csv(standard: m.Standard, card: Optional[str] = None, workspace=None) -> str:
    """The CSV text: UTF-8 (encode it without a BOM), LF line endings, comma, minimal quoting."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=",", quotechar='"', lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    for row in moodle_table(standard, card, workspace):
        # Moodle turns every CR into LF before parsing; an unquoted lone CR would split a row there.
        row = [re.sub(r"\r\n?", "\n", cell) for cell in row]
        _check_php_escape(row)
        writer.writerow(row)
    return buffer.getvalue()
