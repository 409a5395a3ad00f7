"""How the replies name many cells: rows with the same columns told once, groups' sub-rows by number."""

from __future__ import annotations

from assistant.dialogue._planner import describe_fields
from schemas.layout import T3_ROWS


def test_many_rows_with_the_same_columns_are_one_phrase():
    orgs = ("commercial", "research", "public_interest", "legal_service", "other")
    cells = [f"{r.address}.{c}" for r in T3_ROWS if r.address not in ("t3.new_received", "t3.carried_over") for c in orgs]
    said = describe_fields(cells)
    assert len(said) == 1 and said[0].endswith("的法人或其他组织五列")
    assert "（三）不予公开各项" in said[0] and "共23行" in said[0]


def test_some_sub_rows_of_a_group_by_their_numbers():
    rows = [r for r in T3_ROWS if r.group == "not_processed"][1:] + [r for r in T3_ROWS if r.group == "unable"][1:]
    said = describe_fields([f"{r.address}.natural" for r in rows])
    assert said == ["表三的（四）无法提供2、3、（五）不予处理2–5共6行的自然人"]


def test_one_or_two_rows_keep_their_full_labels():
    said = describe_fields(["t3.granted.natural", "t3.granted.total"])
    assert said == ["表三「（一）予以公开」行的自然人、总计"]


def test_a_number_recorded_by_the_same_message_is_not_also_named_back(db):
    from tests.dialogue_support import offline_service, talk

    service = offline_service(db())
    draft = service.start("张三").id
    replies = talk(service, draft, ["某县水利局 2025年年报", "依申请5件，都是个人的",
                                    "不对 个人是六件 漏了一件年底来的 还没办完 放明年"])
    assert service.facts(draft).cells["t3.new_received.natural"] == 6
    assert "没能确定" not in replies[-1].text


def test_the_clerk_can_ask_whether_the_tables_add_up(db):
    from tests.dialogue_support import offline_service, talk

    service = offline_service(db())
    draft = service.start("张三").id
    replies = talk(service, draft, ["某县水利局 2025年年报", "依申请4件，都是个人的，上年没结转，予以公开3件，不掌握1件",
                                    "数字能对上吗？"])
    assert "都对得上" in replies[-1].text
    # a total said that its rows do not make: named in the check, not "都对得上"
    replies = talk(service, draft, ["结转下年度改成1件", "校验一下"])
    assert "对不上" in replies[-1].text and "都对得上" not in replies[-1].text


def test_nothing_missing_is_not_all_done_while_a_sum_is_broken():
    from assistant.dialogue._outcome import question_lines
    from assistant.dialogue._planner import Plan

    done = Plan((), (), (), ())
    assert "全部齐全" in question_lines(done)[0]
    broken = Plan((), (), (), (), clashes=("表三「（七）总计」行的总计应等于六类申请人之和，现在一边是5，另一边是4。",))
    said = "\n".join(question_lines(broken))
    assert "全部齐全" not in said and "对不上" in said and "现在一边是5" in said


def test_a_figure_corrected_by_a_difference_moves_the_recorded_value(db):
    from tests.dialogue_support import offline_service, talk

    service = offline_service(db())
    draft = service.start("张三").id
    replies = talk(service, draft, ["某县林业局 2025年年报", "行政许可是八十件，政务网站发了150条",
                                    "许可还要加上5件，年底补录的", "网站那边漏统计了12条"])
    facts = service.facts(draft)
    assert facts.cells["t2.licensing.decisions"] == 85 and facts.website_items == 162
    assert "85" in replies[2].text and "80" in replies[2].text  # the new value and the old one shown
    # a difference to nothing recorded is named back, never recorded as the figure
    replies = talk(service, draft, ["公众号多算了3条"])
    assert service.facts(draft).new_media_posts is None and "公众号多算了3条" in replies[-1].text
