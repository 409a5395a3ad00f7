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


def test_numbers_asked_about_are_not_facts_yet():
    r = read_message("今年有两个老兵打12345 还有一个到窗口来问 这个算不算依申请？正式提交的申请是一件都没有")
    assert {op.field: op.value for op in r.ops} == {"t3.new_received": 0} and r.questions
    r = read_message("今年收到依申请公开的申请38件，另外信访转过来的还有20多件，这个信访件算不算申请？")
    assert {op.field: op.value for op in r.ops}["t3.new_received.total"] == "38"


def test_a_column_told_on_its_own():
    v = _values("科研机构就一件 新收1 予以公开1 其他那列 新收2件 一件公开 一件不掌握 社会公益组织全是0")
    assert v["t3.new_received.research"] == "1" and v["t3.granted.research"] == "1"
    assert v["t3.new_received.other"] == "2" and v["t3.granted.other"] == "1" and v["t3.unable.not_held.other"] == "1"
    assert v["t3.carried_forward.public_interest"] == 0 and v["t3.granted.public_interest"] == 0


def test_table_four_in_words_with_single_chinese_digits():
    v = _values("复议十四件 维持九 纠正二 其他一 剩下两件还没结 行政诉讼 直接起诉的六个 四个维持 一个原告撤诉 一个还在审 "
                "复议后又告的三个 两个维持了 一个没判")
    assert (v["t4.review.upheld"], v["t4.review.corrected"], v["t4.review.other"], v["t4.review.pending"]) == \
        ("9", "2", "1", "2")
    assert v["t4.litigation_after_review.total"] == "3" and v["t4.litigation_after_review.pending"] == "1"


# ---- tables in the shapes clerks paste ---------------------------------------------------------
def _sheet() -> str:
    from schemas.layout import T3_ROWS

    values = {"t3.new_received": (71, 9, 0, 1, 5, 0), "t3.carried_over": (4, 1, 0, 0, 0, 0),
              "t3.granted": (30, 4, 0, 1, 1, 0), "t3.total": (75, 10, 0, 1, 6, 0)}
    lines = ["\t\t\t自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他"]
    for r in T3_ROWS:
        cells = ["" if v == 0 else str(v) for v in values.get(r.address, (0,) * 6)]
        group = r.group_label or ""
        lines.append("\t".join([group, r.label, "", *cells]))
    return "\n".join(lines)


def test_a_sheet_with_blank_cells_is_read_by_its_headers_columns():
    from assistant.reading import parse_pasted_tables

    for text in (_sheet(), _sheet().strip()):  # the chat trims the message's leading tabs
        ops = {op.field: op.value for op in parse_pasted_tables(text)[0]}
        assert ops["t3.new_received.natural"] == 71 and ops["t3.new_received.research"] == 0
        assert ops["t3.new_received.legal_service"] == 5 and ops["t3.granted.public_interest"] == 1
        assert ops["t3.withheld.state_secret.natural"] == 0 and len(ops) == 150


def test_a_column_pasted_one_number_per_line():
    from assistant.reading import parse_pasted_tables
    from schemas.layout import T3_ROWS

    text = "自然人：\n" + "\n".join(str(i) for i in range(len(T3_ROWS)))
    ops = {op.field: op.value for op in parse_pasted_tables(text)[0]}
    assert ops == {f"{r.address}.natural": i for i, r in enumerate(T3_ROWS)}


def test_table_four_as_one_run_of_fifteen_numbers_after_words():
    from assistant.reading import parse_pasted_tables

    ops = {op.field: op.value for op in parse_pasted_tables(
        "表四 按格式从左到右 复议五个 直接起诉五个 复议后起诉五个：15 3 2 3 23 6 1 0 2 9 3 0 0 1 4")[0]}
    assert ops["t4.review.total"] == 23 and ops["t4.litigation_direct.pending"] == 2
    assert ops["t4.litigation_after_review.total"] == 4


