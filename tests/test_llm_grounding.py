"""The grounding check of patches: quotes verbatim, numbers in their quotes, free text verbatim."""

from __future__ import annotations

from decimal import Decimal

import pytest

from assistant.drafting import apply_patch, check_patch, expand_field, expand_ops
from schemas.facts import Facts
from schemas.patches import Patch, PatchOp
from tests.fakellm import fake_llm  # noqa: F401 - the fixture


def check(message: str, *ops: tuple) -> tuple[list[PatchOp], list[str]]:
    patch = Patch(ops=[PatchOp(field=f, value=v, quote=q) for f, v, q in ops])
    r = check_patch(patch, message)
    return r.accepted, r.messages


@pytest.mark.parametrize("message,quote,value,expected", [
    ("网站公开政务信息148条", "网站公开政务信息148条", 148, 148),
    ("网站公开政务信息１４８条", "网站公开政务信息１４８条", "148", 148),  # full-width digits
    ("网站公开政务信息一百四十八条", "网站公开政务信息一百四十八条", 148, 148),  # Chinese numerals
    ("网站访问总量322,692次", "网站访问总量322,692次", 322692, 322692),  # separators
    ("网站访问总量32.3万次", "网站访问总量32.3万次", 323000, 323000),  # 万
    ("网站公开政务信息 148 条", "网站公开政务信息148条", 148, 148),  # spacing differs
    ("办结两千零三件", "办结两千零三件", "两千零三", 2003),
])
def test_numbers_are_found_after_normalising(message, quote, value, expected):
    field = "t3.total.total" if "办结" in message else (
        "website_visits" if "访问" in message else "website_items")
    accepted, reasons = check(message, (field, value, quote))
    assert reasons == []
    assert accepted[0].value == expected


def test_a_number_not_in_the_quote_is_rejected_with_a_reason():
    accepted, reasons = check("网站公开政务信息148条", ("website_items", 150, "网站公开政务信息148条"))
    assert accepted == []
    assert reasons == ["“门户网站主动公开政务信息”的数字150在您的原话“网站公开政务信息148条”中找不到，未采用。"]


def test_a_quote_that_is_not_in_the_message_is_rejected():
    _, reasons = check("网站公开政务信息148条", ("website_items", 148, "门户网站共发布信息148条"))
    assert "不在您这条消息中" in reasons[0]


def test_a_partial_number_does_not_count():
    _, reasons = check("公开信息1148条", ("website_items", 148, "公开信息1148条"))
    assert reasons and "148" in reasons[0]


def test_approximate_numbers_are_not_taken_for_exact_ones():
    _, reasons = check("网站公开信息约150条", ("website_items", 150, "网站公开信息约150条"))
    assert "约数" in reasons[0]


def test_money_in_yuan_is_not_taken_for_wan_yuan():
    msg = "行政事业性收费2500元"
    accepted, reasons = check(msg, ("t2.fees.amount", 2500, msg))
    assert reasons and accepted == []
    accepted, reasons = check(msg, ("t2.fees.amount", "0.25", msg))
    assert reasons == [] and Decimal(accepted[0].value) == Decimal("0.25")


def test_zero_said_in_words_is_grounded():
    accepted, reasons = check("今年没有收到申请", ("t3.new_received", 0, "今年没有收到申请"))
    assert reasons == []
    facts = apply_patch(Facts(), accepted)
    assert {a: facts.cells[a] for a in expand_field("t3.new_received")} == {
        f"t3.new_received.{c}": 0 for c in
        ("natural", "commercial", "research", "public_interest", "legal_service", "other", "total")}
    assert facts.quotes["t3.new_received.natural"] == "今年没有收到申请"


def test_group_ops_expand_to_one_op_per_cell():
    accepted, _ = check("表四全部为0", ("t4", 0, "表四全部为0"))
    ops = expand_ops(accepted)
    assert len(ops) == 15 and {op.field for op in ops} == set(expand_field("t4"))
    assert all(op.value == 0 and op.quote == "表四全部为0" for op in ops)


def test_a_whole_table_or_row_can_only_be_set_to_zero():
    _, reasons = check("表三全部为5", ("t3", 5, "表三全部为5"))
    assert "只能统一填写0" in reasons[0]


def test_unknown_fields_and_wrong_types_are_rejected():
    _, reasons = check("网站公开政务信息148条", ("website_itemz", 148, "网站公开政务信息148条"),
                       ("website_items", "很多", "网站公开政务信息148条"),
                       ("website_items", -148, "网站公开政务信息148条"))
    assert "无法识别" in reasons[0]
    assert "非负整数" in reasons[1] and "非负整数" in reasons[2]


def test_free_text_is_kept_verbatim_or_rejected():
    msg = "创新情况：开通了政策咨询热线，业务科室负责人轮流值守。"
    text = "开通了政策咨询热线，业务科室负责人轮流值守。"
    accepted, reasons = check(msg, ("innovation", text, text))
    assert reasons == [] and accepted[0].value == text
    _, reasons = check(msg, ("innovation", "开通政策咨询热线并安排专人值守", text))
    assert "原话" in reasons[0]


