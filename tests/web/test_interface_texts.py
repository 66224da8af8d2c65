"""The page's texts are data of each language pack (web.yaml): the same keys everywhere, every key used exists."""
from __future__ import annotations

import re
import string
from pathlib import Path

import pytest
import yaml

from generator import languages

WEB = Path(__file__).resolve().parents[2] / "generator" / "web"
EN_PACK = Path(__file__).resolve().parents[1] / "data" / "langpack_en"


def texts() -> dict[str, dict]:
    found = {code: yaml.safe_load(pack.data_file("web").read_text("utf-8")) for code, pack in languages.packs().items()}
    found["en (tests/data/langpack_en)"] = yaml.safe_load((EN_PACK / "web.yaml").read_text("utf-8"))
    return found


def test_every_pack_has_the_same_keys_and_the_same_fields_in_each_text():
    packs = texts()
    assert {"kk", "ru"} <= set(packs)
    reference_code, reference = next(iter(packs.items()))
    for code, labels in packs.items():
        assert set(labels) == set(reference), f"{code}: {sorted(set(labels) ^ set(reference))}"
        for key, text in labels.items():
            fields = {name for _, name, _, _ in string.Formatter().parse(text) if name}
            expected = {name for _, name, _, _ in string.Formatter().parse(reference[key]) if name}
            assert fields == expected, f"{code}: {key}: fields {fields} vs {reference_code}'s {expected}"


def used_keys() -> set[str]:
    sources = [p.read_text("utf-8") for p in [*WEB.glob("*.py"), *(WEB / "templates").glob("*.html")]]
    keys = set()
    for text in sources:
        keys |= set(re.findall(r"""tr\(['"]([a-z0-9_]+)['"]\s*[,)]""", text))
        keys |= set(re.findall(r"""UploadRefused\("([a-z_]+)\"""", text))
        keys |= set(re.findall(r"""problems\.append\(\("([a-z_]+)\"""", text))
        keys |= set(re.findall(r"""advice\.append\(\("([a-z_]+)\"""", text))
    return keys


def test_every_key_the_code_uses_is_in_every_pack():
    keys = used_keys()
    assert len(keys) > 100
    for code, labels in texts().items():
        assert keys <= set(labels), f"{code}: missing {sorted(keys - set(labels))}"


@pytest.mark.parametrize("code", ["kk", "ru"])
def test_no_interface_text_is_english_left_over(code):
    labels = texts()[code]
    names = r"progen serve|progen build|progen render|progen|programs\.yaml|specs/|Ctrl-C|LibreOffice|Markdown|Word|" \
            r"DOCX|TXT|PDF|ZIP|\.txt|\.docx|\.doc|\.pdf|\{[a-z_]+\}|\b[AB]\b"
    for key, text in labels.items():
        stray = re.findall(r"[A-Za-z]{2,}", re.sub(names, " ", text))
        assert not stray, f"{code}: {key}: {stray}"