def test_a_clerks_labels_joined_group_and_row():
    from assistant.reading import parse_pasted_tables

    text = ("| 项目 | 总计 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 |\n"
            "| 不予公开-第三方合法权益 | 8 | 5 | 2 | 0 | 0 | 1 | 0 |\n"
            "| 其他处理-申请人撤回 | 3 | 2 | 0 | 0 | 0 | 0 | 1 |\n"
            "| 无法提供-不掌握 | 29 | 21 | 3 | 1 | 1 | 2 | 1 |\n"
            "| 办理结果总计 | 40 | 28 | 5 | 1 | 1 | 3 | 2 |")
    ops = {op.field: op.value for op in parse_pasted_tables(text)[0]}
    assert ops["t3.withheld.third_party.total"] == 8 and ops["t3.other_handling.other.other"] == 1
    assert ops["t3.unable.not_held.natural"] == 21 and ops["t3.total.total"] == 40


def test_dashes_the_clerk_says_are_none():
    text = "| 信息内容 | 本年处理决定数量 |\n|---|---|\n| 行政许可 | — |\n| 行政处罚 | 3 |\n\n横杠的都是没有 就是0"
    r = read_message(text)
    assert {op.field: op.value for op in r.ops} == {"t2.licensing.decisions": 0, "t2.penalty.decisions": 3}
    assert r.noted and not r.unexplained


def test_applications_told_one_per_line():
    message = ("依申请今年收了4件 我一个个说\n"
               "1、一个村民要他们家征地补偿安置协议 给他公开了\n"
               "2、一家做民宿的公司 要某个地块的规划条件 这个我们不掌握\n"
               "3、个人 要邻居家建房审批材料 征求了邻居意见 邻居不同意 不予公开\n"
               "4、12月28号收到的 个人的 还没答复 放明年")
    r = read_message(message)
    v = {op.field: op.value for op in r.ops}
    assert v["t3.granted.natural"] == "1" and v["t3.unable.not_held.commercial"] == "1"
    assert v["t3.withheld.third_party.natural"] == "1" and v["t3.carried_forward.natural"] == "1"
    assert v["t3.new_received.natural"] == "3" and v["t3.new_received.commercial"] == "1" and not r.unexplained
    checked = check_patch(Patch(ops=r.ops), message)
    assert not checked.rejected, checked.rejected


def test_one_application_of_a_person_is_not_a_repetition():
    # "1件个人" is one application of a person, not "一个个" (one by one)
    v = _values("办理结果 过程性信息不公开1件个人，还有1件个人的结转到明年了")
    assert v["t3.withheld.process_info.natural"] == "1" and v["t3.carried_forward.natural"] == "1"


def test_results_told_applicant_by_applicant():
    earlier = {"t3.new_received.natural": 52, "t3.new_received.commercial": 6, "t3.carried_over.natural": 3}
    r = read_message("个人的（连去年转过来那3件一起算）：公开18 部分公开6 不与公开6件（涉及第三方3 过程性信息2 执法案卷1） "
                     "还剩2件没办完", earlier=earlier)
    v = {op.field: op.value for op in r.ops}
    assert v["t3.granted.natural"] == "18" and v["t3.withheld.third_party.natural"] == "3"
    assert v["t3.carried_forward.natural"] == "2" and "t3.granted.total" not in v and not r.unexplained
    v = _values("企业那6件：公开3 部分公开1 不掌握1", earlier=earlier)
    assert v == {"t3.granted.commercial": "3", "t3.partial.commercial": "1", "t3.unable.not_held.commercial": "1"}
    # a row's own breakdown is not an applicant said again
    v = _values("结果：予以公开4件（个人3、村委会1）", earlier={"t3.new_received.natural": 3})
    assert v["t3.granted.natural"] == "3" and v["t3.granted.total"] == "4"


def test_the_six_applicants_written_with_slashes():
    v = _values("新收 8/3/1/0/0/0\n上年结转 1/0/0/0/0/0\n予以公开 4/1/1/0/0/0\n部分公开 1/0/0/0/0/0")
    assert (v["t3.new_received.natural"], v["t3.new_received.commercial"], v["t3.new_received.research"]) == (8, 3, 1)
    assert v["t3.granted.natural"] == 4 and v["t3.granted.other"] == 0


