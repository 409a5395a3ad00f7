"""Tables as systems export them (comma-separated, one line per applicant), an applicant said to have
none, proposals said to be all completed, and a blanket zero pointing at the table pasted just before."""

from __future__ import annotations

from assistant.drafting.grounding import check_patch
from assistant.reading import continued, guide_answer, parse_pasted_tables, read_message, typed_as_read
from assistant.reading._tables import group_total_lines
from schemas.patches import Patch, PatchOp
from tests.dialogue_support import offline_service, talk


def _cells_after(db, messages: list[str]) -> dict[str, object]:
    """The cells of a new draft after ``messages``, each of them answered (not refused)."""
    service = offline_service(db())
    draft = service.start("张三").id
    talk(service, draft, messages)
    return service.facts(draft).cells


def _values(message: str, **kw) -> dict[str, object]:
    """What the reader takes from ``message``: stated, and counted by itself (applications told apart)."""
    r = read_message(message, **kw)
    return {op.field: op.value for op in [*r.ops, *r.computed]}


# an OA system's export: one line per applicant, the rows of table 三 across, some rows left out
_BY_APPLICANT = """申请人类别,新收,上年结转,予以公开,部分公开,不予公开_国家秘密,无法提供_本机关不掌握,不予处理_信访举报,结转下年
个人,40,3,20,6,1,9,4,3
企业,7,0,4,1,0,2,0,0
律所,2,1,1,0,0,1,0,1
"""


def test_a_table_exported_one_line_per_applicant_is_read_across():
    ops, used = parse_pasted_tables("系统里导出来的，你看下\n" + _BY_APPLICANT)
    got = {op.field: op.value for op in ops}
    assert got["t3.new_received.natural"] == 40
    assert got["t3.carried_over.legal_service"] == 1
    assert got["t3.withheld.state_secret.natural"] == 1
    assert got["t3.unable.not_held.commercial"] == 2
    assert got["t3.not_processed.petition.natural"] == 4
    assert got["t3.carried_forward.legal_service"] == 1
    # rows and applicants the export leaves out are not invented
    assert not any(f.endswith((".research", ".public_interest", ".other")) for f in got)
    assert not any(f.startswith("t3.withheld.third_party") for f in got)
    assert len(used) == 4  # the header and its three lines, as the message has them
    # every quote is the message's own line, so the grounding check accepts every value
    message = "系统里导出来的，你看下\n" + _BY_APPLICANT
    result = check_patch(Patch(ops=ops), message)
    assert not result.rejected and len(result.accepted) == len(ops)


def test_a_comma_separated_sheet_in_the_usual_orientation_is_a_table():
    rows = ["项目,自然人,商业企业,科研机构,社会公益组织,法律服务机构,其他,总计",
            "本年新收,12,3,0,0,1,0,16",
            "上年结转,1,0,0,0,0,0,1"]
    ops, used = parse_pasted_tables("\n".join(rows))
    got = {op.field: op.value for op in ops}
    assert got["t3.new_received.natural"] == 12 and got["t3.new_received.legal_service"] == 1
    assert got["t3.carried_over.natural"] == 1
    assert used[-1] == rows[-1]


def test_one_line_with_commas_is_a_sentence_not_a_sheet():
    assert parse_pasted_tables("网站发了1,276条，公众号2,040条，解读21篇，发布会3场") == ([], [])


def test_an_applicant_said_to_have_none_fills_only_that_applicants_empty_cells():
    got = _values("律所的没有", known={"t3.new_received.legal_service"})
    assert "t3.new_received.legal_service" not in got  # said before: never overwritten
    assert got["t3.granted.legal_service"] == 0
    assert not any(not f.endswith(".legal_service") for f in got)


def test_an_applicant_with_no_application_is_that_applicants_cell_not_the_row():
    got = _values("今年个人申请9件，企业没有申请")
    assert got["t3.new_received.natural"] == "9"
    assert got["t3.new_received.commercial"] == 0
    assert "t3.new_received.research" not in got


def test_proposals_all_completed_is_a_completion_rate_of_100():
    assert _values("人大代表建议7件 政协委员提案4件 均已按期办结")["proposals_completion_rate"] == "100"
    assert _values("承办人大建议2件，办结并公开")["proposals_completion_rate"] == "100"
    got = _values("建议提案一共9件 都办完了 办结率是88.9%")
    assert got["proposals_completion_rate"] == "88.9"  # a rate said in numbers is the rate


def test_proposals_completed_in_part_are_not_table_three():
    r = read_message("政协提案6件，其中办结5件，1件还没办结")
    fields = {op.field for op in r.ops}
    assert not any(f.startswith("t3.") for f in fields)
    assert r.unexplained  # the 5 and the 1 are named back, not dropped


def test_a_review_count_said_as_a_bare_chinese_numeral_is_grounded():
    message = "复议八件 维持五 纠正一 其他二"
    r = read_message(message)
    result = check_patch(Patch(ops=r.ops), message)
    got = {op.field: op.value for op in result.accepted}
    assert got["t4.review.upheld"] in (5, "5") and got["t4.review.other"] in (2, "2")
    assert not result.rejected


def test_the_rows_a_pasted_table_left_out_are_zero_when_the_next_message_says_so(db):
    cells = _cells_after(db, ["城南区民政局，县级，2024年年报", _BY_APPLICANT,
                             "科研机构、公益组织和其他都没有申请 表里没列的行都是0"])
    assert cells["t3.withheld.third_party.natural"] == 0  # a row the export left out
    assert cells["t3.new_received.natural"] == 40  # stated: untouched
    assert cells["t3.new_received.research"] == 0


def test_single_digits_before_their_results_in_a_lawsuit_block():
    message = "直接起诉的四个 三维持一未结"
    r = read_message(message)
    got = {op.field: op.value for op in check_patch(Patch(ops=r.ops), message).accepted}
    assert got["t4.litigation_direct.upheld"] in (3, "3") and got["t4.litigation_direct.pending"] in (1, "1")


def test_a_lawsuit_count_takes_the_kind_said_after_it_when_the_other_kind_is_none():
    got = _values("被起诉过1次 是直接告到法院的 法院驳回了 复议后起诉的没有")
    assert got["t4.litigation_direct.total"] == "1"
    assert "t4.litigation_after_review.total" not in got


def test_one_item_given_two_numbers_in_a_story_is_named_back_not_recorded():
    # the whole count of lawsuits, then one lawsuit of each kind: the reader must not put the 2
    # and the 1 both into 直接起诉
    r = read_message("打官司的有2件 一件是直接起诉的 判了我们败诉 另一件是复议完了他又去法院起诉了 还在审")
    fields = [op.field for op in r.ops]
    assert fields.count("t4.litigation_direct.total") <= 1
    assert {op.value for op in r.ops if op.field == "t4.litigation_direct.total"} <= {"1"}
    assert r.unexplained or "t4.litigation_direct.total" in fields


def test_applicants_told_for_some_only_are_asked_by_name_and_a_bare_none_keeps_what_was_said(db):
    service = offline_service(db())
    draft = service.start("张三").id
    talk(service, draft, ["青山区司法局，县级，2024年的年报", "网站发了120条 公众号88条 解读3篇 发布会没开",
                          "表二 规范性文件没有 许可没有 处罚12件 强制没有 收费没有"])
    r = talk(service, draft, ["今年群众申请了5件 还有一个律所申请了1件 去年没有结转的"])[0]
    assert "商业企业" in r.text and "有没有申请" in r.text  # the others, by name
    r = talk(service, draft, ["没有"])[0]
    cells = service.facts(draft).cells
    assert cells["t3.new_received.natural"] == 5 and cells["t3.new_received.legal_service"] == 1
    assert cells["t3.new_received.commercial"] == 0 and cells["t3.new_received.other"] == 0
    # what became of them is asked in words, not as "表三还缺N格"
    assert "怎么办理" in r.text and "还缺" not in r.text.split("接下来")[-1]
    talk(service, draft, ["律所那件给他公开了 群众的公开了3件 1件不掌握 还有一件问的是出版的年鉴 让他去书店买"])
    cells = service.facts(draft).cells
    assert cells["t3.granted.natural"] == 3 and cells["t3.unable.not_held.natural"] == 1
    assert cells["t3.not_processed.publication.natural"] == 1 and cells["t3.granted.legal_service"] == 1


def test_the_agency_is_the_body_in_full_not_the_clerks_office_or_its_short_name():
    from assistant.reading import full_agency_name
    assert full_agency_name("临江市人社局办公室") == "临江市人力资源和社会保障局"
    assert full_agency_name("白沙县医保局") == "白沙县医疗保障局"
    assert full_agency_name("石门镇党政办") == "石门镇人民政府"
    assert full_agency_name("东湖街道党政综合办") == "东湖街道办事处"
    assert full_agency_name("某部办公厅政务公开办") == "某部"
    # a government's own office is a body of its own; a full name stays as it is
    assert full_agency_name("某市人民政府办公室") == "某市人民政府办公室"
    assert full_agency_name("某县自然资源局") == "某县自然资源局"


def test_a_short_name_is_recorded_in_full_said_back_and_grounded():
    message = "潭口县住建局的 帮我写一下2024年的年报"
    r = read_message(message, topic="agency_name")
    result = check_patch(Patch(ops=r.ops), message)
    got = {op.field: op.value for op in result.accepted}
    assert got["agency_name"] == "潭口县住房和城乡建设局" and got["agency_level"] == "county"
    assert r.name_completed == ("潭口县住建局", "潭口县住房和城乡建设局")


def test_how_to_read_blank_cells_said_before_the_table_zeroes_nothing():
    r = read_message("先把表三贴你，系统导出来的，空着的格子都是0", known=set())
    assert not [op for op in r.ops if op.field.startswith("t3")]


def test_the_official_header_on_three_lines_places_blank_cells_by_column():
    head = ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t\t\t申请人情况\t\t\t\t\t\t",
            "\t\t\t自然人\t法人或其他组织\t\t\t\t\t总计",
            "\t\t\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t"]
    body = ["一、本年新收政府信息公开申请数量\t\t\t30\t4\t\t\t1\t\t35",
            "二、上年结转政府信息公开申请数量\t\t\t2\t\t\t\t\t\t2"]
    ops, _ = parse_pasted_tables("\n".join(head + body))
    got = {op.field: op.value for op in ops}
    assert got["t3.new_received.legal_service"] == 1 and got["t3.new_received.research"] == 0
    assert got["t3.carried_over.natural"] == 2 and got["t3.carried_over.other"] == 0
    assert {op.quote for op in ops if op.field.startswith("t3.carried_over")} == {body[1].strip()}


_REGISTER = """编号\t登记日期\t申请人\t申请人身份\t申请事项\t处理结果
1\t2024-12-20\t李某\t公民\t某路段拓宽工程征地范围\t2025年1月6日 予以公开
2\t2025-02-11\t某建材有限公司\t企业\t某招标项目评标报告\t涉及商业秘密 不予公开
3\t2025-05-07\t钱某\t公民\t某村道路养护经费\t答复不存在该信息
4\t2025-09-30\t孙某\t公民\t某桥梁检测报告\t部分公开
5\t2025-12-28\t吴某\t公民\t某公交线路调整依据\t正在办理"""


def test_a_register_pasted_in_the_chat_is_counted_row_by_row(db):
    service = offline_service(db())
    draft = service.start("张三").id
    talk(service, draft, ["北湖县交通运输局 县级 2025年的年报"])
    r = talk(service, draft, ["我们的登记台账 你帮我算一下\n" + _REGISTER])[0]
    cells = service.facts(draft).cells
    assert cells["t3.carried_over.natural"] == 1 and cells["t3.new_received.natural"] == 3
    assert cells["t3.new_received.commercial"] == 1 and cells["t3.withheld.third_party.commercial"] == 1
    assert cells["t3.unable.not_held.natural"] == 1 and cells["t3.carried_forward.natural"] == 1
    assert "按台账逐条统计了5件申请" in r.text
    assert "没能确定" not in r.text  # the register's dates and numbers are not named back one by one
    # its source names the rows the number counts
    assert service.store.facts(draft)["t3.granted.natural"].quote == "对话中粘贴的台账：1号"
    # one application moved by its number: the cells it counted in move with it
    talk(service, draft, ["4号那件后来核实是全部给了的 应该算予以公开"])
    cells = service.facts(draft).cells
    assert cells["t3.partial.natural"] == 0 and cells["t3.granted.natural"] == 2 and cells["t3.granted.total"] == 2


def test_an_outcome_written_in_the_chats_words_is_placed_by_the_ledger():
    from assistant.ledger import outcome_row
    assert outcome_row("告知非本机关掌握 建议向区住建局申请")[0] == "unable.not_held"
    assert outcome_row("按信访件转办")[0] == "not_processed.petition"


def test_a_file_path_typed_in_counts_nothing_and_says_where_files_go(db):
    service = offline_service(db())
    draft = service.start("张三").id
    talk(service, draft, ["南溪县水利局 县级 2025年"])
    r = talk(service, draft, [r"E:\年报材料2025\依申请台账(第3版).xlsx 用这个"])[0]
    assert not any(a.startswith("t3.") for a in service.facts(draft).cells)
    assert "对话里不能打开文件“依申请台账(第3版).xlsx”" in r.text and "数据表" in r.text


def test_a_year_said_alone_with_who_reports_is_the_report_year():
    got = _values("南溪县水利局 县级 2025年", topic="agency_name")
    assert got["report_year"] == "2025" and got["agency_name"] == "南溪县水利局"


def test_proposals_all_completed_passes_the_check_as_100():
    message = "建议提案 人大的6件 政协的3件 都办结了"
    r = read_message(message)
    result = check_patch(Patch(ops=r.ops), message)
    assert {op.field: op.value for op in result.accepted}.get("proposals_completion_rate") is not None
    assert not result.rejected


def test_the_table_printed_by_the_ledger_command_pastes_back_into_the_chat():
    from assistant.dialogue._checks import unread_table_lines
    head = "表三（2025年）\t自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t总计"
    rows = ["一、本年新收政府信息公开申请数量\t4\t1\t0\t0\t0\t0\t5", "二、上年结转政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1"]
    assert unread_table_lines("\n".join([head, *rows])) == []


def test_asking_how_to_use_a_ledger_is_answered():
    from assistant.reading import guide_answer
    for q in ("我们有个台账 能导进来吗", "表三可以用excel生成吗"):
        assert "数据表" in (guide_answer(q) or ""), q


def test_last_years_figure_said_in_passing_is_not_recorded():
    got = _values("处罚那个我看错了，二十起是上年的，今年是23起")
    assert got == {"t2.penalty.decisions": "23"}
    r = read_message("前年申请有40多件，去年31件，今年少了")
    assert not [op for op in r.ops if op.field.startswith("t3.")]
    # last year's carry-over is this year's: it is recorded
    assert _values("去年转过来的2件都是企业的")["t3.carried_over.commercial"] == "2"


def test_table_two_decisions_said_as_finished_are_table_two():
    got = _values("行政许可全年受理办结4,120件，处罚办结63件")
    assert got == {"t2.licensing.decisions": "4120", "t2.penalty.decisions": "63"}


def test_a_cell_corrected_as_old_then_new_takes_the_new():
    got = _values("表三改一下：过程性信息那行个人列5改4")
    assert got.get("t3.withheld.process_info.natural") == "4"


def test_a_pointer_at_applications_already_told_is_not_a_new_count():
    r = read_message("这三件其实都还没办完")
    assert not [op for op in r.ops if op.field.startswith("t3.")] and r.unexplained


def test_applications_told_one_after_another_in_a_sentence():
    message = "依申请今年两件，都是群众的。一件要村里修路的预算，直接给了；另一件要的是别人家的宅基地审批材料，涉及第三方没给"
    r = read_message(message)
    got = {op.field: op.value for op in check_patch(Patch(ops=r.ops), message).accepted}
    assert got["t3.granted.natural"] in (1, "1") and got["t3.withheld.third_party.natural"] in (1, "1")


def test_the_zero_of_a_date_is_no_none():
    r = read_message("12月30号收到的那件，个人的")
    assert not [op for op in r.ops if str(op.value) == "0"]


def test_an_application_forgotten_is_added_to_what_was_said(db):
    service = offline_service(db())
    draft = service.start("张三").id
    talk(service, draft, ["长河县统计局 县级 2025年", "依申请今年收到4件，都是个人的"])
    r = talk(service, draft, ["对了依申请还漏了一件，也是个人的，11月收的"])[0]
    assert service.facts(draft).cells["t3.new_received.natural"] == 5
    assert "（原为4）" in r.text
    # the same number said again is not added
    talk(service, draft, ["依申请今年收到5件，刚才漏说了一件"])
    assert service.facts(draft).cells["t3.new_received.natural"] == 5


def test_short_row_labels_of_a_clerks_sheet():
    from assistant.reading._tables import _official_label
    assert _official_label("其他处理-其他", "t3") == "（六）其他处理3.其他"
    assert _official_label("要求确认或重新出具", "t3").startswith("（五）不予处理5")


def test_applications_listed_a_line_each_after_a_colon_without_numbers():
    message = ("今年一共收到两件申请，情况如下：\n一个居民要小区改造的设计方案，给他了；\n一家物业公司要别的小区的合同，"
               "涉及商业秘密没给。\n另外去年年底收到的一件，个人的，元旦后答复了，也给了")
    r = read_message(message)
    got = {op.field: op.value for op in check_patch(Patch(ops=r.ops), message).accepted}
    assert got["t3.new_received.natural"] in (1, "1") and got["t3.new_received.commercial"] in (1, "1")
    assert got["t3.carried_over.natural"] in (1, "1") and got["t3.granted.natural"] in (2, "2")
    assert got["t3.withheld.third_party.commercial"] in (1, "1")


def test_no_site_of_its_own_is_not_none_published():
    r = read_message("我们街道没有单独的网站，信息都挂在区政府网站街道专栏，大概一百来条")
    assert "website_items" not in {op.field for op in r.ops}


def test_the_rest_are_individuals_after_a_total_said_before(db):
    cells = _cells_after(db, ["北港市商务局 市级 2024年", "依申请今年新收30件",
                             "申请人：公司5件，律所1件，其余都是个人。"])
    assert cells["t3.new_received.natural"] == 24 and cells["t3.new_received.commercial"] == 5


def test_a_groups_count_is_not_one_rows_when_the_group_is_told_row_by_row():
    r = read_message("不予公开3件：企业要别人的标书，涉及商业秘密，1件；个人要内部讨论稿，属于过程性信息，2件")
    got = {op.field: op.value for op in r.ops}
    assert got.get("t3.withheld.third_party.total") == "1" and got.get("t3.withheld.process_info.total") == "2"
    assert not any(v == "3" for f, v in got.items() if f != "t3.withheld.total")


def test_a_channel_said_as_part_of_the_new_media_count_is_not_added():
    got = _values("新媒体一共1,530条，其中视频号210条")
    assert got["new_media_posts"] == "1530"
    assert _values("公众号900条、视频号210条")["new_media_posts"] == "1110"  # two channels: one count


def test_a_number_taken_back_with_a_dash_gives_way_to_the_next():
    assert _values("发布会开了3场——不对，是4场")["press_conferences"] == "4"


def test_yes_then_no_on_the_fee_in_a_correction_takes_the_last():
    got = _values("信息处理费收过……不对，我记错了，今年没收过信息处理费")
    assert got.get("fee_charged") is False


def test_the_carry_over_told_in_a_whole_story_fills_its_row():
    message = ("收到两件：\n一个居民问拆迁安置方案，给了；\n一家律所要执法记录，属于行政执法案卷，没给。\n"
               "还有一件是上年年底一个老人申请的，过了年才答复，也公开了")
    r = read_message(message + "。今年新收2件")
    got = {op.field: op.value for op in check_patch(Patch(ops=r.ops), message + "。今年新收2件").accepted}
    assert got["t3.carried_over.natural"] in (1, "1") and got["t3.carried_over.total"] in (1, "1")


def test_one_application_added_with_its_result_counts_in_the_result_row_too():
    got = _values("对了 还漏了一件申请，是一家养殖场12月28号交的，还在办，结转到明年")
    assert got["t3.new_received.commercial"] == "1" and got["t3.carried_forward.commercial"] == "1"
    assert got["t3.carried_forward.total"] == "1"
    assert "t3.carried_forward.natural" not in got  # (not every application: that one)


def test_applications_a_line_each_opening_with_who_asked():
    message = ("一家物流公司要道路货运许可的办理时限规定，给了\n有个研究所要全市交通流量统计，数据要另行加工，没有现成的\n"
               "某村委会要本村的补偿款拨付记录，公开了")
    got = _values(message)
    assert got["t3.granted.commercial"] == "1" and got["t3.unable.needs_creation.research"] == "1"
    assert got["t3.granted.other"] == "1" and got["t3.granted.total"] == "2"


def test_an_application_where_the_clerk_settles_the_column_after_asking():
    message = ("有个商会要我们的会议纪要，内部事务，没给。商会算企业还是其他？我们一直填在企业里，就填企业吧\n"
               "一个个人要他家的低保审批表，给了")
    r = read_message(message)
    got = {op.field: op.value for op in r.ops}
    assert got["t3.withheld.internal_affairs.commercial"] == "1" and got["t3.granted.natural"] == "1"
    assert any("商会算企业还是其他" in q for q in r.questions)  # the question is still answered


def test_who_asked_is_named_before_what_was_asked_for():
    # 个人信息 is in what was asked for; 公示 is a word of its own, not a slip for 公司
    message = "一家药店要处罚决定书，把个人信息遮了给的，算部分公开\n一个个人要药品抽检的公示名单，给了"
    got = _values(message)
    assert got["t3.partial.commercial"] == "1" and got["t3.granted.natural"] == "1"
    assert "t3.partial.natural" not in got and "t3.granted.commercial" not in got


def test_items_said_bare_one_after_another_share_the_none():
    def rows(message: str) -> set[str]:
        return {".".join(f.split(".")[:2]) for f, v in _values(message).items() if v in (0, "0")}
    assert rows("许可 处罚 强制都没有") == {"t2.licensing", "t2.penalty", "t2.enforcement"}
    assert rows("规章，规范性文件，收费都是0") == {"t2.regulations", "t2.normative_docs", "t2.fees"}


def test_a_count_inside_a_named_fact_is_not_an_application():
    got = _values("区政协提案承办了8件（主办5件协办3件），都办结了，结果都公开了", topic="t3")
    assert got.get("cppcc_proposals") == "8"
    assert not any(f.startswith("t3.") for f in got)


def test_a_bare_none_to_the_last_carry_over_question_fills_the_table(db):
    service = offline_service(db())
    draft = service.start("张三").id
    talk(service, draft, ["清水县林业局 县级 2024年",
                          "申请今年就三件：\n一个村民要林权证的登记资料，给了；\n一个村民要采伐指标的分配表，给了；\n"
                          "一家木材公司要别家的采伐许可，涉及商业秘密，没给",
                          "网站80条，公众号60条，发布会没开，解读2篇", "表二都是0", "没有复议诉讼"])
    plan = service.plan(draft)
    assert "上年有没有结转" in plan.questions[0].text
    talk(service, draft, ["没有"])
    cells = service.facts(draft).cells
    assert cells["t3.carried_over.natural"] == 0 and cells["t3.granted.natural"] == 2
    assert service.plan(draft).questions[0].key != "t3"  # the table is whole now


def test_what_a_sentence_said_before_calling_it_another_years_is_taken_back():
    got = _values("发布会开了6场……哦不对，那是2022年的，今年开了4场", report_year=2024)
    assert got["press_conferences"] == "4"
    got = _values("信息处理费收了2件共300元，不对，那是前年的，今年没收")
    assert got.get("fee_charged") is False and "fee_amount" not in got
    got = _values("元旦后又来了三件申请，这些算明年报告的", report_year=2024)
    assert not any(f.startswith("t3.") for f in got)
    # the report's own year is not another year
    assert _values("网站发了210条，那是2024年的", report_year=2024)["website_items"] == "210"


def test_a_row_of_three_columns_given_one_zero():
    got = _values("规范性文件发了1件，现行有效6件，规章0")
    assert {f for f, v in got.items() if v in (0, "0")} == {"t2.regulations"}
    assert _values("规章0件")["t2.regulations"] in (0, "0")


def test_seizures_are_administrative_enforcement():
    assert _values("查封扣押十四件")["t2.enforcement.decisions"] == "14"


def test_each_reason_told_with_who_asked_and_its_count():
    got = _values("无法提供3件：个人要十年前的征地档案，我们不掌握，2件；一家律所要的统计表需要另行制作，1件")
    assert got["t3.unable.not_held.natural"] == "2" and got["t3.unable.not_held.total"] == "2"
    assert got["t3.unable.needs_creation.legal_service"] == "1"


def test_applied_for_by_an_applicant_inside_a_row_told_is_not_a_new_application():
    r = read_message("本机关不掌握那5件，有两件是公司申请的，个人应该是3，企业2",
                     earlier={"t3.unable.not_held.total": 5, "t3.new_received.total": 40})
    got = {op.field: op.value for op in r.ops}
    assert got.get("t3.unable.not_held.commercial") == "2" and got.get("t3.unable.not_held.natural") == "3"
    assert not any(f.startswith("t3.new_received.") for f in got)


def test_one_lawsuit_of_one_kind_is_none_of_the_other():
    r = read_message("起诉的有1件，是复议以后又告到法院的，法院驳回了")
    assert {op.field: op.value for op in r.ops}.get("t4.litigation_after_review.total") == "1"
    other = {op.field: op.value for op in r.computed if op.field.startswith("t4.litigation_direct.")}
    assert len(other) == 5 and set(other.values()) == {"0"}
    # the other kind said in words of its own is left to those words
    r = read_message("诉讼2件都是直接起诉的，都维持了。复议后起诉的没有")
    assert not r.computed and any(op.field == "t4.litigation_after_review" for op in r.ops)


def test_decisions_of_several_kinds_named_add_up():
    got = _values("简易程序处罚一百二十件，普通程序处罚8件")
    assert got["t2.penalty.decisions"] == "128"
    assert _values("许可一共300件，不对，是310件")["t2.licensing.decisions"] == "310"


def test_sub_rows_named_by_their_numbers_with_short_words():
    from assistant.reading._tables import _official_label
    assert _official_label("（三）8.行政查询", "t3") == "（三）不予公开8.属于行政查询事项"
    assert _official_label("(四)2 另行制作", "t3") == "（四）无法提供2.没有现成信息需要另行制作"
    assert _official_label("（六）2.逾期未缴费", "t3").startswith("（六）其他处理2.")
    assert _official_label("二、上年结转", "t3") == "二、上年结转政府信息公开申请数量"
    assert _official_label("（五）1.重复申请", "t3") is None  # numbers and words disagree: neither is trusted


def test_the_shape_of_a_table_is_not_a_count():
    r = read_message("表是我们自己的，只有五个申请人的列，少了总计那一栏，共二十五行")
    assert not any(op.field.startswith("t3.") for op in r.ops) and not r.unexplained


def test_one_application_moved_between_rows_by_words(db):
    cells = _cells_after(db, ["青山县交通局 县级 2024年",
                          "予以公开8件（个人6，企业2），本机关不掌握3件都是个人，信访举报投诉类1件个人，新收12件，上年没有结转，都办完了",
                             "不掌握那行个人的3件里，有一件其实是信访，应该挪到信访举报投诉那行"])
    assert cells["t3.unable.not_held.natural"] == 2 and cells["t3.unable.not_held.total"] == 2
    assert cells["t3.not_processed.petition.natural"] == 2 and cells["t3.not_processed.petition.total"] == 2
    assert cells["t3.granted.natural"] == 6  # nothing else moves


def test_a_slip_over_a_one_character_word():
    assert _values("处发一百零三件")["t2.penalty.decisions"] == "103"
    assert _values("规范性文件发了3件")["t2.normative_docs.issued"] == "3"  # 发 is still its own word


def test_a_figure_said_of_before_is_not_this_years():
    got = _values("规范性文件今年没发，原来有效的是9件，今年废了2件，现在有效7件")
    assert got["t2.normative_docs.in_force"] == "7" and got["t2.normative_docs.repealed"] == "2"


def test_a_told_application_placed_and_asked_about_is_not_counted_again():
    r = read_message("重复申请怎么算？有一件是同一个人第二次来要一样的东西，我算在重复申请里了，对吧？")
    assert not any(op.field.startswith("t3.") for op in r.ops) and r.questions


def test_a_list_of_this_years_applications_counts_them():
    message = ("今年收到的申请如下：\n1.一个居民要加装电梯的补贴名单，给了\n2.一家公司要别家的中标价，涉及商业秘密，没给\n"
               "3.有个人写的是申请，其实是举报物业的，转给信访了")
    r = read_message(message)
    got = {op.field: op.value for op in [*r.ops, *r.computed]}
    assert got["t3.new_received.total"] == "3" and got["t3.new_received.natural"] == "2"
    assert got["t3.not_processed.petition.natural"] == "1"


def test_guide_answers_by_topic_not_by_a_question_word_alone():
    from assistant.reading import guide_answer
    assert "新媒体" in guide_answer("我们有个抖音号也发东西，这个算不算？")
    assert "一件" in guide_answer("三个人联名交了一份申请，算几件？")
    assert guide_answer("这个算不算？") is None


def test_a_sentence_opened_as_last_years_figures_is_all_last_years():
    got = _values("先说说上年的情况：网站发了380条，申请收了4件，都公开了。今年网站发了410条")
    assert got["website_items"] == "410" and not any(f.startswith("t3.") for f in got)


def test_what_a_document_is_about_names_no_item():
    got = _values("规范性文件今年出了2个，是关于校车收费管理的，没废止的，有效的一共6个")
    assert got["t2.normative_docs.issued"] == "2" and got["t2.normative_docs.in_force"] == "6"
    assert "t2.fees.amount" not in got


def test_published_on_the_web_and_together_are_words():
    assert _values("政协提案9件，都办结了，答复都挂网了").get("proposals_published") is True
    r = read_message("视频号的也加在一起吧")
    assert not r.unexplained


def test_problems_said_as_what_the_clerk_wants_to_write():
    from assistant.reading import labelled_texts
    got = {t.field: t.text for t in labelled_texts("问题我打算写 公开栏内容陈旧；明年要 每季度更新一次", lambda s: False)}
    assert got["problems"].startswith("公开栏内容陈旧") and got["measures"].startswith("每季度更新")


def test_table_three_told_one_applicant_a_line():
    message = ("个人的：新收320 上年结转12；公开150，部分40；不掌握90；信访15；结转下年7\n"
               "公司的：新收30 结转2；公开11 部分5 不掌握14 结转2\n"
               "社会组织（行业协会那种）：新收4 公开4")
    got = _values(message)
    assert got["t3.new_received.natural"] == "320" and got["t3.carried_over.natural"] == "12"
    assert got["t3.granted.natural"] == "150" and got["t3.partial.natural"] == "40"
    assert got["t3.carried_forward.natural"] == "7"
    assert got["t3.carried_over.commercial"] == "2" and got["t3.carried_forward.commercial"] == "2"
    assert got["t3.granted.commercial"] == "11" and got["t3.partial.commercial"] == "5"
    assert got["t3.new_received.public_interest"] == "4" and got["t3.granted.public_interest"] == "4"
    assert "t3.new_received.total" not in got


def test_table_three_pasted_without_labels_in_the_formats_row_order():
    rows = [f"{v}\t0\t0\t0\t0\t0" for v in [5, 1, 3, 1] + [0] * 8 + [1, 0, 0] + [0] * 5 + [0, 0, 0] + [5, 1]]
    message = "只复制了数字，按表三从上到下的顺序，每行6个数：\n" + "\n".join(rows)
    r = read_message(message)
    got = {op.field: op.value for op in r.ops}
    assert got["t3.new_received.natural"] == 5 and got["t3.carried_over.natural"] == 1
    assert got["t3.unable.not_held.natural"] == 1 and got["t3.carried_forward.natural"] == 1
    assert not r.unexplained
    # without words that say the order, 25 bare lines are not placed by guess: only when they add up as
    # table 三's rows do (results to 总计, new + carried = 总计 + 结转), which these do and these swapped do not
    assert any(op.field == "t3.unable.not_held.natural" for op in read_message("\n".join(rows)).ops)
    swapped = [rows[2], rows[1], rows[0], *rows[3:]]
    assert not any(op.field.startswith("t3.") for op in read_message("\n".join(swapped)).ops)


def test_a_row_of_table_three_named_by_its_place():
    got = _values("表三第3行个人的应该是31，第24行总计的个人也改成90")
    assert got["t3.granted.natural"] == "31" and got["t3.total.natural"] == "90"


def test_one_more_told_is_a_result_when_the_results_fell_short():
    # 5 came in, 4 results told: "漏了一个" is the fifth's result, not a sixth application
    earlier = {"t3.new_received.natural": 5, "t3.new_received.total": 5, "t3.granted.natural": 4, "t3.granted.total": 4}
    got = {op.field: op.value for op in read_message("漏了一个 有1件个人的 申请内容不明确 补正后还是不明确", earlier=earlier).ops}
    assert got.get("t3.unable.unclear.natural") == "1" and not any(f.startswith("t3.new_received") for f in got)
    # every one of them has its result: one more is one more application
    earlier["t3.granted.natural"] = earlier["t3.granted.total"] = 5
    got = {op.field: op.value for op in read_message("还漏了1件，企业的，给了", earlier=earlier).ops}
    assert got.get("t3.new_received.commercial") == "1" and got.get("t3.granted.commercial") == "1"


def test_none_on_one_channel_is_not_none_on_new_media():
    got = _values("公众号没开，只有个抖音号，一年发了三十来条")
    assert "new_media_posts" not in got


def test_a_party_committees_office_reports_as_its_government():
    from assistant.reading import full_agency_name
    assert full_agency_name("西湖街道党工委办公室") == "西湖街道办事处"
    assert full_agency_name("石门镇党委办") == "石门镇人民政府"
    assert _values("我是北关街道党工委的，弄一下24年的政务公开年报")["report_year"] == "2024"


def test_applications_moved_between_applicant_columns(db):
    service = offline_service(db())
    draft = service.start("张三").id
    table = ("项目,自然人,商业企业,科研机构,社会公益组织,法律服务机构,其他\n本年新收,40,6,0,1,2,5\n上年结转,0,0,0,0,0,0\n"
             "予以公开,20,3,0,1,1,3\n部分公开,8,1,0,0,0,2\n无法提供-不掌握,12,2,0,0,1,0")
    talk(service, draft, ["东江市环保局 市级 2024年", table])
    talk(service, draft, ["其他那列有4件其实是环保组织申请的，系统里填成其他了，应该算社会公益组织：三件予以公开、一件部分公开，新收那行也跟着改"])
    cells = service.facts(draft).cells
    assert cells["t3.granted.other"] == 0 and cells["t3.granted.public_interest"] == 4
    assert cells["t3.partial.other"] == 1 and cells["t3.partial.public_interest"] == 1
    assert cells["t3.new_received.other"] == 1 and cells["t3.new_received.public_interest"] == 5
    assert cells["t3.granted.total"] == 28  # each row's total stays


def test_a_csv_lines_cells_are_not_one_number_with_a_thousands_comma():
    message = "项目,自然人,商业企业,科研机构,社会公益组织,法律服务机构,其他,合计\n本年新收,512,64,5,15,27,12,635"
    got = {op.field: op.value for op in check_patch(Patch(ops=read_message(message).ops), message).accepted}
    assert got["t3.new_received.other"] == 12 and got["t3.new_received.total"] == 635


def test_how_often_is_not_how_many_and_letters_are_not_applications():
    assert _values("新闻发布会每月一场，全年共12场")["press_conferences"] == "12"
    assert not any(f.startswith("t3.") for f in _values("局长信箱收到来信3,200件，这些不是申请"))
    assert _values("两微一共发了1,500条")["new_media_posts"] == "1500"


def test_what_an_application_asked_for_names_no_item_of_table_two():
    got = _values("其中1件其实是要别家公司的行政处罚决定书，应该算第三方权益")
    assert "t2.penalty.decisions" not in got


def test_a_lawsuit_won_or_lost_in_plain_words():
    got = _values("诉讼2件，都是直接起诉的，一件打赢了，一件输了")
    assert got["t4.litigation_direct.upheld"] == "1" and got["t4.litigation_direct.corrected"] == "1"


def test_a_numbered_list_of_outcomes_counts_a_line_of_several_and_the_one_carried_on():
    earlier = {"t3.new_received.total": 8, "t3.new_received.natural": 6, "t3.new_received.commercial": 2,
               "t3.granted.natural": 2, "t3.granted.total": 2}
    message = ("剩下几件：\n1、有个居民要别人家的房产信息，涉及第三方，不予公开\n2、另外三个个人问的都是我们不掌握的\n"
               "3、一个人其实是投诉饭店油烟，按信访处理了\n4、还有1件企业的12月底才收到，结转到明年")
    got = {op.field: op.value for op in read_message(message, earlier=earlier).ops}
    assert got["t3.unable.not_held.natural"] == "3" and got["t3.not_processed.petition.natural"] == "1"
    assert got["t3.carried_forward.commercial"] == "1"
    assert not any(f.startswith("t3.new_received.") for f in got)  # results of the 8 already counted


def test_one_told_alone_after_the_results_is_its_result_not_one_more():
    earlier = {"t3.new_received.total": 12, "t3.new_received.natural": 9, "t3.granted.natural": 4}
    got = {op.field: op.value for op in read_message("还有1件个人的12月底才收到，结转到明年", earlier=earlier).ops}
    assert got == {"t3.carried_forward.natural": "1", "t3.carried_forward.total": "1"}


