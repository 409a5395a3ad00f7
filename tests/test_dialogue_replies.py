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


def test_the_check_names_what_the_drafted_text_says_against_the_tables(db):
    # (a clerk's trial: "校验一下" said all was well while an error in the text blocked the approval)
    from tests.dialogue_support import offline_service, talk

    service = offline_service(db())
    draft = service.start("张三").id
    talk(service, draft, ["某县水利局 2025年年报", "依申请4件，都是个人的，上年没结转，予以公开3件，不掌握1件"])
    service.store.save_narrative(draft, "p1.on_request", "本年度共收到政府信息公开申请6件，均已按时答复。",
                                 source="manual", author="张三")
    reply = talk(service, draft, ["校验一下"])[-1].text
    assert "正文里有这些问题" in reply and "6件" in reply and "依申请公开情况" in reply


def test_a_clerks_trial_in_the_terminal(db):
    # (a helper given only the README, as a 区民政局 clerk: what went wrong, each fixed)
    from assistant.dialogue._intents import parse_intent
    from assistant.reading import guide_answer
    from tests.dialogue_support import offline_service, talk

    assert parse_intent("科长说有个错误 在哪").kind == "summary" and parse_intent("撤销，刚才那只是台账里的几行不是全部").kind == "undo"
    assert parse_intent("撤销，规范性文件今年撤销了2件").kind != "undo"
    assert "行政许可事项清单" in (guide_answer("问一下 养老机构备案算不算行政许可？") or "")
    service = offline_service(db())
    draft = service.start("张三").id
    talk(service, draft, ["某区民政局2025年报，县级", "依申请今年新收9件 个人6件 一家养老公司1件 还有个社区居委会1件",
                          "等下 刚才个人那个说错了 是7件不是6件"])
    assert service.facts(draft).cells["t3.new_received.natural"] == 7
    # three lines of the register after nine said: a part, which does not replace the counts said
    reply = service.handle(draft, "张三", "台账里这几件你看下\n申请人\t类别\t申请内容\t办理结果\n某养老公司\t企业\t其他养老院经营数据\t涉及第三方，不予公开\n"
                           "某社区居委会\t其他\t社区养老补贴名单\t公开\n张某\t个人\t低保名单\t办理中").text
    assert "以台账为准" in reply and service.facts(draft).cells["t3.new_received.total"] == 9
    talk(service, draft, ["个人的7件里 4件公开 1件部分公开（遮了身份证号） 1件我们不掌握 让他去找区人社局了，还有1件12月30号才收到的 还没答复 结转明年"])
    cells = service.facts(draft).cells
    assert cells["t3.unable.not_held.natural"] == 1 and cells["t3.partial.natural"] == 1


def test_last_years_ones_result_before_this_years_results_is_named_back(db):
    from tests.dialogue_support import offline_service, talk

    service = offline_service(db())
    draft = service.start("张三").id
    reply = talk(service, draft, ["某区民政局2025年报，县级",
                                  "依申请今年新收5件 个人4件 公司1件 去年结转过来1件是个人的 今年3月份给他公开了"])[-1].text
    assert "上年结转那件的办理结果" in reply and "去年结转那件也公开了" in reply
    assert service.facts(draft).cells["t3.carried_over.natural"] == 1
    # and what the reply says to do works, with a question pending (found playing the web app)
    talk(service, draft, ["个人的4件里 2件公开 1件我们不掌握 1件还没答复 转明年；公司那件涉及第三方，不予公开", "去年结转那件也公开了"])
    assert service.facts(draft).cells["t3.granted.natural"] == 3


def test_a_second_clerks_trial_by_voice(db):
    # (a helper given only the README, as a 县交通运输局 clerk typing by voice)
    from assistant.reading import guide_answer
    from assistant.reading._questions import is_question
    from tests.dialogue_support import offline_service, talk

    asked = "问一下 申请人让他补正材料一直没补正的 算其他处理还是不予处理"
    assert is_question(asked) and "逾期不补正" in (guide_answer(asked) or "")
    assert "（六）其他处理" in (guide_answer("逾期不补正的算哪一类？") or "")
    service = offline_service(db())
    draft = service.start("张三").id
    reply = talk(service, draft, ["某县交通运输局2025年报，县级", "新媒体那边 清水交通公众号发了742条 抖音58条 一共800条"])[-1].text
    assert "742条" in reply and "58条" in reply and service.facts(draft).new_media_posts == 800


