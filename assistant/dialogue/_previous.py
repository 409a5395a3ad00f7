"""Last year's report: what carries over, its narrative as context, and the cross-year rules.

Carried over: 上年结转 (table 三 row 二) = last year's 结转下年度继续办理 (row 四), per column, and
the agency's name and level; the year is last year's plus one. Last year's 现行有效 is the base
for this year's (see ``_derive``). Last year's narrative is context for drafting and the
reference of rule D3 (内容雷同), checked when staff paste text and when parts are drafted.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from assistant.drafting import PARTS, DraftedPart, Drafts, assemble_report, part_address
from assistant.storage import FactChange
from assistant.validation import validate
from schemas import labels as L
from schemas.facts import FACT_SPECS, Facts
from schemas.findings import Finding
from schemas.layout import T3_COLUMNS, get_cell
from schemas.report import Report

__all__ = ["copy_findings", "cross_year_notes", "narrative_of", "prefill", "texts_by_part"]

_CROSS_YEAR = ("C3", "D1", "D2")


def narrative_of(report: Report) -> dict[str, str]:
    """A report's narrative by drafting part (``p1.active`` … ``p5`` … ``p6.fees``)."""
    out = {f"p1.{k}": getattr(report.part1, k) for k in L.P1_SUBPART_TITLES}
    out["p5"] = report.part5
    for item in report.part6:
        if item.key and item.text:
            out[f"p6.{item.key}"] = item.text
    return {k: v for k, v in out.items() if v and v.strip()}


def prefill(previous: Report, filename: str, stated: Facts) -> tuple[list[FactChange], list[FactChange], list[str]]:
    """(imported values, derived values, notes) for a draft whose stated facts are ``stated``.
    Nothing already stated is overwritten; a disagreement becomes a note."""
    name = f"上年报告《{filename}》" if filename else "上年报告"
    imported: list[FactChange] = []
    derived: list[FactChange] = []
    notes: list[str] = []
    for c in T3_COLUMNS:
        source = get_cell(previous, f"t3.carried_forward.{c}")
        if not isinstance(source, int) or isinstance(source, bool):
            continue
        target = f"t3.carried_over.{c}"
        quote = f"{name}「{L.T3_ROW_LABELS['carried_forward']}」行「{L.T3_COLUMN_LABELS[c]}」列：{source}"
        if stated.cells.get(target) is None:
            imported.append(FactChange(target, source, "set", quote))
    meta = previous.meta
    if meta.agency_name and not stated.agency_name:
        imported.append(FactChange("agency_name", meta.agency_name, "set", f"{name}：{meta.agency_name}"))
    elif meta.agency_name and stated.agency_name and meta.agency_name != stated.agency_name:
        notes.append(f"上年报告的机关是“{meta.agency_name}”，本草稿是“{stated.agency_name}”，请确认文件没有选错。")
    if meta.agency_level and not stated.agency_level:
        imported.append(FactChange("agency_level", meta.agency_level, "set",
                                   f"{name}：{L.AGENCY_LEVEL_LABELS.get(meta.agency_level, meta.agency_level)}"))
    if meta.report_year:
        if stated.report_year is None:
            derived.append(FactChange("report_year", meta.report_year + 1, "set",
                                      f"{name}为{meta.report_year}年度，本报告为下一年度"))
        elif stated.report_year != meta.report_year + 1:
            notes.append(f"上年报告是{meta.report_year}年度的，本报告为{stated.report_year}年度，"
                         "请确认文件没有选错。")
    return imported, derived, notes


def _report_with_texts(facts: Facts, texts: Mapping[str, str]) -> Report:
    drafts = Drafts(parts={p: DraftedPart(part=p, text=t) for p, t in texts.items() if t})
    return assemble_report(facts, drafts).report


def copy_findings(facts: Facts, texts: Mapping[str, str], previous: Report | None) -> list[Finding]:
    """Rule D3 for the given part texts (drafted parts, or the staff's own words per part)."""
    if previous is None or not texts:
        return []
    addresses = {part_address(p) for p in texts}
    return [f for f in validate(_report_with_texts(facts, texts), previous)
            if f.rule == "D3" and f.location.address in addresses]


def texts_by_part(facts: Facts, fields: Iterable[str]) -> dict[str, str]:
    """The staff's free text of ``fields``, joined per narrative part."""
    out: dict[str, list[str]] = {}
    for f in fields:
        spec = FACT_SPECS.get(f)
        value = facts.get(f) if spec else None
        if spec and spec.kind == "text" and spec.part in PARTS and isinstance(value, str):
            out.setdefault(spec.part, []).append(value)
    return {p: "".join(v) for p, v in out.items()}


def cross_year_notes(facts_with_derived: Facts, previous: Report | None, changed: Iterable[str]) -> list[str]:
    """C3, D1, D2 findings about cells this turn changed (only where those cells are known)."""
    if previous is None:
        return []
    changed = set(changed)
    report = assemble_report(facts_with_derived).report
    out = []
    for f in validate(report, previous):
        if f.rule not in _CROSS_YEAR:
            continue
        cells = {f.location.address, *f.location.related}
        if cells & changed and all(a in facts_with_derived.cells for a in cells if a.startswith("t")):
            out.append(f"{f.message}（{f.rule}）")
    return out
