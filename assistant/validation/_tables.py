"""Table rules: A1–A3 (table 三), B (table 四), C2–C4 (table 二), and the cross-year D1, D2, C3."""

from __future__ import annotations

from decimal import Decimal
from operator import add, itemgetter

from assistant.validation._grid import T3_ADDR, T3_ROW, T4_ADDR, T4_COL, TOTAL_COL, Grid, fmt
from assistant.validation._registry import finding
from schemas import labels as L
from schemas.findings import Finding
from schemas.layout import T3_COLUMNS, T3_RESULT_ROWS, T3_ROWS, T4_BLOCKS, cell_label
from schemas.report import Report

__all__ = ["cross_year_rules", "table_rules"]

_NEW, _CO = T3_ROW["t3.new_received"], T3_ROW["t3.carried_over"]
_TOT, _CF = T3_ROW["t3.total"], T3_ROW["t3.carried_forward"]
_RESULTS = tuple(T3_ROW[r.address] for r in T3_RESULT_ROWS)
_A2_RELATED = tuple((T3_ADDR[_TOT][j],) + tuple(T3_ADDR[i][j] for i in _RESULTS) for j in range(len(T3_COLUMNS)))
_A1_RELATED = tuple((T3_ADDR[_NEW][j], T3_ADDR[_CO][j], T3_ADDR[_TOT][j], T3_ADDR[_CF][j])
                    for j in range(len(T3_COLUMNS)))
_COLUMN_LABEL = tuple(cell_label(f"t3.*.{c}") for c in T3_COLUMNS)
_ROW_LABEL = tuple(cell_label(r.address) for r in T3_ROWS)
_T4_PARTS = tuple(T4_COL[c] for c in ("upheld", "corrected", "other", "pending"))
_T4_TOTAL = T4_COL["total"]
_T4_PART_VALUES = itemgetter(*_T4_PARTS)
_RESULT_ROWS = itemgetter(*_RESULTS)
_PARTS = itemgetter(slice(0, TOTAL_COL))  # a row's six applicant columns (总计 is the last)
_TOTAL = itemgetter(TOTAL_COL)
assert TOTAL_COL == len(T3_COLUMNS) - 1

# Fees (万元) above which a value more likely was entered in 元 (rule C2), by agency level.
_FEE_LIMIT: dict[str | None, int] = {"state_council_dept": 1_000_000, "provincial": 1_000_000,
                                     "municipal": 100_000, "county": 10_000, "township": 1_000, None: 100_000}
_NO_REGULATIONS = {"county", "township"}  # cannot make 规章 (立法法 第九十三条)
_DOC_ROWS = ("regulations", "normative_docs")