def test_a_count_said_to_be_one_applicants_is_its_rows_total():
    got = _values("去年结转2件是企业的")
    assert got["t3.carried_over.commercial"] == "2" and got["t3.carried_over.total"] == "2"


def test_the_rest_after_one_rows_applicant_is_that_rows_rest():
    got = _values("上年结转2件是企业的，其他都没有", recent=("t3",), known=["t3.new_received.total"])
    zeros = {f for f, v in got.items() if v in (0, "0")}
    assert zeros and all(f.startswith("t3.carried_over.") for f in zeros)
    assert got["t3.carried_over.commercial"] == "2"


def test_one_more_application_adds_to_the_rows_never_replaces_them(db):
    # "又收了一件" after six: seven, and the result row grows by one — not "1" for both
    cells = _cells_after(db, ["某县水利局 2025年年报", "依申请一共8件，都是群众申请的，去年没有结转，予以公开6件，不掌握2件",
                             "年底又来了一件，是个体户申请的，也给他公开了"])
    assert cells["t3.new_received.total"] == 9 and cells["t3.new_received.commercial"] == 1
    assert cells["t3.granted.total"] == 7 and cells["t3.granted.commercial"] == 1
    assert cells["t3.granted.natural"] == 6  # (derived before from "都是群众"): untouched


def test_one_carried_over_told_later_with_its_result(db):
    cells = _cells_after(db, ["某县水利局 2025年年报", "依申请4件，都是个人，上年没结转，予以公开3件，重复申请1件",
                             "刚想起来，上年其实结转过来1件，是一家企业的，今年3月答复了，部分公开"])
    assert cells["t3.carried_over.commercial"] == 1 and cells["t3.carried_over.total"] == 1
    assert cells["t3.partial.commercial"] == 1 and cells["t3.partial.total"] == 1
    assert cells["t3.granted.total"] == 3  # the results told before stay


def test_that_one_told_before_gets_its_result_and_nothing_more_came_in(db):
    cells = _cells_after(db, ["某县水利局 2025年年报", "今年收到申请3件，2件是个人的，1件是一家律所的，上年结转0",
                             "个人的那2件：一件公开了，一件是我们不掌握的",
                             "律所那件年底才收到的 还没办完 放到明年"])
    assert cells["t3.granted.natural"] == 1 and cells["t3.unable.not_held.natural"] == 1  # "个人的那2件：" is theirs
    assert cells["t3.carried_forward.legal_service"] == 1
    assert cells["t3.new_received.total"] == 3 and cells["t3.new_received.legal_service"] == 1  # not one more


def test_a_list_told_over_messages_adds_to_what_the_first_message_placed(db):
    cells = _cells_after(db, ["某县水利局 2025年年报", "今年来了4件申请，去年年底还有1件没办完的转到今年了",
                             "去年转来的那个：一位老人要取水许可的公示，2月份给了",
                             "今年的4件：\n①一个村民要河道整治的方案，给了\n②一家公司要采砂许可的批复，涉及商业秘密，遮掉一部分给的\n"
                               "③有个人写的其实是举报偷排的，按信访办的"])
    assert cells["t3.carried_over.total"] == 1 and cells["t3.carried_over.natural"] == 1
    assert cells["t3.granted.natural"] == 2  # the one from last year and ①
    assert cells["t3.partial.commercial"] == 1 and cells["t3.not_processed.petition.natural"] == 1


def test_a_numbered_list_with_one_line_that_cannot_be_placed_names_it_back():
    r = read_message("①一个居民要拆迁安置方案，给了\n②一个大姐同样的东西前后交了两回，头一回答复过了\n③一家饭店要卫生检查结果，没有这个信息")
    got = {op.field: op.value for op in r.ops}
    assert got["t3.granted.natural"] == "1" and got["t3.unable.not_held.commercial"] == "1"
    assert any(u.startswith("②") for u in r.unexplained)  # not dropped with the list


def test_a_new_count_with_how_it_differs_from_the_old_one():
    r = read_message("许可那个又核了一遍 是215件 上次漏了两件", earlier={"t2.licensing.decisions": 213})
    assert {op.field: op.value for op in r.ops} == {"t2.licensing.decisions": "215"}
    assert not r.unexplained
    r = read_message("许可那个又核了一遍 是215件 上次漏了三件", earlier={"t2.licensing.decisions": 213})
    assert r.unexplained  # 213 and three are not 215: which is right is asked, not guessed


def test_slashes_between_applicant_words_are_not_a_file_path():
    r = read_message("顺序是 自然人/商业企业/科研机构/社会公益组织/法律服务机构/其他")
    assert not r.files


def test_hotline_counts_are_no_applications():
    for message in ("市长信箱今年收到来信812件，都回复了", "12320卫生热线全年受理投诉560件"):
        r = read_message(message)
        assert not [op for op in r.ops if op.field.startswith("t3.")], message
        assert r.not_ours and not r.unexplained  # said back as no figure of the report, not dropped
    got = _values("有1件信访的，转到12345热线了")  # a hotline where one went: still the row's count
    assert got.get("t3.not_processed.petition.total") == "1"


def test_the_sum_of_two_rows_is_neither_row():
    r = read_message("予以公开加上部分公开总共40件")
    assert not any(op.field.startswith("t3.") for op in r.ops) and r.unexplained
    r = read_message("予以公开加上部分公开总共40件", earlier={"t3.granted.total": 31, "t3.partial.total": 9})
    assert not any(op.field.startswith("t3.") for op in r.ops) and r.checked


def test_the_column_or_row_the_clerk_files_it_in_wins():
    got = _values("需另行制作2件（一个是商会的，我们一般填在其他那列）")
    assert got.get("t3.unable.needs_creation.other") == "2" and "t3.unable.needs_creation.public_interest" not in got
    got = _values("企业的：部分公开1件，还有一个补正以后还是看不懂要啥，就按“补正后申请内容仍不明确”吧")
    assert got.get("t3.unable.unclear.commercial") == "1"
    assert not any(f.startswith("t3.other_handling.") for f in got)


def test_what_an_application_was_about_is_neither_who_asked_nor_an_item_of_table_two():
    got = _values("不予处理2件，都是个人，其实是投诉一家饭店噪音扰民的")
    assert got.get("t3.not_processed.petition.natural") == "2" and got.get("t3.not_processed.petition.commercial") in (None, "0")
    got = _values("一个人要我们行政许可审查会的记录，属于过程性信息")
    assert "t2.licensing.decisions" not in got
    r = read_message("重复申请1件，转交给县执法大队了")
    assert not any(op.field == "agency_name" for op in r.ops)


def test_a_line_opening_with_its_applicant_holds_across_sentences():
    got = _values("企业（商业企业）：新收5件。予以公开3件，不掌握2件")
    assert got["t3.granted.commercial"] == "3" and got["t3.unable.not_held.commercial"] == "2"
    assert "t3.granted.total" not in got


def test_one_more_of_an_applicant_after_the_rows_adds_to_the_row_total(db):
    cells = _cells_after(db, ["某县水利局 2025年年报", "个人的：新收10件，予以公开8件，不掌握2件",
                             "还有一个商会的申请1件，也公开了。这样一共是新收11件"])
    assert cells.get("t3.granted.total") in (None, 9)  # (never 1: that one's count is not the row's)
    assert cells["t3.granted.public_interest"] == 1 and cells["t3.granted.natural"] == 8


def test_voice_input_groups_of_results_each_with_their_rows():
    got = _values("不予公开两件 都是第三方权益 无法提供三件 不掌握的两件 另行制作一件 其他处理一件 是申请人撤回的")
    assert got["t3.withheld.third_party.total"] == "2"
    assert got["t3.unable.not_held.total"] == "2" and got["t3.unable.needs_creation.total"] == "1"
    got = _values("企业的 公开三件 就是过程性信息那个 不予公开一件 本机关不掌握两件")
    assert got.get("t3.withheld.process_info.commercial") == "1" and got["t3.unable.not_held.commercial"] == "2"


def test_a_system_export_with_its_he_ji_column_first():
    ops, _ = parse_pasted_tables("类别,合计,自然人,商业企业,科研机构,社会公益组织,法律服务机构,其他\n"
                                 "本年新收,48,30,10,2,1,4,1\n予以公开,20,12,5,1,0,2,0\n")
    got = {op.field: op.value for op in ops}
    assert got["t3.new_received.total"] == 48 and got["t3.new_received.natural"] == 30
    assert got["t3.granted.other"] == 0 and got["t3.granted.legal_service"] == 2


def test_why_an_item_of_table_two_is_none_is_no_application_row():
    got = _values("规范性文件制发2件；规章这块不归我们管，是0")
    assert not any(f.startswith("t3.") for f in got)


def test_fees_in_yi_yuan_and_round_yuan_are_plain_wan_yuan():
    assert _values("行政事业性收费2.05亿元")["t2.fees.amount"] == "20500"
    assert _values("行政事业性收费4000000元")["t2.fees.amount"] == "400"


def test_the_new_count_said_with_the_one_added(db):
    cells = _cells_after(db, ["某县水利局 2025年年报", "依申请2件，都是个人的，1件公开了，1件不掌握",
                             "哦说错了 一共3件 还有一件是一家公司的，也公开了"])
    assert cells["t3.new_received.total"] == 3 and cells["t3.new_received.commercial"] == 1
    assert cells["t3.granted.total"] == 2 and cells["t3.granted.commercial"] == 1


def test_regulations_and_documents_said_together():
    got = _values("我们镇没有规章和文件")
    assert got.get("t2.regulations") == 0 and got.get("t2.normative_docs") == 0


def test_a_table_from_a_photo_with_label_fragments_before_the_rows():
    ops, _ = parse_pasted_tables(
        "自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计\n"
        "一、本年新收政府信息公开申请数量 80 9 1 0 3 1 94\n"
        "三、本 (一)予以公开 30 4 1 0 1 0 36\n"
        "年度办 (二)部分公开(区分处理 8 1 0 0 1 0 10\n"
        "(三)不予 2.其他法律行政法规禁 1 0 0 0 0 0 1\n"
        "(四)无法 1.本机关不掌握相关政 20 2 0 0 1 1 24\n")
    got = {op.field: op.value for op in ops}
    assert got["t3.granted.total"] == 36 and got["t3.partial.natural"] == 8
    assert got["t3.withheld.prohibited_by_law.natural"] == 1 and got["t3.unable.not_held.total"] == 24


def test_fees_in_yi_yuan_pass_the_check_of_the_words(db):
    service = offline_service(db())
    draft = service.start("张三").id
    talk(service, draft, ["某市住建局 2025年年报", "行政事业性收费0.85亿元"])
    assert str(service.facts(draft).cells["t2.fees.amount"]) == "8500"


def test_the_rest_are_one_applicants_and_each_of_a_list():
    got = _values("剩下的全是个人的：过程性信息2件，需另行制作1件")
    assert got["t3.withheld.process_info.natural"] == "2" and got["t3.unable.needs_creation.natural"] == "1"
    got = _values("不掌握的个人和律所各2件")
    assert got["t3.unable.not_held.natural"] == "2" and got["t3.unable.not_held.legal_service"] == "2"


def test_applicants_listed_with_qi_ta_have_none():
    for message in ("科研和其他都没有", "公益组织、其他没有"):
        got = _values(message, topic="t3.new_received", known=["t3.new_received.natural"])
        assert got.get("t3.new_received.other") == 0, message
        assert got.get("t3.new_received.natural") is None  # said before: untouched


def test_a_none_opening_a_message_answers_the_question_asked(db):
    r = read_message("没有。上年结转过来2件，都是个人的", topic="t3.new_received",
                     known=["t3.new_received.natural", "t3.new_received.total"])
    got = {op.field: op.value for op in r.ops}
    assert got["t3.new_received.research"] == 0 and got["t3.carried_over.total"] == "2"


def test_a_clerks_sheet_with_some_applicant_columns_and_no_total():
    r = read_message("结果\t个人\t公司\n予以公开\t12\t3\n不予公开-保护第三方合法权益\t2\t1\n无法提供-不掌握\t4\t0\n")
    got = {op.field: op.value for op in r.ops}
    assert got == {"t3.granted.natural": 12, "t3.granted.commercial": 3, "t3.withheld.third_party.natural": 2,
                   "t3.withheld.third_party.commercial": 1, "t3.unable.not_held.natural": 4,
                   "t3.unable.not_held.commercial": 0}  # (no 总计, no other column said to be 0)
    assert not r.unexplained


def test_a_groups_count_and_its_applications_told_after_a_colon():
    r = read_message("不予公开2件：一家公司要别家的投标文件，涉及商业秘密没给；有个律所要执法卷宗，属于行政执法案卷")
    got = {op.field: op.value for op in r.ops}
    assert got["t3.withheld.third_party.commercial"] == "1" and got["t3.withheld.enforcement_file.legal_service"] == "1"
    assert not r.unexplained and r.checked == ["不予公开2件"]


def test_a_question_of_which_row_records_nothing():
    r = read_message("遮掉一部分再给的那种，算部分公开还是算不予公开？")
    assert not r.ops and r.questions
    assert "t2.penalty.decisions" not in _values("有个律所要一个处罚案件的卷宗，属于行政执法案卷")


def test_one_of_an_applicants_is_in_another_row_and_the_rows_new_total(db):
    cells = _cells_after(db, ["某县水利局 2025年年报", "依申请9件，个人7件，企业2件，没有结转，都办完了",
                             "予以公开8件，个人6件企业2件；不掌握1件，个人的",
                             "更正：企业那2件 有一件其实是部分公开不是公开 那予以公开一共就是7件"])
    assert cells["t3.granted.commercial"] == 1 and cells["t3.partial.commercial"] == 1
    assert cells["t3.granted.total"] == 7 and cells["t3.partial.total"] == 1


def test_what_was_asked_for_after_shi_is_not_who_asked():
    got = _values("企业的：有一件是要另一家公司的中标价格，涉及商业秘密，不予公开了",
                  earlier={"t3.withheld.third_party.natural": 1, "t3.withheld.third_party.total": 1})
    assert got.get("t3.withheld.third_party.commercial") == "1"
    assert "t3.withheld.third_party.total" not in got  # (that row's 1 of a person's stays; not set to 1)


def test_money_said_in_kuai_qian(db):
    service = offline_service(db())
    draft = service.start("张三").id
    talk(service, draft, ["某县水利局 2025年年报", "行政事业性收费一万两千块钱，信息处理费收了300块钱"])
    facts = service.facts(draft)
    assert str(facts.cells["t2.fees.amount"]) == "1.2" and facts.fee_amount == 300


def test_a_row_left_out_of_a_paste_comes_back_with_its_cell_corrected(db):
    service = offline_service(db())
    draft = service.start("张三").id
    paste = ("项目,自然人,商业企业,科研机构,社会公益组织,法律服务机构,其他,总计\n"
             "本年新收,30,6,1,0,2,0,39\n予以公开,20,4,1,0,1,0,27\n不掌握,10,2,0,0,1,0,13\n")
    talk(service, draft, ["某县水利局 2025年年报", paste])
    assert "t3.granted.total" not in service.facts(draft).cells  # 20+4+1+1 is 26, not 27: left out
    talk(service, draft, ["予以公开那行个人应该是21，不是20，总计27是对的"])
    cells = service.facts(draft).cells
    assert cells["t3.granted.natural"] == 21 and cells["t3.granted.commercial"] == 4 and cells["t3.granted.total"] == 27


def test_agency_names_as_clerks_say_them():
    got = _values("帮忙弄下年报 我是青山镇政府的 2025年")
    assert got["agency_name"] == "青山镇人民政府" and got["agency_level"] == "township"
    assert _values("我们是东岭省人社厅")["agency_name"] == "东岭省人力资源和社会保障厅"
    got = _values("白马乡政府的（临水县），写2025年年报", topic="agency_name")
    assert got["agency_name"] == "临水县白马乡人民政府" and got["agency_level"] == "township"
    got = _values("网站是挂在县政府网站上的乡镇栏目，今年发了80条", topic="agency_name")
    assert "agency_name" not in got and got["website_items"] == "80"


def test_agency_name_with_its_place_in_brackets_passes_the_check(db):
    service = offline_service(db())
    draft = service.start("张三").id
    talk(service, draft, ["白马乡政府的（临水县），写2025年年报"])
    facts = service.facts(draft)
    assert facts.agency_name == "临水县白马乡人民政府" and facts.agency_level == "township"


def test_the_ones_told_before_pointed_at_by_their_count():
    r = read_message("就是我说的那7件，其他都是0", topic="t3", known=["t3.new_received.total", "t3.granted.natural"])
    assert not r.unexplained and not r.zero_deferred
    assert any(op.value == 0 for op in r.ops)


def test_a_count_then_that_all_came_in_this_year():
    got = _values("律所的：3件，全是今年收到的。公开2件，不掌握1件")
    assert got["t3.new_received.legal_service"] == "3" and got["t3.granted.legal_service"] == "2"
    assert _values("公司4件 都是今年新收的")["t3.new_received.commercial"] == "4"


def test_what_was_left_from_last_year():
    assert _values("上年没有剩下的", topic="t3").get("t3.carried_over") == 0
    got = _values("去年剩下的3件都是企业的")
    assert got["t3.carried_over.total"] == "3" and got["t3.carried_over.commercial"] == "3"


def test_a_lawsuit_whose_kind_follows_its_count_in_the_same_sentence():
    # the block word of the clause ("行政诉讼") outranks the 复议 of the clause before it
    got = _values("行政复议3件，均维持原决定；行政诉讼1件系未经复议直接起诉，目前法院尚未判决")
    assert got["t4.review.total"] == "3" and got["t4.review.upheld"] == "3"
    assert got["t4.litigation_direct.total"] == "1" and got["t4.litigation_direct.pending"] == "1"
    # "没经过复议" names the kind; it says no "none"
    got = _values("打官司的只有一起，他没经复议就去法院了，一审我们赢了")
    assert got["t4.litigation_direct.total"] == "1" and got["t4.litigation_direct.upheld"] == "1"


def _computed(message: str) -> dict[str, object]:
    r = read_message(message)
    return {op.field: op.value for op in [*r.ops, *r.computed]}


def test_a_review_told_as_what_a_person_did_is_one_case():
    got = _computed("那个要拆迁档案的老李后来提起了行政复议，县政府撤销了我们的答复")
    assert got["t4.review.total"] == "1" and got["t4.review.corrected"] == "1"
    got = _computed("有个律师对答复不满意 申请了复议 现在还在审 打官司的没有")
    assert got["t4.review.total"] == "1" and got["t4.review.pending"] == "1"
    assert got["t4.litigation_direct"] == 0 and got["t4.litigation_after_review"] == 0  # the blocks set to 0
    # threatened, or last year's, or a question: no case
    for said in ("他扬言要申请复议，最后也没去", "去年有个人申请了复议，维持了", "要是他去复议了怎么填？"):
        assert not any(k.startswith("t4.") for k in _computed(said)), said


def test_a_review_that_is_not_about_open_government_is_taken_back():
    r = read_message("复议有两件，都是对征收决定不服的，跟信息公开没什么关系。依申请公开的复议诉讼都没有")
    got = {op.field: op.value for op in r.ops}
    assert "t4.review.total" not in got and got["t4.review"] == 0 and got["t4.litigation_direct"] == 0
    assert any("征收决定" in x for x in r.excluded)


def test_not_applications_take_back_only_the_counts_just_before():
    # voice input: one long sentence; "这些" points at the hotline and letters, not at the none before
    r = read_message("依申请这块今年一个也没有收到 去年结转也是零 局长信箱来信86封 热线工单一千二百件 这些都不是申请")
    zeros = {op.field for op in r.ops if op.value == 0}
    assert "t3.new_received" in zeros and "t3.carried_over" in zeros
    assert any("来信" in x and "依申请" not in x for x in r.excluded + r.not_ours) and not r.unexplained


def test_the_fee_named_late_in_a_voice_sentence_does_not_take_what_came_before():
    got = _values("今年一个申请都没收到 信息处理费也没收过")
    assert got["t3.new_received"] == 0 and got["fee_charged"] is False


def test_the_fuller_name_said_later_is_the_agencys():
    got = _values("我是城东街道办的小王 我们单位全称是江滨区城东街道办事处 帮我弄下今年年报")
    assert got["agency_name"] == "江滨区城东街道办事处"


def test_more_than_a_number_is_a_guess_not_a_figure():
    for said in ("视频号一年发了四十多条", "网站发了300余条", "网站信息两百来条吧"):
        r = read_message(said)
        assert not r.ops and r.rough, said
    # a guess under a topic's name is not kept as that topic's notes either
    r = read_message("主动公开这块 网站信息大概三百来条 具体等我查一下")
    assert not any(op.field == "active_notes" for op in r.ops) and r.rough


def test_by_how_much_then_the_right_value():
    got = _values("部分公开那行总计多算了2 应该15")
    assert got["t3.partial.total"] == "15"
    r = read_message("个人那列多写了一个，应该是40")
    assert not any(op.value in ("1", 1) for op in r.ops)


def test_no_problem_is_not_none():
    for said in ("上年结转那行没问题", "许可的数没错"):
        assert not read_message(said).ops, said


def test_an_applicants_head_holds_to_the_end_of_its_line():
    got = _values("再说企业的：新收6件，上年结转1件。公开了4件，不掌握2件。剩1件转明年")
    assert got["t3.new_received.commercial"] == "6" and got["t3.granted.commercial"] == "4"
    assert got["t3.unable.not_held.commercial"] == "2" and got["t3.carried_forward.commercial"] == "1"
    assert "t3.granted.total" not in got


def test_one_application_told_beside_other_counts_is_named_back():
    r = read_message("社会组织的3件都给了。另外有一个是居委会申请的，也给公开了")
    assert any("居委会" in u for u in r.unexplained)


# a register forwarded from a chat, one space between fields, the type written where the name goes,
# a "/" for a date not there yet
_SPACED_REGISTER = """[转发] 综合办-刘姐 的聊天记录
刘姐：编号 收到日期 申请人 申请事项 答复日期 答复结果
1 2024-11-20 个人 村道硬化项目验收报告 2025-01-06 予以公开
2 2025-02-11 某某物流有限公司 道路运输许可办理流程及材料 2025-02-25 予以公开
3 2025-05-08 个人 2018年 征地 补偿 标准 2025-05-20 本机关不掌握
4 2025-12-22 居民 小区加装电梯补贴名单 / 正在办理
刘姐：就这些"""


def test_a_register_with_one_space_between_fields_is_counted(db):
    cells = _cells_after(db, ["某镇人民政府 2025年年报", _SPACED_REGISTER])
    assert cells["t3.carried_over.natural"] == 1 and cells["t3.new_received.natural"] == 2
    assert cells["t3.new_received.commercial"] == 1 and cells["t3.granted.total"] == 2
    assert cells["t3.unable.not_held.natural"] == 1 and cells["t3.carried_forward.natural"] == 1


def test_what_carried_forward_means_is_answered():
    r = read_message("结转下年啥意思？")
    assert r.questions and not r.ops
    from assistant.reading import guide_answer
    assert "结转下年度" in (guide_answer(r.questions[0]) or "")


def test_a_review_told_as_a_story_is_recorded_through_the_dialogue(db):
    # no numeral in the words: recorded as the reader's own count, not refused by the grounding check
    cells = _cells_after(db, ["某县城管局 2025年年报", "有个商户不服我们的答复，后来提起了行政复议，市政府维持了"])
    assert cells["t4.review.total"] == 1 and cells["t4.review.upheld"] == 1


def test_columns_in_the_order_the_header_gives():
    message = ("系统导出的 列顺序不一样\n类别 法律服务机构 自然人 商业企业 科研机构 社会公益组织 其他 总计\n"
               "本年新收 2 9 1 0 0 0 12\n予以公开 1 6 1 0 0 0 8\n无法提供-不掌握 1 3 0 0 0 0 4\n不予处理-重复申请 同上")
    got = _values(message)
    assert got["t3.new_received.legal_service"] == 2 and got["t3.new_received.natural"] == 9
    assert got["t3.granted.commercial"] == 1 and got["t3.unable.not_held.natural"] == 3
    assert got["t3.not_processed.repeated.legal_service"] == 1 and got["t3.not_processed.repeated.total"] == 4


def test_an_item_same_as_the_line_above_and_an_aside_before_a_number():
    got = _values("表二\n规章 0 0 0\n规范性文件 同上\n处罚（含简易程序的）1,204\n强制 9")
    assert got["t2.normative_docs.issued"] == 0 and got["t2.normative_docs.in_force"] == 0
    assert got["t2.penalty.decisions"] == "1204"
    # (a bracket before the report year is the level, not an aside)
    assert _values("东山市水务局（县级市）2025年年报").get("agency_level") == "县级市"


def test_last_years_table_pasted_is_not_this_years():
    table = "\n".join(f"{label}\t{n}\t0\t0\t0\t0\t0\t{n}" for label, n in (
        ("一、本年新收政府信息公开申请数量", 9), ("二、上年结转政府信息公开申请数量", 1), ("（一）予以公开", 7),
        ("（七）总计", 7), ("四、结转下年度继续办理", 3)))
    r = read_message("先发你上年的表三 2024年报里的：\n" + table, report_year=2025)
    assert not any(op.field.startswith("t3.") for op in r.ops) and "report_year" not in {op.field for op in r.ops}
    assert r.other_year and "上年的表三" in r.other_year[0]
    # this year's, said so, is read
    r = read_message("今年的表三：\n" + table, report_year=2025)
    assert any(op.field == "t3.granted.natural" for op in r.ops)


def test_the_other_rows_as_last_years_table_pasted_before(db):
    rows = {"一、本年新收政府信息公开申请数量": 9, "二、上年结转政府信息公开申请数量": 1, "（一）予以公开": 5,
            "（五）不予处理1.信访举报投诉类申请": 2, "（七）总计": 7, "四、结转下年度继续办理": 3}
    table = "\n".join(f"{label}\t{n}\t0\t0\t0\t0\t0\t{n}" for label, n in rows.items())
    service = offline_service(db())
    draft = service.start("张三").id
    replies = talk(service, draft, ["某县统计局 2025年年报", "这是上年的表三：\n" + table,
                                    "今年新收12件都是个人的，予以公开8件，结转下年1件，其余的行跟去年一样"])
    assert "作为上年的数据保存" in replies[1].text and service.store.previous_report(draft) is not None
    cells = service.facts(draft).cells
    assert cells["t3.new_received.natural"] == 12 and cells["t3.granted.total"] == 8
    assert cells["t3.not_processed.petition.natural"] == 2  # last year's row, as the clerk said
    assert cells["t3.carried_forward.total"] == 1  # said this year; never taken from last year


def test_a_tables_figures_of_last_year_then_this_years():
    r = read_message("表二去年是：许可320件；处罚41件。今年：许可355件，处罚比去年多了6件，强制跟去年一样")
    got = {op.field: op.value for op in r.ops}
    assert got == {"t2.licensing.decisions": "355"}
    assert any("处罚比去年多了6件" in u for u in r.unexplained)


def test_last_years_figure_then_this_years_for_the_same_item():
    got = _values("政务微博去年是120条，今年150条；网站信息今年410条（去年388条）")
    assert got == {"new_media_posts": "150", "website_items": "410"}


def test_a_development_zones_committee_and_a_documents_number():
    r = read_message("我这边是南湖县高新技术产业开发区管委会，按县政务公开办〔2025〕7号文要求报年报")
    got = {op.field: op.value for op in r.ops}
    assert got["agency_name"] == "南湖县高新技术产业开发区管理委员会" and not r.unexplained
    got = _values("规范性文件今年出了2个（南开管规〔2025〕1号、2号），废止0")
    assert got["t2.normative_docs.issued"] == "2" and "2025" not in got.values()


def test_none_carried_into_this_year_is_the_carry_over():
    r = read_message("今年没收到申请，去年的那件去年就答复了，没有结转到今年")
    scopes = {op.field for op in r.ops if op.value == 0}
    assert "t3.carried_over" in scopes and "t3.carried_forward" not in scopes


def test_whether_regulations_must_be_filled_is_answered():
    from assistant.reading import guide_answer
    assert "规章制定权" in (guide_answer("规章那一栏我们要填吗？") or "")


_FORWARDED = """【群聊】的聊天记录
李娜（综合科） 12月30日 09:41
统计好了 新收6件 都是个人的 公开了4件 还有2件发了补正通知一直没回
刘主任 12月30日 09:45
上年有没有结转的
李娜（综合科） 12月30日 09:47
没有"""


def test_a_forwarded_group_chat():
    r = read_message(_FORWARDED)
    got = {op.field: op.value for op in r.ops}
    assert got["t3.new_received.total"] == "6" and got["t3.other_handling.no_correction.total"] == "2"
    assert got["t3.carried_over"] == 0  # the colleague's question, answered by the next line
    assert not r.unexplained  # the messages' times count nothing


def test_asked_without_a_question_mark():
    from assistant.reading import is_question
    for q in ("复议那个出结果没", "去年有没有结转过来的", "收费了没有", "今年收没收过费"):
        assert is_question(q), q
    for said in ("复议诉讼都没有", "收费没有", "规范性文件没有"):
        assert not is_question(said), said


def test_a_bare_granted_corrected(db):
    cells = _cells_after(db, ["某市医保局 2024年报", "新收9件 都是个人的 公开了5件 不掌握4件",
                              "刚才说错了 公开的是6件 不掌握是3件"])
    assert cells["t3.granted.total"] == 6 and cells["t3.unable.not_held.total"] == 3


def test_reviews_received_are_not_applications():
    got = _values("行政复议收到12件，维持8件，纠正1件，其他2件，未审结1件")
    assert got["t4.review.total"] == "12" and "t3.new_received.total" not in got


def test_a_rows_total_and_the_row_seven_by_its_number():
    got = _values("不掌握那行企业多算了2件，应该是15，那行总计也是40；（七）总计企业相应改成88，总计列改成301")
    assert got["t3.unable.not_held.commercial"] == "15" and got["t3.unable.not_held.total"] == "40"
    assert got["t3.total.commercial"] == "88" and got["t3.total.total"] == "301"


def test_hotline_counts_are_said_to_be_no_figure_of_the_report(db):
    service = offline_service(db())
    draft = service.start("张三").id
    replies = talk(service, draft, ["某县卫健局 2025年报", "12320卫生热线全年接听来电3,400个，市长信箱来信56封"])
    assert "不是政府信息公开申请" in replies[-1].text and "没能确定" not in replies[-1].text
    assert not any(k.startswith("t3.") for k in service.facts(draft).cells if service.facts(draft).cells[k])


def test_a_list_of_items_pasted_with_tabs_is_read_not_refused(db):
    cells_and_named = offline_service(db())
    draft = cells_and_named.start("张三").id
    replies = talk(cells_and_named, draft, ["某县卫健局 2025年报", "项目\t件数\t办结情况\n人大建议\t6\t按时办结\n政协提案\t9\t按时办结"])
    facts = cells_and_named.facts(draft)
    assert facts.npc_suggestions == 6 and facts.cppcc_proposals == 9 and "没能读出来" not in replies[-1].text


def test_half_of_a_count():
    got = _values("今年新收50件，其中个人的40件，剩下的10件里一半是企业，律所5件")
    assert got["t3.new_received.commercial"] == "5" and got["t3.new_received.legal_service"] == "5"
    r = read_message("企业的9件里一半是部分公开")  # half of an odd count: asked, never guessed
    assert not r.ops and r.unexplained


def test_same_as_above_in_a_table_in_the_formats_order():
    table = ("\t自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t总计\n"
             "本年新收\t5\t1\t0\t0\t0\t0\t6\n上年结转\t0\t0\t0\t0\t0\t0\t0\n"
             "不予公开-三类内部事务信息\t1\t0\t0\t0\t0\t0\t1\n不予处理-重复申请\t同上\n")
    r = read_message(table)
    got = {op.field: op.value for op in r.ops}
    assert got["t3.withheld.internal_affairs.natural"] == 1 and got["t3.not_processed.repeated.total"] == 1
    assert "不予处理-重复申请\t同上" in r.table_lines and not r.unexplained


def test_a_fee_sentence_with_commas_counts_its_cases_not_applications():
    got = _values("今年有2件申请超量，收取信息处理费2件，金额共计400元。")
    assert "t3.new_received.total" not in got and got.get("fee_cases") == "2"


def test_a_told_case_moved_by_saying_it_was_wrong(db):
    cells = _cells_after(db, ["某县自然资源局 2024年年报", "企业的：新收3件，予以公开2件，属于行政执法案卷不予公开1件",
                              "刚才企业那个执法案卷的搞错了 应该是过程性信息"])
    assert cells["t3.withheld.enforcement_file.commercial"] == 0 and cells["t3.withheld.process_info.commercial"] == 1


def test_a_none_in_one_applicants_line_is_that_applicants(db):
    cells = _cells_after(db, ["某县自然资源局 2024年年报", "个人的：新收6件，予以公开4件，还有2件结转到明年",
                              "企业的：新收2件，予以公开2件。结转下年没有"])
    assert cells["t3.carried_forward.natural"] == 2 and cells["t3.carried_forward.commercial"] == 0


def test_this_years_applications_told_in_two_parts(db):
    cells = _cells_after(db, ["某镇人民政府 2025年年报", "今年收了5个申请，去年没有结转的",
                              "今年的5个：\n①一个村民要宅基地审批表，给他了\n②一家养殖场要环评批复，这个我们不掌握，让他去找生态环境局",
                              "③有个大妈要低保名单，给了\n④一个律所要征收补偿协议，遮掉身份证号给的\n⑤还有个人12月30号交的，还在办"])
    assert cells["t3.new_received.natural"] == 3 and cells["t3.new_received.commercial"] == 1
    assert cells["t3.new_received.legal_service"] == 1
    # (after the first part nothing of the columns was guessed)
    partial = _cells_after(db, ["某镇人民政府 2025年年报", "今年收了5个申请，去年没有结转的",
                                "今年的5个：\n①一个村民要宅基地审批表，给他了\n②一家养殖场要环评批复，这个我们不掌握，让他去找生态环境局"])
    assert partial.get("t3.new_received.natural") is None


def test_a_pdf_label_broken_over_three_lines():
    message = ("（六）其他处\n理\n1.申请人无正当理由逾期不补\n正、行政机关不再处理其政府信\n息公开申请 4 1 0 0 0 0 5\n"
               "2.申请人逾期未按收费通知要求\n缴纳费用、行政机关不再处理其\n政府信息公开申请 0 0 0 0 0 0 0\n3.其他 1 0 0 0 0 0 1")
    got = _values(message)
    assert got["t3.other_handling.no_correction.natural"] == 4 and got["t3.other_handling.no_correction.total"] == 5
    assert got["t3.other_handling.unpaid_fee.total"] == 0 and got["t3.other_handling.other.total"] == 1


def test_applications_told_after_a_colon_one_a_semicolon():
    r = read_message("今年收了5件，情况是这样的：刘某要拆迁补偿标准，予以公开；何女士要小区规划图，部分公开；"
                     "一家建材公司要的文件我们不掌握；孙某前后问了两回，头一回答复了，第二回按重复申请处理；"
                     "市规划研究院要的数据予以公开。")
    got = {op.field: op.value for op in r.ops}
    assert got["t3.granted.natural"] == "1" and got["t3.granted.research"] == "1"
    assert got["t3.partial.natural"] == "1" and got["t3.unable.not_held.commercial"] == "1"
    assert got["t3.not_processed.repeated.natural"] == "1" and got["t3.new_received.total"] == "5"
    # one person who applied twice, each result told ("第一次…，第二次…"): two applications
    r = read_message("情况是这样的：刘某要拆迁补偿标准，予以公开；何女士要小区规划图，部分公开；"
                     "市规划研究院要的数据予以公开；陈某申请了两次，第一次于以公开，第二次按重复申请不予处理")
    got = {op.field: op.value for op in [*r.ops, *r.computed]}
    assert got["t3.granted.natural"] == "2" and got["t3.not_processed.repeated.natural"] == "1"
    # ... but a part whose second result is not told is named back, never guessed
    r = read_message("情况是这样的：刘某要拆迁补偿标准，予以公开；何女士要小区规划图，部分公开；"
                     "市规划研究院要的数据予以公开；陈某申请了两次，第一次于以公开，第二次的还在研究")
    assert any("陈某" in u for u in r.unexplained)


def test_a_figure_said_before_it_was_checked_waits_for_the_checked_one():
    r = read_message("许可86件，强制5件……等一下我再核对一下台账")
    got = {op.field: op.value for op in r.ops}
    assert got == {"t2.licensing.decisions": "86"} and any("强制5件" in x for x in r.rough)


def test_one_more_told_and_then_left_out():
    r = read_message("处罚是31件，还有一件当事人撤销了立案，没有作出决定，不算")
    got = {op.field: op.value for op in r.ops}
    assert got == {"t2.penalty.decisions": "31"} and not r.unexplained and r.excluded


def test_the_grand_total_follows_when_told_to(db):
    table = ("\t自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t总计\n"
             "一、本年新收政府信息公开申请数量\t10\t4\t0\t0\t0\t0\t14\n二、上年结转政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0\n"
             "（一）予以公开\t6\t2\t0\t0\t0\t0\t8\n（四）无法提供1.本机关不掌握相关政府信息\t3\t2\t0\t0\t0\t0\t5\n"
             "（七）总计\t9\t4\t0\t0\t0\t0\t13\n四、结转下年度继续办理\t1\t0\t0\t0\t0\t0\t1")
    cells = _cells_after(db, ["某县水务局 2024年年报", table, "不掌握那行企业列2改1，那件还没办完，结转下年企业改成1，总计跟着改"])
    assert cells["t3.unable.not_held.commercial"] == 1 and cells["t3.total.commercial"] == 3 and cells["t3.total.total"] == 12


