"""The clerk's own notes pasted (a phone memo, a sticky note, a txt of two years, a chat-to-self log) and
last year's report used as the template (the staff corpus's "notes" and "last year's report" batches),
in wording of our own."""

from __future__ import annotations


def _ops(message: str, **kw) -> dict[str, str]:
    from assistant.reading import read_message

    r = read_message(message, **kw)
    return {op.field: str(op.value) for op in [*r.ops, *r.computed]}


def test_a_memo_with_bullets_crosses_and_slashes():
    from assistant.dialogue._checks import negative_numbers

    memo = ("- 依申请：无（全年没收到）\n- 复议/诉讼：无\n- 许可 x\n- 强制 ×\n- 收费 /\n"
            "- 12345转办 31件\n- 值班电话 0722-6651203")
    assert negative_numbers(memo) == []  # (a bullet's dash is no minus)
    ops = _ops(memo)
    assert ops["t3.new_received"] == "0" and ops["t2.licensing"] == "0" and ops["t2.enforcement"] == "0"
    assert ops["t2.fees.amount"] == "0" and ops["t4.litigation_direct"] == "0"
    assert "t3.new_received.total" not in ops  # (the hotline's 31 is no application)
    # (a fill-in form's own "（件）：无" is the form's, and a mail's "-----" line is no none)
    assert _ops("3.现行有效行政规范性文件（件）：无").get("t2.normative_docs.in_force") in ("0", None)
    assert negative_numbers("处罚 -3件") == ["-3"]


def test_shorthand_of_the_notes():
    note = ("依申请 共40（个33 企5 律2）\n去年→3（个3）\n公开18（个15 企3）\n不掌握7（个5 律2）\n"
            "重复2（个）\n规文 新2 废1 现9\n处罚 88 → 91（复核后）")
    ops = _ops(note)
    assert ops["t3.new_received.total"] == "40" and ops["t3.new_received.natural"] == "33"
    assert ops["t3.new_received.commercial"] == "5" and ops["t3.new_received.legal_service"] == "2"
    assert ops["t3.carried_over.total"] == "3" and ops["t3.carried_over.natural"] == "3"
    assert ops["t3.unable.not_held.natural"] == "5" and ops["t3.unable.not_held.legal_service"] == "2"
    assert ops["t3.not_processed.repeated.natural"] == "2"
    assert ops["t2.normative_docs.issued"] == "2" and ops["t2.normative_docs.repealed"] == "1"
    assert ops["t2.normative_docs.in_force"] == "9" and ops["t2.penalty.decisions"] == "91"


def test_slashes_between_results_and_a_withdrawal():
    ops = _ops("收 12（个10 企2）\n公开6 / 不掌握3 / 信访1 / 撤1\n转明年 1")
    assert ops["t3.new_received.total"] == "12" and ops["t3.granted.total"] == "6"
    assert ops["t3.unable.not_held.total"] == "3" and ops["t3.not_processed.petition.total"] == "1"
    assert ops["t3.other_handling.other.total"] == "1"


def test_two_years_side_by_side_only_the_reports_column():
    from assistant.reading import read_message

    note = ("数据.txt\n          24年   25年\n新收       8      11\n公开       5       7\n不掌握     3       4\n"
            "许可     310     402\n网站发布  120     133")
    r = read_message(note, report_year=2025)
    ops = {op.field: str(op.value) for op in r.ops}
    assert ops["t3.new_received.total"] == "11" and ops["t3.granted.total"] == "7"
    assert ops["t2.licensing.decisions"] == "402" and ops["website_items"] == "133"
    assert not r.files  # (the file's name over its lines is their title, not a file to open)
    ops = {op.field: str(op.value) for op in read_message(note, report_year=2024).ops}
    assert ops["t3.new_received.total"] == "8"


def test_a_note_unsure_of_itself_is_not_copied():
    from assistant.reading import read_message

    r = read_message("公开 6（个人5 企业1）\n另行制作 同上？？\n信访 1（个人）")
    fields = {op.field for op in [*r.ops, *r.computed]}
    assert not any(f.startswith("t3.unable.needs_creation") for f in fields)
    assert any("同上" in x for x in r.rough)


def test_a_fee_counted_in_cases_is_the_processing_fee():
    ops = _ops("5、行政事业性收费：2.4万\n8、收费：2件 300元\n9、复议 1")
    assert ops["t2.fees.amount"] == "2.4" and ops["fee_cases"] == "2" and ops["fee_amount"] == "300"
    assert ops["t4.review.total"] == "1"