def table_rules(report: Report, grid: Grid) -> list[Finding]:
    out: list[Finding] = []
    t3 = grid.t3
    new, co, tot, cf = t3[_NEW], t3[_CO], t3[_TOT], t3[_CF]
    # A1, column by column only when some column's sums differ (the usual report: none)
    for j in range(len(T3_COLUMNS)) if list(map(add, new, co)) != list(map(add, tot, cf)) else ():
        left, right = new[j] + co[j], tot[j] + cf[j]
        if left != right:
            out.append(finding(
                "A1", T3_ADDR[_NEW][j],
                f"{_COLUMN_LABEL[j]}：第一项加第二项之和（{fmt(left)}）应等于第三项总计加第四项之和（{fmt(right)}）"
                f"（本年新收{fmt(new[j])}＋上年结转{fmt(co[j])}；（七）总计{fmt(tot[j])}＋结转下年度{fmt(cf[j])}）",
                related=_A1_RELATED[j]))
    absent = grid.absent
    sums = list(map(sum, zip(*_RESULT_ROWS(t3))))
    for j, s in enumerate(sums) if sums != list(tot) else ():  # A2 (where some column's results differ)
        if s == tot[j]:
            continue
        if absent and any(a in absent for a in _A2_RELATED[j]):
            # rows the report's format does not have: only the rows it has can be checked, and not to exceed
            if s > tot[j] and T3_ADDR[_TOT][j] not in absent:
                out.append(finding(
                    "A2", T3_ADDR[_TOT][j],
                    f"{_COLUMN_LABEL[j]}：已有各项之和（{fmt(s)}）超过了（七）总计（{fmt(tot[j])}）",
                    related=_A2_RELATED[j]))
            continue
        out.append(finding(
            "A2", T3_ADDR[_TOT][j],
            f"{_COLUMN_LABEL[j]}：（一）至（六）各项之和（{fmt(s)}）应等于（七）总计（{fmt(tot[j])}）",
            related=_A2_RELATED[j]))
    # A3: the rows whose six columns do not add up to their 总计 (the sums first, without a Python loop)
    bad_rows = ([i for i, row in enumerate(t3) if sum(row) != 2 * row[TOTAL_COL]]
                if list(map(sum, map(_PARTS, t3))) != list(map(_TOTAL, t3)) else ())
    for i in bad_rows:
        row = t3[i]
        if absent and any(a in absent for a in T3_ADDR[i]):
            continue  # a row the report's format does not have
        out.append(finding(
            "A3", T3_ADDR[i][TOTAL_COL],
            f"{_ROW_LABEL[i]}：六类申请人之和（{fmt(sum(row[:TOTAL_COL]))}）应等于「总计」列（{fmt(row[TOTAL_COL])}）",
            related=T3_ADDR[i]))
    for b, row in enumerate(grid.t4):  # B
        s = sum(_T4_PART_VALUES(row))
        if s != row[_T4_TOTAL]:
            out.append(finding(
                "B", T4_ADDR[b][_T4_TOTAL],
                f"{cell_label(f't4.{T4_BLOCKS[b]}')}：结果维持、结果纠正、其他结果、尚未审结之和（{fmt(s)}）"
                f"应等于总计（{fmt(row[_T4_TOTAL])}）",
                related=T4_ADDR[b]))
    amount = grid.t2["t2.fees.amount"]
    level = report.meta.agency_level
    if amount > _FEE_LIMIT.get(level, _FEE_LIMIT[None]):  # C2
        yuan = Decimal(amount) / 10000
        out.append(finding(
            "C2", "t2.fees.amount",
            f"{cell_label('t2.fees.amount')}为{fmt(amount)}万元（即{fmt(yuan)}亿元），对"
            f"{L.AGENCY_LEVEL_LABELS.get(level or '', '本')}机关明显偏大，疑似按“元”填报；如原数据以元计，应填{fmt(yuan)}"))
    if level in _NO_REGULATIONS:  # C4
        addresses = tuple(f"t2.regulations.{c}" for c in ("issued", "repealed", "in_force"))
        nonzero = [a for a in addresses if grid.t2[a]]
        if nonzero:
            out.append(finding(
                "C4", nonzero[0],
                f"{L.AGENCY_LEVEL_LABELS[level]}机关没有规章制定权，表二「规章」一行应为0，"
                f"实为{'、'.join(f'{cell_label(a)}{fmt(grid.t2[a])}' for a in nonzero)}；请核实是否误填了行政规范性文件",
                related=addresses))
    return out


def cross_year_rules(grid: Grid, previous: Report, prev: Grid, cleanup: tuple[int, int] | None) -> list[Finding]:
    """C3, D1, D2 against last year's report. Cells blank last year, or not known this year (see
    ``Grid.unknown``), are skipped."""
    out: list[Finding] = []
    prev_year = previous.meta.report_year
    last = f"上年（{prev_year}年）报告" if prev_year else "上年报告"
    unknown = grid.unknown
    for j, _c in enumerate(T3_COLUMNS):  # D1
        before = T3_ADDR[T3_ROW["t3.carried_forward"]][j]
        if before in prev.blank or T3_ADDR[_CO][j] in unknown:
            continue
        was, now = prev.t3[_CF][j], grid.t3[_CO][j]
        if was != now:
            address = T3_ADDR[_CO][j]
            out.append(finding(
                "D1", address,
                f"{cell_label(address)}为{fmt(now)}，应等于{last}{cell_label(before)}（{fmt(was)}）",
                related=(address,)))
    for row in _DOC_ROWS:
        label = L.T2_ROW_LABELS[row]
        issued_a, repealed_a, in_force_a = (f"t2.{row}.{c}" for c in ("issued", "repealed", "in_force"))
        if in_force_a in prev.blank or (unknown and {issued_a, repealed_a, in_force_a} & unknown):
            continue
        prev_in_force = prev.t2[in_force_a]
        issued, repealed, in_force = grid.t2[issued_a], grid.t2[repealed_a], grid.t2[in_force_a]
        if repealed > prev_in_force + issued:  # C3
            out.append(finding(
                "C3", repealed_a,
                f"表二「{label}」本年废止{fmt(repealed)}件，超过{last}现行有效{fmt(prev_in_force)}件加本年制发"
                f"{fmt(issued)}件之和（{fmt(prev_in_force + issued)}件）；请核对本年废止件数或上年现行有效件数",
                related=(repealed_a, issued_a)))
        expected = prev_in_force + issued - repealed
        if in_force != expected:  # D2
            if cleanup is not None:
                why = "正文提到了清理工作，差额可能来自清理后重新核定，请确认并记录说明"
            else:
                why = "如因文件清理重新核定了现行有效件数，请在正文中说明"
            out.append(finding(
                "D2", in_force_a,
                f"表二「{label}」现行有效{fmt(in_force)}件，按{last}现行有效{fmt(prev_in_force)}件＋本年制发"
                f"{fmt(issued)}件－本年废止{fmt(repealed)}件应为{fmt(expected)}件；{why}",
                span=None, related=(in_force_a, issued_a, repealed_a)))
    return out
