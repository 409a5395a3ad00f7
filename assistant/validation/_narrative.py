"""Narrative against tables: rules E1–E10."""

from __future__ import annotations

import re
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from fractions import Fraction

from assistant.validation._grid import T3_ADDR, T3_COL, T3_ROW, T4_ADDR, T4_BLOCK, T4_COL, TOTAL_COL, Grid, fmt
from assistant.validation._quantities import (
    CATEGORIES,
    COLUMN_NAMES,
    GROUP_OF,
    INTAKE,
    Q_ROWS,
    q_cells,
    q_name,
    q_value,
)
from assistant.validation._registry import finding
from assistant.validation._text import (
    MONEY_UNITS,
    SUBROW_WORDS,
    Claim,
    CountList,
    Mention,
    Percent,
    Stated,
    TextFacts,
    named_scope,
    stated_scope,
)
from schemas import labels as L
from schemas.findings import Finding
from schemas.layout import cell_label, narrative_label
from schemas.report import Report

__all__ = ["Text", "narrative_rules"]

Text = tuple[str, str, TextFacts]  # (address, text, facts)

_APPLICANTS = tuple(L.T3_APPLICANT_COLUMNS)
_LEGAL = _APPLICANTS[1:]
_CUT = re.compile(r".*[，,、：:（(。；]")
_DELTA_WORDS = re.compile(r"较|比上年|同比|环比|增加|减少|增长|下降|上升|提高|降低")
_T4_BLOCKS_OF = {"litigation": ("litigation_direct", "litigation_after_review")}
_UNPAID = T3_ADDR[T3_ROW["t3.other_handling.unpaid_fee"]][TOTAL_COL]
_NEW_ROW = T3_ROW["t3.new_received"]


def _quote(text: str, m: Mention, chars: int = 14) -> str:
    """The words governing a number and the number as written: 「其中予以公开62件」."""
    lead = _CUT.sub("", m.lead)[-chars:]
    return lead + text[m.span[0]:m.span[1]]


def _n(v, unit: str = "件") -> str:
    return f"{fmt(v)}{unit}"


# ---- E1 / E2: table 三 -------------------------------------------------------------------------
def _alternatives(q: str, col: str) -> list[tuple[str, str, str]]:
    """(quantity, column, what it means) a wrong number is often taken from instead of ``q``."""
    out: list[tuple[str, str, str]] = []
    if col == "total":
        out.append((q, "natural", "疑似只引用了「自然人」一列，应为各类申请人的总计"))
        if q in L.T3_GROUP_ROWS:
            for sub in Q_ROWS:
                if GROUP_OF.get(sub) == q:
                    out.append((sub, "total", f"疑似把子项当作了「{L.T3_GROUP_LABELS[q]}」的总数"))
        if q == "granted_partial":
            out.append(("granted", "total", "疑似只计了予以公开，未加部分公开"))
        if q == "new":
            out.append(("new_carried", "total", "疑似把上年结转也计入了本年新收"))
            out.append(("done", "total", "疑似引用了办理结果总计"))
        if q == "new_carried":
            out.append(("new", "total", "疑似只计了本年新收，未加上年结转"))
        if q == "done":
            out.append(("new", "total", "疑似引用了本年新收数量"))
            out.append(("new_carried", "total", "疑似把结转下年度的申请也计为已办结"))
    else:
        out.append((q, "total", "疑似引用了总计，而不是该类申请人的数字"))
        if col == "legal":
            for c in _LEGAL:
                out.append((q, c, f"疑似只计了「{COLUMN_NAMES[c]}」一列"))
    return out


def _check_t3(address: str, text: str, m: Mention, grid: Grid) -> Finding | None:
    c = m.claim
    assert c is not None  # narrative_rules checks only mentions with a claim
    value = m.num.value
    expected = q_value(grid, c.q, c.col)
    if value == expected or any(value == q_value(grid, a, c.col) for a in c.alt):
        return None
    why = ""
    alternatives = _alternatives(c.q, c.col)
    if c.q in L.T3_GROUP_ROWS:  # a sub-row the text names is the likelier source ("因不掌握…等原因无法提供2件")
        alternatives.sort(key=lambda a: not any(w in m.lead for w in SUBROW_WORDS.get(a[0], ())))
    for q, col, meaning in alternatives:
        if value == q_value(grid, q, col):
            why = f"；{fmt(value)}与{q_name(q, col)}相同，{meaning}"
            break
    rule = "E1" if c.q in INTAKE else "E2"
    return finding(rule, address,
                   f"正文「{_quote(text, m)}」与表三不符：{q_name(c.q, c.col)}为{_n(expected)}{why}",
                   span=m.span, related=q_cells(c.q, c.col))


