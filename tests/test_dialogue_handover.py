"""Taking over from someone who left, and figures forwarded from a work group (session 32): a handover note's
lines of last year, a journal register (a line when an application came, a line when it was answered),
registers pasted in parts, paper forms found later, figures the clerk doubts, a year's part and the whole
year — in wording of our own."""

from __future__ import annotations

from tests.dialogue_support import new_chat, ops_read, reading_of

_ops = ops_read
_reading = reading_of


def test_a_forwarded_line_of_last_years_figure_is_not_this_years(db):
    service, draft, say = new_chat(db)
    say("石岭镇人民政府 2025年")
    say("[综合办 小吴 08:15] 网站镇专栏今年发了81条\n[综合办 小吴 08:16] 去年（2024年）网站是70条，对比用")
    assert service.facts(draft).website_items == 81


def test_none_said_with_whose_it_is():
    assert _ops("许可都划到县审批局了，我们镇一件没有")["t2.licensing"] == "0"
    assert _ops("许可，一件没有")["t2.licensing"] == "0"
    # (inside a quoted chat line, and never the 一 of 一件 as a count)
    ops = _ops("「老周：强制都划走了，我们镇一件没有」")
    assert ops.get("t2.enforcement") == "0" and "t2.enforcement.decisions" not in ops


def test_a_part_of_the_year_then_the_whole_year():
    r = _reading("网站二季度发了26条\n全年的我再数数\n全年是九十七条，公众号发了60条")
    ops = {op.field: str(op.value) for op in r.ops}
    assert ops["website_items"] == "97" and ops["new_media_posts"] == "60"
    assert any("26" in u for u in r.unexplained)
    assert "website_items" not in _ops("网站上半年发了40条")


def test_reviews_of_every_kind_then_the_disclosure_ones():
    ops = _ops("司法所说今年被申请行政复议4件，信息公开的就1件，复议机关维持了；另外3件是征地的")
    assert ops["t4.review.total"] == "1" and ops["t4.review.upheld"] == "1"
    ops = _ops("今年被告了2次，其中信息公开的1件，法院维持了，另外1件是处罚的")
    assert ops.get("t4.litigation_direct.total", ops.get("t4.litigation_after_review.total", "1")) == "1"


def test_a_handover_notes_line_of_another_year(db):
    service, draft, say = new_chat(db)
    say("帮我写某区某某街道办事处2025年度的年报")
    r = say("交接清单：\n一、年报1月底前发布\n二、2024年情况：网站发布信息60条；收到申请3件，均予以公开\n三、台账在柜子里")
    facts = service.facts(draft)
    assert facts.website_items is None and facts.cells.get("t3.new_received.total") is None
    assert "其他年份" in r.text
    say("问了老同事，25年一件申请都没收到，24年那三件当年就答复完了")
    assert service.facts(draft).cells.get("t3.new_received.total") == 0


def test_a_files_name_a_day_and_an_answers_day_are_no_counts():
    assert not _ops("台账在共享盘“登记2025.xlsx”里")
    assert "t3.carried_forward.total" not in _ops("10月30那件年底没办完，按结转下年度算")
    assert "t3.granted.total" not in _ops("申请表上写着“已公开 10.18答复”")


_JOURNAL = ("日期｜申请人｜内容｜处理情况\n"
            "2025.2.10｜刘某某（本村村民）｜申请村里2024年低保名单｜收件\n"
            "2025.2.26｜刘某某｜同上｜已答复，予以公开\n"
            "2025.6.3｜钱某｜申请邻居家建房审批材料｜收件\n"
            "2025.6.20｜钱某｜同上｜答复不予公开（保护第三方合法权益）\n"
            "2025.12.29｜某某果蔬专业合作社｜申请补贴发放名单｜收件")


def test_a_journal_register_one_line_an_event(db):
    service, draft, say = new_chat(db)
    say("某县某某乡人民政府 2025年")
    say("台账抄给你（一件申请有的记了两行）：\n" + _JOURNAL)
    cells = service.facts(draft).cells
    assert cells["t3.new_received.natural"] == 2 and cells["t3.new_received.other"] == 1
    assert cells["t3.new_received.total"] == 3
    assert cells["t3.granted.natural"] == 1 and cells["t3.withheld.third_party.natural"] == 1
    assert cells["t3.carried_forward.other"] == 1


