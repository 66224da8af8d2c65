"""Helpers for build tests: a workspace made by `progen init` under tmp_path."""
from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from generator.build import init_workspace


def build_file_tree(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), "utf-8")


@pytest.fixture
def workspace(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01: the year in programs is fixed
    root = tmp_path / "ws"
    init_workspace(root)
    return root