# ---- what a township clerk trying the chat ran into (helper play-test, session 5) -------------------
def test_each_application_told_in_prose_with_its_result():
    v = _values("今年收了2件 一件是村民申请的 给他公开了 另一件是个公司申请 要的东西我们镇没有 属于不掌握 去年没结转的")
    assert v["t3.granted.natural"] == "1" and v["t3.unable.not_held.commercial"] == "1"
    assert v["t3.new_received.natural"] == "1" and v["t3.new_received.commercial"] == "1"
    # "给他公开了" is not every application's result when another result is named
    assert "t3.granted.total" in v and v["t3.granted.total"] == "1"


def test_that_one_application_and_its_result():
    r = read_message("村民那件是予以公开 公司那件是本机关不掌握")
    v = {op.field: op.value for op in r.ops}
    assert v == {"t3.granted.natural": "1", "t3.unable.not_held.commercial": "1"}
    assert not check_patch(Patch(ops=r.ops), "村民那件是予以公开 公司那件是本机关不掌握").rejected


def test_all_but_one_applicant():
    v = _values("结果 公开了7件 不掌握的3件 律所那件就是不掌握 除了律所那件 其余都是个人的")
    assert v["t3.unable.not_held.natural"] == "2" and v["t3.unable.not_held.legal_service"] == "1"
    assert v["t3.granted.natural"] == "7"


def test_voice_lists_and_years_and_passages():
    v = _values("规范性文件没有 行政处罚十三件 许可 强制都没有 也没收费")
    assert v["t2.licensing"] == 0 and v["t2.enforcement"] == 0 and v["t2.penalty.decisions"] == "13"
    assert _values("清河县石桥镇人民政府 乡镇 报2025年的")["report_year"] == "2025"
    v = _values("存在问题 一是专栏更新不及时 有的栏目很久没更新 二是工作人员都是兼职的 改进措施 明年安排专人负责")
    assert "兼职" in str(v["problems"]) and "website_items" not in v
    v = _values("问题 人少 都是兼职 信息处理费没收")
    assert v["problems"] == "人少 都是兼职" and v["fee_charged"] is False


def test_typing_the_table_out_is_answered():
    from assistant.reading import guide_answer

    assert "可以直接打字说" in (guide_answer("表三我手上没有excel 就两件申请 直接打字说可以吗") or "")


def test_slashes_of_numbers_are_not_a_note_on_dashes():
    r = read_message("新收 8/3/1/0/0/0\n上年结转 1/0/0/0/0/0\n予以公开 4/1/1/0/0/0\n部分公开 1/0/0/0/0/0")
    assert not r.noted
    assert read_message("| 信息内容 | 本年处理决定数量 |\n|---|---|\n| 行政许可 | — |\n| 行政处罚 | 3 |\n—表示0").noted


def test_other_in_a_list_of_applicants_is_the_column_and_its_bracket_explains_it():
    r = read_message("新收９４件：自然人７１、商业企业１５、科研机构１（某大学交通学院）、法律服务机构５、其他２（两个事业单位）")
    v = {op.field: op.value for op in r.ops}
    assert str(v["t3.new_received.other"]) == "2" and str(v["t3.new_received.legal_service"]) == "5"
    assert not r.unexplained  # "两个事业单位" restates the 2 just given
    # 其他 alone, not after an applicant, stays what it was
    assert "t3.new_received.other" not in _values("新收3件，其他2件是个人的")


def test_bare_partial_in_a_list_of_results():
    v = _values("【商业企业】予以公开6 部分3 不掌握4")
    assert str(v["t3.partial.commercial"]) == "3" and str(v["t3.granted.commercial"]) == "6"
    # 部分 in a sentence of problems is not a result
    assert not any(k.startswith("t3.") for k in _values("问题：一是部分司局答复不准；二是解读不够"))


def test_other_kinds_none_after_a_row_of_applicants_is_the_columns_not_named():
    v = _values("依申请公开今年新收 个人的４８件 企业６件 律师事务所２件 其他类型的没有")
    assert {k: v[k] for k in v if k.startswith("t3.new_received.") and v[k] == 0} == {
        "t3.new_received.research": 0, "t3.new_received.public_interest": 0, "t3.new_received.other": 0}
    # "剩下的都是0" after a result told in words is not this: it stays a blanket for the table
    r = read_message("还有1件个人的结转到明年了 剩下的都是0")
    assert not any(op.field.startswith("t3.carried_forward.") and op.value == 0 for op in r.ops)


