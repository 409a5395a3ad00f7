"""The deterministic validator: every consistency rule of the 2021 report format.

    findings = validate(report)               # rules A, B, C, E, F
    findings = validate(report, last_year)    # and the cross-year rules C3, D1–D3
    if has_errors(findings): ...              # errors block export; warnings need an acknowledgment

``RULES`` maps each rule id to a one-line Chinese description, ``RULE_SEVERITY`` to its default
severity. ``validate`` is pure (no I/O), deterministic, and linear in cells plus text.
"""

from __future__ import annotations

from collections.abc import Iterable

from schemas.findings import Finding
from schemas.layout import iter_narrative
from schemas.report import Report

from assistant.validation._grid import snapshot
from assistant.validation._narrative import narrative_rules
from assistant.validation._registry import RULE_SEVERITY, RULES
from assistant.validation._similarity import _shingles, similarity_rule
from assistant.validation._structure import structure_rules
from assistant.validation._tables import cross_year_rules, table_rules
from assistant.validation._text import analyse

__all__ = ["RULES", "RULE_SEVERITY", "clear_cache", "has_errors", "validate"]

_ORDER = {rule: i for i, rule in enumerate(RULES)}
_KIND = {"p1.on_request": "on_request", "meta.title": "meta.title", "preamble": "preamble"}


def _texts(report: Report):
    """(address, text, facts) of every narrative text, and the subset about 信息处理费."""
    texts = []
    fee_texts = []
    for address, text in iter_narrative(report):
        kind = _KIND.get(address, "")
        if address.startswith("p6."):
            item = report.part6[int(address[3:])]
            if item.key == "fees" or "信息处理费" in item.title:
                kind = "fees"
        entry = (address, text, analyse(text, kind))
        texts.append(entry)
        if kind == "fees" or (address.startswith("p6.") and entry[2].fee is not None):
            fee_texts.append(entry)
    return texts, fee_texts


def clear_cache() -> None:
    """Forget the cached analyses of texts (they are pure; only benchmarks of the first sight of a
    report need this)."""
    analyse.cache_clear()
    _shingles.cache_clear()


def validate(report: Report, previous: Report | None = None) -> list[Finding]:
    """Every finding about ``report`` (and against ``previous``, last year's report of the same
    agency, when given), ordered by rule and then by position."""
    out: list[Finding] = []
    grid = snapshot(report, out)  # A4, C1
    out.extend(table_rules(report, grid))
    texts, fee_texts = _texts(report)
    if previous is not None:
        cleanup = next((ph.span for _, _, f in texts for ph in f.phrases if ph.kind == "cleanup"), None)
        out.extend(cross_year_rules(grid, previous, snapshot(previous, None), cleanup))
        out.extend(similarity_rule(report, previous))
    out.extend(narrative_rules(report, texts, fee_texts, grid))
    out.extend(structure_rules(report, texts, grid))
    out.sort(key=lambda f: _ORDER[f.rule])  # stable: within a rule, the order of the document
    return out


def has_errors(findings: Iterable[Finding]) -> bool:
    return any(f.severity == "error" for f in findings)
