"""Generated reports that satisfy every rule: for tests, benchmarks and the eval sets.

``consistent_report(seed)`` gives a report whose 200 cells are non-zero, whose table-三 and
table-四 cells are pairwise distinct (so a swapped or shifted cell cannot go unnoticed), and whose
narrative quotes the tables correctly. Mutating one thing in it should make exactly the rules about
that thing fire.
"""

from __future__ import annotations

import random
from decimal import Decimal

from schemas import labels as L
from schemas.layout import T3_COLUMNS, T3_RESULT_ROWS, T3_ROWS, T4_BLOCKS, t3_row
from schemas.report import (
    DecisionRow,
    DocumentRow,
    FeeRow,
    Part1,
    Part6Item,
    Report,
    ReportMeta,
    Row4,
    SourceInfo,
    Table2,
    Table3,
    Table4,
)

APPLICANT_COLUMNS = L.T3_APPLICANT_COLUMNS


def _fill_table3(rng: random.Random, low: int, high: int, avoid: set[int]) -> Table3:
    t3 = Table3()
    leaf_rows = [r for r in T3_ROWS if r.path[0] not in {"new_received", "total"}]
    candidates = [v for v in range(low, high) if v not in avoid]
    pool = rng.sample(candidates, len(leaf_rows) * len(APPLICANT_COLUMNS))
    it = iter(pool)
    for r in leaf_rows:
        row = t3_row(t3, r)
        for c in APPLICANT_COLUMNS:
            setattr(row, c, next(it))
    for c in APPLICANT_COLUMNS:
        total_c = sum(getattr(t3_row(t3, r), c) for r in T3_RESULT_ROWS)
        t3.total.__setattr__(c, total_c)
        t3.new_received.__setattr__(c, total_c + getattr(t3.carried_forward, c) - getattr(t3.carried_over, c))
    for r in T3_ROWS:
        row = t3_row(t3, r)
        row.total = sum(getattr(row, c) for c in APPLICANT_COLUMNS)
    return t3


def _all_distinct(t3: Table3, t4: Table4) -> bool:
    values = [getattr(t3_row(t3, r), c) for r in T3_ROWS for c in T3_COLUMNS]
    values += [getattr(getattr(t4, b), c) for b in T4_BLOCKS for c in L.T4_COLUMN_LABELS]
    return len(set(values)) == len(values)


def _fill_table4(rng: random.Random, low: int, high: int) -> Table4:
    t4 = Table4()
    pool = iter(rng.sample(range(low, high), 12))
    for b in T4_BLOCKS:
        parts = [next(pool) for _ in range(4)]
        setattr(t4, b, Row4(upheld=parts[0], corrected=parts[1], other=parts[2], pending=parts[3], total=sum(parts)))
    return t4


def _table2(rng: random.Random) -> Table2:
    reg_prev, nd_prev = rng.randint(20, 60), rng.randint(40, 120)
    reg_new, nd_new = rng.randint(1, 9), rng.randint(3, 30)
    reg_rep, nd_rep = rng.randint(1, reg_new), rng.randint(1, nd_new)
    return Table2(
        regulations=DocumentRow(issued=reg_new, repealed=reg_rep, in_force=reg_prev + reg_new - reg_rep),
        normative_docs=DocumentRow(issued=nd_new, repealed=nd_rep, in_force=nd_prev + nd_new - nd_rep),
        licensing=DecisionRow(decisions=rng.randint(100, 9000)),
        penalty=DecisionRow(decisions=rng.randint(10, 900)),
        enforcement=DecisionRow(decisions=rng.randint(1, 90)),
        fees=FeeRow(amount=Decimal(rng.randint(100, 99999)) / 100),
    )


