"""The fixed Kazakh wording of the language pack (labels, design texts, organisation paragraphs): mistakes
a methodologist reading the documents found, kept from coming back."""
from __future__ import annotations

import re
from pathlib import Path

import generator

PACK = Path(generator.__file__).resolve().parent / "languages" / "kk"


def pack_files() -> dict[str, str]:
    """Each YAML file of the pack as text (a folded text may break a phrase across lines: patterns say \\s+)."""
    return {path.name: path.read_text("utf-8") for path in sorted(PACK.glob("*.yaml"))}


def test_skills_recommended_for_recognition_take_the_dative():
    # ұсыну names what something is put forward for in the dative: «тануға ұсынылған дағдылар» (skills put
    # forward for recognition, the standard's «Дағдыны тану мүмкіндігі: ұсынылады»); «тану ұсынылған
    # дағдылар» leaves the verbal noun without a case. «тану ұсынылады» alone (recognition is recommended,
    # a status) is a sentence of its own and correct.
    files = pack_files()
    assert not [name for name, text in files.items() if re.search(r"\bтану\s+ұсынылған", text)]
    assert sum(len(re.findall(r"\bтануға\s+ұсынылған\s+дағды", text)) for text in files.values()) >= 4
