"""A sheet's "单位" column told apart: the clerk's own sheet counted people and "单位" (every other applicant);
the five kinds of 单位 are said afterwards, row by row, by the count the column held:

    "单位那9件，8件是公司，1件是律师事务所申请的"  — the row whose 单位 were 9 (its total less its 自然人)
    "结转那1件单位的是公司的"                       — the row named, its 单位 that one
    "单位的都是企业"                                 — every row's 单位

The column is not recorded (``_tables.orgs_column``); what a row's 单位 held is its 总计 less its 自然人,
both recorded before. Nothing is read unless the parts add up to that count."""

from __future__ import annotations

import re
from collections.abc import Mapping

from assistant.numbers import parse_number
from assistant.reading._tables import ORGS_HEADS, applicant_of
from assistant.reading._vocab import vocabulary
from schemas.labels import T3_APPLICANT_COLUMNS
from schemas.layout import T3_ROWS
from schemas.patches import PatchOp

__all__ = ["orgs_told"]

_ORGS = "|".join(sorted(ORGS_HEADS, key=len, reverse=True))
_N = r"[0-9０-９]+|[一二两三四五六七八九十]+"
# "单位那9件，8件是公司，1件是律师事务所申请的"
_SPLIT = re.compile(rf"(?:{_ORGS})(?:那|的|这)?\s*(?P<n>{_N})\s*件\s*[，,：:]\s*(?P<parts>(?:(?:{_N})\s*件\s*(?:是|为)\s*[^，,、。；;\s]{{1,12}}\s*[，,、]?\s*)+)")
_PART = re.compile(rf"(?P<k>{_N})\s*件\s*(?:是|为)\s*(?P<who>[\u4e00-\u9fa5]{{1,10}}?)(?:申请)?的?(?=\s*[，,、。；;]|\s*$)")
# "结转那1件单位的是公司的"
_ONE_ROW = re.compile(rf"(?P<row>[\u4e00-\u9fa5]{{2,8}}?)(?:那|的)?\s*(?P<n>{_N})\s*件\s*(?:{_ORGS})的?\s*(?:是|为)\s*(?P<who>[\u4e00-\u9fa5]{{1,8}}?)的?(?=\s*[，,。；;]|\s*$)")
# "单位的都是企业"
_ALL = re.compile(rf"(?:{_ORGS})的?(?:申请)?\s*(?:都|全|全部)(?:是|为)\s*(?P<who>[\u4e00-\u9fa5]{{1,8}}?)(?:申请)?的?(?=\s*[，,。；;]|\s*$)")
_ORG_COLUMNS = [c for c in T3_APPLICANT_COLUMNS if c != "natural"]


def _int(v: object) -> int | None:
    try:
        return int(str(v))
    except (TypeError, ValueError):
        return None


def _orgs_of(earlier: Mapping[str, object]) -> dict[str, int]:
    """Each row's 单位 (its total less its 自然人), for rows whose other columns are all still open."""
    out = {}
    for r in T3_ROWS:
        total, people = _int(earlier.get(f"{r.address}.total")), _int(earlier.get(f"{r.address}.natural"))
        if total is None or people is None or any(earlier.get(f"{r.address}.{c}") is not None for c in _ORG_COLUMNS):
            continue
        out[r.address] = total - people
    return out


def _kind(word: str) -> str | None:
    col = applicant_of(word)
    return col if col in _ORG_COLUMNS else None


def orgs_told(message: str, earlier: Mapping[str, object]) -> tuple[list[PatchOp], list[tuple[int, int]]]:
    """(ops, spans read) of the message's words on the 单位 of the rows recorded before."""
    if not any(w in message for w in ORGS_HEADS):
        return [], []
    orgs = _orgs_of(earlier)
    if not any(orgs.values()):
        return [], []
    ops: list[PatchOp] = []
    spans: list[tuple[int, int]] = []
    for m in _SPLIT.finditer(message):
        n = int(parse_number(m.group("n")) or 0)
        rows = [a for a, v in orgs.items() if v == n]
        parts = [(int(parse_number(p.group("k")) or 0), _kind(p.group("who"))) for p in _PART.finditer(m.group("parts"))]
        if len(rows) != 1 or not parts or any(k is None for _, k in parts) or sum(v for v, _ in parts) != n:
            continue
        quote = m.group(0).rstrip("，,、 ")
        ops += [PatchOp(field=f"{rows[0]}.{k}", value=str(v), quote=quote) for v, k in parts]
        ops += [PatchOp(field=f"{rows[0]}.{c}", value="0", quote=quote) for c in _ORG_COLUMNS if c not in {k for _, k in parts}]
        spans.append((m.start(), m.start() + len(quote)))
    for m in _ONE_ROW.finditer(message):
        n = int(parse_number(m.group("n")) or 0)
        row = next((a.key for a in vocabulary().anchors(m.group("row")) if a.kind == "t3row"), None)
        if m.group("row").endswith("结转") and row in ("carried_over", "carried_forward") and len(
                both := [r for r in ("carried_over", "carried_forward") if orgs.get(f"t3.{r}") == n]) == 1:
            row = both[0]  # ("结转那1件": last year's or next year's, by the count the sheet held)
        kind = _kind(m.group("who"))
        if row is None or kind is None or orgs.get(f"t3.{row}") != n or any(s <= m.start() < e for s, e in spans):
            continue
        ops += [PatchOp(field=f"t3.{row}.{c}", value=str(n if c == kind else 0), quote=m.group(0)) for c in _ORG_COLUMNS]
        spans.append(m.span())
    for m in _ALL.finditer(message):
        kind = _kind(m.group("who"))
        if kind is None or any(s <= m.start() < e for s, e in spans):
            continue
        ops += [PatchOp(field=f"{row}.{c}", value=str(v if c == kind else 0), quote=m.group(0))
                for row, v in orgs.items() for c in _ORG_COLUMNS]
        spans.append(m.span())
    return ops, spans
