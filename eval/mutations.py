"""Planted defects: one known error put into a consistent report, for every rule of the validator.

    for d in defects(seed=3):                 # every variant of every rule, planted into consistent_report(3)
        findings = validate(d.report, d.previous)
        assert any(f.rule == d.rule and f.location.names(d.address) for f in findings)

    d = plant(report, "E2", random.Random(7))  # one random variant of one rule, into a given report

Each variant changes one thing (one cell, one sentence, one heading …) of a report that passes every
rule, and the numbers it writes are computed from that report, so it works for any seed. The expected
finding has ``location.address == Defect.address`` (every variant here points at the exact address;
a consumer may also accept ``address in location.related``). When a table total that the narrative
quotes is changed, the quote is changed with it (the text is drafted from the table), so that the
defect stays within its family.

Findings of the same family besides the expected one are usual (a changed cell breaks both its row and
its column sum: A1/A2 come with A3). Outside the family, only these are inherent and documented on
the variant: C3 always comes with D2 (a 废止 count larger than last year's 现行有效 plus 本年制发
cannot leave 现行有效 = 上年现行有效 + 制发 − 废止 true).

Defects whose evidence is only in ``report.source`` (the headings and table format an importer saw)
are marked ``in_source_only``: a renderer prints the standard layout and loses them. Every other
defect survives rendering to text, DOCX or HTML and importing again.

For a county or township agency (``level="county"``/``"township"``) the base report gets a 规章 row
of 0: ``consistent_report`` fills that row for every level, which sets off C4 on the clean report.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from assistant.validation import FAMILIES, RULES, validate
from eval.synthetic import consistent_report, previous_year_of
from schemas import labels as L
from schemas.layout import (
    T3_RESULT_ROWS,
    T3_ROWS,
    T4_BLOCKS,
    cell_label,
    get_cell,
    get_text,
    iter_cells,
    set_cell,
    set_text,
    t3_row,
)
from schemas.report import Blank, Part6Item, PartHeading, Report, SourceInfo

__all__ = [
    "COMPANION_RULES", "CROSS_YEAR_RULES", "FAMILIES", "Defect", "defects", "defects_for", "plant", "variant_names",
]

CROSS_YEAR_RULES: frozenset[str] = frozenset({"C3", "D1", "D2", "D3"})
# Rules of another family that a defect of a rule sets off by necessity (see the module docstring).
COMPANION_RULES: dict[str, frozenset[str]] = {"C3": frozenset({"D2"})}
_NO_REGULATIONS = frozenset({"county", "township"})  # levels that cannot make 规章 (rule C4)


@dataclass(frozen=True)
class Defect:
    """One planted defect. ``validate(report, previous)`` holds a finding of ``rule`` whose
    ``location.address`` is exactly ``address`` (for every variant of this module)."""

    rule: str  # the rule id that must fire, e.g. "A1", "E3"
    family: str  # "A".."F"
    name: str  # short English slug, unique per rule
    description: str  # what was planted, in Chinese
    report: Report  # the defective report
    previous: Report | None  # last year's report for the cross-year rules (C3, D*), else None
    address: str  # Finding.location.address of the expected finding
    in_source_only: bool = False  # the defect lives in report.source, which renderers do not reproduce


# ---- registry ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Ctx:
    r: Report  # a copy of the report, to be changed in place
    prev: Report | None  # a copy of last year's report (cross-year rules only)
    rng: random.Random


_Plant = Callable[[_Ctx], tuple[str, str]]  # changes ctx.r / ctx.prev, returns (address, description)
_VARIANTS: dict[str, list[tuple[str, _Plant, bool]]] = {rule: [] for rule in RULES}


def _variant(rule: str, name: str, *, in_source_only: bool = False):
    def register(fn: _Plant) -> _Plant:
        assert all(n != name for n, _, _ in _VARIANTS[rule]), (rule, name)
        _VARIANTS[rule].append((name, fn, in_source_only))
        return fn
    return register


# ---- helpers -----------------------------------------------------------------------------------
_APPLICANTS = L.T3_APPLICANT_COLUMNS
_LEAF_RESULT_ROWS = tuple(r for r in T3_RESULT_ROWS if r.group is not None)
# Rows whose 总计 a changed value can take without breaking the narrative's "办结X件，其中……" list
# (a result row's total is part of that list's sum, and the list would then fire E7).
_INTAKE_ROWS = tuple(r for r in T3_ROWS if r.path[0] in ("new_received", "carried_over", "carried_forward"))
_COL = L.T3_COLUMN_LABELS
_T4_PARTS = ("upheld", "corrected", "other", "pending")


def _k(rng: random.Random) -> int:
    return rng.randint(1, 9)


def _int(v) -> int:
    return v if isinstance(v, int) else 0


def _group_sum(r: Report, group: str) -> int:
    return sum(_int(row.total) for row in getattr(r.table3, group).__dict__.values())


def _app_text(r: Report) -> dict[str, int]:
    """The table-三 totals a narrative quotes, by short name."""
    t3 = r.table3
    return {
        "new": _int(t3.new_received.total), "co": _int(t3.carried_over.total), "done": _int(t3.total.total),
        "fwd": _int(t3.carried_forward.total), "granted": _int(t3.granted.total), "partial": _int(t3.partial.total),
        "withheld": _group_sum(r, "withheld"), "unable": _group_sum(r, "unable"),
        "not_processed": _group_sum(r, "not_processed"), "other_handling": _group_sum(r, "other_handling"),
        "unpaid_fee": _int(t3.other_handling.unpaid_fee.total),
    }


# The words just before each total in the narrative of a drafted report ("上年结转12件", "收费通知3件").
_QUOTE_WORDS = {
    "new": "新收政府信息公开申请", "co": "上年结转", "done": "办结", "granted": "予以公开", "partial": "部分公开",
    "withheld": "不予公开", "unable": "无法提供", "not_processed": "不予处理", "other_handling": "其他处理",
    "fwd": "继续办理", "unpaid_fee": "收费通知",
}


def _quoted(r: Report) -> dict[str, int]:
    v = _app_text(r)
    return {word: v[name] for name, word in _QUOTE_WORDS.items()}


def _requote(r: Report, before: dict[str, int]) -> None:
    """After a table change, change the narrative's quotes of the changed totals the same way."""
    after = _quoted(r)
    for word, old in before.items():
        new = after[word]
        if new == old:
            continue
        pattern = re.compile(re.escape(word) + str(old) + "(?=件)")
        r.part1.on_request = pattern.sub(word + str(new), r.part1.on_request)
        for item in r.part6:
            item.text = pattern.sub(word + str(new), item.text)


def _shift(r: Report, address: str, rng: random.Random, *, sync: bool = False) -> tuple[int, int]:
    """Add or subtract a small amount (never below 0) to one cell; returns (old, new)."""
    old = get_cell(r, address)
    k = _k(rng)
    new = old - k if (rng.random() < 0.5 and old - k >= 0) else old + k
    before = _quoted(r)
    set_cell(r, address, new)
    if sync:
        _requote(r, before)
    return old, new