# ---- E4 / E5: tables 四 and 二 -------------------------------------------------------------------
def _check_t4(address: str, text: str, m: Mention, grid: Grid) -> Finding | None:
    c = m.claim
    assert c is not None  # narrative_rules checks only mentions with a claim
    blocks = _T4_BLOCKS_OF.get(c.q, (c.q,))
    j = T4_COL[c.col]
    expected = sum(grid.t4[T4_BLOCK[b]][j] for b in blocks)
    if m.num.value == expected:
        return None
    cells = tuple(T4_ADDR[T4_BLOCK[b]][j] for b in blocks)
    name = "、".join(cell_label(a) for a in cells)
    return finding("E4", address, f"正文「{_quote(text, m)}」与表四不符：{name}{'之和' if len(cells) > 1 else ''}"
                                  f"为{_n(expected)}", span=m.span, related=cells)


def _matches_rounded(stated: Decimal, decimals: int, exact: Decimal) -> bool:
    q = Decimal(1).scaleb(-decimals)
    return stated in (exact.quantize(q, ROUND_HALF_UP), exact.quantize(q, ROUND_DOWN))


def _check_t2(address: str, text: str, m: Mention, grid: Grid) -> Finding | None:
    assert m.claim is not None  # narrative_rules checks only mentions with a claim
    cell = m.claim.q
    expected = grid.t2[cell]
    value = m.num.value
    if cell == "t2.fees.amount":
        factor = MONEY_UNITS[m.unit]
        if _matches_rounded(value, m.num.decimals, Decimal(expected) / factor):
            return None
        shown = f"{fmt(expected)}万元"
    else:
        if value == expected:
            return None
        shown = _n(expected)
    return finding("E5", address, f"正文「{_quote(text, m)}」与表二不符：{cell_label(cell)}为{shown}",
                   span=m.span, related=(cell,))


# ---- E3: percentages ---------------------------------------------------------------------------
def _pct_ok(stated: Decimal, decimals: int, count, base) -> bool:
    exact = Fraction(count) * 100 / Fraction(base)
    scale = 10 ** decimals
    target = Fraction(stated) * scale
    if target.denominator != 1:
        return False
    floor = (exact * scale).numerator // (exact * scale).denominator
    half_up = (exact * scale + Fraction(1, 2)).__floor__()
    return target in (floor, half_up)


_BASES = {"new": ("new_carried", "done"), "carried": ("new_carried", "done"), "done": ("new_carried",),
          "fwd": ("new_carried", "new"), "new_carried": ()}


def _bases(grid: Grid, c: Claim, named: str | None = None) -> list[tuple[Decimal | int, str]]:
    """(base value, its description) a share of ``c`` may be computed on, the usual one first; only
    the total the text names when it names one ("占办结总数的…")."""
    if named is not None and named != "other":
        # 收到 may include last year's carried-over applications
        qs = [(named, "total"), *((("new_carried", "total"),) if named == "new" else ())]
    elif c.col != "total":
        qs = [(q, "total") for q in (c.q, *c.alt)]
    else:
        qs = [(q, "total") for q in _BASES.get(c.q, ("done", "new_carried", "new"))]
        if c.q in GROUP_OF:
            qs.append((GROUP_OF[c.q], "total"))
    out: list[tuple[Decimal | int, str]] = []
    for q, col in qs:
        v = q_value(grid, q, col)
        out.append((v, f"{q_name(q, col)}{_n(v)}"))
    return out


