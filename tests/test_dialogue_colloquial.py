"""Clerks' notes in more shapes (a list numbered "1.", items parted by pipes, applicants added up with "+",
applicants on the line under their count, years named for this one, the last and the next) and clerks who
type the way they talk at home (粤语, 闽南话, 湘语 words; "挂零"), in wording of our own."""

from __future__ import annotations

from tests.dialogue_support import new_chat, ops_read, reading_of

_reading = reading_of


_ops = ops_read
_service = new_chat


def test_a_list_numbered_with_dots_and_items_parted_by_pipes():
    ops = _ops("1. 网站 发布 233\n2. 公众号 推送 407\n3. 解读 9\n4. 处罚 15 强制 0")
    assert ops["website_items"] == "233" and ops["new_media_posts"] == "407"
    assert ops["policy_interpretations"] == "9" and ops["t2.penalty.decisions"] == "15"
    ops = _ops("网站 812 | 新媒体 1,044 | 发布会 3 | 解读 17")
    assert ops["website_items"] == "812" and ops["new_media_posts"] == "1044" and ops["press_conferences"] == "3"
    ops = _ops("规章 x / 规文 新1 废0 现12\n发布会 2场 / 解读 11")
    assert ops["t2.regulations"] == "0" and ops["t2.normative_docs.in_force"] == "12" and ops["policy_interpretations"] == "11"


def test_applicants_added_up_after_a_colon_or_on_the_line_under():
    ops = _ops("依申请 57 = 个40 + 企12 + 律3 + 科研2", report_year=2025)
    assert ops["t3.new_received.total"] == "57" and ops["t3.new_received.natural"] == "40"
    assert ops["t3.new_received.commercial"] == "12" and ops["t3.new_received.legal_service"] == "3"
    assert ops["t3.new_received.research"] == "2"
    # (a sum that is not the count: no breakdown)
    assert "t3.new_received.natural" not in _ops("依申请 57 = 个40 + 企12", report_year=2025)
    ops = _ops("公开 19：个15 企3 其他1\n不掌握 6（个4 环保2 律所0）", report_year=2025)
    assert ops["t3.granted.natural"] == "15" and ops["t3.granted.other"] == "1"
    assert ops["t3.unable.not_held.public_interest"] == "2" and ops["t3.unable.not_held.natural"] == "4"
    ops = _ops("25年新收 31（24年是27）\n    个26 企4 其他1（一个村委会）\n24年转来 2（个）", report_year=2025)
    assert ops["t3.new_received.total"] == "31" and ops["t3.new_received.natural"] == "26"
    assert ops["t3.new_received.other"] == "1" and ops["t3.carried_over.natural"] == "2"
    ops = _ops("结转到26年 3（个2 企1）", report_year=2025)
    assert ops["t3.carried_forward.total"] == "3" and ops["t3.carried_forward.commercial"] == "1"
    assert "t3.carried_forward.total" not in _ops("结转到27年 3", report_year=2025)


def test_bullets_of_long_dashes_part_the_texts_from_the_figures():
    ops = _ops("— 管理：发文时同步认定公开属性\n— 平台：专栏改版上线\n— 监督：纳入年度绩效考核\n— 依申请：今年新收 12（个10 企2）",
               report_year=2025)
    assert ops["management"] == "发文时同步认定公开属性" and ops["platform"] == "专栏改版上线"
    assert ops["oversight"] == "纳入年度绩效考核" and ops["t3.new_received.total"] == "12"


def test_a_clerks_sheet_with_notes_in_cells_dashes_and_its_own_labels():
    sheet = ("项目    个人  企业  其他(合作社)  合计\n新收  40（原来记的38 作废）  6  2  48\n去年结转→  3  -  -  3\n"
             "公开  20  4  1  25\n涉及第三方隐私的  2  -  -  2\n补正后还不清楚  1  -  -  1\n不掌握  12  1  1  14\n转到下年  8  1  0  9")
    r = _reading(sheet, report_year=2024)
    ops = {op.field: str(op.value) for op in r.ops}
    assert ops["t3.new_received.natural"] == "40" and ops["t3.new_received.other"] == "2"
    assert ops["t3.carried_over.commercial"] == "0" and ops["t3.withheld.third_party.natural"] == "2"
    assert ops["t3.unable.unclear.natural"] == "1" and ops["t3.carried_forward.total"] == "9"
    assert not r.unexplained and any("38" in x for x in r.replaced)  # (the old value given up is said, not lost)