def _cn(n: int) -> str:
    """An integer in Chinese numerals as reports write them: 1203 → 一千二百零三."""
    digits = "零一二三四五六七八九"
    if n == 0:
        return "零"

    def below_10000(m: int) -> str:
        out, zero = "", False
        for unit, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
            d = m // unit % 10
            if d:
                if zero and out:
                    out += "零"
                out += digits[d] + name
                zero = False
            else:
                zero = True
        return out

    high, low = divmod(n, 10000)
    if not high:
        s = below_10000(low)
        return s[1:] if s.startswith("一十") else s
    s = below_10000(high) + "万"
    if low:
        s += ("零" if low < 1000 else "") + below_10000(low)
    return s


def _p6(r: Report, key: str) -> str:
    """Address of the part-六 item with ``key`` (added when missing)."""
    for i, item in enumerate(r.part6):
        if item.key == key:
            return f"p6.{i}"
    r.part6.append(Part6Item(key=key, title=L.P6_ITEM_TITLES[key], text="无。"))
    return f"p6.{len(r.part6) - 1}"


def _doc_row(c: _Ctx) -> str:
    """规章 or 行政规范性文件; only the latter for an agency that cannot make 规章 (else C4 fires too)."""
    if c.r.meta.agency_level in _NO_REGULATIONS:
        return "normative_docs"
    return c.rng.choice(("regulations", "normative_docs"))


def _year(r: Report) -> int:
    return r.meta.report_year or 2023


def _results_sentence(v: dict[str, int]) -> str:
    return (f"予以公开{v['granted']}件，部分公开{v['partial']}件，不予公开{v['withheld']}件，无法提供{v['unable']}件，"
            f"不予处理{v['not_processed']}件，其他处理{v['other_handling']}件")


class _NotApplicable(ValueError):
    """The report lacks what a variant changes (a sentence of the drafted narrative, for instance)."""


def _replace_once(text: str, old: str, new: str) -> str:
    if old not in text:
        raise _NotApplicable(f"正文中没有“{old}”，无法植入该缺陷")
    return text.replace(old, new, 1)


# ---- A: table 三 arithmetic ---------------------------------------------------------------------
@_variant("A1", "carried_over_mismatch")
def _(c: _Ctx):
    col = c.rng.choice(_APPLICANTS)
    old, new = _shift(c.r, f"t3.carried_over.{col}", c.rng)
    return f"t3.new_received.{col}", f"表三「上年结转」行「{_COL[col]}」列由{old}改为{new}，该列第一项加第二项不再等于第三项加第四项"


@_variant("A1", "new_received_off")
def _(c: _Ctx):
    col = c.rng.choice(_APPLICANTS)
    old, new = _shift(c.r, f"t3.new_received.{col}", c.rng)
    return f"t3.new_received.{col}", f"表三「本年新收」行「{_COL[col]}」列由{old}改为{new}"


@_variant("A1", "carried_forward_off")
def _(c: _Ctx):
    col = c.rng.choice(_APPLICANTS)
    old, new = _shift(c.r, f"t3.carried_forward.{col}", c.rng)
    return f"t3.new_received.{col}", f"表三「结转下年度继续办理」行「{_COL[col]}」列由{old}改为{new}"


@_variant("A1", "carry_rows_swapped")
def _(c: _Ctx):
    col = c.rng.choice(_APPLICANTS)
    co, cf = c.r.table3.carried_over, c.r.table3.carried_forward
    a, b = getattr(co, col), getattr(cf, col)
    setattr(co, col, b)
    setattr(cf, col, a)
    return f"t3.new_received.{col}", f"表三「{_COL[col]}」列的「上年结转」（{a}）与「结转下年度」（{b}）填反"


@_variant("A1", "total_column_off")
def _(c: _Ctx):
    old, new = _shift(c.r, "t3.new_received.total", c.rng, sync=True)
    return "t3.new_received.total", f"表三「本年新收」行「总计」列由{old}改为{new}（正文随之引用{new}件）"


@_variant("A2", "result_cell_off")
def _(c: _Ctx):
    row, col = c.rng.choice(_LEAF_RESULT_ROWS), c.rng.choice(_APPLICANTS)
    old, new = _shift(c.r, f"{row.address}.{col}", c.rng)
    return f"t3.total.{col}", f"{cell_label(f'{row.address}.{col}')}由{old}改为{new}，该列各项之和不再等于（七）总计"


@_variant("A2", "result_cell_omitted")
def _(c: _Ctx):
    row, col = c.rng.choice(_LEAF_RESULT_ROWS), c.rng.choice(_APPLICANTS)
    address = f"{row.address}.{col}"
    old = get_cell(c.r, address)
    set_cell(c.r, address, 0)
    return f"t3.total.{col}", f"{cell_label(f'{row.address}.{col}')}漏填（{old}填作0）"


@_variant("A2", "total_row_off")
def _(c: _Ctx):
    col = c.rng.choice(_APPLICANTS)
    old, new = _shift(c.r, f"t3.total.{col}", c.rng)
    return f"t3.total.{col}", f"{cell_label(f't3.total.{col}')}由{old}改为{new}"


@_variant("A3", "applicant_cell_off")
def _(c: _Ctx):
    row, col = c.rng.choice(_LEAF_RESULT_ROWS), c.rng.choice(_APPLICANTS)
    old, new = _shift(c.r, f"{row.address}.{col}", c.rng)
    return f"{row.address}.total", f"{cell_label(f'{row.address}.{col}')}由{old}改为{new}，该行总计不再等于六类申请人之和"


@_variant("A3", "row_total_off")
def _(c: _Ctx):
    row = c.rng.choice(_INTAKE_ROWS)
    old, new = _shift(c.r, f"{row.address}.total", c.rng, sync=True)
    return f"{row.address}.total", f"{cell_label(f'{row.address}.total')}由{old}改为{new}（正文随之引用）"


@_variant("A3", "row_total_digits_transposed")
def _(c: _Ctx):
    row = c.rng.choice(_INTAKE_ROWS)
    address = f"{row.address}.total"
    old = get_cell(c.r, address)
    s = str(old)
    pairs = [i for i in range(len(s) - 1) if s[i] != s[i + 1] and not (i == 0 and s[1] == "0")]
    if pairs:
        i = c.rng.choice(pairs)
        new = int(s[:i] + s[i + 1] + s[i] + s[i + 2:])
    else:
        new = old + 9
    before = _quoted(c.r)
    set_cell(c.r, address, new)
    _requote(c.r, before)
    return address, f"{cell_label(f'{row.address}.total')}{old}误录为{new}（数字颠倒）"


@_variant("A3", "row_total_misses_column")
def _(c: _Ctx):
    row = c.rng.choice(_INTAKE_ROWS)
    col = c.rng.choice(_APPLICANTS)
    target = t3_row(c.r.table3, row)
    before = _quoted(c.r)
    old = target.total
    target.total = old - getattr(target, col)
    _requote(c.r, before)
    return f"{row.address}.total", f"{cell_label(f'{row.address}.total')}漏加「{_COL[col]}」列（{old}填作{target.total}）"


