"""Clerks' own sheets and the words around them (session 30): a column headed "村委会等", row labels of the
clerk's ("法律法规不让公开", "得现整理的"), a note in a cell that explains a case, rough figures made exact
messages later, years named for this report's, and one applicant's cases all done — in wording of our own."""

from __future__ import annotations

from tests.dialogue_support import new_chat, ops_read, reading_of

_reading = reading_of


_ops = ops_read
_service = new_chat


def test_a_column_headed_by_its_first_kind_and_etc():
    from assistant.reading._tables import applicant_of

    assert applicant_of("村委会等") == "other" and applicant_of("居委会等其他") == "other"
    sheet = "情况\t群众\t公司\t律所\t村委会等\n新来的\t21\t4\t1\t2\n公开了\t15\t3\t1\t2\n转明年\t6\t1\t-\t-"
    ops = _ops(sheet)
    assert ops["t3.new_received.other"] == "2" and ops["t3.granted.other"] == "2"
    assert ops["t3.carried_forward.legal_service"] == "0" and ops["t3.new_received.natural"] == "21"


def test_the_kinds_just_named_are_no_count():
    ops = _ops("科研单位、环保组织那两类今年都没有")
    assert all(v == "0" for k, v in ops.items() if k.startswith("t3."))
    assert ops.get("t3.granted.research") == "0" and ops.get("t3.granted.public_interest") == "0"
    ops = _ops("科研机构、公益组织什么都没有")
    assert ops.get("t3.total.research") == "0" and ops.get("t3.total.public_interest") == "0"


def test_one_applicants_cases_all_done_is_that_column_without_carry_forward():
    ops = _ops("企业那5件年底前都答复完了，没有拖到明年的")
    assert ops["t3.carried_forward.commercial"] == "0"
    assert "t3.carried_forward.natural" not in ops and "t3.carried_forward.total" not in ops
    # (applicants said of the whole sentence leave the none as it was)
    ops = _ops("一共9件，除了1件不掌握，其他全公开了，都是个人的，年底前都答复完了 没有拖到明年的")
    assert ops["t3.carried_forward"] == "0" and "t3.carried_forward.natural" not in ops


def test_the_clerks_own_row_labels():
    from assistant.reading._tables import _row_address

    assert _row_address("法律法规不让公开") == "t3.withheld.prohibited_by_law"
    assert _row_address("得现整理的") == "t3.unable.needs_creation"
    assert _row_address("补正了还说不明白") == "t3.unable.unclear"


def test_a_note_in_a_cell_that_places_one_case_is_no_figure():
    sheet = ("\t群众\t公司\t合计\n新收\t12\t3\t15\n公开\t8（其中1件是中介代群众来申请的，按群众算）\t3\t11\n"
             "没这信息\t4\t\t4")
    r = _reading(sheet)
    ops = {op.field: str(op.value) for op in r.ops}
    assert ops["t3.granted.natural"] == "8" and ops["t3.granted.total"] == "11"
    assert ops["t3.unable.not_held.commercial"] == "0"
    assert any("中介代群众" in c for c in r.checked)  # (said back, not dropped)


def test_rough_chinese_figures_are_found_and_held():
    from assistant.numbers import find_numbers

    for text, value in (("大概五百来万，等财务", 5_000_000), ("一千出头", 1000), ("二十好几件", 20), ("三百左右。", 300)):
        found = find_numbers(text)
        assert found and found[0].approx and int(found[0].value) == value, text
    r = _reading("处罚一百出头，具体的我再查")
    assert r.rough and not r.ops


def test_problems_after_how_many_the_clerk_thought_of():
    ops = _ops("问题我琢磨了两条：一是栏目更新慢；二是答复文书不统一。措施就是每月查一次栏目。")
    assert ops["problems"].startswith("一是栏目更新慢") and ops["measures"].startswith("每月查一次")


