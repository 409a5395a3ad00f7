"""Corrections, undo, 跳过/不清楚 (pending, listed as open items) and the summary of what is missing."""

from __future__ import annotations

from schemas.layout import ALL_CELL_ADDRESSES
from tests.dialogue_support import offline_service, talk

IDENTITY = "我们是示例县某某局，县级单位，要写2023年度的年报。"


def snapshot(store, draft_id):
    return {k: (f.state, f.value, f.source, f.quote) for k, f in store.facts(draft_id).items()}


def test_a_correction_replaces_the_value_and_keeps_the_new_words(db):
    store = db()
    service = offline_service(store)
    d = service.start("张三").id
    talk(service, d, [IDENTITY, "网站公开政务信息150条，微信公众号发布59条"])
    reply = service.handle(d, "张三", "不对，网站是148条")
    assert "门户网站主动公开政务信息：150条 → 148条（已更正）" in reply.text
    f = store.facts(d)["website_items"]
    assert (f.value, f.quote, f.turn_text) == (148, "网站是148条", "不对，网站是148条")
    assert store.facts(d)["new_media_posts"].value == 59
    assert [h.value for h in store.fact_history(d, "website_items")] == [150, 148]


def test_a_correction_without_a_name_takes_the_last_number_of_its_kind(db):
    store = db()
    service = offline_service(store)
    d = service.start("张三").id
    talk(service, d, [IDENTITY, "网站访问总量32952次", "微信公众号发布59条"])
    reply = service.handle(d, "张三", "不对，应该是60条")
    assert "政务新媒体发布信息：59条 → 60条（已更正）" in reply.text
    assert store.facts(d)["new_media_posts"].value == 60 and store.facts(d)["website_visits"].value == 32952


def test_a_correction_of_a_table_cell(db):
    store = db()
    service = offline_service(store)
    d = service.start("张三").id
    talk(service, d, [IDENTITY, "表二全部为0"])
    reply = service.handle(d, "张三", "不对，行政许可是12件")
    assert "表二「行政许可」：本年处理决定数量12（原为0）" in reply.text
    assert store.facts(d)["t2.licensing.decisions"].value == 12


def test_a_correction_that_names_nothing_known_asks_and_changes_nothing(db):
    store = db()
    service = offline_service(store)
    d = service.start("张三").id
    talk(service, d, [IDENTITY])
    before = snapshot(store, d)
    reply = service.handle(d, "张三", "不对，是5")
    assert "没能确定要更正哪一项" in reply.text
    assert snapshot(store, d) == before


def test_undo_restores_the_value_with_its_own_provenance(db):
    store = db()
    service = offline_service(store)
    d = service.start("张三").id
    talk(service, d, [IDENTITY, "网站公开政务信息150条", "不对，网站是148条"])
    reply = service.handle(d, "张三", "撤销")
    assert reply.text.startswith("已撤销上一步（您说的“不对，网站是148条”）：")
    assert "门户网站主动公开政务信息：148条 → 150条" in reply.text
    f = store.facts(d)["website_items"]
    assert (f.value, f.source, f.quote, f.turn_text) == (150, "chat", "网站公开政务信息150条", "网站公开政务信息150条")
    assert [(h.value, h.source) for h in store.fact_history(d, "website_items")] == [
        (150, "chat"), (148, "chat"), (150, "undo")]


def test_undo_takes_back_a_turn_together_with_what_was_derived_from_it(db):
    store = db()
    service = offline_service(store)
    d = service.start("张三").id
    talk(service, d, [IDENTITY])
    before = snapshot(store, d)
    reply = service.handle(d, "张三", "今年没有收到申请，也没有上年结转")
    assert {e.source for e in reply.recorded} == {"chat", "derivation"}
    t3 = {a for a in ALL_CELL_ADDRESSES if a.startswith("t3.")}
    assert t3 <= set(store.facts(d)) and "推算（本年新收和上年结转均为0" in reply.text
    service.handle(d, "张三", "撤销")
    assert snapshot(store, d) == before
    service.handle(d, "张三", "撤销")
    assert store.facts(d) == {}
    assert "没有可以撤销的修改" in service.handle(d, "张三", "撤销").text
    assert len([t for t in store.turns(d) if t.role == "user"]) == 5  # every word kept


def test_skipping_marks_pending_and_lists_it_as_open(db):
    store = db()
    service = offline_service(store)
    d = service.start("张三").id
    reply = service.handle(d, "张三", "跳过")
    assert {k: f.state for k, f in store.facts(d).items()} == {
        "agency_name": "pending", "agency_level": "pending", "report_year": "pending"}
    assert store.facts(d)["agency_name"].quote == "跳过"
    assert "机关名称（待定）" in reply.open_items
    assert reply.questions[0].key == "website_items"  # the interview moves on
    summary = service.handle(d, "张三", "还缺什么").text
    assert "待定的内容（您说过跳过或不清楚）：\n- 机关与年度：机关名称；机关层级；报告年度" in summary
    service.handle(d, "张三", IDENTITY)
    assert {f.state for f in store.facts(d).values()} == {"set"}
    assert "待定" not in service.handle(d, "张三", "还差哪些").text