@_variant("A4", "t3_slash")
def _(c: _Ctx):
    row, col = c.rng.choice(_LEAF_RESULT_ROWS), c.rng.choice(_APPLICANTS)
    address = f"{row.address}.{col}"
    set_cell(c.r, address, Blank(blank="/"))
    return address, f"{cell_label(f'{row.address}.{col}')}填作“/”"


@_variant("A4", "t3_empty")
def _(c: _Ctx):
    row, col = c.rng.choice(_LEAF_RESULT_ROWS), c.rng.choice(_APPLICANTS)
    address = f"{row.address}.{col}"
    set_cell(c.r, address, Blank(blank=""))
    return address, f"{cell_label(f'{row.address}.{col}')}留空"


@_variant("A4", "t2_dash")
def _(c: _Ctx):
    # 行政强制 is quoted by no narrative and enters no cross-year rule: the blank is its only finding
    set_cell(c.r, "t2.enforcement.decisions", Blank(blank="—"))
    return "t2.enforcement.decisions", "表二「行政强制·本年处理决定数量」填作“—”"


@_variant("A4", "t2_none_word")
def _(c: _Ctx):
    set_cell(c.r, "t2.regulations.repealed", Blank(blank="无"))
    return "t2.regulations.repealed", "表二「规章·本年废止件数」填作“无”"


# ---- B: table 四 -------------------------------------------------------------------------------
@_variant("B", "part_off")
def _(c: _Ctx):
    block, col = c.rng.choice(T4_BLOCKS), c.rng.choice(_T4_PARTS)
    old, new = _shift(c.r, f"t4.{block}.{col}", c.rng)
    return f"t4.{block}.total", f"{cell_label(f't4.{block}.{col}')}由{old}改为{new}"


@_variant("B", "total_off")
def _(c: _Ctx):
    block = c.rng.choice(T4_BLOCKS)
    old, new = _shift(c.r, f"t4.{block}.total", c.rng)
    return f"t4.{block}.total", f"{cell_label(f't4.{block}.total')}由{old}改为{new}"


@_variant("B", "pending_left_out")
def _(c: _Ctx):
    block = c.rng.choice(T4_BLOCKS)
    row = getattr(c.r.table4, block)
    old = row.total
    row.total = old - _int(row.pending)
    return f"t4.{block}.total", f"{cell_label(f't4.{block}.total')}未计入尚未审结（{old}填作{row.total}）"


@_variant("B", "total_copied_from_other_block")
def _(c: _Ctx):
    block, other = c.rng.sample(T4_BLOCKS, 2)
    row, src = getattr(c.r.table4, block), getattr(c.r.table4, other)
    if row.total == src.total:
        src_total = src.total + _k(c.rng)
    else:
        src_total = src.total
    old = row.total
    row.total = src_total
    return (f"t4.{block}.total", f"{cell_label(f't4.{block}.total')}误抄「{L.T4_BLOCK_LABELS[other]}」的总计"
                                 f"（{old}填作{src_total}）")


# ---- C: table 二 -------------------------------------------------------------------------------
@_variant("C1", "negative_enforcement")
def _(c: _Ctx):
    v = get_cell(c.r, "t2.enforcement.decisions")
    set_cell(c.r, "t2.enforcement.decisions", -max(1, _int(v)))
    return "t2.enforcement.decisions", f"表二「行政强制·本年处理决定数量」填作负数（-{max(1, _int(v))}）"


@_variant("C1", "negative_repealed")
def _(c: _Ctx):
    row = _doc_row(c)
    address = f"t2.{row}.repealed"
    v = max(1, _int(get_cell(c.r, address)))
    set_cell(c.r, address, -v)
    return address, f"{cell_label(f't2.{row}.repealed')}填作负数（-{v}）"


@_variant("C1", "negative_fees")
def _(c: _Ctx):
    v = get_cell(c.r, "t2.fees.amount")
    v = v if isinstance(v, Decimal) and v > 0 else Decimal("1.5")
    set_cell(c.r, "t2.fees.amount", -v)
    return "t2.fees.amount", f"表二「行政事业性收费·本年收费金额」填作负数（-{v}）"


_FEE_FLOOR = 1_000_000  # 万元: above the C2 threshold of every agency level


@_variant("C2", "fees_in_yuan")
def _(c: _Ctx):
    v = get_cell(c.r, "t2.fees.amount")
    wan = v if isinstance(v, Decimal) and v > 0 else Decimal("12.5")
    if wan * 10000 <= _FEE_FLOOR:  # a small fee in 元 still looks plausible in 万元: take a larger one
        wan = Decimal(c.rng.randint(12000, 99999)) / 100
    yuan = wan * 10000
    set_cell(c.r, "t2.fees.amount", yuan)
    return "t2.fees.amount", f"表二「行政事业性收费」按元填报：{wan}万元填作{yuan}"


@_variant("C2", "fees_whole_yuan")
def _(c: _Ctx):
    yuan = Decimal(c.rng.randint(_FEE_FLOOR + 1, 9 * _FEE_FLOOR))
    set_cell(c.r, "t2.fees.amount", yuan)
    return "t2.fees.amount", f"表二「行政事业性收费·本年收费金额」填作{yuan}（按元计的整数）"


def _repealed_too_many(c: _Ctx, row: str) -> tuple[str, str]:
    issued = _int(get_cell(c.r, f"t2.{row}.issued"))
    prev_in_force = _int(get_cell(c.prev, f"t2.{row}.in_force"))
    new = prev_in_force + issued + _k(c.rng)
    old = get_cell(c.r, f"t2.{row}.repealed")
    set_cell(c.r, f"t2.{row}.repealed", new)
    return (f"t2.{row}.repealed", f"{cell_label(f't2.{row}.repealed')}由{old}改为{new}，超过上年现行有效"
                                  f"{prev_in_force}件加本年制发{issued}件（同时触发D2）")


@_variant("C3", "repealed_exceeds_normative_docs")
def _(c: _Ctx):
    return _repealed_too_many(c, "normative_docs")


@_variant("C3", "repealed_exceeds_regulations")
def _(c: _Ctx):
    return _repealed_too_many(c, "regulations")


def _local_agency(c: _Ctx, level: str, unit: str) -> tuple[str, str]:
    name = c.r.meta.agency_name or "示例市交通运输局"
    # the importer reads the level from the name: the name has to say 县 or 镇
    place = next((p for p in ("市", "县", "区", "镇", "乡") if p in name), None)
    local = name.replace(place, unit, 1) if place else f"示例{unit}{name}"
    c.r.meta.agency_name = local
    c.r.meta.agency_level = level
    c.r.meta.title = c.r.meta.title.replace(name, local) if name in c.r.meta.title else \
        f"{local}{_year(c.r)}年{L.REPORT_TITLE_SUFFIX}"
    addresses = [f"t2.regulations.{col}" for col in ("issued", "repealed", "in_force")]
    if not any(_int(get_cell(c.r, a)) for a in addresses):
        set_cell(c.r, addresses[2], c.rng.randint(1, 9))
    first = next(a for a in addresses if _int(get_cell(c.r, a)))
    return first, f"{L.AGENCY_LEVEL_LABELS[level]}机关（{local}）的表二「规章」一行不为0"