def test_a_journal_register_numbered_by_application_and_one_without_a_header(db):
    service, draft, say = new_chat(db)
    say("某县某某局 2025年")
    say("序号 日期 申请人 内容 处理\n1 2025-03-02 孙某 申请拆迁补偿方案 收件\n1 2025-03-20 孙某 / 答复：予以公开\n"
        "2 2025-05-06 某某律师事务所 申请事故调查报告 收件\n2 2025-05-12 同上 / 发补正告知\n"
        "2 2025-06-01 同上 / 答复：部分公开\n3 2025-12-26 周某 申请改造名单 收件")
    cells = service.facts(draft).cells
    assert cells["t3.new_received.total"] == 3 and cells["t3.partial.legal_service"] == 1
    assert cells["t3.granted.natural"] == 1 and cells["t3.carried_forward.natural"] == 1
    service, draft, say = new_chat(db)
    say("某县某某局 2025年")
    say("今年的：\n2025-04-01 王某 申请招生划片文件 收件\n2025-04-15 王某 答复 予以公开\n"
        "2025-07-02 某某科技有限公司 申请检查的执法案卷 收件\n2025-07-20 同上 答复 不予公开（属于行政执法案卷）")
    cells = service.facts(draft).cells
    assert cells["t3.granted.natural"] == 1 and cells["t3.withheld.enforcement_file.commercial"] == 1
    assert cells["t3.new_received.total"] == 2


def test_a_register_pasted_in_parts_adds_up(db):
    service, draft, say = new_chat(db)
    say("某县某某局 2025年")
    say("台账24年最后两条是：\n2024-12-18 赵某 申请划片依据 → 2025-01-08 予以公开\n"
        "2024-12-27 钱某 申请面试成绩 → 2025-01-15 部分公开")
    cells = service.facts(draft).cells
    assert cells["t3.carried_over.natural"] == 2 and cells.get("t3.new_received.total") is None
    assert cells.get("t3.total.total") is None  # (this year's results are still to come)
    say("今年台账里的：\n2025-03-05 孙某 申请学区文件 收件\n2025-03-19 孙某 答复 予以公开\n"
        "2025-07-15 某某助学协会 申请助学金发放情况 收件\n2025-08-01 同上 答复 予以公开")
    cells = service.facts(draft).cells
    assert cells["t3.carried_over.natural"] == 2 and cells["t3.new_received.total"] == 2
    assert cells["t3.granted.natural"] == 2 and cells["t3.granted.public_interest"] == 1
    assert cells["t3.partial.natural"] == 1 and cells["t3.total.total"] == 4


def test_paper_forms_found_later_add_to_the_count(db):
    service, draft, say = new_chat(db)
    say("某县某某镇人民政府 2025年")
    say("今年收了3件申请，个人3件，公开1件，不掌握2件，都是个人的")
    say("又翻到一份纸质申请表，台账里没录：申请人吴某，申请村道修建的招标情况，已公开。这件也要算上，是个人申请的。")
    cells = service.facts(draft).cells
    assert cells["t3.new_received.natural"] == 4 and cells["t3.granted.natural"] == 2
    say("柜子里还有两份申请表，没登台账，都是郑某的：\n一份要特岗教师招聘计划，予以公开；\n另一份还是要招聘计划，一样的内容，重复申请。\n这两份也算进去。")
    cells = service.facts(draft).cells
    assert cells["t3.new_received.natural"] == 6 and cells["t3.granted.natural"] == 3
    assert cells["t3.not_processed.repeated.natural"] == 1
    say("处里自己直接收过一份申请：市民陈某申请灌区规划，处里答复予以公开。这件也算上。")
    assert service.facts(draft).cells["t3.new_received.natural"] == 7  # (added, never set to 1)


def test_a_figure_of_another_year_named_after_it_and_this_years_by_a_sum():
    r = _reading("规范性文件今年发了1件，废止2件。便利贴上写着“现行有效9件”，科长说那是24年底的数，今年底就是9+1-2=8件")
    ops = {op.field: str(op.value) for op in r.ops}
    assert ops["t2.normative_docs.in_force"] == "8"
    assert any("9件" in x for x in r.excluded)
    # (the report's own year is not another year)
    assert _ops("规范性文件现行有效9件，那是25年底的数", report_year=2025)["t2.normative_docs.in_force"] == "9"


