"""Fixtures of the hostile-input catalogue: a workspace made by `progen init`, the seed as a file."""
from __future__ import annotations

from pathlib import Path

import pytest

from generator.workspace.scaffold import init_workspace


@pytest.fixture
def workspace(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026: programs do not change with the clock
    monkeypatch.setattr("generator.batch.hashing.code_fingerprint", lambda: "tests")
    root = tmp_path / "ws"
    init_workspace(root)
    return root