def test_someone_elses_figure_then_the_one_checked():
    ops = _ops("强制9是老周记的 我在系统里核了是11 按11", earlier={"t2.enforcement.decisions": 9})
    assert ops["t2.enforcement.decisions"] == "11"


def test_where_hotline_figures_go_asked():
    from assistant.reading import read_message

    r = read_message("热线那个28件要算到依申请里吗？")
    assert not r.ops and r.questions


def test_a_chat_to_self_log_of_applications_and_one_placed_later(db):
    from tests.dialogue_support import offline_service, talk

    service = offline_service(db())
    draft = service.start("张三").id
    talk(service, draft, ["某区某某街道办事处 2025年的年报，乡镇级",
                          "都是平时发给文件传输助手记下的 直接复制过来了",
                          "2月3日 10:12\n依申请 第1件 王某 要征收补偿标准 → 公开了\n4月9日 16:40\n"
                          "第2件 个人 要困难补助名单 → 部分公开（隐去了身份证号）\n8月1日 09:05\n"
                          "第3件 青松物业 要维修基金账目 → 我们没有 是区房管中心的\n12月29日 15:30\n"
                          "第4件 个人 要老旧小区改造方案 → 还没答复 年后办",
                          "第3件那个青松物业是公司"])
    cells = service.facts(draft).cells
    assert cells["t3.new_received.total"] == 4 and cells["t3.new_received.natural"] == 3
    assert cells["t3.new_received.commercial"] == 1 and cells["t3.unable.not_held.commercial"] == 1
    assert cells["t3.granted.natural"] == 1 and cells["t3.partial.natural"] == 1
    assert cells["t3.carried_forward.natural"] == 1


def test_last_years_table_named_by_its_year_and_its_carry_forward_taken(db):
    from tests.dialogue_support import offline_service, talk

    table = "\n".join([
        "项目\t自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t总计",
        "一、本年新收政府信息公开申请数量\t20\t3\t0\t0\t1\t0\t24",
        "二、上年结转政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1",
        "（一）予以公开\t12\t2\t0\t0\t1\t0\t15",
        "（四）无法提供1.本机关不掌握相关政府信息\t6\t0\t0\t0\t0\t0\t6",
        "（七）总计\t18\t2\t0\t0\t1\t0\t21",
        "四、结转下年度继续办理\t3\t1\t0\t0\t0\t0\t4"])
    service = offline_service(db())
    draft = service.start("张三").id
    talk(service, draft, ["某市某某局 2025年度年报 市级",
                          "这是2024年年报的表三，格式参照这个：\n" + table,
                          "今年新收30件：自然人26、企业4；上年结转就按去年表最后一行；予以公开20：自然人17、企业3；"
                          "不掌握10：自然人9、企业1；没说的行都是0"])
    facts = service.facts(draft)
    assert facts.report_year == 2025
    cells = facts.cells
    assert cells["t3.carried_over.natural"] == 3 and cells["t3.carried_over.commercial"] == 1
    assert cells["t3.carried_over.total"] == 4 and cells["t3.new_received.total"] == 30
    assert cells["t3.carried_forward.total"] == 4


def test_a_column_of_last_year_beside_this_years_table():
    from assistant.reading import read_message

    table = ("总表，最右边那列是上年的，对比用\n"
             "项目\t自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t总计\t上年\n"
             "一、本年新收政府信息公开申请数量\t30\t4\t0\t0\t0\t0\t34\t29\n"
             "（一）予以公开\t20\t3\t0\t0\t0\t0\t23\t18")
    r = read_message(table, report_year=2025)
    ops = {op.field: str(op.value) for op in r.ops}
    assert ops["t3.new_received.total"] == "34" and ops["t3.granted.total"] == "23" and not r.last_years


def test_last_years_passage_and_its_carry_forward_as_this_years_carry_over():
    ops = _ops("去年年报依申请部分原文：“2024年，本局共收到申请31件，办结30件，结转下年度2件（自然人1件、企业1件）。”"
               "今年的上年结转就是这2件")
    assert ops["t3.carried_over.total"] == "2" and ops["t3.carried_over.natural"] == "1"
    assert ops["t3.carried_over.commercial"] == "1" and "t3.new_received.total" not in ops
    ops = _ops("上年那份写的是：“2024年，共收到申请5件，结转下年度1件。”这1件是企业的，就是今年的上年结转")
    assert ops["t3.carried_over.total"] == "1" and ops["t3.carried_over.commercial"] == "1"