def _narrative(r: Report) -> None:
    y = r.meta.report_year
    t2, t3, _t4 = r.table2, r.table3, r.table4

    def s(group: str) -> int:
        return sum(row.total for row in getattr(t3, group).__dict__.values())

    r.preamble = (
        f"本报告根据《中华人民共和国政府信息公开条例》和{L.FORMAT_DOC_2021}要求编制。"
        f"报告中所列数据的统计期限自{y}年1月1日起至{y}年12月31日止。"
    )
    r.part1 = Part1(
        active=(
            f"{y}年，本机关坚持以公开为常态、不公开为例外，全年制发行政规范性文件{t2.normative_docs.issued}件，"
            f"作出行政许可决定{t2.licensing.decisions}件，作出行政处罚决定{t2.penalty.decisions}件。"
        ),
        on_request=(
            f"{y}年，本机关新收政府信息公开申请{t3.new_received.total}件，上年结转{t3.carried_over.total}件。"
            f"本年度办结{t3.total.total}件，其中予以公开{t3.granted.total}件，部分公开{t3.partial.total}件，"
            f"不予公开{s('withheld')}件，无法提供{s('unable')}件，不予处理{s('not_processed')}件，"
            f"其他处理{s('other_handling')}件；结转下年度继续办理{t3.carried_forward.total}件。"
        ),
        management="本机关健全政府信息公开审查机制，严格执行信息发布前保密审查制度，动态调整政务公开事项清单。",
        platform="持续加强政府门户网站和政务新媒体建设管理，完善依申请公开在线办理功能，提升平台服务能力。",
        oversight="将政务公开工作纳入年度绩效考核，定期开展自查，主动接受社会监督，本年度未发生责任追究情况。",
    )
    r.part5 = (
        "本年度政府信息公开工作仍存在一些不足：一是政策解读形式较为单一；二是依申请公开答复的规范性有待提高。"
        "下一步，本机关将丰富政策解读形式，加强业务培训，进一步规范依申请公开办理流程。"
    )
    fee_notices = t3.other_handling.unpaid_fee.total
    fees = (
        f"本年度发出信息处理费收费通知{fee_notices}件，申请人均逾期未缴纳，本机关未实际收取信息处理费。"
        if isinstance(fee_notices, int) and fee_notices > 0
        else "本年度未收取信息处理费。"
    )
    texts = {
        "fees": fees,
        "work_points": "按照上级年度政务公开工作要点，逐项细化任务分工，按期完成各项工作。",
        "proposals": "本年度承办的人大代表建议和政协提案均已按期办结，办理结果依法公开。",
        "innovation": "探索开展政府开放日活动，邀请群众代表走进机关、了解工作。",
        "statistics_notes": f"报告所列数据统计期限自{y}年1月1日起至{y}年12月31日止。",
        "other_matters": "无。",
        "special_requirements": "无。",
    }
    r.part6 = [Part6Item(key=k, title=L.P6_ITEM_TITLES[k], text=texts[k]) for k in L.P6_ITEM_TITLES]


def consistent_report(seed: int = 0, *, year: int = 2023, agency: str = "示例市交通运输局",
                      level: str = "municipal") -> Report:
    """A report with non-zero, pairwise-distinct table cells that passes every rule."""
    rng = random.Random(seed)
    while True:  # a few tries at most: sums rarely collide with leaves drawn from 1..999
        t4 = _fill_table4(rng, 1, 60)
        t4_values = {getattr(getattr(t4, b), c) for b in T4_BLOCKS for c in L.T4_COLUMN_LABELS}
        if len(t4_values) < 15:
            continue
        t3 = _fill_table3(rng, 1, 1000, t4_values)
        if _all_distinct(t3, t4):
            break
    r = Report(
        meta=ReportMeta(agency_name=agency, agency_level=level, report_year=year,
                        title=f"{agency}{year}年{L.REPORT_TITLE_SUFFIX}"),
        table2=_table2(rng), table3=t3, table4=t4,
        source=SourceInfo(kind="generated", format_version="2021"),
    )
    _narrative(r)
    return r


