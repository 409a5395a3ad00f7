"""Tables 三 and 四 from the ledgers, by counting rows: every counted row adds one to its origin
row (新收 or 上年结转) and one to its result row (a leaf of 三、本年度办理结果, or 结转下年度) in its
applicant's column; totals are sums of those. So A1–A3 (and B) hold by construction. A row that
cannot be placed is listed with the reason and counted nowhere. Every cell keeps its rows."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assistant.ledger._columns import Kind, LedgerTable, cell_text, locate
from assistant.ledger._read import LedgerError, read_sheets
from assistant.ledger._values import (
    applicant_column,
    is_pending,
    outcome_row,
    outcome_row_by_content,
    parse_date,
    review_block,
    review_part,
    row_label,
)
from assistant.ledger._vocab import norm, vocabulary
from schemas import labels as L
from schemas.layout import T3_RESULT_ROWS, T3_ROWS, T4_BLOCKS, T4_PARTS

__all__ = ["LEDGER_NAMES", "Derived", "LedgerDerivation", "Placement", "RowIssue", "derive_applications",
           "derive_ledger", "derive_reviews", "infer_year", "placement_label", "rows_phrase"]

LEDGER_NAMES: dict[str, str] = {"applications": "申请台账", "reviews": "复议诉讼台账"}
_RESULT_KEYS = tuple(r.address[3:] for r in T3_RESULT_ROWS)  # granted … other_handling.other
_APPLICANTS = L.T3_APPLICANT_COLUMNS
_TOTAL_WORDS = {"合计", "总计", "小计", "共计"}


@dataclass(frozen=True)
class RowIssue:
    """A ledger row left out of the tables, and why (Chinese)."""

    row: int
    reason: str
    ledger: str = "applications"

    def to_json(self) -> dict[str, Any]:
        return {"row": self.row, "reason": self.reason, "ledger": self.ledger}


@dataclass(frozen=True)
class Placement:
    """Where one counted row went: its origin row, its result row (table-三 keys without "t3."; for
    table 四 the origin is "" and the result is the block's column) and its column."""

    origin: str
    result: str
    column: str


@dataclass
class Derived:
    """One ledger's part of the tables."""

    kind: Kind
    filename: str
    sheet: str
    header_row: int
    year: int
    columns: dict[str, str]  # role → header used
    cells: dict[str, int]
    provenance: dict[str, tuple[int, ...]]  # cell → spreadsheet rows it counts
    issues: list[RowIssue]
    placements: dict[int, Placement]  # counted row → where it went
    fee_rows: tuple[int, ...] = ()  # rows marked as charged a fee (applications)

    @property
    def name(self) -> str:
        return LEDGER_NAMES[self.kind]


@dataclass
class LedgerDerivation:
    """Tables 三 (and 四) derived from the ledgers, the rows left out, and notes (the year assumed,
    rule D1 against last year)."""

    year: int
    applications: Derived | None
    reviews: Derived | None
    notes: list[str] = field(default_factory=list)

    @property
    def parts(self) -> list[Derived]:
        return [d for d in (self.applications, self.reviews) if d is not None]

    @property
    def cells(self) -> dict[str, int]:
        return {a: v for d in self.parts for a, v in d.cells.items()}

    @property
    def provenance(self) -> dict[str, tuple[int, ...]]:
        return {a: rows for d in self.parts for a, rows in d.provenance.items()}

    @property
    def issues(self) -> list[RowIssue]:
        return [i for d in self.parts for i in d.issues]

    def quote(self, address: str) -> str:
        """How a cell's source is written: 申请台账《x.xlsx》第3、17、42行."""
        d = self.reviews if address.startswith("t4.") else self.applications
        if d is None:
            return ""
        rows = d.provenance.get(address, ())
        where = f"{d.name}《{d.filename}》"
        return f"{where}{rows_phrase(rows)}" if rows else f"{where}中没有这一项的记录，计为0"

    def to_json(self) -> dict[str, Any]:
        return {
            "year": self.year,
            "cells": self.cells,
            "issues": [i.to_json() for i in self.issues],
            "provenance": {a: list(r) for a, r in self.provenance.items()},
            "notes": list(self.notes),
            "ledgers": [{"kind": d.kind, "file": d.filename, "sheet": d.sheet, "header_row": d.header_row,
                         "columns": d.columns, "rows_counted": len(d.placements)} for d in self.parts],
        }


def rows_phrase(rows: Iterable[int], prefix: str = "第") -> str:
    """第3、17、42行; runs of three or more as 第3–5行."""
    rows = sorted(set(rows))
    parts: list[str] = []
    i = 0
    while i < len(rows):
        j = i
        while j + 1 < len(rows) and rows[j + 1] == rows[j] + 1:
            j += 1
        if j - i >= 2:
            parts.append(f"{rows[i]}–{rows[j]}")
        else:
            parts.extend(str(r) for r in rows[i:j + 1])
        i = j + 1
    return f"{prefix}{'、'.join(parts)}行" if parts else ""


def _get(cells: list[Any], col: int | None) -> Any:
    if col is None or col >= len(cells):
        return None
    return cells[col]


def _text(cells: list[Any], col: int | None) -> str:
    return cell_text(_get(cells, col))


def _blank(cells: list[Any]) -> bool:
    return all(cell_text(v) == "" for v in cells)


def _is_total(cells: list[Any]) -> bool:
    return any(norm(cell_text(v)) in _TOTAL_WORDS for v in cells[:4])


# "/", "—", "无": a date not written yet (a register typed by hand), as an empty cell
_NO_DATE = frozenset({"/", "／", "-", "—", "--", "——", "无", "暂无", "未答复", "未办结"})


def _date(cells: list[Any], col: int | None, what: str, year: int | None = None) -> tuple[dt.date | None, str]:
    value = _get(cells, col)
    if isinstance(value, str) and value.strip() in _NO_DATE:
        return None, ""
    try:
        return parse_date(value, year), ""
    except (ValueError, OverflowError):
        return None, f"{what}“{cell_text(value)}”不是日期"


def infer_year(table: LedgerTable) -> int | None:
    """The year most rows were received in."""
    col = table.columns.get("received")
    years: Counter[int] = Counter()
    for _, cells in table.rows:
        try:
            d = parse_date(_get(cells, col))
        except (ValueError, OverflowError):
            continue
        if d is not None:
            years[d.year] += 1
    return years.most_common(1)[0][0] if years else None


def _origin(cells: list[Any], table: LedgerTable, received: dt.date | None, year: int) -> tuple[str | None, str]:
    v = vocabulary()
    start = dt.date(year, 1, 1)
    said = norm(_text(cells, table.columns.get("origin")))
    if said:
        keys = v.carry.keys(said)
        if len(keys) == 1:
            origin = keys.pop()
            if origin == "carried_over" and received is not None and received >= start:
                return None, f"标为上年结转，但收到日期{received.isoformat()}在{year}年内"
            if origin == "new_received" and received is not None and received < start:
                return None, f"标为本年新收，但收到日期{received.isoformat()}在{year}年以前"
            return origin, ""
        return None, f"“{_text(cells, table.columns.get('origin'))}”不能确定是本年新收还是上年结转"
    if received is None:
        return None, "没有收到日期，无法确定是本年新收还是上年结转"
    return ("carried_over" if received < start else "new_received"), ""


def derive_applications(table: LedgerTable, year: int,
                        placements: Mapping[int, tuple[str, str] | None] | None = None, *, undated_new: bool = False) -> Derived:
    """Table 三 from an application ledger. ``placements``: row → (result row key, applicant column)
    placed by hand for a row whose outcome or applicant could not be read, or None for a row the clerk
    says is no application of its own (the same one sent twice). ``undated_new``: a register with no
    date received, said by the clerk to be this year's (each row a new application)."""
    cols = table.columns
    end = dt.date(year, 12, 31)
    start = dt.date(year, 1, 1)
    rows: dict[tuple[str, str], list[int]] = {}
    issues: list[RowIssue] = []
    placed: dict[int, Placement] = {}
    fee_rows: list[int] = []
    by_hand = dict(placements or {})
    numbers: dict[str, list[int]] = {}
    candidates: list[tuple[int, Placement]] = []
    fee = vocabulary().fee
    for n, cells in table.rows:
        if _blank(cells):
            continue
        if _is_total(cells):
            issues.append(RowIssue(n, "合计行，不是一件申请"))
            continue
        if n in by_hand and by_hand[n] is None:
            issues.append(RowIssue(n, "按您说的不计入（同一件申请的另一条，或不是申请）"))
            continue
        received, why = _date(cells, cols.get("received"), "收到日期", year)
        answered, why2 = _date(cells, cols.get("answered"), "答复日期", year)
        reason = why or why2
        if not reason and received is not None and received > end:
            reason = f"收到日期{received.isoformat()}在{year}年以后，不属于本年度"
        if not reason and received is not None and answered is not None and answered < received:
            reason = f"答复日期{answered.isoformat()}早于收到日期{received.isoformat()}"
        origin = None
        if not reason:
            origin, reason = _origin(cells, table, received, year)
            if undated_new and "received" not in cols and "origin" not in cols:
                origin, reason = "new_received", ""
        if not reason and answered is not None and answered < start:
            reason = f"答复日期{answered.isoformat()}在{year}年以前，已在上年办结，不属于本年度"
        if reason:
            issues.append(RowIssue(n, reason))
            continue
        assert origin is not None
        outcome, why_text = _text(cells, cols.get("outcome")), _text(cells, cols.get("reason"))
        status = _text(cells, cols.get("status"))
        if (not outcome or outcome in _NO_DATE) and status and not is_pending(status) and outcome_row(status)[0] is not None:
            outcome = status  # ("已撤回" with no 答复类型: the status says how it ended)
        result: str | None
        if answered is not None and answered > end:
            result = "carried_forward"  # answered after 31 December: still open at the end of the year
        elif is_pending(outcome, status):
            if answered is not None:
                issues.append(RowIssue(n, f"写着“{outcome or status}”，却有答复日期{answered.isoformat()}"))
                continue
            result = "carried_forward"
        elif not outcome and not why_text and answered is None and "answered" in cols:
            result = "carried_forward"  # no answer yet
        else:
            result, reason = outcome_row(outcome, why_text)
            if result is None and not why_text and (
                    by_content := outcome_row_by_content(outcome, _text(cells, cols.get("content")))) is not None:
                result, reason = by_content, ""
        column, reason2 = applicant_column(_text(cells, cols.get("applicant_type")),
                                           _text(cells, cols.get("applicant_name")))
        if (hand := by_hand.get(n)) is not None:
            result, column = hand
            reason = reason2 = ""
        if result is None or column is None:
            issues.append(RowIssue(n, reason or reason2))
            continue
        number = _text(cells, cols.get("number"))
        if number:
            numbers.setdefault(number, []).append(n)
        candidates.append((n, Placement(origin, result, column)))
        if "fee" in cols and fee.keys(norm(_text(cells, cols["fee"]))) == {"charged"}:
            fee_rows.append(n)
    duplicated = {n: ns for ns in numbers.values() if len(ns) > 1 for n in ns}
    for n, p in candidates:
        if n in duplicated:
            others = "、".join(str(m) for m in duplicated[n] if m != n)
            issues.append(RowIssue(n, f"编号与第{others}行重复"))
            continue
        placed[n] = p
        rows.setdefault((p.origin, p.column), []).append(n)
        rows.setdefault((p.result, p.column), []).append(n)
    issues.sort(key=lambda i: i.row)
    fee_rows = [n for n in fee_rows if n in placed]
    cells_out, prov = _table3(rows)
    return Derived("applications", table.filename, table.sheet, table.header_row, year, table.choices, cells_out,
                   prov, issues, placed, tuple(fee_rows))


def _table3(rows: dict[tuple[str, str], list[int]]) -> tuple[dict[str, int], dict[str, tuple[int, ...]]]:
    prov: dict[str, tuple[int, ...]] = {}
    for r in T3_ROWS:
        key = r.address[3:]
        if key == "total":
            continue
        for c in _APPLICANTS:
            prov[f"{r.address}.{c}"] = tuple(sorted(rows.get((key, c), ())))
    for c in _APPLICANTS:
        prov[f"t3.total.{c}"] = tuple(sorted(n for k in _RESULT_KEYS for n in rows.get((k, c), ())))
    for r in T3_ROWS:
        prov[f"{r.address}.total"] = tuple(sorted(n for c in _APPLICANTS for n in prov[f"{r.address}.{c}"]))
    cells = {f"{r.address}.{c}": len(prov[f"{r.address}.{c}"]) for r in T3_ROWS for c in L.T3_COLUMN_LABELS}
    return cells, {a: prov[a] for a in cells}


def derive_reviews(table: LedgerTable, year: int) -> Derived:
    """Table 四 from a review/lawsuit ledger: cases received in the report year (all rows when the
    ledger has no date column); 尚未审结 when the result says so, or is empty with no date concluded,
    or was concluded after 31 December."""
    cols = table.columns
    end, start = dt.date(year, 12, 31), dt.date(year, 1, 1)
    issues: list[RowIssue] = []
    placed: dict[int, Placement] = {}
    rows: dict[tuple[str, str], list[int]] = {}
    numbers: dict[str, list[int]] = {}
    candidates: list[tuple[int, Placement]] = []
    for n, cells in table.rows:
        if _blank(cells):
            continue
        if _is_total(cells):
            issues.append(RowIssue(n, "合计行，不是一件案件", "reviews"))
            continue
        received, why = _date(cells, cols.get("received"), "收到（立案）日期")
        concluded, why2 = _date(cells, cols.get("concluded"), "审结日期")
        reason = why or why2
        if not reason and received is not None and not start <= received <= end:
            reason = f"收到（立案）日期{received.isoformat()}不在{year}年内，不属于本年度"
        if not reason and received is not None and concluded is not None and concluded < received:
            reason = f"审结日期{concluded.isoformat()}早于收到（立案）日期{received.isoformat()}"
        if reason:
            issues.append(RowIssue(n, reason, "reviews"))
            continue
        block, reason = review_block(_text(cells, cols.get("kind")), _text(cells, cols.get("route")))
        result = _text(cells, cols.get("result"))
        part: str | None
        reason2 = ""
        if concluded is not None and concluded > end:
            part = "pending"
        elif not norm(result):
            part = "pending" if concluded is None else None
            reason2 = "" if part else f"有审结日期{concluded}，却没有写结果"
        else:
            part, reason2 = review_part(result)
        if block is None or part is None:
            issues.append(RowIssue(n, reason or reason2, "reviews"))
            continue
        number = _text(cells, cols.get("number"))
        if number:
            numbers.setdefault(number, []).append(n)
        candidates.append((n, Placement("", block, part)))
    duplicated = {n: ns for ns in numbers.values() if len(ns) > 1 for n in ns}
    for n, p in candidates:
        if n in duplicated:
            others = "、".join(str(m) for m in duplicated[n] if m != n)
            issues.append(RowIssue(n, f"案号与第{others}行重复", "reviews"))
            continue
        placed[n] = p
        rows.setdefault((p.result, p.column), []).append(n)
    issues.sort(key=lambda i: i.row)
    prov: dict[str, tuple[int, ...]] = {}
    for b in T4_BLOCKS:
        for c in T4_PARTS:
            prov[f"t4.{b}.{c}"] = tuple(sorted(rows.get((b, c), ())))
        prov[f"t4.{b}.total"] = tuple(sorted(n for c in T4_PARTS for n in prov[f"t4.{b}.{c}"]))
    counts = {a: len(r) for a, r in prov.items()}
    return Derived("reviews", table.filename, table.sheet, table.header_row, year, table.choices, counts, prov,
                   issues, placed)


def _d1(year: int, derived: Derived, previous: Mapping[str, int], source: str) -> list[str]:
    """Rule D1: this year's 上年结转 equals last year's 结转下年度, per column."""
    out = []
    for c in L.T3_COLUMN_LABELS:
        now, then = derived.cells.get(f"t3.carried_over.{c}", 0), previous.get(c)
        if then is not None and now != then:
            out.append(f"D1：台账中{year}年的“上年结转”{L.T3_COLUMN_LABELS[c]}为{now}件，{source}的"
                       f"“结转下年度继续办理”为{then}件，两者应相等，请核对")
    return out


def derive_ledger(path: str | Path, *, filename: str | None = None, year: int | None = None,
                  reviews: str | Path | None = None, reviews_filename: str | None = None,
                  columns: Mapping[str, str] | None = None, review_columns: Mapping[str, str] | None = None,
                  placements: Mapping[int, tuple[str, str]] | None = None,
                  previous: Mapping[str, int] | None = None, previous_source: str = "上年报告",
                  previous_ledger: str | Path | None = None) -> LedgerDerivation:
    """Tables 三 (and 四) from the application ledger at ``path`` (and the review/lawsuit ledger,
    given or found as another sheet of the same workbook). ``year``: the report year (else the year
    most rows were received in, said in the notes). ``previous``: last year's 结转下年度 per column
    (rule D1), or ``previous_ledger``: last year's ledger. ``LedgerError`` for a file that cannot be
    used; ``ColumnsMissing`` when a needed column must be picked."""
    name = filename or Path(path).name
    sheets = read_sheets(path, name)
    table = locate(sheets, "applications", name, dict(columns or {}))
    notes: list[str] = []
    if year is None:
        year = infer_year(table)
        if year is None:
            raise LedgerError(f"台账“{name}”中没有可以识别的收到日期，无法确定报告年度，请指定年度。")
        notes.append(f"未指定报告年度，按台账中收到日期最多的年份（{year}年）统计。")
    apps = derive_applications(table, year, placements)
    review_table = None
    if reviews is not None:
        rname = reviews_filename or Path(reviews).name
        review_table = locate(read_sheets(reviews, rname), "reviews", rname, dict(review_columns or {}))
    else:
        others = [s for s in sheets if s.name != table.sheet]
        if others:
            try:
                review_table = locate(others, "reviews", name, dict(review_columns or {}))
            except LedgerError:
                review_table = None
    revs = derive_reviews(review_table, year) if review_table is not None else None
    if previous_ledger is not None:
        last = derive_ledger(previous_ledger, year=year - 1, columns=columns)
        assert last.applications is not None
        previous = {c: last.applications.cells[f"t3.carried_forward.{c}"] for c in L.T3_COLUMN_LABELS}
        previous_source = f"上年台账《{Path(previous_ledger).name}》"
    if previous is not None:
        notes += _d1(year, apps, previous, previous_source)
    if apps.fee_rows:
        notes.append(f"台账中有{len(apps.fee_rows)}件申请收取了信息处理费（{rows_phrase(apps.fee_rows)}），"
                     "请在第六部分写明收费的件数和金额。")
    return LedgerDerivation(year, apps, revs, notes)


def placement_label(p: Placement) -> str:
    """予以公开·自然人."""
    if p.origin == "":
        return f"{L.T4_BLOCK_LABELS[p.result]}·{L.T4_COLUMN_LABELS[p.column]}"
    return f"{row_label(p.result)}·{L.T3_COLUMN_LABELS[p.column]}"