def test_a_figure_and_its_difference_in_one_message(db):
    cells = _cells_after(db, ["某镇人民政府 2025年年报", "表二 许可四十二件 处罚九件 处罚再加2件 强制没有"])
    assert cells["t2.penalty.decisions"] == 11 and cells["t2.licensing.decisions"] == 42


def test_a_rough_hotline_count_is_no_figure_of_the_report_either():
    r = read_message("网站发了156条，另外12345热线工单两千多件")
    assert not r.rough and r.not_ours and {op.field for op in r.ops} == {"website_items"}


def test_table_two_as_its_ten_numbers_in_the_tables_order():
    got = _values("帮我写东林区司法局的年报。表2按顺序填：0 0 0 2 0 9 150 33 0 1.5")
    assert got["agency_name"] == "东林区司法局"  # the name before the numbers is still read
    assert (got["t2.normative_docs.issued"], got["t2.normative_docs.in_force"]) == (2, 9)
    assert (got["t2.licensing.decisions"], got["t2.penalty.decisions"], got["t2.fees.amount"]) == (150, 33, "1.5")
    # ten numbers with no word of table 二 are no table of their own: named back
    r = read_message("依次是 0 0 0 2 0 9 150 33 0 1")
    assert not any(op.field.startswith("t2.") for op in r.ops) and r.unexplained


def test_table_two_in_order_as_the_answer_to_table_two():
    r = read_message("3、1、12、0、0、0、88、5、0、0", topic="t2")
    got = {op.field: op.value for op in r.ops}
    assert got["t2.regulations.issued"] == 3 and got["t2.licensing.decisions"] == 88


def test_not_one_received_is_none():
    got = _values("依申请这块今年一个没收到")
    assert "t3.new_received.total" not in got or got["t3.new_received.total"] in (0, "0")
    assert got.get("t3.new_received") == 0  # the row, none


def test_last_years_figure_keeps_its_item_for_this_years():
    got = _values("去年行政规范性文件有效8件，今年制发2废止1")
    assert got["t2.normative_docs.issued"] in (2, "2") and got["t2.normative_docs.repealed"] in (1, "1")
    assert "t2.normative_docs.in_force" not in got


def test_a_phone_number_is_no_count():
    r = read_message("政务新媒体发了40条，有事打办公室电话0571-8765432或者13800001111")
    assert {op.field for op in r.ops} == {"new_media_posts"} and not r.unexplained


def test_the_guide_answers_what_each_part_is_about():
    from assistant.reading import guide_answer
    assert "平台" in (guide_answer("平台建设那块要写什么") or "")
    assert "1月31日" in (guide_answer("年报啥时候要挂网公布？") or "")
    assert "考核" in (guide_answer("绩效考核的情况要写进去吗") or "")


def test_the_agencys_name_with_its_places_said_later_wins():
    got = _values("你好 我是城关镇党政办的小李，帮忙弄一下年报，某某县城关镇人民政府2025年的")
    assert got["agency_name"] == "某某县城关镇人民政府"


def test_applications_told_as_stories_after_their_count():
    message = ("今年一共来了2个申请，一个是村民，一个是合作社。村民王某要土地流转合同，给他了；"
               "合作社要的是县里的补贴文件，我们镇没有这个文件。")
    got = _values(message)
    assert got["t3.granted.natural"] in (1, "1") and got["t3.unable.not_held.other"] in (1, "1")
    # as many stories as counted, or nothing read as stories
    got = _values("今年一共来了3个申请。村民王某要土地流转合同，给他了；合作社要的是补贴文件，我们没有。")
    assert "t3.granted.natural" not in got


def test_last_years_report_carry_forward_is_this_years_carry_over():
    got = _values("看了上年的年度报告，结转下年度那行是2件")
    assert got.get("t3.carried_over.total") in (2, "2") and "t3.carried_forward.total" not in got


def test_a_clerks_sheet_with_a_subtotal_and_a_notes_column():
    message = ("项目\t自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t法人小计\t总计\t备注\n"
               "一、本年新收政府信息公开申请数量\t20\t5\t0\t1\t2\t0\t8\t28\t比上年多3件\n"
               "不予公开-属于国家秘密\t1\t0\t0\t0\t0\t0\t0\t1\n"
               "无法提供-没有现成信息需要另行制作\t2\t1\t0\t0\t0\t0\t1\t3\t已告知\n")
    ops, _ = parse_pasted_tables(message)
    got = {op.field: op.value for op in ops}
    assert got["t3.new_received.total"] == 28 and got["t3.new_received.legal_service"] == 2
    assert got["t3.withheld.state_secret.natural"] == 1 and got["t3.unable.needs_creation.commercial"] == 1
    assert 3 not in {v for k, v in got.items() if k.startswith("t3.new_received.")}  # not the note's 3
    # a subtotal that is not what it seems (总计 is not the six columns added up): not read
    bad = message.replace("\t8\t28\t", "\t28\t8\t")
    assert not any(op.field.startswith("t3.new_received.") for op in parse_pasted_tables(bad)[0])


def test_word_table_to_text_with_full_width_commas():
    # Word's 表格转换成文本: full-width commas for the cell lines, and commas inside a label's brackets
    message = ("，，，自然人，法人或其他组织，，，，，总计\n"
               "，，，，商业企业，科研机构，社会公益组织，法律服务机构，其他，\n"
               "一、本年新收政府信息公开申请数量，，，30，4，0，1，2，0，37\n"
               "三、本年度办理结果，（一）予以公开，，20，3，0，1，1，0，25\n"
               "，（二）部分公开（区分处理的，只计这一情形，不计其他情形），，5，1，0，0，1，0，7\n")
    got = {op.field: op.value for op in parse_pasted_tables(message)[0]}
    assert got["t3.new_received.total"] == 37 and got["t3.granted.commercial"] == 3
    assert got["t3.partial.natural"] == 5 and got["t3.partial.total"] == 7


def test_a_transposed_sheet_with_the_clerks_short_heads():
    message = ("申请人\t新收\t公开\t部分公开\t不掌握\t结转下年\n"
               "自然人\t12\t7\t2\t1\t2\n企业\t3\t2\t0\t1\t0\n其他\t\t\t\t\t\n")
    got = {op.field: op.value for op in parse_pasted_tables(message)[0]}
    assert got["t3.granted.natural"] == 7 and got["t3.granted.commercial"] == 2 and got["t3.granted.other"] == 0


def test_rows_named_with_a_blanket_zero_scope_it_to_their_table():
    r = read_message("没写的情形都当0 像商业秘密 补正不明确这些都没有", recent=["t2"])
    zeroed = {op.field for op in r.ops}
    assert zeroed and all(f.startswith("t3") for f in zeroed)


def test_last_years_carry_forward_said_in_one_clause():
    got = _values("上年年报结转下年度是4件")
    assert got.get("t3.carried_over.total") in (4, "4") and "t3.carried_forward.total" not in got


def test_an_applicants_count_and_colon_heads_its_results():
    r = read_message("分申请人说 个人40件：公开30 不掌握8 结转2 公司6件：公开5 另行制作1")
    got = {op.field: op.value for op in r.ops}
    assert got["t3.granted.natural"] in (30, "30") and got["t3.unable.not_held.natural"] in (8, "8")
    assert got["t3.granted.commercial"] in (5, "5") and got["t3.unable.needs_creation.commercial"] in (1, "1")
    assert "t3.carried_forward.commercial" not in got  # the next applicant's count is no carry-forward
    assert any("40" in u for u in r.unexplained)  # (with 结转2 among them: new and carried-over, not 办结)
    assert got["t3.total.commercial"] in (6, "6")  # (its results add up to it: its 办结)


def test_letters_and_visits_counted_alone_are_no_applications():
    r = read_message("今年来信来访的信访件有三十多件，举报12件")
    assert not any("petition" in op.field for op in r.ops) and r.unexplained
    # among the results told, or with who applied, they are the row
    got = _values("不掌握3件 信访2件 重复1件")
    assert got["t3.not_processed.petition.total"] in (2, "2")


def test_table_three_one_number_a_row_under_its_column():
    message = ("自然人这列：\n一、本年新收  40\n二、上年结转  2\n（一）予以公开  25\n（三）4.第三方合法权益  3\n"
               "8.行政查询事项  1\n（四）1.不掌握  9\n四、结转下年度  4\n")
    got = {op.field: op.value for op in parse_pasted_tables(message)[0]}
    assert got["t3.new_received.natural"] == 40 and got["t3.withheld.inquiry.natural"] == 1
    assert got["t3.unable.not_held.natural"] == 9 and got["t3.carried_forward.natural"] == 4
    # with no column named, the rows' 总计
    got = {op.field: op.value for op in parse_pasted_tables(message.split("\n", 1)[1])[0]}
    assert got["t3.withheld.third_party.total"] == 3


def test_all_told_before_were_individuals_but_one():
    earlier = {"t3.new_received.total": 6, "t3.carried_over.total": 1, "t3.granted.total": 3, "t3.partial.total": 2,
               "t3.carried_forward.total": 2}
    r = read_message("上面说的全是个人的，除了部分公开里有1件是公司申请的", earlier=earlier)
    got = {op.field: op.value for op in [*r.ops, *r.computed]}
    assert got["t3.partial.natural"] == "1" and got["t3.partial.commercial"] == "1"
    assert got["t3.new_received.natural"] == "5" and got["t3.new_received.commercial"] == "1"
    assert got["t3.granted.natural"] == "3" and got["t3.carried_over.natural"] == "1"
    assert "t3.new_received.total" not in got  # the exception is no count of what came in


def test_one_that_came_at_the_years_end_and_goes_on():
    got = _values("去年底转过来2件。剩下1件12月30号才收到，还没办完")
    assert got["t3.carried_over.total"] in (2, "2") and got["t3.carried_forward.total"] in (1, "1")
    assert "t3.new_received.total" not in got


def test_the_other_column_of_a_row_in_a_correction():
    got = _values("不掌握那行 其他 应该是3")
    assert got.get("t3.unable.not_held.other") in (3, "3") and "t3.unable.not_held.total" not in got


def test_a_clerks_own_label_for_the_results_total():
    message = ("项目\t自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t总计\n"
               "予以公开\t5\t1\t0\t0\t0\t0\t6\n不掌握\t2\t0\t0\t0\t0\t0\t2\n重复申请\t1\t0\t0\t0\t0\t0\t1\n"
               "办理合计\t8\t1\t0\t0\t0\t0\t9\n")
    got = {op.field: op.value for op in parse_pasted_tables(message)[0]}
    assert got["t3.total.total"] == 9 and got["t3.total.natural"] == 8


def test_a_summary_sheet_with_the_groups_sums_only():
    message = ("\t自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t总计\n"
               "本年新收\t20\t3\t0\t0\t1\t0\t24\n予以公开\t12\t2\t0\t0\t1\t0\t15\n"
               "不予公开\t3\t1\t0\t0\t0\t0\t4\n无法提供\t5\t0\t0\t0\t0\t0\t5\n"
               "总计\t20\t3\t0\t0\t1\t0\t24\n")
    r = read_message(message)
    got = {op.field: op.value for op in r.ops}
    assert got["t3.granted.total"] == 15 and got["t3.total.total"] == 24
    assert not any(f.startswith(("t3.withheld", "t3.unable")) for f in got)  # a group's sum is no cell
    assert len(r.group_lines) == 2
    # one 其他处理 line alone is the row 3.其他 of many sheets, not a group's sum
    assert not group_total_lines("其他处理\t1\t0\t0\t0\t0\t0\t1\n予以公开\t2\t0\t0\t0\t0\t0\t2")


def test_a_summary_sheets_groups_are_said_back(db):
    service = offline_service(db())
    draft = service.start("张三").id
    talk(service, draft, ["北港市商务局 市级 2024年"])
    reply = talk(service, draft, ["\t自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t总计\n"
                                  "本年新收\t20\t3\t0\t0\t1\t0\t24\n予以公开\t12\t2\t0\t0\t1\t0\t15\n"
                                  "不予公开\t3\t1\t0\t0\t0\t0\t4\n不予处理\t5\t0\t0\t0\t0\t0\t5\n"])
    text = reply[-1].text
    assert "分组的合计" in text and "没有记录" in text
    assert service.facts(draft).cells["t3.granted.total"] == 15


def test_department_regulations_said_as_orders():
    got = _values("今年出了2个部令，废止1件，现行有效的部门规章30件")
    assert (got["t2.regulations.issued"], got["t2.regulations.repealed"], got["t2.regulations.in_force"]) == ("2", "1", "30")


def test_a_rows_count_told_month_by_month_is_their_sum():
    got = _values("新收的按月说：1月3件、2月1件、3月4件、4月2件")
    assert got["t3.new_received.total"] == "10"
    got = _values("受理的一季度12 二季度9 三季度15 四季度10")
    assert got["t3.new_received.total"] == "46"


def test_the_rest_said_of_one_row_and_all_said_of_the_next():
    r = read_message("分申请人：公司5件 其余是群众 去年转过来3件 也都是群众的", earlier={"t3.new_received.total": 20})
    got = {op.field: op.value for op in [*r.ops, *r.computed]}
    assert got["t3.new_received.natural"] == "15" and got["t3.carried_over.natural"] == "3"


def test_a_correction_settles_on_the_value_it_says_last():
    earlier = {"t3.unable.not_held.total": 6, "t3.not_processed.repeated.total": 1}
    r = read_message("不掌握那行报的6件 其中1件其实是重复申请 你改一下 重复申请应该是2", earlier=earlier)
    got = {op.field: op.value for op in r.ops}
    assert got["t3.not_processed.repeated.total"] == "2"


def test_the_one_a_row_holds_explained_is_not_one_more():
    earlier = {"t3.other_handling.unpaid_fee.natural": 1, "t3.other_handling.unpaid_fee.total": 1}
    r = read_message("逾期未缴费那个是这样 有个人发了收费通知一直没交费 就终止了", earlier=earlier)
    assert not r.added and not any(op.field.startswith("t3.other_handling") for op in r.ops)


def test_some_columns_with_a_total_and_empty_cells_from_excel():
    message = "办理结果\t个人\t企业\t律所\t合计\n予以公开\t9\t2\t\t11\n部分公开\t2\t\t1\t3\n"
    ops, used = parse_pasted_tables(message)
    got = {op.field: op.value for op in ops}
    assert got["t3.granted.natural"] == 9 and got["t3.granted.legal_service"] == 0 and got["t3.granted.total"] == 11
    assert got["t3.partial.commercial"] == 0 and got["t3.partial.legal_service"] == 1 and len(used) == 3
    assert not check_patch(Patch(ops=ops), message).rejected  # the empty cells' 0s are grounded in their line


def test_a_short_sheet_whose_every_label_names_a_row():
    got = {op.field: op.value for op in parse_pasted_tables("予以公开\t3\t1\t0\t0\t0\t0\t4\n不掌握\t2\t0\t0\t0\t0\t0\t2")[0]}
    assert got["t3.unable.not_held.total"] == 2 and got["t3.granted.commercial"] == 1


def test_the_guide_answers_which_column_an_applicant_goes_in():
    from assistant.reading import guide_answer, is_question
    for q in ("律师事务所申请的算表三哪一列？法人还是其他？", "律所申请的填哪一栏", "协会申请的放哪一类"):
        assert is_question(q) and "法律服务机构" in (guide_answer(q) or ""), q


def test_a_rows_count_corrected_moves_its_one_applicant(db):
    cells = _cells_after(db, ["某县市场监督管理局 县级 2025年", "办理结果\t个人\t企业\n予以公开\t9\t2\n不掌握\t5\t0",
                             "哦不对 不掌握那个是4件不是5件，表格里填错了"])
    assert cells["t3.unable.not_held.total"] == 4 and cells["t3.unable.not_held.natural"] == 4


def test_how_often_is_no_count_in_a_measure():
    got = _values("下一步加强培训 每月至少发一篇解读", topic="measures")
    assert "policy_interpretations" not in got


def test_not_charged_said_as_a_bare_answer():
    for answer in ("没有收", "没收过", "不收"):
        got = _values(answer, topic="fee_charged")
        assert got.get("fee_charged") is False, answer


def test_an_item_of_a_list_told_before_taken_out(db):
    cells = _cells_after(db, ["某某县青山镇人民政府 乡镇 2025年", "依申请今年有3件：\n1. 村民张某要低保名单，予以公开\n"
                          "2. 村民赵某要宅基地审批档案，我们不掌握\n3. 一家公司要招标文件，部分公开",
                             "第2个不算，赵某那个其实是信访，走的信访程序"])
    assert cells["t3.new_received.total"] == 2 and cells["t3.new_received.natural"] == 1
    assert cells["t3.unable.not_held.total"] == 0 and cells["t3.granted.natural"] == 1


def test_a_groups_applicant_said_before_its_rows():
    r = read_message("不予公开 2件 都是个人的 1件涉及国家秘密（涉密的图斑） 1件涉及第三方")
    got = {op.field: op.value for op in r.ops}
    assert got["t3.withheld.state_secret.natural"] == "1" and got["t3.withheld.third_party.natural"] == "1"
    assert got["t3.withheld.third_party.total"] == "1"  # (the aside in brackets is no label of the next count)


def test_a_year_beside_a_question_is_still_read():
    got = _values("头一回弄 某某省林业局 2025年度的 表三总计要自己算吗？")
    assert got["report_year"] == "2025"


def test_a_groups_rows_told_in_brackets_after_its_count():
    r = read_message("不予公开3件（其中涉及第三方隐私的2件，还有1件是内部讨论稿 算过程性信息），无法提供4件（其中不掌握3件、另行制作1件）")
    got = {op.field: op.value for op in r.ops}
    assert got["t3.withheld.process_info.total"] == "1" and got["t3.unable.not_held.total"] == "3"
    assert not r.unexplained  # the groups' counts add up to their rows


def test_a_detail_in_brackets_after_a_count_is_no_value_of_its_own():
    got = _values("今年新收30件，其中个人25件（其中有4件是同一个人反复问的），企业5件")
    assert got["t3.new_received.natural"] == "25"


def test_the_agencys_name_corrected():
    r = read_message("单位名称刚才打错了，应该是某某县自然资源局，不是规划局", known=["agency_name"])
    assert {op.field: op.value for op in r.ops}.get("agency_name") == "某某县自然资源局"


def test_a_hotlines_count_in_voice_input_that_later_names_applications():
    r = read_message("12315今年接了1.6万件投诉举报 这些跟年报没关系吧 问题就写依申请量大人手不够")
    assert not any(op.field.startswith("t3.") for op in r.ops) and r.not_ours


def test_a_share_said_between_the_result_and_its_count():
    got = _values("办理结果：公开的占七成 70件 部分公开10件", topic="t3")
    assert got["t3.granted.total"] == "70"


def test_one_more_applicant_whose_result_is_said_after_it():
    r = read_message("律所6件：公开3 不掌握1 还有2件是居委会申请的 算其他吧 都公开了")
    got = {op.field: op.value for op in r.ops}
    assert got["t3.granted.other"] == "2" and got["t3.unable.not_held.legal_service"] == "1"
    assert "t3.unable.not_held.other" not in got
    # with no result after it, the row before it is its row
    got = _values("不掌握3件，1件是个人的，还有2件是企业的")
    assert got["t3.unable.not_held.commercial"] == "2"


def test_rows_counts_added_to_after_the_draft(db):
    cells = _cells_after(db, ["某某省人社厅 省级 2025年", "依申请新收100件，予以公开60件，不掌握40件，都是个人的",
                             "后来又补录了2件 都是个人的 都予以公开了 新收和公开各加2 总计那些你也跟着加上"])
    assert cells["t3.new_received.total"] == 102 and cells["t3.granted.total"] == 62
    assert cells["t3.granted.natural"] == 62


def test_individuals_by_subtraction_with_only_the_non_zero_org_cells_listed():
    earlier = {"t3.new_received.total": 50, "t3.granted.total": 30, "t3.unable.not_held.total": 20}
    r = read_message("法人的我只列有数的 自然人就是总计减掉这些\n企业：新收5 公开3 不掌握2\n律所：新收1 公开1", earlier=earlier)
    got = {op.field: op.value for op in [*r.ops, *r.computed]}
    assert got["t3.new_received.natural"] == "44" and got["t3.granted.natural"] == "26"
    assert got["t3.unable.not_held.natural"] == "18" and got["t3.granted.research"] == "0"
    assert "t3.total.natural" not in got


def test_a_second_units_figures_are_added_when_the_clerk_asked_to_merge(db):
    cells = _cells_after(db, ["某某市公安局 市级 2025年 依申请分两块统计的 局本级一张表 交警支队单独一张 你帮我合一下",
                          "局本级：新收10件 都是个人的 予以公开6件 不掌握4件 都是个人的 去年没有结转 也没有结转到明年的",
                             "交警支队报过来的是这样：新收5件 都是个人的 予以公开5件"])
    assert cells["t3.new_received.total"] == 15 and cells["t3.granted.total"] == 11
    assert cells["t3.unable.not_held.total"] == 4  # what the second unit did not say stays


def test_word_table_cells_with_full_width_commas_are_grounded():
    from assistant.drafting.grounding import check_patch as check
    message = "一、本年新收政府信息公开申请数量，，，782，46，0，0，58，4，890"
    ops = [PatchOp(field="t3.new_received.other", value="4", quote=message),
           PatchOp(field="t3.new_received.total", value="890", quote=message)]
    assert not check(Patch(ops=ops), message).rejected


def test_a_body_named_without_its_place_is_said_back(db):
    service = offline_service(db())
    draft = service.start("张三").id
    reply = talk(service, draft, ["县市监局的，2025年度"])[-1].text
    assert "县市监局" in reply and "全称" in reply and service.facts(draft).agency_name is None


def test_a_labelled_passage_ends_before_the_semicolon_that_parts_it():
    got = _values("问题：公开栏更新慢；措施：每月检查一次")
    assert got["problems"] == "公开栏更新慢" and got["measures"] == "每月检查一次"


def test_a_blanket_zero_with_nothing_left_open_is_said_back(db):
    service = offline_service(db())
    draft = service.start("张三").id
    talk(service, draft, ["某某县统计局 县级 2025年", "复议1件 维持了 直接起诉和复议后起诉都没有"])
    reply = talk(service, draft, ["表四剩下的都是0"])[-1].text
    assert "都有值了" in reply and "没有找到可以记录的内容" not in reply


def test_a_register_grouped_by_applicant_with_lettered_lines_under_each():
    got = _values("今年一共6件，按申请人排的：\n1. 刘某 两件\n  (a) 要宅基地审批表 给了\n  (b) 要土地流转合同 涉及别人隐私 遮了一部分给的\n"
                  "2. 某某农业合作社 一件 要补贴名单 予以公开\n3. 陈某某 三件\n  a) 要征收公告 不掌握\n  b) 同样内容又来一次 重复申请\n"
                  "  c) 12月30号才交的 转明年")
    assert got["t3.granted.natural"] == "1" and got["t3.partial.natural"] == "1"
    assert got["t3.unable.not_held.natural"] == "1" and got["t3.not_processed.repeated.natural"] == "1"
    assert got["t3.carried_forward.natural"] == "1" and got["t3.new_received.natural"] == "5"
    assert not read_message("1. 刘某 两件\n  (a) 要宅基地审批表 给了\n2. 陈某 一件 不掌握").ops  # a group short of its count


def test_one_from_last_year_said_not_to_be_among_those_counted_is_one_more():
    earlier = {"t3.new_received.total": 9, "t3.new_received.natural": 9, "t3.granted.natural": 4, "t3.granted.total": 4}
    r = read_message("补充一下 前年年底收的一件 个人的 今年2月答复了 公开了 这件不在前面9件里", earlier=earlier)
    got = {op.field: op.value for op in r.ops}
    assert got.get("t3.new_received.total") is None and got["t3.carried_over.natural"] == "1"
    assert got["t3.granted.natural"] == "1" and "t3.granted.natural" in r.added
    assert any("9件" in c for c in r.checked)


def test_a_register_count_said_again_and_an_application_number_are_no_new_figures():
    r = read_message("表上就是今年新收的9件 另外XZ-2024-15号那件是去年的", earlier={"t3.new_received.total": 9})
    assert not [op for op in r.ops if op.field.startswith("t3.new_received")]
    assert not [u for u in r.unexplained if "2024" in u]


def test_a_problem_said_with_de_hua_and_an_aside_after_the_measures():
    texts = {op.field: op.value for op in read_message(
        "问题的话主要是人手紧 明年争取配个专职 对了城管投诉今年有七十多件 这个不用填吧").ops}
    assert texts["problems"] == "人手紧" and texts["measures"] == "明年争取配个专职"


def test_n_a_for_an_item_is_none():
    assert _values("新闻发布会N/A 政策解读3篇")["press_conferences"] == 0


def test_a_register_with_dates_in_chinese_numerals_is_counted(db):
    service = offline_service(db())
    draft = service.start("张三").id
    register = ("结果\t收件日期\t申请人\t登记号\n予以公开\t二〇二五年三月二日\t自然人\tA-1\n"
                "不予公开（过程性信息）\t二〇二五年十月十九日\t商业企业\tA-2\n办理中\t二〇二五年十二月三十日\t自然人\tA-3")
    replies = talk(service, draft, ["平山县文旅局2025年年报", register])
    assert "按台账逐条统计了3件申请" in replies[-1].text and "需要一个数字" not in replies[-1].text
    cells = service.facts(draft).cells
    assert cells["t3.carried_forward.natural"] == 1 and cells["t3.withheld.process_info.commercial"] == 1


def test_one_more_result_moves_the_registers_stated_total(db):
    cells = _cells_after(db, ["平山县文旅局2025年年报", "结果\t收件日期\t申请人\t登记号\n予以公开\t2025-03-02\t自然人\tA-1\n"
                              "部分公开\t2025-10-19\t自然人\tA-2\n不掌握\t2025-11-19\t商业企业\tA-3",
                              "去年转过来的那1件也是个人的 今年1月答复了 予以公开 表里没有"])
    assert cells["t3.granted.natural"] == 2 and cells["t3.carried_over.natural"] == 1
    assert cells["t3.total.natural"] == 3 and cells["t3.total.total"] == 4


def test_a_fill_in_form_pasted_back():
    form = ("【年报数据填报表】\n填报单位：青石镇人民政府\n1.本年制发行政规范性文件（件）：1\n2.本年废止行政规范性文件（件）：同上\n"
            "3.现行有效行政规范性文件（件）：无\n4.行政许可本年处理决定数量（件）：/\n5.行政处罚本年处理决定数量（件）：12\n"
            "6.行政事业性收费金额（元）：25000\n7.政务新媒体发布信息（条）：\n8.行政诉讼（件）：0\n9.是否收取信息处理费：否")
    got = _values(form)
    assert got["t2.normative_docs.issued"] == "1" and got["t2.normative_docs.repealed"] == "1"
    assert got["t2.normative_docs.in_force"] == 0 and got["t2.penalty.decisions"] == "12"
    assert got["t2.fees.amount"] == "2.5" and got["fee_charged"] is False
    assert got["t4.litigation_direct.total"] == 0 and got["t4.litigation_after_review.total"] == 0
    assert "t2.licensing.decisions" not in got and "new_media_posts" not in got  # ("/" and a blank: asked, not guessed)


def test_a_figure_said_wrong_by_the_clerk_then_the_right_one_without_its_name():
    got = _values("许可那个213是我填错了 那是上半年的 全年窗口给我的是四百零六件", earlier={"t2.licensing.decisions": 213})
    assert got == {"t2.licensing.decisions": "406"}


def test_not_known_yet_is_not_none_and_the_count_told_later_takes_the_item():
    assert _values("公众号的数还没拿到 刚问了同事 我们那个号今年一共发了二百零六条") == {"new_media_posts": "206"}


def test_an_application_to_another_body_is_not_counted():
    r = read_message("村里报上来有2件申请 问了下是向县自然资源局申请的 不是我们镇收的")
    assert not r.ops and r.excluded


def test_a_table_drawn_with_box_characters():
    table = ("┌──────────┬────┬────┬────┬────┬────┬────┬────┐\n"
             "│统计项    │自然人│商业企业│科研机构│社会公益组织│法律服务机构│其他│总计│\n"
             "├──────────┼────┼────┼────┼────┼────┼────┼────┤\n"
             "│一、本年新收申请│  30│   4│   0│   0│   1│   0│  35│\n"
             "│二、上年结转申请│   2│   0│   0│   0│   0│   0│   2│\n"
             "│（一）予以公开│  20│   3│   0│   0│   1│   0│  24│\n"
             "└──────────┴────┴────┴────┴────┴────┴────┴────┘\n导出时间：2026-01-05 09:30:11　第1页/共1页")
    r = read_message(table)
    got = {op.field: op.value for op in r.ops}
    assert got["t3.new_received.total"] == 35 and got["t3.carried_over.natural"] == 2 and got["t3.granted.total"] == 24
    assert not r.unexplained  # (the export's time and page are no figures)


def test_all_received_said_after_the_table_is_new_and_carried_together():
    r = read_message("今年一共收到申请37件", earlier={"t3.new_received.total": 35, "t3.carried_over.total": 2})
    assert not r.ops and r.checked
    r = read_message("哦 37是我把去年转过来的2件也算进去了 新收是35件", earlier={"t3.new_received.total": 37, "t3.carried_over.total": 2})
    assert {op.field: op.value for op in r.ops}.get("t3.new_received.total") == "35"
    assert "37" not in {str(op.value) for op in r.ops}


def test_rows_by_the_formats_numbers_as_a_form_is_read_out():
    got = _values("表三 一 是九件 其中自然人八件 企业一件 二 上年结转 零")
    assert got["t3.new_received.total"] == "9" and got["t3.new_received.commercial"] == "1"
    got = _values("三（一）自然人4件 三（四）2 自然人一件 三（六）1 企业一件")
    assert got["t3.granted.natural"] == "4" and got["t3.unable.needs_creation.natural"] == "1"
    assert got["t3.other_handling.no_correction.commercial"] == "1"


def test_next_years_plans_said_after_this_years_figures_take_only_themselves():
    r = read_message("表二 规范性文件没有 处罚十二件 强制没有 另外我们计划明年把公开栏换成电子屏 预算五万 还要出三件规范性文件 那是明年的")
    got = {op.field: op.value for op in r.ops}
    assert got["t2.penalty.decisions"] == "12" and got["t2.normative_docs"] == 0
    assert any("三件规范性文件" in e for e in r.excluded) and not r.unexplained


def test_corrections_in_a_circled_list_with_why_and_what_came_in_late():
    earlier = {"t3.granted.natural": 20, "t3.partial.natural": 2, "t3.new_received.natural": 30,
               "t3.carried_forward.natural": 4, "t3.carried_forward.commercial": 0}
    r = read_message("要改的：①个人的公开20改成19 ②个人的部分2改成3（有一件打了码，当时算成全公开了）"
                     "③年底又收了俩件没登记，个人的新收30改成32，结转下年4改成6", earlier=earlier)
    got = {op.field: op.value for op in r.ops}
    assert got == {"t3.granted.natural": "19", "t3.partial.natural": "3", "t3.new_received.natural": "32",
                   "t3.carried_forward.natural": "6"}
    assert not r.unexplained


def test_figures_said_against_last_years():
    r = read_message("表二对着去年说 许可去年是1,200件 今年少了35件 处罚去年88件 今年比去年多了12件 "
                     "强制跟去年一样 去年是6件 规范性文件去年现行有效9件 今年新发了2件 废止1件")
    got = {op.field: op.value for op in r.computed}
    assert got == {"t2.licensing.decisions": "1165", "t2.penalty.decisions": "100", "t2.enforcement.decisions": "6",
                   "t2.normative_docs.in_force": "10"}
    assert not [op for op in r.ops if op.field in got] and not r.unexplained
    r = read_message("处罚今年40件 比去年少 去年是45件 强制0")  # (this year's said as it is)
    assert {op.field: op.value for op in r.ops}["t2.penalty.decisions"] == "40" and not r.computed


def test_a_clerks_sheet_with_its_own_row_numbers_and_typed_slips(db):
    sheet = "\n".join(["序号\t项目\t自然人\t企业\t科研\t公益\t律所\t其他\t合计",
                       "1\t本年新收\t20\t3\t0\t0\t1\t0\t24", "2\t上年结转\t1\t0\t0\t0\t0\t0\t1",
                       "3\t予以公开\t12\t2\t0\t0\t1\t0\t15", "4\t部份公开\t2\t0\t0\t0\t0\t0\t2",
                       "5\t国家秘蜜\t0\t0\t0\t0\t0\t0\t0", "6\t第三方权义\t1\t0\t0\t0\t0\t0\t1",
                       "7\t过程性信急\t1\t0\t0\t0\t0\t0\t1", "8\t不掌握\t3\t1\t0\t0\t0\t0\t4",
                       "9\t信访举报头诉\t1\t0\t0\t0\t0\t0\t1", "10\t其它\t0\t0\t0\t0\t0\t0\t0",
                       "11\t结转下年\t1\t0\t0\t0\t0\t0\t1"])
    ops, used = parse_pasted_tables(sheet)
    got = {op.field: op.value for op in ops}
    assert len(used) == 11 and got["t3.withheld.third_party.total"] == 1 and got["t3.withheld.process_info.natural"] == 1
    assert got["t3.not_processed.petition.total"] == 1 and got["t3.other_handling.other.total"] == 0
    cells = _cells_after(db, ["平江县文旅局2025年年报", sheet, "第8行企业那格应该是2 那行合计跟着改成5"])
    assert cells["t3.unable.not_held.commercial"] == 2 and cells["t3.unable.not_held.total"] == 5


def test_table_three_said_against_last_year():
    got = {op.field: op.value for op in read_message("申请：去年新收20件 今年比去年多了4件 跟去年一样全是个人申请的").computed}
    assert got == {"t3.new_received.total": "24", "t3.new_received.natural": "24"}
    r = read_message("予以公开去年9件今年11件；部分公开去年没有 今年3件；不掌握去年4件 今年少1件；信访类的今年比去年多1件 去年是2件")
    got = {op.field: op.value for op in r.computed}
    assert got == {"t3.granted.total": "11", "t3.partial.total": "3", "t3.unable.not_held.total": "3",
                   "t3.not_processed.petition.total": "3"}
    assert not [op for op in r.ops if op.field.startswith("t3.partial")]  # (last year's none)
    r = read_message("去年结转过来1件 个人的 今年3月答复了 公开了")  # (this year's carry-over, not last year's count)
    assert not r.computed


def test_a_confirmation_pasted_back_with_arrows():
    r = read_message("二、上年结转：2件（自然人2）→ 改成3件（自然人2、商业企业1），漏了一个企业的\n"
                     "四、结转下年度：4件（自然人3、律所1）→ 改成5件，律所是2")
    got = {op.field: op.value for op in r.ops}
    assert got["t3.carried_over.total"] == "3" and got["t3.carried_over.commercial"] == "1"
    assert got["t3.carried_forward.total"] == "5" and got["t3.carried_forward.legal_service"] == "2"
    assert "4" not in {str(op.value) for op in r.ops if op.field == "t3.carried_forward.total"} and r.replaced


def test_table_three_from_a_pdf_that_kept_only_the_numbering():
    rows = ["自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计", "一 40 5 0 0 2 0 47", "二 3 0 0 0 0 0 3",
            "三 (一) 20 2 0 0 1 0 23", "（二） 5 1 0 0 0 0 6", "（三） 1. 0 0 0 0 0 0 0", "2． 1 0 0 0 0 0 1",
            "— 3 —", "(四) 1. 9 1 0 0 1 0 11", "2． 2 0 0 0 0 0 2", "（五) 1． 4 1 0 0 0 0 5", "(七) 41 5 0 0 2 0 48",
            "四 2 0 0 0 0 0 2"]
    ops, used = parse_pasted_tables("\n".join(rows))
    got = {op.field: op.value for op in ops}
    assert got["t3.new_received.total"] == 47 and got["t3.partial.natural"] == 5
    assert got["t3.withheld.prohibited_by_law.total"] == 1 and got["t3.unable.needs_creation.natural"] == 2
    assert got["t3.not_processed.petition.total"] == 5 and got["t3.carried_forward.total"] == 2
    assert "— 3 —" in used


def test_a_round_figure_then_the_exact_one_a_fee_in_thousands_and_the_fees_amount():
    got = _values("许可1.2万件，准确的是12,034件；行政事业性收费财务报的是1,500千元")
    assert got == {"t2.licensing.decisions": "12034", "t2.fees.amount": "150"}
    assert _values("信息处理费今年收了3件，共1,260元")["fee_amount"] == "1260"


def test_a_sub_row_by_its_number_and_the_old_value_aside():
    r = read_message("（四）2那行企业后来改成5了（表上是7），那行合计20不是22",
                     earlier={"t3.unable.needs_creation.commercial": 7, "t3.unable.needs_creation.total": 22})
    assert {op.field: op.value for op in r.ops} == {"t3.unable.needs_creation.commercial": "5",
                                                    "t3.unable.needs_creation.total": "20"}
    assert not r.unexplained


def test_table_four_read_out_in_the_tables_order():
    r = read_message("复议诉讼我按表上的顺序念 二 一 零 零 三 零 零 零 一 一 零 零 零 零 零")
    got = {op.field: op.value for op in r.ops}
    assert got["t4.review.upheld"] == 2 and got["t4.review.total"] == 3 and got["t4.litigation_direct.pending"] == 1
    check = check_patch(Patch(ops=r.ops), "复议诉讼我按表上的顺序念 二 一 零 零 三 零 零 零 一 一 零 零 零 零 零")
    assert len(check.accepted) == 15
    assert not read_message("复议诉讼按表上的顺序 二 一 零 零 四 零 零 零 一 一 零 零 零 零 零").ops  # (2+1 is not 4)