def _stated_totals(facts: TextFacts, part_of: dict[int, int]) -> dict[int, int]:
    """count → the count stated just before a run of shares that it is the whole of, when no list
    ties them ("公开信息40条。门户网站公开13条，占32.5%；新媒体公开27条，占67.5%"). The run's counts
    must add up to it, or one of its shares must be right on it: a run of shares of some other whole
    ("占全市的…") is never checked against it."""
    out: dict[int, int] = {}
    runs: list[list[Percent]] = []
    for p in facts.percents:
        if p.count is None or p.claim is not None or p.named_base or p.num.approx:
            continue
        if runs and runs[-1][-1].count == p.count - 1:
            runs[-1].append(p)
        else:
            runs.append([p])
    mentions = facts.mentions
    for run in runs:
        first = run[0].count
        assert first is not None  # only counted shares are in runs
        if len(run) < 2 or first == 0 or all(p.count in part_of for p in run):
            continue
        x = mentions[first - 1]
        counts = [mentions[p.count].num.value for p in run if p.count is not None]
        if (x.num.approx or _DELTA_WORDS.search(x.lead)
                or any(mentions[p.count].unit != x.unit for p in run if p.count is not None)
                or max(counts) >= x.num.value):
            continue
        if sum(counts) == x.num.value or any(
                _pct_ok(p.num.value, p.num.decimals, c, x.num.value) for p, c in zip(run, counts)):
            out.update((p.count, first - 1) for p in run if p.count is not None and p.count not in part_of)
    return out


def _percent_rules(address: str, text: str, facts: TextFacts, grid: Grid, out: list[Finding]) -> None:
    part_of: dict[int, int] = {b: lst.total for lst in facts.lists for b in lst.parts}
    if len(facts.percents) > 1:
        part_of.update(_stated_totals(facts, part_of))
    groups: dict[tuple, list[tuple[Percent, bool]]] = {}
    for p in facts.percents:
        if p.num.approx or p.base == "other":
            continue  # a share of a wider whole than the agency's ("占全市的12%") is not computable here
        counts: list[tuple[Decimal | int, str]] = []
        bases: list[tuple[Decimal | int, str]] = []
        if p.count is not None:
            m = facts.mentions[p.count]
            counts.append((m.num.value, f"正文所写「{_quote(text, m)}」"))
            if p.count in part_of:
                x = facts.mentions[part_of[p.count]]
                # a whole of the text other than the total named after 占 is not the base
                if p.base is None or x.claim is None or x.claim.q == p.base:
                    bases.append((x.num.value, f"正文所写总数{_n(x.num.value, x.unit)}"))
        c = p.claim
        if c is not None and c.table == "t3" and grid.unknown and (
                "t3" in grid.unread or any(a in grid.unknown for a in q_cells(c.q, c.col))):
            c = None  # not known: the share is checked against the text's own count only
        if c is not None and c.table == "t3":
            v = q_value(grid, c.q, c.col)
            counts.append((v, f"{q_name(c.q, c.col)}{_n(v)}"))
            bases.extend(_bases(grid, c, p.base))
        bases = [(b, name) for b, name in bases if b]
        if not counts or not bases:
            continue
        d = p.num.decimals
        ok = any(_pct_ok(p.num.value, d, cnt, b) for cnt, _ in counts for b, _ in bases)
        if not ok:
            cnt, cnt_name = counts[0]
            base, base_name = bases[0]
            exact = Decimal(cnt) * 100 / Decimal(base)
            shown = exact.quantize(Decimal(1).scaleb(-d), ROUND_HALF_UP)
            out.append(finding(
                "E3", address,
                f"正文百分比「{text[p.span[0]:p.span[1]]}」与件数不符：按{cnt_name}÷{base_name}计算应为{fmt(shown)}%"
                f"（{f'保留{d}位小数' if d else '取整'}，四舍五入或截尾均可）",
                span=p.span, related=q_cells(c.q, c.col) if c is not None and c.table == "t3" else ()))
        if c is not None and c.table == "t3" and c.q in (*CATEGORIES, "granted_partial") and c.col == "total":
            groups.setdefault(("results",), []).append((p, ok))
        elif c is not None and c.table == "t3" and c.col != "total":
            groups.setdefault(("columns", c.q), []).append((p, ok))
    for shares in facts.breakdowns:  # parts of one whole cannot exceed it
        total: Decimal | int = sum(n.value for n in shares)
        if total > 100 + sum(Decimal(1).scaleb(-n.decimals) for n in shares):
            span = (shares[0].start, max(shares[-1].end, shares[-1].unit_end))
            out.append(finding("E3", address, f"正文中同一句列举的各项占比合计为{fmt(total)}%，超过了100%", span=span))
    for key, members in groups.items():
        if len(members) < 2 or all(ok for _, ok in members):
            continue  # every share agrees with its count: the breakdown is right whatever its base
        claims = [p.claim for p, _ in members if p.claim is not None]  # all are: only claimed shares are grouped
        if not _covers(grid, key, claims):
            continue
        total = sum((p.num.value for p, _ in members), Decimal(0))
        tolerance = sum(Decimal(1).scaleb(-p.num.decimals) for p, _ in members)
        if abs(total - 100) > tolerance:
            span = (members[0][0].span[0], members[-1][0].span[1])
            out.append(finding("E3", address, f"正文中完整列举的各项百分比合计为{fmt(total)}%，应约为100%",
                               span=span))