@_variant("C4", "county_with_regulations")
def _(c: _Ctx):
    return _local_agency(c, "county", "县")


@_variant("C4", "township_with_regulations")
def _(c: _Ctx):
    return _local_agency(c, "township", "镇")


# ---- D: across years ---------------------------------------------------------------------------
@_variant("D1", "previous_carried_forward_differs")
def _(c: _Ctx):
    col = c.rng.choice(_APPLICANTS)
    k = _k(c.rng)
    t3 = c.prev.table3  # last year's table stays consistent: its 新收 grows with its 结转下年度
    for row in (t3.carried_forward, t3.new_received):
        setattr(row, col, getattr(row, col) + k)
        row.total += k
    return (f"t3.carried_over.{col}", f"上年报告表三「结转下年度」行「{_COL[col]}」列比本年「上年结转」多{k}件"
                                      "（上年表格自洽）")


@_variant("D1", "carried_over_misread")
def _(c: _Ctx):
    col = c.rng.choice(_APPLICANTS)
    k = _k(c.rng)
    t3 = c.r.table3  # this year's table stays consistent: 新收 shrinks as much as 上年结转 grows
    before = _quoted(c.r)
    for row, d in ((t3.carried_over, k), (t3.new_received, -k)):
        setattr(row, col, getattr(row, col) + d)
        row.total += d
    _requote(c.r, before)
    return (f"t3.carried_over.{col}", f"本年表三「上年结转」行「{_COL[col]}」列多计{k}件（从本年新收中挪入），"
                                      "与上年报告「结转下年度」不符")


@_variant("D2", "in_force_off")
def _(c: _Ctx):
    row = _doc_row(c)
    old, new = _shift(c.r, f"t2.{row}.in_force", c.rng)
    return f"t2.{row}.in_force", f"{cell_label(f't2.{row}.in_force')}由{old}改为{new}"


@_variant("D2", "repealed_not_subtracted")
def _(c: _Ctx):
    row = _doc_row(c)
    cell = getattr(c.r.table2, row)
    old = cell.in_force
    cell.in_force = old + max(1, _int(cell.repealed))
    return f"t2.{row}.in_force", f"{cell_label(f't2.{row}.in_force')}未减本年废止件数（{old}填作{cell.in_force}）"


@_variant("D2", "previous_in_force_differs")
def _(c: _Ctx):
    row = _doc_row(c)
    old, new = _shift(c.prev, f"t2.{row}.in_force", c.rng)
    return f"t2.{row}.in_force", f"上年报告{cell_label(f't2.{row}.in_force')}由{old}改为{new}"


@_variant("D3", "part5_copied")
def _(c: _Ctx):
    c.r.part5 = c.prev.part5
    return "p5", "第五部分原样照抄上年报告第五部分"


@_variant("D3", "part5_one_word_changed")
def _(c: _Ctx):
    # one word changed at the start: a few more edits bring the similarity under the threshold (0.85)
    text = c.prev.part5
    c.r.part5 = text.replace("上年度", "本年度", 1) if "上年度" in text else "本年度" + text
    return "p5", "第五部分照抄上年报告，只把“上年度”改为“本年度”"


@_variant("D3", "moved_into_oversight")
def _(c: _Ctx):
    c.r.part1.oversight = c.prev.part5
    return "p1.oversight", "第一部分「监督保障情况」照抄了上年报告第五部分的文字"


# ---- E: narrative against tables ---------------------------------------------------------------
ON = "p1.on_request"


def _on_request(c: _Ctx, text: str) -> str:
    c.r.part1.on_request = text
    return ON


def _wrong(v: int, rng: random.Random, avoid: set[int] = frozenset()) -> int:
    """A plausible wrong count near ``v`` (never negative, never in ``avoid``)."""
    while True:
        w = v + rng.choice((-1, 1)) * _k(rng)
        if w >= 0 and w != v and w not in avoid:
            return w


@_variant("E1", "received_off")
def _(c: _Ctx):
    v = _app_text(c.r)
    w = _wrong(v["new"], c.rng, {v["new"] + v["co"], v["done"]})
    c.r.part1.on_request = _replace_once(c.r.part1.on_request, f"新收政府信息公开申请{v['new']}件",
                                         f"新收政府信息公开申请{w}件")
    return ON, f"正文“新收政府信息公开申请”写作{w}件，表三为{v['new']}件"


@_variant("E1", "accepted_including_carried_off")
def _(c: _Ctx):
    v, y = _app_text(c.r), _year(c.r)
    w = _wrong(v["new"] + v["co"], c.rng, {v["new"]})
    text = (f"{y}年，本机关共受理政府信息公开申请{w}件（含上年结转{v['co']}件），办结{v['done']}件，"
            f"其中{_results_sentence(v)}；结转下年度继续办理{v['fwd']}件。")
    return _on_request(c, text), f"正文“共受理…（含上年结转）”写作{w}件，应为本年新收与上年结转之和{v['new'] + v['co']}件"


@_variant("E1", "done_off")
def _(c: _Ctx):
    v, y = _app_text(c.r), _year(c.r)
    w = _wrong(v["done"], c.rng, {v["new"], v["new"] + v["co"]})
    text = (f"{y}年，本机关共接到政府信息公开申请{v['new']}件，上年结转{v['co']}件，全年办结{w}件，"
            f"结转下年度继续办理{v['fwd']}件。")
    return _on_request(c, text), f"正文“办结”写作{w}件，表三（七）总计为{v['done']}件"


@_variant("E1", "carried_over_chinese_numerals")
def _(c: _Ctx):
    v, y = _app_text(c.r), _year(c.r)
    w = _wrong(v["co"], c.rng)
    text = (f"{y}年，本机关收到政府信息公开申请{_cn(v['new'])}件，上年结转{_cn(w)}件，"
            f"办结{_cn(v['done'])}件，结转下年度继续办理{_cn(v['fwd'])}件。")
    return _on_request(c, text), f"正文以汉字数字写“上年结转{_cn(w)}件”，表三为{v['co']}件"


@_variant("E1", "claims_no_carry_over")
def _(c: _Ctx):
    v, y = _app_text(c.r), _year(c.r)
    text = (f"{y}年，本机关新收政府信息公开申请{v['new']}件，无上年结转申请。本年度办结{v['done']}件，"
            f"结转下年度继续办理{v['fwd']}件。")
    return _on_request(c, text), f"正文称“无上年结转申请”，表三上年结转为{v['co']}件"


@_variant("E1", "carried_forward_off")
def _(c: _Ctx):
    v = _app_text(c.r)
    w = _wrong(v["fwd"], c.rng)
    c.r.part1.on_request = _replace_once(c.r.part1.on_request, f"继续办理{v['fwd']}件", f"继续办理{w}件")
    return ON, f"正文“结转下年度继续办理”写作{w}件，表三为{v['fwd']}件"


