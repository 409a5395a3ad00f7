"""Bad answers get a clear Chinese reply and change nothing; the words are still recorded."""

from __future__ import annotations

import re

import pytest

from assistant.dialogue import contradictions, negative_numbers
from eval.synthetic import zero_report
from schemas import labels as L
from schemas.layout import T3_ROWS, t3_row
from tests.dialogue_support import offline_service, talk, tsv_table3

IDENTITY = "我们是示例县某某局，县级单位，要写2023年度的年报。"
CJK = re.compile(r"[\u4e00-\u9fa5]")


def _table3_with(changes: dict[str, int]) -> str:
    report = zero_report()
    for address, value in changes.items():
        row, col = address.rsplit(".", 1)
        setattr(t3_row(report.table3, next(r for r in T3_ROWS if r.address == row)), col, value)
    return "表三如下：\n" + tsv_table3(report)


BAD = {
    "negative": ("网站公开政务信息-5条", "不能是负数"),
    "negative, full-width minus, among good facts": ("网站访问总量322692次，行政许可决定－3件", "不能是负数：－3"),
    "text for the number asked": ("很多", "“门户网站主动公开政务信息”需要一个数字，您给的是“很多”"),
    "a number named without a number": ("网站访问总量很多", "“网站访问总量”需要一个具体的数字"),
    "row total is not the sum of its columns":
        ("| 一、本年新收政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 5 |",
         "表三「一、本年新收政府信息公开申请数量」行的总计应等于六类申请人之和，现在一边是5，另一边是1"),
    # (one with a result column is counted: tests/test_reading_exports.py)
    "a register of applications without its results": ("序号\t收到日期\t申请人\t类别\t申请内容\n"
                                                         "1\t2024.1.15\t陈某\t个人\t改造方案\n"
                                                         "2\t2024.3.2\t刘某\t个人\t补偿标准",
                                                         "这像是申请登记台账（每行一件申请），但没能逐条统计"),
    "table 四 block total": ("行政复议\t1\t0\t0\t0\t2", "表四「行政复议」的总计应等于维持、纠正、其他、尚未审结之和"),
    "a word in a table row": ("| 一、本年新收政府信息公开申请数量 | 1 | 若干 | 0 | 0 | 0 | 0 | 1 |",
                              "表格中这一行没能读出来"),
}


@pytest.mark.parametrize("case", list(BAD))
def test_a_bad_answer_changes_nothing(db, case):
    message, expected = BAD[case]
    store = db()
    service = offline_service(store)
    d = service.start("张三").id
    talk(service, d, [IDENTITY])
    facts_before = store.facts(d)
    turns_before = len(store.turns(d))

    reply = service.handle(d, "张三", message)
    assert reply.refused and reply.recorded == ()
    assert reply.text.startswith("这条消息没有记录任何内容（您的原话已保存）：")
    assert expected in reply.text, reply.text
    assert "请改正后再发一次" in reply.text and CJK.search(reply.text) and "Traceback" not in reply.text
    assert store.facts(d) == facts_before
    turns = store.turns(d)
    assert len(turns) == turns_before + 2 and turns[-2].text == message and turns[-1].text == reply.text
    assert reply.questions[0].key == "website_items"  # the question stands


def test_a_pasted_table_whose_total_row_does_not_add_up_is_recorded_and_pointed_out(db):
    # the clerk's own sheet, read cell by cell: one slip must not cost the other 174 cells
    store = db()
    service = offline_service(store)
    d = service.start("张三").id
    talk(service, d, [IDENTITY])
    reply = service.handle(d, "张三", _table3_with({"t3.new_received.natural": 2, "t3.new_received.total": 2,
                                                  "t3.granted.natural": 2, "t3.granted.total": 2}))
    assert not reply.refused
    assert "表三「（七）总计」行「自然人」列应等于（一）至（六）各项之和，现在一边是0，另一边是2" in reply.text
    cells = service.facts(d).cells
    assert cells["t3.granted.natural"] == 2 and cells["t3.total.natural"] == 0


