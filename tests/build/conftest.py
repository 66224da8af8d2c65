"""Build tests work on a workspace made by `progen init` under tmp_path (HOME is there too: tests/conftest.py)."""
from __future__ import annotations

from pathlib import Path

import pytest

from generator.build import init_workspace


@pytest.fixture
def workspace(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01: the year in programs is fixed
    root = tmp_path / "ws"
    init_workspace(root)
    return root
