"""The interview planner is derived from the schemas: groups, required items, wording, order."""

from __future__ import annotations

import pytest

from assistant.dialogue import GROUPS, REQUIRED, REQUIRED_WHEN, parse_intent, plan
from schemas import labels as L
from schemas.facts import FACT_SPECS, Facts
from schemas.layout import ALL_CELL_ADDRESSES

IDENTITY = dict(agency_name="示例县某某局", agency_level="county", report_year=2023)


def test_every_fact_and_every_cell_is_in_exactly_one_group():
    for name in (*FACT_SPECS, *ALL_CELL_ADDRESSES):
        assert sum(g.holds(name) for g in GROUPS) == 1, name
    assert {g.table for g in GROUPS if g.table} == {"t2", "t3", "t4"}
    assert set(REQUIRED) | set(REQUIRED_WHEN) <= set(FACT_SPECS)


def test_the_first_questions_are_worded_from_the_labels():
    p = plan(Facts())
    assert [q.key for q in p.questions] == ["agency_name", "agency_level", "report_year"]
    assert [q.text for q in p.questions] == [
        "机关名称（全称）是什么？", "机关层级是哪一级？（国务院部门、省级、市级、县级、乡镇/街道）", "报告年度是哪一年？"]
    assert p.topic == "agency_name" and not p.complete
    assert len(p.missing) == len(ALL_CELL_ADDRESSES) + len(REQUIRED)


@pytest.mark.parametrize("field", sorted(REQUIRED))
def test_each_required_fact_is_asked_by_its_label(field):
    facts = Facts(**{f: v for f, v in IDENTITY.items() if f != field})
    facts.cells = {a: 0 for a in ALL_CELL_ADDRESSES}
    for name in REQUIRED - set(IDENTITY) - {field}:
        spec = FACT_SPECS[name]
        setattr(facts, name, {"text": "有关情况", "bool": False}.get(spec.kind, 1))
    p = plan(facts)
    assert [q.key for q in p.questions] == [field]
    assert FACT_SPECS[field].label in p.questions[0].text


def test_optional_facts_are_asked_in_passing_and_never_block():
    p = plan(Facts(**IDENTITY))
    q = p.questions[0]
    assert q.key == "website_items" and q.text.startswith("门户网站主动公开政务信息多少条？")
    assert "如有，也可以一并告诉我：政务新媒体发布信息、召开新闻发布会" in q.text
    assert "new_media_posts" in p.optional and "new_media_posts" not in p.missing
    # the narrative topics beyond part 五 are offered, never demanded
    assert not {"management", "platform", "oversight", "work_points", "innovation"} & set(p.missing)


def test_a_table_is_asked_alone_and_becomes_the_topic():
    city = {**IDENTITY, "agency_name": "示例市某某局", "agency_level": "municipal"}
    p = plan(Facts(**city, website_items=148))
    assert [q.key for q in p.questions] == ["t2"] and p.topic == "t2"
    assert p.questions[0].text.startswith("表二（主动公开政府信息情况）：规章（本年制发件数、本年废止件数、现行有效件数）")
    assert "都没有的话说“表二全部为0”" in p.questions[0].text
    # a county body makes no 规章: the question does not ask for them
    p = plan(Facts(**IDENTITY, website_items=148))
    assert p.topic == "t2" and "规章" not in p.questions[0].text
    t2 = {a: 0 for a in ALL_CELL_ADDRESSES if a.startswith("t2.")}
    p = plan(Facts(**IDENTITY, website_items=148, cells=t2))
    assert p.topic == "t3" and "今年没有收到申请，也没有上年结转" in p.questions[0].text
    assert len(p.questions[0].fields) == 175


def test_no_new_application_asks_for_last_years_carry_over_not_168_cells():
    """"今年没收到申请" leaves only the carry-over open: asked by itself, the bare "没有" that answers
    it makes the whole table 0 (derived), instead of a list of 168 cells to fill."""
    t2 = {a: 0 for a in ALL_CELL_ADDRESSES if a.startswith("t2.")}
    no_new = {f"t3.new_received.{c}": 0 for c in L.T3_COLUMN_LABELS}
    p = plan(Facts(**IDENTITY, website_items=148, cells={**t2, **no_new}))
    assert p.topic == "t3"
    text = p.questions[0].text
    assert text.startswith("今年没有新收申请。上年有没有结转过来") and "“上年没有结转”" in text
    assert "168" not in text
    # new applications: the question names the rows still open, as before
    some_new = {**no_new, "t3.new_received.natural": 2, "t3.new_received.total": 2}
    assert plan(Facts(**IDENTITY, website_items=148, cells={**t2, **some_new})).questions[0].text.startswith("表三还缺")


def test_derivable_cells_are_not_missing():
    zero_in = {f"t3.{r}.{c}": 0 for r in ("new_received", "carried_over") for c in L.T3_COLUMN_LABELS}
    p = plan(Facts(**IDENTITY, website_items=1, cells=zero_in))
    assert not any(a.startswith("t3.") for a in p.missing)
    t2 = {a: 0 for a in ALL_CELL_ADDRESSES if a.startswith("t2.")}
    granted = {f"t3.granted.{c}": 1 for c in L.T3_APPLICANT_COLUMNS}  # its 总计 follows
    q = plan(Facts(**IDENTITY, website_items=1, cells={**t2, **granted})).questions[0]
    assert q.key == "t3" and len(q.fields) == 175 - 7
    assert q.text.startswith("表三还缺168格，在「一、本年新收政府信息公开申请数量」、「二、上年结转政府信息公开申请数量」、")
    assert "等24行" in q.text


def test_the_fee_details_are_required_only_when_a_fee_was_charged():
    assert "fee_cases" not in plan(Facts(fee_charged=False)).missing + plan(Facts(fee_charged=False)).optional
    charged = plan(Facts(fee_charged=True))
    assert {"fee_cases", "fee_amount"} <= set(charged.missing)


def test_pending_items_are_not_asked_again_but_stay_open():
    facts = Facts(pending={"agency_name": "不清楚", "agency_level": "不清楚", "report_year": "跳过"})
    p = plan(facts)
    assert p.questions[0].key == "website_items"
    assert p.pending == ("agency_name", "agency_level", "report_year") and not p.complete


@pytest.mark.parametrize("message,kind,text", [
    ("撤销", "undo", ""), ("撤销上一步", "undo", ""), ("还缺什么", "summary", ""), ("还差哪些？", "summary", ""),
    ("跳过", "skip", ""), ("不清楚", "skip", ""), ("网站访问量不清楚", "skip", "网站访问量"),
    ("跳过表四", "skip", "表四"), ("不对，网站是150条", "correction", "网站是150条"),
    ("导入上年报告：2022.docx", "import", "2022.docx"), ("生成初稿", "draft", ""),
    ("没有收取信息处理费", "facts", ""), ("网站公开政务信息148条，其中跳过了两条重复信息", "facts", ""),
])
def test_intents(message, kind, text):
    intent = parse_intent(message)
    assert (intent.kind, intent.text) == (kind, text)
