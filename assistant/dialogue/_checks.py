"""Bad answers, caught before anything is recorded: negative numbers, text where a number is
needed, table lines that cannot be read, and totals that contradict their parts.

Totals are checked as equations over the cells known after the answer (stated and derived), with
unknown cells taken as non-negative: an equation fails when both sides are complete and differ,
or when one complete side is already exceeded by the known part of the other. Only failures the
answer *introduces* are held against it, so an old inconsistency never blocks the next answer.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from assistant.dialogue._planner import match_fields
from assistant.importing import table_cells
from assistant.numbers import find_numbers, parse_number
from assistant.reading import parse_pasted_tables
from schemas import labels as L
from schemas.facts import FACT_SPECS, fact_label, spec_of
from schemas.layout import ALL_CELL_ADDRESSES, T3_COLUMNS, T3_RESULT_ROWS, T3_ROWS, T4_BLOCKS, T4_PARTS
from schemas.patches import Rejection

__all__ = [
    "EQUATIONS", "EQUATION_CELLS", "NUMERIC_KINDS", "Equation", "bad_value_reason", "contradictions", "negative_numbers",
    "unread_table_lines", "vague_number",
]

NUMERIC_KINDS = frozenset({"count", "percent", "money_yuan", "year", "cell_int", "cell_money"})
# A minus sign or 负 before a number, not a hyphen between digits (0535-6693206, 2023-12-31) nor one
# before a row's number in a system's label ("（四）无法提供-1.本机关不掌握…").
_NEGATIVE = re.compile(
    r"(?<![0-9０-９A-Za-z.．])(?:[-−－﹣]|负)\s?[0-9０-９]+(?:[.．][0-9０-９]+)?(?![0-9０-９]|[.．、]\s*[\u4e00-\u9fa5])"
    r"|负[一二两三四五六七八九十百千万]+(?=[件条次个项篇场元%％])")
_DIGIT = re.compile(r"[0-9０-９]")
_YEAR_OR_CHANGE = re.compile(r"20[0-9]{2}\s*年?度?(?:数据|数)?(?:\s*[（(][^）)]*[）)])?")  # ("2024年(对比)")


def negative_numbers(text: str, skip: Iterable[str] = ()) -> list[str]:
    """Negative numbers written in ``text``, outside the passages in ``skip`` (free-text facts)."""
    for passage in skip:
        if passage:
            text = text.replace(passage, "　")
    return [m.group(0).strip() for m in _NEGATIVE.finditer(text) if not _BULLET.search(text[:m.end()]) and (
            not _SUBTRACTED.search(text[:m.start()]) or not re.match(r"[^。；;！？\n]*[=＝]", text[m.end():]))]


# "- 12345工单 转办 46件": a dash opening a line of notes, then a space, is a bullet, no minus
_BULLET = re.compile(r"(?:^|\n)[ \t\u3000]*[-−－﹣][ \t\u3000]+[0-9０-９.．]+$")


# "现行有效 = 81 + 7 − 5 = 83", "377 + 12 − 10 = 379": a minus between two numbers of a sum written out
_SUBTRACTED = re.compile(r"[0-9０-９][ \u3000]*$")


def _is_number(value: Any) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, (int, float)):
        return True
    s = str(value).strip().rstrip("%％")
    return parse_number(s) is not None or len(find_numbers(s)) == 1


def bad_value_reason(rejection: Rejection) -> str | None:
    """Why a rejected op is the user's error rather than the model's (text given for a number, a
    number below zero), in Chinese; None for a grounding rejection."""
    op = rejection.op
    spec = spec_of(op.field) or spec_of(f"{op.field}.total")  # a whole row or table: its cells' kind
    if spec is None or spec.kind not in NUMERIC_KINDS or op.op != "set" or op.value is None:
        return None
    if not _is_number(op.value):
        return f"“{spec.label}”需要一个数字，您给的是“{op.value}”。"
    value = parse_number(str(op.value).strip().rstrip("%％"))
    if value is not None and value < 0:
        return f"“{spec.label}”不能是负数（{op.value}）。"
    return None


_ZERO_WORDS = ("没有", "无", "零", "未", "0", "０")
_VAGUE_MAX = 30
_VAGUE_COVER = 0.8


def vague_number(message: str) -> str | None:
    """A short message that names a number but gives none ("网站访问总量很多"): text where a number
    is needed. Not when it says zero in words; never for long passages."""
    s = message.strip()
    if "\n" in s or len(s) > _VAGUE_MAX or find_numbers(s) or any(w in s for w in _ZERO_WORDS):
        return None
    numeric = [f for f in (*FACT_SPECS, *ALL_CELL_ADDRESSES) if getattr(spec_of(f), "kind", None) in NUMERIC_KINDS]
    named = match_fields(s, numeric)
    if len(named) != 1:
        return None
    label = fact_label(named[0])
    pieces = {label[i:i + 2] for i in range(len(label) - 1)}
    # the item itself must be named (网站访问总量很多), not merely touched (加强网站访问量分析)
    if len(pieces & {s[i:i + 2] for i in range(len(s) - 1)}) < _VAGUE_COVER * len(pieces):
        return None
    return f"“{label}”需要一个具体的数字，“{s}”里没有数字。"


def unread_table_lines(message: str) -> list[str]:
    """Lines of a pasted table that hold numbers but could not be read as a row (a word or a
    negative number among the cells, a cell too many or too few)."""
    _, used = parse_pasted_tables(message)
    used_set = set(used)
    out = []
    for line in message.splitlines():
        if ("\t" not in line and line.count("|") < 2) or line in used_set or not _DIGIT.search(line):
            continue
        if re.fullmatch(r"[\s|:\-]*", line):
            continue
        cells = table_cells(line, loose=True) or []
        if not any(_DIGIT.search(c) for c in cells[1:]):
            continue  # a header or a title ("表三（2025年）| 自然人 | 商业企业 …"): no cell of it is a number
        if all(_YEAR_OR_CHANGE.fullmatch(c.strip()) or not _DIGIT.search(c) for c in cells):
            continue  # "信息内容	指标	2024年	2025年	增减": a header of years, no row
        out.append(line.strip())
    return out


@dataclass(frozen=True, slots=True)
class Equation:
    """sum(lhs) = sum(rhs), every cell a non-negative integer."""

    key: str
    lhs: tuple[str, ...]
    rhs: tuple[str, ...]
    what: str  # the relation in words, for the message


def _equations() -> tuple[Equation, ...]:
    out: list[Equation] = []
    cols = L.T3_COLUMN_LABELS
    for r in T3_ROWS:
        out.append(Equation(f"A3:{r.address}", (f"{r.address}.total",),
                            tuple(f"{r.address}.{c}" for c in L.T3_APPLICANT_COLUMNS),
                            f"表三「{r.full_label}」行的总计应等于六类申请人之和"))
    for c in T3_COLUMNS:
        out.append(Equation(f"A2:{c}", (f"t3.total.{c}",), tuple(f"{r.address}.{c}" for r in T3_RESULT_ROWS),
                            f"表三「（七）总计」行「{cols[c]}」列应等于（一）至（六）各项之和"))
        out.append(Equation(f"A1:{c}", (f"t3.new_received.{c}", f"t3.carried_over.{c}"),
                            (f"t3.total.{c}", f"t3.carried_forward.{c}"),
                            f"表三「{cols[c]}」列：本年新收加上年结转，应等于（七）总计加结转下年度继续办理"))
    for b in T4_BLOCKS:
        out.append(Equation(f"B:{b}", (f"t4.{b}.total",), tuple(f"t4.{b}.{p}" for p in T4_PARTS),
                            f"表四「{L.T4_BLOCK_LABELS[b]}」的总计应等于维持、纠正、其他、尚未审结之和"))
    return tuple(out)


EQUATIONS: tuple[Equation, ...] = _equations()
EQUATION_CELLS: dict[str, frozenset[str]] = {eq.key: frozenset((*eq.lhs, *eq.rhs)) for eq in EQUATIONS}


def contradictions(cells: Mapping[str, Any], derived: Iterable[str] = ()) -> dict[str, str]:
    """{equation key: Chinese message} for every equation the known cells break."""
    derived = set(derived)
    out: dict[str, str] = {}
    get = cells.get
    for eq in EQUATIONS:
        # (a turn checks every equation several times: plain loops, no list per side)
        sl = nl = sr = nr = 0
        for a in eq.lhs:
            v = get(a)
            if type(v) is int:  # (an int, not a bool: what _num keeps)
                sl += v
                nl += 1
        for a in eq.rhs:
            v = get(a)
            if type(v) is int:
                sr += v
                nr += 1
        l_full, r_full = nl == len(eq.lhs), nr == len(eq.rhs)
        if l_full and r_full and sl != sr:
            detail = f"现在一边是{sl}，另一边是{sr}"
        elif l_full and not r_full and sr > sl:
            detail = f"已知的各项之和{sr}已经超过{sl}"
        elif r_full and not l_full and sl > sr:
            detail = f"已知的各项之和{sl}已经超过{sr}"
        else:
            continue
        inferred = [a for a in (*eq.lhs, *eq.rhs) if a in derived and a in cells]
        note = "（其中部分数字是按您前面说的推算的）" if inferred else ""
        out[eq.key] = f"{eq.what}，{detail}{note}。"
    return out
