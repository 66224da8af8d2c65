"""Reading the phrasing test sets: the seed gold (3 columns) and our own sets (5 columns).

``kk_items.tsv`` and ``ru_items.tsv``: class/kind, sector, feature (the issue class the item tests),
item, expected outcome(s) separated by `` || ``.  ``kk_outcomes_seed.tsv``: class, item, expected.
Rows with sector ``v1`` are the first 131 Kazakh items, written before the sector column existed;
rows with feature ``blind`` were written after the rules of issue 18 and scored before any change (kk
43/43, ru 29/30; the one Russian miss, adverbs around «в срок» before an infinitive, was then fixed).
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEED = HERE.parent / "data" / "kk_outcomes_seed.tsv"
KK_OWN = HERE / "kk_items.tsv"
RU_OWN = HERE / "ru_items.tsv"


@dataclass(frozen=True)
class Row:
    line: int
    cls: str
    sector: str
    feature: str
    item: str
    expected: tuple[str, ...]

    @property
    def ability(self) -> bool:
        return self.cls.startswith("a")


def read_rows(path: Path) -> list[Row]:
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines()[1:], start=2):
        if not line.strip():
            continue
        cells = line.split("\t")
        if len(cells) == 3:
            cls, item, expected = cells
            sector, feature = "seed", ""
        else:
            cls, sector, feature, item, expected = cells
        rows.append(Row(number, cls, sector, feature, item, tuple(expected.split(" || "))))
    return rows