def test_years_of_a_report_read_in_the_year_after_it():
    ops = _ops("24年一共收了9件，都是个人的。还有23年剩下的2件结转到24年办的，也是个人的。", report_year=2024)
    assert ops["t3.carried_over.natural"] == "2" and "t3.carried_forward.natural" not in ops
    ops = _ops("还有1件企业的到年底没办完，结转到今年了（就是25年）。", report_year=2024)
    assert ops["t3.carried_forward.commercial"] == "1" and "t3.carried_over.commercial" not in ops
    ops = _ops("企业的：2025年收12件，再加2024年转过来的1件。公开10件。", report_year=2025)
    assert ops["t3.new_received.commercial"] == "12" and ops["t3.carried_over.commercial"] == "1"


def test_two_or_three_inside_a_clause_and_alone_is_no_count():
    from assistant.reading import typed_as_read

    ops = _ops(typed_as_read("公开了5件，里头仨是个人的，2件是公司的。"))
    assert ops["t3.granted.natural"] == "3" and ops["t3.granted.commercial"] == "2"
    r = _reading("我是某县文旅局的，就我一个人在弄这个")
    assert not r.unexplained
    ops = _ops(typed_as_read("规范性文件发了3件，么废止的，现行有效7件。"))
    assert ops["t2.normative_docs.repealed"] == "0"


def test_a_none_kept_off_figures_leaves_the_rows_total_open(db):
    service, draft, say = _service(db)
    say("某县水利局 2025年")
    say("项目\t个人\t企业\t律所\t其他\n新收\t10\t4\t1\t0\n公开\t6\t2\t0\t0\n不掌握\t1\t0\t0\t0\n转明年\t3\t2\t1\t0")
    reply = say("年底都没有转明年的了").text
    assert "没有改成0" in reply
    cells = service.facts(draft).cells
    assert cells["t3.carried_forward.natural"] == 3 and cells.get("t3.carried_forward.total") != 0


def test_a_result_and_the_carry_forward_corrected_move_the_results_total(db):
    service, draft, say = _service(db)
    say("某县水利局 2025年")
    say("项目\t个人\t企业\t合计\n新收\t10\t4\t14\n公开\t6\t1\t7\n不掌握\t1\t1\t2\n办完合计\t7\t2\t9\n转明年\t3\t2\t5")
    say("不掌握那行企业是2件不是1件，那企业结转明年就1件，不是2件")
    cells = service.facts(draft).cells
    assert cells["t3.unable.not_held.commercial"] == 2 and cells["t3.carried_forward.commercial"] == 1
    assert cells["t3.total.commercial"] == 3 and cells["t3.total.total"] == 10


def test_a_rough_figure_made_exact_messages_later_by_its_name(db):
    service, draft, say = _service(db)
    say("某县自然资源局 2025年")
    say("收费主要是测绘成果费，大概一百来万，具体的要问财务")
    say("网站发了120条")
    say("财务回了，测绘成果费是103.5万元")
    assert str(service.facts(draft).cells["t2.fees.amount"]) == "103.5"


def test_a_rows_count_said_roughly_then_with_its_applicants(db):
    service, draft, say = _service(db)
    say("某县民政局 2025年")
    say("申请今年收了二十好几件，我数一下")
    say("数好了，23件：个人19件，企业3件，律所1件。")
    cells = service.facts(draft).cells
    assert cells["t3.new_received.total"] == 23 and cells["t3.new_received.natural"] == 19
    assert cells["t3.new_received.legal_service"] == 1


def test_the_one_case_recorded_in_a_row_pointed_at_and_what_became_of_it(db):
    service, draft, say = _service(db)
    say("某县卫健局 2025年")
    say("公开9件，个人7件企业2件；不掌握3件，个人2件企业1件")
    say("等下，企业那1件不掌握的，后来补正了又找到了，公开了，所以企业公开是3件，不掌握的没有了")
    cells = service.facts(draft).cells
    assert cells["t3.granted.commercial"] == 3 and cells["t3.unable.not_held.commercial"] == 0
    assert cells["t3.unable.not_held.natural"] == 2 and cells.get("t3.new_received.commercial") is None