def test_a_total_that_contradicts_what_was_said_before(db):
    store = db()
    service = offline_service(store)
    d = service.start("张三").id
    talk(service, d, [IDENTITY, "今年没有收到申请，也没有上年结转"])
    reply = service.handle(d, "张三", "| （一）予以公开 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |")
    # either answer may be the slip: the new one is recorded and the clash is pointed out
    assert not reply.refused and "和前面记录的数对不上" in reply.text
    assert "（其中部分数字是按您前面说的推算的）" in reply.text and "直接更正即可" in reply.text
    assert store.facts(d)["t3.granted.total"].value == 2


def test_a_clash_with_an_earlier_answer_is_resolved_by_correcting_it(db):
    store = db()
    service = offline_service(store)
    d = service.start("张三").id
    talk(service, d, [IDENTITY, "今年新收5件，都是个人，上年结转3件，都是自然人"])
    reply = service.handle(d, "张三", "予以公开6件，都是个人；结转到明年1件，个人。表三剩下的都是0")
    assert not reply.refused and "和前面记录的数对不上" in reply.text
    reply = service.handle(d, "张三", "不对，去年结转的是2件不是3件")
    facts = store.facts(d)
    # the column said with "都是自然人" follows its corrected total
    assert facts["t3.carried_over.total"].value == 2 and facts["t3.carried_over.natural"].value == 2
    assert "对不上" not in reply.text


def test_an_old_inconsistency_does_not_block_the_next_answer(db):
    store = db()
    service = offline_service(store)
    d = service.start("张三").id
    talk(service, d, [IDENTITY])
    # a manual edit (not through the dialogue) leaves table 四 inconsistent
    from assistant.storage import FactChange

    store.apply_changes(d, [FactChange(f"t4.review.{c}", v, quote="表格编辑") for c, v in
                            {"upheld": 1, "corrected": 0, "other": 0, "pending": 0, "total": 3}.items()],
                        source="manual", author="王编辑")
    reply = service.handle(d, "张三", "网站公开政务信息148条")
    assert not reply.refused and store.facts(d)["website_items"].value == 148


def test_a_short_text_answer_that_only_touches_a_number_is_text(db):
    store = db()
    service = offline_service(store)
    d = service.start("张三").id
    talk(service, d, [IDENTITY, "网站公开政务信息148条", "表二全部为0", "今年没有收到申请，也没有上年结转",
                      "没有行政复议和行政诉讼"])
    assert service.plan(d).topic == "problems"
    reply = service.handle(d, "张三", "加强网站访问量统计分析")
    assert not reply.refused and store.facts(d)["problems"].value == "加强网站访问量统计分析"


def test_negative_numbers_are_told_from_hyphens():
    assert negative_numbers("网站-5条，电话0535-6693206，日期2023-12-31，负3件") == ["-5", "负3"]
    assert negative_numbers("问题：气温-5度", skip=["气温-5度"]) == []


def test_contradictions_use_only_what_is_known():
    cols = {f"t3.granted.{c}": 1 for c in L.T3_APPLICANT_COLUMNS}
    assert contradictions(cols) == {}
    assert contradictions({**cols, "t3.granted.total": 6}) == {}
    assert "A3:t3.granted" in contradictions({**cols, "t3.granted.total": 5})
    assert "A3:t3.granted" in contradictions({"t3.granted.natural": 4, "t3.granted.total": 3})
    assert contradictions({"t3.granted.natural": 2, "t3.granted.total": 3}) == {}


def test_a_bare_no_to_the_carry_over_question_makes_table_three_zero(db):
    """A township clerk: no applications this year, then "没有" to the question that follows (was
    last year's any carried over?): the whole of table 三 is known, and the next question moves on."""
    store = db()
    service = offline_service(store)
    d = service.start("张三").id
    replies = talk(service, d, ["帮我写下城关镇人民政府2025年的年报，我们是乡镇", "网站发了88条",
                                "规范性文件没有 许可处罚强制都没有 不收费", "今年没收到申请，也没有复议诉讼"])
    assert "上年有没有结转过来" in replies[-1].text
    reply = talk(service, d, ["没有"])[-1]
    facts = service.facts(d)
    assert all(facts.cells.get(a) == 0 for a in (f"{r.address}.{c}" for r in T3_ROWS for c in L.T3_COLUMN_LABELS))
    assert "表三" not in reply.text.split("接下来")[-1]