@_variant("E2", "withheld_off")
def _(c: _Ctx):
    v = _app_text(c.r)
    w = _wrong(v["withheld"], c.rng)
    c.r.part1.on_request = _replace_once(c.r.part1.on_request, f"不予公开{v['withheld']}件", f"不予公开{w}件")
    return ON, f"正文“不予公开”写作{w}件，表三为{v['withheld']}件"


@_variant("E2", "subrow_as_category")
def _(c: _Ctx):
    v = _app_text(c.r)
    group = c.rng.choice(("withheld", "unable", "not_processed"))
    word = L.T3_GROUP_LABELS[group][3:]
    rows = getattr(c.r.table3, group).__dict__
    key = max(rows, key=lambda k: _int(rows[k].total))
    sub = _int(rows[key].total)
    c.r.part1.on_request = _replace_once(c.r.part1.on_request, f"{word}{v[group]}件", f"{word}{sub}件")
    return ON, f"正文“{word}”引用了子项「{L.T3_GROUP_ROWS[group][key]}」的{sub}件，应为各项之和{v[group]}件"


@_variant("E2", "natural_column_as_total")
def _(c: _Ctx):
    v = _app_text(c.r)
    natural = _int(c.r.table3.granted.natural)
    c.r.part1.on_request = _replace_once(c.r.part1.on_request, f"予以公开{v['granted']}件", f"予以公开{natural}件")
    return ON, f"正文“予以公开”引用了「自然人」一列的{natural}件，总计为{v['granted']}件"


@_variant("E2", "results_without_qizhong")
def _(c: _Ctx):
    v, y = dict(_app_text(c.r)), _year(c.r)
    right = v["not_processed"]
    v["not_processed"] = _wrong(right, c.rng)
    text = (f"{y}年共新收政府信息公开申请{v['new']}件，上年结转{v['co']}件。从办理结果看，{_results_sentence(v)}，"
            f"结转下年度继续办理{v['fwd']}件。")
    return _on_request(c, text), f"正文“不予处理”写作{v['not_processed']}件，表三为{right}件"


@_variant("E2", "granted_natural_in_brackets")
def _(c: _Ctx):
    v = _app_text(c.r)
    natural = _int(c.r.table3.granted.natural)
    w = _wrong(natural, c.rng, {v["granted"]})
    c.r.part1.on_request = _replace_once(c.r.part1.on_request, f"予以公开{v['granted']}件，",
                                         f"予以公开{v['granted']}件（其中自然人{w}件），")
    return ON, f"正文“予以公开…其中自然人”写作{w}件，表三为{natural}件"


