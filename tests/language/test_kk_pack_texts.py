"""The fixed Kazakh wording of the language pack (labels, design texts, organisation paragraphs): mistakes
a methodologist reading the documents found, kept from coming back."""
from __future__ import annotations

import re
from pathlib import Path

import yaml

import generator

PACK = Path(generator.__file__).resolve().parent / "languages" / "kk"


def _texts(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for item in value.values() for text in _texts(item)]
    if isinstance(value, list):
        return [text for item in value for text in _texts(item)]
    return []


def pack_texts() -> dict[str, list[str]]:
    return {path.name: _texts(yaml.safe_load(path.read_text("utf-8"))) for path in sorted(PACK.glob("*.yaml"))}


def test_skills_recommended_for_recognition_take_the_dative():
    # ұсыну names what something is put forward for in the dative: «тануға ұсынылған дағдылар» (skills put
    # forward for recognition, the standard's «Дағдыны тану мүмкіндігі: ұсынылады»); «тану ұсынылған
    # дағдылар» leaves the verbal noun without a case. «тану ұсынылады» alone (recognition is recommended,
    # a status) is a sentence of its own and correct.
    texts = pack_texts()
    wrong = {name: [t for t in found if re.search(r"\bтану ұсынылған", t)] for name, found in texts.items()}
    assert not {name: found for name, found in wrong.items() if found}
    assert sum("тануға ұсынылған дағды" in t for found in texts.values() for t in found) >= 3
