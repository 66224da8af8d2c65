"""Fixtures for the render tests: seed programs (both cards) and the hand-built sample program."""
from __future__ import annotations

import pytest
from helpers import CARDS, design_seed


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