def test_the_year_of_last_years_report_named_is_not_this_ones():
    ops = _ops("某省某某厅，现在要写2025年度的年报。上一份（2024年度的）是2025年2月发的")
    assert ops["report_year"] == "2025"
    ops = _ops("某市某某局。去年的年报题目是《某市某某局2024年政府信息公开工作年度报告》")
    assert ops["report_year"] == "2025"


def test_last_years_figure_and_this_years_one_and_a_misfiled_case():
    ops = _ops("收费去年报的是3.2万，今年是4.05万")
    assert ops["t2.fees.amount"] == "4.05"
    ops = _ops("强制这栏去年是0，今年也是0。处罚去年是12，今年是15")
    assert ops["t2.enforcement.decisions"] == "0" and ops["t2.penalty.decisions"] == "15"
    ops = _ops("有一件个人的我们记成不予公开了，其实是重复申请。改一下：重复申请自然人那格3")
    assert "t3.withheld" not in " ".join(ops) and ops["t3.not_processed.repeated.natural"] == "3"
    ops = _ops("去年结转的那1件是律所的，今年办完了")
    assert ops["t3.carried_over.legal_service"] == "1" and ops["t3.carried_over.total"] == "1"
    ops = _ops("信息处理费一件没收")
    assert ops.get("fee_charged") == "False" and "fee_cases" not in ops


def test_a_paragraph_added_and_an_innovation_told():
    ops = _ops("依申请那块帮我加一句：今年申请集中在征地拆迁方面。")
    assert ops["on_request_notes"].startswith("今年申请集中在征地拆迁")
    ops = _ops("今年有个创新可以写：开了政务公开体验日，一共3场")
    assert ops["innovation"].startswith("开了政务公开体验日")
    from assistant.reading import read_message

    assert not read_message("有个问题：解读要写多少篇？").ops


def test_more_shorthand_of_notes_and_voice_input():
    ops = _ops("④复议诉讼 0")
    assert ops["t4.review"] == "0" and ops["t4.litigation_direct"] == "0" and ops["t4.litigation_after_review"] == "0"
    ops = _ops("依申请 4：公开3 不掌握1")
    assert ops["t3.new_received.total"] == "4" and ops["t3.granted.total"] == "3"
    # (voice input without a stop: the 信访 count asked about is no application; 9个村 is no proposal count)
    from assistant.reading import read_message

    r = read_message("想问一下信访件有15件这些是不是也要算到依申请里面我们都是按信访程序办的")
    assert not r.ops and r.questions
    r = read_message("政协提案我们镇没有承办创新的话今年在9个村都装了公开栏")
    assert not any(op.field == "cppcc_proposals" and str(op.value) == "9" for op in r.ops)


def test_a_web_trials_memo_and_answers():
    """What a clerk's trial in the web app met: a cross mid-line, the memo's title year, a count per
    season dropped without a word, "X那些都没有", two items with one none, a text asked to be added."""
    ops = _ops("规章 x 规文 新0 废0 现2\n许可 x   处罚 7 → 9（后来补报2件）  强制 x")
    assert ops["t2.licensing"] == "0" and ops["t2.enforcement"] == "0" and ops["t2.regulations"] == "0"
    assert ops["t2.penalty.decisions"] == "9" and ops["t2.normative_docs.in_force"] == "2"
    ops = _ops("年度报告材料（2025）\n✓ 网站 专栏 发了 41条")
    assert ops["report_year"] == "2025" and ops["website_items"] == "41"
    from assistant.reading import read_message

    r = read_message("✓ 村务公开栏 每月更新 12次")
    assert any("12次" in u for u in r.unexplained)  # (named back, not dropped)
    assert _ops("创新啥的都没有").get("innovation")
    ops = _ops("我说的是创新情况 没有。新闻发布会 政策解读也没有")
    assert ops["press_conferences"] == "0" and ops["policy_interpretations"] == "0" and ops.get("innovation")
    ops = _ops("平台建设那块能不能写上便民服务中心的公开栏 每月更新一次")
    assert "便民服务中心的公开栏" in ops["platform"]