def test_a_second_clerks_trial_in_the_terminal(db):
    # (a helper given only the README, as a 区应急管理局 clerk whose draft the 政务公开办 reviewed: each fixed)
    from assistant.reading import guide_answer, is_question
    from tests.dialogue_support import offline_service, talk

    assert is_question("怎么导出成pdf发给科长") and "draft copy" in (guide_answer("怎么导出成pdf发给科长") or "")
    assert "不是政府信息公开申请" in (guide_answer("咨询电话一年接了两百来个 这个要写吗") or "")
    service = offline_service(db())
    draft = service.start("张三").id
    talk(service, draft, ["某县林业局2025年年报，县级", "处罚一共41件 强制3件"])
    # a part of the year's figure said against the whole year's, with no 以…为准
    talk(service, draft, ["等下 大队说41是截至11月底的 全年是45"])
    assert service.facts(draft).cells["t2.penalty.decisions"] == 45
    talk(service, draft, ["依申请今年收了4件 都是个人的 去年没有结转",
                          "予以公开2件 部分公开1件 另外一件12月30号才收到 还没办完 算结转吧"])
    cells = service.facts(draft).cells
    assert cells["t3.carried_forward.natural"] == 1 and cells["t3.new_received.natural"] == 4
    # the reviewer's point relayed: that one row's one application was in fact disclosed in full
    talk(service, draft, ["公开办说部分公开那件其实是全部公开的"])
    cells = service.facts(draft).cells
    assert cells["t3.granted.natural"] == 3 and cells["t3.partial.natural"] == 0
    talk(service, draft, ["网站80条 公众号40条 规章规范性文件都没有 许可0 收费没有", "复议诉讼都没有 信息处理费没收",
                          "问题：栏目更新慢。措施：专人负责", "生成初稿"])
    talk(service, draft, ["予以公开那件其实是部分公开"])
    reply = talk(service, draft, ["校验一下"])[-1].text
    assert "正文待更新" in reply and "生成初稿" in reply


def test_a_clerks_trial_in_the_web_app(db):
    # (a helper given only the README, as a 县交通运输局 clerk in the browser: what went wrong, each fixed)
    from assistant.reading import guide_answer
    from tests.dialogue_support import offline_service, talk

    assert "行政强制决定" in (guide_answer("扣押的那几起算行政强制吧？") or "")
    assert "以本机关名义" in (guide_answer("简易程序罚的也算处罚吗") or "")
    service = offline_service(db())
    draft = service.start("张三").id
    talk(service, draft, ["某县农业农村局2025年年报，县级", "处罚 执法大队30件 渔政站12件 都是以局的名义 也帮我加下"])
    assert service.facts(draft).cells["t2.penalty.decisions"] == 42
    # a part of the sum corrected: the sum again, not the part alone
    reply = talk(service, draft, ["等下 渔政站的处罚是15件 不是12 改一下"])[-1].text
    assert service.facts(draft).cells["t2.penalty.decisions"] == 45 and "45" in reply
    # a whole figure corrected with thousands separators is no part of it ("12,365" is not "12" and "365")
    talk(service, draft, ["许可一共12,365件", "许可那个数我写错了，是12,356件不是12,365件"])
    assert service.facts(draft).cells["t2.licensing.decisions"] == 12356


def test_a_reviewers_comments_are_held_until_the_clerk_takes_one(db):
    # (the report sent back: the reviewer's figures are claims to check, never the agency's until taken)
    from tests.dialogue_support import offline_service, talk

    service = offline_service(db())
    draft = service.start("张三").id
    talk(service, draft, ["某县水利局2025年年报，县级", "网站发了140条 公众号66条",
                          "处罚12件 许可205件 强制没有 规章规范性文件都没有 收费没有"])
    reply = talk(service, draft, ["市里的修改意见：\n"
                                  "一、表二行政许可件数与县政务服务平台办件数（231件）不符，请核实。\n"
                                  "二、网站信息条数应为152条，以网站后台统计为准。\n"
                                  "三、表二行政处罚12件与执法监督平台数据15件不一致。\n"
                                  "四、第五部分内容过于笼统。"])[-1].text
    cells, facts = service.facts(draft).cells, service.facts(draft)
    assert cells["t2.licensing.decisions"] == 205 and facts.website_items == 140 and cells["t2.penalty.decisions"] == 12
    assert "审核意见（共4条）" in reply and "没有记录" in reply and "231" in reply
    # taken by its number, with a colleague's words beside it; one rejected; one with no figure to take
    reply = talk(service, draft, ["二 照他说的改，后台是准的。一不用改，平台把咨询也算进去了。三我们按意见改吧"])[-1].text
    cells, facts = service.facts(draft).cells, service.facts(draft)
    assert facts.website_items == 152 and cells["t2.penalty.decisions"] == 15
    assert cells["t2.licensing.decisions"] == 205
    assert "152" in reply and "15" in reply
    reply = talk(service, draft, ["第4条按意见改"])[-1].text
    assert "第4条" in reply and "没有能直接采用的数" in reply