def test_a_questionnaire_export_with_bracketed_columns_and_questions_left_open():
    export = ("答卷编号：20260105-0042　来源IP：10.1.2.3\n第4题 规章-本年制发件数：（未作答）\n"
              "第7题 行政规范性文件-本年制发件数：2\n第14题 一、本年新收政府信息公开申请数量：【自然人】9【商业企业】1【科研机构】0"
              "【社会公益组织】0【法律服务机构】0【其他】1【小计】11\n第18题 三（三）不予公开1.属于国家秘密：（未作答）\n"
              "第37题 三（七）总计：【自然人】8【商业企业】1【其他】1【小计】10\n"
              "第39题 行政复议：【结果维持】1【结果纠正】0【其他结果】0【尚未审结】0【总计】1\n第40题 行政诉讼（未经复议直接起诉）：（未作答）")
    r = read_message(export)
    got = {op.field: op.value for op in r.ops}
    assert got["t3.new_received.other"] == "1" and got["t3.new_received.total"] == "11" and got["t3.total.total"] == "10"
    assert got["t4.review.total"] == "1" and got["t2.normative_docs.issued"] == "2"
    assert not [f for f in got if "state_secret" in f or f.startswith(("t2.regulations", "t4.litigation"))]
    assert not r.unexplained


def test_a_phone_preview_copied_one_cell_a_line_under_its_column_name():
    cols = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]

    def row(label, values):
        return [label, *[x for c, v in zip(cols, values, strict=True) for x in (c, str(v))]]
    lines = ["某某局 2025年度 政府信息公开申请情况（预览）", *row("一、本年新收政府信息公开申请数量", [5, 1, 0, 0, 0, 0, 6]),
             *row("二、上年结转政府信息公开申请数量", [0, 0, 0, 0, 0, 0, 0]), "三、本年度办理结果",
             *row("（一）予以公开", [4, 1, 0, 0, 0, 0, 5]), "（六）其他处理", *row("3.其他", [1, 0, 0, 0, 0, 0, 1]), "返回顶部"]
    ops, used = parse_pasted_tables("\n".join(lines))
    got = {op.field: op.value for op in ops}
    assert got["t3.new_received.total"] == 6 and got["t3.granted.commercial"] == 1 and got["t3.other_handling.other.natural"] == 1
    assert all(op.quote in "\n".join(lines) for op in ops) and "51" not in used


def test_the_message_before_taken_back_as_another_units(db):
    service = offline_service(db())
    draft = service.start("张三").id
    talk(service, draft, ["平山县人社局2025年年报", "依申请今年收到12件，予以公开10件，不掌握2件，许可300件"])
    reply = talk(service, draft, ["上面那条不算，是医保局的！发串了"])[-1]
    assert "已撤销" in reply.text
    cells = service.facts(draft).cells
    assert cells.get("t3.new_received.total") is None and cells.get("t2.licensing.decisions") is None


def test_table_three_in_an_outline_of_applicant_sections():
    outline = ("1. 自然人 15件（不含去年结转的）\n  (a) 予以公开 8\n  (b) 无法提供 5 其中不掌握4 需另行制作1\n"
               "  (c) 12月底收的1件还没答复 结转\n  (d) 不予处理 1 是信访举报投诉类\n2. 商业企业 3件\n  (a) 予以公开 2\n  (b) 不掌握 1\n"
               "3. 法律服务机构 也是2件 公开1 第三方1\n4. 科研、公益、其他 N/A")
    r = read_message(outline)
    got = {op.field: op.value for op in r.ops}
    assert got["t3.new_received.natural"] == "15" and got["t3.granted.natural"] == "8" and got["t3.unable.not_held.natural"] == "4"
    assert got["t3.carried_forward.natural"] == "1" and got["t3.not_processed.petition.natural"] == "1"
    assert got["t3.new_received.commercial"] == "3" and got["t3.unable.not_held.commercial"] == "1"
    assert got["t3.granted.legal_service"] == "1" and got["t3.withheld.third_party.legal_service"] == "1"
    assert got["t3.granted.research"] == 0 and got["t3.new_received.other"] == 0
    assert not r.unexplained and "t3.granted.total" not in got


def test_applicants_said_within_the_total_then_each_applicants_results_by_voice():
    r = read_message("准确的是38件 38件中有30件是个人申请的 其余8件 5件是企业 3件是律师事务所")
    got = {op.field: op.value for op in r.ops}
    assert got["t3.new_received.total"] == "38" and got["t3.new_received.natural"] == "30"
    assert got["t3.new_received.legal_service"] == "3" and not r.unexplained
    earlier = {"t3.new_received.natural": 30, "t3.new_received.commercial": 5, "t3.new_received.legal_service": 3,
               "t3.carried_over.natural": 2, "t3.carried_over.commercial": 0, "t3.carried_over.legal_service": 0}
    r = read_message("个人的32件包括结转的那2件 予以公开20件 部分公开6件 不掌握4件 其余的还没办完结转到明年 "
                     "企业的5件全公开了 律所3件 两件公开 一件涉及第三方合法权益不予公开", earlier=earlier)
    got = {op.field: op.value for op in [*r.ops, *r.computed]}
    assert got["t3.granted.natural"] == "20" and got["t3.carried_forward.natural"] == "2"
    assert got["t3.granted.commercial"] == "5" and got["t3.withheld.third_party.legal_service"] == "1"
    assert not r.unexplained


def test_results_per_applicant_after_a_dash_and_lists_with_du():
    r = read_message("办理结果：自然人—予以公开30 部分公开6 不掌握9；企业—予以公开5 不掌握1；科研2件、公益组织1件都予以公开；"
                     "其他2件 一件公开一件不掌握。办结合计56件")
    got = {op.field: op.value for op in r.ops}
    assert got["t3.partial.natural"] == "6" and got["t3.unable.not_held.commercial"] == "1"
    assert got["t3.granted.research"] == "2" and got["t3.granted.public_interest"] == "1"
    assert got["t3.granted.other"] == "1" and got["t3.unable.not_held.other"] == "1"
    assert not [f for f, v in got.items() if f.startswith("t3.total.") and not f.endswith(".total") and v == "56"]  # (办结合计 is no applicant's)
    assert got.get("t3.total.other") == "2"  # ("其他2件 一件公开一件不掌握": its results add up to it)
    got = {op.field: op.value for op in read_message("规范性文件制发同上年 上年是4件 废止0 现行有效三十一件").computed}
    assert got == {"t2.normative_docs.issued": "4"}
    assert not [op for op in read_message("部长信箱今年收到来信6,732封 都是按信访处理的 不算申请吧").ops if op.field.startswith("t3.")]


def test_a_forwarded_message_with_quote_marks_and_an_aside_before_a_chinese_count():
    r = read_message("> 转发自 法规科：\n> 新收20件，其中自然人15，企业5\n> 自然人：予以公开9 不掌握6\n> 企业：予以公开4 部分公开1\n> 有问题找我 分机8061")
    got = {op.field: op.value for op in r.ops}
    assert got["t3.granted.natural"] == "9" and got["t3.partial.commercial"] == "1"
    assert _values("行政许可（环评审批 排污许可）三百二十六件")["t2.licensing.decisions"] == "326"


def test_an_applicants_count_with_carry_over_in_brackets_and_its_one_application():
    earlier = {"t3.new_received.natural": 30, "t3.carried_over.natural": 2, "t3.new_received.research": 1,
               "t3.carried_over.research": 0}
    r = read_message("自然人32件（含结转）：公开20 部分公开8 不掌握4\n科研那1件 公开了", earlier=earlier)
    got = {op.field: op.value for op in r.ops}
    assert got["t3.granted.natural"] == "20" and got["t3.granted.research"] == "1" and not r.unexplained


def test_a_list_marker_with_a_space_after_its_dot_is_no_count():
    got = _values("1. 本年新收：1,927件（自然人1,179 / 企业595 / 律所153）\n2. 上年结转：77件（自然人44 / 企业33）")
    assert got["t3.new_received.total"] == "1927" and got["t3.carried_over.total"] == "77"
    assert "1" not in {str(v) for f, v in got.items() if f.endswith(".total")}


def test_the_formats_numbering_in_arabic_digits_and_other_under_its_group():
    r = read_message("（6）其他处理 合计20，其中：逾期不补正15（自然人10 / 企业5）；其他5（自然人5）\n（7）总计 300（自然人250 / 企业50）")
    got = {op.field: op.value for op in r.ops}
    assert got["t3.other_handling.other.natural"] == "5" and got["t3.total.total"] == "300"
    assert got["t3.total.commercial"] == "50" and not [u for u in r.unexplained if u.strip() in ("6", "7")]


def test_an_applicants_line_whose_results_add_up_tells_the_rest_of_its_column():
    r = read_message("企业的：新收3、公开2、不掌握1\n律所的：新收2、部分公开1")
    zeros = {op.field for op in r.computed if op.value == "0"}
    assert "t3.carried_over.commercial" in zeros and "t3.carried_forward.commercial" in zeros
    assert "t3.partial.commercial" in zeros and "t3.granted.commercial" not in zeros
    assert not [f for f in zeros if f.endswith(".legal_service")]  # (1 of 2 told: the rest is not known)
    known = {"t3.carried_over.commercial"}
    assert "t3.carried_over.commercial" not in {op.field for op in read_message("企业的：新收3、公开2、不掌握1", known=known).computed}


def test_from_a_clerks_trial_in_the_terminal():
    # an Excel copy whose empty top-left cell was lost with the line's leading tab
    ops, _ = parse_pasted_tables("自然人\t企业\t律所\t合计\n新收\t19\t2\t2\t23\n去年结转\t1\t\t\t1\n公开\t9\t1\t1\t11")
    got = {op.field: op.value for op in ops}
    assert got["t3.new_received.legal_service"] == 2 and got["t3.granted.total"] == 11
    # the clerk's own sum and a question about the ones said before record nothing
    r = read_message("结转到明年的那2件要不要算进（七）总计里？我自己算个人的是9+3+1+4+2=19件办完了")
    assert not r.ops and "（七）总计只算本年度已经办结的申请" in guide_answer(r.questions[0])
    assert {op.field: op.value for op in read_message("还有2件结转到明年了也是个人的").ops}["t3.carried_forward.natural"] == "2"


def test_drafting_asked_for_with_a_word_after_it():
    from assistant.dialogue._intents import parse_intent
    assert parse_intent("先生成初稿吧 数我回头再对").kind == "draft"
    assert parse_intent("先生成初稿 网站是12条").kind != "draft"
    assert parse_intent("刚才说对不上 到底是哪个数不对啊？") == parse_intent("校验一下")  # (which sums do not hold)


def test_drafting_while_sums_do_not_hold_says_the_text_will_not_hold_either(db):
    service = offline_service(db())
    draft = service.start("张三").id
    talk(service, draft, ["平山县文旅局2025年年报", "依申请今年新收5件 都是个人的 去年没有结转", "予以公开3件 不掌握3件 都是个人的 没有结转到明年的"])
    assert service.plan(draft).clashes
    reply = talk(service, draft, ["生成初稿"])[-1].text
    assert "注意：表格中还有" in reply and "校验一下" in reply


def test_applicants_as_shares_of_this_years_count():
    r = read_message("今年新收200件，按申请人分 自然人占90% 商业企业6% 法律服务机构2.5% 其他1.5%（就是3件 都是村委会）")
    got = {op.field: op.value for op in r.computed}
    assert got == {"t3.new_received.natural": "180", "t3.new_received.commercial": "12",
                   "t3.new_received.legal_service": "5", "t3.new_received.other": "3"}
    assert not r.unexplained and not [op for op in r.ops if op.field == "t3.new_received.other"]
    assert not read_message("今年新收7件 自然人占90% 企业占10%").computed  # (not whole numbers: asked, not guessed)


def test_a_case_moved_between_rows_by_what_is_left():
    earlier = {"t3.unable.not_held.natural": 1, "t3.unable.not_held.commercial": 1, "t3.unable.not_held.total": 2,
               "t3.granted.natural": 4, "t3.granted.total": 4}
    r = read_message("等下 予以公开自然人应该是五件 多出来的那件就是不掌握里自然人那件 我看错了 所以不掌握就只剩企业那一件",
                     earlier=earlier)
    got = {op.field: op.value for op in [*r.ops, *r.computed]}
    assert got["t3.granted.natural"] == "5" and got["t3.unable.not_held.commercial"] == "1"
    assert got["t3.unable.not_held.total"] == "1" and got["t3.unable.not_held.natural"] == "0"


def test_a_number_taken_back_as_last_years_in_a_forwarded_chat():
    r = read_message("何嘉欣 2026-01-08 10:31\n@陈敏 许可47件\n何嘉欣 2026-01-08 11:02\n@陈敏 不好意思 刚才47是去年的 "
                     "2025年许可一共52件")
    assert {op.field: op.value for op in r.ops} == {"t2.licensing.decisions": "52"} and not r.unexplained


def test_a_message_typed_in_traditional_characters_with_the_measure_word_first():
    from assistant.reading import typed_as_read
    said = "規範性文件 制發 件1，廢止 件0。行政許可 件2,317（食品經營許可在裏面）。微信公眾號 條148，抖音 條52"
    read = typed_as_read(said)
    assert len(read) == len(said)  # (spans point into the message as typed)
    assert "制发 1件，废止 0件" in read and "行政许可 2,317件" in read and "148条，抖音 52条" in read
    # a word ending in a measure word, a numbered article, a count with its unit after: left alone
    for kept in ("见附件3", "第3条规定", "案件 12件", "文件 3份", "网站 条目 5个"):
        assert typed_as_read(kept) == kept
    # two traditional characters are enough in a chat message ("行政處罰" is no slip of one character)
    assert typed_as_read("剛才說的行政處罰 件186 錯了 是168") == "刚才说的行政处罚 186件 错了 是168"


def test_a_correction_typed_in_traditional_characters(db):
    service = offline_service(db())
    draft = service.start("张三").id
    talk(service, draft, ["長汀縣市場監督管理局 2025年", "行政處罰 件186，行政強制 件9"])
    assert service.facts(draft).cells["t2.penalty.decisions"] == 186
    talk(service, draft, ["剛才說的行政處罰 件186 錯了 是168"])
    cells = service.facts(draft).cells
    assert cells["t2.penalty.decisions"] == 168 and cells["t2.enforcement.decisions"] == 9
    assert service.facts(draft).problems is None  # (not stored as the text asked next)


def test_items_summed_and_an_applicant_filed_by_the_clerk():
    r = read_message("公众号发了148条，视频号52条，两个加起来算新媒体")
    assert {op.field: op.value for op in r.ops} == {"new_media_posts": "200"} and not r.unexplained
    r = read_message("新收38件，其中个人29、企业6、律所2，另外1件是县个体劳动者协会的（算其他吧）")
    got = {op.field: op.value for op in r.ops}
    assert got["t3.new_received.other"] == "1" and "t3.new_received.public_interest" not in got
    assert got["t3.new_received.natural"] == "29"  # (the filing is the last count's, not the first's)


def test_applications_listed_by_applicant_name_with_their_results():
    r = read_message("今年一共收到9件申请，去年没有结转的。按申请人列一下，类别你帮我归：\n"
                     "1、江城启明律师事务所 3件：公开1 部分公开1 本机关不掌握1\n"
                     "2、城东街道和平社区居民委员会 1件：公开\n"
                     "3、江城恒通建材有限公司 3件：公开1，涉及商业秘密不予公开1（第三方的），还有1件征求意见延期了，年底还没答复\n"
                     "4、李建军 2件：公开1，第二次又交了同样的内容，重复申请")
    got = {op.field: op.value for op in [*r.ops, *r.computed]}
    assert got["t3.new_received.total"] == "9"
    assert (got["t3.new_received.legal_service"], got["t3.new_received.other"], got["t3.new_received.commercial"],
            got["t3.new_received.natural"]) == ("3", "1", "3", "2")  # (居民委员会 is a 居委会, not a 居民)
    assert got["t3.granted.commercial"] == "1" and got["t3.withheld.third_party.commercial"] == "1"
    assert got["t3.carried_forward.commercial"] == "1" and got["t3.not_processed.repeated.natural"] == "1"
    assert got["t3.granted.total"] == "4" and not r.unexplained
    # the counts do not add up to the number said: not read as a list (named back instead)
    r = read_message("1、江城启明律师事务所 3件：公开1 部分公开1\n2、李建军 1件：公开")
    assert not any(op.field.startswith("t3.granted.") for op in r.ops if op.value == "2")


def test_reviews_and_lawsuits_told_one_case_a_line():
    r = read_message("复议诉讼也列一下：\n① 李某 对逾期不补正那件不服 申请复议 市政府维持\n② 启明律所 不掌握那件 复议 市政府责令我们重新答复\n"
                     "③ 王某 重复申请那件 复议 维持了，她又去法院起诉了，年底还没开庭\n④ 恒通公司 商业秘密那件 直接去法院起诉 一审驳回")
    got = {op.field: op.value for op in [*r.ops, *r.computed]}
    assert got == {"t4.review.upheld": "2", "t4.review.corrected": "1", "t4.review.total": "3",
                   "t4.litigation_after_review.pending": "1", "t4.litigation_after_review.total": "1",
                   "t4.litigation_direct.upheld": "1", "t4.litigation_direct.total": "1"}
    assert not any(k.startswith("t3.") for k in got)  # (逾期不补正, 不掌握 name the application, not a result)


def test_a_township_marker_inside_a_place_name():
    from assistant.reading import infer_level
    assert infer_level("宁乡高新技术产业园区管理委员会") is None  # (宁乡 is a city: asked, not a township)
    assert infer_level("安乡县民政局") == "county" and infer_level("某县某镇人民政府") == "township"


def test_an_applicants_count_heads_its_results():
    r = read_message("企业的办结121件，差不多一半是不掌握，准确是60件；其余公开28、部分公开12、信访2、重复19。"
                     "律所的47件：公开12 部分公开8 不掌握16 另行制作4 过程性2 执法案卷3 逾期不补正2")
    got = {op.field: op.value for op in r.ops}
    assert got["t3.granted.commercial"] == "28" and got["t3.unable.not_held.commercial"] == "60"
    assert "t3.granted.total" not in got  # (企业's results, not the row's)
    assert got["t3.total.legal_service"] == "47" and got["t3.granted.legal_service"] == "12" and not r.unexplained


def test_applicants_as_fractions_of_a_rows_count():
    r = read_message("今年新收720件，个人的占四分之三，企业的占六分之一，剩下的是律所48、公益组织6、科研单位2、其他4。"
                     "上年结转过来30件，五分之四是个人的，其余是企业的")
    got = {op.field: op.value for op in [*r.ops, *r.computed]}
    assert (got["t3.new_received.natural"], got["t3.new_received.commercial"]) == ("540", "120")
    assert (got["t3.carried_over.natural"], got["t3.carried_over.commercial"]) == ("24", "6")
    # a rough share is no count, and a share is never the whole row
    got = {op.field: op.value for op in [*read_message("今年新收100件，差不多一半是个人的，企业三成").ops]}
    assert got == {"t3.new_received.total": "100"}


def test_rows_not_exported_are_zero_once_the_export_is_pasted(db):
    said = "表三我从系统导出来的，按数量排序的；没导出来的行就是没有，都是0"
    r = read_message(said)
    assert r.zero_awaits_table and not r.ops  # (nothing to be 0 yet: the table has not come)
    table = ("项目\t自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t总计\n"
             "（七）总计\t9\t2\t0\t0\t1\t0\t12\n一、本年新收政府信息公开申请数量\t9\t2\t0\t0\t1\t0\t12\n"
             "（四）无法提供-1.本机关不掌握相关政府信息\t5\t1\t0\t0\t0\t0\t6\n（一）予以公开\t4\t1\t0\t0\t1\t0\t6")
    got = {op.field: op.value for op in read_message(table, said_before=[said]).computed}
    assert got["t3.carried_over.total"] == "0" and got["t3.withheld.state_secret.natural"] == "0"
    assert "t3.granted.natural" not in got  # (in the table: its own value)
    service = offline_service(db())
    draft = service.start("张三").id
    talk(service, draft, ["白云区住建局 2024年 区级部门", said, table])
    cells = service.facts(draft).cells
    assert cells["t3.unable.not_held.natural"] == 5 and cells["t3.carried_forward.total"] == 0
    assert cells["t3.other_handling.other.total"] == 0 and not service.plan(draft).clashes


def test_table_three_told_as_two_half_years_is_added_up(db):
    first = ("上半年（1-6月）：\n新收36件：个人25 企业8 律所2 其他1\n上年结转5件：个人4 企业1\n"
             "办理情况：公开13（个人10 企业3）、不掌握8（个人6 企业1 律所1）\n上半年办结合计34，结转下半年7")
    r = read_message(first)
    assert r.period_held == "上半年" and not [op for op in [*r.ops, *r.computed] if op.field.startswith("t3.")]
    assert not any(op.field.startswith("t3.carried_forward.") for op in r.period_ops)  # (结转下半年: no cell)
    second = "下半年（7-12月）\n新收46：个人33 企业9 律所3 其他1\n公开17：个人12 企业4 律所1\n部分公开6：个人3 企业2 律所1\n下半年办结47"
    got = {op.field: op.value for op in read_message(second, said_before=[first]).computed}
    assert got["t3.new_received.total"] == "82" and got["t3.new_received.natural"] == "58"
    assert got["t3.carried_over.total"] == "5" and got["t3.granted.total"] == "30" and got["t3.total.total"] == "81"
    assert got["t3.unable.not_held.total"] == "8"  # (said in one half only)
    service = offline_service(db())
    draft = service.start("张三").id
    replies = talk(service, draft, ["海城市住建局 2025年 县级市的 依申请我只有上半年和下半年两个半年报的数 你帮我加起来", first, second])
    assert "本年新收" not in replies[0].text and "本年新收" not in replies[1].text  # ("两个半年报" is no count; 上半年 held)
    cells = service.facts(draft).cells
    assert cells["t3.new_received.total"] == 82 and cells["t3.granted.natural"] == 22
    assert "上半年的数" in replies[1].text and "相加记入全年" in replies[2].text


def test_four_quarters_two_a_message_and_a_review_counted_in_last_years_report():
    q12 = ("一季度：新收15（个人10 企业5）；办结13：公开9（个人6 企业3）、部分公开1 个人、不掌握3（个人2 企业1）\n"
           "二季度：新收18（个人12 企业6）；办结19：公开13（个人8 企业5）、部分公开2（个人1 企业1）、不掌握4（个人3 企业1）")
    q34 = ("三季度：新收16（个人9 企业7）；办结17：公开11（个人5 企业6）、部分公开2（个人1 企业1）、不掌握4（个人3 企业1）\n"
           "四季度：新收15（个人10 企业5）；办结16：公开10（个人6 企业4）、部分公开2（个人1 企业1）、不掌握4（个人3 企业1）")
    r = read_message(q12)
    assert r.period_held == "第一季度、第二季度" and not [op for op in r.ops if op.field.startswith("t3.")]
    got = {op.field: op.value for op in read_message(q34, said_before=[q12]).computed}
    assert got["t3.new_received.total"] == "64" and got["t3.granted.natural"] == "25" and got["t3.unable.not_held.total"] == "15"
    r = read_message("复议诉讼我一件一件列：\n① 张某 不掌握那件 复议 维持\n② 李某 申请复议 后来自己撤回了\n还有1件是2023年的复议 去年年报已经统计过了")
    got = {op.field: op.value for op in [*r.ops, *r.computed]}
    assert got == {"t4.review.upheld": "1", "t4.review.other": "1", "t4.review.total": "2"} and r.excluded


def test_a_handwritten_register_with_month_day_dates_and_ditto_marks(db):
    register = ("序号 收到日期 申请人 申请内容 答复情况\n1 2.17 张国华 宅基地审批资料 公开\n2 3.5 〃 〃 〃\n"
                "3 6.9 楚天明律师事务所 征地补偿安置方案 部分公开\n4 〃 〃 征收决定书 不掌握\n5 12.28 刘建军 危房改造补助名单 未答复")
    service = offline_service(db())
    draft = service.start("张三").id
    talk(service, draft, ["南漳县武安镇人民政府 2025年", register])
    cells = service.facts(draft).cells
    assert cells["t3.new_received.total"] == 5 and cells["t3.granted.natural"] == 2  # (〃〃〃: the row above)
    assert cells["t3.unable.not_held.legal_service"] == 1 and cells["t3.carried_forward.natural"] == 1
    talk(service, draft, ["第2件意思是张国华又来要一样的资料，我们按重复申请没处理的，不是公开。另外去年12月底有一件结转过来的，"
                          "个人申请的，今年1月份答复了，公开"])
    cells = service.facts(draft).cells
    assert cells["t3.not_processed.repeated.natural"] == 1 and cells["t3.granted.natural"] == 2  # (one moved, one more)
    assert cells["t3.carried_over.natural"] == 1
    # a register none of whose rows could be counted records nothing (not a table of zeros)
    other = offline_service(db())
    d2 = other.start("张三").id
    talk(other, d2, ["某镇人民政府 2025年", "序号 收到日期 申请人 申请内容 答复情况\n1 二月 张三 资料 公开\n2 三月 李四 资料 公开\n3 四月 王五 资料 公开"])
    assert not any(k.startswith("t3.") for k in other.facts(d2).cells)


def test_a_table_two_line_opening_with_a_ditto_mark_goes_on_with_the_item_above():
    from assistant.reading import typed_as_read
    got = {op.field: op.value for op in read_message(typed_as_read("规范性文件 制发 0\n〃 废止 0\n〃 现行有效 2\n行政许可 3")).ops}
    assert got["t2.normative_docs.repealed"] == "0" and got["t2.normative_docs.in_force"] == "2"


def test_same_as_above_in_prose_and_a_bare_result_after_table_three():
    got = {op.field: op.value for op in read_message("部分公开1 个人\n不予公开 第三方 同上").computed}
    assert got == {"t3.withheld.third_party.natural": "1", "t3.withheld.third_party.total": "1"}
    got = {op.field: op.value for op in read_message("规范性文件 制发0 废止 同上 现行有效3\n许可0 处罚2 强制0 收费 同上").computed}
    assert got == {"t2.normative_docs.repealed": "0", "t2.fees.amount": "0"}
    got = {op.field: op.value for op in read_message("网站132条 公众号 同上 都是同步发的").computed}
    assert got == {"new_media_posts": "132"}
    # "公开4 个人3 企业1" right after table 三's first rows: that row, whatever was asked
    earlier = {"t3.new_received.total": 11, "t3.new_received.natural": 9, "t3.new_received.commercial": 2}
    got = {op.field: op.value for op in read_message("公开4 个人3 企业1", earlier=earlier, recent=("t3",)).ops}
    assert got == {"t3.granted.total": "4", "t3.granted.natural": "3", "t3.granted.commercial": "1"}


def test_rows_by_channel_to_add_and_a_greeting_before_the_name():
    r = read_message("你好，国家文物局办公室政务公开处。2025年度年报。新收的申请是分渠道统计的，你帮我加一下：\n"
                     "渠道\t自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\n在线申请\t168\t31\t6\t4\t22\t5\n"
                     "信函\t47\t9\t1\t2\t6\t3\n当面\t5\t1\t0\t0\t0\t0")
    got = {op.field: op.value for op in [*r.ops, *r.computed]}
    assert got["t3.new_received.natural"] == "220" and got["t3.new_received.total"] == "310"
    assert got["agency_name"] == "国家文物局" and not r.unexplained and len(r.summed_lines) == 3
    # a clause at a message's start is no agency without a greeting or a question about the name
    assert "agency_name" not in {op.field for op in read_message("表三全部是零 复议 诉讼 也都没有").ops}
    got = {op.field: op.value for op in read_message("嗯 你好 那个我是德阳市旌阳区旌东街道办事处 就是要弄那个政府信息公开年报 二零二五年的").ops}
    assert got["report_year"] == "2025"


def test_that_rows_total_and_a_groups_count_before_its_rows_in_brackets():
    got = {op.field: op.value for op in read_message("本机关不掌握个人那格是290不是318，那一行总计是373").ops}
    assert got == {"t3.unable.not_held.natural": "290", "t3.unable.not_held.total": "373"}
    got = {op.field: op.value for op in read_message("（三）不予公开：3件（保护第三方合法权益 自然人2；过程性信息 自然人1）").ops}
    assert got == {"t3.withheld.third_party.natural": "2", "t3.withheld.process_info.natural": "1"}  # (3 is the group's)


def test_an_applicants_results_as_shares_of_its_count():
    r = read_message("个人的今年办结550件，其中予以公开的占五分之一，部分公开占十分之一，本机关不掌握的最多，占五分之二；"
                     "剩下的里头三分之一是信访投诉类的，其余的是：另行制作30、补正后仍不明确12")
    got = {op.field: op.value for op in r.computed}
    assert got == {"t3.granted.natural": "110", "t3.partial.natural": "55", "t3.unable.not_held.natural": "220",
                   "t3.not_processed.petition.natural": "55"}  # (a third of the 165 the shares before left)
    assert {op.field: op.value for op in read_message("今年新收90件，个人占三分之二，其余是企业的").computed} == {
        "t3.new_received.natural": "60", "t3.new_received.commercial": "30"}
    assert not read_message("企业的办结121件，差不多一半是不掌握").computed  # (rough: no count)


def test_what_a_clerk_trying_it_met(db):
    """A county clerk's first try (session 16): a bare correction after a rough number, a value said with
    没错 that differs from the one recorded, a review told before its block word, a topic said to be none
    after a labelled passage."""
    service = offline_service(db())
    draft = service.start("张三").id
    talk(service, draft, ["青禾县农业农村局 2025年 县级", "网站312条 解读14篇 公众号268条", "人大建议6件 政协提案4件",
                          "对了解读那个好像是15篇 我再看看", "哦不对 是13"])
    facts = service.facts(draft)
    assert facts.policy_interpretations == 13 and facts.cppcc_proposals == 4  # (the rough one made exact)
    talk(service, draft, ["政协提案改成14件", "不是不是 政协提案是4件没错，我说的是政策解读13篇 不用改"])
    assert service.facts(draft).cppcc_proposals == 4
    talk(service, draft, ["有一个行政复意 县政府维持了我们的答复，没人告我们",
                          "平台建设方面 我们局网站开了惠农政策专栏，公众号每周至少推3条。创新的没有"])
    facts = service.facts(draft)
    assert facts.cells["t4.review.total"] == 1 and facts.cells["t4.review.upheld"] == 1
    assert "创新" not in (facts.platform or "") and facts.innovation == "没有"
    assert "计入“本年新收”" in guide_answer("12345转过来的投诉算不算依申请公开啊")


def test_sums_said_wrong_are_left_out_not_the_results_told_one_by_one(db):
    service = offline_service(db())
    draft = service.start("张三").id
    replies = talk(service, draft, [
        "宁川市西港区住建局 2025年",
        "依申请：今年新收60件，个人50件 企业10件，上年结转2件 全是自然人的。办理结果 企业那10件：予以公开8 不掌握2。"
        "自然人的：予以公开30 部分公开10 不掌握8 重复申请2。办结合计58件 结转下年4件。"])
    cells = service.facts(draft).cells
    assert cells["t3.granted.natural"] == 30 and cells["t3.unable.not_held.natural"] == 8  # (the results are kept)
    assert "t3.carried_forward.total" not in cells and "“办结合计58件”" in replies[-1].text  # (the sums named back)
    talk(service, draft, ["不好意思 办结合计算错了 应该是60 结转下年是2件 都是自然人的 以分项为准"])
    cells = service.facts(draft).cells
    assert cells["t3.carried_forward.natural"] == 2 and cells["t3.total.total"] == 60
    assert cells.get("t3.total.natural") != 60  # ("都是自然人的" is the carry-forward's: 企业 has results)


def test_a_system_export_with_one_character_heads_and_short_group_names():
    table = ("项目\t法\t自\t商\t科\t公\t其\t合计\n新收\t7\t84\t18\t0\t0\t1\t110\n公开\t2\t30\t6\t0\t0\t0\t38\n"
             "不公开-国家秘密\t0\t2\t0\t0\t0\t0\t2\n不予处理-确认\t1\t2\t1\t0\t0\t0\t4\n其他-其他\t0\t4\t1\t0\t0\t0\t5")
    got = {op.field: op.value for op in parse_pasted_tables(table)[0]}
    assert got["t3.new_received.legal_service"] == 7 and got["t3.new_received.natural"] == 84  # (法 first, by its head)
    assert got["t3.withheld.state_secret.natural"] == 2 and got["t3.not_processed.confirmation.total"] == 4
    assert got["t3.other_handling.other.natural"] == 4


def test_a_clerks_two_year_table_keeps_this_years_column(db):
    t2 = ("信息内容\t指标\t2024年\t2025年\n规章\t本年制发件数\t0\t0\n\t本年废止件数\t0\t0\n\t现行有效件数\t0\t0\n"
          "行政规范性文件\t本年制发件数\t2\t1\n\t本年废止件数\t0\t3\n\t现行有效件数\t9\t7\n行政许可\t本年处理决定数量\t1,406\t1,588")
    got = {op.field: op.value for op in parse_pasted_tables(t2)[0]}
    assert got == {"t2.regulations.issued": 0, "t2.regulations.repealed": 0, "t2.regulations.in_force": 0,
                   "t2.normative_docs.issued": 1, "t2.normative_docs.repealed": 3, "t2.normative_docs.in_force": 7,
                   "t2.licensing.decisions": 1588}
    t3 = ("项目\t2024年\t2025年\t增减\n一、本年新收政府信息公开申请数量\t39\t48\t+9\n（三）不予公开 4.保护第三方合法权益\t1\t2\t+1\n"
          "（七）总计\t37\t49\t+12\n四、结转下年度继续办理\t3\t2\t-1")
    got = {op.field: op.value for op in parse_pasted_tables(t3)[0]}
    assert got == {"t3.new_received.total": 48, "t3.withheld.third_party.total": 2, "t3.total.total": 49,
                   "t3.carried_forward.total": 2}
    service = offline_service(db())
    draft = service.start("张三").id
    replies = talk(service, draft, ["泗水县交通运输局 2025年", t3])
    assert "负数" not in replies[-1].text and service.facts(draft).cells["t3.carried_forward.total"] == 2
    got = {op.field: op.value for op in read_message("企业的今年新收6件，公开4件、部分公开1件、不掌握1件").ops}
    assert got["t3.granted.commercial"] == "4" and "t3.granted.total" not in got


def test_a_rough_figure_made_exact_in_the_next_message(db):
    service = offline_service(db())
    draft = service.start("张三").id
    talk(service, draft, ["安吉县孝丰镇人民政府 2025年", "网站上发了两百多条吧，具体我去后台看下", "后台导出来了 2025年全年218条"])
    assert service.facts(draft).website_items == 218
    talk(service, draft, ["公众号今年发了一百来条吧 我再查查", "综合执法队今年罚了23起"])
    facts = service.facts(draft)
    assert facts.new_media_posts is None and facts.cells.get("t2.penalty.decisions") in (None, 23)  # (another item's count)


def test_an_export_of_key_value_lines_after_none_but_what_it_lists():
    said = "平台上能导出依申请的数据 我直接贴 没列出来的项都是0"
    export = ("导出时间=2026-01-06 08:51:33\n新收申请数_自然人=21\n新收申请数_商业企业=3\n上年结转数_自然人=2\n"
              "办理结果_予以公开_自然人=12\n办理结果_予以公开_商业企业=3\n办理结果_无法提供_本机关不掌握_自然人=10\n"
              "结转下年度_自然人=1\n办结数=25\n按期办结率=100%")
    r = read_message(export, said_before=[said])
    got = {op.field: op.value for op in [*r.ops, *r.computed]}
    assert got["t3.new_received.natural"] == "21" and got["t3.new_received.research"] == "0"
    assert got["t3.withheld.state_secret.natural"] == "0" and "t3.total.natural" not in got  # (a sum: it follows)
    assert "proposals_completion_rate" not in got  # (the applications' rate)


def test_a_range_of_two_neighbouring_digits_is_a_guess():
    r = read_message("政策解读十七八篇，发布会开了四五场")
    assert not r.ops and r.rough == ["政策解读十七八篇", "发布会开了四五场"]  # (never 18 and 45)


def test_an_email_reply_with_parts_to_add_a_signature_and_the_mail_it_quotes():
    mail = ("发件人：王涛 <wangtao_pz@163.com>\n主题：回复：年报数据\n\n小刘：依申请以下面为准：\n新收：个人 62+9，企业 11+2，律所 3\n"
            "予以公开：个人 40+6，企业 8\n其他处理（其他）：个人 1（申请人自己撤回了）\n\n王涛\n电话：0516-86236107\n邮编：221300\n\n"
            "------------------ 原始邮件 ------------------\n发件人：刘敏\n新收 个人68 企业12 律所3\n公开 个人44")
    r = read_message(mail)
    got = {op.field: op.value for op in r.ops}
    assert got["t3.new_received.natural"] == "71" and got["t3.new_received.commercial"] == "13"  # (62+9, 11+2)
    assert got["t3.granted.natural"] == "46" and got["t3.other_handling.other.natural"] == "1"
    assert "个人68" in (r.quoted_mail or "") and not r.unexplained  # (the quoted draft is not read)
    got = {op.field: op.value for op in read_message("处罚 8+2+1，规范性文件制发1+1").ops}
    assert got == {"t2.penalty.decisions": "11", "t2.normative_docs.issued": "2"}


