"""The deterministic validator: every consistency rule of the 2021 report format.

    findings = validate(report)               # rules A, B, C, E, F
    findings = validate(report, last_year)    # and the cross-year rules C3, D1–D3
    if has_errors(findings): ...              # errors block export; warnings need an acknowledgment

``RULES`` maps each rule id to a one-line Chinese description, ``RULE_SEVERITY`` to its default
severity. ``validate`` is pure (no I/O), deterministic, and linear in cells plus text.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from assistant._script import has_traditional as _has_traditional
from assistant._script import t2s_same_length as _t2s_same_length
from assistant.validation._blanks import blank_summary
from assistant.validation._blanks import group_blank_cells as _group_blank_cells
from assistant.validation._grid import snapshot as _snapshot
from assistant.validation._narrative import narrative_rules as _narrative_rules
from assistant.validation._registry import FAMILIES, RULE_SEVERITY, RULES, family_of
from assistant.validation._similarity import _shingles
from assistant.validation._similarity import similarity_rule as _similarity_rule
from assistant.validation._structure import structure_rules as _structure_rules
from assistant.validation._tables import cross_year_rules as _cross_year_rules
from assistant.validation._tables import table_rules as _table_rules
from assistant.validation._text import _NO_FACTS, _analysis
from assistant.validation._text import TextFacts as _TextFacts
from assistant.validation._text import analyse as _analyse
from schemas.findings import Finding
from schemas.report import Report

__all__ = ["FAMILIES", "RULES", "RULE_SEVERITY", "blank_summary", "clear_cache", "family_of", "has_errors", "validate"]

_ORDER = {rule: i for i, rule in enumerate(RULES)}


def _texts(report: Report):
    """(address, text, facts) of every narrative text with facts, and the texts about 信息处理费. A
    text without facts (most of them) holds nothing that a rule reads: the rules do not walk it."""
    texts = []
    fee_texts = []
    p1 = report.part1
    year = report.meta.report_year  # (the years F5 may report: see _facts)
    # the texts of schemas.layout.iter_narrative, in its order, read here without its generator
    for address, text, kind in (("meta.title", report.meta.title, "meta.title"), ("preamble", report.preamble, "preamble"),
                                ("p1.active", p1.active, ""), ("p1.on_request", p1.on_request, "on_request"),
                                ("p1.management", p1.management, ""), ("p1.platform", p1.platform, ""),
                                ("p1.oversight", p1.oversight, ""), ("p5", report.part5, "")):
        facts = _facts(text, kind, year)
        if facts is not _NO_FACTS:
            texts.append((address, text, facts))
    for i, item in enumerate(report.part6):
        text = item.text
        kind = "fees" if item.key == "fees" or "信息处理费" in item.title else ""
        facts = _facts(text, kind, year)
        if kind or facts.fee is not None:
            fee_texts.append((_P6[i] if i < len(_P6) else f"p6.{i}", text, facts))
        if facts is not _NO_FACTS:
            texts.append((_P6[i] if i < len(_P6) else f"p6.{i}", text, facts))
    return texts, fee_texts


_P6 = tuple(f"p6.{i}" for i in range(16))  # the addresses of part 六's items


@lru_cache(maxsize=4096)
def _facts(text: str, kind: str, year: int | None = 0) -> _TextFacts:
    """``analyse`` of the text as read (see ``_reading``): one cache for both, so that re-validation
    after an edit looks each text up once, and a first sight stores each once. The scan for numbers
    also meets any traditional character: only a text holding one is read again (``_reading``).
    ``year``: the report's year (or None); the years of the text are then read only where rule F5
    may report one (a text whose years are all the report's own is not read for them: see
    ``_years_wanted``); 0, the default: the analysis of the text, every year."""
    facts = _analysis(text, kind, True, year)
    if facts is None:  # a traditional character (or 百分之): read as _reading reads the text
        facts = _analysis(_reading(text), kind, False, year)
        assert facts is not None  # (None only when asked to stop at a traditional character)
    return facts


def _reading(text: str) -> str:
    """A report copied in traditional characters keeps them; it is read in simplified ones (same
    length, so spans point into the text as written)."""
    return _t2s_same_length(text) if _has_traditional(text) else text


def clear_cache() -> None:
    """Forget the cached analyses of texts (they are pure; only benchmarks of the first sight of a
    report need this)."""
    _facts.cache_clear()
    _analyse.cache_clear()
    _shingles.cache_clear()


def validate(report: Report, previous: Report | None = None) -> list[Finding]:
    """Every finding about ``report`` (and against ``previous``, last year's report of the same
    agency, when given), ordered by rule and then by position."""
    out: list[Finding] = []
    grid = _snapshot(report, out)  # A4, C1
    out.extend(_table_rules(report, grid))
    texts, fee_texts = _texts(report)
    if previous is not None:
        cleanup = next((ph.span for _, _, f in texts for ph in f.phrases if ph.kind == "cleanup"), None)
        out.extend(_cross_year_rules(grid, previous, _snapshot(previous, None), cleanup))
        out.extend(_similarity_rule(report, previous))
    out.extend(_narrative_rules(report, texts, fee_texts, grid))
    out.extend(_structure_rules(report, texts, grid))
    out = _group_blank_cells(report, out)  # a blank row is one finding, not seven
    out.sort(key=lambda f: _ORDER[f.rule])  # stable: within a rule, the order of the document
    return out


def has_errors(findings: Iterable[Finding]) -> bool:
    return any(f.severity == "error" for f in findings)
