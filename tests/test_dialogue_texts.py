"""Free-text facts as staff give them: labelled or named at a sentence's opening, corrected,
answered with "没有", and "和去年一样" for a named topic."""

from __future__ import annotations

from assistant.drafting import draft_all
from assistant.offline import OfflineModel
from tests.dialogue_support import offline_service, talk
from tests.test_dialogue_previous import COPIED, last_year

IDENTITY = "我们是某县统计局，县级，2024年年报"


def test_a_text_is_corrected_and_cleared_as_people_say_it(db):
    store = db()
    service = offline_service(store)
    d = service.start("张三").id
    talk(service, d, [IDENTITY, "创新：开通了数据查询小程序"])
    reply = service.handle(d, "张三", "不对，创新情况写：上线统计数据可视化平台")
    assert store.facts(d)["innovation"].value == "上线统计数据可视化平台" and "（已更正）" in reply.text
    reply = service.handle(d, "张三", "创新情况没有")
    assert not reply.refused and store.facts(d)["innovation"].value == "没有"
    reply = service.handle(d, "张三", "管理这块没什么可写的")
    assert store.facts(d)["management"].value == "没什么可写的"
    # the draft says there is nothing to report, in the template's words, not the clerk's
    drafts = draft_all(service.facts(d), OfflineModel())
    assert drafts.text("p6.innovation") == "无。"
    assert "没什么可写的" not in drafts.text("p1.management") and "无需要特别报告" in drafts.text("p1.management")


def test_a_topic_named_at_the_opening_is_its_text():
    from assistant.reading import read_message

    ops = {op.field: op.value for op in read_message("平台建设和去年一样，还是依托区政府网站街道专栏，另外在社区公示栏同步公开。").ops}
    assert ops == {"platform": "还是依托区政府网站街道专栏，另外在社区公示栏同步公开。"}
    ops = {op.field: op.value for op in read_message(
        "信息管理、平台、监督这几块你就按：发布前办公室审核、依托省政府网站栏目、纳入年度工作考核 来写").ops}
    assert ops == {"management": "发布前办公室审核", "platform": "依托省政府网站栏目", "oversight": "纳入年度工作考核"}


def test_same_as_last_year_for_a_named_topic_shows_last_years_text(db, tmp_path):
    _this, _prev, path = last_year(tmp_path)
    store = db()
    service = offline_service(store)
    d = service.start("张三").id
    assert not service.import_previous(d, "张三", path).refused
    reply = service.handle(d, "张三", "信息管理这块和去年一样")
    assert "去年这一部分是这样写的" in reply.text and COPIED[:20] in reply.text
    assert store.facts(d).get("management") is None
