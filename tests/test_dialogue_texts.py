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


def test_a_voice_input_message_with_labels_and_a_correction():
    from assistant.reading import read_message

    message = ("复议1件 维持了 诉讼没有 信息处理费没收 存在的主要问题 一是镇里没有专职人员都是兼职 二是专栏更新不够及时 "
               "改进措施 一是明确专人负责 二是每月检查一次专栏更新情况 信息管理 落实三审三校制度 "
               "平台建设 县政府网站青石镇专栏和青石发布公众号 监督保障 把政务公开纳入村站所年度考核 不对 行政处罚是二十五件")
    r = read_message(message)
    ops = {op.field: op.value for op in r.ops}
    assert ops["problems"] == "一是镇里没有专职人员都是兼职 二是专栏更新不够及时"
    assert ops["measures"] == "一是明确专人负责 二是每月检查一次专栏更新情况"  # 一次 is words, not a count
    assert ops["management"] == "落实三审三校制度" and ops["oversight"] == "把政务公开纳入村站所年度考核"
    assert ops["platform"] == "县政府网站青石镇专栏和青石发布公众号"
    assert ops["t2.penalty.decisions"] == "25" and ops["fee_charged"] is False and not r.unexplained


def test_a_tally_sheet_with_only_the_columns_it_uses(db):
    store = db()
    service = offline_service(store)
    d = service.start("张三").id
    talk(service, d, ["我们是青石镇人民政府，2025年年报"])
    reply = service.handle(d, "张三", "申请人情况\t自然人\t商业企业\t总计\n本年新收\t4\t1\t5\n上年结转\t1\t0\t1\n予以公开\t2\t0\t2")
    assert not reply.refused and "未采用" not in reply.text
    facts = store.facts(d)
    assert facts["t3.new_received.natural"].value == 4 and facts["t3.new_received.total"].value == 5
    # the columns the sheet leaves out are 0 because the row adds up without them: a derivation
    research = facts["t3.new_received.research"]
    assert research.value == 0 and research.source == "derivation" and "本行总计减去已知各列" in research.quote


def test_facts_after_passages_in_one_voice_message():
    from assistant.reading import read_message

    ops = {op.field: op.value for op in read_message(
        "存在的主要问题 专栏更新不及时 改进措施 明年专人负责 信息处理费没收 复议诉讼都没有").ops}
    assert ops["problems"] == "专栏更新不及时" and ops["measures"] == "明年专人负责"
    assert ops["fee_charged"] is False and ops["t4.review"] == 0
