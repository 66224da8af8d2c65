"""Fixtures of the web page tests: a fresh workspace (``progen init``) and a client of its page."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.web.app import create_app
from generator.web.security import Guard
from generator.workspace.scaffold import init_workspace

BASE = "http://127.0.0.1:8765"
SHARED_STANDARDS = Path(__file__).resolve().parents[2].parent / "shared" / "fixtures" / "standards"


@pytest.fixture
def workspace(tmp_path) -> Path:
    root = tmp_path / "centre"
    init_workspace(root)
    return root


class Page:
    """A test client that sends the page's token with every POST, as the page's forms do."""

    def __init__(self, app, guard: Guard):
        self.app, self.guard = app, guard
        self.client = app.test_client()

    def get(self, path, **kwargs):
        return self.client.get(path, base_url=BASE, **kwargs)

    def post(self, path, data=None, token=True, **kwargs):
        data = dict(data or {})
        if token:
            data["token"] = self.guard.token
        return self.client.post(path, data=data, base_url=BASE, **kwargs)


@pytest.fixture
def page(workspace) -> Page:
    guard = Guard()
    guard.listen_on("127.0.0.1", 8765)
    return Page(create_app(workspace, guard), guard)


def text_of(response) -> str:
    """The visible text of an HTML response, spaces collapsed."""
    html = response.data.decode("utf-8")
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def f2_choices(**extra) -> dict:
    """Card 3412-0-003, skill F2 only, 16 hours: the issue's example."""
    return {"standard": "M84120", "lang": "kk", "card": "3412-0-003", "skills_card": "3412-0-003",
            "skill": "F2/S1", "hours": "16", **extra}


def docx_text(data: bytes) -> str:
    import io

    import docx

    document = docx.Document(io.BytesIO(data))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)