def test_a_count_waits_over_clauses_for_carried_forward():
    v = _values("个人的：公开１９ 部分公开４ 还有２件是年底收的 没到期 结转到明年")
    assert str(v["t3.carried_forward.natural"]) == "2"


def test_what_an_applicant_asked_for_is_not_a_count_of_the_report():
    r = read_message("企业的６件 公开３件 还有１件是要我们的行政处罚案卷 按行政执法案卷不予公开了",
                     earlier={"t3.new_received.commercial": 6})
    v = {op.field: op.value for op in r.ops}
    assert "t2.penalty.decisions" not in v and str(v["t3.withheld.enforcement_file.commercial"]) == "1"


def test_an_applicant_named_with_that_then_its_rows():
    v = _values("等一下 个人那个重复申请和大量反复搞反了 重复申请是２ 大量反复的是３")
    assert str(v["t3.not_processed.repeated.natural"]) == "2" and str(v["t3.not_processed.excessive.natural"]) == "3"


def test_this_years_and_last_years_added_up_is_checked_not_unexplained():
    r = read_message("个人的那些 加上去年结转的３件 一共５１件 结果是这样 公开１９",
                     earlier={"t3.new_received.natural": 48, "t3.carried_over.natural": 3})
    assert "一共５１件" in r.checked and not any("51" in u or "５１" in u for u in r.unexplained)


def test_carried_over_said_as_turned_over_from_last_year():
    v = _values("今年新收63件 个人52 企业6 律所4 还有1件是村委会申请的 去年转过来3件都是个人")
    assert str(v["t3.carried_over.natural"]) == "3" and str(v["t3.new_received.natural"]) == "52"


@pytest.mark.parametrize("message", ["公众号发了五百四十条左右 具体的我回头查", "网站大概发了300条", "网站访问量三千多次吧"])
def test_a_number_said_as_a_guess_is_asked_for_again_not_recorded(message):
    r = read_message(message)
    assert not r.ops and r.rough == [message.split(" ")[0]]


def test_a_guess_followed_by_the_exact_figure_takes_the_exact_one():
    v = _values("行政许可决定全年大概1.86万件，准确数是18,642件")
    assert str(v["t2.licensing.decisions"]) == "18642"


def test_should_be_in_the_next_clause_corrects_the_item_just_said():
    r = read_message("刚才说的现行有效六个 应该是七个 今年新发的那个忘加了", earlier={"t2.normative_docs.in_force": 6})
    assert {op.field: str(op.value) for op in r.ops} == {"t2.normative_docs.in_force": "7"} and not r.unexplained


def test_an_applicant_count_corrected_and_what_was_left_out():
    r = read_message("不对不对 个人是八件 漏了一件十二月三十号来的 那件还没答复 转到明年",
                     earlier={"t3.new_received.natural": 7})
    v = {op.field: str(op.value) for op in r.ops}
    assert v == {"t3.new_received.natural": "8", "t3.carried_forward.natural": "1"}


def test_one_applicant_then_its_count_is_one_count():
    r = read_message("今年个人申请的七件 还有一个慈善基金会申请了一件 上年没有结转")
    v = {op.field: str(op.value) for op in r.ops}
    assert v["t3.new_received.public_interest"] == "1" and not r.unexplained


def test_results_told_as_how_they_were_handled():
    r = read_message("办理情况 基金会那件公开了 个人的 公开了四件 有两件我们不掌握 还有一个人要的是统计年鉴 那个是公开出版的",
                     earlier={"t3.new_received.natural": 8, "t3.new_received.public_interest": 1})
    v = {op.field: str(op.value) for op in r.ops}
    assert v["t3.not_processed.publication.natural"] == "1" and v["t3.unable.not_held.natural"] == "2"


def test_report_year_said_as_doing_that_years():
    assert str(_values("宜昌市生态环境局 年报又来了 今年报2024的 我们是市直部门")["report_year"]) == "2024"


def test_none_more_none_fewer_is_not_a_count():
    r = read_message("今年的上年结转就是去年结转下年的那几件 一个没多一个没少")
    assert not any(op.field.startswith("t3.") and str(op.value) == "1" for op in r.ops)