def test_figures_the_clerk_doubts_are_held():
    r = _reading("便利贴上还写着“发布会3场”，但我不确定是今年还是去年的，回头问问")
    assert "press_conferences" not in {op.field for op in r.ops} and r.unexplained
    r = _reading("交接清单：\n1. 行政许可27件\n许可这个27件我有点怀疑，审批股说不止这个数")
    assert "t2.licensing.decisions" not in {op.field for op in r.ops} and r.unexplained


def test_the_full_name_said_in_brackets_and_the_name_before_the_years_report():
    ops = _ops("你好，我是某某县文旅局（全称某某县文化旅游局）办公室的")
    assert ops["agency_name"] == "某某县文化旅游局"
    ops = _ops("我是青山镇党政办新来的。现在要出南坪县青山镇人民政府2025年度的政府信息公开工作年度报告")
    assert ops["agency_name"] == "南坪县青山镇人民政府"


def test_a_suit_over_an_answer_is_no_application():
    ops = _ops("复议诉讼：那家公司对“不掌握”的答复不服，没走复议，直接到法院起诉了，到12月底还没判。行政复议没有。")
    assert ops["t4.litigation_direct.pending"] == "1" and ops["t4.litigation_direct.total"] == "1"
    assert not any(f.startswith("t3.") for f in ops)


def test_what_carrying_over_means_is_answered(db):
    service, draft, say = new_chat(db)
    say("某某街道办事处 2025年")
    r = say("那今年就是一件申请都没有吧？结转是什么意思，这个也填0吗？")
    assert "上年结转" in r.text and "填0" in r.text
    assert service.facts(draft).cells["t3.new_received.total"] == 0


# found by session 32's terminal trial (a 街道 clerk with a handover note and a hand-kept register)

def test_a_handover_notes_short_year_and_a_file_named_by_its_year(db):
    service, draft, say = new_chat(db)
    say("某某区西湖街道办事处 2025年")
    assert service.facts(draft).report_year == 2025
    say("3. 年报每年1月底前报区里，去年的年报在共享盘 D:\\公开\\2024年报.docx\n"
        "4. 依申请：台账在抽屉里，24年共6件，12月有一件李大妈的拖到今年才答复")
    facts = service.facts(draft)
    assert facts.report_year == 2025 and facts.cells.get("t3.new_received.total") is None
    assert facts.cells["t3.carried_over.natural"] == 1
    r = reading_of("去年年报里写的依申请6件、复议0件 别跟今年的搞混了")
    assert not r.ops and len(r.excluded) == 2


def test_a_register_kept_by_hand_what_happened_before_who(db):
    service, draft, say = new_chat(db)
    say("某某区西湖街道办事处 2025年")
    say('"""\n依申请公开登记\n2024.12.18 收 周某（个人）申请安置补偿明细\n2025.1.9 答复 周某 予以公开\n'
        "2025.4.2 收 某某物业管理有限公司 申请维修资金使用情况\n2025.4.20 答复 同上 本机关不掌握\n"
        "2025.10.9 收 吴某（个人）要求统计近五年低保人数\n2025.10.30 答复 同上 需另行制作，不予提供\n"
        '2025.12.26 收 郑某（个人）申请改造名单\n"""')
    cells = service.facts(draft).cells
    assert cells["t3.carried_over.natural"] == 1 and cells["t3.granted.natural"] == 1
    assert cells["t3.unable.not_held.commercial"] == 1 and cells["t3.unable.needs_creation.natural"] == 1
    assert cells["t3.carried_forward.natural"] == 1 and cells["t3.new_received.total"] == 3


def test_figures_of_the_message_before_taken_back(db):
    service, draft, say = new_chat(db)
    say("某某区西湖街道办事处 2025年")
    say("依申请：今年共6件，个人4件，企业2件")
    r = say("等下 那6件是去年的台账 不是今年的 别记")
    cells = service.facts(draft).cells
    assert cells.get("t3.new_received.total") is None and "已取消" in r.text
    assert cells["t3.new_received.commercial"] == 2  # (only what the figure said was recorded from)
    say("网站发了90条")
    r = say("新收的2件不算结转的")  # (not a figure taken back: no clause ends on 不算)
    assert "已取消" not in r.text