def test_figures_of_several_offices_told_one_office_a_message_are_added(db):
    cells = _cells_after(db, ["雁塔区住建局 2025年。依申请的数是三个科室分别报上来的，我一个个贴给你，最后你帮我加一下",
        "①房产管理科：新收 个人18 企业2；公开 个人9 企业2；部分公开 个人3；不掌握 个人6",
        "②物业管理科：新收个人7 企业1，公开的个人4 企业1，不掌握的个人3",
        "③征收办：收到个人5、公开个人2、部分公开个人3"])
    assert cells["t3.new_received.natural"] == 30 and cells["t3.new_received.commercial"] == 3
    assert cells["t3.granted.natural"] == 15 and cells["t3.partial.natural"] == 6 and cells["t3.unable.not_held.natural"] == 9


def test_an_export_of_one_json_object_a_line():
    export = ('{"报表":"政府信息公开申请办理情况统计表","统计年度":2025,"联系电话":"028-86631728"}\n'
              '{"行次":"01","项目":"本年新收申请","自然人":17,"商业企业":4,"科研机构":null,"社会公益组织":1,"法律服务机构":2,"其他":0,"合计":24}\n'
              '{"行次":"0301","项目":"办理结果-予以公开","自然人":9,"商业企业":2,"科研机构":null,"社会公益组织":1,"法律服务机构":1,"其他":null,"合计":13}\n'
              '{"行次":"030301","项目":"不予公开-国家秘密","自然人":1,"商业企业":null,"科研机构":null,"社会公益组织":null,"法律服务机构":null,"其他":null,"合计":1}')
    r = read_message(export)
    got = {op.field: op.value for op in r.ops}
    assert got["t3.new_received.total"] == 24 and got["t3.new_received.research"] == 0  # (null is 0)
    assert got["t3.granted.natural"] == 9 and got["t3.withheld.state_secret.total"] == 1
    assert 2025 not in got.values() and not r.unexplained  # (the export's head is no row)


def test_an_applicants_words_before_its_results_and_its_all_done():
    got = {op.field: op.value for op in read_message("个人的多 我照着台账念：公开251 部分公开83 第三方12").ops}
    assert got == {"t3.granted.natural": "251", "t3.partial.natural": "83", "t3.withheld.third_party.natural": "12"}
    r = read_message("律所的（41件加结转2件）：除了5件部分公开、3件不掌握，其他全公开了，年底都办完了")
    assert not any(op.field.startswith("t3.carried_forward.") and not op.field.endswith("legal_service") for op in r.ops)
    r = read_message("人大的 好 19件 政协 26件 都办完了 答复都公开了")
    assert not any(op.field.startswith("t3.") for op in r.ops)  # (the proposals were all done, not the applications)


def _typed(message: str, **kw) -> dict[str, object]:
    """``_values`` of the message as the chat reads it (``typed_as_read`` first)."""
    from assistant.reading import typed_as_read
    return {k: str(v) for k, v in _values(typed_as_read(message), **kw).items()}


def test_regional_words_for_none_are_read_as_none():
    got = _typed("今年申请一件都冇收到，上年也冇结转；行政复议、行政诉讼都莫得")
    assert got["t3.new_received"] == "0" and got["t3.carried_over"] == "0"
    assert got["t4.review"] == "0" and got["t4.litigation_direct"] == "0"
    assert "t3.new_received.total" not in got  # ("一件都没有" is none, not one)


def test_a_list_numbered_in_keycap_emoji_holds_no_counts_of_its_own():
    got = _typed("办理结果如下\n3️⃣ 予以公开：自然人40，企业2\n1️⃣0️⃣ 重复申请：自然人3\n🔟 不掌握：自然人6")
    assert got["t3.granted.natural"] == "40" and got["t3.granted.commercial"] == "2"
    assert got["t3.not_processed.repeated.natural"] == "3" and got["t3.unable.not_held.natural"] == "6"
    assert "t3.granted.total" not in got and "t3.not_processed.repeated.total" not in got


def test_numbered_lines_of_counts_by_applicant_are_rows_not_single_applications():
    got = _typed("13. 不予处理-重复申请：自然人7，企业1\n14. 逾期不补正：自然人2")
    assert got["t3.not_processed.repeated.natural"] == "7" and got["t3.not_processed.repeated.commercial"] == "1"
    assert got["t3.other_handling.no_correction.natural"] == "2"
    assert "t3.not_processed.repeated.total" not in got


def test_other_as_an_applicant_in_row_colon_column_equals_pairs():
    got = _typed("新收：个人=9，其他=2\n不予处理-信访：其他=1")
    assert got["t3.new_received.natural"] == "9" and got["t3.new_received.other"] == "2"
    assert got["t3.not_processed.petition.other"] == "1"


def test_table_two_told_one_column_a_line():
    message = "表二按列报：\n本年制发：规章 1，规范性文件 4\n本年废止：规章 0，规范性文件 2（清理时废的）\n现行有效：规章 6，规范性文件 31"
    got = _typed(message)
    assert [got[f"t2.regulations.{c}"] for c in ("issued", "repealed", "in_force")] == ["1", "0", "6"]
    assert [got[f"t2.normative_docs.{c}"] for c in ("issued", "repealed", "in_force")] == ["4", "2", "31"]


def test_offices_figures_under_their_names_in_one_message_are_added():
    message = ("下面是三个科室报的，帮我汇总一下\n• 审批科：\n  • 个人 3件：公开2，不掌握1\n• 执法支队：\n  • 个人2件：公开1、信访1\n"
               "  • 企业1件 部分公开\n• 办公室：\n  • 个人1件：公开1")
    from assistant.reading import typed_as_read
    r = read_message(typed_as_read(message))
    got = {op.field: op.value for op in [*r.ops, *r.computed]}
    assert got["t3.granted.natural"] == "4" and got["t3.unable.not_held.natural"] == "1"
    assert got["t3.not_processed.petition.natural"] == "1" and got["t3.partial.commercial"] == "1"
    assert not any(op.field.startswith("t3.") for op in r.ops)  # (each office's own figures are no cells)


def test_one_applicants_count_then_its_result_after_a_comma():
    assert _typed("村委会的1件，最后不掌握") == {"t3.unable.not_held.total": "1", "t3.unable.not_held.other": "1"}
    got = _typed("有2件律所的 部分公开")
    assert got["t3.partial.legal_service"] == "2"


def test_a_sum_said_after_two_counts_added_is_no_count_of_its_own():
    got = _typed("今年收了20件 加上上年转过来的2件 总共22件")
    assert got.get("t3.new_received.total") == "20"
    assert "22" not in got.values()


def test_a_review_filed_into_another_column_counted_there_after():
    got = _typed("复议的结果：纠正1件，有一件确认违法的我们算到其他了，其他一共3件")
    assert got == {"t4.review.corrected": "1", "t4.review.other": "3"}


def test_the_year_after_a_colloquial_verb_of_doing_is_the_reports():
    assert _typed("我们是西河镇人民政府 搞2025年的")["report_year"] == "2025"


def test_thousands_spaced_apart_before_a_measure_word():
    got = _typed("行政许可2 316件，网站发了1 045条")
    assert got["t2.licensing.decisions"] == "2316" and got["website_items"] == "1045"


def test_a_rows_short_label_heading_its_counts_by_applicant():
    got = _typed("信访：个人=12，其他=2\n确认：企业=1\n未缴费：个人=1")
    assert got["t3.not_processed.petition.natural"] == "12" and got["t3.not_processed.petition.other"] == "2"
    assert got["t3.not_processed.confirmation.commercial"] == "1" and got["t3.other_handling.unpaid_fee.natural"] == "1"


def test_counted_twice_by_mistake_is_no_row_of_repeated_applications():
    got = _typed("不掌握那行企业的重复统计了3件，应该是5")
    assert got == {"t3.unable.not_held.commercial": "5"}


def test_a_columns_none_said_again_in_other_words_stays_that_columns():
    got = _typed("公益组织嗰列全部系0，冇人申请过嘅")
    assert got["t3.new_received.public_interest"] == "0"
    assert "t3.new_received" not in got and "t3.new_received.natural" not in got


def test_a_table_read_off_a_screenshot_with_characters_lost():
    message = ("自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计\n"
               "一、本年新收政府信息公开申请数? 52 7 0 1 2 0 62\n"
               "（一）予以公开 3口 5 0 1 1 0 4口\n"
               "（二）部分公开（区分处理的，只计这一情形，不计其他情形） 6 O 0 0 0 0 6\n"
               "（七）总口 50 7 0 1 2 0 60")
    ops, used = parse_pasted_tables(message)
    got = {op.field: op.value for op in ops}
    assert got["t3.new_received.total"] == 62 and got["t3.total.natural"] == 50
    assert got["t3.partial.commercial"] == 0
    # the cells not read stay open; the others of their row keep their columns
    assert "t3.granted.natural" not in got and "t3.granted.total" not in got
    assert got["t3.granted.commercial"] == 5 and got["t3.granted.legal_service"] == 1
    assert len(used) == 5 - 1


def test_by_how_much_a_check_fails_is_no_count():
    got = _typed("企业那列对不上，差了3件，原来是不掌握那行企业多写了3件 应该是12")
    assert got == {"t3.unable.not_held.commercial": "12"}


def test_a_numbered_line_of_a_result_its_count_and_who_applied():
    message = "办理结果：\n① 予以公开 4件（个人3 企业1）\n② 不予处理-重复申请 2件 个人\n③ 本机关不掌握 1件 都是律所"
    got = _typed(message)
    assert got["t3.granted.natural"] == "3" and got["t3.granted.commercial"] == "1"
    assert got["t3.not_processed.repeated.natural"] == "2" and got["t3.unable.not_held.legal_service"] == "1"


def test_the_agency_opening_the_first_message_after_a_greeting_in_english():
    assert _values("Hello 西宁市城东区卫健局的，年报的事")["agency_name"] == "西宁市城东区卫生健康局"


def test_thousands_spaced_apart_in_prose_and_in_cells_but_not_cells_of_a_row():
    assert _typed("许可 12 306；处罚 4 518。")["t2.licensing.decisions"] == "12306"
    from assistant.reading import typed_as_read
    assert typed_as_read("一、本年新收\t1 071\t263") == "一、本年新收\t1,071\t263"
    assert typed_as_read("自然人 12 345 6") == "自然人 12 345 6"


def test_a_sentence_cut_over_two_messages_is_read_as_one():
    from assistant.reading import continued
    assert continued("二百零三条，公众号发了97条", "网站今年一共发了") == "网站今年一共发了二百零三条，公众号发了97条"
    assert continued("二百零三条", "网站发了12条。") == "二百零三条"  # (the message before ended)
    # (what the message before said with numbers is not read again)
    assert continued("一百零四件。", "前面说的处罚126不对，表里要填的是") == "前面说的处罚＿＿＿不对，表里要填的是一百零四件。"
    assert continued("从来没收过。", "措施写好了。信息处理费") == "信息处理费从来没收过。"
    assert continued("复议没有", "信息处理费") == "复议没有"  # (a message of its own: it names an item)


def test_cut_over_two_messages_through_the_chat(db):
    service = offline_service(db())
    draft = service.start("张三").id
    talk(service, draft, ["我们是南岗区红旗街道办事处，2025年度年报，区政府网站我们的栏目今年一共发了",
                          "二百零三条，公众号发了97条"])
    facts = service.facts(draft)
    assert facts.website_items == 203 and facts.new_media_posts == 97


def test_dictated_lines_go_on_with_the_row_and_a_number_cut_then_said_in_full():
    got = _typed("新收 个人 二百…\n等一下 她在翻本子\n二百一十七\n企业三十\n律所 说是六件")
    assert got["t3.new_received.natural"] == "217" and got["t3.new_received.commercial"] == "30"
    assert got["t3.new_received.legal_service"] == "6"


def test_a_chinese_numeral_after_an_item_and_a_space():
    got = _typed("许可 一千零二十\n处罚 三百零六\n强制 十二")
    assert got == {"t2.licensing.decisions": "1020", "t2.penalty.decisions": "306", "t2.enforcement.decisions": "12"}


def test_numbers_typed_digit_by_digit_in_chinese_and_two_or_three_as_one_word():
    got = _typed("上年结转：个人一〇二 企业二一 律所俩 其他〇 合计一二五")
    assert got == {"t3.carried_over.natural": "102", "t3.carried_over.commercial": "21", "t3.carried_over.legal_service": "2",
                   "t3.carried_over.other": "0", "t3.carried_over.total": "125"}
    from assistant.reading import typed_as_read
    assert typed_as_read("一一对应，三七开，咱俩一起，个人三四件") == "一一对应，三七开，咱俩一起，个人三四件"


def test_a_decision_said_with_ba_and_an_item_named_before_its_sentence():
    assert _typed("处罚那个 算了还是按原来的305吧") == {"t2.penalty.decisions": "305"}
    assert _typed("处罚305是立案数，作出处罚决定的是298件") == {"t2.penalty.decisions": "298"}
    assert _typed("新收：个人9，其他组织1，合计10件")["t3.new_received.other"] == "1"


def test_who_they_were_in_brackets_and_one_told_by_who_applied():
    got = _typed("新收：个人20件，其他3件（两个村委会，一个业主委员会）")
    assert got == {"t3.new_received.natural": "20", "t3.new_received.other": "3"}
    got = _typed("部分公开4件（企业3件、律所1件）")
    assert got["t3.partial.commercial"] == "3" and got["t3.partial.legal_service"] == "1"
    got = _typed("另外去年11月一家公司递的申请，今年2月答复的，不掌握。这个算结转吧？")
    assert got["t3.carried_over.commercial"] == "1" and got["t3.unable.not_held.commercial"] == "1"
    assert _typed("给了一部分、遮了一部分的：6件（企业1件）")["t3.partial.commercial"] == "1"


def test_whoever_is_not_noted_is_that_applicant_and_who_applied_among_the_applicants():
    got = _typed("收到申请9件。申请人中个人7件，律所2件。结果：公开5件（含律所1件），不掌握3件，另行制作1件（律所）。除注明的以外都是个人申请。")
    assert got["t3.new_received.natural"] == "7" and got["t3.new_received.legal_service"] == "2"
    assert got["t3.granted.natural"] == "4" and got["t3.granted.commercial"] == "0"
    assert got["t3.unable.not_held.natural"] == "3"


def test_a_none_said_before_a_list_and_attachments_numbers_and_more_dialect():
    assert _typed("今年未发生行政复议、行政诉讼") == {"t4.review": "0", "t4.litigation_direct": "0", "t4.litigation_after_review": "0"}
    assert _typed("依申请那块见附件2") == {}
    assert _typed("俺是清河县商务局嘞，写2025年嘞年报")["agency_name"] == "清河县商务局"
    from assistant.reading import typed_as_read
    assert typed_as_read("不掌握那俩里头") == "不掌握那俩里头"  # (those two: no count)


def test_lawsuits_told_as_a_sum_of_their_two_kinds_and_applicants_shares_over_a_list():
    got = _typed("被提起行政诉讼5件，其中未经复议直接起诉3件，均维持；经复议后起诉2件，尚未审结。")
    assert got["t4.litigation_direct.total"] == "3" and got["t4.litigation_after_review.total"] == "2"
    assert "5" not in got.values()
    got = _typed("从申请人类型看，自然人提出60件，占80%；商业企业10件；律所和其他组织共5件。")
    assert got == {"t3.new_received.natural": "60", "t3.new_received.commercial": "10"}


def test_a_slip_at_the_end_of_a_longer_row_name_and_a_later_single_case_named_back():
    r = read_message("信访类的2件都是个人，重复申情1件也是个人。还有一个企业的到年底没办完 转明年")
    got = {op.field: op.value for op in [*r.ops, *r.computed]}
    assert got["t3.not_processed.repeated.natural"] == "1" and "t3.new_received.natural" not in got
    assert any("还有一个企业" in u for u in r.unexplained)  # (one told beside counts: named back, not dropped)


def test_what_a_clerk_trying_the_web_app_met(db):
    """The session-17 trial: a corrected cell carries its row's 总计 when the row added up before (its
    open columns holding none); the results question says how many are still to be told; "还差哪个"
    after a remark is the summary."""
    service = offline_service(db())
    draft = service.start("李娜").id
    talk(service, draft, ["平江县交通运输局 县级 2025年", "网站214条 公众号380条 解读9篇 发布会没开",
                          "规范性文件制发1 废止0 有效6 规章没有 许可1842 处罚96 强制3 收费0", "依申请今年新收了23件，个人18 企业4 还有个律所的1件。去年结转过来一件 个人的",
                          "办理结果：予以公开11件 个人9企业2，部分公开3件（个人2 企业1），不掌握的5件 个人4 律所1"])
    reply = talk(service, draft, ["予以公开个人应该是10件不是9件"])[-1]
    cells = service.facts(draft).cells
    assert cells["t3.granted.natural"] == 10 and cells["t3.granted.total"] == 12
    assert "还差" in reply.text  # ("自然人19件（已说15件的办理结果，还差4件）")
    reply = talk(service, draft, ["个人的不是都说了么 还差哪个？"])[-1]
    assert "回答不了" not in reply.text


def test_a_brief_figure_taken_back_and_where_the_changes_fall():
    got = _typed("口径里“予以公开60件”是送审稿的数，后来又核了一遍：其实予以公开61件、无法提供30件（不掌握多1件），多的少的都是自然人那列，办结99不变。")
    assert got == {"t3.granted.total": "61"}  # (not 60+61, nor every result 自然人's; "办结99不变" confirms)


def test_a_column_heading_its_sentence_and_a_pointer_at_one_counted_already():
    got = _typed("企业的数我只说不为零的：第三方2，不掌握5，确认1")
    assert got == {"t3.withheld.third_party.commercial": "2", "t3.unable.not_held.commercial": "5",
                   "t3.not_processed.confirmation.commercial": "1"}
    got = _typed("就是台账里企业那1件逾期不缴费", earlier={"t3.new_received.commercial": 40})
    assert "t3.new_received.commercial" not in got


_HTML_T4 = ('表四：\n<table border="1"><tbody>\n<tr><td colspan="5">行政复议</td><td colspan="10">行政诉讼</td></tr>\n'
            '<tr><td rowspan="2">结果维持</td><td rowspan="2">结果纠正</td><td rowspan="2">其他结果</td><td rowspan="2">尚未审结</td>'
            '<td rowspan="2">总计</td><td colspan="5">未经复议直接起诉</td><td colspan="5">复议后起诉</td></tr>\n'
            '<tr><td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td><td>结果维持</td><td>结果纠正</td>'
            '<td>其他结果</td><td>尚未审结</td><td>总计</td></tr>\n'
            '<tr><td>2</td><td>0</td><td>0</td><td>1</td><td>3</td><td><span style="font-size:12px;">1</span></td><td>0</td><td>0</td>'
            '<td>0</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr>\n</tbody></table>')


def test_tables_pasted_as_a_web_pages_source_with_formulas_showing_or_with_tracked_changes():
    ops, _ = parse_pasted_tables(_HTML_T4)
    got = {op.field: op.value for op in ops}
    assert got["t4.review.upheld"] == 2 and got["t4.review.total"] == 3 and got["t4.litigation_direct.upheld"] == 1
    sheet = ("\t\t\t自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t总计\n"
             "一、本年新收政府信息公开申请数量\t\t\t12\t3\t0\t0\t1\t0\t=SUM(D4:I4)\n"
             "二、上年结转政府信息公开申请数量\t\t\t1\t0\t0\t0\t0\t0\t=SUM(D5:I5)\n"
             "\t（七）总计\t\t=SUM(D6:D26)\t=SUM(E6:E26)\t=SUM(F6:F26)\t=SUM(G6:G26)\t=SUM(H6:H26)\t=SUM(I6:I26)\t=SUM(J6:J26)")
    ops, _ = parse_pasted_tables(sheet)
    got = {op.field: op.value for op in ops}
    assert got["t3.new_received.natural"] == 12 and got["t3.carried_over.natural"] == 1
    assert not any(f.startswith("t3.total.") or f.endswith(".total") for f in got)  # (formulas are no figures)
    revised = ("\t自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t总计\n"
               "（一）予以公开\t30\t4\t0\t0\t1\t0\t35\t〔修订 王明：删除了“33”〕")
    got = {op.field: op.value for op in parse_pasted_tables(revised)[0]}
    assert got["t3.granted.natural"] == 30 and got["t3.granted.total"] == 35
    assert _typed("复议：维持3，纠正1〔修订 王明：删除了“2”〕，总计4") == {"t4.review.upheld": "3", "t4.review.corrected": "1",
                                                                       "t4.review.total": "4"}


def test_a_revision_of_a_version_told_before_said_as_changes():
    r = read_message(__import__("assistant.reading", fromlist=["typed_as_read"]).typed_as_read(
        "第二版在初稿基础上改了这几处：\n1. 新收 企业 +2（补录的）\n2. 不掌握 个人 −1（后来找到了）\n3. 处罚 少了3件"))
    got = {op.field: op.value for op in r.ops}
    assert got == {"t3.new_received.commercial": "2", "t3.unable.not_held.natural": "1", "t2.penalty.decisions": "3"}
    assert r.by_difference == {"t3.new_received.commercial": 1, "t3.unable.not_held.natural": -1, "t2.penalty.decisions": -1}
    from assistant.reading import typed_as_read
    assert typed_as_read("个人 62+9，编号XLCY-2025-001") == "个人 62+9，编号XLCY-2025-001"  # (a sum and a code keep their signs)


def test_table_two_from_the_2019_template():
    r = read_message("第二十条第（一）项\n信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量\n规章 | 0 | 0 | 0\n"
                     "规范性文件 | 4 | 4 | 31\n第二十条第（五）项\n信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量\n"
                     "行政许可 | 27 | +3 | 2,310\n第二十条第（九）项\n信息内容 | 采购项目数量 | 采购总金额\n政府集中采购 | 5 | 120.5")
    got = {op.field: op.value for op in r.ops}
    assert got["t2.normative_docs.issued"] == 4 and got["t2.licensing.decisions"] == 2310
    assert got["t2.regulations.in_force"] == 0 and "t2.normative_docs.in_force" not in got  # (31 is no 现行有效)
    assert "行政许可 上一年项目数量27" in r.old_format and "政府集中采购 采购总金额120.5" in r.old_format


def test_the_2019_templates_one_row_of_other_handling_is_asked_about():
    rows = ["（三）不予公开\t1.属于国家秘密\t0\t0\t0\t0\t0\t0\t0", "\t4.保护第三方合法权益\t2\t0\t0\t0\t0\t0\t2",
            "（四）无法提供\t1.本机关不掌握相关政府信息\t3\t0\t0\t0\t0\t0\t3", "（六）其他处理\t1\t1\t0\t0\t0\t0\t2"]
    table = "\t自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t总计\n" + "\n".join(rows)
    assert group_total_lines(table) == [rows[-1]]
    got = {op.field: op.value for op in read_message(table).ops}
    assert got["t3.unable.not_held.total"] == 3 and not any(f.startswith("t3.other_handling") for f in got)


def test_the_amount_of_the_fees_named_before_it():
    assert _values("收费项目都停了，金额0")["t2.fees.amount"] in (0, "0")


def test_a_result_told_of_the_one_carried_over_is_not_every_applications():
    got = _values("今年收了12件，上年结转1件企业的，2月份就答复了，给了。")
    assert got["t3.new_received.total"] == "12" and "t3.granted.total" not in got


def test_one_none_said_after_the_item():
    assert _values("行政处罚一起没有")["t2.penalty"] == 0


def test_who_applied_said_with_is():
    got = _values("收到申请30件，申请人为个人21件、公司6件、律所3件")
    assert got["t3.new_received.natural"] == "21" and got["t3.new_received.legal_service"] == "3"


def test_the_row_a_deliberation_settles_on_takes_the_count():
    got = _values("公司的3件要别家的投标文件，里面有商业秘密，不能给，最后放了保护第三方合法权益")
    assert got["t3.withheld.third_party.commercial"] == "3"
    got = _values("协会的2件要我们把五年的检查数据重新汇总，手上没有现成的，算需要另行制作，都是社会公益组织")
    assert got["t3.unable.needs_creation.public_interest"] == "2"


def test_when_it_came_is_no_count_of_what_came():
    got = _values("12月28日收到的2件企业的还没办完，转明年")
    assert got["t3.carried_forward.commercial"] == "2" and "t3.new_received.total" not in got


def test_reasons_in_a_clerks_own_words():
    got = _values("按档案法不能公开的2件（个人2）\n手里根本没有的5件（个人4、企业1）\n要年鉴的1件，个人")
    assert got["t3.withheld.prohibited_by_law.natural"] == "2" and got["t3.unable.not_held.commercial"] == "1"
    assert got["t3.not_processed.publication.natural"] == "1" and not any(f.startswith("t3.granted") for f in got)


def test_the_applications_left_after_the_register_is_sorted():
    assert _values("咨询的去掉以后，其余12条才是政府信息公开申请")["t3.new_received.total"] == "12"
    got = _values("这30件：个人20件，企业6件，律所4件。")
    assert got["t3.new_received.total"] == "30" and got["t3.new_received.legal_service"] == "4"
    assert "t3.new_received.total" not in _values("这30件：个人20件，企业6件，律所3件。")  # (not adding up)


def test_values_not_in_the_words_are_named_back_once():
    from assistant.dialogue._answers import _grouped
    said = "今年收了5件，去年结转1件个人的，给了。" * 3
    reasons = [f"“表三「{r}」行「自然人」列”的数字0在您的原话“{said}”中找不到，未采用。" for r in ("（二）部分公开", "（三）不予公开1", "（三）不予公开2")]
    out = _grouped([*reasons, "别的理由。"])
    assert len(out) == 2 and "等3格" in out[0] and "共" in out[0] and out[1] == "别的理由。"


def test_what_to_take_off_and_what_to_add():
    r = read_message("要减掉的是上年12月办完的，就是那2件公开的，个人1公司1。"
                     "要加上的是本年12月办结的：公开个人3件，不掌握企业1件。")
    got = {op.field: op.value for op in r.ops}
    assert r.by_difference["t3.granted.commercial"] == -1 and got["t3.granted.commercial"] in (1, "1")
    assert r.by_difference["t3.granted.natural"] == 1 and got["t3.granted.natural"] in (2, "2")  # (−1 +3)
    assert r.by_difference["t3.unable.not_held.commercial"] == 1 and not r.unexplained


def test_when_they_were_done_is_no_row():
    got = _values("11月办结的：公开个人4件，部分公开企业1件")
    assert got["t3.granted.natural"] == "4" and got["t3.partial.commercial"] == "1" and "t3.total.natural" not in got


def test_people_who_applied_are_no_count_of_applications():
    r = read_message("今年来申请的一共5个人加2家企业，我一个一个说")
    assert not any(op.field.startswith("t3.") for op in r.ops) and r.unexplained
    got = _values("有个大爷，一个人先后交了3份申请，都是问拆迁的")
    assert "t3.new_received.natural" not in got
    assert _values("新收9件，6个人的，3个企业的")["t3.new_received.natural"] == "6"


def test_how_a_letter_was_handled_is_no_none_of_applications():
    got = _values("还有一封是投诉物业的，按信访举报投诉类处理了，没按申请办。")
    assert not any(f.startswith("t3.new_received") for f in got)


def test_people_signing_together_are_not_the_column_of_persons():
    got = _values("三个人联名交了一份申请，要小区规划图，给了一部分")
    assert "t3.new_received.natural" not in got and "t3.partial.natural" not in got


def test_two_groups_put_in_one_row_add_up():
    r = read_message("按发出去的文书：\n《答复书（予以公开）》10份：个人8、企业2\n《告知书（已主动公开）》3份，都是个人的，我们一直算在予以公开里")
    got = {x.field: x.value for x in r.computed}
    assert got["t3.granted.natural"] == "11" and got["t3.granted.total"] == "13"


def test_carried_forward_typed_short_and_some_answered():
    got = _values("没办完结到明年的2件，都是企业。")
    assert got["t3.carried_forward.commercial"] == "2" and "t3.new_received.total" not in got
    assert "t3.carried_forward" not in _values("补正通知发了4份，其中2份补正后都答复了")


def test_classes_of_applications_are_added_when_the_clerk_asked_to_merge(db):
    cells = _cells_after(db, ["某某县住建局 县级 2025年 依申请台账是按事项分类记的 分三类 你帮我汇总成表三",
                          "第一类 拆迁补偿的：新收8件 都是个人的 予以公开5件 不掌握3件 都是个人的 去年没有结转 也没有结转到明年的",
                             "第二类 物业的：新收4件 都是个人的 予以公开4件"])
    assert cells["t3.new_received.total"] == 12 and cells["t3.granted.total"] == 9
    assert cells["t3.unable.not_held.total"] == 3


def test_the_count_said_before_heads_who_asked():
    r = read_message("这30件：个人20件，企业6件，律所4件。", earlier={"t3.new_received.total": 30})
    got = {op.field: op.value for op in r.ops}
    assert got["t3.new_received.natural"] == "20" and got["t3.new_received.legal_service"] == "4"


def test_unnoted_said_before_the_rows_it_is_said_of():
    r = read_message("下面括号里没注的都是个人：\n给了的：50件（企业6、律所2）\n执法查处卷宗里的：3件\n自己撤了的：1件")
    got = {x.field: x.value for x in [*r.ops, *r.computed]}
    assert got["t3.granted.natural"] == "42" and got["t3.granted.research"] == "0"
    assert got["t3.withheld.enforcement_file.total"] in (3, "3") and got["t3.other_handling.other.total"] in (1, "1")


def test_a_review_withdrawn_is_no_application_withdrawn():
    got = _values("复议3件，2件维持，还有1件申请人自己撤回了复议，算其他结果")
    assert not any(f.startswith("t3.") for f in got)


def test_this_years_results_add_to_the_one_carried_over_told_first(db):
    cells = _cells_after(db, ["某某乡人民政府 2025年 依申请今年收了5件，个人的3件，律所1件，一个合作社1件",
                          "上年转过来一件 个人的，今年2月份答复了，公开了",
                             "今年收的那几件：个人的有2件公开了，律所那件也公开了；还有一个村民的部分公开，把电话号码遮了；"
                          "另一个村民要的是县住建局的东西 我们不掌握"])
    assert cells["t3.granted.natural"] == 3 and cells["t3.granted.legal_service"] == 1 and cells["t3.granted.total"] == 4
    assert cells["t3.partial.natural"] == 1 and cells["t3.unable.not_held.natural"] == 1


def test_one_application_said_to_be_in_another_row_not_this_one(db):
    for said in ("等一下 说错了，公司那件不是予以公开，是部分公开", "公司那1件应该算部分公开，不是予以公开"):
        service = offline_service(db())
        draft = service.start("张三").id
        talk(service, draft, ["青山县交通局 县级 2024年",
                              "予以公开5件（个人4，企业1），部分公开1件个人，新收6件，上年没有结转，都办完了"])
        talk(service, draft, [said])
        cells = service.facts(draft).cells
        assert cells["t3.granted.commercial"] == 0 and cells["t3.granted.total"] == 4, said
        assert cells["t3.partial.commercial"] == 1 and cells["t3.partial.total"] == 2, said


def test_a_figure_from_two_sources_with_the_one_that_stands():
    r = read_message("部分公开 系统企业7、台账8，差的那件是窗口收的纸质件，用台账8")
    got = {op.field: op.value for op in r.ops}
    assert got["t3.partial.commercial"] == "8" and "系统企业7" in " ".join(r.replaced)
    assert all("\u200b" not in op.quote for op in r.ops)
    assert not check_patch(Patch(ops=r.ops), "部分公开 系统企业7、台账8，差的那件是窗口收的纸质件，用台账8").rejected


def test_an_office_systems_status_words():
    got = _values("“受理”的：个人120，企业9，合计129。\n“上年在办转入”：个人3，合计3。\n还是“在办”的5件：个人5。\n"
                  "部分同意公开 12（个人10 企业2）")
    assert got["t3.new_received.natural"] == "120" and got["t3.carried_over.natural"] == "3"
    assert got["t3.carried_forward.natural"] == "5" and got["t3.partial.commercial"] == "2" and "t3.granted.total" not in got
    assert "proposals_completion_rate" not in _values("系统首页那个“办结率96.8%”年报里要用吗？")


def test_one_said_to_be_not_this_row_but_that_one_with_who_after(db):
    cells = _cells_after(db, ["青山县交通局 县级 2024年",
                          "予以公开5件都是个人，撤回3件都是个人，新收8件，上年没有结转，都办完了",
                             "更正：撤回的3件里有1件其实不是撤回，是逾期没补正，个人的"])
    assert cells["t3.other_handling.other.natural"] == 2 and cells["t3.other_handling.no_correction.natural"] == 1


def test_a_scoring_forms_points_are_no_figures():
    r = read_message("二、依申请公开（20分）　自评得分：18\n受理情况（5分）自评5分\n全年新收申请30件，其中自然人28件，企业2件。\n"
                     "办理结果（10分）扣2分：不予公开3件，均为自然人，理由为保护第三方合法权益；属于行政查询事项2件，自然人。")
    got = {op.field: op.value for op in r.ops}
    assert got["t3.new_received.total"] == "30" and got["t3.withheld.third_party.natural"] == "3"
    assert "自评5分" in r.scores and "扣2分" in r.scores and not r.unexplained
    assert all("\u200b" not in op.quote for op in r.ops)


def test_items_and_their_figures_respectively():
    message = ("门户网站、政务新媒体分别发布信息300条、120条。行政规范性文件本年制发、废止、现行有效分别为3件、2件、11件；"
               "依申请新收20件，自然人、商业企业、其他组织依次是15、4、1。")
    r = read_message(message)
    got = {op.field: op.value for op in r.ops}
    assert got["website_items"] in (300, "300") and got["new_media_posts"] in (120, "120")
    assert got["t2.normative_docs.repealed"] == "2" and got["t2.normative_docs.in_force"] == "11"
    assert got["t3.new_received.commercial"] == "4" and got["t3.new_received.other"] == "1"
    assert all(op.quote in message for op in r.ops) and not check_patch(Patch(ops=r.ops), message).rejected


def test_the_same_count_pointed_back_at_is_no_second_one():
    got = _values("本机关不掌握6件。不掌握的6件里自然人4、企业2。")
    assert got["t3.unable.not_held.total"] == "6"


def test_answers_under_the_assistants_questions_quoted():
    message = ("我按你问的顺序引用着回\n\n88件\n「报告助手：今年本年新收的政府信息公开申请一共多少件？」\n\n"
               "个人80，企业8\n「报告助手：这些新收申请按申请人类型分别是多少？」\n\n"
               "9件：第三方5（个人），过程性4（个人）\n「报告助手：不予公开多少件？分别是哪些理由？」\n\n"
               "对\n「报告助手：办结总数是85件吗？」")
    r = read_message(message)
    got = {op.field: op.value for op in r.ops}
    assert got["t3.new_received.total"] == "88" and got["t3.new_received.commercial"] == "8"
    assert got["t3.withheld.third_party.natural"] == "5" and got["t3.total.total"] == "85"
    assert all(op.quote in message for op in r.ops) and not r.unexplained


def test_each_items_part_respectively_and_one_figure_for_each():
    got = _values("予以公开、部分公开分别20件、4件，其中自然人分别为15件、3件，其余是企业的。")
    assert got["t3.granted.natural"] == "15" and got["t3.partial.natural"] == "3" and got["t3.partial.total"] == "4"
    got = _values("行政复议3件，结果维持、结果纠正分别1件，还有1件没审结。")
    assert got["t4.review.upheld"] == "1" and got["t4.review.corrected"] == "1"


def test_products_and_rates():
    r = read_message("行政许可就是建房审批，6个村每个村批了5户。")
    got = {op.field: op.value for op in r.ops}
    assert got["t2.licensing.decisions"] == "30" and not check_patch(Patch(ops=r.ops), "行政许可就是建房审批，6个村每个村批了5户。").rejected
    r = read_message("网站专栏每个月固定发10条，一年12个月都是这样。")
    assert {x.field: x.value for x in r.computed}.get("website_items") == "120" and not r.unexplained
    r = read_message("公众号一周二四各推一条")
    assert not any(op.field == "new_media_posts" for op in r.ops) and r.unexplained  # (how often: the year's count is asked)


def test_an_items_count_pointed_at_as_said_elsewhere_is_its_count():
    got = _values("行政许可就是总结里说的那12件，处罚没有")
    assert got["t2.licensing.decisions"] == "12"


def test_a_bilingual_sheet_is_read_by_its_chinese():
    # a 蒙汉 sheet of table 二: the Mongolian left out, the block headings no part of the row below
    mongolian = ("ᠵᠠᠰᠠᠭ ᠤᠨ ᠶᠠᠮᠤ 规章\t0\t0\t0\n第二十条第（八）项\n"
                 "ᠲᠦᠯᠪᠦᠷᠢ 行政事业性收费（单位：万元）\t1.2")
    got = _typed(mongolian)
    assert got["t2.regulations.issued"] == "0" and got["t2.fees.amount"] == "1.2"
    # a 朝汉 sheet whose Korean heading holds numbers of its own ("제20조 제(5)항" is 第二十条第（五）项)
    from assistant.reading import typed_as_read
    r = read_message(typed_as_read("제20조 제(5)항 第二十条第（五）项\n행정허가 行政许可\t58\n제20조 제(6)항 第二十条第（六）项\n행정처벌 行政处罚\t7"))
    assert {op.field: op.value for op in r.ops} == {"t2.licensing.decisions": 58, "t2.penalty.decisions": 7}
    assert not r.unexplained
    # the table's Sino-Korean words said alone, in a chat, are read as their Chinese
    got = _typed("행정소송 没有，행정복의 2건 都是유지")
    assert got["t4.review.upheld"] == "2" and got["t4.review.total"] == "2" and got["t4.litigation_direct"] == "0"


