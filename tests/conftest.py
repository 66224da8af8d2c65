"""Shared fixtures: the seed, the Russian sample, inline file trees, and a HOME under tmp_path.

Tests never write into the repository: everything they create goes under ``tmp_path``.
"""
from __future__ import annotations

import dataclasses
import signal
import tempfile
import textwrap
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SEED_TEXT = REPO / "standard_data" / "sources" / "M84120.kk.txt"
SEED_YAML = REPO / "standard_data" / "M84120.kk.yaml"
RU_SAMPLE = Path(__file__).resolve().parent / "data" / "ru_sample_2023.txt"


def pytest_configure(config):
    """Hypothesis keeps its example database outside the repository (it defaults to ./.hypothesis)."""
    from hypothesis import configuration

    configuration.set_hypothesis_home_dir(Path(tempfile.gettempdir()) / "progen-hypothesis")
    # Hypothesis' failure report imports mypy_extensions, which warns; with `filterwarnings = error`
    # that warning replaced the report of a failing example by an INTERNALERROR
    config.addinivalue_line("filterwarnings", "ignore:mypy_extensions.TypedDict is deprecated:DeprecationWarning")
    # Tests press Ctrl-C (SIGINT) on the progen processes they start, as a terminal does. A test run started
    # in the background (`pytest &`, `nohup`) has SIGINT ignored, and every process it starts inherits that:
    # `progen serve` then never stopped and a build's Ctrl-C tests passed without a Ctrl-C. A handler of our
    # own (Python's usual one) is reset to the default in a started process, so it gets Ctrl-C again.
    if signal.getsignal(signal.SIGINT) == signal.SIG_IGN:
        signal.signal(signal.SIGINT, signal.default_int_handler)


def build_file_tree(root: Path, spec: dict[str, str | bytes]) -> dict[str, Path]:
    """Create files under ``root`` from ``{relative path: content}``; return their absolute paths.

    Text is dedented and written as UTF-8 (so tests can write it indented inline); bytes are
    written as they are, for encodings and binary junk.
    """
    paths: dict[str, Path] = {}
    for relative, content in spec.items():
        path = Path(root) / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(textwrap.dedent(content), encoding="utf-8")
        paths[relative] = path.resolve()
    return paths


@pytest.fixture(autouse=True)
def _home_in_tmp(tmp_path, monkeypatch):
    """No test reads or writes the user's real home folder."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("USERPROFILE", str(home))


@pytest.fixture(scope="session")
def seed_path() -> Path:
    """The published Kazakh text of standard М84120 (read only)."""
    assert SEED_TEXT.is_file(), SEED_TEXT
    return SEED_TEXT


@pytest.fixture(scope="session")
def seed_yaml_path() -> Path:
    """The committed import of the seed, standard_data/M84120.kk.yaml (read only)."""
    return SEED_YAML


@pytest.fixture(scope="session")
def seed_text(seed_path) -> str:
    return seed_path.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def ru_sample_path() -> Path:
    """A short Russian standard in the seed's published-text format (tests/data/ru_sample_2023.txt)."""
    return RU_SAMPLE


@pytest.fixture
def file_tree(tmp_path):
    """``file_tree({"a/b.txt": "…"})`` builds files under tmp_path and returns their paths."""
    return lambda spec: build_file_tree(tmp_path, spec)


def model_strings(obj, path: str = ""):
    """Yield (path, value) for every string in a model (dataclasses, lists), e.g. to scan for glued words."""
    if dataclasses.is_dataclass(obj):
        for f in dataclasses.fields(obj):
            yield from model_strings(getattr(obj, f.name), f"{path}.{f.name}" if path else f.name)
    elif isinstance(obj, (list, tuple)):
        for index, value in enumerate(obj):
            yield from model_strings(value, f"{path}[{index}]")
    elif isinstance(obj, str):
        yield path, obj


@pytest.fixture(name="model_strings")
def model_strings_fixture():
    return model_strings