def _covers(grid: Grid, key: tuple, claims: list[Claim]) -> bool:
    """Do the claims name every non-zero member of the partition ``key``?"""
    if key[0] == "results":
        named: set[str] = set()
        for c in claims:
            named.update(("granted", "partial") if c.q == "granted_partial" else (c.q,))
        return all(q in named for q in CATEGORIES if q_value(grid, q))
    q = key[1]
    named = set()
    for c in claims:
        named.update(_LEGAL if c.col == "legal" else (c.col,))
    return all(col in named for col in _APPLICANTS if q_value(grid, q, col))


# ---- E7: "共X件，其中……" -------------------------------------------------------------------------
def _list_missing(grid: Grid, x: Mention, parts: list[Mention]) -> list[str] | None:
    """Non-zero table members a list of table quantities leaves out; None when the parts are not
    all table quantities of one partition."""
    claims = [p.claim for p in parts if p.claim is not None and p.claim.table == "t3"]
    if len(claims) != len(parts):
        return None
    if all(c.col == "total" and c.q in (*CATEGORIES, "granted_partial") for c in claims):
        named: set[str] = set()
        for c in claims:
            named.update(("granted", "partial") if c.q == "granted_partial" else (c.q,))
        return [q_name(q) for q in CATEGORIES if q not in named and q_value(grid, q)]
    qs = {c.q for c in claims}
    if all(c.col != "total" for c in claims) and len(qs) == 1:
        q = qs.pop()
        named = set()
        for c in claims:
            named.update(_LEGAL if c.col == "legal" else (c.col,))
        return [q_name(q, col) for col in _APPLICANTS if col not in named and q_value(grid, q, col)]
    if x.claim is not None and x.claim.q == "new_carried" and all(c.q in ("new", "carried") for c in claims):
        named = {c.q for c in claims}
        return [q_name(q) for q in ("new", "carried") if q not in named and q_value(grid, q)]
    return None


def _list_rule(address: str, text: str, facts: TextFacts, lst: CountList, grid: Grid) -> Finding | None:
    x = facts.mentions[lst.total]
    parts = [facts.mentions[b] for b in lst.parts]
    total = x.num.value
    s = sum(p.num.value for p in parts)
    span = (x.span[0], parts[-1].span[1])
    head = f"正文「{_quote(text, x)}，其中……」"
    if s > total and not x.num.approx and not any(p.num.approx for p in parts):
        return finding("E7", address, f"{head}：分项之和（{_n(s, x.unit)}）超过了总数（{_n(total, x.unit)}）",
                       span=span)
    if s == total or lst.marked_incomplete or lst.mixed or len(parts) < 2:
        return None
    missing = _list_missing(grid, x, parts)
    if missing is None and s * 2 < total:
        return None  # the items named are not half of the whole: some named, not a breakdown presented as complete
    if missing == [] and x.claim is None and s == q_value(grid, "done") and total == q_value(grid, "new_carried"):
        fwd = q_value(grid, "fwd")
        return finding("E7", address,
                       f"{head}：分项之和（{_n(s)}）是办理结果总计，与总数（{_n(total)}）相差的{_n(fwd)}是结转下年度"
                       f"继续办理的申请，建议一并写明", span=span, severity="warning")
    if missing:
        return finding("E7", address,
                       f"{head}：分项之和（{_n(s, x.unit)}）不等于总数（{_n(total, x.unit)}），列举不全："
                       f"{'、'.join(missing)}未列出；如只列举部分情况，请写明“主要”或“等”",
                       span=span, severity="warning")
    return finding("E7", address, f"{head}：完整列举的分项之和（{_n(s, x.unit)}）应等于总数（{_n(total, x.unit)}）",
                   span=span)


