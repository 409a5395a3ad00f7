"""Shared fixtures. Test data lives in tests/fixtures/ so the repo stands alone."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.synthetic import consistent_report, previous_year_of, zero_report
from schemas import Report

FIXTURES = Path(__file__).parent / "fixtures"
SAMPLE_TXT = FIXTURES / "yantai-jgswj-2023.txt"
SAMPLE_GOLD = FIXTURES / "yantai-jgswj-2023.gold.json"


def load_gold() -> Report:
    return Report.model_validate(json.loads(SAMPLE_GOLD.read_text(encoding="utf-8")))


@pytest.fixture
def sample_path() -> Path:
    """The published sample as copied from a web page."""
    return SAMPLE_TXT


@pytest.fixture
def sample_text() -> str:
    return SAMPLE_TXT.read_text(encoding="utf-8")


@pytest.fixture
def sample_gold() -> Report:
    """The sample's published content as a model (built once from the text, checked by hand)."""
    return load_gold()


@pytest.fixture
def rich_report() -> Report:
    """A consistent report with distinct non-zero values in every table cell."""
    return consistent_report(7)


@pytest.fixture
def rich_pair() -> tuple[Report, Report]:
    """(this year, last year) agreeing on every cross-year rule."""
    this = consistent_report(11)
    return this, previous_year_of(this)


@pytest.fixture
def empty_agency_report() -> Report:
    return zero_report()