def test_cells_that_can_only_be_zero_are_said_in_one_line(db):
    """Trials found the reply to a pasted memo a wall of "推算（…）：…均为0" lines no clerk reads."""
    from tests.dialogue_support import offline_service

    service = offline_service(db())
    draft = service.start("张三").id
    service.handle(draft, "张三", "某县某某局 2025年 县级")
    reply = service.handle(draft, "张三", "依申请 共12（个10 企2）\n去年→1（个）\n公开7（个6 企1）\n不掌握3（个2 企1）\n"
                                         "信访1（个）\n结转下年 2（个）")
    zero_lines = [x for x in reply.text.splitlines() if x.startswith("- 推算") and "均为0" in x]
    assert not zero_lines and "格由已说的数推出只能为0" in reply.text
    cells = service.facts(draft).cells
    assert cells["t3.partial.natural"] == 0 and cells["t3.total.total"] == 11  # (filled all the same)


def test_bracketed_headings_of_the_notes_label_their_text():
    ops = _ops("【信息管理】\n发文前逐件认定公开属性\n【平台建设】\n政府网站专栏改版\n【主动公开】\n网站：96条\n【依申请公开】\n新收 3（个人3）")
    assert ops["management"].startswith("发文前逐件认定") and ops["platform"].startswith("政府网站专栏改版")
    assert ops["website_items"] == "96" and ops["t3.new_received.natural"] == "3"
    assert "active_notes" not in ops and "on_request_notes" not in ops


def test_a_terminal_trials_last_year_paragraph_sheet_and_carried_case(db):
    """What a clerk's trial in the terminal met: last year's paragraph quoted after "今年照着来" was recorded as
    this year's; an Excel sheet with 公开/部分 as column heads was refused; the carried-over case told
    apart ("表里没算") lost its result; "上面是去年的" took nothing back; a 12333 question had no answer."""
    from tests.dialogue_support import offline_service

    service = offline_service(db())
    draft = service.start("张三").id
    say = lambda text: service.handle(draft, "张三", text)
    say("某县民政局 2025年 县级")
    reply = say("去年是这么写的 今年照着来 “2024年，我局共收到政府信息公开申请15件，其中予以公开9件，结转下年度1件。”")
    assert "t3.new_received.total" not in service.facts(draft).cells and "其他年份" in reply.text
    say("类型\t新收\t公开\t部分\t不掌握\t结转下年\n个人\t18\t11\t2\t4\t1\n企业\t2\t1\t1\t0\t0")
    cells = service.facts(draft).cells
    assert cells["t3.new_received.natural"] == 18 and cells["t3.partial.commercial"] == 1 and cells["t3.granted.natural"] == 11
    reply = say("去年结转那1件 今年公开了 表里没算")
    assert "请连同项目和申请人类型再说一次" in reply.text and service.facts(draft).cells["t3.granted.natural"] == 11
    say("去年结转那件是个人的，今年公开了")
    cells = service.facts(draft).cells
    assert cells["t3.carried_over.natural"] == 1 and cells["t3.granted.natural"] == 12
    assert "不是政府信息公开申请" in say("12333热线的咨询量要写进去吗").text
    # (one applicant's line alone, under the rows' heads, is read the same way)
    ops = _ops("类型\t新收\t予以公开\t部分公开\t不掌握\t结转下年\n个人\t9\t6\t1\t1\t1")
    assert ops["t3.new_received.natural"] == "9" and ops["t3.granted.natural"] == "6" and "t3.granted.commercial" not in ops


def test_the_message_before_said_to_be_last_years_is_taken_back(db):
    from tests.dialogue_support import offline_service

    service = offline_service(db())
    draft = service.start("张三").id
    say = lambda text: service.handle(draft, "张三", text)
    say("某县民政局 2025年 县级")
    say("共收到申请15件，予以公开9件")
    reply = say("不对 上面是去年的 我是想让你照着写")
    assert "已撤销上一步" in reply.text and "t3.new_received.total" not in service.facts(draft).cells
    say("网站发了120条")
    reply = say("刚才贴的去年那段 里面的数别记啊")  # (the step before recorded this year's: nothing undone)
    assert "已撤销" not in reply.text and service.facts(draft).website_items == 120


def test_one_received_last_december_and_carried_into_this_year():
    ops = _ops("今年收到3件，都是个人的。另外还有1件是去年12月中旬收到、结转到今年办的，是一家公司申请的。")
    assert ops["t3.new_received.total"] == "3" and ops["t3.carried_over.total"] == "1"
    assert ops["t3.carried_over.commercial"] == "1" and "t3.carried_forward.total" not in ops
