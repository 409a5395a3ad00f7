"""The clerk's half-written draft and voice input (session 31): last year's lines marked as such under
them, placeholders (XX, ＿＿, 【待补】) in the prose and in the draft's tables, the clerk's word on a passage
("问题里二是那句删了", "待补那里写：…"), headings of the draft's parts, comparisons with last year, and
figures dictated an applicant at a time — in wording of our own."""

from __future__ import annotations

from tests.dialogue_support import new_chat, ops_read, reading_of

_reading = reading_of


_ops = ops_read


def test_a_passage_marked_as_last_years_under_it():
    r = _reading("（二）依申请公开情况。全年共收到申请5件，均为自然人提出，予以公开4件。\n"
                 "——上面这段还是去年的没改。今年一件申请也没收到，复议诉讼也没有")
    ops = {op.field: str(op.value) for op in r.ops}
    assert ops["t3.new_received"] == "0" and "t3.granted.total" not in ops and "t3.new_received.natural" not in ops
    assert any("收到申请5件" in x for x in r.other_year)


def test_a_line_on_one_topic_marked_as_last_years():
    r = _reading("（三）人大代表建议和政协提案办理情况。本单位承办区人大代表建议5件、区政协提案2件，均已办结。\n"
                 "六里面提案那句是去年的，今年人大建议3件，政协提案1件")
    ops = {op.field: str(op.value) for op in r.ops}
    assert ops["npc_suggestions"] == "3" and ops["cppcc_proposals"] == "1"


def test_a_table_of_the_draft_with_cells_left_to_fill():
    sheet = ("信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t0\t0\t0\n行政规范性文件\tXX\t2\t＿＿\n"
             "规范性文件制发4件，现行有效的31件")
    ops = _ops(sheet)
    assert ops["t2.normative_docs.repealed"] == "2" and ops["t2.normative_docs.issued"] == "4"
    assert ops["t2.normative_docs.in_force"] == "31" and ops["t2.regulations.in_force"] == "0"
    row = "\t自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t总计\n" \
          "一、本年新收政府信息公开申请数量\tXX\t3\t0\t0\t1\t0\tXX\n（一）予以公开\t7\t2\t0\t0\t0\t0\t9"
    ops = _ops(row)
    assert ops["t3.new_received.commercial"] == "3" and "t3.new_received.natural" not in ops
    assert "t3.new_received.total" not in ops and ops["t3.granted.total"] == "9"


def test_a_figure_refused_as_last_years_beside_the_pasted_table():
    sheet = ("信息内容\t本年处理决定数量\n行政处罚\t41\n行政强制\t0\n"
             "表是照去年的抄的，处罚41是去年的，今年执法大队报的是36件")
    r = _reading(sheet)
    ops = {op.field: str(op.value) for op in r.ops}
    assert ops["t2.penalty.decisions"] == "36" and ops["t2.enforcement.decisions"] == "0"


def test_the_clerks_word_on_the_passage_it_pasted():
    r = _reading("存在的主要问题：一是栏目更新慢；二是解读形式单一；三是人员流动大。\n问题里二是那句删了")
    texts = {op.field: op.value for op in r.ops}
    assert texts["problems"] == "一是栏目更新慢；三是人员流动大。"
    r = _reading("（三）政府信息管理情况。严格执行发布审核制度，【待补】，确保信息准确。\n待补那里写：每季度清理一次过期信息")
    texts = {op.field: op.value for op in r.ops}
    assert texts["management"] == "严格执行发布审核制度，每季度清理一次过期信息，确保信息准确。"
    r = _reading("（四）本机关政务公开工作创新情况。开通了政策问答专栏。本单位获评市级示范点。\n最后那句“获评示范点”去掉")
    assert {op.field: op.value for op in r.ops}["innovation"] == "开通了政策问答专栏。"


def test_the_clerks_word_is_kept_through_the_grounding(db):
    service, draft, say = new_chat(db)
    say("单位是某县水利局，2025年的")
    say("存在的主要问题：一是栏目更新慢；二是解读形式单一；三是人员流动大。\n问题里三是那句删了")
    assert service.facts(draft).problems == "一是栏目更新慢；二是解读形式单一。"


