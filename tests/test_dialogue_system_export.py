"""Figures from the system export (session 33): a web page's records pasted a field a line, and the clerk's
word on its rows by the end of their numbers — two rows that are one application, a row put in a result,
a row whose result the system never changed — in wording of our own."""

from __future__ import annotations

from tests.dialogue_support import new_chat

_RECORDS = "\n".join(
    f"受理号\nSQ-2025-{num}\n提交时间\n{when}\n申请人类型\n{who}\n当前状态\n{state}\n办理结果\n{result}\n办结时间\n{done}"
    for num, when, who, state, result, done in (
        ("0101", "2025-03-02 10:11", "个人", "已办结", "予以公开", "2025-03-20"),
        ("0107", "2025-04-09 15:40", "个人", "已办结", "部分公开", "2025-04-28"),
        ("0108", "2025-04-09 15:41", "个人", "已办结", "部分公开", "2025-04-28"),
        ("0115", "2025-06-12 09:05", "企业", "已办结", "告知不掌握", "2025-06-30"),
        ("0123", "2025-09-01 14:22", "个人", "已撤回", "—", "—"),
        ("0126", "2025-10-08 11:30", "个人", "已办结", "不予公开", "2025-10-20"),
        ("0130", "2025-12-30 16:00", "个人", "办理中", "—", "—"),
    ))


def _pasted(say):
    say("某县自然资源局 2025年")
    return say("依申请是从政务服务网后台复制的 一格一行\n" + _RECORDS + "\n共 7 条记录")


def test_records_a_field_a_line_are_a_register(db):
    service, draft, say = new_chat(db)
    _pasted(say)
    cells = service.facts(draft).cells
    assert cells["t3.granted.natural"] == 1 and cells["t3.partial.natural"] == 2
    assert cells["t3.unable.not_held.commercial"] == 1 and cells["t3.carried_forward.natural"] == 1
    assert cells["t3.other_handling.other.natural"] == 1  # (0123 已撤回, no 答复类型: how it ended is its status)
    # (0126 "不予公开" says no reason: none of the register's zeros is recorded while it waits, and it came in)
    assert cells.get("t3.withheld.third_party.natural") is None and cells["t3.new_received.natural"] == 6


def test_two_rows_that_are_one_application_and_a_withdrawn_one_put_by_the_clerk(db):
    service, draft, say = new_chat(db)
    _pasted(say)
    say("0107和0108是同一个人点了两次 算一件就行")
    cells = service.facts(draft).cells
    assert cells["t3.partial.natural"] == 1 and cells["t3.new_received.natural"] == 5
    say("0126那件人家要的是邻居的材料 这个咋填？法制科说按第三方的不予公开算，那就这么放")
    cells = service.facts(draft).cells
    assert cells["t3.withheld.third_party.natural"] == 1 and cells["t3.new_received.natural"] == 5  # (0126 came in all along)


def test_a_row_whose_result_the_system_never_changed(db):
    service, draft, say = new_chat(db)
    _pasted(say)
    say("0115那条系统写的告知不掌握，后来找到文件补充答复了，按公开算")
    cells = service.facts(draft).cells
    assert cells["t3.granted.commercial"] == 1 and cells["t3.unable.not_held.commercial"] == 0


_TABBED = ("受理编号\t提交时间\t申请人类型\t申请人\t办理状态\t答复类型\t答复日期\n"
           "GK20250213002\t2025-02-13\t自然人\t钱**\t已办结\t公开\t2025-02-27\n"
           "GK20250302001\t2025-03-02\t自然人\t内部测试\t已办结\t公开\t2025-03-02\n"
           "GK20250618003\t2025-06-18\t自然人\t孙**\t已办结\t非政府信息\t2025-07-01\n"
           "GK20251222001\t2025-12-22\t自然人\t李**\t办理中\t\t\n")


def test_rows_named_by_the_day_in_their_number_and_by_a_masked_surname(db):
    service, draft, say = new_chat(db)
    say("某镇人民政府 2025年")
    say("系统导出的：\n" + _TABBED)
    say("0302那条是测试录的 不是真申请 别算进去。1222那个到现在还在办。")
    cells = service.facts(draft).cells
    assert cells["t3.granted.natural"] == 1 and cells["t3.new_received.natural"] == 3
    assert cells["t3.carried_forward.natural"] == 1  # ("1222那个": a row by its number, no count of 1222)
    say("孙那件放其他处理里的“3.其他”")
    assert service.facts(draft).cells["t3.other_handling.other.natural"] == 1