def test_skipping_a_named_fact_or_a_table(db):
    store = db()
    service = offline_service(store)
    d = service.start("张三").id
    talk(service, d, [IDENTITY, "网站公开政务信息148条"])
    reply = service.handle(d, "张三", "网站访问总量不清楚")
    assert store.facts(d)["website_visits"].state == "pending" and "待定（之后再补）：网站访问总量" in reply.text
    assert reply.questions[0].key == "t2"
    reply = service.handle(d, "张三", "不清楚")
    # a county body makes no 规章: those three cells are derived, the other seven pending
    t2 = [a for a in ALL_CELL_ADDRESSES if a.startswith("t2.") and not a.startswith("t2.regulations.")]
    assert {store.facts(d)[a].state for a in t2} == {"pending"}
    assert {store.facts(d)[f"t2.regulations.{c}"].source for c in ("issued", "repealed", "in_force")} == {"derivation"}
    assert "表二" in reply.text and "待定" in reply.text and reply.questions[0].key == "t3"
    service.handle(d, "张三", "表二全部为0")  # the answer given later replaces the pending marks
    assert {store.facts(d)[a].state for a in t2} == {"set"}


def test_a_summary_of_everything_still_missing(db):
    service = offline_service(db())
    d = service.start("张三").id
    text = service.handle(d, "张三", "还缺什么").text
    for title in ("机关与年度：机关名称；机关层级；报告年度", "一（一）主动公开：门户网站主动公开政务信息",
                  "表二全部10格", "表三全部175格", "表四全部15格", "五、存在的主要问题及改进情况：存在的主要问题；改进措施",
                  "是否收取信息处理费"):
        assert title in text
    talk(service, d, [IDENTITY, "今年没有收到申请，也没有上年结转"])
    text = service.handle(d, "张三", "还缺什么").text
    assert "机关名称" not in text.split("可选内容")[0] and "表三" not in text and "表四全部15格" in text


def test_corrections_as_people_type_them(db):
    store = db()
    service = offline_service(store)
    d = service.start("张三").id
    talk(service, d, [IDENTITY, "微信发了85条，网站120条，处罚47件，强制16件"])
    facts = lambda: {k: f.value for k, f in store.facts(d).items()}
    # the last number said, of any kind, when nothing is named
    reply = service.handle(d, "张三", "哦不对 是17")
    assert facts()["t2.enforcement.decisions"] == 17 and "没能确定" not in reply.text
    service.handle(d, "张三", "刚才说错了，微信是58条")
    assert facts()["new_media_posts"] == 58
    service.handle(d, "张三", "前面说的处罚数不对 应该是49")
    assert facts()["t2.penalty.decisions"] == 49
    service.handle(d, "张三", "把行政处罚改为48件")
    assert facts()["t2.penalty.decisions"] == 48
    service.handle(d, "张三", "依申请今年新收的 个人37件 企业3件 律师事务所1件")
    # a column named alone: the cell of that column that held the old value
    reply = service.handle(d, "张三", "等下 刚才企业那个是2不是3")
    assert facts()["t3.new_received.commercial"] == 2 and "原为3" in reply.text
    assert facts()["t3.new_received.natural"] == 37


def test_a_correction_undone(db):
    store = db()
    service = offline_service(store)
    d = service.start("张三").id
    talk(service, d, [IDENTITY, "依申请今年一共9件，去年没有结转的。个人申请的7件里，公开了4件，1件部分公开"])
    service.handle(d, "张三", "等一下 个人那块公开的应该是5件不是4件")
    assert store.facts(d)["t3.granted.natural"].value == 5
    service.handle(d, "张三", "不对不对 还是4件 刚才是把部分公开那1件也算进去了 公开4件 部分公开1件 没错")
    assert store.facts(d)["t3.granted.natural"].value == 4


def test_a_corrected_column_of_a_pasted_row_moves_its_total(db):
    store = db()
    service = offline_service(store)
    d = service.start("张三").id
    talk(service, d, [IDENTITY, "（二）部分公开\t17\t3\t1\t0\t2\t1\t24"])
    reply = service.handle(d, "张三", "后来改过一处，部分公开自然人应该是18件，其他数不变")
    assert "自然人18（原为17）、总计25（原为24）" in reply.text
    assert store.facts(d)["t3.partial.total"].value == 25