def test_an_exported_sheet_with_short_group_names_and_a_note_one_space_apart():
    sheet = ("                  个人    企业    合计\n新收              20    5     25\n公开              12    3     15\n"
             "不处理(重复)      2     0     2\n无法提供(要另做)   1     1     2\n其他处理(其他)    1(撤回) 0     1\n"
             "总计              16    4     20\n结转下年          4     1     5")
    r = _reading(sheet)
    ops = {op.field: str(op.value) for op in r.ops}
    assert ops["t3.not_processed.repeated.natural"] == "2" and ops["t3.unable.needs_creation.commercial"] == "1"
    assert ops["t3.other_handling.other.natural"] == "1" and ops["t3.other_handling.other.total"] == "1"
    assert not r.unexplained


def test_a_fee_said_in_kuai_is_yuan(db):
    assert _ops("行政事业性收费一共58000块")["t2.fees.amount"] == "5.8"
    service, draft, say = _service(db)
    say("某县住建局 2025年")
    say("收费一共58000块，主要是工本费")
    assert str(service.facts(draft).cells["t2.fees.amount"]) == "5.8"


def test_one_person_who_asked_is_no_count():
    ops = _ops("不予处理4件，都是个人，一个人老是反复申请的3件，重复申请1件")
    assert ops["t3.not_processed.excessive.natural"] == "3"


def test_two_rows_of_one_applicant_swapped():
    ops = _ops("“不掌握”跟“另行制作”两行的企业填反了：不掌握应该是7，另行制作是2。")
    assert ops["t3.unable.not_held.commercial"] == "7" and ops["t3.unable.needs_creation.commercial"] == "2"
    assert "t3.unable.not_held.total" not in ops


def test_one_case_taken_off_the_granted_row_into_another(db):
    service, draft, say = _service(db)
    say("某县住建局 2025年")
    say("新收 30（个人25 公司5）\n公开 20（个人16 公司4）\n部分公开 3（个人2 公司1）")
    say("不好意思，公开那行个人是15不是16，有1件其实是部分公开的")
    cells = service.facts(draft).cells
    assert cells["t3.granted.natural"] == 15 and cells["t3.partial.natural"] == 3
    assert cells["t3.granted.total"] == 19 and cells["t3.partial.total"] == 4
    # (in 粤语: "件系", "其实系")
    from assistant.reading import typed_as_read

    assert "1件其实是部分公开" in typed_as_read("有1件其实系部分公开嘅") and "2件是个人" in typed_as_read("2件系个人")


def test_a_sheet_of_people_and_organisations_then_the_organisations_told_apart(db):
    service, draft, say = _service(db)
    say("某县交通运输局 2025年")
    reply = say("申请我自己统计的：\n类别\t个人\t单位\t一共\n新收\t20\t5\t25\n公开\t12\t4\t16\n不掌握\t3\t1\t4\n结转明年\t5\t0\t5").text
    assert "“单位”一列没有记录" in reply
    cells = service.facts(draft).cells
    assert cells["t3.new_received.natural"] == 20 and cells["t3.new_received.total"] == 25
    assert cells.get("t3.new_received.commercial") is None
    say("单位那5件，3件是企业，2件是律所申请的。")
    cells = service.facts(draft).cells
    assert cells["t3.new_received.commercial"] == 3 and cells["t3.new_received.legal_service"] == 2
    assert cells["t3.new_received.research"] == 0
    _, d2, say2 = _service(db)
    say2("某县交通运输局 2025年")
    say2("个人和单位分开统计的：\n项目\t个人\t单位\t合计\n新收\t9\t2\t11\n公开\t7\t2\t9\n结转下年\t2\t0\t2")
    say2("单位的都是企业")
    cells = service.facts(d2).cells
    assert cells["t3.new_received.commercial"] == 2 and cells["t3.granted.commercial"] == 2
    assert cells["t3.granted.legal_service"] == 0


