"""How clerks really type, read by the one reader: pinyin slips, voice input without punctuation,
answers told one application at a time, sums said after their parts, old values named before the
new one, and passages pasted from last year's report."""

from __future__ import annotations

import pytest

from assistant.drafting.grounding import check_patch
from assistant.numbers import find_numbers
from assistant.reading import read_message, vocabulary
from schemas.patches import Patch


def _values(message: str, **kw) -> dict[str, object]:
    out: dict[str, object] = {}
    for op in read_message(message, **kw).ops:
        out[op.field] = op.value
    return out


@pytest.mark.parametrize(("typed", "key"), [
    ("规张", "regulations"), ("规范新文件", "normative_docs"), ("处法", "penalty"), ("许克", "licensing"),
    ("复意", "review"), ("诉松", "litigation"), ("出板物", "not_processed.publication"), ("不与公开", "withheld"),
])
def test_a_word_typed_with_a_homophone_is_that_word(typed, key):
    assert key in {a.key for a in vocabulary().anchors(typed)}


def test_a_homophone_of_a_little_word_in_a_short_phrase_is_not_taken():
    # "以公开促落实" is a phrase, not 已公开
    assert not vocabulary().anchors("坚持以公开促落实")


def test_voice_input_item_then_none():
    v = _values("表二 规张 没有 规范新文件 也没有 行政许可 无 行政处罚 ７件 行政强制 无 事业性收费 无")
    assert v["t2.penalty.decisions"] == "7"
    assert v["t2.licensing"] == 0 and v["t2.enforcement"] == 0 and v["t2.fees.amount"] == 0
    assert v["t2.regulations"] == 0 and v["t2.normative_docs"] == 0


def test_a_space_before_a_word_that_opens_with_a_measure_word_ends_the_number():
    (n,) = [m for m in find_numbers("企业2 部分公开") if m.value == 2]
    assert n.unit == ""
    v = _values("办理结果 答复公开的一共19件 其中个人17 企业2 部分公开的3件都是个人")
    assert v["t3.granted.commercial"] == "2" and v["t3.partial.total"] == "3" and v["t3.partial.natural"] == "3"


def test_two_answers_that_are_one_row_add_up():
    message = "办理结果 告知不存在的6件 个人5 律所1 告知非本机关职责的4件都是个人"
    r = read_message(message)
    v = {op.field: op.value for op in r.ops}
    assert (v["t3.unable.not_held.total"], v["t3.unable.not_held.natural"], v["t3.unable.not_held.legal_service"]) \
        == ("10", "9", "1")
    checked = check_patch(Patch(ops=r.ops), message)
    assert not checked.rejected, checked.rejected


def test_applications_told_one_at_a_time_add_up():
    v = _values("今年收了3件 一件给他公开了 还有一件也公开了 另一件不掌握")
    assert v["t3.granted.total"] == "2" and v["t3.unable.not_held.total"] == "1"


def test_a_row_said_again_in_a_correction_is_not_added():
    v = _values("不对不对 还是4件 刚才是把部分公开那1件也算进去了 公开4件 部分公开1件 没错")
    assert v["t3.granted.total"] == "4" and v["t3.partial.total"] == "1"


def test_persons_who_applied_wait_for_their_result():
    v = _values("办理结果 另外有1个人同样的内容申请了两次 第二次按重复申请处理的 还有今年没办完的4件都是个人的")
    assert v["t3.not_processed.repeated.total"] == "1" and v["t3.not_processed.repeated.natural"] == "1"
    assert v["t3.carried_forward.total"] == "4" and "t3.total.total" not in v


def test_a_sum_after_its_parts_is_the_value():
    r = read_message("哦对了 那个处罚三十一是十一月底的数 十二月又办了四件 一共三十五")
    assert {op.field: op.value for op in r.ops} == {"t2.penalty.decisions": "35"}
    assert r.checked and not r.unexplained


def test_the_value_before_yinggaishi_is_the_old_one():
    r = read_message("刚才表里 不予处理 重复申请 自然人那个11是对的 企业那个1应该是0")
    v = {op.field: op.value for op in r.ops}
    assert v["t3.not_processed.repeated.commercial"] == "0" and r.replaced
    r = read_message("等下 处罚我再对一下台账……是９件 刚才说的７件是截止到十月份的")
    assert {op.field: op.value for op in r.ops} == {"t2.penalty.decisions": "9"} and r.replaced


def test_sentences_dated_another_year_are_not_this_years_figures():
    pasted = ("（一）主动公开情况。2023年，本街道在门户网站主动公开政府信息152条。\n"
              "（二）依申请公开情况。2023年，本机关共收到政府信息公开申请2件，均为自然人申请。")
    r = read_message(pasted, report_year=2024)
    assert not [op for op in r.ops if op.field != "report_year"] and len(r.other_year) == 2
    assert any(op.field == "website_items" for op in read_message(pasted, report_year=2023).ops)


def test_what_is_planned_after_the_problems_is_the_measures():
    v = _values("问题嘛 一是专栏有的栏目更新慢 二是社区公开栏内容不规范 明年建个信息发布台账 每月自查一次")
    assert "更新慢" in str(v["problems"]) and "明年" not in str(v["problems"])
    assert str(v["measures"]).startswith("明年建个")


def test_a_bare_none_after_a_question_is_said_of_what_was_asked():
    v = _values("表四是啥 复意诉讼那个？我们没有")
    assert v["t4.review"] == 0 and v["t4.litigation_direct"] == 0 and v["t4.litigation_after_review"] == 0


def test_a_none_in_passing_does_not_zero_a_number_already_given():
    v = _values("今年依申请公开一件都没收到 信箱电话网上都没有", known={"website_items"})
    assert "website_items" not in v
