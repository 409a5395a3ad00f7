"""Shared builders for the validator tests (no tests here).

``small_report()`` is a consistent report with small, hand-checkable numbers, so that a test text
can quote them as real reports do. Its table 三 (总计 column):

    一、本年新收 104 (自然人 86, 商业企业 12, 法律服务机构 5, 其他 1; 法人或其他组织 18)
    二、上年结转 4 (自然人 4)
    （一）予以公开 60 (自然人 50)   （二）部分公开 10 (自然人 8)
    （三）不予公开 6 = 1.国家秘密 3 + 4.第三方 3
    （四）无法提供 19 = 1.不掌握 15 + 2.另行制作 4
    （五）不予处理 5 = 2.重复申请 5     （六）其他处理 2 = 1.逾期不补正 2
    （七）总计 102 (自然人 86)   四、结转下年度 6
Table 四: 行政复议 维持2 纠正1 其他0 未结1 总计4; 直接起诉 维持1 总计1; 复议后起诉 all 0.
Table 二: 行政规范性文件 制发5 废止2 现行有效40; 规章 0; 许可1200 处罚35 强制3; 收费12.5万元.
"""

from __future__ import annotations

import copy
from decimal import Decimal

from eval.synthetic import consistent_report
from schemas import Finding, Report
from schemas.layout import T3_COLUMNS, T3_ROWS, T4_BLOCKS, T4_COLUMNS, set_cell, t3_row
from schemas.report import DecisionRow, DocumentRow, FeeRow, Row4

_T3: dict[str, dict[str, int]] = {
    "new_received": {"natural": 86, "commercial": 12, "legal_service": 5, "other": 1},
    "carried_over": {"natural": 4},
    "granted": {"natural": 50, "commercial": 8, "legal_service": 2},
    "partial": {"natural": 8, "commercial": 2},
    "withheld.state_secret": {"natural": 3},
    "withheld.third_party": {"natural": 2, "commercial": 1},
    "unable.not_held": {"natural": 12, "commercial": 1, "legal_service": 2},
    "unable.needs_creation": {"natural": 4},
    "not_processed.repeated": {"natural": 5},
    "other_handling.no_correction": {"natural": 2},
    "total": {"natural": 86, "commercial": 12, "legal_service": 4},
    "carried_forward": {"natural": 4, "legal_service": 1, "other": 1},
}

SMALL_ON_REQUEST = (
    "2023年，本机关新收政府信息公开申请104件，上年结转4件。本年度办结102件，其中予以公开60件，部分公开10件，"
    "不予公开6件，无法提供19件，不予处理5件，其他处理2件；结转下年度继续办理6件。"
)


def small_report() -> Report:
    r = consistent_report(3)
    for row in T3_ROWS:
        values = _T3.get(".".join(row.path), {})
        target = t3_row(r.table3, row)
        for c in T3_COLUMNS[:-1]:
            setattr(target, c, values.get(c, 0))
        target.total = sum(values.values())
    for b in T4_BLOCKS:
        setattr(r.table4, b, Row4(**{c: 0 for c in T4_COLUMNS}))
    r.table4.review = Row4(upheld=2, corrected=1, other=0, pending=1, total=4)
    r.table4.litigation_direct = Row4(upheld=1, corrected=0, other=0, pending=0, total=1)
    r.table2.normative_docs = DocumentRow(issued=5, repealed=2, in_force=40)
    r.table2.regulations = DocumentRow(issued=0, repealed=0, in_force=0)
    r.table2.licensing = DecisionRow(decisions=1200)
    r.table2.penalty = DecisionRow(decisions=35)
    r.table2.enforcement = DecisionRow(decisions=3)
    r.table2.fees = FeeRow(amount=Decimal("12.5"))
    r.part1.on_request = SMALL_ON_REQUEST
    r.part1.active = "2023年，本机关全年制发行政规范性文件5件，作出行政许可决定1200件，作出行政处罚决定35件。"
    r.part6[0].text = "本年度未收取信息处理费。"
    return r


def with_text(report: Report, address: str, text: str) -> Report:
    """A copy of ``report`` whose narrative part ``address`` (p1.on_request, p5, p6.0 …) is ``text``."""
    r = report.model_copy(deep=True)
    if address.startswith("p1."):
        setattr(r.part1, address[3:], text)
    elif address == "p5":
        r.part5 = text
    elif address == "preamble":
        r.preamble = text
    elif address == "meta.title":
        r.meta.title = text
    elif address.startswith("p6."):
        r.part6[int(address[3:])].text = text
    else:
        raise KeyError(address)
    return r


def with_cell(report: Report, address: str, value) -> Report:
    r = copy.deepcopy(report)
    set_cell(r, address, value)
    return r


def of_rule(findings: list[Finding], rule: str) -> list[Finding]:
    return [f for f in findings if f.rule == rule]


def quoted(text: str, f: Finding) -> str:
    """The characters of ``text`` a finding's span points at."""
    assert f.location.span is not None, f
    return text[f.location.span[0]:f.location.span[1]]


def describe(findings: list[Finding]) -> str:
    return "\n".join(f"{f.rule} {f.severity} {f.location.address} {f.message}" for f in findings)