def test_a_township_clerk_names_the_town():
    ops = _ops("你好，我是清溪县石门镇的，要写2025年的年报")
    assert ops["agency_name"] == "清溪县石门镇人民政府" and ops["agency_level"] == "township"
    assert _ops("我是东关街道的小李")["agency_name"] == "东关街道办事处"
    assert "agency_name" not in _ops("我是石门镇的村民，想问个事")


def test_a_question_beside_figures_not_recorded_names_them_back(db):
    _, _, say = _service(db)
    say("某县文广旅局 2025年")
    reply = say("网站今年发了八十来条，具体的回头查。公开栏换了6期。我们的视频号那个算不算新媒体？").text
    assert "八十来条" in reply and "公开栏换了6期" in reply


def test_blank_cells_of_a_sheet_copied_from_word_or_excel_are_zeros():
    t4 = "表四\n\t维持\t纠正\t其他\t未审结\t合计\n行政复议\t2\t1\t\t\t3\n直接起诉\t1\t\t\t\t1"
    ops = _ops(t4)
    assert ops["t4.review.other"] == "0" and ops["t4.review.total"] == "3" and ops["t4.litigation_direct.pending"] == "0"
    t2 = ("第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t0\t0\t0\n行政规范性文件\t2\t\t11\n"
          "第二十条第（五）项\n信息内容\t本年处理决定数量\n行政许可\t1,408")
    ops = _ops(t2)
    assert ops["t2.normative_docs.repealed"] == "0" and ops["t2.normative_docs.in_force"] == "11"
    assert ops["t2.licensing.decisions"] == "1408"


def test_words_leading_into_a_paste_are_no_passage():
    sheet = "依申请这块 我excel是这样排的\n\t新收\t同意公开\t结转下年\n群众\t9\t8\t1\n合计\t9\t8\t1"
    assert "on_request_notes" not in _ops(sheet)
    assert _ops("依申请这块：今年申请集中在食品许可档案，都按时答复了")["on_request_notes"].startswith("今年申请")


def test_which_row_asked_is_answered_not_recorded(db):
    from assistant.reading import guide_answer

    r = _reading("那种让他补正材料 他一直不回的 算表三哪一项啊")
    assert r.questions and not r.ops
    assert "逾期不补正" in guide_answer("企业有一件让他补正材料他一直没回 算部分公开还是算别的？")
    service, draft, say = _service(db)
    say("某县市场监管局 2025年")
    say("那种让他补正材料 他一直不回的 算表三哪一项啊")
    assert service.facts(draft).cells.get("t3.other_handling.no_correction.total") is None


def test_undo_after_saying_why():
    from assistant.dialogue._intents import parse_intent

    assert parse_intent("我是问问，我们没有这种的，撤销").kind == "undo"
    assert parse_intent("发错了，帮我撤销一下").kind == "undo"
    assert parse_intent("公开3件，撤销").kind != "undo"


def test_the_agency_and_a_bare_year(db):
    service, draft, say = _service(db)
    say("临江县市场监督管理局 2025")
    facts = service.facts(draft)
    assert facts.agency_name == "临江县市场监督管理局" and facts.report_year == 2025


def test_how_to_read_a_table_said_without_one_records_nothing_and_says_so(db):
    _, _, say = _service(db)
    say("某县市场监管局 2025年")
    reply = say("废止那格空着就是0").text
    assert "这条消息里没有表格" in reply and "记为0" not in reply


def test_table_three_still_all_zero_and_a_question_on_its_own_line():
    assert _ops("科长说那个不算申请 表三还是全0").get("t3.total.total") == "0"
    r = _reading("依申请今年一个都没收到 去年也没有结转的\n问下 有个村民写信要低保名单 是信访局转来的 这个算依申请吗")
    assert not r.asked_if_counted and any(op.field.startswith("t3.new_received") for op in r.ops)