def test_handwriting_input_look_alikes_are_read_as_the_words_meant():
    from assistant.reading import typed_as_read
    got = _typed("今午收到由请9仵 其中白然人7仵 律所2仵，部兮公幵的没布")
    assert got["t3.new_received.total"] == "9" and got["t3.new_received.natural"] == "7"
    assert got["t3.new_received.legal_service"] == "2"
    assert typed_as_read("网沾发了86朵，维特1件") == "网站发了86条，维持1件"
    # words of their own stay as written, and a look-alike of a measure word only after a number
    assert typed_as_read("上午开了会，一朵花") == "上午开了会，一朵花"
    # the text keeps its length: what is quoted back is the clerk's own
    message = "行政许司十二仵，外罚三仵"
    assert len(typed_as_read(message)) == len(message)
    assert {op.quote for op in read_message(typed_as_read(message)).ops} <= {"行政许可十二件", "处罚三件", "行政许可十二件，处罚三件"}


def test_a_copy_a_line_a_case_number_and_a_footnote_mark_are_no_counts():
    r = read_message("受理台账我打印了一份，一件一行，每条一行写清楚了")
    assert not r.ops and not r.unexplained
    r = read_message("受理号2024-031的那件，企业申请的")  # (a case's number, year and serial)
    assert not any(op.value == "31" or op.value == 31 for op in r.ops)
    got = _typed("（七）总计\t40\t3\t0\t0\t2\t0\t45³")
    assert got["t3.total.total"] == "45" and got["t3.total.natural"] == "40"


def test_more_since_a_count_told_before_is_added_to_it(db):
    service = offline_service(db())
    draft = service.start("张三").id
    talk(service, draft, ["东湖街道办事处 2025年年报", "截至10月底：网站发了140条，许可12件，强制3件，依申请新收5件都是个人的"])
    talk(service, draft, ["11月以后网站又更新了22条；许可又批了4件，强制没有新增；依申请又收到2件，1件个人1件企业"])
    facts = service.facts(draft)
    assert facts.website_items == 162
    assert facts.cells["t2.licensing.decisions"] == 16 and facts.cells["t2.enforcement.decisions"] == 3
    assert facts.cells["t3.new_received.total"] == 7 and facts.cells["t3.new_received.natural"] == 6
    assert facts.cells["t3.new_received.commercial"] == 1
    # ("我再发一遍表" is the same table again, never more of it)
    talk(service, draft, ["网站发了162条，我又发了一遍，你看对不对"])
    assert service.facts(draft).website_items == 162


def test_no_column_of_a_kind_a_filing_year_and_a_doubt_are_no_figures():
    assert not read_message("系统导出来的表没有申请人类型，只有证件类型").ops
    r = read_message("透视表筛选：收文年份 2024")
    assert not any(op.field == "report_year" for op in r.ops)
    r = read_message("台账上的12件不是全年的吧？全年应该是12加4？")
    assert not r.ops and r.questions


def test_a_system_total_beside_the_agencys_own_and_a_table_of_the_whole_system():
    # "全省合计 | 其中：厅机关": the agency's own column is its table 三 (row totals)
    ops, _ = parse_pasted_tables("项目\t全省合计\t其中：厅机关本级\n一、本年新收政府信息公开申请数量\t2,310\t412\n"
                                 "三、（一）予以公开\t1,020\t188\n（七）总计\t2,298\t405\n")
    got = {op.field: op.value for op in ops}
    assert got == {"t3.new_received.total": 412, "t3.granted.total": 188, "t3.total.total": 405}
    assert all("\t" in op.quote and op.quote.split("\t")[1] != str(op.value) for op in ops)  # (the clerk's own line)
    # a table whose scope takes in the subordinate bodies is held and said back, not recorded
    r = read_message("口径：全县（包括各乡镇）\n项目\t自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t总计\n"
                     "本年新收\t40\t2\t0\t0\t1\t0\t43")
    assert not r.ops and r.whole_system and not r.unexplained


def test_a_groups_count_then_a_part_of_it_by_its_row_and_personal_information():
    got = _values("不予处理5件里面重复申请2件")
    assert got.get("t3.not_processed.repeated.total") == "2" and "t3.not_processed.petition.total" not in got
    got = _values("不予公开2件，都是涉及个人信息的，个人申请")
    assert got.get("t3.withheld.third_party.total") == "2"
    assert "t3.new_received.natural" not in got  # ("个人信息" is what was asked for, not who asked)


def test_an_application_withdrawn_is_a_result_not_one_more_received():
    got = _values("其他处理3件：2件逾期不补正，另外1件是公司自己撤回了申请")
    assert got.get("t3.other_handling.other.commercial") == "1" and "t3.new_received.total" not in got


def test_a_bookkeepers_words_and_one_by_one_and_an_applicants_count_without_its_measure_word():
    got = _typed("依申请：期初余额 3，本期增加 40，本期减少 41，期末余额 2")
    assert got["t3.carried_over.total"] == "3" and got["t3.new_received.total"] == "40"
    assert got["t3.total.total"] == "41" and got["t3.carried_forward.total"] == "2"
    got = _typed("规范性文件期初有效15件，今年制发2件、废止1件，期末有效16件")
    assert got.get("t2.normative_docs.in_force") == "16" and got.get("t2.normative_docs.repealed") == "1"
    assert not read_message("我一家一家单位跟你说").ops
    r = read_message("企业6：公开4、不掌握2")
    got = {op.field: op.value for op in r.ops}
    assert got == {"t3.granted.commercial": "4", "t3.unable.not_held.commercial": "2"}


def test_lost_records_a_case_number_with_leading_zeros_and_one_told_only_by_who_sent_it():
    assert not read_message("申请这块的登记表丢了，电脑没备份").ops
    r = read_message("0021号是一家物业公司在网上提交的，已经公开了")
    assert not any(op.value in ("21", 21) for op in r.ops) and not any(op.field == "website_items" for op in r.ops)
    r = read_message("12月29号一位居民寄来的，还在办")
    assert not r.ops and r.unexplained  # (who sent one in, the count left to the clerk: named back)


def test_two_values_of_one_cell_in_a_message_take_neither():
    message = "新收：个人40，企业6，个人41"
    result = check_patch(Patch(ops=[PatchOp(field="t3.new_received.natural", value="40", quote="个人40"),
                                    PatchOp(field="t3.new_received.commercial", value="6", quote="企业6"),
                                    PatchOp(field="t3.new_received.natural", value="41", quote="个人41")]), message)
    assert [op.field for op in result.accepted] == ["t3.new_received.commercial"]
    assert len(result.rejected) == 1 and "40和41" in result.rejected[0].reason


def test_a_register_by_the_article_each_reply_cited():
    got = _typed("按答复依据统计：\n第36条第2项 同意提供 20件\n第三十六条第（四）项 查无 7件\n第三十六条第(五)项 告知向其他机关申请 3件\n"
                 "第三十八条 要加工汇总的 2件\n第三十九条第一款 投诉 1件")
    assert got["t3.granted.total"] == "20" and got["t3.unable.not_held.total"] == "10"
    assert got["t3.unable.needs_creation.total"] == "2" and got["t3.not_processed.petition.total"] == "1"
    # an article's number is no count, and a bare "三十七条" is posts, not the article
    assert _typed("公众号今年发了三十七条") == {"new_media_posts": "37"}


_NOTICE = ("关于报送年度报告数据的通知\n请于1月20日前报送：\n一、主动公开\n1. 网站发布信息条数\n2. 新闻发布会场数\n"
           "二、依申请公开\n1. 本年新收申请数（分申请人类型）\n2. 上年结转数\n3. 结转下年度数\n联系电话：0531-8888 1234")


def test_answers_by_the_numbers_of_a_notice_pasted_before(db):
    r = read_message("一、1. 2,015  2. 3\n二、1. 40（个人35 企业5） 3. 2", said_before=["好的", _NOTICE])
    got = {op.field: op.value for op in r.ops}
    assert got["website_items"] == "2015" and got["press_conferences"] == "3"
    assert got["t3.new_received.total"] == "40" and got["t3.new_received.commercial"] == "5"
    assert got["t3.carried_forward.total"] == "2" and not r.unexplained
    assert "2,015" in {op.quote for op in r.ops}  # (quoted as the clerk wrote it)
    # without the notice, the numbers are named back, not guessed
    r = read_message("一、1. 2,015  2. 3", said_before=["好的"])
    assert not any(op.field == "website_items" for op in r.ops)
    # through the chat: the notice six messages back
    service = offline_service(db())
    draft = service.start("张三").id
    talk(service, draft, ["东山县水利局 2025年年报", _NOTICE, "等下", "我去翻一下", "好", "找到了"])
    talk(service, draft, ["一、1. 2,015  2. 3"])
    assert service.facts(draft).website_items == 2015


def test_table_twos_three_counts_with_slashes():
    assert _typed("规范性文件 4/1/30") == {"t2.normative_docs.issued": "4", "t2.normative_docs.repealed": "1",
                                       "t2.normative_docs.in_force": "30"}


def test_hold_on_and_an_acknowledgement_are_no_answer(db):
    service = offline_service(db())
    draft = service.start("张三").id
    talk(service, draft, ["南岭镇人民政府 2025年年报"])
    replies = talk(service, draft, ["稍等 我去翻一下台账", "好的"])
    assert all("不着急" in r.text and "需要一个数字" not in r.text for r in replies)
    assert service.facts(draft).website_items is None


def test_no_relation_found_in_a_search_and_an_aside_on_a_review_are_no_none():
    assert not read_message("第4条是土地补偿的官司，搜出来了但跟信息公开没关系").ops
    got = {op.field: op.value for op in read_message("复议3件：维持1、其他2（都是申请人撤回，复议终止），没有未审结的").ops}
    assert got.get("t4.review.pending") == 0 and not any(f.startswith("t3.") for f in got)


def test_what_a_county_clerk_trying_the_terminal_met(db):
    # a sheet copied with its empty top-left cell, the chat having stripped the tab before the header
    ops, _ = parse_pasted_tables("新收\t上年结转\t公开\t不掌握\n个人\t12\t1\t10\t3\n企业\t2\t\t2\t")
    got = {op.field: op.value for op in ops}
    assert got["t3.new_received.natural"] == 12 and got["t3.unable.not_held.natural"] == 3
    assert got["t3.carried_over.commercial"] == 0
    # "其他都是0" right after a table some rows of which were not read waits, rather than zeroing their cells
    r = read_message("其他都是0", said_before=["新收\t公开\t怪列\n个人\t5\t4\t1\t9\t9\n企业\t2\t2\t0\t8\t8"])
    assert not r.ops and r.zero_deferred
    # "单位X" after a first name of the clerk's own office: the placed name is the agency's
    got = {op.field: op.value for op in read_message("我是民政局办公室的，弄一下今年的年报，单位西岭县民政局").ops}
    assert got["agency_name"] == "西岭县民政局"
    # a question among the figures is answered
    assert "门户网站" in (guide_answer("我们是挂在区政府网站上的栏目 算门户网站吗") or "")


def test_a_count_to_add_to_an_items_count():
    r = read_message("另外窗口受理的不予许可决定9件，这个也是处理决定，要加进去")
    assert not r.ops and r.unexplained  # (the parts it adds to were not recorded: named back)
    r = read_message("不予许可的9件也要加进去", earlier={"t2.licensing.decisions": 120})
    assert {op.field: op.value for op in r.computed} == {"t2.licensing.decisions": "129"}


def test_a_value_changed_in_the_same_sentence_and_table_twos_row_spaced_in_a_sentence():
    assert _values("处罚 35，科长改成了53") == {"t2.penalty.decisions": "53"}
    assert _typed("打印稿上：规章 0 0 0；规范性文件 2 0 11，许可 57") == {
        "t2.regulations.issued": "0", "t2.regulations.repealed": "0", "t2.regulations.in_force": "0",
        "t2.normative_docs.issued": "2", "t2.normative_docs.repealed": "0", "t2.normative_docs.in_force": "11",
        "t2.licensing.decisions": "57"}


def test_a_part_said_with_the_value_and_case_numbers_after_a_comma():
    assert _values("发布会写错了，是9场，加上两场吹风会") == {"press_conferences": "9"}
    r = read_message("021到023是12月收到的，024是律所的，还在办")
    assert not any(str(op.value) in ("21", "23", "24") for op in r.ops)


def test_one_units_return_is_not_a_whole_applicant_column():
    r = read_message("东村报了4件：3件是找村委会查账的，不算；还有1件是村民要镇里的补偿标准，给他公开了")
    assert not any(str(op.value) == "0" for op in r.computed)  # (nothing says the village's one is all of 自然人)


def test_a_none_denied_is_the_count_after_it():
    # "不是没有，有N件": the count is what follows, never a zero
    v = _values("去年转过来的其实不是没有，还有2件，都是企业的")
    assert v["t3.carried_over.total"] == "2" and v["t3.carried_over.commercial"] == "2"
    assert _values("行政复议倒不是没有，有1件，复议机关给维持了") == {"t4.review.total": "1", "t4.review.upheld": "1"}
    assert _values("处罚并不是没有。") == {}


def test_double_negative_applicant_and_the_one_excepted(db):
    cells = _cells_after(db, ["收到的申请一共30件", "申请人这块，没有一件不是群众交的，除了公司3件、律师2件"])
    assert (cells["t3.new_received.natural"], cells["t3.new_received.commercial"], cells["t3.new_received.legal_service"]) == (25, 3, 2)
    v = _values("告知不存在的6件，除了公司那件，其余都是个人")
    assert v["t3.unable.not_held.commercial"] == "1" and v["t3.unable.not_held.natural"] == "5"


def test_fee_stopped_and_someone_elses_count_are_no_zeros():
    v = _values("收费一分没有，前几年就不收了")
    assert v == {"t2.fees.amount": 0}
    assert _values("统计口径不一样，他没算网站转载的") == {}


def test_a_phones_full_width_stop_as_the_decimal_point():
    v = _values(typed_as_read("行政事业性收费12。8万元，办结率97。5%"))
    assert v["t2.fees.amount"] == "12.8" and v["proposals_completion_rate"] == "97.5"


def test_items_asked_and_answered_by_the_clerk_themself():
    # "X多少？N件": the clerk's own question is the label of the answer right after it, never a question
    r = read_message("今年受理了多少？52件。都是谁申请的？群众40，公司12。行政强制呢？一件没有。微博？95条")
    got = {op.field: op.value for op in r.ops}
    assert got["t3.new_received.total"] == "52" and got["t3.new_received.natural"] == "40"
    assert got["t3.new_received.commercial"] == "12" and got["t2.enforcement"] == 0
    assert got["new_media_posts"] == "95" and not r.questions and not r.unexplained
    r = read_message("主要问题有哪些？考核机制不健全。咋整改？建立季度通报制度。")
    assert {op.field for op in r.ops} == {"problems", "measures"} and not r.questions
    # a real question stays one, and a label asked alone is no passage
    assert read_message("依申请公开的总计怎么算？我们有两个口径").questions
    assert not read_message("存在的问题是什么？").ops


def test_a_difference_or_a_ratio_is_no_value_and_a_past_years_clause_is_that_years():
    r = read_message("微博比公众号多了整整四十条，公众号210条")
    assert {op.field: op.value for op in r.ops} == {"new_media_posts": "210"} and r.unexplained == ["微博比公众号多了整整四十条"]
    r = read_message("申请人：公司是律所的三倍，律所3件，剩下的都是个人")
    assert {op.field for op in r.ops} == {"t3.new_received.legal_service"}
    r = read_message("处理费不收了，填0，2023年还收了12万", report_year=2025)
    assert r.other_year == ["2023年还收了12万"] and not any(op.value == "12" for op in r.ops)
    assert {op.field: op.value for op in read_message("行政事业性收费48万").ops} == {"t2.fees.amount": "48"}


def test_a_tool_or_a_ledger_missing_and_each_one_are_no_counts():
    # "没有台账", "没有导出的功能": what the clerk lacks, not none of the applications
    assert _values("申请这块我们一直没有登记簿，系统也没有统计的按钮，我手工数") == {}
    assert _values("每来一件我都复印一份存档") == {}
    # Explorer's "N 个项目" under a folder's listing counts files, not applications (said back as no count)
    r = read_message("答复书\n张某某 申请书.pdf\n李某 申请书.pdf\n3 个项目")
    assert not any(op.value == "3" for op in r.ops) and any("个项目" in x for x in r.not_counts)


def test_the_one_excepted_belongs_to_the_only_row_said():
    v = _values("需要另行制作5件，除了公司那件，剩下都是个人")
    assert v["t3.unable.needs_creation.commercial"] == "1" and v["t3.unable.needs_creation.natural"] == "4"
    # with several rows said, "那件" points at the row it was told in, and no other row takes it
    v = _values("公开了6件 不掌握2件 公司那件就是不掌握 结转1件 除了公司那件 其余都是个人的")
    assert v["t3.unable.not_held.commercial"] == "1" and v["t3.carried_forward.natural"] == "1"
    assert "t3.carried_forward.commercial" not in v and v["t3.unable.not_held.natural"] == "1"


def test_chat_shorthand_and_a_word_that_only_sounds_like_an_item():
    v = _values(typed_as_read("公众号今年1.1w条，网站3k条"))
    assert v == {"new_media_posts": "11000", "website_items": "3000"}
    assert _values("编号前两位我看了一下：11是机关，12是事业单位") == {}


def test_a_drafts_value_corrected_a_sentence_later():
    # "X写的5…。…应该是6": the draft's value is the old one; the other columns said between keep the row
    v = _values("规范性文件现行有效初稿里填的9，那是前年的。今年新发2件，废止了1件，应该是10件。")
    assert v == {"t2.normative_docs.in_force": "10", "t2.normative_docs.issued": "2", "t2.normative_docs.repealed": "1"}


def test_totals_follow_a_correction_when_asked(db):
    cells = _cells_after(db, [
        "新收6件，都是个人的。予以公开5件，个人5件；结转下年1件，个人1件。（七）总计5件，都是个人",
        "予以公开个人写的5，实际是4，有1件是12月30号收的，还没答复，转到明年了，所以结转下年个人是2不是1。合计你按改过的重新算"])
    assert (cells["t3.granted.natural"], cells["t3.granted.total"]) == (4, 4)
    assert (cells["t3.carried_forward.natural"], cells["t3.carried_forward.total"]) == (2, 2)
    assert (cells["t3.total.natural"], cells["t3.total.total"]) == (4, 4)


def test_what_the_item_is_to_be_after_its_parts():
    v = _values("公众号那个500条里有60条是转发的，领导说转发不算，那就报440条")
    assert v == {"new_media_posts": "440"}


def test_together_is_no_count_and_the_row_named_before_keeps_its_applicant():
    assert _values("这两行我一起删了") == {}
    r = read_message("对了，重复申请那行我也一起藏了，那行不是0，个人有5件", earlier={"t3.new_received.natural": 90})
    assert {op.field: op.value for op in r.ops} == {"t3.not_processed.repeated.natural": "5"}


def test_the_clerks_own_class_for_one_applicant():
    v = _values("公司4件，另外1件是县个体劳动者协会（算其他），公司的都公开了，协会那件不掌握")
    assert v.get("t3.unable.not_held.other") == "1" and "t3.unable.not_held.public_interest" not in v


def test_a_star_fixes_the_message_before(db):
    # "*N", "*企业14", "*律所3 另行制作那里": the chat's way of fixing a typo in the message before
    cells = _cells_after(db, ["依申请这块：本年新收2,315件", "*2,351"])
    assert cells["t3.new_received.total"] == 2351
    cells = _cells_after(db, ["部分公开30件（个人21，企业17，律所2）；不掌握9件，个人", "*企业7"])
    assert (cells["t3.partial.natural"], cells["t3.partial.commercial"], cells["t3.partial.legal_service"]) == (21, 7, 2)
    cells = _cells_after(db, ["不掌握12件（个人9，企业2，公益1），另行制作4件（个人3，科研1）", "*律所1 另行制作那个"])
    assert cells["t3.unable.needs_creation.legal_service"] == 1 and cells["t3.unable.needs_creation.research"] == 0
    assert cells["t3.unable.not_held.public_interest"] == 1


def test_enquiries_by_phone_are_no_applications():
    r = read_message("依申请今年有3件，都是村民打电话来问补贴的事，电话里就答复了")
    assert not [op for op in r.ops if op.field.startswith("t3.")] and r.not_ours
    assert _values("收到申请2件，其中1件是打电话来问的，我们帮他填了申请表")["t3.new_received.total"] == "2"


def test_who_made_a_rows_count_and_last_years_done():
    v = _values("还在办的4件是个人3件、企业1件")
    assert (v["t3.carried_forward.total"], v["t3.carried_forward.natural"], v["t3.carried_forward.commercial"]) == ("4", "3", "1")
    assert "t3.carried_forward" not in _values("上年转过来的那3件都是企业申请的，今年都办完了")
    v = _values("诉讼2件，都是没复议直接告的，1件判了撤销，1件还在审")
    assert v["t4.litigation_direct.total"] == "2" and v["t4.litigation_direct.pending"] == "1"
    v = _values("按申请人分：个人50件，企业6件")
    assert (v["t3.new_received.natural"], v["t3.new_received.commercial"]) == ("50", "6")


def test_a_question_how_to_count_one_holds_its_count_and_applicants_go_on_with_the_row():
    r = read_message("今年受理申请20件。有个事问下，家长申请的算个人吧？个人17件，律所2件。还有1个律师用自己名字申请的，这个算个人还是算律所？")
    got = {op.field: op.value for op in r.ops}
    assert got == {"t3.new_received.total": "20", "t3.new_received.natural": "17", "t3.new_received.legal_service": "2"}
    assert any("算个人还是算律所" in q for q in r.questions)
    # case numbers after "按申请人分：" are no counts
    assert not read_message("按申请人分：001到015是个人，016是企业").ops
    assert "t3.carried_forward" in _values("上年没有结转的，今年收的年底前也都答复完了。")


def test_northwestern_me_for_mei_and_sa_for_sha():
    # 西北话: 么有 = 没有, 么开过 = 没开过, 撒 = 啥 (not inside 怎么办, 那么有名)
    v = _values(typed_as_read("公众号么有，发布会也么开过。许可处罚这些撒都么有"))
    assert v["new_media_posts"] == 0 and v["press_conferences"] == 0 and v["t2.licensing"] == 0 and v["t2.penalty"] == 0
    assert typed_as_read("这个怎么办，那么有名的") == "这个怎么办，那么有名的"
    assert _values(typed_as_read("上年也么转过来的")) == {"t3.carried_over": 0}


def test_one_applicants_cases_told_one_by_one():
    r = read_message("村民的2件里头，1件要的是宅基地审批表，给了；还有1件不归我们管，告诉他去县里问",
                     earlier={"t3.new_received.natural": 2, "t3.new_received.total": 2})
    got = {op.field: op.value for op in r.ops}
    assert got == {"t3.granted.natural": "1", "t3.unable.not_held.natural": "1"}


def test_formal_register_dates_lists_and_words_inside_words():
    r = read_message("此外尚有上年度结转至本年度办理的申请一件，系一名自然人于2024年12月下旬提出", report_year=2025)
    got = {op.field: op.value for op in r.ops}
    assert got.get("t3.carried_over.total") == "1" and "report_year" not in got and "t3.new_received.total" not in got
    v = _values("另有一件系本区一家从事社区矫正帮扶的社会公益组织所提出", earlier={"t3.new_received.total": 3}, known={"t3.new_received.total"})
    assert "t3.new_received.other" not in v
    assert "t2.enforcement.decisions" not in _values("至于行政许可、行政处罚、行政强制三项，我局本年度均未作出处理决定")
    assert "t3.granted" not in _values("保护第三方权益1件，经征求意见第三方明确不同意公开")


def test_cases_told_with_ge_and_a_reason_told_after_a_corrected_value():
    r = read_message("收到3个申请，都是居民的。一个要小区改造的预算，全部公开了；另一个要邻居家的房产信息，不归我们管；"
                     "还有一个要拆迁安置名单，给了，但是身份证号都遮掉了")
    got = {op.field: op.value for op in r.ops}
    assert (got["t3.granted.natural"], got["t3.unable.not_held.natural"], got["t3.partial.natural"]) == ("1", "1", "1")
    assert _values("许可刚才说少了，是58件，有3件是12月底才报上来的") == {"t2.licensing.decisions": "58"}


def test_a_question_in_voice_input_keeps_the_figures_said_before_it():
    v = _values("网站今年发了826条 公众号一共一千二百条 对了职业打假人的申请是算自然人还是企业？")
    assert v == {"website_items": "826", "new_media_posts": "1200"}
    assert _values("上年转过来的2件都是个人的，转出去的是1件个人1件企业").get("t3.carried_over.commercial") in (None, "0")


def test_regional_rough_figures_and_review_then_lawsuit():
    r = read_message("网站上毛估估八百条出头，我等歇去后台看准的")
    assert not r.ops and r.rough
    v = _values("复议了再起诉的2件，都维持了")
    assert v["t4.litigation_after_review.total"] == "2" and v["t4.litigation_after_review.upheld"] == "2"


def test_one_of_them_each_and_points_told_one_by_one():
    v = _values("收了2件，一个是企业的，另一个是个人的")
    assert (v["t3.new_received.commercial"], v["t3.new_received.natural"]) == ("1", "1")
    assert _values("困难有两点，一个是申请量大，人手不够；另一个是基层公开不及时") == {}
    r = read_message("问题我讲两点：一个是依申请量大；另一个是栏目更新慢。措施就是建模板库")
    assert {op.field for op in r.ops} == {"problems", "measures"}


def test_a_bare_number_after_an_old_one_refused_and_why():
    assert _values("哦 解读不是9 是8 有一篇是转的") == {"policy_interpretations": "8"}
    assert _values("网站不是300，是320") == {"website_items": "320"}


def test_results_line_after_its_block_and_the_exact_value_after_a_guess():
    v = _values("复议 3\n维持2 另一个撤回了\n诉讼 0")
    assert (v["t4.review.total"], v["t4.review.upheld"], v["t4.review.other"]) == ("3", "2", "1")
    v = _values("不掌握应该是6件吧……不对，我又翻了台账，是5件，个人4企业1")
    assert (v["t3.unable.not_held.total"], v["t3.unable.not_held.natural"]) == ("5", "4") and "t3.new_received.total" not in v
    r = read_message("问题的话，我感觉可能是，一个是人员少，一个是解读形式单一。")
    assert [op.field for op in r.ops] == ["problems"]


def test_cases_told_after_their_count_keep_the_count(db):
    # a township clerk's trial: "收了三件 两个村民一个公司", then each case — the count stays 3 and the company is counted
    cells = _cells_after(db, ["申请今年收了四件 三个居民一个公司 去年没有转过来的",
                              "一件是居民申请的 给他公开了 公司那件部分公开 里面个人信息遮掉了"])
    assert (cells["t3.new_received.total"], cells["t3.new_received.natural"], cells["t3.new_received.commercial"]) == (4, 3, 1)
    assert cells["t3.granted.natural"] == 1 and cells["t3.partial.commercial"] == 1
    assert "t3.unable.not_held.natural" not in cells or cells["t3.unable.not_held.natural"] != 0


def test_the_guide_tells_village_affairs_from_applications():
    answer = guide_answer("村民找村委会问村务公开的事 算不算依申请")
    assert answer and "村务公开" in answer and "不计入表三" in answer


def test_hunan_mao_for_mei_and_some_of_the_years_told_later():
    assert _values(typed_as_read("信息处理费冒收过")) == {"fee_charged": False}
    r = read_message(typed_as_read("另外还有3件是12月底收到的，冒办完，转到明年去，都是个人的"),
                     earlier={"t3.new_received.total": 30, "t3.new_received.natural": 25})
    got = {op.field: op.value for op in r.ops}
    assert "t3.new_received.total" not in got and "t3.new_received.natural" not in got
    assert got.get("t3.carried_forward.natural") == "3"


def test_nearly_two_thousand_is_a_guess_and_wo_opens_no_name():
    r = read_message("网站今年发了小两千条，具体多少回头我给您查")
    assert not r.ops and r.rough
    got = {op.field: op.value for op in read_message("您好，我上海市绿化和市容管理局办公室的，帮我弄下2025年的年报").ops}
    assert got["agency_name"] == "上海市绿化和市容管理局"


def test_clauses_after_last_years_count_are_last_years():
    # the sentence goes on about last year until this year (or another table) is named again
    r = read_message("前年受理了4件，3件是企业的，2件公开了，2件部分公开。今年受理6件")
    assert {op.field: op.value for op in r.ops} == {"t3.new_received.total": "6"}
    r = read_message("上一年公众号推了120条，网站200条，今年网站是230条，公众号150条")
    assert {op.field: op.value for op in r.ops} == {"website_items": "230", "new_media_posts": "150"}


def test_one_more_told_among_applicants_lists_keeps_its_result():
    r = read_message("公司的：收到4件，公开3件，不掌握1件。还有1件是一个居委会申请的，也给公开了。")
    got = {op.field: op.value for op in r.ops}
    assert got["t3.new_received.other"] == "1" and got["t3.granted.other"] == "1" and "t3.granted.total" not in got
    r = read_message("公司的：收到4件，公开3件，不掌握1件。还有1件是一个居委会申请的，还没答复。")
    assert "t3.granted.other" not in {op.field for op in r.ops}


def test_a_list_of_changes_opened_by_an_applicant_stays_with_it():
    got = {op.field: op.value for op in read_message("企业新收改成9件，部分公开改为3件").ops}
    assert got == {"t3.new_received.commercial": "9", "t3.partial.commercial": "3"}
    got = {op.field: op.value for op in read_message("新收改成9件，部分公开改为3件").ops}
    assert got == {"t3.new_received.total": "9", "t3.partial.total": "3"}


def test_the_rest_said_after_every_row_of_the_message():
    r = read_message("今年收了15件，有2件是公司的。予以公开9件，不掌握4件，信访类2件。除了公司那两件是不掌握，其余全是个人的。")
    got = {op.field: op.value for op in [*r.ops, *r.computed]}
    assert got["t3.new_received.natural"] == "13" and got["t3.granted.natural"] == "9"
    assert got["t3.unable.not_held.commercial"] == "2" and got["t3.unable.not_held.natural"] == "2"


def test_a_part_of_a_refused_count_is_no_count():
    r = read_message("刚才报的不掌握6件不对，其中2件是要别的部门的文件，那2件按不予处理信访类办的，所以不掌握4件，信访类2件")
    got = {op.field: op.value for op in r.ops}
    assert got == {"t3.unable.not_held.total": "4", "t3.not_processed.petition.total": "2"}


def test_the_agency_after_other_requests_and_the_city_level():
    from assistant.reading import full_agency_name, infer_level
    from assistant.reading._identity import agency_name_in
    assert agency_name_in("麻烦帮忙准备下金溪县统计局2025年的公开年报")[0] == "金溪县统计局"
    assert full_agency_name("临江市公安局法制大队") == "临江市公安局"
    # a city's name says its level when it is listed: a 地级市 (市级) or a 县级市 (县级)
    assert infer_level("绵阳市教育和体育局", certain=True) == "municipal"
    assert infer_level("瑞昌市教育体育局", certain=True) == infer_level("义乌市市场监督管理局") == "county"
    assert infer_level("白城市城市管理综合行政执法局") == "municipal"  # (城市 is no place, the 白城 is)
    assert infer_level("绵阳市涪城区教育局") == "county"
    assert infer_level("青禾市教育局", certain=True) is None  # (a city not listed: asked)


def test_a_conference_attended_is_not_held():
    r = read_message("发布会我们自己没开，派员参加了市新闻办的汛期发布会2次")
    assert {op.field: str(op.value) for op in r.ops} == {"press_conferences": "0"} and r.unexplained


def test_an_items_sum_said_after_its_parts_in_a_correction():
    got = {op.field: op.value for op in read_message("处罚刚才报错了，简易程序是三百一十件，一般程序42件，合计352件").ops}
    assert got == {"t2.penalty.decisions": "352"}


def test_one_applicants_case_and_the_row_it_went_to():
    r = read_message("律所那件要的是另一家单位的合同，问了那家单位不同意，按第三方权益不予公开")
    assert {op.field: op.value for op in r.ops} == {"t3.withheld.third_party.legal_service": "1"}
    # (a head "个人的：" holds to the line's end only until another applicant's sentence)
    r = read_message("个人的：公开3件，不掌握1件。公司那件给了。上年没有转过来的。")
    got = {op.field: op.value for op in r.ops}
    assert got["t3.granted.commercial"] == "1" and str(got["t3.carried_over"]) == "0"


def test_the_one_carried_over_adds_its_result_to_this_years():
    r = read_message("今年收了5件，予以公开3件，不掌握2件。另外上年转过来1件，今年2月答复的，也予以公开了。")
    assert {x.field: x.value for x in r.computed}.get("t3.granted.total") == "4"
    assert "t3.granted.total" not in {op.field for op in r.ops}
    r = read_message("今年收了5件，予以公开3件。另外上年转过来1件，今年2月答复的，也予以公开了。")  # (results short)
    assert "t3.granted.total" not in {x.field for x in r.computed}


def test_reviews_told_one_by_one_after_their_count():
    r = read_message("复议两件，一件是个体户那件，市政府维持了；另一件是前年一个企业的申请，今年才申请复议，被撤销了。")
    got = {x.field: x.value for x in [*r.ops, *r.computed]}
    assert got["t4.review.total"] == "2" and got["t4.review.upheld"] == "1" and got["t4.review.corrected"] == "1"
    assert not any(f.startswith("t3.") for f in got)


def test_other_as_an_adjective_is_no_applicant():
    r = read_message("不予公开2件，都是要其他家长的信息，按第三方权益处理")
    assert "t3.withheld.third_party.other" not in {op.field for op in r.ops}


def test_this_years_problems_label_and_a_suit_after_an_upheld_review():
    r = read_message("今年的问题：台账登记不及时。措施：每月对一次账。")
    got = {op.field: op.value for op in r.ops}
    assert "台账登记不及时" in got["problems"] and "每月对一次账" in got["measures"]
    got = {op.field: op.value for op in read_message("诉讼有1件，复议被维持后他又起诉的，一审驳回了").ops}
    assert got == {"t4.litigation_after_review.total": "1", "t4.litigation_after_review.upheld": "1"}


def test_the_one_carried_over_pointed_at_with_its_result():
    r = read_message("今年收了4件，上年转来1件。结果：予以公开2件（个人1、企业1），不掌握1件（个人）；"
                     "还有1件个人要查自己的档案，按行政查询事项答复。上年转来那件（企业）今年2月也公开了。")
    got = {op.field: op.value for op in r.ops}
    computed = {x.field: x.value for x in r.computed}
    assert got["t3.withheld.inquiry.natural"] == "1" and got["t3.carried_over.commercial"] == "1"
    assert computed["t3.granted.total"] == "3" and computed["t3.granted.commercial"] == "2"


def test_a_missed_one_then_the_value():
    got = {op.field: op.value for op in read_message("解读漏了一篇转发省厅的，是9篇").ops}
    assert got == {"policy_interpretations": "9"}
    got = {op.field: op.value for op in read_message("有1件其实是举报，挪到信访类，信访类那就是3件").ops}
    assert got == {"t3.not_processed.petition.total": "3"}


def test_notices_sent_are_no_fees_charged():
    r = read_message("信息处理费：发了4份收费通知，3件按时交了，共收了720元；还有1件过期没交，按规定终止了。")
    got = {op.field: op.value for op in r.ops}
    assert got["fee_cases"] == "3" and got["fee_amount"] == "720"
    assert got["t3.other_handling.unpaid_fee.total"] == "1"
    assert any("收费通知" in u for u in r.unexplained)  # (the notices: no figure of the report, named back)


def test_proposals_published_on_the_site_and_a_fee_in_bare_wan(db):
    got = {op.field: op.value for op in read_message("人大建议9件，全部办结，答复全文在门户网站公开").ops}
    assert str(got["proposals_published"]) == "True"
    cells = _cells_after(db, ["某市人防办2025年年报", "收费金额核对了，是2105.08万"])
    assert str(cells["t2.fees.amount"]) == "2105.08"


def test_problems_listed_right_after_the_label():
    got = {op.field: op.value for op in read_message("就这么写：问题一是栏目更新慢，二是解读少。措施：每周更新一次。").ops}
    assert "栏目更新慢" in got["problems"] and "每周更新" in got["measures"]


def test_the_guide_answers_reuse_ranking_units_and_proposals():
    from assistant.reading import guide_answer
    assert "本年实际存在的问题" in guide_answer("存在问题能照抄去年的吗？")
    assert "监督保障" in guide_answer("县里考核我们是优秀等次，这个写在哪？")
    assert "128.64" in guide_answer("行政事业性收费单位是万元吗？按元收的怎么写？")
    assert "承办" in guide_answer("镇人代会上代表提的建议要算人大代表建议吗？")


def test_a_number_said_to_be_another_things_and_a_row_all_of_one_applicant():
    r = read_message("刚才网站的数我看错行了，95条是政务公开栏的张贴数，网站栏目是59条。")
    assert {op.field: op.value for op in r.ops} == {"website_items": "59"} and r.unexplained
    r = read_message("改一下：不予公开2件都是个人，部分公开1件是律所的。")
    computed = {x.field: x.value for x in r.computed}
    assert computed["t3.partial.natural"] == "0" and computed["t3.partial.commercial"] == "0"
    r = read_message("不予公开1件，个人的，要的是别人的病历，按第三方权益；不掌握3件，企业1件。")
    assert {op.field: op.value for op in r.ops}.get("t3.unable.not_held.total") == "3"  # (no applicant's hold)