# ---- E4/E5/E6/E1 phrases -----------------------------------------------------------------------
def _phrase_rules(address: str, text: str, facts: TextFacts, grid: Grid, out: list[Finding],
                  unread: _Unread | None) -> None:
    t3, t4, t2 = grid.t3, grid.t4, grid.t2
    for ph in facts.phrases:
        if unread is not None and unread.skip_phrase(address, text, ph.kind, ph.span):
            continue
        said = text[ph.span[0]:ph.span[1]]
        if ph.kind == "no_applications":
            if not any(t3[_NEW_ROW]):
                continue  # (no column of 本年新收 holds a number: nothing to report, whichever the phrase names)
            cols = _LEGAL if ph.data == ("legal",) else ph.data or (*_APPLICANTS, "total")
            cells = [(c, T3_ADDR[_NEW_ROW][T3_COL[c]], t3[_NEW_ROW][T3_COL[c]]) for c in cols]
            bad = "、".join(f"{COLUMN_NAMES[c]}{fmt(v)}" for c, _, v in cells if v)
            if bad:
                out.append(finding(
                    "E6", address, f"正文称「{said}」，但{q_name('new')}不为0：{bad}",
                    span=ph.span, related=tuple(a for _, a, _ in cells)))
        elif ph.kind in ("no_carried", "no_fwd"):
            q = "carried" if ph.kind == "no_carried" else "fwd"
            v = q_value(grid, q)
            if v:
                out.append(finding("E1", address, f"正文称「{said}」，但{q_name(q)}为{_n(v)}",
                                   span=ph.span, related=q_cells(q)))
        elif ph.kind in _T4_CLAIMS:
            cols, need = _T4_CLAIMS[ph.kind]
            t4_cells = [(T4_ADDR[T4_BLOCK[b]][T4_COL[c]], t4[T4_BLOCK[b]][T4_COL[c]]) for b in ph.data for c in cols]
            nonzero = [(a, v) for a, v in t4_cells if v]
            if nonzero:
                out.append(finding(
                    "E4", address,
                    f"正文称「{said}」，表四相应栏目{need}，但{'、'.join(f'{cell_label(a)}为{fmt(v)}' for a, v in nonzero)}",
                    span=ph.span, related=tuple(a for a, _ in t4_cells)))
        elif ph.kind in ("no_doc", "no_decision"):
            cell = f"t2.{ph.data[0]}.{'issued' if ph.kind == 'no_doc' else 'decisions'}"
            if t2[cell]:
                out.append(finding("E5", address, f"正文称「{said}」，但{cell_label(cell)}为{fmt(t2[cell])}",
                                   span=ph.span, related=(cell,)))


_T4_CLAIMS = {  # phrase → (table-四 columns that must be 0, what the message says)
    "upheld": (("corrected", "pending"), "结果纠正和尚未审结均应为0"),
    "no_loss": (("corrected",), "结果纠正应为0"),
    "no_cases": (("total",), "总计应为0"),
}


# ---- E8: 信息处理费 --------------------------------------------------------------------------------
def _fee_rule(report: Report, fee_texts: list[Text], grid: Grid) -> list[Finding]:
    if not report.part6:
        return []  # the missing part 六 is rule F1's finding
    stated = [(a, f.fee) for a, _, f in fee_texts if f.fee is not None]
    if not stated:
        return [finding("E8", "p6", "第六部分未说明信息处理费的收取情况：应写明未收取，或写明收取的件数和金额"
                                    "（国办函〔2020〕109号）")]
    out: list[Finding] = []
    address = stated[0][0]
    if not any(f.not_charged or f.charged for _, f in stated):
        out.append(finding("E8", address, "信息处理费一项未写明是否收取：应写明未收取，或写明收取的件数和金额"))
    elif any(f.charged and not f.not_charged and not (f.amount and f.cases) for _, f in stated):
        out.append(finding("E8", address, "写明收取了信息处理费的，应同时写明收取的件数和金额", severity="warning"))
    unpaid = grid.t3[T3_ROW["t3.other_handling.unpaid_fee"]][TOTAL_COL]
    if not unpaid:
        return out
    row = f"{cell_label(_UNPAID)}为{_n(unpaid)}"
    no_notice = next(((a, f.no_notice) for a, f in stated if f.no_notice), None)
    counted = next(((a, f.notice_count) for a, f in stated if f.notice_count), None)
    if no_notice:
        out.append(finding("E8", no_notice[0], f"正文称未发出收费通知，但{row}（逾期未缴费的申请都收到过收费通知）",
                           span=no_notice[1], related=(_UNPAID,)))
    elif counted and counted[1][0] < unpaid:
        out.append(finding("E8", counted[0], f"正文所写收费通知{_n(counted[1][0])}，少于{row}",
                           span=counted[1][1], related=(_UNPAID,)))
    elif not any(f.notice for _, f in stated):
        out.append(finding("E8", address, f"{row}，信息处理费一项应说明发出收费通知及申请人未缴费的情况",
                           related=(_UNPAID,), severity="warning"))
    return out


