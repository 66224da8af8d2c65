"""Damaged Word files never crash the importer: a model or a one-line SourceError, no traceback."""
from __future__ import annotations

import random
import zipfile
from pathlib import Path

import pytest
from docx_testlib import FIXTURES
from lxml import etree
from test_docx_layouts_ab import build_b
from test_docx_seed import SEED

from generator.exceptions import GeneratorError
from generator.ingest import import_standard

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_TAGS = {W + tag for tag in ("p", "tc", "tr", "tbl", "numPr", "vMerge", "gridSpan", "t", "r", "br")}


def _damaged(source: Path, target: Path, rng: random.Random) -> Path:
    """Remove, move or scramble up to 30 random paragraphs, cells, rows, runs and numbering marks."""
    with zipfile.ZipFile(source) as archive:
        root = etree.fromstring(archive.read("word/document.xml"))
        nodes = [node for node in root.iter() if node.tag in _TAGS]
        for _ in range(rng.randint(1, 30)):
            node = rng.choice(nodes)
            parent = node.getparent()
            if parent is None:
                continue
            roll = rng.random()
            if roll < 0.5:
                parent.remove(node)
            elif node.tag == W + "t" and node.text:
                letters = list(node.text)
                rng.shuffle(letters)
                node.text = "".join(letters)
            else:
                parent.append(node)
        with zipfile.ZipFile(target, "w") as out:
            for item in archive.infolist():
                data = archive.read(item.filename)
                if item.filename == "word/document.xml":
                    data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
                out.writestr(item, data)
    return target


@pytest.fixture(scope="module")
def sources(tmp_path_factory) -> list[Path]:
    from docx_testlib import docx_from_published_text

    folder = tmp_path_factory.mktemp("sources")
    built = [build_b(folder / "b.docx"), docx_from_published_text(SEED.read_text("utf-8"), folder / "seed.docx")]
    return built + (sorted(FIXTURES.glob("*.docx")) if FIXTURES.is_dir() else [])


@pytest.mark.parametrize("seed", range(12))
def test_damaged_documents_import_or_fail_cleanly(sources, tmp_path, seed):
    rng = random.Random(seed)
    for index, source in enumerate(sources):
        damaged = _damaged(source, tmp_path / f"{index}.docx", rng)
        try:
            standard = import_standard(damaged)
        except GeneratorError as error:
            assert "\n" not in str(error) and damaged.name in str(error)
        else:
            assert standard.cards and all(card.functions for card in standard.cards)