def test_a_case_moved_by_what_the_reply_letter_says(db):
    cells = _cells_after(db, ["某区某街道办事处2025年年报",
                              "今年收了2件：3月一个居民要补贴名单，公开了；9月一个居民要邻居的处罚决定书，涉及第三方，没公开。",
                              "不对，9月那件我翻了答复书，写的是属于行政执法案卷不予公开，不是第三方，改一下。"])
    assert cells["t3.withheld.third_party.natural"] == 0 and cells["t3.withheld.enforcement_file.natural"] == 1


def test_an_applicants_head_with_its_carried_over_ones():
    r = read_message("按申请人说：\n个人12件，加上去年转过来的1件：予以公开8件，不掌握4件，还有1件转明年；\n"
                     "公司2件：公开1件，部分公开1件")
    got = {op.field: op.value for op in r.ops}
    assert got["t3.new_received.natural"] == "12" and got["t3.carried_over.natural"] == "1"
    assert got["t3.granted.natural"] == "8" and got["t3.carried_forward.natural"] == "1" and "t3.granted.total" not in got
    # (a part of a row told inside it is no whole row of that applicant)
    r = read_message("不予处理9件，除了重复申请里有1件是企业的，其余都是个人。")
    assert not any(x.field == "t3.not_processed.repeated.natural" and x.value == "0" for x in r.computed)


def test_none_held_next_years_plan_and_moves_said_by_what_a_row_really_holds(db):
    r = read_message("解读十篇，发布会今年一场没开，明年准备开三场。")
    got = {op.field: str(op.value) for op in r.ops}
    assert got == {"policy_interpretations": "10", "press_conferences": "0"} and r.unexplained
    cells = _cells_after(db, ["某县某局2025年年报", "今年收了5件，都是个人的：予以公开2件，不掌握3件。",
                              "刚才不掌握说三件，其实是两件，还有一件是补正后申请内容还不明确的。"])
    assert cells["t3.unable.not_held.natural"] == 2 and cells["t3.unable.unclear.natural"] == 1
    assert cells["t3.new_received.total"] == 5
    cells = _cells_after(db, ["某县某局2025年年报", "今年收了4件：予以公开3件（个人2，企业1），部分公开1件（个人）。",
                              "部分公开说错了，那1件是企业的；所以予以公开3件都是个人。"])
    assert cells["t3.partial.commercial"] == 1 and cells["t3.partial.natural"] == 0


def test_why_one_was_missed_is_no_count():
    r = read_message("企业新收是9件不是8件，有一件不掌握的企业申请没录进台账。所以不掌握企业是3件。")
    got = {op.field: op.value for op in r.ops}
    assert got.get("t3.unable.not_held.commercial") == "3" and "t3.unable.not_held.total" not in got


def test_applicants_heading_their_parts_with_commas():
    r = read_message("单位的：公司3件，公开2件，不掌握1件；协会1件，部分公开；律所2件加上年结转1件，公开2件，结转下年1件。")
    got = {op.field: op.value for op in r.ops}
    assert got["t3.granted.commercial"] == "2" and got["t3.unable.not_held.commercial"] == "1"
    assert got["t3.partial.public_interest"] == "1" and got["t3.carried_over.legal_service"] == "1"
    assert got["t3.granted.legal_service"] == "2" and "t3.granted.total" not in got


def test_dispatched_body_level_slips_count_and_so_the_values(db):
    r = read_message("我们是某某经济技术开发区管理委员会，县里的派出机构")
    assert {op.field: op.value for op in r.ops}.get("agency_level") == "县级"
    r = read_message("刚才表三那里说错了一个：需要另行制作的3件里有1件其实是信访类，所以另行制作是2件，信访类是2件。")
    got = {op.field: op.value for op in r.ops}
    assert got == {"t3.unable.needs_creation.total": "2", "t3.not_processed.petition.total": "2"}


def test_late_ones_carried_forward_and_the_count_after_a_missed_one(db):
    r = read_message("今年新收9件，个人7件、企业2件。另外1件个人的是12月30号收到的，转到明年办。")
    got = {op.field: op.value for op in r.ops}
    assert got["t3.new_received.natural"] == "7" and got["t3.carried_forward.natural"] == "1"
    cells = _cells_after(db, ["某县水利局 2025年年报", "依申请2件，都是个人的，1件公开了，1件不掌握",
                              "还漏了一件，有个合作社申请过灌区的资料，给公开了。所以一共是3件，其他1件。"])
    assert cells["t3.new_received.total"] == 3 and cells["t3.new_received.other"] == 1
    assert cells["t3.granted.total"] == 2 and cells["t3.granted.other"] == 1
    r = read_message("予以公开2件；查自己缴费记录的3件，按行政查询事项答复的；不掌握1件。")
    assert {op.field: op.value for op in r.ops}.get("t3.withheld.inquiry.total") == "3"


def test_a_named_citys_dispatched_body_and_a_part_of_a_headed_row():
    assert "agency_level" not in {op.field for op in read_message("我们是宁乡市的派出机构").ops}  # (a 县级市's)
    r = read_message("部分公开4件：个人1件；企业3件，都是要别家的环评，涉及商业秘密，删掉以后给的")
    assert "t3.withheld.third_party.commercial" not in {op.field for op in r.ops}
    r = read_message("信访类系统9、台账8，台账我漏记了一件企业的，所以是个人8、企业1，共9件。")
    assert {op.field: op.value for op in r.ops}["t3.not_processed.petition.total"] == "9"
    r = read_message("税务行政复议有4件，但那些不是信息公开的，不算。")
    assert not [op for op in r.ops if op.field.startswith("t4.")]
    r = read_message("公众号的话，我们自己没开")
    assert {op.field: str(op.value) for op in r.ops} == {"new_media_posts": "0"}


def test_the_body_to_be_reported_over_where_the_clerk_sits(db):
    for message, name in (("你好，我在青禾县政府办管政务公开，现在要写青禾县人民政府2025年政府信息公开工作年度报告。", "青禾县人民政府"),
                          ("我是青禾市人民政府办公室的，要写我们办公室2025年度的年报。", "青禾市人民政府办公室")):
        service = offline_service(db())
        draft = service.start("张三").id
        talk(service, draft, [message])
        assert service.facts(draft).agency_name == name


def test_the_sum_said_of_an_items_parts_and_a_double_none_after_a_story():
    r = read_message("公众号局里的发了60条，下面3个站所也有号，加起来40条，上面说可以一起算，那就是100条。")
    assert {op.field: op.value for op in r.ops} == {"new_media_posts": "100"}
    r = read_message("收到两件 一件要低保名单 给他了 一件问宅基地的事 是县里管的 告诉他不掌握 今年也没有没办完的")
    got = {op.field: op.value for op in r.ops}
    assert got.get("t3.unable.not_held.total") == "1" and "t3.carried_forward.total" not in got


def test_bodies_counted_an_items_parts_to_add_up_and_last_years_repeal():
    r = read_message("行政处罚是5个派出所作出的，局机关本级是2件")
    assert {op.field: op.value for op in r.ops} == {"t2.penalty.decisions": "2"}
    r = read_message("行政许可分两块：采伐许可40件，林地审核12件，你帮我加一下。")
    assert {x.field: x.value for x in r.computed} == {"t2.licensing.decisions": "52"} and not r.unexplained
    r = read_message("规范性文件现行有效说错了，有一件去年就废止了，现行有效是6件。")
    assert {op.field: op.value for op in r.ops} == {"t2.normative_docs.in_force": "6"}


def test_stories_alone_after_the_count_said_before(db):
    cells = _cells_after(db, ["某市应急管理局2025年年报，县级", "依申请今年新收4件，都是个人的",
                              "一个村民要事故调查报告，给他了。还有个人要避难场所分布 也公开了。另一个人要加油站的许可材料，有企业的东西，部分公开的"])
    assert cells["t3.granted.natural"] == 2 and cells["t3.partial.natural"] == 1


def test_a_none_said_again_and_a_sum_of_parts_said_as_the_value():
    r = read_message("人大建议、政协提案今年都没有承办，都是零件。")
    assert any("都是零件" in c for c in r.checked)
    r = read_message("不掌握那行我加错了，12 + 5 + 2 是19，不是18。")
    assert {op.field: op.value for op in r.ops} == {"t3.unable.not_held.total": "19"} and not r.unexplained


def test_the_carried_ones_result_told_after_this_years_all_told(db):
    cells = _cells_after(db, ["某市应急管理局2025年年报，县级", "依申请今年新收5件，个人4件 企业1件，去年转过来1件 也是个人的",
                              "予以公开2件（个人），部分公开1件（个人），企业那件不掌握。",
                              "就是去年结转的那1件予以公开了，还有1件个人的结转到明年"])
    assert cells["t3.granted.natural"] == 3 and cells["t3.granted.total"] == 3
    assert cells["t3.carried_forward.natural"] == 1


def test_a_value_written_as_the_sum_of_its_parts():
    def got(m: str) -> dict[str, object]:
        return {op.field: op.value for op in read_message(typed_as_read(m)).ops}
    # parts that are applicants or review results are the value's breakdown
    assert got("新收 = 个人20 + 企业3 = 23件") == {"t3.new_received.total": "23", "t3.new_received.natural": "20",
                                                   "t3.new_received.commercial": "3"}
    assert got("复议 = 维持2 + 纠正1 = 3")["t4.review.corrected"] == "1"
    # other parts only show how the value was reached
    assert got("网站 = 本级网站812 + 专题网站95 = 907条") == {"website_items": "907"}
    assert got("许可 1,200 - 15 = 1,185件")["t2.licensing.decisions"] == "1185"
    # parts that do not make the value: the parts as said, the value named back
    r = read_message("第三方 = 个人3 + 企业2 = 6")
    assert {op.field: op.value for op in r.ops} == {"t3.withheld.third_party.natural": "3", "t3.withheld.third_party.commercial": "2"}
    assert any("6" in u for u in r.unexplained)
    # the clerk's own check records nothing; a minus of a sum is no negative number
    assert not read_message("我自己核了一下 3+4=7").ops
    from assistant.dialogue._checks import negative_numbers
    assert negative_numbers("现行有效 = 30 + 2 − 1 = 31") == [] and negative_numbers("处罚 −2件") == ["−2"]
    # a row's total after its applicants; "其他" under 其他处理's rows is its row 3.其他
    assert got("予以公开：个人5、企业3，共8件")["t3.granted.total"] == "8"
    assert got("其他处理：\n逾期不补正：个人2\n其他：企业1") == {"t3.other_handling.no_correction.natural": "2",
                                                        "t3.other_handling.other.commercial": "1"}


def test_stories_under_heads_after_a_count_that_held_last_years(db):
    # the count said first holds last year's one; the stories under "去年转过来那个：" and "今年这些："
    cells = _cells_after(db, ["某县档案馆2025年年报，县级", "依申请今年总共5件，其中1件是上年结转过来的。我挨个说",
                              "去年转过来那个：一个老师要档案开放目录，年初给了。\n今年这些：一个村民要土地确权档案，给他查了复印件，算公开；"
                              "另一个村民要邻居家的档案，有别人隐私，不予公开；还有一家公司要厂房的竣工档案，我们没有，告知不掌握；"
                              "一个律所要一份判决书，我们不掌握"])
    assert cells["t3.new_received.total"] == 4 and cells["t3.carried_over.natural"] == 1
    assert cells["t3.new_received.natural"] == 2 and cells["t3.new_received.commercial"] == 1
    assert cells["t3.granted.natural"] == 2 and cells["t3.unable.not_held.total"] == 2


def test_the_one_pointed_at_is_not_counted_in_that_row(db):
    cells = _cells_after(db, ["某县档案馆2025年年报，县级", "依申请今年新收2件，都是个人的",
                              "一个是部分公开，另一个按重复申请处理了",
                              "重复申请那个我又翻了登记簿，两次要的东西不一样，第二次也答复了，给他公开了，不算重复申请"])
    assert cells["t3.not_processed.repeated.total"] == 0 and cells["t3.granted.total"] == 1


def test_a_register_without_dates_pasted_with_a_question_then_fixed_by_name(db):
    register = ("登记表贴给你，这样行吗？\n姓名\t申请人类型\t申请事项\t处理结果\n"
                "周某\t个人\t某小区规划许可证\t公开\n吴某\t个人\t某路段施工合同\t部分公开\n"
                "某物流公司\t企业\t本公司行政处罚决定\t公开\n郑某\t个人\t某领导的通话记录\t本机关不掌握")
    service = offline_service(db())
    draft = service.start("张三").id
    replies = talk(service, draft, ["某县交通运输局2025年报，县级", register])
    assert "都算本年新收" in replies[-1].text and "回答不了" not in replies[-1].text
    cells = service.facts(draft).cells
    assert cells["t3.new_received.total"] == 4 and cells["t3.granted.total"] == 2
    # last year's one told after this year's count said again; then one of the register moved by who applied
    talk(service, draft, ["这4件是今年的。去年还剩1件，是一个货车司机要超限检测记录，1月份给他公开了。",
                          "郑某那条我弄错了，法规股定的是另行制作，不是不掌握"])
    cells = service.facts(draft).cells
    assert cells["t3.carried_over.natural"] == 1 and cells["t3.granted.natural"] == 2
    assert cells["t3.unable.not_held.total"] == 0 and cells["t3.unable.needs_creation.natural"] == 1


def test_a_list_of_one_applicant_a_line_relayed_then_corrected_by_the_old_value(db):
    cells = _cells_after(db, ["某市水务局2025年报，市级", "业务科小周发我的：\n按申请人：\n"
                              "个人今年收到40，去年结转2，办结39：公开20、部分公开6、不掌握10、信访3，结转3\n"
                              "企业收到5，办结5：公开3、过程性2\n"
                              "科研院所1件，公开\n"
                              "社会组织2件，公开1、不掌握1"])
    assert cells["t3.new_received.natural"] == 40 and cells["t3.carried_over.natural"] == 2
    assert cells["t3.granted.research"] == 1 and cells["t3.new_received.public_interest"] == 2
    assert cells["t3.withheld.process_info.commercial"] == 2
    # "又发了一句" is a message sent, not more applications; the old value said is 个人's cell, not the row's
    cells = _cells_after(db, ["某市水务局2025年报，市级", "按申请人：\n个人今年收到40，办结40：公开20、部分公开6、过程性4、不掌握10\n"
                              "企业收到5，办结5：公开3、过程性2\n法律服务机构收到1，办结1：公开1",
                              "小周又发了一句：个人部分公开是8件不是6件，过程性是2件不是4件"])
    assert cells["t3.partial.natural"] == 8 and cells["t3.withheld.process_info.natural"] == 2
    assert cells["t3.withheld.process_info.commercial"] == 2


def test_the_one_said_again_is_not_one_more_and_the_unpaid_one_asked_about():
    from assistant.reading import guide_answer
    assert "（六）其他处理 2" in (guide_answer("没交费不再处理的那件，收费那块要写吗？") or "")


def test_one_applicants_count_with_last_years_then_its_results_and_its_fix(db):
    cells = _cells_after(db, ["某县民政局2025年报，县级",
                              "个人今年收了9件，加上去年转过来的1件也是个人的，总共10件：公开5件，不掌握3件，信访1件，重复申请1件",
                              "公司就1件，一个养老院要床位补贴的文件，给他公开了",
                              "个人那块我弄错了，不掌握的是2件不是3件，不予处理是2件，都是信访的"])
    assert cells["t3.carried_over.natural"] == 1 and cells["t3.granted.natural"] == 5
    assert cells["t3.new_received.commercial"] == 1 and cells["t3.granted.commercial"] == 1
    assert cells["t3.unable.not_held.natural"] == 2 and cells["t3.not_processed.petition.natural"] == 2


def test_a_township_clerk_at_work(db):
    cells = _cells_after(db, ["某县东林乡人民政府2025年报", "公众号发了150条。等下我看看后台……公众号是105条，刚才看反了",
                              "许可和强制是县里统一办的，我们乡是0。处罚执法队那边管，我一起问了再告诉你",
                              "依申请就3件：一件是一个老党员要村里的低保名单，给他了；一件是个村民要邻居的宅基地证，涉及人家隐私，没给；"
                              "还有一件是一家家庭农场申请的，我们按企业算，要的是县农业局的补贴文件，我们没有，告诉他去县里问。"
                              "都办完了，去年也没有剩下的",
                              "执法队小王又发我：处罚是12件"])
    facts_named = cells
    assert facts_named["t3.new_received.natural"] == 2 and facts_named["t3.new_received.commercial"] == 1
    assert cells["t3.unable.not_held.commercial"] == 1 and cells["t3.carried_over.total"] == 0
    assert cells["t2.licensing.decisions"] == 0 and cells["t2.penalty.decisions"] == 12


def test_one_together_is_no_count():
    from assistant.numbers import find_numbers
    assert not find_numbers("我一起问了回头告诉你") and not find_numbers("一起查一下")


def test_rows_relayed_then_split_by_applicant_the_rest_one_applicants(db):
    cells = _cells_after(db, ["我在青川县人民政府办公室，县政府2025年的年度报告我来弄，是县政府的报告",
                              "依申请是信访局老马统计的：新收20（个人17/企业2/律所1），上年结转2（个人2），办结21，结转1。"
                              "公开9，部分公开3，不掌握6，信访2，逾期不补正1。",
                              "我自己按台账分了一下：企业那2件是公开1、不掌握1；律所那件是逾期不补正；剩下的都是个人，结转的1件也是个人"])
    assert cells["t3.granted.natural"] == 8 and cells["t3.unable.not_held.natural"] == 5
    assert cells["t3.other_handling.no_correction.natural"] == 0 and cells["t3.carried_forward.natural"] == 1
    service = offline_service(db())
    draft = service.start("张三").id
    talk(service, draft, ["我在青川县人民政府办公室，县政府2025年的年度报告我来弄，是县政府的报告"])
    assert service.facts(draft).agency_name == "青川县人民政府"


def test_applicants_of_rows_told_after_and_a_move_at_a_text_question(db):
    service = offline_service(db())
    draft = service.start("张三").id
    talk(service, draft, ["某县卫健局2025年报，县级", "依申请新收12件，自然人9件，企业2件，村委会1件。上年结转没有",
                          "办理结果：公开5件，部分公开2件，不掌握4件，补正后还不明确1件",
                          "公开那5件里有1件是企业的，不掌握的4件里企业1件、村委会那件也在里面，其余都是自然人"])
    cells = service.facts(draft).cells
    assert cells["t3.unable.not_held.natural"] == 2 and cells["t3.unable.not_held.other"] == 1
    assert cells["t3.partial.natural"] == 2 and cells["t3.unable.unclear.natural"] == 1
    talk(service, draft, ["补正后不明确那件不对，申请人一直没补材料，应该算逾期不补正"])
    assert service.facts(draft).cells["t3.other_handling.no_correction.natural"] == 1
    # at the question for a text, a figure moved is no text
    r = read_message("补正后不明确那件不对，申请人一直没补材料，应该算逾期不补正", topic="measures")
    assert not any(op.field == "measures" for op in r.ops)


def test_a_result_changed_to_and_other_results_asked_about():
    from assistant.reading import guide_answer
    assert {op.field: op.value for op in read_message("所以结转是2件，公开变成31").ops}.get("t3.granted.total") == "31"
    assert "撤诉" in (guide_answer("诉讼那个原告撤诉了，是算其他结果吗？") or "")


def test_a_blanket_zero_leaves_the_items_still_to_be_asked():
    got = {op.field: op.value for op in read_message("表二差不多都是0，规章规范性文件都没有。许可和处罚我还得问问审批办，回头告诉你").ops}
    assert got.get("t2.fees.amount") in (0, "0") and "t2.licensing.decisions" not in got and "t2.penalty.decisions" not in got


def test_a_text_label_with_a_request_and_a_phone_enquiry_asked_about():
    from assistant.reading import guide_answer
    got = {op.field: op.value for op in read_message("问题你给我参考着写一下：宣传不够，群众知晓率不高。明年打算多搞几次进村宣讲").ops}
    assert "宣传不够" in str(got.get("problems")) and "进村宣讲" in str(got.get("measures"))
    assert "不计入表三" in (guide_answer("有人打电话来问补贴名单在哪看，电话里告诉他了，这个算依申请吗？") or "")


def test_last_years_report_typed_over_and_its_slips_fixed():
    got = {op.field: op.value for op in read_message(
        "规范性文件现行有效那个12是去年的，今年新发2件、废止1件，应该是13件；最后一段那个“2023年”是漏改的").ops}
    assert got.get("t2.normative_docs.in_force") == "13" and got.get("t2.normative_docs.issued") == "2"
    assert "report_year" not in got
    got = {op.field: op.value for op in read_message("不予处理3件都是公司申请的，其实是投诉，按信访举报投诉类处理",
                                                     earlier={"t3.new_received.commercial": 4}).ops}
    assert "t3.new_received.commercial" not in got and got.get("t3.not_processed.petition.commercial") == "3"


def test_the_one_asked_about_placed_and_all_done(db):
    cells = _cells_after(db, ["某县石桥乡人民政府2025年报", "依申请今年收到两件，都是村民申请的，去年没有结转的。一件给他公开了。"
                              "另一件要的是县里的项目审批文件，我们乡里没有，这种算不掌握吗？",
                              "好，那一件就按不掌握填吧。两件都在年内办完了，没有结转到明年的"])
    assert cells["t3.unable.not_held.natural"] == 1 and cells["t3.carried_forward.total"] == 0


def test_an_outline_with_sub_items_numbered_and_a_list_of_reviews_by_block():
    got = {op.field: op.value for op in read_message(
        "② 不予公开：\n 1) 保护第三方合法权益 4（个人3、企业1）\n 2) 行政查询事项 2（个人）\n 国家秘密、其他法律行政法规禁止公开 都是0\n"
        "③ 其他处理：\n 1) 逾期不补正 2（个人）\n 2) 其他 1（个人，自己撤回了）").ops}
    assert got["t3.withheld.third_party.total"] == "4" and got["t3.other_handling.other.natural"] == "1"
    assert got["t3.withheld.state_secret"] in (0, "0") and "t3.granted.natural" not in got
    got = {op.field: op.value for op in read_message("① 行政复议3件：维持2、未审结1\n② 直接起诉1件：维持1").ops}
    assert got["t4.review.upheld"] == "2" and got["t4.litigation_direct.total"] == "1"
    got = {op.field: op.value for op in read_message("① 规章：0\n② 行政规范性文件：制发1，废止0，现行有效9").ops}
    assert got.get("t2.regulations") in (0, "0")
    texts = {op.field: op.value for op in read_message("改进：1) 加强培训；2) 明年解读计划不少于20篇；3) 完善制度").ops}
    assert "20篇" in str(texts.get("measures")) and "policy_interpretations" not in texts


def test_all_lawsuits_then_the_ones_about_disclosure():
    r = read_message("行政复议今年收了9件，基本都是处罚的，跟信息公开有关的就2件，都维持了。诉讼没有。")
    got = {op.field: op.value for op in r.ops}
    assert got.get("t4.review.total") == "2" and got.get("t4.review.upheld") == "2"
    assert "t2.penalty.decisions" not in got and any("9件" in x for x in r.not_ours)


def test_that_applicants_one_with_its_result_said_further_on():
    got = {op.field: op.value for op in read_message(
        "结果：公开3件都是个人；那个协会那件要的是会议记录，里面有别人的电话，遮掉以后给的，算部分公开").ops}
    assert got.get("t3.partial.public_interest") == "1" and got.get("t3.granted.natural") == "3"


def test_a_formal_register_its_name_level_and_a_correction_moving_one(db):
    service = offline_service(db())
    draft = service.start("张三").id
    talk(service, draft, ["现将青岭县水利局2025年度政府信息公开工作情况报送如下。本局为县政府工作部门。",
                          "本年度新收申请5件，均为自然人申请；办理结果：予以公开3件，部分公开1件，本机关不掌握1件。"])
    facts = service.facts(draft)
    assert facts.agency_name == "青岭县水利局" and facts.agency_level == "county"
    talk(service, draft, ["经复核，原列入“予以公开”的申请中，有1件实为遮盖个人信息后提供，应计入“部分公开”。据此，予以公开调整为2件，部分公开调整为2件。"])
    cells = service.facts(draft).cells
    assert cells["t3.granted.total"] == 2 and cells["t3.partial.total"] == 2 and cells["t3.new_received.total"] == 5


def test_an_item_said_wrong_and_last_years_count_asked_about():
    from assistant.reading import guide_answer
    got = {op.field: op.value for op in read_message("刚才现行有效填错了，30是清理之前的数，应该是27件。",
                                                     earlier={"t2.normative_docs.in_force": 30, "t2.normative_docs.repealed": 3}).ops}
    assert got == {"t2.normative_docs.in_force": "27"}
    assert "t3.new_received.total" not in {op.field for op in read_message("上年新收是41件，这个要写进去吗").ops}
    assert "不计入表三" in (guide_answer("市长信箱收到的来信要算到依申请里吗？") or "")


def test_one_more_asked_about_is_no_new_one_and_texts_opened_with_particles(db):
    cells = _cells_after(db, ["某县人社局2025年报，县级", "今年新收5件，都是个人的，去年没有结转",
                              "结果：予以公开3件；还有1件是个人要我们把调解书再出一份，他以前拿到过的，这种算啥？",
                              "行，那这件就按要求确认或重新出具填哈。剩下1件还在办，结转到明年"])
    assert cells["t3.new_received.total"] == 5 and cells["t3.not_processed.confirmation.total"] == 1
    got = {op.field: str(op.value) for op in read_message("问题的话嘛，一是人手少，二是更新慢。改进的话，明年配个专人").ops}
    assert got.get("problems", "").startswith("一是") and "专人" in got.get("measures", "")


def test_a_terse_clerks_abbreviations():
    got = {op.field: op.value for op in read_message("复议2，维持1，纠正1。诉讼3，直诉2维持；复议后诉1未结。").ops}
    assert got["t4.litigation_direct.total"] == "2" and got["t4.litigation_after_review.pending"] == "1"
    assert "t4.litigation.total" not in got and got["t4.review.corrected"] == "1"
    got = {op.field: op.value for op in read_message("信息处理费：不收。建议6，提案9，办结100%，已公开。").ops}
    assert got["npc_suggestions"] == "6" and got["proposals_completion_rate"] == "100" and got["fee_charged"] is False


def test_voice_inputs_fuyi_beside_a_lawsuit():
    got = {op.field for op in read_message(typed_as_read("今年一件申请都没收到 服役和诉讼也都没有")).ops}
    assert "t4.review" in got or any(f.startswith("t4.review") for f in got)
    assert typed_as_read("他在部队服役了三年") == "他在部队服役了三年"


def test_stories_after_a_count_of_persons_all_one_applicant():
    got = {op.field: op.value for op in read_message(
        "今年有三个人来要过信息，都是群众。一个是退休工人，要养老金调整的文件，给他了。另一个是本地的，要拆迁户名单，"
        "名单上的电话号码遮了给的。还有一个要别人家的房产信息，涉及他人隐私，没给。").ops}
    assert got.get("t3.granted.natural") == "1" and got.get("t3.partial.natural") == "1"
    assert got.get("t3.withheld.third_party.natural") == "1"


def test_the_rest_of_a_set_not_understood_is_not_computed():
    r = read_message("去年转过来的筛出来共找到 9 条记录，企业那1件是予以公开的，剩下都是自然人的",
                     earlier={"t3.granted.total": 118, "t3.new_received.commercial": 44})
    assert not any(x.field == "t3.granted.natural" for x in [*r.ops, *r.computed])


def test_not_all_granted_then_partial_and_last_years_typo(db):
    cells = _cells_after(db, ["某区文旅局2025年报，县级", "今年新收3件，个人2件，律所1件；上年节转1件，是个人的",
                              "结果：予以公开3件，个人2件，律所1件；结转下年1件，个人的",
                              "刚翻了答复书 律所那件不是全公开的 里面有个人的联系方式遮了 应该算部分公开"])
    assert cells["t3.carried_over.natural"] == 1
    assert cells["t3.granted.legal_service"] == 0 and cells["t3.partial.legal_service"] == 1


def test_one_applicants_count_then_its_stories_after_the_count_restated(db):
    # "企业的3件里1件…；1件…；还有1件是…才收到的…转明年": the applicant's count restated, each of its
    # stories placed in that column (the late one carried forward, not one more that came in)
    cells = _cells_after(db, ["某县人社局2025年报，县级", "今年新收4件，上年结转1件。",
                              "新收的4件：公司3件，另外1件是一个律所申请的。公司的3件里1件给了；1件要的东西我们这没有；"
                              "还有1件是12月30号才送来的，没来得及答，放到明年。律所那件涉及商业秘密，没给。"])
    assert cells["t3.new_received.commercial"] == 3 and cells["t3.new_received.legal_service"] == 1
    assert cells["t3.granted.commercial"] == 1 and cells["t3.unable.not_held.commercial"] == 1
    assert cells["t3.carried_forward.commercial"] == 1 and cells.get("t3.new_received.total") == 4


def test_the_carried_one_told_in_the_sentence_after_its_count_corrected(db):
    cells = _cells_after(db, ["某县人社局2025年报，县级", "今年新收4件，上年结转3件。",
                              "新收的4件：公司3件，另外1件是一个律所申请的。公司的3件里1件给了；1件要的东西我们这没有；"
                              "还有1件是12月30号才送来的，没来得及答，放到明年。律所那件涉及商业秘密，没给。",
                              "哦对了，上年转过来的其实是1件，不是3件。那件是个律所的，今年3月给他答复了，给了"])
    assert cells["t3.carried_over.legal_service"] == 1 and cells["t3.granted.legal_service"] == 1
    assert cells["t3.granted.commercial"] == 1


def test_a_story_without_its_result_is_named_back_not_taken_for_a_later_pointer():
    r = read_message("新收的4件：公司3件，另外1件是一个律所申请的。公司的3件里1件给了；1件要的东西我们这没有；"
                     "还有1件是12月30号才送来的，不知道咋弄。律所那件涉及商业秘密，没给。",
                     earlier={"t3.new_received.total": 4, "t3.carried_over.total": 1})
    assert any("12月30号" in u for u in r.unexplained)


def test_the_rest_after_an_applicants_count_heading_its_results():
    # "公司12件：…" is the sum of the results after it, not a figure left unplaced; what is left is the persons'
    earlier = {"t3.new_received.total": 29, "t3.granted.total": 20, "t3.partial.total": 5, "t3.unable.not_held.total": 4}
    r = read_message("按申请人分 公司12件：公开7 部分公开3 不掌握2 剩下全是个人的", earlier=earlier)
    got = {op.field: op.value for op in r.computed}
    assert got.get("t3.granted.natural") == "13" and got.get("t3.partial.natural") == "2"


def test_the_rest_after_a_speakers_number_and_a_time_in_a_transcript():
    earlier = {"t3.new_received.total": 29, "t3.granted.total": 20, "t3.partial.total": 5, "t3.unable.not_held.total": 4}
    r = read_message("发言人3 14:05:21 分申请人的 公司的 公开7 部分公开3 不掌握2 剩下的都是自然人", earlier=earlier)
    got = {op.field: op.value for op in r.computed}
    assert got.get("t3.granted.natural") == "13" and got.get("t3.unable.not_held.natural") == "2"


def test_a_persons_stories_then_last_years_one_of_a_person_too(db):
    # with one carried over whose applicant is not said yet, the persons' stories do not close their column:
    # the carried one told after is a person's, and its result adds to 予以公开
    cells = _cells_after(db, ["某街道办2025年报，乡镇", "今年新收3件，去年结转过来1件。",
                              "新收的3件都是个人的。个人的3件里2件公开了；还有1件是12月29号才收到的，还没答复，转到明年。",
                              "去年转过来那件也是个人的，今年2月答复了，公开了。"])
    assert cells["t3.carried_over.natural"] == 1 and cells["t3.granted.natural"] == 3
    assert cells["t3.carried_forward.natural"] == 1 and cells["t3.total.natural"] == 3


def test_a_numbered_register_without_dates_whose_group_only_result_the_request_explains(db):
    register = ("登记本抄给你\n序号\t申请人\t类型\t申请的东西\t结果\n"
                "1\t钱某\t个人\t某安置小区分房名单\t公开\n2\t孙某\t个人\t请再出具一份去年的答复书\t不予处理\n"
                "3\t某建材公司\t企业\t本公司违法用地处罚决定\t公开\n4\t李某\t个人\t某村土地征收补偿方案\t办理中")
    service = offline_service(db())
    draft = service.start("张三").id
    talk(service, draft, ["某县自然资源局2025年报，县级", register])
    cells = service.facts(draft).cells
    assert cells["t3.new_received.total"] == 4 and cells["t3.not_processed.confirmation.natural"] == 1
    # (a register without dates holds this year's only: its rows with none are left open, not 0, so what
    # came over from last year can still land there, and no carry-over of 0 is computed from them)
    assert "t3.partial.total" not in cells and cells.get("t3.carried_over.total") is None
    talk(service, draft, ["还有，去年还结转过来1件，也是个人的，今年答复了，部分公开。"])
    cells = service.facts(draft).cells
    assert cells["t3.carried_over.natural"] == 1 and cells["t3.partial.natural"] == 1
    assert cells["t3.granted.natural"] == 1 and cells["t3.total.total"] == 4


def test_a_district_body_named_with_its_city_said_apart():
    got = _values("我在东坪区住建局办公室，要写2025年的政府信息公开年报，我们是临川市下面的区")
    assert got["agency_name"] == "临川市东坪区住房和城乡建设局"
    assert _values("我是东坪区住建局的，写2025年的年报")["agency_name"] == "东坪区住房和城乡建设局"
    assert _values("我是东坪区民政局办公室的，写2025年的年报，我们是临川市下面的区")["agency_name"] == "临川市东坪区民政局"
    said = "我在东坪区住建局办公室，要写2025年的政府信息公开年报，我们是临川市下面的区"
    r = read_message(said)
    assert check_patch(Patch(ops=[op for op in r.ops if op.field == "agency_name"]), said).accepted


def test_a_register_copied_from_the_book_with_its_lead_in_then_the_fee_asked_about(db):
    register = ("登记簿上的我誊过来了，今年一共这3件，上年没有结转的：\n申请人\t类别\t内容\t处理结果\n"
                "马某\t个人\t本人社保缴费记录\t属于查询，告知查询渠道\n"
                "某置业公司\t企业\t某地块出让合同及附件\t部分公开（附件涉及他人商业信息未提供）\n"
                "杨某\t个人\t某政策文件\t已公开")
    service = offline_service(db())
    draft = service.start("张三").id
    replies = talk(service, draft, ["某市不动产登记中心2025年报，市级", register])
    cells = service.facts(draft).cells
    assert cells["t3.new_received.total"] == 3 and cells["t3.carried_over.total"] == 0
    assert cells["t3.withheld.inquiry.natural"] == 1 and cells["t3.partial.commercial"] == 1
    assert "一共这3件" not in replies[-1].text  # (the register's count, said again)
    talk(service, draft, ["这3件都答复完了。收费通知那种算不算收了信息处理费？我们今年根本没收过钱，一分钱没收到。"])
    facts = service.facts(draft)
    assert facts.cells["t3.new_received.total"] == 3 and facts.cells["t3.carried_forward.total"] == 0
    assert facts.fee_charged is False


def test_the_carried_one_forgotten_after_results_whose_columns_were_derived(db):
    cells = _cells_after(db, ["某县林业局2025年报，县级", "依申请2件，都是个人，去年没结转：予以公开1件，不掌握1件，都答复完了",
                              "哦漏了，去年其实结转过来1件，也是个人的，今年2月答复了，予以公开。"])
    assert cells["t3.granted.total"] == 2 and cells.get("t3.granted.natural", 2) == 2
    assert cells["t3.carried_over.natural"] == 1


def test_a_register_whose_type_column_is_too_broad_for_one_row(db):
    register = ("台账：\n序号\t收到日期\t申请人\t类别\t申请内容\t办理情况\n"
                "1\t2025.3.2\t何某\t个人\t某项目环评批复\t公开\n"
                "2\t2025.5.9\t某社区居民委员会\t组织\t本社区征地补偿款拨付情况\t公开\n"
                "3\t2025.9.1\t许某\t个人\t某企业排污许可\t部分公开(隐去个人信息)")
    cells = _cells_after(db, ["某县生态环境分局2025年报，县级", register])
    assert cells["t3.new_received.total"] == 3 and cells["t3.granted.other"] == 1


def test_the_county_government_offices_own_report_and_its_notes_by_applicant(db):
    got = _values("我是安平县政府办的，今年县政府办的政务公开年报归我写，2025年的")
    assert got["agency_name"] == "安平县人民政府办公室"
    assert _values("我是安平县政府办的，要写县政府2025年的年报，是县政府的报告")["agency_name"] == "安平县人民政府"
    got = _values("依申请：今年一共收到9件，没有上年结转。笔记上记的：群众7件，公司1件，还有1件是居委会申请的。")
    assert got["t3.new_received.natural"] == "7" and got["t3.new_received.other"] == "1"
    got = _values("个人那件让他补正了，还是说不清要什么")
    assert "t3.unable.unclear.natural" in got and not any("no_correction" in k for k in got)


def test_two_stories_in_a_group_each_with_its_row_after_it():
    got = _values("不予公开2件，1件是个人要局里开会的会议记录，属于过程性信息，1件是公司要别家公司中标合同的报价，涉及第三方，"
                  "对方不同意公开；无法提供3件，都是个人的，2件我们不掌握，1件要我们另外汇总做个表。",
                  earlier={"t3.new_received.total": 9})
    assert got["t3.withheld.process_info.natural"] == "1" and got["t3.withheld.third_party.commercial"] == "1"
    assert "t3.withheld.process_info.commercial" not in got and "t3.unable.needs_creation.total" in got
    r = read_message("不予公开2件，1件是个人要局里开会的会议记录，属于过程性信息，1件是公司要别家公司中标合同的报价，涉及第三方，"
                     "对方不同意公开。", earlier={"t3.new_received.total": 9})
    assert not r.unexplained  # (the group's 2 is its two rows, added up)