def _pct_matches(stated: Fraction, decimals: int, count: int, base: int) -> bool:
    exact = Fraction(count * 100, base) * 10 ** decimals
    target = stated * 10 ** decimals
    return target in (exact.numerator // exact.denominator, (exact + Fraction(1, 2)).__floor__())


def _wrong_pct(count: int, bases: list[int], rng: random.Random, decimals: int = 1) -> str:
    """A percentage for ``count`` that matches no plausible base, written to ``decimals`` places."""
    right = Fraction(count * 100, bases[0])
    scale = 10 ** decimals
    while True:
        shift = rng.choice((-1, 1)) * rng.randint(2 * scale, 9 * scale)  # 2 to 9 percentage points off
        target = (right * scale).__floor__() + shift
        stated = Fraction(target, scale)
        if 0 < stated < 100 and not any(_pct_matches(stated, decimals, count, b) for b in bases if b):
            return f"{target / scale:.{decimals}f}"


@_variant("E3", "granted_share_off")
def _(c: _Ctx):
    v = _app_text(c.r)
    pct = _wrong_pct(v["granted"], [v["done"], v["new"] + v["co"], v["new"]], c.rng)
    c.r.part1.on_request = _replace_once(c.r.part1.on_request, f"予以公开{v['granted']}件，",
                                         f"予以公开{v['granted']}件，占{pct}%，")
    right = Fraction(v["granted"] * 100, v["done"])
    return ON, f"正文写予以公开占{pct}%，按办结总数计应为{float(right):.1f}%"


@_variant("E3", "natural_share_off")
def _(c: _Ctx):
    v = _app_text(c.r)
    natural = _int(c.r.table3.new_received.natural)
    pct = _wrong_pct(natural, [v["new"], v["new"] + v["co"]], c.rng, decimals=2)
    c.r.part1.on_request = _replace_once(
        c.r.part1.on_request, f"新收政府信息公开申请{v['new']}件，",
        f"新收政府信息公开申请{v['new']}件，其中自然人申请{natural}件，占{pct}%，")
    return ON, f"正文写自然人申请占新收申请的{pct}%，应为{float(Fraction(natural * 100, v['new'])):.2f}%"


@_variant("E3", "channel_shares_over_100")
def _(c: _Ctx):
    a = c.rng.randint(50, 80)
    b = c.rng.randint(10, 30)
    extra = c.rng.randint(5, 20)
    d = 100 - a - b + extra
    text = f"从申请渠道看，网上申请占{a}%，信函申请占{b}%，当面申请占{d}%。"
    c.r.part1.on_request = c.r.part1.on_request + text
    return ON, f"正文列举的申请渠道占比合计为{a + b + d}%，超过100%"


@_variant("E3", "granted_share_chinese")
def _(c: _Ctx):
    v = _app_text(c.r)
    pct = _wrong_pct(v["granted"], [v["done"], v["new"] + v["co"], v["new"]], c.rng, decimals=0)
    c.r.part1.on_request = _replace_once(c.r.part1.on_request, f"予以公开{v['granted']}件，",
                                         f"予以公开{v['granted']}件，占百分之{_cn(int(pct))}，")
    right = Fraction(v["granted"] * 100, v["done"])
    return ON, f"正文以汉字写予以公开占百分之{_cn(int(pct))}，按办结总数计应约为{float(right):.0f}%"


def _append(c: _Ctx, address: str, sentence: str) -> str:
    set_text(c.r, address, get_text(c.r, address) + sentence)
    return address


@_variant("E4", "all_upheld_claim")
def _(c: _Ctx):
    return (_append(c, ON, "因政府信息公开引起的行政复议、行政诉讼案件均获维持。"),
            "正文称行政复议、行政诉讼“均获维持”，表四有纠正和尚未审结的案件")


@_variant("E4", "no_loss_claim")
def _(c: _Ctx):
    return (_append(c, ON, "本机关政府信息公开行政诉讼案件保持零败诉。"),
            "正文称行政诉讼“零败诉”，表四行政诉讼有结果纠正的案件")


@_variant("E4", "review_count_off")
def _(c: _Ctx):
    t = _int(c.r.table4.review.total)
    w = _wrong(t, c.rng)
    return (_append(c, ON, f"全年发生政府信息公开行政复议{w}件。"),
            f"正文写政府信息公开行政复议{w}件，表四行政复议总计为{t}件")


@_variant("E4", "no_cases_claim")
def _(c: _Ctx):
    return (_append(c, ON, "本年度未发生政府信息公开行政复议和行政诉讼案件。"),
            "正文称未发生行政复议和行政诉讼，表四总计不为0")


def _active(c: _Ctx, old: str, new: str) -> str:
    c.r.part1.active = _replace_once(c.r.part1.active, old, new)
    return "p1.active"


@_variant("E5", "penalty_off")
def _(c: _Ctx):
    p = _int(c.r.table2.penalty.decisions)
    w = _wrong(p, c.rng)
    return _active(c, f"行政处罚决定{p}件", f"行政处罚决定{w}件"), f"正文写行政处罚决定{w}件，表二为{p}件"


@_variant("E5", "normative_docs_off")
def _(c: _Ctx):
    n = _int(c.r.table2.normative_docs.issued)
    w = _wrong(n, c.rng)
    return _active(c, f"行政规范性文件{n}件", f"行政规范性文件{w}件"), f"正文写制发行政规范性文件{w}件，表二为{n}件"


@_variant("E5", "licensing_chinese_numerals")
def _(c: _Ctx):
    n = _int(c.r.table2.licensing.decisions)
    w = _wrong(n, c.rng)
    return (_active(c, f"行政许可决定{n}件", f"行政许可决定{_cn(w)}件"),
            f"正文以汉字写行政许可决定{_cn(w)}件，表二为{n}件")


@_variant("E5", "claims_no_documents")
def _(c: _Ctx):
    n = _int(c.r.table2.normative_docs.issued)
    return (_active(c, f"全年制发行政规范性文件{n}件，", "全年未制发行政规范性文件，"),
            f"正文称未制发行政规范性文件，表二本年制发{n}件")


@_variant("E6", "no_applications")
def _(c: _Ctx):
    return (_on_request(c, f"{_year(c.r)}年，本机关未收到政府信息公开申请。"),
            f"正文称未收到政府信息公开申请，表三本年新收{_app_text(c.r)['new']}件")


@_variant("E6", "no_applications_formal")
def _(c: _Ctx):
    return (_on_request(c, "本年度，本机关未接到公民、法人或其他组织提出的政府信息公开申请。"),
            "正文称未接到公民、法人或其他组织的政府信息公开申请，表三本年新收不为0")


@_variant("E6", "no_legal_person_applications")
def _(c: _Ctx):
    natural = _int(c.r.table3.new_received.natural)
    text = f"本年度未收到法人或其他组织提出的政府信息公开申请，收到自然人申请{natural}件。"
    return _on_request(c, text), "正文称未收到法人或其他组织的申请，表三法人或其他组织各列不为0"


@_variant("E7", "category_left_out")
def _(c: _Ctx):
    v = _app_text(c.r)
    group = c.rng.choice(("withheld", "unable", "not_processed"))
    word = L.T3_GROUP_LABELS[group][3:]
    c.r.part1.on_request = _replace_once(c.r.part1.on_request, f"{word}{v[group]}件，", "")
    return ON, f"正文“办结{v['done']}件，其中……”漏列了{word}（列举不全，警告）"


@_variant("E7", "published_items_exceed_total")
def _(c: _Ctx):
    a, b, d = c.rng.randint(20, 90), c.rng.randint(100, 400), c.rng.randint(10, 60)
    total = a + b + d - c.rng.randint(3, 9)
    sentence = f"全年主动公开政府信息{total}条，其中政策文件{a}条、工作动态{b}条、通知公告{d}条。"
    return _append(c, "p1.active", sentence), f"正文“主动公开政府信息{total}条，其中……”分项之和{a + b + d}条超过总数"


@_variant("E7", "published_items_fall_short")
def _(c: _Ctx):
    a, b, d = c.rng.randint(20, 90), c.rng.randint(100, 400), c.rng.randint(10, 60)
    total = a + b + d + c.rng.randint(3, 9)
    sentence = f"通过门户网站发布信息{total}条，其中政策文件{a}条，工作动态{b}条，通知公告{d}条。"
    return _append(c, "p1.active", sentence), f"正文“发布信息{total}条，其中……”完整列举的分项之和{a + b + d}条不等于总数"


@_variant("E9", "channel_count_restated")
def _(c: _Ctx):
    a = c.rng.randint(20, 300)
    b = _wrong(a, c.rng)
    _append(c, "p1.active", f"本机关通过政府门户网站信息公开专栏公开政府信息{a}条。")
    return (_append(c, "p1.platform", f"全年通过政府门户网站信息公开专栏公开信息{b}条。"),
            f"同一专栏公开的信息条数，第一部分前后写作{a}条和{b}条（警告）")


@_variant("E9", "new_media_count_restated")
def _(c: _Ctx):
    a = c.rng.randint(20, 300)
    b = _wrong(a, c.rng)
    _append(c, "p1.platform", f"本年度依托政务微信公众号发布信息{a}条。")
    return (_append(c, "p6.3" if len(c.r.part6) > 3 else "p5", f"依托政务微信公众号发布信息{b}条。"),
            f"政务微信公众号发布的信息条数，前后写作{a}条和{b}条（警告）")


@_variant("E10", "on_request_without_counts")
def _(c: _Ctx):
    if not (_app_text(c.r)["new"] or _int(c.r.table3.carried_over.total)):
        raise _NotApplicable("表三没有申请，无法植入该缺陷")
    return (_on_request(c, "本机关明确专人负责依申请公开工作，严格按照法定时限答复，答复文书规范。"),
            "第一部分依申请公开情况只写工作做法，没有写申请件数（警告）")


@_variant("E10", "on_request_only_rates")
def _(c: _Ctx):
    if not (_app_text(c.r)["new"] or _int(c.r.table3.carried_over.total)):
        raise _NotApplicable("表三没有申请，无法植入该缺陷")
    return (_on_request(c, "本年度依申请公开工作规范有序，按时办结率100%，未发生因答复不规范被纠错的情况。"),
            "第一部分依申请公开情况只写办结率，没有写申请件数（警告）")


def _fees(c: _Ctx, text: str) -> str:
    address = _p6(c.r, "fees")
    set_text(c.r, address, text)
    return address


@_variant("E8", "notice_not_mentioned")
def _(c: _Ctx):
    unpaid = _int(c.r.table3.other_handling.unpaid_fee.total)
    return _fees(c, "本年度未收取信息处理费。"), f"第六部分只写未收取信息处理费，未说明表三逾期未缴费的{unpaid}件（警告）"


@_variant("E8", "notice_count_short")
def _(c: _Ctx):
    unpaid = _int(c.r.table3.other_handling.unpaid_fee.total)
    w = c.rng.randint(max(0, unpaid - 9), unpaid - 1) if unpaid > 0 else 0
    text = f"本年度共发出信息处理费缴费通知{w}件，申请人均未缴纳，本机关未收取信息处理费。"
    return _fees(c, text), f"第六部分写收费通知{w}件，少于表三逾期未缴费的{unpaid}件"


@_variant("E8", "claims_no_notice")
def _(c: _Ctx):
    return (_fees(c, "本年度未发出收费通知，未收取信息处理费。"),
            "第六部分称未发出收费通知，表三却有逾期未按收费通知缴费的申请")


@_variant("E8", "fee_status_unstated")
def _(c: _Ctx):
    return _fees(c, "信息处理费按照国务院办公厅有关规定执行。"), "第六部分信息处理费一项未写明是否收取"


@_variant("E8", "fees_item_missing")
def _(c: _Ctx):
    c.r.part6 = [item for item in c.r.part6 if item.key != "fees" and "信息处理费" not in item.title]
    return "p6", "第六部分删去了“收取信息处理费的情况”一项"


# ---- F: structure, labels, version, timing -----------------------------------------------------
_PART_LIST = "、".join(L.PART_TITLES[p] for p in ("p1", "p2", "p3", "p4", "p5"))


@_variant("F1", "preamble_counts_five_parts")
def _(c: _Ctx):
    c.r.preamble = c.r.preamble + "本报告分为五个部分。"
    return "preamble", "引言称报告分为五个部分（应为六个部分）"


@_variant("F1", "preamble_lists_five_parts")
def _(c: _Ctx):
    c.r.preamble = c.r.preamble + f"本报告包括{_PART_LIST}。"
    return "preamble", "引言列举报告各部分时漏了「其他需要报告的事项」"


def _headings(r: Report, skip: str = "", swap: tuple[str, str] | None = None,
              title: dict[str, str] | None = None) -> None:
    parts = [p for p in L.PART_TITLES if p != skip]
    if swap:
        i, j = parts.index(swap[0]), parts.index(swap[1])
        parts[i], parts[j] = parts[j], parts[i]
    title = title or {}
    r.source = SourceInfo(kind="text", format_version="2021", cited_documents=[L.FORMAT_DOC_2021],
                          part_headings=[PartHeading(numeral=L.PART_NUMERALS[p], title=title.get(p, L.PART_TITLES[p]))
                                         for p in parts])


@_variant("F1", "part_heading_missing", in_source_only=True)
def _(c: _Ctx):
    pid = c.rng.choice(("p2", "p3", "p4", "p5", "p6"))
    _headings(c.r, skip=pid)
    return pid, f"导入的文档缺少第{L.PART_NUMERALS[pid]}部分标题「{L.PART_TITLES[pid]}」"


@_variant("F1", "parts_out_of_order", in_source_only=True)
def _(c: _Ctx):
    _headings(c.r, swap=("p5", "p6"))
    return "report", "导入的文档第五、第六部分顺序颠倒"


@_variant("F1", "heading_not_standard", in_source_only=True)
def _(c: _Ctx):
    _headings(c.r, title={"p3": "依申请公开情况"})
    return "p3", "导入的文档第三部分标题写作「依申请公开情况」（警告）"


@_variant("F2", "subpart_empty")
def _(c: _Ctx):
    key = c.rng.choice(("management", "platform", "oversight"))
    set_text(c.r, f"p1.{key}", "")
    return f"p1.{key}", f"第一部分「{L.P1_SUBPART_TITLES[key]}」留空"


@_variant("F2", "subpart_placeholder")
def _(c: _Ctx):
    key = c.rng.choice(("management", "platform", "oversight"))
    word = c.rng.choice(("略。", "待补充。"))
    set_text(c.r, f"p1.{key}", word)
    return f"p1.{key}", f"第一部分「{L.P1_SUBPART_TITLES[key]}」只写了“{word}”"


@_variant("F2", "part5_only_none")
def _(c: _Ctx):
    c.r.part5 = "无。"
    return "p5", "第五部分只写“无”"


def _cite_2019(c: _Ctx, citation: str) -> str:
    text = c.r.preamble
    if L.FORMAT_DOC_2021 in text:
        text = text.replace(f"和{L.FORMAT_DOC_2021}要求", citation).replace(L.FORMAT_DOC_2021, L.FORMAT_DOC_2019)
    else:
        text = text + f"本报告依据{L.FORMAT_DOC_2019}编制。"
    c.r.preamble = text
    return "preamble"


@_variant("F3", "cites_2019_document")
def _(c: _Ctx):
    return _cite_2019(c, f"和{L.FORMAT_DOC_2019}要求"), "引言引用国办公开办函〔2019〕60号，未引用〔2021〕30号（警告）"


@_variant("F3", "cites_2019_notice_title")
def _(c: _Ctx):
    citation = (f"和《国务院办公厅政府信息公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》"
                f"（{L.FORMAT_DOC_2019}）要求")
    return _cite_2019(c, citation), "引言以通知全称引用〔2019〕60号，未引用〔2021〕30号（警告）"


@_variant("F3", "tables_in_2019_format", in_source_only=True)
def _(c: _Ctx):
    source = c.r.source.model_copy() if c.r.source is not None else SourceInfo()
    source.format_version = "2019"
    c.r.source = source
    return "report", "导入的文档使用2019年试行格式的表格"


@_variant("F4", "normative_docs_label")
def _(c: _Ctx):
    return (_active(c, "行政规范性文件", "规范性文件"), "第一部分把“行政规范性文件”写作“规范性文件”")


@_variant("F4", "title_wording")
def _(c: _Ctx):
    title = c.r.meta.title or f"{c.r.meta.agency_name}{_year(c.r)}年{L.REPORT_TITLE_SUFFIX}"
    c.r.meta.title = title.replace(L.REPORT_TITLE_SUFFIX, "政府信息公开年度报告")
    return "meta.title", "标题写作“政府信息公开年度报告”，少了“工作”"


@_variant("F4", "title_without_agency")
def _(c: _Ctx):
    c.r.meta.title = f"{_year(c.r)}年{L.REPORT_TITLE_SUFFIX}"
    return "meta.title", "标题没有机关名称"


def _year_text(c: _Ctx, address: str, text: str) -> str:
    set_text(c.r, address, text)
    return address


@_variant("F5", "platform_previous_year")
def _(c: _Ctx):
    y = _year(c.r) - 1
    return (_year_text(c, "p1.platform", f"{y}年，本机关完成政府门户网站改版，优化了依申请公开栏目。"),
            f"第一部分「平台建设」以“{y}年，”开头，沿用上年文字")


@_variant("F5", "on_request_previous_year")
def _(c: _Ctx):
    y = _year(c.r)
    text = c.r.part1.on_request
    if text.startswith(f"{y}年"):
        text = f"{y - 1}年" + text[len(f"{y}年"):]
    else:
        text = f"{y - 1}年，" + text
    c.r.part1.on_request = text
    return ON, f"依申请公开情况以“{y - 1}年”开头，把上一年写作本报告期"


@_variant("F5", "statistics_period_previous_year")
def _(c: _Ctx):
    y = _year(c.r) - 1
    address = _p6(c.r, "statistics_notes")
    return (_year_text(c, address, f"报告所列数据统计期限自{y}年1月1日起至{y}年12月31日止。"),
            f"第六部分数据统计说明的统计期限写作{y}年")


@_variant("F5", "carried_forward_to_report_year")
def _(c: _Ctx):
    y = _year(c.r)
    fwd = _int(c.r.table3.carried_forward.total)
    return (_append(c, ON, f"另有{fwd}件结转至{y}年继续办理。"),
            f"依申请公开情况写结转至{y}年（结转下年度的申请应转入{y + 1}年）")


@_variant("F6", "petitions_in_breakdown")
def _(c: _Ctx):
    v = _app_text(c.r)
    if v["new"] < 2:
        raise _NotApplicable("本年新收申请太少，无法植入该缺陷")
    k = c.rng.randint(1, v["new"] - 1)
    return (_append(c, ON, f"全年共收到政府信息公开申请{v['new']}件，其中信访部门转来的群众来信{k}件。"),
            "正文把信访来信列为政府信息公开申请的一部分")


@_variant("F6", "petitions_counted")
def _(c: _Ctx):
    n = _app_text(c.r)["new"] + c.rng.randint(5, 40)
    return _append(c, ON, f"全年共受理政府信息公开申请及信访件{n}件。"), "正文把信访件与政府信息公开申请合并计数"


@_variant("F6", "hotline_counted")
def _(c: _Ctx):
    n = c.rng.randint(20, 200)
    return (_append(c, ON, f"另办理政府信息公开申请和12345热线转办事项{n}件。"),
            "正文把12345热线转办事项与政府信息公开申请合并计数")


@_variant("F6", "complaints_converted")
def _(c: _Ctx):
    n = c.rng.randint(2, 30)
    return (_append(c, ON, f"将{n}件投诉举报转为政府信息公开申请办理。"),
            "正文把投诉举报转作政府信息公开申请")


@_variant("F7", "unit_tiao")
def _(c: _Ctx):
    v = _app_text(c.r)
    c.r.part1.on_request = _replace_once(c.r.part1.on_request, f"新收政府信息公开申请{v['new']}件",
                                         f"新收政府信息公开申请{v['new']}条")
    return ON, "政府信息公开申请以“条”计"


@_variant("F7", "unit_ci")
def _(c: _Ctx):
    v = _app_text(c.r)
    c.r.part1.on_request = _replace_once(c.r.part1.on_request, f"上年结转{v['co']}件", f"上年结转{v['co']}次")
    return ON, "上年结转申请以“次”计"


@_variant("F7", "unit_renci")
def _(c: _Ctx):
    v = _app_text(c.r)
    c.r.part1.on_request = _replace_once(c.r.part1.on_request, f"新收政府信息公开申请{v['new']}件",
                                         f"收到政府信息公开申请{v['new']}人次")
    return ON, "政府信息公开申请以“人次”计"


# ---- public API --------------------------------------------------------------------------------
def variant_names(rule: str) -> list[str]:
    """The names of the variants of ``rule``, in the order ``defects_for`` returns them."""
    return [name for name, _, _ in _VARIANTS[rule]]


def _make(report: Report, previous: Report | None, rule: str, name: str, fn: _Plant, in_source_only: bool,
          rng: random.Random) -> Defect:
    r = report.model_copy(deep=True)
    prev = None
    if rule in CROSS_YEAR_RULES:
        prev = (previous if previous is not None else previous_year_of(report, rng.randrange(1 << 30)))
        prev = prev.model_copy(deep=True)
    address, description = fn(_Ctx(r, prev, rng))
    return Defect(rule=rule, family=rule[0], name=name, description=description, report=r, previous=prev,
                  address=address, in_source_only=in_source_only)


def plant(report: Report, rule: str, rng: random.Random, previous: Report | None = None) -> Defect:
    """One randomly chosen variant of ``rule`` planted into a copy of ``report`` (which should pass
    every rule). For the cross-year rules (C3, D1–D3) ``previous`` is last year's report; when it is
    None one is made with ``previous_year_of``. Neither argument is changed.

    Variants that do not apply to ``report`` (a sentence of the drafted narrative is missing, a count
    is 0) are skipped: the defect returned is one whose finding ``validate`` reports at its address.
    ``ValueError`` (a Chinese message) when no variant applies or a table cell is blank."""
    if rule not in _VARIANTS:
        raise KeyError(f"没有这条规则：{rule}")
    for r in (report, previous):
        blank = next((a for a, v in iter_cells(r) if isinstance(v, Blank)), None) if r is not None else None
        if blank is not None:  # the variants compute with the cells: every one must hold a number
            raise ValueError(f"无法植入缺陷：{cell_label(blank)}为空白，报告应先通过全部校验")
    order = list(_VARIANTS[rule])
    rng.shuffle(order)
    for name, fn, in_source_only in order:
        # a variant may not apply to this report (no such sentence, the counts are 0 …): try the next
        try:
            d = _make(report, previous, rule, name, fn, in_source_only, rng)
        except _NotApplicable:
            continue
        if any(f.rule == rule and f.location.address == d.address for f in validate(d.report, d.previous)):
            return d
    raise ValueError(f"无法在该报告中植入规则{rule}的缺陷：各种植入方式都不适用（报告应先通过全部校验，且各项数字不为0）")


def _base(seed: int, year: int, agency: str | None, level: str | None) -> Report:
    kw: dict = {"year": year}
    if agency is not None:
        kw["agency"] = agency
    if level is not None:
        kw["level"] = level
    report = consistent_report(seed, **kw)
    if report.meta.agency_level in _NO_REGULATIONS:
        # consistent_report fills 规章 for every level, which a county or township agency cannot make
        # (rule C4 fires on the clean report): such an agency reports 0 there. No narrative quotes the row.
        for col in ("issued", "repealed", "in_force"):
            set_cell(report, f"t2.regulations.{col}", 0)
    return report


def defects_for(rule: str, seed: int = 0, *, year: int = 2023, agency: str | None = None,
                level: str | None = None) -> list[Defect]:
    """Every variant of ``rule`` planted into ``consistent_report(seed, …)``; deterministic for a seed."""
    if rule not in _VARIANTS:
        raise KeyError(f"没有这条规则：{rule}")
    report = _base(seed, year, agency, level)
    previous = previous_year_of(report, seed) if rule in CROSS_YEAR_RULES else None
    return [_make(report, previous, rule, name, fn, src, random.Random(f"{seed}:{rule}:{name}"))
            for name, fn, src in _VARIANTS[rule]]


def defects(seed: int = 0, *, year: int = 2023, agency: str | None = None, level: str | None = None) -> list[Defect]:
    """Every variant of every rule id, planted into ``consistent_report(seed, …)`` (and
    ``previous_year_of`` for the cross-year rules), in the order of ``RULES``. Deterministic for a seed."""
    report = _base(seed, year, agency, level)
    previous = previous_year_of(report, seed)
    out: list[Defect] = []
    for rule, variants in _VARIANTS.items():
        prev = previous if rule in CROSS_YEAR_RULES else None
        out.extend(_make(report, prev, rule, name, fn, src, random.Random(f"{seed}:{rule}:{name}"))
                   for name, fn, src in variants)
    return out