# ---- cells that are not known ------------------------------------------------------------------
def _claim_cells(c: Claim) -> tuple[str, ...]:
    if c.table == "t3":
        return q_cells(c.q, c.col)
    if c.table == "t4":
        return tuple(T4_ADDR[T4_BLOCK[b]][T4_COL[c.col]] for b in _T4_BLOCKS_OF.get(c.q, (c.q,)))
    return (c.q,)


_PHRASE_TABLE = {"no_applications": "t3", "no_carried": "t3", "no_fwd": "t3", "upheld": "t4", "no_loss": "t4",
                 "no_cases": "t4", "no_doc": "t2", "no_decision": "t2"}
_UNREAD_RULE = {"t3": "E1", "t4": "E4", "t2": "E5"}
_TABLE_NAME = {"t2": "表二", "t3": "表三", "t4": "表四"}


class _Unread:
    """Text that could not be compared with a table none of whose cells is known: one finding per
    table, not one comparison with 0 per number."""

    def __init__(self, grid: Grid):
        self.grid = grid
        self.seen: dict[str, list[tuple[str, str, tuple[int, int]]]] = {}  # table → (address, quote, span)

    def skip_claim(self, address: str, text: str, m: Mention) -> bool:
        c = m.claim
        assert c is not None  # only claimed mentions are compared
        if c.table in self.grid.unread:
            self.seen.setdefault(c.table, []).append((address, _quote(text, m), m.span))
            return True
        unknown = self.grid.unknown
        return any(a in unknown for a in _claim_cells(c))  # the blank cell is rule A4's finding

    def skip_phrase(self, address: str, text: str, kind: str, span: tuple[int, int]) -> bool:
        table = _PHRASE_TABLE.get(kind)
        if table is None or table not in self.grid.unread:
            return False
        self.seen.setdefault(table, []).append((address, text[span[0]:span[1]], span))
        return True

    def findings(self) -> list[Finding]:
        out = []
        for table, said in self.seen.items():
            address, quote, span = said[0]
            name = _TABLE_NAME[table]
            why = self.grid.unread[table]
            if why:
                tail = "请人工核对"
            else:
                why, tail = "没有读到任何数字（各单元格均为空白或未能读取）", f"补齐{name}后请重新校验"
            more = f"等{len(said)}处" if len(said) > 1 else ""
            out.append(finding(
                _UNREAD_RULE[table], address,
                f"{name}{why}，正文「{quote}」{more}无法与{name}核对；{tail}",
                span=span, severity="warning"))
        return out


# ---- E9: one quantity stated twice ---------------------------------------------------------------
def _repeated_rule(texts: list[Text], year: int | None) -> list[Finding]:
    """The same channel's count stated in two places with two numbers ("通过专栏公开信息25条" …
    "全年通过专栏公开政府信息18条"): at least one of them is wrong."""
    by_key: dict[str, list[tuple[str, str, Mention, Stated]]] = {}
    for address, text, facts in texts:
        for st in facts.stated:
            by_key.setdefault(st.key, []).append((address, text, facts.mentions[st.mention], st))
    out: list[Finding] = []
    for said in by_key.values():
        if len({m.num.value for _, _, m, _ in said}) < 2:
            continue
        kept = []
        for address, text, m, st in said:
            scoped, years = named_scope(text, m) if st.named else stated_scope(text, m)
            if not scoped and (year is None or all(y == year for y in years)):
                kept.append((address, text, m, st))  # not a part, a comparison, a plan or another year's count
        for address, text, m, st in kept[1:]:
            f_address, f_text, f_m, f_st = kept[0]
            if m.num.value == f_m.num.value:
                continue
            where = "前文" if f_address == address else narrative_label(f_address)
            out.append(finding("E9", address,
                               f"正文「{_stated_quote(text, m, st)}」与{where}「{_stated_quote(f_text, f_m, f_st)}」"
                               f"说的是同一数量，数字不一致（{fmt(m.num.value)}与{fmt(f_m.num.value)}），请核对后统一",
                               span=(m.span[0], max(m.span[1], st.noun_end))))
    return out