def test_results_of_a_review_counted_just_before_and_one_missed_review_is_no_application():
    r = _reading("复议核过了 不是3件是4件 漏了一个11月收到的 还没结果。4件里：维持2 纠正1 未审结1",
                 known=["t4.review.total"], report_year=2024)
    ops = {op.field: str(op.value) for op in [*r.ops, *r.computed]}
    assert ops["t4.review.total"] == "4" and ops["t4.review.upheld"] == "2" and ops["t4.review.pending"] == "1"
    assert not any(f.startswith("t3.") for f in ops)


def test_a_value_said_again_and_one_of_it_told_about():
    ops = _ops("发布会更正一下 其实是5场 有一场是和市司法局一起开的 也算我们的", known=["press_conferences"])
    assert ops["press_conferences"] == "5"
    earlier = {"t2.regulations.in_force": 20, "t2.regulations.issued": 1, "t2.regulations.repealed": 1}
    ops = _ops("规章现行有效是22 之前写错了 去年底是20 今年新3废1 应该是22", known=list(earlier), earlier=earlier)
    assert ops["t2.regulations.in_force"] == "22" and ops["t2.regulations.repealed"] == "1" and ops["t2.regulations.issued"] == "3"
    earlier = {"t3.unable.not_held.natural": 9, "t3.unable.not_held.total": 10}
    ops = _ops("不掌握个人那个我记错了 应该是8 不掌握一共9", known=list(earlier), earlier=earlier)
    assert ops["t3.unable.not_held.natural"] == "8" and ops["t3.unable.not_held.total"] == "9"


def test_where_a_figure_goes_asked_is_not_recorded():
    r = _reading("没收的违法所得那个86.4万要填表二的收费里吗", known=["t2.fees.amount"])
    assert not r.ops and r.questions
    r = _reading("这个收费是按万元填吧", topic="problems")
    assert not r.ops and r.questions
    assert _ops("主要是人手不足吧", topic="problems").get("problems")  # (a hedge, no question)


def test_a_none_mark_and_a_space_before_the_fee_words():
    from assistant.drafting.grounding import check_patch
    from schemas.patches import Patch, PatchOp

    assert _ops("信息处理费 未收取")["fee_charged"] == "False"
    assert _ops("信息处理费 有收 3件 共540元")["fee_amount"] == "540"
    checked = check_patch(Patch(ops=[PatchOp(field="fee_charged", value=False, quote="信息处理费 x")]), "信息处理费 x")
    assert not checked.rejected and checked.accepted  # (the notes' cross is a no)


def test_how_well_something_was_done_is_no_none():
    assert "policy_interpretations" not in _ops("有的政策解读没跟上")
    assert "website_items" not in _ops("网站更新不及时")
    assert _ops("政策解读没有")["policy_interpretations"] == "0"


def test_the_rest_carried_forward_is_what_the_results_leave(db):
    service, draft, say = _service(db)
    say("某县文旅局 2024年 县级")
    say("今年新收20件，个人16件企业4件；去年结转2件，都是个人的")
    say("予以公开11件，个人9企业2；本机关不掌握个人4件、企业1件。剩下的结转到明年。")
    cells = service.facts(draft).cells
    assert cells["t3.carried_forward.natural"] == 5 and cells["t3.carried_forward.commercial"] == 1
    assert cells["t3.carried_forward.total"] == 6


def test_the_row_of_one_explained_and_one_missed(db):
    service, draft, say = _service(db)
    say("某市某某局 2025年 市级")
    say("今年新收9件，个人7件企业2件，去年没有结转")
    say("予以公开6件，个人5企业1；不掌握个人2件；逾期未缴费企业1件")
    reply = say("有1件发了收费通知对方一直没交，表里那个“逾期未缴费”就是它")
    assert "没能确定" not in reply.text
    say("还漏了一件 申请里有一个律所的 要一份批复文件 予以公开了 这个之前没记进去")
    cells = service.facts(draft).cells
    assert cells["t3.new_received.legal_service"] == 1 and cells["t3.new_received.total"] == 10
    assert cells["t3.granted.legal_service"] == 1 and cells["t3.granted.total"] == 7