def test_a_summary_screen_then_one_taken_out_and_last_years_told_apart(db):
    service, draft, say = new_chat(db)
    say("某县文旅局 2025年")
    say("系统统计页：受理总数 12 已办结 11 办理中 1\n申请人类型 自然人 12\n答复类型 公开 6 部分公开 2 信息不存在 3")
    cells = service.facts(draft).cells
    assert cells["t3.new_received.total"] == 12 and cells["t3.granted.total"] == 6
    say("12里有1条是测试的时候录的，自然人，答复公开，要扣掉。去年结转的2件这个页面里没有，那2件都是自然人，"
        "今年一月都答复了，1件公开，1件信息不存在。")
    cells = service.facts(draft).cells
    assert cells["t3.new_received.total"] == 11 and cells["t3.new_received.natural"] == 11
    assert cells["t3.granted.total"] == 6  # (one taken out, one of last year's added)
    assert cells["t3.unable.not_held.total"] == 4 and cells["t3.carried_over.natural"] == 2
    assert cells.get("t3.carried_forward.natural") != 0  # ("都答复了" is of last year's two)


def test_one_more_after_a_register_moves_the_grand_total_once(db):
    service, draft, say = new_chat(db)
    _pasted(say)
    say("0107和0108是同一个人点了两次 算一件就行")
    before = service.facts(draft).cells.get("t3.total.natural")
    say("又收了一件 个人申请的 后来撤回了 算其他处理里的其他")
    cells = service.facts(draft).cells
    if before is not None:  # ("又收了一件": one more result, and the （七）总计 with it — once, not its whole again)
        assert cells["t3.total.natural"] == before + 1
    assert cells["t3.other_handling.other.natural"] == 2


def test_a_register_row_sent_twice_or_entered_to_try_the_system_is_asked_about(db):
    service, draft, say = new_chat(db)
    say("某县卫健局 2025年")
    reply = say("系统导出的：\n受理编号\t提交时间\t申请人类型\t申请人\t办理状态\t答复类型\t答复日期\n"
                "GK20250213002\t2025-02-13 09:10\t自然人\t钱某\t已办结\t公开\t2025-02-27\n"
                "GK20250213003\t2025-02-13 09:11\t自然人\t钱某\t已办结\t公开\t2025-02-27\n"
                "GK20250302001\t2025-03-02 10:00\t自然人\t测试\t已办结\t公开\t2025-03-02\n"
                "GK20250618003\t2025-06-18 15:20\t自然人\t孙某\t已办结\t公开\t2025-07-01\n")
    text = reply.text if hasattr(reply, "text") else str(reply)
    assert "是同一件" in text and "不算" in text
    say("3002和3003是同一件。2001不算")  # (as the notes name them: the end of each number)
    assert service.facts(draft).cells["t3.granted.natural"] == 2


def test_two_rows_settled_in_one_message_and_where_a_withdrawn_one_goes():
    from assistant.reading import guide_answer

    assert "（六）其他处理" in (guide_answer("撤回那个放哪？") or "")
    from assistant.dialogue._ledger import ledger_correction, pasted_ledger

    register = "系统导出的：\n" + _TABBED.replace("GK20250302001\t2025-03-02\t自然人\t内部测试", "GK20250302001\t2025-03-02\t自然人\t钱**")
    counted = pasted_ledger(register, 2025)
    assert counted is not None
    moved = {op.field: op.value for op in ledger_correction("0213002和0302001是同一个人点了两次，1222是管理员录的测试 不算",
                                                            register, 2025, counted.counts) or []}
    assert moved["t3.new_received.natural"] == counted.counts["t3.new_received.natural"] - 2


def test_a_person_named_for_the_first_time_is_one_more(db):
    service, draft, say = new_chat(db)
    say("某县卫健局 2025年")
    say("今年新收4件 都是个人的：公开2件 不掌握1件 撤回1件（放其他处理的其他）")
    say("赵强那个12月26号才收到的 个人 现在还在办 算结转吧")
    cells = service.facts(draft).cells
    assert cells["t3.new_received.natural"] == 5 and cells["t3.carried_forward.natural"] == 1
