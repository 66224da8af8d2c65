"""Fixtures for the render tests: seed programs (both cards) and the hand-built sample program.

The seed programs come from the design engine. Until the phrasing layer (``generator.language``)
provides ``get_phraser``, a small stand-in phraser is used so the render tests do not depend on it:
its Kazakh is approximate (verbal noun + «алады» / «біледі»), which is enough for layout checks.
"""
from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

import pytest

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "standard_data" / "M84120.kk.yaml"
CARDS = ("1210-0-020", "3412-0-003")

_BLOOM = {"ұйымдастыру": "create", "әзірлеу": "create", "жоспарлау": "create", "дамыту": "create",
          "талдау": "analyse", "анықтау": "analyse", "зерделеу": "analyse", "бағалау": "evaluate",
          "бақылау": "evaluate", "жүргізу": "apply", "өткізу": "apply", "беру": "apply", "қолдану": "apply"}


@dataclass
class _Phrased:
    text: str
    bloom: str
    verb: Optional[str] = None
    source: str = "rule"


class StandInPhraser:
    """Approximate phrasing for render tests only (the real one lives in generator.language)."""

    def ability(self, text: str, item_id: str = "") -> _Phrased:
        words = text.rstrip(".").split()
        bloom = next((_BLOOM[w.strip(",").lower()] for w in words if w.strip(",").lower() in _BLOOM), "apply")
        return _Phrased(text=f"{text[:1].lower()}{text[1:].rstrip('.')} алады", bloom=bloom)

    def knowledge(self, text: str, item_id: str = "") -> _Phrased:
        text = text.rstrip(".")
        body = text[: -len(" білу")] if text.endswith(" білу") else text
        return _Phrased(text=f"{body[:1].lower()}{body[1:]} біледі" if not body.startswith('"') else f"{body} біледі",
                        bloom="remember")

    def topic(self, text: str) -> str:
        text = text.rstrip(".")
        return text[: -len(" білу")] if text.endswith(" білу") else text


def _phraser_available() -> bool:
    import generator.language as language

    return hasattr(language, "get_phraser")


def design_seed(card: str, lang: Optional[str] = None, hours: Optional[int] = None, skills=None):
    """The seed program of ``card`` from the design engine (stand-in phrasing if needed)."""
    from generator.design.engine import design
    from generator.design.spec import ProgramSpec
    from generator.standard.store import load_standard

    spec = ProgramSpec(standard=str(SEED), card=card, hours=hours, skills=skills, language=lang, year=2026)
    standard = load_standard(SEED)
    if _phraser_available():
        return design(standard, spec, None)
    import generator.language as language

    language.get_phraser = lambda lang, workspace=None: StandInPhraser()
    try:
        return design(standard, spec, None)
    finally:
        del language.get_phraser


@pytest.fixture(scope="session")
def seed_programs():
    """{card code: Program} for both seed cards, in Kazakh."""
    return {card: design_seed(card) for card in CARDS}


@pytest.fixture
def sample():
    from generator.render.sample import sample_program

    return sample_program("kk")


@pytest.fixture
def sample_ru():
    from generator.render.sample import sample_program

    return sample_program("ru")


def soffice() -> Optional[str]:
    return shutil.which("soffice") or shutil.which("libreoffice")
