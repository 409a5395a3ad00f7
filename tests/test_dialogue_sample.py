"""Scripted dialogues through the offline engine build complete fact sets in few turns.

The sample's dialogue answers several facts per message, corrects one, pastes table 三 as copied
from the web page and ends with "还缺什么"; its facts equal the sample's fact set and its report's
200 table cells equal the published tables. A second dialogue pastes non-zero tables (TSV from
Excel/WPS, Markdown, or TSV without the 总计 column, which the product adds up).
"""

from __future__ import annotations

import pytest

from eval.synthetic import consistent_report
from schemas.layout import ALL_CELL_ADDRESSES, T3_ROWS, get_cell
from tests.dialogue_support import (
    SAMPLE_DIALOGUE,
    gold,
    markdown_table3,
    offline_service,
    sample_facts,
    tables_of,
    talk,
    tsv_table2,
    tsv_table3,
    tsv_table4,
)

MAX_TURNS = 12


def test_the_sample_dialogue_builds_the_samples_complete_fact_set(db):
    store = db()
    service = offline_service(store)
    draft = service.start("张三")
    replies = talk(service, draft.id, SAMPLE_DIALOGUE)

    user_turns = [t for t in store.turns(draft.id) if t.role == "user"]
    assert len(user_turns) == len(SAMPLE_DIALOGUE) <= MAX_TURNS
    facts = service.facts(draft.id)
    assert facts.model_dump(exclude={"quotes"}) == sample_facts().model_dump(exclude={"quotes"})
    assert service.plan(draft.id).complete
    assert "必填内容已经全部齐全" in replies[-1].text

    report = service.report(draft.id).report
    expected = tables_of(gold())
    assert len(expected) == 200 == len(ALL_CELL_ADDRESSES)
    assert tables_of(report) == expected

    # several facts per answer; the pasted table and the two shortcuts fill 200 cells in one turn
    assert len(replies[0].recorded) == 7
    assert len(replies[2].recorded) == 200
    assert {e.source for e in replies[2].recorded} == {"chat"}


def test_every_reply_confirms_what_was_recorded_then_asks(db):
    service = offline_service(db())
    draft = service.start("张三")
    replies = talk(service, draft.id, SAMPLE_DIALOGUE[:3])
    first = replies[0].text
    assert first.index("已记录：") < first.index("接下来：")
    for line in ("机关名称：烟台市机关事务管理局", "机关层级：市级", "报告年度：2023年", "门户网站主动公开政务信息：150条",
                 "网站独立用户访问总量：32952个", "网站访问总量：322692次", "政务新媒体发布信息：59条"):
        assert line in first
    assert "门户网站主动公开政务信息：150条 → 148条（已更正）" in replies[1].text
    assert "表二全部10格、表三全部175格、表四全部15格：均为0" in replies[2].text
    assert replies[2].questions[0].key == "problems"


def test_every_fact_keeps_the_turn_and_the_words_it_came_from(db):
    store = db()
    service = offline_service(store)
    draft = service.start("张三")
    talk(service, draft.id, SAMPLE_DIALOGUE)
    facts = store.facts(draft.id)
    site = facts["website_items"]
    assert (site.value, site.source, site.quote, site.turn_text, site.author) == (
        148, "chat", "网站是148条", "不对，网站是148条", "张三")
    assert [h.value for h in store.fact_history(draft.id, "website_items")] == [150, 148]
    cell = facts["t3.withheld.state_secret.commercial"]
    assert cell.source == "chat" and "1. 属于国家秘密" in cell.quote and cell.turn_text == SAMPLE_DIALOGUE[2]
    assert facts["fee_charged"].quote == "没有收取信息处理费"
    assert facts["problems"].turn_text == SAMPLE_DIALOGUE[4]
    assert store.get_draft(draft.id).agency_name == "烟台市机关事务管理局"
    assert store.get_draft(draft.id).report_year == 2023


def test_a_new_service_on_the_same_database_sees_every_turn_and_fact(db):
    store = db()
    service = offline_service(store)
    draft = service.start("张三")
    talk(service, draft.id, SAMPLE_DIALOGUE[:4])
    turns, facts = store.turns(draft.id), store.facts(draft.id)
    next_plan = service.plan(draft.id)
    store.close()

    again = db()
    restarted = offline_service(again)
    assert again.turns(draft.id) == turns and again.facts(draft.id) == facts
    assert len(turns) == 8 and [t.role for t in turns] == ["user", "assistant"] * 4
    assert restarted.plan(draft.id) == next_plan
    assert "继续编写烟台市机关事务管理局2023年度报告" in restarted.opening(draft.id)
    talk(restarted, draft.id, SAMPLE_DIALOGUE[4:])
    assert restarted.facts(draft.id).model_dump(exclude={"quotes"}) == sample_facts().model_dump(exclude={"quotes"})


@pytest.mark.parametrize("layout", ["tsv", "markdown", "tsv-without-total"])
def test_a_dialogue_with_non_zero_pasted_tables(db, layout):
    report = consistent_report(5)
    table3 = {"tsv": tsv_table3(report), "markdown": markdown_table3(report),
              "tsv-without-total": tsv_table3(report, with_total=False)}[layout]
    p1 = report.part1
    messages = [
        "我们是示例市交通运输局，市级单位，要写2023年度的年报。网站公开政务信息1234条，微信公众号发布321条。",
        "表二如下：\n" + tsv_table2(report),
        "表三：\n" + table3,
        "复议和诉讼的情况：\n" + tsv_table4(report),
        f"信息管理：{p1.management}\n平台建设：{p1.platform}\n监督保障：{p1.oversight}",
        "存在的问题：一是政策解读形式较为单一；二是依申请公开答复的规范性有待提高。\n"
        "改进措施：丰富政策解读形式，加强业务培训，进一步规范依申请公开办理流程。",
        "没有收取信息处理费。今年共承办人大代表建议3件和政协提案5件，办结率100%，并进行了公开。"
        "工作要点落实情况：按照上级年度政务公开工作要点，逐项细化任务分工，按期完成各项工作。",
        "创新情况：探索开展政府开放日活动，邀请群众代表走进机关、了解工作。",
    ]
    store = db()
    service = offline_service(store)
    draft = service.start("李四")
    replies = talk(service, draft.id, messages, author="李四")
    assert len(messages) <= MAX_TURNS
    assert service.plan(draft.id).complete, replies[-1].text

    built = service.report(draft.id).report
    for address in ALL_CELL_ADDRESSES:
        assert get_cell(built, address) == get_cell(report, address), address
    stored = store.facts(draft.id)
    totals = {f"{r.address}.total" for r in T3_ROWS}
    if layout == "tsv-without-total":
        assert {stored[a].source for a in totals} == {"derivation"}
        assert stored["t3.granted.total"].quote == "由本行六列相加"
        assert stored["t3.granted.total"].turn_text == messages[2]  # derived from that turn
        assert "推算（由本行六列相加）" in replies[2].text
    else:
        assert {stored[a].source for a in totals} == {"chat"}
    row = f"表三「{T3_ROWS[2].full_label}」：自然人{report.table3.granted.natural}、"
    assert row in replies[2].text
