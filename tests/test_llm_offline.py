"""The offline engine (the default): rule-based extraction and template drafting.

Fed the sample's facts it drafts every narrative part, and the assembled report has no
validation error. Staff messages as people type them (numbers in words, full-width digits,
shortcuts, pasted TSV or Markdown tables) become grounded facts.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path

import pytest

from assistant.drafting import PARTS, Drafts, assemble_report, check_patch, derive_cells, draft_all, extract
from assistant.llm import CallLog, LLMRequest, LoggedModel, OfflineUnsupportedError
from assistant.offline import OfflineModel, offline_patch
from assistant.reading import parse_pasted_tables
from eval.synthetic import consistent_report
from schemas import labels as L
from schemas.facts import Facts
from schemas.layout import ALL_CELL_ADDRESSES, T2_CELLS, T3_COLUMNS, T3_ROWS, T4_BLOCKS, T4_COLUMNS, get_cell, t3_row

FIXTURES = Path(__file__).parent / "fixtures"
SAMPLE_TXT = FIXTURES / "yantai-jgswj-2023.txt"


def sample_facts() -> Facts:
    return Facts.model_validate(json.loads((FIXTURES / "yantai-facts.json").read_text(encoding="utf-8")))


def converse(messages: list[str], facts: Facts | None = None, topic: str | None = None) -> Facts:
    model, facts = OfflineModel(), facts or Facts()
    for m in messages:
        out = extract(m, facts, model, topic=topic)
        assert out.result.rejected == [], (m, out.result.messages)
        facts = out.facts
    return facts


# ---- extraction ------------------------------------------------------------------------------
def test_the_sample_conversation_gives_the_sample_facts():
    messages = json.loads((FIXTURES / "yantai-conversation.json").read_text(encoding="utf-8"))
    facts = converse(messages)
    assert facts == sample_facts()
    assert (facts.agency_name, facts.agency_level, facts.report_year) == ("烟台市机关事务管理局", "municipal", 2023)
    assert (facts.website_items, facts.new_media_posts, facts.website_visitors, facts.website_visits) == (
        148, 59, 32952, 322692)
    assert (facts.npc_suggestions, facts.cppcc_proposals, facts.proposals_completion_rate) == (1, 4, 100)
    assert facts.fee_charged is False and facts.proposals_published is True
    assert set(facts.cells) == set(ALL_CELL_ADDRESSES) and not any(facts.cells.values())
    assert facts.problems.startswith("一是信息公开的实效性有待提升")
    assert facts.measures.endswith("进一步加强信息发布、政策解读和主题宣传。")
    assert facts.other_matters.endswith("jgswjbgs@yt.shandong.cn）")


@pytest.mark.parametrize("message,field,value", [
    ("网站公开政务信息一百四十八条", "website_items", 148),
    ("门户网站全年发布信息１４８条", "website_items", 148),
    ("网站访问总量322,692次", "website_visits", 322692),
    ("公众号推送信息两百条", "new_media_posts", 200),
    ("召开3场新闻发布会", "press_conferences", 3),
    ("发布政策解读12篇", "policy_interpretations", 12),
    ("制发行政规范性文件3件", "t2.normative_docs.issued", 3),
    ("作出行政处罚决定12件", "t2.penalty.decisions", 12),
    ("行政事业性收费2500元", "t2.fees.amount", Decimal("0.25")),
    ("收到申请５件", "t3.new_received.total", 5),
    ("办结了5件", "t3.total.total", 5),
    ("本年度是2024年的年报", "report_year", 2024),
])
def test_common_facts_as_staff_type_them(message, field, value):
    facts = converse([message])
    assert facts.get(field) == value


def test_shortcut_no_applications_fills_table_three_consistently():
    facts = converse(["今年没有收到申请，也没有上年结转的"])
    assert {a for a in facts.cells} == {f"t3.{r}.{c}" for r in ("new_received", "carried_over") for c in T3_COLUMNS}
    derived = derive_cells(facts)
    t3_cells = {a for a in ALL_CELL_ADDRESSES if a.startswith("t3.")}
    assert t3_cells - set(facts.cells) == set(derived)
    assert all(v == 0 for v, _ in derived.values())
    report = assemble_report(facts).report
    assert all(get_cell(report, a) == 0 for a in t3_cells)


def test_shortcut_all_zero_follows_the_table_named_or_asked_about():
    assert set(converse(["表三全部为0"]).cells) == {a for a in ALL_CELL_ADDRESSES if a.startswith("t3.")}
    assert set(converse(["都是0"], topic="t4").cells) == {a for a in ALL_CELL_ADDRESSES if a.startswith("t4.")}
    # with no table named or asked about, "全部为0" is not guessed: the assistant asks which table
    assert set(converse(["全部为0"]).cells) == set()
    assert set(converse(["全部为0"], topic="tables").cells) == set(ALL_CELL_ADDRESSES)


def test_answers_to_a_question():
    assert converse(["不清楚"], topic="website_visits").pending == {"website_visits": "不清楚"}
    assert converse(["5件"], topic="t3.granted.natural").cells == {"t3.granted.natural": 5}
    text = "每季度开展一次政务公开自查，发现问题立行立改。"
    assert converse([text], topic="oversight").oversight == text


def test_chitchat_proposes_nothing():
    assert offline_patch("你好，请问这个怎么填？").ops == []


def tsv_tables(report) -> str:
    """Tables 二, 三 and 四 as a web page copies them: tabs, group labels on the first sub-row."""
    lines = []
    for c in T2_CELLS:
        if c.column in ("issued", "decisions", "amount"):
            row = getattr(report.table2, c.row)
            values = [str(getattr(row, k)) for k in type(row).model_fields]
            lines.append("\t".join([L.T2_ROW_LABELS[c.row], *values]))
    lines.append(L.T3_HEADER_NOTE + "\t\t申请人情况")
    for r in T3_ROWS:
        values = [str(getattr(t3_row(report.table3, r), c)) for c in T3_COLUMNS]
        label = r.label if r.group is None else (
            f"{r.group_label}\t{r.label}" if r.label.startswith("1.") else f"\t{r.label}")
        lines.append("\t".join([label, *values]))
    lines.append("行政复议\t\t\t\t\t行政诉讼")
    lines.append("\t".join(str(getattr(getattr(report.table4, b), c)) for b in T4_BLOCKS for c in T4_COLUMNS))
    return "\n".join(lines)


def markdown_table3(report) -> str:
    lines = ["| 项目 | " + " | ".join(L.T3_COLUMN_LABELS.values()) + " |", "|---|" + "---|" * 7]
    for r in T3_ROWS:
        values = [str(getattr(t3_row(report.table3, r), c)) for c in T3_COLUMNS]
        lines.append(f"| {r.full_label} | " + " | ".join(values) + " |")
    return "\n".join(lines)


def test_pasted_tsv_tables_round_trip_every_distinct_cell():
    report = consistent_report(7)  # distinct non-zero values: a shifted cell cannot go unnoticed
    message = "表格如下：\n" + tsv_tables(report)
    facts = converse([message])
    assert set(facts.cells) == set(ALL_CELL_ADDRESSES)
    for a in ALL_CELL_ADDRESSES:
        assert facts.cells[a] == get_cell(report, a), a


def test_pasted_markdown_table_three():
    report = consistent_report(3)
    facts = converse([markdown_table3(report)])
    t3 = [a for a in ALL_CELL_ADDRESSES if a.startswith("t3.")]
    assert set(facts.cells) == set(t3)
    assert all(facts.cells[a] == get_cell(report, a) for a in t3)


def test_the_samples_own_tables_as_copied_from_the_web_page():
    text = SAMPLE_TXT.read_text(encoding="utf-8")
    ops, _lines = parse_pasted_tables(text)
    assert {op.field for op in ops} == set(ALL_CELL_ADDRESSES)
    result = check_patch(offline_patch(text), text)
    assert result.rejected == []
    assert {op.field for op in result.accepted if op.field in ALL_CELL_ADDRESSES} == set(ALL_CELL_ADDRESSES)


def test_blank_markers_stay_blank():
    facts = converse(["行政许可\t/"])
    assert facts.cells["t2.licensing.decisions"].blank == "/"


# ---- drafting ------------------------------------------------------------------------------
def test_every_part_of_the_sample_is_drafted_in_formal_style(tmp_path):
    log = CallLog.for_url(f"sqlite:///{tmp_path / 'calls.sqlite3'}")
    drafts = draft_all(sample_facts(), LoggedModel(OfflineModel(), log))
    assert list(drafts.parts) == list(PARTS)
    for part, d in drafts.parts.items():
        assert d.text.strip(), part
        assert d.flags == [], (part, d.flags)
        assert not re.search(r"[#*`|]|^\s*-\s", d.text), part
        assert "我们" not in d.text and "None" not in d.text and "$" not in d.text
        assert d.prompt_version.startswith("offline."), part
    latin = {part for part, d in drafts.parts.items() if re.search("[A-Za-z]", d.text)}
    assert latin == {"p6.other_matters"}  # the e-mail address the staff gave, nothing else
    t = drafts.text
    assert "全年在门户网站主动公开政务信息148条" in t("p1.active") and "网站独立用户访问总量32952个" in t("p1.active")
    assert "通过政务新媒体发布信息59条" in t("p1.active")
    assert "2023年，本机关未收到政府信息公开申请" in t("p1.on_request")
    assert t("p1.platform").startswith("聚焦法定公开内容")
    assert "一是信息公开的实效性有待提升" in t("p5") and "下一步改进措施" in t("p5")
    assert t("p6.fees") == "本年度未收取信息处理费。"
    assert t("p6.proposals") == "2023年，本机关共承办人大代表建议1件、政协提案4件，办结率100%，办理结果已按规定公开。"
    assert t("p6.statistics_notes") == "报告所列数据统计期限自2023年1月1日起至2023年12月31日止。"
    assert t("p6.special_requirements") == "无。"
    rows = log.rows()
    assert len(rows) == len(PARTS) and {r["engine"] for r in rows} == {"offline"}
    assert rows[0]["prompt_version"] == "offline.p1.active@3"


def test_the_sample_report_from_offline_drafts_has_no_validation_error():
    validation = pytest.importorskip("assistant.validation")
    facts = sample_facts()
    drafts = draft_all(facts, OfflineModel())
    assembled = assemble_report(facts, drafts)
    assert assembled.missing == () and assembled.derived == {}
    findings = validation.validate(assembled.report)
    assert not validation.has_errors(findings), [f.message for f in findings if f.is_error]
    r = assembled.report
    assert r.meta.title == "烟台市机关事务管理局2023年政府信息公开工作年度报告"
    assert r.part1.active == drafts.text("p1.active") and r.part5 == drafts.text("p5")
    assert [i.key for i in r.part6] == list(L.P6_ITEM_TITLES)
    assert "国办公开办函〔2021〕30号" in r.preamble
    drafts.ensure_exportable()


def test_the_shortcut_conversation_also_validates():
    validation = pytest.importorskip("assistant.validation")
    facts = converse(["我们是示例县某某局，县级单位，要写2023年度的年报。", "今年没有收到申请，也没有上年结转的。",
                      "没有行政复议和行政诉讼。", "表二全部为0", "没有收取信息处理费。"])
    assembled = assemble_report(facts, draft_all(facts, OfflineModel()))
    assert assembled.missing == ()
    findings = validation.validate(assembled.report)
    assert not validation.has_errors(findings), [f.message for f in findings if f.is_error]


def test_nothing_known_is_said_plainly():
    drafts = draft_all(Facts(), OfflineModel())
    for part, d in drafts.parts.items():
        assert d.text and "None" not in d.text and "$" not in d.text, part
        assert d.flags == [], part
    assert drafts.text("p6.work_points") == "无。"
    assert drafts.text("p1.management") == "本年度政府信息管理工作无需要特别报告的情况。"


def test_assembly_derives_only_explicit_totals_and_records_them():
    cells = {f"t3.new_received.{c}": i + 1 for i, c in enumerate(L.T3_APPLICANT_COLUMNS)}
    cells.update({"t4.review.upheld": 1, "t4.review.corrected": 0, "t4.review.other": 0, "t4.review.pending": 2})
    assembled = assemble_report(Facts(cells=cells), Drafts())
    assert get_cell(assembled.report, "t3.new_received.total") == 21
    assert assembled.derived["t3.new_received.total"] == "由本行六列相加"
    assert get_cell(assembled.report, "t4.review.total") == 3
    assert "t3.granted.natural" in assembled.missing
    assert get_cell(assembled.report, "t3.granted.natural").blank == ""  # a Blank, never a silent 0


def test_offline_revision_and_repair():
    model = OfflineModel()

    def req(task, **inputs):
        return LLMRequest(task=task, prompt_version="t", system="", messages=(), inputs=inputs)

    assert model.complete(req("revise.p5", text="本机关存在不足。", instruction="把“本机关”改为“我局”")).text == "我局存在不足。"
    assert model.complete(req("revise.p5", text="甲。乙。", instruction="补充：丙")).text == "甲。乙。丙。"
    with pytest.raises(OfflineUnsupportedError, match="离线模式"):
        model.complete(req("revise.p5", text="甲。", instruction="写得更生动一些"))
    repaired = model.complete(req("repair.p1.active", text="公开信息148条。召开发布会6场。", violations=["6场"]))
    assert repaired.text == "公开信息148条。"


def test_results_that_account_for_every_application_of_a_column_leave_the_rest_zero():
    facts = Facts(cells={"t3.new_received.commercial": 15, "t3.carried_over.commercial": 1,
                         "t3.granted.commercial": 6, "t3.partial.commercial": 3, "t3.withheld.third_party.commercial": 1,
                         "t3.unable.not_held.commercial": 4, "t3.other_handling.no_correction.commercial": 1,
                         "t3.carried_forward.commercial": 1})
    derived = derive_cells(facts)
    assert derived["t3.not_processed.repeated.commercial"][0] == 0
    assert derived["t3.total.commercial"][0] == 15
    # one short of the applications: nothing is guessed
    facts.cells["t3.partial.commercial"] = 2
    assert "t3.not_processed.repeated.commercial" not in derive_cells(facts)


def test_a_kind_of_which_none_was_issued_or_received_is_not_named():
    from assistant.offline.templates import draft_offline

    facts = Facts(report_year=2025, npc_suggestions=2, cppcc_proposals=0,
                  cells={"t2.regulations.issued": 0, "t2.normative_docs.issued": 3})
    active, _ = draft_offline("p1.active", facts)
    assert "制发行政规范性文件3件" in active and "规章0件" not in active
    proposals, _ = draft_offline("p6.proposals", facts)
    assert "人大代表建议2件" in proposals and "政协提案0件" not in proposals
    none, _ = draft_offline("p6.proposals", Facts(cppcc_proposals=0))
    assert "未承办" in none