def test_regional_words(db):
    service, draft, say = _service(db)
    say("唔该帮手整2025年政府信息公开工作年度报告，我哋系白沙市卫生健康局，白沙系县级市嚟嘅。")
    facts = service.facts(draft)
    assert facts.agency_name == "白沙市卫生健康局" and facts.agency_level == "county"
    say("依申请有够多，一百挂零件，数等下再讲")
    assert "t3.new_received.total" not in service.facts(draft).cells  # ("挂零" is "a little over", no zero)
    say("么子问题咯……就是村卫生室的公开栏没跟上。")
    facts = service.facts(draft)
    assert "村卫生室" in str(facts.problems) and facts.website_items is None  # (not done well: no none)
    from assistant.reading import typed_as_read

    ops = _ops(typed_as_read("阮无掌握 3（律师楼）\n要另外整先有 1"))
    assert ops["t3.unable.not_held.total"] == "3" and ops["t3.unable.not_held.legal_service"] == "3"
    assert ops["t3.unable.needs_creation.total"] == "1"
    assert "t3.unable.needs_creation.total" not in _ops("另外政务公开栏有2块")  # (整 and 政 sound alike)


def test_a_city_environment_bureau_is_the_prefectures():
    from assistant.reading import infer_level

    assert infer_level("青原市生态环境局", certain=True) == "municipal"
    assert infer_level("青原市生态环境局河西分局", certain=True) in (None, "county")
    assert infer_level("青原市自然资源局", certain=True) is None


def test_two_and_three_opening_a_clause_and_the_last_one_of_the_parts(db):
    service, draft, say = _service(db)
    say("某县司法局 2024年 县级")
    say("去年结转过来仨，俩是个人的，一个是公司的。")
    say("复议仨：俩维持，一个纠正。")
    cells = service.facts(draft).cells
    assert cells["t3.carried_over.total"] == 3 and cells["t3.carried_over.natural"] == 2
    assert cells["t3.carried_over.commercial"] == 1
    assert cells["t4.review.total"] == 3 and cells["t4.review.upheld"] == 2 and cells["t4.review.corrected"] == 1


def test_a_sheet_whose_columns_are_said_in_words_and_rows_named_with_notes():
    sheet = ("办理结果贴一下（列是 个人 公司 律所）：\n给公开的 30 5 1\n公开一部分 4 1 0\n查自己缴费记录的（行政查询） 2 0 0\n"
             "我们没有这信息 9 1 1\n得另外做的 1 0 0\n其他（律所自己撤回了） 0 0 1\n没办完转明年的 3 0 0")
    ops = _ops(sheet, report_year=2024)
    assert ops["t3.granted.natural"] == "30" and ops["t3.granted.legal_service"] == "1"
    assert ops["t3.withheld.inquiry.natural"] == "2" and ops["t3.unable.not_held.commercial"] == "1"
    assert ops["t3.unable.needs_creation.natural"] == "1" and ops["t3.other_handling.other.legal_service"] == "1"
    assert ops["t3.carried_forward.natural"] == "3"
    # (the columns said over no figures: the line keeps its name and year)
    ops = _ops("某县统计局 2024年年报 依申请的数我用斜杠写 顺序是 自然人/商业企业/其他")
    assert ops.get("report_year") == "2024"


def test_more_ways_to_say_a_value_and_whose_work_it_is():
    assert _ops("收费别写了，今年取消了，就是0。")["t2.fees.amount"] == "0"
    ops = _ops("许可512件。处罚、强制都是市里的执法支队干的，局本级压根儿没有。")
    assert ops["t2.licensing.decisions"] == "512" and ops["t2.penalty"] == "0" and ops["t2.enforcement"] == "0"
    ops = _ops("新收9件，个人7件，企业2件——其中1件是家庭农场申请的，我们算企业了。")
    assert ops["t3.new_received.commercial"] == "2" and ops["t3.new_received.total"] == "9"
    ops = _ops("刚才律所新收说成3件了，是4件", known=["t3.new_received.total"])
    assert ops["t3.new_received.legal_service"] == "4"
    ops = _ops("问题嘛，村级公开栏更新慢。措施：每季度检查一次。中，就这些。")
    assert ops["problems"].startswith("村级公开栏更新慢") and ops["measures"] == "每季度检查一次"