def test_part_fives_heading_over_its_paragraph():
    r = _reading("五、存在的主要问题及改进情况\n仍有不足：一是公开栏更新不及时；二是解读少。下一步，一是每月检查公开栏；二是多做图解。\n"
                 "六、其他需要报告的事项\n（一）收取信息处理费的情况。本年度未收取信息处理费。")
    ops = {op.field: op.value for op in r.ops}
    assert ops["problems"].startswith("仍有不足") and ops["measures"] == "一是每月检查公开栏；二是多做图解。"
    assert ops["fee_charged"] is False


def test_a_change_on_last_year_is_no_count():
    ops = _ops("全年收到申请XX件，较上年减少3件，其中自然人申请8件")
    assert "t3.new_received.total" not in ops and ops["t3.new_received.natural"] == "8"
    assert _ops("今年收到申请12件，同比增加2件")["t3.new_received.total"] == "12"


def test_the_year_of_the_report_written_over_is_not_this_ones():
    assert _ops("在弄2025年度的年报，底稿是拿2024年的报告改的")["report_year"] == "2025"


def test_one_of_a_count_told_after_it_is_no_second_count():
    ops = _ops("发布政策解读30篇，其中以图解形式解读8篇")
    assert ops["policy_interpretations"] == "30"
    ops = _ops("政协提案十二件 有一件提案还在办 办结率百分之九十")
    assert ops["cppcc_proposals"] == "12"


def test_voice_input_an_applicant_at_a_time(db):
    service, draft, say = new_chat(db)
    say("我是某县住建局的 2025年年报")
    say("依申请 我一列一列说 先说自然人 新收十二 上年节转一件 予以公开八件 本机关不掌握三件 转到明年两件")
    say("商业企业 新收四件 予以公开三件 部分公开一件 科研机构就一件 予以公开 然后法律服务机构")
    say("新收两件 本机关不掌握一件 逾期不补正一件 社会公益和其他那两列都没有")
    cells = service.facts(draft).cells
    assert cells["t3.new_received.natural"] == 12 and cells["t3.unable.not_held.natural"] == 3
    assert cells["t3.carried_forward.natural"] == 2 and cells["t3.granted.commercial"] == 3
    assert cells["t3.new_received.research"] == 1 and cells["t3.granted.research"] == 1
    assert cells["t3.new_received.legal_service"] == 2 and cells["t3.other_handling.no_correction.legal_service"] == 1
    assert cells["t3.new_received.other"] == 0 and cells["t3.granted.public_interest"] == 0
    assert cells["t3.new_received.total"] == 19


def test_who_a_count_is_of_after_it_is_no_head_of_the_next_rows():
    ops = _ops("结果：予以公开5件 个人 不掌握2件 个人 重复申请1件 企业")
    assert ops["t3.granted.natural"] == "5" and ops["t3.not_processed.repeated.commercial"] == "1"
    assert "t3.unable.not_held.commercial" not in ops


def test_numbers_as_voice_input_writes_them():
    from assistant.numbers import find_numbers

    assert [(n.value, n.unit) for n in find_numbers("网站发了3千456条")] == [(3456, "条")]
    assert [(n.value, n.unit) for n in find_numbers("处罚1百23件")] == [(123, "件")]
    assert [(n.value, n.unit) for n in find_numbers("三千四")] == [(3400, "")]


def test_the_rest_of_applicants_after_one_told_with_its_result():
    ops = _ops("共收到申请9件，商业企业1件部分公开，其余均为自然人申请")
    assert ops["t3.new_received.natural"] == "8"
    ops = _ops("新收8件 公开5 不掌握3。除了公司那件是不掌握的，其余都是个人的")
    assert ops["t3.granted.natural"] == "5" and ops["t3.unable.not_held.commercial"] == "1"


def test_a_tag_question_is_answered():
    from assistant.reading import is_question

    assert is_question("撤回的在表四里算其他结果对吧")
    assert not is_question("撤回的算其他结果")


def test_a_form_that_shows_only_rows_with_figures_has_no_zero_in_its_title():
    ops = _ops("表三收到和处理政府信息公开申请情况（仅显示非零项）\n一、本年新收：自然人6 总计6")
    assert ops["t3.new_received.total"] == "6"


def test_last_years_table_listed_under_its_heading():
    r = _reading("去年（2024年）年报的表三有数的是这几行：\n本年新收 6\n予以公开 5\n本机关不掌握相关政府信息 1\n其他行都是0",
                 report_year=2025)
    assert not [op for op in r.ops if op.field.startswith("t3.")]