def _stated_quote(text: str, m: Mention, st: Stated) -> str:
    """「发布政策解读材料9篇」, or 「本年度发布的6篇政策解读」 when the noun follows the number."""
    return _quote(text, m, 30) + (text[m.span[1]:st.noun_end] if st.noun_end > m.span[1] else "")


# ---- E10: 一（二） without its counts -------------------------------------------------------------
_SEE_TABLE = re.compile(r"(?:见|详见|参见|参照|如)[^。；;]{0,6}(?:表|第三部分|三、收到和处理)")
_SAID_UNITS = frozenset({"件", "次", "人次", "件次"})
_NO_COUNTS_NEEDED = frozenset({"no_applications", "no_carried", "no_fwd"})
_INTAKE_CELLS = (*q_cells("new"), *q_cells("carried"))


def _on_request_rule(report: Report, texts: list[Text], grid: Grid) -> Finding | None:
    """Table 三 has applications, and 一（二）依申请公开情况 says how they were handled without one count."""
    text = report.part1.on_request
    if not text.strip():
        return None  # an empty sub-part is rule F2's
    new, carried = q_value(grid, "new"), q_value(grid, "carried")
    if not (new or carried):
        return None
    for address, _, facts in texts:
        if not address.startswith("p1."):
            continue
        if any(m.claim is not None and m.claim.table == "t3" for m in facts.mentions):
            return None  # counted here, or in part 一 written in one piece
        if address == "p1.on_request" and (any(m.unit in _SAID_UNITS for m in facts.mentions)
                                           or any(ph.kind in _NO_COUNTS_NEEDED for ph in facts.phrases)):
            return None
    if _SEE_TABLE.search(text) or any(a in grid.unknown for a in _INTAKE_CELLS):
        return None  # referred to the table; a blank cell is rule A4's
    return finding("E10", "p1.on_request",
                   f"第一部分「（二）{L.P1_SUBPART_TITLES['on_request']}」没有写明申请件数，而{q_name('new')}为{_n(new)}、"
                   f"{q_name('carried')}为{_n(carried)}：应写明收到、办结、结转下年度等件数",
                   related=_INTAKE_CELLS)


# ---- all ---------------------------------------------------------------------------------------
_CHECKS = {"t3": _check_t3, "t4": _check_t4, "t2": _check_t2}


def narrative_rules(report: Report, texts: list[Text], fee_texts: list[Text], grid: Grid) -> list[Finding]:
    out: list[Finding] = []
    unread = _Unread(grid) if grid.unknown else None
    for address, text, facts in texts:
        failed: set[int] = set()
        for i, m in enumerate(facts.mentions):
            if m.claim is None or m.num.approx:
                continue
            if unread is not None and unread.skip_claim(address, text, m):
                failed.add(i)  # not compared: nor are the lists it is part of
                continue
            f = _CHECKS[m.claim.table](address, text, m, grid)
            if f is not None:
                out.append(f)
                failed.add(i)
        if facts.percents or facts.breakdowns:
            _percent_rules(address, text, facts, grid, out)
        for lst in facts.lists:
            if lst.total in failed or failed.intersection(lst.parts):
                continue  # the wrong number is already reported
            f = _list_rule(address, text, facts, lst, grid)
            if f is not None:
                out.append(f)
        if facts.phrases:
            _phrase_rules(address, text, facts, grid, out, unread)
    year = report.meta.report_year
    out.extend(_repeated_rule(texts, year))
    on_request = _on_request_rule(report, texts, grid)
    if on_request is not None:
        out.append(on_request)
    if year is None or year >= 2021:  # 信息处理费 exist from 2021 (国办函〔2020〕109号)
        out.extend(_fee_rule(report, fee_texts, grid))
    if unread is not None:
        out.extend(unread.findings())
    return out