def test_the_rest_are_one_applicant_after_some_were_named():
    r = read_message("今年新收25件 企业4件 环保组织2件（那种环保公益组织） 剩下的都是个人")
    v = {op.field: str(op.value) for op in r.ops}
    assert v["t3.new_received.natural"] == "19" and v["t3.new_received.public_interest"] == "2"
    assert not check_patch(Patch(ops=r.ops), "今年新收25件 企业4件 环保组织2件（那种环保公益组织） 剩下的都是个人").rejected


def test_bare_granted_takes_the_applicants_after_it():
    v = _values("结果：公开的11件 个人8 企业2 环保组织1")
    assert {k: str(x) for k, x in v.items()} == {"t3.granted.total": "11", "t3.granted.natural": "8",
                                               "t3.granted.commercial": "2", "t3.granted.public_interest": "1"}


def test_this_years_normative_documents_are_the_ones_issued():
    assert str(_values("规范性文件今年1件 没废止 现行有效9件")["t2.normative_docs.issued"]) == "1"


def test_a_name_asked_for_is_not_taken_from_the_middle_of_a_statement():
    r = read_message("结果：公开的3件 个人2 企业1 村委会那件不掌握 还有1件个人的是信访 转信访办了", topic="agency_name")
    assert not any(op.field == "agency_name" for op in r.ops)
    assert read_message("某镇人民政府，乡镇。", topic="agency_name").ops[-1].value == "某镇人民政府"


@pytest.mark.parametrize("message,problems,measures", [
    ("问题是更新不及时，措施是建台账", "更新不及时", "建台账"),
    ("存在的问题是人手少，改进措施是明年配专干", "人手少", "明年配专干"),
    ("问题主要是栏目更新慢 措施就是定期检查", "栏目更新慢", "定期检查"),
])
def test_problems_and_measures_in_one_breath(message, problems, measures):
    from assistant.reading import read_message

    ops = {o.field: o.value for o in read_message(message).ops}
    assert (ops.get("problems"), ops.get("measures")) == (problems, measures)


@pytest.mark.parametrize("who", ["群众个人申请的", "老百姓个人提出的", "个人群众申请"])
def test_two_words_for_one_applicant_are_one_column(who):
    """"都是群众个人申请的": 群众 and 个人 both name 自然人; together they are still one column."""
    v = _values(f"今年收到申请3件，都是{who}")
    assert v["t3.new_received.natural"] == "3" and v["t3.new_received.total"] == "3"


def test_two_applicant_columns_are_not_all_of_either():
    v = _values("收到申请5件，都是企业和个人申请的")
    assert "t3.new_received.natural" not in v and "t3.new_received.commercial" not in v


@pytest.mark.parametrize("message,measures,fact", [
    ("改进措施：明年每月更新一次，信息处理费没收", "明年每月更新一次", ("fee_charged", False)),
    ("措施是建立台账，另外今年人大建议承办了3件", "建立台账", ("npc_suggestions", "3")),
    ("改进措施：下一步加强培训，政协提案我们办了2件", "下一步加强培训", ("cppcc_proposals", "2")),
])
def test_a_labelled_passage_ends_at_a_fact_after_a_comma(message, measures, fact):
    """"改进措施：……，信息处理费没收" is two things: the fee clause is not part of the measures."""
    from assistant.reading import read_message

    ops = {o.field: o.value for o in read_message(message).ops}
    assert ops.get("measures") == measures and ops.get(fact[0]) == fact[1]


def test_a_comma_clause_that_describes_the_problem_stays_in_it():
    from assistant.reading import read_message

    ops = {o.field: o.value for o in read_message("问题：补贴信息公开不够细，有的只公开了总数没公开到户").ops}
    assert ops.get("problems") == "补贴信息公开不够细，有的只公开了总数没公开到户"
    assert not any(f.startswith("t3.") for f in ops)
    ops = {o.field: o.value for o in read_message("问题：政策解读形式较为单一，图解、视频解读仅3篇。").ops}
    assert ops.get("problems") == "政策解读形式较为单一，图解、视频解读仅3篇。" and "policy_interpretations" not in ops