def zero_report(*, year: int = 2023, agency: str = "示例县某某局", level: str = "county") -> Report:
    """A report of an agency that received no applications and made no decisions (like the sample)."""
    zero3 = {c: 0 for c in T3_COLUMNS}
    t3 = Table3()
    for r in T3_ROWS:
        row = t3_row(t3, r)
        for c, v in zero3.items():
            setattr(row, c, v)
    zero_doc = DocumentRow(issued=0, repealed=0, in_force=0)
    t2 = Table2(regulations=zero_doc, normative_docs=zero_doc.model_copy(), licensing=DecisionRow(decisions=0),
                penalty=DecisionRow(decisions=0), enforcement=DecisionRow(decisions=0),
                fees=FeeRow(amount=Decimal(0)))
    zero4 = Row4(upheld=0, corrected=0, other=0, pending=0, total=0)
    t4 = Table4(review=zero4, litigation_direct=zero4.model_copy(), litigation_after_review=zero4.model_copy())
    r = Report(meta=ReportMeta(agency_name=agency, agency_level=level, report_year=year,
                               title=f"{agency}{year}年{L.REPORT_TITLE_SUFFIX}"),
               table2=t2, table3=t3, table4=t4, source=SourceInfo(kind="generated", format_version="2021"))
    _narrative(r)
    r.part1.on_request = f"{year}年，本机关未收到政府信息公开申请，无上年结转申请。"
    r.part1.active = f"{year}年，本机关通过门户网站主动公开政府信息，本年度未制发行政规范性文件。"
    return r


def previous_year_of(report: Report, seed: int = 1) -> Report:
    """Last year's report that agrees with ``report`` on every cross-year rule (D1, D2)."""
    rng = random.Random(seed)
    prev = consistent_report(seed + 1000, year=(report.meta.report_year or 2023) - 1,
                             agency=report.meta.agency_name, level=report.meta.agency_level or "municipal")
    # D1: last year's 结转下年度 = this year's 上年结转; keep last year's table 三 consistent.
    for c in T3_COLUMNS:
        carried = getattr(report.table3.carried_over, c)
        old_cf = getattr(prev.table3.carried_forward, c)
        setattr(prev.table3.carried_forward, c, carried)
        setattr(prev.table3.new_received, c, getattr(prev.table3.new_received, c) + carried - old_cf)
    # D2: this year's 现行有效 = last year's 现行有效 + 本年制发 − 本年废止
    for key in ("regulations", "normative_docs"):
        this = getattr(report.table2, key)
        if all(isinstance(v, int) for v in (this.in_force, this.issued, this.repealed)):
            base = this.in_force - this.issued + this.repealed
            prev_row = getattr(prev.table2, key)
            prev_row.in_force = base
            prev_row.issued = rng.randint(0, max(0, base // 4))
            prev_row.repealed = 0
    # the narrative quotes last year's own numbers, in last year's own words (no 内容雷同)
    _narrative(prev)
    t2, t3, y = prev.table2, prev.table3, prev.meta.report_year
    prev.preamble = f"现将本机关{y}年度政府信息公开工作情况报告如下。"
    prev.part1.active = f"围绕中心工作做好信息发布，全年作出行政处罚决定{t2.penalty.decisions}件，均按规定公开。"
    prev.part1.on_request = (f"全年共受理政府信息公开申请{t3.new_received.total + t3.carried_over.total}件"
                             f"（含上年结转{t3.carried_over.total}件），已答复{t3.total.total}件，"
                             f"结转下年度继续办理{t3.carried_forward.total}件。")
    prev.part1.management = "建立政府信息公开属性源头认定机制，定期清理更新公开目录。"
    prev.part1.platform = "完成门户网站集约化改造，优化栏目设置，提高检索便利度。"
    prev.part1.oversight = "开展政务公开专项督查，对发现的问题及时整改，无责任追究情况。"
    prev.part5 = ("上年度政府信息公开工作存在的问题：一是公开内容不够全面；二是平台栏目设置有待优化。"
                  "今后将完善公开目录，优化栏目设置。")
    other_texts = {
        "work_points": "对照上级政务公开要点制定任务清单，明确责任科室和完成时限。",
        "proposals": "建议提案办理复文均在门户网站专栏公开。",
        "innovation": "开通政策咨询热线，由业务科室负责人轮流值守答疑。",
        "statistics_notes": f"本报告数据统计期限为{y}年1月1日至{y}年12月31日。",
        "other_matters": "本年度无需要报告的其他事项。",
        "special_requirements": "本年度无此类事项。",
    }
    for item in prev.part6:
        if item.key in other_texts:
            item.text = other_texts[item.key]
    return prev