def test_a_reply_to_the_comments_is_no_text_asked_for(db):
    from tests.dialogue_support import offline_service, talk

    service = offline_service(db())
    draft = service.start("张三").id
    talk(service, draft, ["某镇人民政府2025年年报", "网站30条 公众号12条 依申请没有 去年也没有结转 复议诉讼都没有",
                          "规章规范性文件许可处罚强制都没有 收费也没有",
                          "审核意见：\n1. 网站信息30条与区政府网站统计（36条）不符，请核实。\n2. 问题部分未体现本年度特点。"])
    # the pending question is the problems text: a reply to comment 1 is not that text
    talk(service, draft, ["第1条我们核了，还是30条，这条不改"])
    assert service.facts(draft).problems is None and service.facts(draft).website_items == 30
    # a reviewer's numbering of table 三's rows, and labels said as "问题是…；改进是…"
    talk(service, draft, ["第2条，问题是公开栏内容更新不及时；改进是每月固定一天更新，党政办负责检查。"])
    facts = service.facts(draft)
    assert facts.problems and "更新不及时" in facts.problems and facts.measures and "每月" in facts.measures


def test_the_official_numbering_of_table_three_rows_names_the_row():
    from assistant.reading import read_message

    ops = {op.field: op.value for op in read_message("表三第（四）项第1目个人那栏改成6件").ops}
    assert ops.get("t3.unable.not_held.natural") == "6"
    ops = {op.field: op.value for op in read_message("第（五）项第2目企业一栏应为2").ops}
    assert ops.get("t3.not_processed.repeated.commercial") == "2"


def test_the_comments_answered_by_their_numbers_as_clerks_type_them(db):
    # (a clerk's trial in the terminal: "按他的改", "改成他那个数", a figure of the clerk's own after the number)
    from tests.dialogue_support import offline_service, talk

    service = offline_service(db())
    draft = service.start("张三").id
    talk(service, draft, ["某县林业局2025年年报，县级", "网站210条 处罚31件 许可96件 强制2件"])
    reply = talk(service, draft, ["局里收到的反馈意见：\n"
                                  "1、门户网站信息发布数量与市政府网站群统计不一致，请核实。\n"
                                  "2、表二“行政许可”本年处理决定数量请与政务服务平台核对（平台为104件）。\n"
                                  "3、表二“行政处罚”本年处理决定数量应为33。\n"
                                  "4、第五部分写得不具体。"])[-1].text
    assert "一致，没有变化" not in reply and "第1、4条没有数字" in reply
    talk(service, draft, ["第1条 后台重新导了一下 是226 按他的改"])
    assert service.facts(draft).website_items == 226
    reply = talk(service, draft, ["2 不改 平台那104里有8件是备案 不是许可 还是96"])[-1].text
    assert service.facts(draft).cells["t2.licensing.decisions"] == 96 and "第2条意见不改" in reply
    assert "没能确定" not in reply
    talk(service, draft, ["三 对的 改成他那个数"])
    assert service.facts(draft).cells["t2.penalty.decisions"] == 33


def test_a_row_named_by_its_official_number_is_answered_and_a_statistics_note_keeps_its_figures():
    from assistant.reading import guide_answer, is_question, read_message

    asked = "意见里说的第（四）项第3目 指的是哪一行啊"
    assert is_question(asked) and "补正后申请内容仍不明确" in (guide_answer(asked) or "")
    assert "数据统计需要说明的事项" in (guide_answer("这个数和平台对不上 要不要在报告里说明一下原因 写哪里") or "")
    ops = {op.field: op.value for op in read_message("数据统计需要说明的事项：许可96件不含平台上的8件备案。").ops}
    assert "96" in str(ops.get("statistics_notes")) and "t2.licensing.decisions" not in ops
    ops = {op.field: op.value for op in read_message("这句写到第六部分 其他需要报告的事项里：本局许可数不含备案。").ops}
    assert "agency_name" not in ops and "不含备案" in str(ops.get("other_matters"))


def test_a_word_of_the_clerks_own_text_replaced_in_the_chat(db):
    # (a reviewer's point, "公众号 is to be written 政务新媒体", answered in the chat of a clerk's trial)
    from tests.dialogue_support import offline_service, talk

    service = offline_service(db())
    draft = service.start("张三").id
    talk(service, draft, ["某县民政局2025年年报，县级", "平台建设：依托县政府网站专栏，微信号每周推送两次。问题：微信号留言回复慢"])
    talk(service, draft, ["平台建设这段 把“微信号”换成“政务新媒体”"])
    facts = service.facts(draft)
    assert facts.platform == "依托县政府网站专栏，政务新媒体每周推送两次。" and facts.problems == "微信号留言回复慢"
    reply = talk(service, draft, ["把“抖音号”改成“政务新媒体”"])[-1].text
    assert "没有“抖音号”" in reply and "正文编辑" in reply
    talk(service, draft, ["把处罚改成12件"])  # (a figure, not words)
    assert service.facts(draft).cells["t2.penalty.decisions"] == 12