def test_booleans_need_a_negation_for_no():
    accepted, reasons = check("本年度没有收取信息处理费", ("fee_charged", "否", "没有收取信息处理费"))
    assert reasons == [] and accepted[0].value is False
    _, reasons = check("本年度收取了信息处理费", ("fee_charged", False, "收取了信息处理费"))
    assert "否定" in reasons[0]


def test_conflicting_values_in_one_message_are_questioned():
    msg = "网站公开政务信息148条，后来又补发了，网站公开政务信息150条"
    accepted, reasons = check(msg, ("website_items", 148, "网站公开政务信息148条"),
                              ("website_items", 150, "网站公开政务信息150条"))
    # neither is taken (the reply says so, and a value it says it did not take must not be recorded)
    assert accepted == [] and "两个不同的取值" in reasons[0]


def test_pending_marks_a_field_without_a_value():
    patch = Patch(ops=[PatchOp(field="website_visits", value=None, quote="不清楚", op="pending")])
    r = check_patch(patch, "这个不清楚")
    facts = apply_patch(Facts(), r.accepted)
    assert facts.is_pending("website_visits") and facts.website_visits is None
    facts = apply_patch(facts, check_patch(Patch(ops=[PatchOp(field="website_visits", value=5, quote="5次")]),
                                           "访问量5次").accepted)
    assert not facts.is_pending("website_visits") and facts.website_visits == 5


def test_apply_patch_never_changes_its_input():
    before = Facts(website_items=1)
    accepted, _ = check("网站公开政务信息148条", ("website_items", 148, "网站公开政务信息148条"))
    after = apply_patch(before, accepted)
    assert before.website_items == 1 and after.website_items == 148


def test_a_facts_number_given_another_meaning_is_flagged_like_an_invented_one():
    """148 is the number of website items: "召开新闻发布会148场" presents it as something it is not."""
    from assistant.drafting import check_numbers
    from schemas.facts import Facts

    facts = Facts(report_year=2024, website_items=148, press_conferences=3, policy_interpretations=23,
                  cells={"t3.new_received.total": 5})
    assert [(v.text, v.meant) for v in check_numbers("召开新闻发布会148场。", facts)] == [
        ("148场", ("门户网站主动公开政务信息", "条"))]
    assert [v.text for v in check_numbers("网站访问148次。", facts)] == ["148次"]
    # the same meaning in other words, and the measure words a fact may take, pass
    ok = "门户网站主动公开政务信息148条，召开新闻发布会3场次，发布政策解读23条，收到申请5件，新收申请5个。"
    assert check_numbers(ok, facts) == []


def test_the_repair_prompt_never_offers_another_facts_number(fake_llm, tmp_path):
    from assistant.config import Settings
    from assistant.drafting import draft_part
    from assistant.models import make_model
    from schemas.facts import Facts
    from tests.fakellm import reply_text

    facts = Facts(report_year=2024, website_items=148, press_conferences=3)
    fake_llm.push(reply_text("本局通过门户网站主动公开政务信息148条，召开新闻发布会148场。"),
                  reply_text("本局通过门户网站主动公开政务信息148条。"))
    model = make_model(Settings(_env_file=None, llm_base_url=fake_llm.base_url, llm_model="m", llm_profile="vllm",
                                database_url=f"sqlite:///{tmp_path / 'c.sqlite3'}"))
    part = draft_part("p1.active", facts, model)
    assert part.repaired and part.text == "本局通过门户网站主动公开政务信息148条。" and not part.flags
    repair = fake_llm.requests[1].all_text
    assert "“148场”" in repair and "门户网站主动公开政务信息" in repair and "不能用它" in repair
    assert "改用事实中给出的准确数字" not in repair and "不得换用事实中其他事项的数字" in repair


def test_a_first_draft_speaks_in_the_third_person(fake_llm, tmp_path):
    from assistant.config import Settings
    from assistant.drafting import draft_part
    from assistant.models import make_model
    from schemas.facts import Facts
    from tests.fakellm import reply_text

    fake_llm.push(reply_text("我局通过门户网站主动公开政务信息148条，我们将继续做好公开工作。"))
    model = make_model(Settings(_env_file=None, llm_base_url=fake_llm.base_url, llm_model="m", llm_profile="vllm",
                                database_url=f"sqlite:///{tmp_path / 'c.sqlite3'}"))
    text = draft_part("p1.active", Facts(report_year=2024, website_items=148), model).text
    assert text == "本局通过门户网站主动公开政务信息148条，本机关将继续做好公开工作。"


def test_a_placeholder_copied_from_the_example_is_flagged():
    from assistant.drafting.numbercheck import style_problems

    problems = style_problems("本局通过门户网站主动公开政务信息××条。", Facts())
    assert problems and "占位符" in problems[0][2]