def test_an_items_value_refused_as_last_years_then_this_years_from_the_ledger():
    got = _values("行政许可88件，行政处罚17件，强制没有。——不对，处罚17件是去年年报上的，今年台账上是20件。")
    assert got["t2.penalty.decisions"] == "20" and got["t2.licensing.decisions"] == "88"


def test_documents_none_this_year_one_of_before_still_in_force_and_a_body_of_its_own():
    got = {k: str(v) for k, v in _values("规范性文件今年没发也没废，以前发过2个（都是管补贴的），现在还都有效。").items()}
    assert got["t2.normative_docs.issued"] == "0" and got["t2.normative_docs.repealed"] == "0"
    assert got["t2.normative_docs.in_force"] == "2"
    assert str(_values("规章是省政府的，我们厅没有。")["t2.regulations"]) == "0"


def test_a_count_then_its_applicant_and_another_added_in_brackets():
    got = _values("公开了5件（4件个人的加协会那件）", earlier={"t3.new_received.total": 7})
    assert got["t3.granted.natural"] == "4" and "t3.granted.public_interest" not in {k for k, v in got.items() if v == "4"}
    got = _values("新收：企业2件个人1件")
    assert got["t3.new_received.commercial"] == "2" and got["t3.new_received.natural"] == "1"


def test_last_years_one_and_whose_it_was_then_applicants_of_this_year():
    got = _values("今年依申请收到12件（不算去年转过来的），去年结转1件个人的，2月份答复了，公开了。申请人中个人10件，企业2件。")
    assert got["t3.carried_over.total"] == "1" and got["t3.carried_over.natural"] == "1"
    assert got["t3.new_received.natural"] == "10" and "t3.carried_over.commercial" not in got
    got = {k: str(v) for k, v in _values("本镇也未制发行政规范性文件，现行有效0件。").items()}
    assert got.get("t2.normative_docs.repealed", got.get("t2.normative_docs")) == "0"


def test_people_told_one_a_line_with_how_many_each_sent(db):
    cells = _cells_after(db, ["某乡人民政府2025年报，乡镇", "今年申请的人不多，我一个一个说：\n"
                              "老刘（前村的），一个人前后交了3份申请，都是问他家承包地的。2份给他公开了；还有1份跟前面那份一模一样，按重复申请处理的。",
                              "赵女士1份，问养老补贴名单的，公开了。\n"
                              "孙某交了2份：一份问乡里的预算，其实网上早就公开了，告诉他去哪看了，算公开吧；另一份是举报邻居的，按信访举报投诉类处理了。\n"
                              "钱某1份，12月30号才交的，还没答复，放到明年。"])
    assert cells["t3.granted.natural"] == 4 and cells["t3.not_processed.repeated.natural"] == 1
    assert cells["t3.not_processed.petition.natural"] == 1 and cells["t3.carried_forward.natural"] == 1
    assert cells.get("t3.granted.commercial") in (None, 0)


def test_a_numbered_list_told_one_by_one_after_its_count_keeps_the_rows_totals():
    got = _values("依申请公开今年有３件，我一件一件说：\n１．村民赵某申请本村征收补偿标准，予以公开；\n"
                  "２．村民钱某申请他家宅基地审批档案，我们不掌握；\n３．某公司申请道路项目招标信息，部分公开。")
    assert got.get("t3.granted.total") == "1" and got.get("t3.unable.not_held.total") == "1"


def test_the_count_of_the_stories_told_next_is_no_figure_of_its_own():
    earlier = {"t3.new_received.total": 6, "t3.new_received.natural": 6, "t3.carried_over.total": 1,
               "t3.carried_over.natural": 1, "t3.granted.natural": 4, "t3.carried_forward.natural": 1}
    r = read_message("剩下的两件：一件是我们不掌握的（个人的），另一件就是去年转过来那件 3月份公开了", earlier=earlier)
    assert not r.unexplained and any(op.field == "t3.unable.not_held.natural" for op in r.ops)


def test_a_persons_carry_over_said_with_he():
    got = _values("她去年底还有2件结转过来的，今年都答复了，公开了。")
    assert got.get("t3.carried_over.natural") == "2" and got.get("t3.carried_over.total") == "2"
    assert "t3.carried_over.natural" not in _values("公司去年还有2件结转过来的")


def _t3_lines(rows: list[list[int]]) -> str:
    return "\n".join("\t".join(str(v) for v in [*r, sum(r)]) for r in rows)


# table 三 by the format's 25 rows: new, carried, 21 results, 总计, 结转 (six applicants each)
_T3_BY_POSITION = [[40, 6, 0, 0, 2, 1], [3, 1, 0, 0, 0, 0], [20, 3, 0, 0, 1, 1], [6, 1, 0, 0, 0, 0],
                   *[[0] * 6] * 3, [2, 1, 0, 0, 0, 0], *[[0] * 6] * 4, [9, 1, 0, 0, 1, 0], *[[0] * 6] * 2,
                   [3, 0, 0, 0, 0, 0], *[[0] * 6] * 7, [40, 6, 0, 0, 2, 1], [3, 1, 0, 0, 0, 0]]


def test_bare_lines_that_add_up_as_table_three_are_its_rows_by_position():
    assert len(_T3_BY_POSITION) == 25
    got = _values("这是依申请那张表，只有数字\n" + _t3_lines(_T3_BY_POSITION))
    assert got["t3.new_received.natural"] == 40 and got["t3.unable.not_held.total"] == 11
    assert got["t3.not_processed.petition.natural"] == 3 and got["t3.carried_forward.total"] == 4
    # the same lines with two rows swapped add up no longer: not taken by position without words
    swapped = [*_T3_BY_POSITION]
    swapped[0], swapped[2] = swapped[2], swapped[0]
    assert "t3.new_received.natural" not in _values("这是依申请那张表，只有数字\n" + _t3_lines(swapped))


def test_a_prefecture_level_citys_bureau_said_in_words_is_municipal():
    got = _values("我们是设区的市的局，清河市住房和城乡建设局")
    assert got.get("agency_level") == "市级"
    assert _values("我们是地级市下面的县，归清河市管").get("agency_level") != "市级"


def test_problems_and_measures_labelled_by_voice_with_spaces():
    got = _values("问题 公开目录更新不及时 改进 下半年起每季度梳理一次目录")
    assert got["problems"] == "公开目录更新不及时" and got["measures"].startswith("下半年起")


def test_results_typed_as_one_run_without_a_stop(db):
    cells = _cells_after(db, ["某县水利局2025年年报，县级",
                              "今年新收五件都是个人去年没有结转的公开2件部分公开1件不掌握1件个人还有1件个人的结转明年"])
    assert cells["t3.granted.natural"] == 2 and cells["t3.partial.natural"] == 1 and cells["t3.carried_over.total"] == 0
    assert cells["t3.unable.not_held.natural"] == 1 and cells["t3.carried_forward.natural"] == 1


def test_a_name_sent_alone_and_its_number_in_the_next_message(db):
    cells = _cells_after(db, ["某县水利局2025年年报，县级", "依申请 今年新收的", "14"])
    assert cells["t3.new_received.total"] == 14


def test_an_old_value_said_wrong_with_no_name_is_the_cell_that_holds_it(db):
    cells = _cells_after(db, ["某县水利局2025年年报，县级", "今年新收14件", "前面那个14错了 是17 个人15 企业2"])
    assert cells["t3.new_received.total"] == 17 and cells["t3.new_received.natural"] == 15
    assert cells["t3.new_received.commercial"] == 2


def test_results_opened_with_the_word_results_and_a_bare_gongkai(db):
    cells = _cells_after(db, ["某县水利局2025年年报，县级", "今年新收14件", "结果 公开9 个人8企业1 部分2 都是个人"])
    assert cells["t3.granted.total"] == 9 and cells["t3.granted.commercial"] == 1
    assert cells["t3.partial.natural"] == 2


def test_an_applicants_line_said_again_after_a_wrong_paste_is_that_column():
    got = _values("律所那一行粘错了 应该是新收6件 公开4件 不掌握2件", earlier={"t3.new_received.legal_service": 5})
    assert {k: v for k, v in got.items() if v != "0"} == {
        "t3.new_received.legal_service": "6", "t3.granted.legal_service": "4", "t3.unable.not_held.legal_service": "2"}


def test_a_count_said_wrong_and_the_one_it_lost_moved_to_another_row(db):
    cells = _cells_after(db, ["某县水利局2025年年报，县级", "今年新收9件，个人8件，企业1件",
                              "个人的 公开6 部分1 不掌握1", "个人公开6不对 应该是5 有1件其实是部分公开"])
    assert cells["t3.granted.natural"] == 5 and cells["t3.partial.natural"] == 2
    assert cells.get("t3.partial.total") in (None, 2)


def test_that_applicants_one_and_its_result_after_other_results():
    got = _values("企业3件 2个公开 1个不掌握 协会那个公开了",
                  earlier={"t3.new_received.commercial": 3, "t3.new_received.public_interest": 1})
    assert got.get("t3.granted.public_interest") == "1" and got.get("t3.unable.not_held.public_interest") is None


def test_who_applied_said_after_the_count_before_a_date():
    got = _values("结转到明年2件 企业的 12月下旬收的")
    assert got.get("t3.carried_forward.commercial") == "2"


def test_the_last_one_told_is_one_more_of_them():
    earlier = {"t3.new_received.natural": 2, "t3.new_received.total": 2, "t3.granted.natural": 1}
    got = _values("最后一件 个人的 年底才收到 还没答复 转到明年", earlier=earlier)
    assert got.get("t3.carried_forward.natural") == "1"


def test_more_results_in_the_next_message_with_bare_words(db):
    cells = _cells_after(db, ["某县水利局2025年年报，县级", "今年新收5件 都是个人 去年没有结转的", "结果 公开2件",
                              "部分2 不公开1 要的是别人的合同 涉及第三方"])
    assert cells["t3.partial.natural"] == 2 and cells["t3.withheld.third_party.natural"] == 1
    assert cells["t3.granted.total"] == 2


def test_one_lawsuit_told_as_a_story_with_no_count():
    got = _values("今年有个人去法院告了我们 是复议后起诉的 法院判了维持")
    assert got.get("t4.litigation_after_review.total") == "1" and got.get("t4.litigation_after_review.upheld") == "1"
    assert "agency_name" not in _values("他去区法院告了 直接起诉 还没判")
    assert _values("他去区法院告了 直接起诉 还没判").get("t4.litigation_direct.pending") == "1"


def test_a_table_two_row_broken_by_ocr_keeps_its_last_number():
    message = typed_as_read("规章 0 0 0\n规范性文件 2 1\n7\n行政许可 96")
    got = _values(message)
    assert got["t2.normative_docs.issued"] == 2 and got["t2.normative_docs.in_force"] == 7
    # a row short of a number is never all zero
    r = read_message("行政规范性文件 2 0")
    assert not any(op.field.startswith("t2.normative_docs") for op in r.ops) and r.unexplained


def test_a_two_digit_year_before_a_mistyped_name_of_the_report():
    assert _values("青石县林业局的 24年政务公凯年报").get("report_year") == "2024"


def test_an_applicants_results_after_its_name_and_a_space():
    got = _values("企业的 2件公开 1件不掌握", earlier={"t3.new_received.commercial": 3})
    assert got.get("t3.granted.commercial") == "2" and got.get("t3.unable.not_held.commercial") == "1"


def test_a_word_broken_over_two_lines_of_a_chat_is_whole_again():
    got = _values(typed_as_read("不予公开3：第三方1（企业）内部事务1（个人）执\n法案卷1（个人）\n予以公开9：个人7 律\n所2"))
    assert got.get("t3.withheld.enforcement_file.natural") == "1" and got.get("t3.granted.legal_service") == "2"


def test_a_number_sent_alone_then_its_item_in_the_next_message(db):
    service = offline_service(db())
    draft = service.start("张三").id
    talk(service, draft, ["宁川市城市管理局 写2025年的年报"])
    service.handle(draft, "张三", "３７")  # (the level is asked: a number alone is not understood, named back)
    talk(service, draft, ["处罚的 强制5 收费没有"])
    cells = service.facts(draft).cells
    assert cells["t2.penalty.decisions"] == 37 and cells["t2.enforcement.decisions"] == 5


def test_a_prefecture_level_city_said_alone_after_the_name():
    assert _values("宁川市水务局 地级市的 写今年的年报").get("agency_level") == "市级"


def test_none_of_the_rows_left_out_waits_for_the_table_still_to_be_pasted(db):
    service = offline_service(db())
    draft = service.start("张三").id
    talk(service, draft, ["某县水利局2025年年报，县级", "网站80条", "今年新收6件 个人6", "上年结转1 个人",
                          "结果我从本子上抄给你 没写的都是0"])
    cells = service.facts(draft).cells
    assert "t2.licensing.decisions" not in cells  # (table 二, the question pending, is not what it is about)
    talk(service, draft, ["公开5：个人5\n不掌握2：个人2"])
    cells = service.facts(draft).cells
    assert cells["t3.granted.natural"] == 5 and cells["t3.withheld.third_party.natural"] == 0


def test_a_digit_typed_once_too_often_is_no_value():
    got = _values(typed_as_read("处罚那个多打了个0 是38"), earlier={"t2.penalty.decisions": 380})
    assert got == {"t2.penalty.decisions": "38"}


def test_a_number_alone_then_is_that_item():
    assert continued("是政务新媒体 条数", "96", previous_kept=False) == "是政务新媒体96 条数"
    assert continued("是政务新媒体 条数", "96", previous_kept=True) == "是政务新媒体 条数"
    assert continued("人 这个是网站独立访客", "5120", previous_kept=False) == "人 这个是网站独立访客5120"


def test_a_table_three_row_broken_by_ocr_goes_on_in_the_line_below():
    message = typed_as_read("（二）部分公开（区分处理的，只计这一情形，不计其他情形） 3 2 0\n0 0 0 5\n"
                            "3.补正后申请内容仍不明确 2 0 0 0\n0 0 2")
    got = {op.field: op.value for op in read_message(message).ops}
    assert got.get("t3.partial.commercial") in (2, "2") and got.get("t3.partial.total") in (5, "5")
    assert got.get("t3.unable.unclear.natural") in (2, "2")


def test_two_offices_counts_said_in_one_message_are_added(db):
    got = _values(typed_as_read("依申请 法规科收了9件 个人7 企业1 还有一个律所的  加上办公室自己收的2件 都是个人"))
    assert got["t3.new_received.total"] == "11" and got["t3.new_received.natural"] == "9"
    assert got["t3.new_received.commercial"] == "1" and got["t3.new_received.legal_service"] == "1"
    got = _values("9件是法规科的 办公室另外还收了2件 你帮我加一下")
    assert got == {"t3.new_received.total": "11"}  # (who applied is asked: only one part said it)
    assert _values("网站发了80条 加上公众号20条") == {"website_items": "80", "new_media_posts": "20"}


def test_the_year_asked_said_first_then_other_figures(db):
    service = offline_service(db())
    draft = service.start("张三").id
    talk(service, draft, ["清河县水利局的年报 县级"])
    assert service.plan(draft).topic == "report_year"
    talk(service, draft, ["24年的。网站今年发了120条 公众号60条"])
    facts = service.facts(draft)
    assert facts.report_year == 2024 and facts.website_items == 120


def test_whether_last_years_one_counts_in_this_years_results_is_answered_yes():
    answer = guide_answer("请问去年转过来的那件 今年答复了 要算在今年的办理结果里吗")
    assert answer is not None and answer.startswith("要算")
    assert not guide_answer("上年结转是什么意思").startswith("要算")


def test_a_spoken_list_of_problems_is_set_apart_by_semicolons():
    from assistant.offline.templates import _formal
    assert _formal("一是目录更新慢 二是解读少") == "一是目录更新慢；二是解读少"


def test_a_message_typed_in_pinyin_is_said_to_be_unreadable(db):
    service = offline_service(db())
    draft = service.start("张三").id
    r = service.handle(draft, "张三", "wo shi hexi jiedao de, jinnian yishenqing yigong shou le 4 jian, dou shi geren de")
    assert "拼音" in r.text
    assert not any(k.startswith("t3.") for k in service.facts(draft).cells)
    assert not read_message("PDF转Word的时候表格乱了，Excel里是对的，WPS也行").pinyin


def test_an_excel_cell_with_a_line_break_in_its_label_keeps_the_table_whole():
    header = "\t\t\t申请人情况\n\t\t\t自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t总计\n"
    rows = ("一、本年新收政府信息公开申请数量\t\t\t20\t3\t0\t0\t1\t0\t24\n"
            '三、本年度办理结果\t（一）予以公开\t\t12\t2\t0\t0\t1\t0\t15\n'
            '\t"（二）部分公开\n（区分处理的，只计这一情形，不计其他情形）"\t\t4\t1\t\t\t\t\t5\n')
    message = header + rows
    read = typed_as_read(message)
    assert len(read) == len(message)
    got = {op.field: op.value for op in read_message(read).ops}
    assert got.get("t3.partial.natural") == 4 and got.get("t3.granted.total") == 15


def test_a_rough_part_of_a_figure_recorded_is_not_asked_for_again(db):
    service = offline_service(db())
    draft = service.start("张三").id
    r = service.handle(draft, "张三", "政策解读发了24篇，其中短视频的有七八篇")
    assert "不单列" in r.text and "准确数" not in r.text
    assert service.facts(draft).policy_interpretations == 24


def test_spoken_time_words_are_written_as_a_report_writes_them():
    from assistant.offline.templates import _formal
    assert _formal("今年网站改了版 明年搞一次培训") == "本年度网站改了版，下一年度开展一次培训"


def test_two_offices_added_in_the_chat_with_nothing_refused(db):
    service = offline_service(db())
    draft = service.start("张三").id
    talk(service, draft, ["某县卫生健康局2025年年报，县级"])
    r = service.handle(draft, "张三", "医政股收了8件 个人6 企业2  加上办公室自己收的2件 都是个人")
    assert "未采用" not in r.text and not r.refused
    cells = service.facts(draft).cells
    assert cells["t3.new_received.total"] == 10 and cells["t3.new_received.natural"] == 8
    assert cells["t3.new_received.research"] == 0


def test_answers_to_numbered_review_comments_keep_the_comments_number_out_of_the_figures(db):
    # (a 上级's review sent the report back; the clerk answers each point by its number)
    got = _values("2我们核过了 没有行政复议 也没有行政诉讼 表四都填0。3按你们说的办")
    assert str(got["t4.review.total"]) == "0" and str(got["t4.litigation_direct.total"]) == "0"
    r = read_message("5他们说得对 网站应该是206条")
    assert [(op.field, str(op.value)) for op in r.ops] == [("website_items", "206")]
    assert any("5" in x for x in r.not_counts)
    # a contact's local number after 电话 is no figure either
    assert _values("复核人 李娜 联系电话66208315") == {}


def test_a_sentence_in_quotes_for_the_text_is_no_figure_and_is_said_back(db):
    r = read_message("那段话改为“全年受理依申请公开15件，均在法定期限内答复”吧")
    assert r.ops == [] and r.wording and "15" in r.wording[0]
    service = offline_service(db())
    draft = service.start("张三").id
    talk(service, draft, ["某县司法局2025年年报，县级"])
    reply = service.handle(draft, "张三", "第三条改成“全年受理申请15件”")
    assert "引号里是要写进正文的文字" in reply.text
    assert "t3.new_received.total" not in service.facts(draft).cells
    # a labelled text in quotes is that text, as before
    r = read_message("改进措施改成“每季度检查一次栏目更新，年内完成3次培训”")
    assert [op.field for op in r.ops] == ["measures"] and not r.wording


def test_of_two_figures_for_one_item_the_one_said_to_go_by_is_kept():
    r = read_message("强制科里先报的12 后来说12是到10月底的 全年是15 以15为准")
    assert {op.field: str(op.value) for op in r.ops} == {"t2.enforcement.decisions": "15"}
    # said against a figure recorded before: the item holding it takes the one kept
    r = read_message("科长说上次那个31是把下面站所的也算进去了 局本级的是26件 以科长的为准",
                     earlier={"t2.licensing.decisions": 31, "t3.new_received.total": 8})
    assert {op.field: str(op.value) for op in r.ops} == {"t2.licensing.decisions": "26"}
    # "以分项为准" names no figure: nothing is replaced by it
    r = read_message("合计我算错了 以分项为准", earlier={"t3.new_received.total": 40})
    assert not any(op.field == "t3.new_received.total" for op in r.ops)


def test_an_items_parts_from_several_offices_added_up_when_asked():
    assert _values("处罚是各中队报的 一中队40 二中队35 三中队18 你给加一下") == {"t2.penalty.decisions": "93"}
    assert _values("许可 局里审批的212件 两个分局一共66件 合在一起填") == {"t2.licensing.decisions": "278"}
    got = _values("处罚 执法队30 安监站6 安监站是用局的名义罚的 也算我们的 强制没有")
    assert got["t2.penalty.decisions"] == "36"


def test_a_count_added_into_the_rows_named_in_one_applicants_column(db):
    cells = _cells_after(db, ["某市水务局2025年年报，市级", "依申请新收30件 个人20 企业10 予以公开个人12 企业8 不掌握个人8 企业2",
                              "法规科说漏报了3件 都是企业的 都公开了 你在新收和予以公开的企业那列各加3"])
    assert cells["t3.new_received.commercial"] == 13 and cells["t3.granted.commercial"] == 11
    assert cells["t3.new_received.total"] == 33
    got = read_message("这4件你加到新收和结转里去 个人那列 都还没办完",
                       earlier={"t3.new_received.natural": 20, "t3.carried_forward.natural": 1})
    assert {op.field: str(op.value) for op in got.ops} == {"t3.new_received.natural": "4", "t3.carried_forward.natural": "4"}
    assert got.by_difference == {"t3.new_received.natural": 1, "t3.carried_forward.natural": 1}


def test_a_revision_sent_again_replaces_the_figures_it_changes(db):
    cells = _cells_after(db, ["某市水务局2025年年报，市级", "依申请新收30件 个人20 企业10 予以公开个人12 企业8 不掌握个人8 企业2",
                              "办公室又发了定稿 就一处变了：予以公开个人12改13 不掌握个人8改7"])
    assert cells["t3.granted.natural"] == 13 and cells["t3.unable.not_held.natural"] == 7


def test_a_none_said_last_leaves_no_sentence_open_for_the_next_message(db):
    assert continued("12345热线接了800多个 这个不用填吧", "规章没有 收费没有") == "12345热线接了800多个 这个不用填吧"
    cells = _cells_after(db, ["某县水务局2025年年报，县级", "规范性文件制发2 废止1 现行有效9 规章没有 收费没有",
                              "12345热线接了800多个 这个不用填吧"])
    assert cells["t2.normative_docs.in_force"] == 9 and cells["t2.normative_docs.issued"] == 2


def test_a_state_council_departments_short_name_alone_is_written_in_full():
    got = _values("工信部办公厅政务公开处 起草本部2025年政府信息公开年报", topic="agency_name")
    assert got["agency_name"] == "工业和信息化部" and got["agency_level"] == "state_council_dept"
    assert _values("医保局的 写2025年的年报", topic="agency_name").get("agency_name") != "国家医疗保障局"


def test_parts_added_up_into_the_item_named_after_them():
    got = read_message("海事执法支队三百一十件 港航执法支队45件 两个支队加起来就是全厅的处罚 查扣船舶12起")
    assert {op.field: str(op.value) for op in [*got.ops, *got.computed]} == {"t2.penalty.decisions": "355"}
    assert any("12" in u for u in got.unexplained)
    assert _values("许可 各分局报上来的：一分局120、二分局80、三分局45 都是以局名义 全加上") == {"t2.licensing.decisions": "245"}


def test_two_named_parts_to_be_merged_and_the_second_forwarded(db):
    cells = _cells_after(db, ["某区医保局2025年年报，县级 机关本级的和经办中心的要合在一起报 先发本级的",
                              "本级：新收6件 个人5 企业1 予以公开4件（个人3 企业1）不掌握2件 个人",
                              "【转发】经办中心 王某 1月9日 10:02\n中心今年依申请一共4件 都是个人申请的 予以公开3件 不掌握1件",
                              "处罚 一般程序7件 简易程序5件 也一起加上"])
    assert cells["t3.new_received.total"] == 10 and cells["t3.new_received.natural"] == 9
    assert cells["t3.granted.total"] == 7 and cells["t3.unable.not_held.natural"] == 3
    assert cells["t2.penalty.decisions"] == 12


def test_the_chats_closing_words_are_no_part_of_the_text_before_them():
    got = _values("问题：公开栏内容旧 改进：每月检查一次公开栏\n好 就这样吧")
    assert got["measures"] == "每月检查一次公开栏" and got["problems"] == "公开栏内容旧"


def test_a_count_told_by_who_applied_adds_up_to_the_count_recorded(db):
    got = read_message("明细是这样：个人5件 企业2件 还有1件是一个律所申请的", earlier={"t3.new_received.total": 8},
                       known={"t3.new_received.total"})
    assert {op.field: str(op.value) for op in got.ops} == {
        "t3.new_received.natural": "5", "t3.new_received.commercial": "2", "t3.new_received.legal_service": "1"}
    assert not got.added


def test_the_parts_the_message_before_listed_added_up_when_asked(db):
    cells = _cells_after(db, ["某街道办事处2025年年报，乡镇", "城管中队发来的：\n行政处罚 占道经营40件 乱堆乱放12件\n行政强制 暂扣物品6次",
                              "处罚就是那两类加起来"])
    assert cells["t2.penalty.decisions"] == 52 and cells["t2.enforcement.decisions"] == 6
    cells = _cells_after(db, ["某镇人民政府2025年年报，乡镇", "执法队处罚一共出了30份决定书",
                              "安监站还有3件处罚 是以镇政府名义出的 不在那30份里 你给加上"])
    assert cells["t2.penalty.decisions"] == 33


def test_a_register_line_answered_in_january_after_the_year_is_carried_forward():
    got = _values("登记本上的：\n1. 5月8日 个人张某 要征收补偿方案 给了\n2. 12月29日 个人李某 要会议纪要 明年1月5号才答复的")
    assert got["t3.carried_forward.natural"] == "1" and got["t3.granted.natural"] == "1"


def test_applications_told_applicant_by_applicant_with_last_years_said_apart():
    got = _values("个人的一共9件 另外去年结转过来1件也是个人的 这10件：予以公开6 不掌握3 信访类的1")
    assert got["t3.new_received.natural"] == "9" and got["t3.carried_over.natural"] == "1"
    assert got["t3.granted.natural"] == "6" and got["t3.unable.not_held.natural"] == "3"
    # "别的类型都没有" after them: the applicants no one told of, not the columns told
    earlier = {"t3.new_received.natural": 9, "t3.granted.natural": 6, "t3.granted.commercial": 1}
    got = _values("律所1件：不掌握 别的类型都没有", earlier=earlier, known=set(earlier))
    zeroed = {f.rsplit(".", 1)[1] for f, v in got.items() if str(v) == "0"}
    assert {"research", "public_interest", "other"} <= zeroed and not zeroed & {"natural", "commercial"}


def test_why_one_is_not_counted_records_no_application():
    from assistant.reading import read_message

    r = read_message("平台上多的那件是个人当天就撤回的，没进入办理程序，我们还是按9件报")
    assert not [op for op in r.ops if op.field.startswith("t3.")] and r.excluded


def test_one_of_the_columns_applications_told_about_is_not_its_count():
    from assistant.reading import read_message

    said = "有一件企业的申请是12月28号收的，还没办完，结转下年度商业企业那格填1"
    fields = {op.field: op.value for op in read_message(said, earlier={"t3.new_received.commercial": 4}).ops}
    assert "t3.new_received.commercial" not in fields and fields.get("t3.carried_forward.commercial") == "1"


def test_three_counts_of_table_two_with_their_order_in_brackets():
    from assistant.reading import read_message

    ops = {op.field: op.value for op in read_message("规范性文件 4 1 23（制发、废止、现行有效），许可 300").ops}
    assert (ops.get("t2.normative_docs.issued"), ops.get("t2.normative_docs.repealed"), ops.get("t2.normative_docs.in_force")) == ("4", "1", "23")


def test_a_processing_fee_told_in_yuan_is_no_fee_of_table_two():
    from assistant.reading import read_message

    ops = {op.field: op.value for op in read_message(
        "是这样：有个申请人交了费，收了60元，第六部分要写收取信息处理费1件，金额60元。").ops}
    assert "t2.fees.amount" not in ops and str(ops.get("fee_amount")) == "60"


def test_each_of_two_applicants_in_brackets_and_what_was_asked_for_is_no_count():
    from assistant.reading import read_message

    ops = {op.field: op.value for op in read_message("不予公开：过程性信息4件（自然人、企业各2）").ops}
    assert ops.get("t3.withheld.process_info.natural") == 2 or ops.get("t3.withheld.process_info.natural") == "2"
    assert str(ops.get("t3.withheld.process_info.commercial")) == "2"
    assert not read_message("那件是过程性的，申请的是一份还没定稿的会议纪要").ops


def test_a_placed_name_alone_in_its_clause_after_other_words_is_the_agency():
    from assistant.reading import read_message

    ops = {op.field: op.value for op in read_message("你好 年报被打回来了 麻烦帮忙看看。枫林县交通运输局，2025年的").ops}
    assert ops.get("agency_name") == "枫林县交通运输局"


def test_cases_moved_between_rows_by_their_totals_keep_their_applicant(db):
    service = offline_service(db())
    draft = service.start("张三").id
    talk(service, draft, ["某区卫生健康局2025年年报", "依申请新收12件：个人9件 企业3件；予以公开8件（个人5 企业3），不掌握1件，重复申请3件，都是个人"])
    talk(service, draft, ["重复申请那里减1，予以公开加1"])
    cells = service.facts(draft).cells
    assert cells["t3.granted.total"] == 9 and cells["t3.granted.natural"] == 6 and cells["t3.granted.commercial"] == 3
    assert cells["t3.not_processed.repeated.total"] == 2 and cells["t3.not_processed.repeated.natural"] == 2


def test_some_of_a_count_taken_out_with_the_rows_they_were_put_in(db):
    # (the unsure clerk: things counted and then found not to be applications)
    service = offline_service(db())
    draft = service.start("张三").id
    talk(service, draft, ["某县农业农村局2025年年报", "依申请新收14件 个人12件 企业2件 去年没结转",
                          "予以公开9件（个人7 企业2） 不掌握3件 个人 信访举报2件 个人"])
    talk(service, draft, ["个人那12件里 有一件是政协委员的来信 一件是热线转来的 这俩不算吧 我拿掉 结果里一个算在予以公开 一个算在信访那行 一并扣除"])
    cells = service.facts(draft).cells
    assert (cells["t3.new_received.natural"], cells["t3.new_received.total"]) == (10, 12)
    assert (cells["t3.granted.natural"], cells["t3.granted.total"]) == (6, 8)
    assert (cells["t3.not_processed.petition.natural"], cells["t3.not_processed.petition.total"]) == (1, 1)
    assert "cppcc_proposals" not in {k for k, v in service.facts(draft).model_dump().items() if v is not None}
    talk(service, draft, ["等下 12件里有一件是明年1月2号收的 是个人的 也去掉"])
    cells = service.facts(draft).cells
    assert (cells["t3.new_received.natural"], cells["t3.new_received.total"]) == (9, 11)


def test_a_review_told_in_doubt_then_settled(db):
    service = offline_service(db())
    draft = service.start("张三").id
    talk(service, draft, ["某市教育局2025年年报"])
    talk(service, draft, ["复议3件 两件维持 还有一件应该还没结吧 我问下法规科"])
    cells = service.facts(draft).cells
    assert cells.get("t4.review.total") == 3 and cells.get("t4.review.upheld") == 2 and cells.get("t4.review.pending") is None
    talk(service, draft, ["法规科回了 那件复议10月就决定了 纠正"])
    cells = service.facts(draft).cells
    assert cells["t4.review.corrected"] == 1 and cells["t4.review.pending"] == 0
    talk(service, draft, ["诉讼1件 直接起诉的 还在审"])
    talk(service, draft, ["诉讼那个案子上周判了 维持"])
    cells = service.facts(draft).cells
    assert cells["t4.litigation_direct.upheld"] == 1 and cells["t4.litigation_direct.pending"] == 0


def test_what_was_believed_before_the_outcome_and_a_rough_count_with_its_exact_one():
    ops = {op.field: op.value for op in read_message("复议1件 之前一直以为没结案 后来问了 8月就维持了").ops}
    assert "t4.review.pending" not in ops and str(ops.get("t4.review.upheld")) == "1"
    r = read_message("网站大概发了三十几条吧 回头查")
    assert not r.ops and r.rough
    ops = {op.field: op.value for op in read_message("处罚办了二十几件 具体是23件").ops}
    assert str(ops.get("t2.penalty.decisions")) == "23"


def test_all_of_one_applicant_said_after_two_counts_is_the_last_ones():
    ops = {op.field: op.value for op in read_message("新收 个人30件 企业4件 基层法律服务所2件 共36件 上年结转3件 都是自然人").ops}
    assert str(ops.get("t3.new_received.natural")) == "30" and str(ops.get("t3.new_received.legal_service")) == "2"
    assert str(ops.get("t3.carried_over.natural")) == "3"


def test_a_case_moved_out_of_a_group_named_after_the_row_it_joins(db):
    service = offline_service(db())
    draft = service.start("张三").id
    talk(service, draft, ["某区住建局2025年年报", "依申请4件都是个人 去年没结转",
                          "予以公开1件 保护第三方权益1件 本机关不掌握1件 申请人撤回1件"])
    talk(service, draft, ["撤回的那件 就放在其他处理的“其他”吧。第三方那件我又看了看规定 我们本来就没有那份合同 应该算不掌握 不是不予公开"])
    cells = service.facts(draft).cells
    assert cells["t3.withheld.third_party.total"] == 0 and cells["t3.unable.not_held.total"] == 2
    assert cells["t3.other_handling.other.total"] == 1


def test_calls_registered_as_applications_taken_out_of_a_pasted_table(db):
    service = offline_service(db())
    draft = service.start("张三").id
    talk(service, draft, ["某县水务局2025年年报",
                          "表三\n\t自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t总计\n"
                          "一、本年新收政府信息公开申请数量\t20\t2\t0\t0\t0\t0\t22\n"
                          "二、上年结转政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0\n"
                          "（一）予以公开\t15\t2\t0\t0\t0\t0\t17\n"
                          "（四）无法提供 1.本机关不掌握相关政府信息\t5\t0\t0\t0\t0\t0\t5\n"
                          "（七）总计\t20\t2\t0\t0\t0\t0\t22\n"
                          "四、结转下年度继续办理\t0\t0\t0\t0\t0\t0\t0\n其他行都是0"])
    talk(service, draft, ["个人那20件里 有4个其实是来电问政策的 登记本上也记了 结果全记在予以公开 这4个得去掉"])
    cells = service.facts(draft).cells
    assert (cells["t3.new_received.natural"], cells["t3.new_received.total"]) == (16, 18)
    assert (cells["t3.granted.natural"], cells["t3.granted.total"]) == (11, 13)
    assert (cells["t3.total.natural"], cells["t3.total.total"]) == (16, 18)
    talk(service, draft, ["企业那个 其实是同一家公司 网上和窗口各登记了两次 实际就1件"])
    cells = service.facts(draft).cells
    assert (cells["t3.new_received.commercial"], cells["t3.new_received.total"]) == (1, 17)


def test_a_placed_name_with_its_city_said_after_and_a_range_of_tens_is_rough():
    ops = {op.field: op.value for op in read_message("城东区卫健局的 要弄2025年的年报 我们属于宁川市城东区").ops}
    assert ops.get("agency_name") == "宁川市城东区卫生健康局"
    r = read_message("行政许可二百六七十件 具体的还要查")
    assert not [op for op in r.ops if op.field.startswith("t2.licensing")] and r.rough
    assert {op.field: op.value for op in read_message("行政许可一百四十五件").ops}.get("t2.licensing.decisions") == "145"


def test_a_move_of_that_many_said_after_the_row(db):
    service = offline_service(db())
    draft = service.start("张三").id
    talk(service, draft, ["某区城管局2025年年报", "依申请5件都是个人 去年没结转", "予以公开2件 行政执法案卷3件"])
    talk(service, draft, ["执法案卷那3件 我查了其实我们没有那些材料 应该算 本机关不掌握 你挪一下"])
    cells = service.facts(draft).cells
    assert cells["t3.withheld.enforcement_file.total"] == 0 and cells["t3.unable.not_held.total"] == 3


def test_a_count_asked_about_is_held_until_settled(db):
    # (the unsure clerk: "登记了3件？…这些算依申请吗" — not yet a count; "那就是都不算" then sets none)
    service = offline_service(db())
    draft = service.start("张三").id
    talk(service, draft, ["某镇人民政府2025年年报"])
    reply = talk(service, draft, ["依申请这块 台账上记了2件 一件是来问宅基地政策的电话 一件是信访办转来的投诉 这俩算申请吗"])[-1].text
    assert "t3.new_received.total" not in service.facts(draft).cells and "先没有记录" in reply
    talk(service, draft, ["那都不算 今年一件申请也没有 去年也没结转"])
    assert service.facts(draft).cells["t3.new_received.total"] == 0
