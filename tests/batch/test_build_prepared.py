"""Build workers prepare each template once per process (issue 17), whatever the number of targets."""
from __future__ import annotations

import hashlib
import os
from collections import Counter

import pytest

from generator.batch import build
from generator.render import prepared as pr
from generator.workspace import Workspace

CARDS = ("1210-0-020", "3412-0-003")
KINDS = Workspace.builtin().default_kinds()  # what programs.yaml builds by default (DOCX kinds)


@pytest.fixture
def preparations(tmp_path, monkeypatch):
    """Lines «pid digest word-tag» of every preparation, from this process and from forked workers."""
    log = tmp_path / "prepared.log"
    real = pr.prepare

    def counting(data: bytes, word_tag: str = ""):
        with open(log, "a", encoding="utf-8") as handle:
            handle.write(f"{os.getpid()} {hashlib.sha1(data).hexdigest()} {word_tag}\n")
        return real(data, word_tag)

    monkeypatch.setattr(pr, "prepare", counting)
    pr.clear_prepared()
    return lambda: log.read_text("utf-8").splitlines() if log.exists() else []


@pytest.mark.parametrize("jobs", [1, 2])
def test_each_worker_prepares_each_template_once(workspace, preparations, jobs):
    report = build(workspace, jobs=jobs)
    assert report.ok and len(report.built) == len(CARDS) * len(KINDS)
    lines = preparations()
    assert max(Counter(lines).values()) == 1  # never twice in one process
    per_process = Counter(line.split()[0] for line in lines)
    assert all(count <= len(KINDS) for count in per_process.values())
    assert len({line.split()[1] for line in lines}) == len(KINDS)
    if jobs == 1:
        assert len(lines) == len(KINDS)


def test_a_no_op_rebuild_prepares_nothing(workspace, preparations):
    build(workspace)
    before = len(preparations())
    report = build(workspace, jobs=2)
    assert len(report.up_to_date) == len(CARDS) * len(KINDS)
    assert len(preparations()) == before


def test_a_one_card_rebuild_prepares_each_kind_once(workspace, preparations):
    """A rebuild of one card in a fresh process pays one preparation per kind, not one per document."""
    from generator.standard.store import load_standard, save_standard

    build(workspace)
    pr.clear_prepared()  # as a new `progen build` process starts
    before = len(preparations())
    path = workspace / "standard_data" / "M84120.kk.yaml"
    standard = load_standard(path)
    item = standard.card("3412-0-003").functions[1].skills[0].abilities[0]
    item.text += " (өңделген)"
    save_standard(standard, path)
    report = build(workspace)
    assert sorted(result.card for result in report.built) == ["3412-0-003"] * len(KINDS)
    assert len(preparations()) - before == len(KINDS)
