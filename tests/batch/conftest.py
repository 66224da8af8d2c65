"""Build tests work on a workspace made by `progen init` under tmp_path (HOME is there too: tests/conftest.py)."""
from __future__ import annotations

from pathlib import Path

import pytest

from generator.workspace.scaffold import init_workspace


@pytest.fixture
def workspace(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01: the year in programs is fixed
    # the fingerprint of progen's own code is an input too; fixed here so that a colleague saving a
    # file of generator/ in a shared working tree does not make an in-process test rebuild everything
    monkeypatch.setattr("generator.batch.hashing.code_fingerprint", lambda: "tests")
    root = tmp_path / "ws"
    init_workspace(root)
    return root