def test_the_carry_forward_asked_back_then_said_and_a_greeting_with_emoji(db):
    from assistant.reading import typed_as_read

    service, draft, say = _service(db)
    say("在吗在吗👋 额是某市水务局的，2025年政府信息公开工作年度报告，帮额弄一下😭")
    facts = service.facts(draft)
    assert facts.agency_name == "某市水务局" and facts.report_year == 2025
    say("撒？结转下年的？剩下的就是，个人3、企业1。")
    cells = service.facts(draft).cells
    assert cells["t3.carried_forward.natural"] == 3 and cells["t3.carried_forward.commercial"] == 1
    assert typed_as_read("金额是500元")[:2] == "金额" and "没" not in typed_as_read("肿么办")
    facts = _ops("您好，我这儿是国家某某管理局办公厅的，2025年度年报")
    assert facts["agency_name"] == "国家某某管理局"


def test_a_row_left_out_for_its_sum_is_recorded_once_corrected(db):
    service, draft, say = _service(db)
    say("某省某某厅 2024年 省级")
    reply = say("依申请：今年新收50件，个人30件，企业12件，科研机构1件，环保组织4件，律所2件，其他0件。")  # (parts make 49)
    assert "没有记录" in reply.text and "t3.new_received.natural" not in service.facts(draft).cells
    reply = say("哎，刚才环保组织新收说成4件了，是5件，总数50没错。")
    cells = service.facts(draft).cells
    assert cells["t3.new_received.public_interest"] == 5 and cells["t3.new_received.natural"] == 30
    assert cells["t3.new_received.total"] == 50 and "已一并记录" in reply.text


def test_a_terminal_trials_own_sheet_and_a_none_said_of_some_applicants(db):
    """What a clerk's trial in the terminal met (a 县 bureau, 东北话): its own sheet — own row labels, spaces or tabs,
    dashes or blanks, no 总计 column — was not read as a table (each row's first number went to 总计); "科研机构 公益组织
    其他那些都没有申请" zeroed the whole row of applications given before; a bare "没有" under two questions answered
    the first, a count."""
    service, draft, say = _service(db)
    say("某县市场监督管理局 2025年 县级")
    say("项目 个人 企业 律所\n新收 24 5 2\n去年转来的 2 - -\n给公开的 12 3 -\n部分给 2 1 -\n俺们没有的 4 1 1\n结转明年 2 - -")
    cells = service.facts(draft).cells
    assert cells["t3.new_received.natural"] == 24 and cells["t3.new_received.legal_service"] == 2
    assert cells["t3.partial.commercial"] == 1 and cells["t3.unable.not_held.legal_service"] == 1
    assert cells.get("t3.new_received.total") in (None, 31)  # (never 24, the first column's)
    reply = say("科研机构 公益组织 其他那些都没有申请")
    cells = service.facts(draft).cells
    assert cells["t3.new_received.natural"] == 24 and cells["t3.new_received.research"] == 0 and cells["t3.new_received.other"] == 0
    assert "没有改成0" not in reply.text
    say("新收那些都没有")  # (a none said of the whole row after its figures: they stay, and are said back)
    assert service.facts(draft).cells["t3.new_received.natural"] == 24
    ops = _ops("项目\t个人\t企业\t律所\n新收\t24\t5\t2\n去年转来的\t2\t\t\n给公开的\t12\t3\t\n结转明年\t2\t\t", report_year=2025)
    assert ops["t3.carried_over.natural"] == "2" and ops["t3.carried_forward.commercial"] == "0"


def test_a_bare_none_under_a_count_and_an_applicants_question_is_asked_back(db):
    service, draft, say = _service(db)
    say("某县市场监督管理局，2025年，县级")
    say("规范性文件制发1件废止0件现行有效4件，许可2106件，处罚187件，强制23件，收费0")
    reply = say("新收：个人24件，企业5件，律所2件")
    assert "门户网站" in reply.text and "其他几类都没有" in reply.text  # (two questions, the second's answer named)
    reply = say("没有")
    assert "是回答哪一项" in reply.text and service.facts(draft).website_items is None
    say("其他几类都没有")
    cells = service.facts(draft).cells
    assert cells["t3.new_received.research"] == 0 and cells["t3.new_received.total"] == 31