def test_done_for_the_day_is_no_answer(db):
    _, _, say = _service(db)
    say("某镇人民政府 2025年")
    reply = say("先这样 明天在说").text
    assert "下次" in reply and "没有找到" not in reply
    assert _reading("先这样 明天在说", topic="problems").hold_on


def test_all_one_applicant_said_again_for_the_rows_after():
    ops = _ops("部分公开3 都是个人 不予公开2个 保护第三方1 过程性信息1 都是个人的")
    assert ops["t3.partial.natural"] == "3" and ops["t3.withheld.third_party.natural"] == "1"
    assert ops["t3.withheld.process_info.natural"] == "1"
    ops = _ops("去年结转过来3件 都是个人的 结转到明年的是1件 都是企业")
    assert ops["t3.carried_over.natural"] == "3" and ops["t3.carried_forward.commercial"] == "1"


def test_counts_before_their_applicants():
    ops = _ops("不掌握的6件个人2件律所")
    assert ops["t3.unable.not_held.natural"] == "6" and ops["t3.unable.not_held.legal_service"] == "2"


def test_a_word_of_the_report_cut_by_the_send():
    from assistant.reading import continued

    joined = continued("作的3件 都是个人", "不掌握的2件 没有现成信息需要另行制")
    ops = _ops(joined)
    assert ops["t3.unable.needs_creation.total"] == "3" and ops["t3.unable.needs_creation.natural"] == "3"
    assert "t3.unable.not_held.total" not in ops  # (read with the message before, not again)


def test_a_summary_sheet_of_totals_with_channels_and_no_applicants():
    r = _reading("只有合计数，没分申请人\n收件渠道：网上申请20 / 信函5 / 当面3\n本年收件\t28\n同意公开\t20\n不掌握\t6\n"
                 "办结合计\t26\n未办结（转下年）\t2")
    ops = {op.field: str(op.value) for op in r.ops}
    assert ops["t3.new_received.total"] == "28" and ops["t3.carried_forward.total"] == "2"
    assert "t3.new_received.natural" not in ops and "t3.new_received" not in ops
    assert any("收件渠道" in c for c in r.checked)


def test_a_pending_review_settled_since(db):
    service, draft, say = _service(db)
    say("某县人社局 2025年")
    say("复议3件 2个维持 1个还没审结 诉讼没有")
    say("那个没审结的复义 申请人撤回了 按其他结果报")
    cells = service.facts(draft).cells
    assert cells["t4.review.pending"] == 0 and cells["t4.review.other"] == 1 and cells["t4.review.total"] == 3


def test_a_table_cut_by_the_send_goes_on(db):
    service, draft, say = _service(db)
    say("某县生态环境局 2025年")
    head = "项目\t自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t总计\n"
    say("办理结果贴过来\n" + head + "（一）予以公开\t10\t2\t0\t0\t0\t0\t12\n（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t3\t1\t0")
    say("接上条\n\t0\t0\t0\t4\n（四）无法提供1.本机关不掌握相关政府信息\t2\t0\t0\t0\t0\t0\t2")
    cells = service.facts(draft).cells
    assert cells["t3.partial.total"] == 4 and cells["t3.partial.commercial"] == 1 and cells["t3.unable.not_held.natural"] == 2


def test_last_years_table_copied_from_the_web_with_this_year_much_the_same():
    head = ("\t\t申请人情况\t\t\t\t\t\t总计\n\t\t自然人\t法人或其他组织\t\t\t\t\t\n\t\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t\n")
    rows = "一、\t本年新收政府信息公开申请数量\t3\t1\t0\t0\t0\t0\t4\n二、\t上年结转政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0"
    r = _reading("依申请这块我把去年年报里的表直接从网站上复制过来了，今年跟去年差不多\n" + head + rows, report_year=2025)
    assert r.last_years and not any(op.field.startswith("t3.") for op in r.ops)
    assert r.orgs_column is None  # (the format's own header: 法人或其他组织 over its five columns)
