"""Tables pasted into the chat (tab-separated from a web page or Excel, or Markdown) → cell ops.

A row is recognised by its label and by how many numbers it ends with: 7 (or 6, without 总计)
for table 三, 15 (or 5 per block) for table 四, 3 or 1 for table 二. Irregular leading tabs, empty
cells and a repeated header (as in copied web pages) are tolerated. Each op quotes its own line.
"""

from __future__ import annotations

import re
from decimal import Decimal

from assistant.numbers import parse_number
from schemas import labels as L
from schemas.patches import PatchOp

__all__ = ["is_table_line", "parse_pasted_tables"]

_MD_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_STRIP = re.compile(r"[\s　()（）、.．,，:：\[\]【】]|^[一二三四五六七八九十0-9]+")
_BLANKS = tuple(m for m in L.BLANK_MARKERS if m and m not in ("无",))

_T3_TOP = (  # (core words, row) checked in this order
    ("本年新收", "new_received"), ("上年结转", "carried_over"), ("部分公开", "partial"),
    ("予以公开", "granted"), ("结转下年度", "carried_forward"), ("总计", "total"),
)
_T2_ROWS = (("行政规范性文件", "normative_docs"), ("规范性文件", "normative_docs"), ("规章", "regulations"),
            ("行政许可", "licensing"), ("行政处罚", "penalty"), ("行政强制", "enforcement"),
            ("行政事业性收费", "fees"))
_T4_BLOCK_WORDS = (("复议后起诉", "litigation_after_review"), ("直接起诉", "litigation_direct"),
                   ("行政复议", "review"))


def is_table_line(line: str) -> bool:
    return "\t" in line or line.count("|") >= 2


def _cells(line: str) -> list[str]:
    if "\t" in line:
        return [c.strip() for c in line.split("\t")]
    return [c.strip() for c in line.strip().strip("|").split("|")]


def _number(token: str):
    if token in _BLANKS:
        return token  # a blank marker stays a blank, never 0
    v = parse_number(token)
    if v is None or v < 0:
        return None
    return int(v) if v == v.to_integral_value() else v


def _split(line: str) -> tuple[str, list]:
    """(label, trailing numbers) of a table line."""
    cells = [c for c in _cells(line) if c != ""]
    nums: list = []
    while cells:
        v = _number(cells[-1])
        if v is None:
            break
        nums.insert(0, v)
        cells.pop()
    return "".join(cells), nums


def _core(label: str) -> str:
    return _STRIP.sub("", label)


def _sub_rows() -> list[tuple[str, str, str]]:
    out = []
    for group, rows in L.T3_GROUP_ROWS.items():
        for key, label in rows.items():
            out.append((_core(label.split(".", 1)[1]), group, key))
    return sorted(out, key=lambda x: -len(x[0]))  # longest first: 其他法律… before 其他


_SUB_ROWS = _sub_rows()


def _t3_row(label: str, group: str | None) -> str | None:
    core = _core(label)
    for words, sub_group, key in _SUB_ROWS:
        if words == "其他":  # "3.其他" of （六）其他处理, alone or after its group label
            if group == "other_handling" and re.sub(r"[一二三四五六七八九十0-9]", "", core) in ("其他", "其他处理其他"):
                return f"t3.{sub_group}.{key}"
            continue
        if words in core:
            return f"t3.{sub_group}.{key}"
    for words, key in _T3_TOP:
        if words in core:
            return f"t3.{key}"
    return None


def _value(v):
    return v if not isinstance(v, Decimal) else str(v)


def parse_pasted_tables(message: str) -> tuple[list[PatchOp], list[str]]:
    """(ops, lines used): cell ops from every recognised table line of ``message``."""
    ops: list[PatchOp] = []
    used: list[str] = []
    group: str | None = None
    t3_columns = L.T3_APPLICANT_COLUMNS + ("total",)
    t4_columns = tuple(L.T4_COLUMN_LABELS)
    for line in message.splitlines():
        if not is_table_line(line) or _MD_RULE.match(line):
            continue
        label, nums = _split(line)
        core = _core(label)
        for g, glabel in L.T3_GROUP_LABELS.items():
            if _core(glabel) in core:
                group = g
        quote = line.strip()
        if len(nums) in (6, 7):
            row = _t3_row(label, group)
            if row is None:
                continue
            if row in ("t3.total", "t3.carried_forward", "t3.new_received", "t3.carried_over", "t3.granted",
                       "t3.partial"):
                group = None if row in ("t3.total", "t3.carried_forward") else group
            ops += [PatchOp(field=f"{row}.{c}", value=_value(v), quote=quote) for c, v in zip(t3_columns, nums)]
        elif len(nums) == 15:
            blocks = tuple(L.T4_BLOCK_LABELS)
            ops += [PatchOp(field=f"t4.{blocks[i // 5]}.{t4_columns[i % 5]}", value=_value(v), quote=quote)
                    for i, v in enumerate(nums)]
        elif len(nums) == 5:
            block = next((b for w, b in _T4_BLOCK_WORDS if w in core), None)
            if block is None:
                continue
            ops += [PatchOp(field=f"t4.{block}.{c}", value=_value(v), quote=quote) for c, v in zip(t4_columns, nums)]
        elif len(nums) in (1, 3):
            row = next((r for w, r in _T2_ROWS if core.endswith(w) or core == w), None)
            if row is None:
                continue
            cols = ("issued", "repealed", "in_force") if row in ("regulations", "normative_docs") else (
                ("amount",) if row == "fees" else ("decisions",))
            if len(cols) != len(nums):
                continue
            ops += [PatchOp(field=f"t2.{row}.{c}", value=_value(v), quote=quote) for c, v in zip(cols, nums)]
        else:
            continue
        used.append(line)
    return ops, used