# forwarded from the work group: a review count kept by name, figures said not to be ours after all, one case
# moved to its right applicant, who applied said in brackets, a figure told not to be mixed up, a comparison year

def test_the_review_count_kept_by_its_name():
    ops = _ops("复议7件，维持5件，纠正1件，其他1件。复议以8件为准", earlier={"t2.enforcement.decisions": 5})
    assert ops["t4.review.total"] == "8" and ops["t4.review.upheld"] == "5"
    assert "t2.enforcement.decisions" not in ops


def test_figures_said_not_to_be_ours_after_all():
    r = _reading("今年市政府令公布了3件规章，是我们局起草的\n规章那3件是市政府制发的，不算我们局，规章填0。")
    ops = {op.field: str(op.value) for op in r.ops}
    assert ops.get("t2.regulations") == "0" and "t2.regulations.issued" not in ops and not r.unexplained


def test_one_case_moved_to_its_right_applicant(db):
    service, draft, say = new_chat(db)
    say("某县某某局 2025年")
    say("今年新收6件，个人4件，企业2件。予以公开5件（个人4，企业1）。其他处理1件，申请人撤回，企业。")
    say("更正：撤回那件是个人的，不是企业的，我看错台账了。表三其他都没有。")
    cells = service.facts(draft).cells
    assert (cells["t3.other_handling.other.natural"], cells["t3.other_handling.other.commercial"]) == (1, 0)
    assert cells["t3.other_handling.other.total"] == 1
    assert (cells["t3.total.natural"], cells["t3.total.commercial"]) == (5, 1)


def test_who_applied_said_in_brackets_after_the_count():
    ops = _ops("不予公开2件：查公司注册档案的按行政查询事项2件（个人）")
    assert ops["t3.withheld.inquiry.natural"] == "2" and "t3.withheld.inquiry.commercial" not in ops


def test_a_figure_told_not_to_be_mixed_up_and_a_comparison_year():
    r = _reading("第2季度单独报市里的是12件，别搞混了；去年（2024年）全年新收是40件\n表三其他行都是0", report_year=2025)
    assert not r.unexplained and r.zero_deferred is None
    r = _reading("局网站全年发布980条\n对比：2024年网站是910条", report_year=2025)
    assert {op.field: str(op.value) for op in r.ops}["website_items"] == "980" and r.other_year


def test_a_table_with_last_years_figure_said_after_it_is_this_years():
    r = _reading("表三我手机打的：\n项目|自然人|企业|合计\n新收|5|1|6\n公开|4|1|5\n结转下年|1|0|1\n"
                 "去年（2024年）全年新收是9件", report_year=2025)
    ops = {op.field: str(op.value) for op in r.ops}
    assert not r.last_years and ops["t3.new_received.total"] == "6"


# found by session 32's web trial (a busy county bureau pasting from WPS, colleagues phoning corrections)

def test_a_cells_change_said_with_add_and_a_dialect_none_and_a_points_passage(db):
    service, draft, say = new_chat(db)
    say("某县人社局 2025年")
    say("处法38 强制莫有 收费也没收")
    assert service.facts(draft).cells["t2.enforcement.decisions"] == 0
    say("今年新收8件，个人6件，企业2件，予以公开6件，结转下年度2件，个人1件企业1件")
    say("结转下年度个人加1")
    assert service.facts(draft).cells["t3.carried_forward.natural"] == 2  # (added to, not set to 1)
    say("结转下年度 个人 加1")  # (voice input's spaces)
    assert service.facts(draft).cells["t3.carried_forward.natural"] == 3
    ops = _ops("处理费没收过 人大建议6件。要点那块就是按市里要点把重点领域公开做了")
    assert "重点领域" in ops["work_points"]


def test_a_count_corrected_by_the_one_missed_and_still_open(db):
    service, draft, say = new_chat(db)
    say("某县人社局 2025年")
    say("今年新收10件，个人8件，企业2件，予以公开9件（个人7，企业2），结转下年度1件，个人")
    say("等下 小张说新收个人那个8不对 是9，漏了一个12月31号收的 还没办 算结转下年度")
    cells = service.facts(draft).cells
    assert cells["t3.new_received.natural"] == 9 and cells["t3.new_received.total"] == 11
    assert cells["t3.carried_forward.natural"] == 2 and cells["t3.carried_forward.total"] == 2
