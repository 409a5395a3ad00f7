"""Counting as they go (session 31): applications told quarter by quarter under a lead line, the year's sum
under the last quarter, an applicant's count and then how its cases ended, the row a case is put in said
after what it asked for, and cases of the last months added to a table of the months before — in wording
of our own."""

from __future__ import annotations

from tests.dialogue_support import new_chat, ops_read, reading_of

_ops = ops_read


_reading = reading_of


def test_an_applicants_count_then_how_its_cases_ended():
    ops = _ops("个人4件，3件给了，1件要的是别的局的文件（不掌握）；公司1件 给了")
    assert ops["t3.granted.natural"] == "3" and ops["t3.unable.not_held.natural"] == "1"
    assert ops["t3.granted.commercial"] == "1"
    # (another applicant after the count: no head of the results)
    ops = _ops("个人5件，1件是律所的")
    assert "t3.granted.natural" not in ops and ops.get("t3.new_received.legal_service", "1") == "1"


def test_the_row_said_after_what_the_case_asked_for():
    ops = _ops("个人2件，1件给了；1件要他举报的那家饭店的检查记录，属于执法案卷 没给")
    assert ops["t3.withheld.enforcement_file.natural"] == "1"
    assert "t3.not_processed.petition.natural" not in ops and "t3.withheld.enforcement_file.commercial" not in ops


def test_one_of_the_quarters_count_pointed_at_is_no_count():
    r = _reading("还有个人的1件 其实是投诉噪音的 按不予处理（投诉类）答复了 这个也算在三季度4件里")
    ops = {op.field: str(op.value) for op in [*r.ops, *r.computed, *r.period_ops]}
    assert "t3.not_processed.petition.total" not in ops or ops["t3.not_processed.petition.total"] == "1"
    assert ops.get("t3.not_processed.petition.natural") == "1"


def test_quarters_under_a_lead_line_and_the_years_sum_under_the_last(db):
    service, draft, say = new_chat(db)
    say("某县水务局 2025年")
    say("依申请没汇总 我按季度说\n一季度2件：个人2件，1件给了，1件不掌握")
    assert service.facts(draft).cells.get("t3.granted.natural") is None  # (held until the year is whole)
    say("二季度1件：企业1件 部分公开")
    say("三季度1件：个人1件 给了")
    say("四季度1件：个人1件 给了\n全年一共新收5件，其中个人4个 企业1个")
    cells = service.facts(draft).cells
    assert cells["t3.granted.natural"] == 3 and cells["t3.unable.not_held.natural"] == 1
    assert cells["t3.partial.commercial"] == 1
    assert cells["t3.new_received.natural"] == 4 and cells["t3.new_received.commercial"] == 1


def test_cases_of_the_last_months_add_to_the_table_of_the_months_before(db):
    service, draft, say = new_chat(db)
    say("某市住建局 2025年")
    say("1-10月的台账（都办完了）：\n1-10月\t自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\n"
        "新收\t10\t2\t0\t0\t0\t0\n予以公开\t8\t2\t0\t0\t0\t0\n无法提供-不掌握\t2\t0\t0\t0\t0\t0")
    say("11月以后的我一件件说\n第一件 个人 问棚改政策 给了\n第二件 企业 要招标文件 给了")
    cells = service.facts(draft).cells
    assert cells["t3.granted.natural"] == 9 and cells["t3.granted.commercial"] == 3
    assert cells["t3.new_received.natural"] == 11 and cells["t3.new_received.commercial"] == 3
    say("第三件 个人 要别人家的征收协议 涉及第三方 没给\n第四件 个人 问加装电梯补贴 给了")
    cells = service.facts(draft).cells
    assert cells["t3.withheld.third_party.natural"] == 1 and cells["t3.new_received.natural"] == 13
    assert cells["t3.granted.natural"] == 10  # (the list goes on: added, nothing replaced)


def test_a_list_announced_before_goes_on_without_adding_twice(db):
    service, draft, say = new_chat(db)
    say("某区民政局 2025年")
    say("今年的4个：\n①一个居民问低保标准 给了\n②一个居民要别人的材料 涉及第三方 没给")
    say("③一个公司问招标 给了\n④一个居民问养老补贴 给了")
    cells = service.facts(draft).cells
    assert cells["t3.new_received.total"] == 4 and cells["t3.granted.natural"] == 2


def test_quarters_by_their_months(db):
    service, draft, say = new_chat(db)
    say("某县林业局 2025年")
    say("依申请我分段说\n1-3月 两件 都是个人的 给了两件")
    assert service.facts(draft).cells.get("t3.granted.natural") is None
    say("4-6月 一件：企业一件 给了")
    say("7-9月 没有")
    say("10-12月 一件：个人一件 不掌握")
    cells = service.facts(draft).cells
    assert cells["t3.granted.natural"] == 2 and cells["t3.granted.commercial"] == 1
    assert cells["t3.unable.not_held.natural"] == 1


def test_last_years_carry_over_results_add_to_this_years(db):
    service, draft, say = new_chat(db)
    say("某县人社局 2025年")
    say("今年新收3件，都是个人的，2件给了，1件不掌握")
    say("去年结转过来1件 个人的 今年答复了 个人那个给了")
    cells = service.facts(draft).cells
    assert cells["t3.carried_over.natural"] == 1 and cells["t3.granted.natural"] == 3


def test_this_years_carry_over_said_as_last_years_carry_forward():
    ops = _ops("上年结转就是去年那个结转下年度的2件嘛，都是个人的")
    assert ops["t3.carried_over.total"] == "2" and ops["t3.carried_over.natural"] == "2"


def test_last_years_table_under_a_heading_with_an_aside():
    r = _reading("去年年报的表三是这样的（我只贴有数的行）：\n本年新收  5（自然人5）\n予以公开  3\n结转下年度继续办理  2", report_year=2025)
    assert not [op for op in r.ops if op.field.startswith("t3.")]


def test_the_one_still_to_be_told_adds_to_its_row(db):
    service, draft, say = new_chat(db)
    for m in ("某县农业农村局 2025年", "网站326条 公众号188条 没开发布会 解读6篇",
              "表二 规章没有 规范性文件制发2 废止1 现行有效9 许可1204 处罚37 强制5 收费没有",
              "今年新收4件，都是个人的，去年没有结转", "个人的公开了2件，1件不掌握"):
        say(m)
    assert "还差1件" in service.plan(draft).questions[0].text
    say("予以公开 个人的 1件")
    assert service.facts(draft).cells["t3.granted.natural"] == 3


def test_one_more_applicant_named_without_a_count():
    ops = _ops("收了6件 个人四件 公司1件 还有个律所的")
    assert ops["t3.new_received.legal_service"] == "1" and ops["t3.new_received.natural"] == "4"
    assert "t3.new_received.legal_service" not in _ops("还有个律所的 我问问")  # (no list of counts: no count)


def test_each_quarters_count_by_applicant_adds_up_to_the_years(db):
    # (session 32: the applicants under a quarter's count are what came in that quarter)
    service, draft, say = new_chat(db)
    say("某县某某局 2025年")
    say("申请的没汇总 我按季度说\n一季度3件：个人2件，1件给了，1件不掌握；企业1件 给了")
    say("二季度2件：个人1件 给了；律所1件 要执法案卷 没给")
    say("三季度1件：个人1件 给了")
    say("四季度2件：个人1件 给了；企业1件 部分公开")
    cells = service.facts(draft).cells
    assert cells["t3.new_received.natural"] == 5 and cells["t3.new_received.commercial"] == 2
    assert cells["t3.new_received.legal_service"] == 1 and cells["t3.new_received.total"] == 8


def test_a_quarter_told_only_by_its_results_leaves_the_years_count_open(db):
    service, draft, say = new_chat(db)
    say("某县某某局 2025年")
    say("申请的没汇总 我按季度说\n一季度2件：个人1件 给了；企业1件 给了")
    say("二季度1件：个人1件 给了")
    say("三季度1件：个人1件 给了")
    say("四季度2件：个人的给了，还有个大学的课题组问数据的 也给了")
    cells = service.facts(draft).cells
    assert cells.get("t3.new_received.natural") is None  # (not the first three quarters' 3 alone)
    assert cells.get("t3.carried_over.commercial") is None  # (no none inferred from a quarter's own count)


# session 33: counting as they go, more of the clerks' ways (wording of our own)

def test_the_clerks_tally_after_the_cases_told_is_this_years_count(db):
    service, draft, say = new_chat(db)
    say("某镇人民政府 2025年")
    say("依申请我照着本子一个个说\n1. 2月 一个村民 问宅基地审批流程 给了\n2. 5月 一家养殖公司 要补贴名单 给了一部分\n"
        "3. 8月 村民 要别人家的低保材料 没给 第三方隐私")
    say("4. 10月 一个老年协会（社会组织） 问敬老院建设资金 给了\n加起来就是4件 2个个人 1个企业 1个社会组织")
    cells = service.facts(draft).cells
    assert cells["t3.new_received.natural"] == 2 and cells["t3.new_received.commercial"] == 1
    assert cells["t3.new_received.public_interest"] == 1 and cells["t3.new_received.total"] == 4


def test_a_tally_that_does_not_match_the_cases_told_is_named_back():
    r = _reading("这样就是5件了吧 3个个人 2个企业", earlier={"t3.granted.natural": 2, "t3.partial.commercial": 1})
    assert not any(op.field.startswith("t3.new_received.") for op in [*r.ops, *r.computed])
    assert any("5件" in u for u in r.unexplained)


def test_one_more_told_by_when_it_came_is_last_years_carried_over():
    ops = _ops("还有去年年底来的一个 个人的 问公租房的 今年2月答复的 给了",
               earlier={"t3.granted.natural": 2, "t3.new_received.natural": 2, "t3.new_received.total": 2})
    assert ops.get("t3.carried_over.natural") == "1"


def test_a_quarter_by_its_months_counts_its_applicants():
    r = _reading("4-6月 五件：个人三件 企业一件 律所一件。个人的两件给了 一件要邻居的补偿协议 没给 保护第三方；"
                 "企业那件部分公开；律所那件要执法案卷 没给")
    ops = {op.field: str(op.value) for op in r.period_ops}
    assert ops["t3.new_received.natural"] == "3" and ops["t3.new_received.legal_service"] == "1"
    assert ops["t3.withheld.third_party.natural"] == "1"  # (个人的两件…, then 一件: still the persons')
    r = _reading("1-3月 三件 都是个人的 给了两件 还有一件我们不掌握")
    ops = {op.field: str(op.value) for op in r.period_ops}
    assert ops["t3.new_received.natural"] == "3" and ops["t3.new_received.total"] == "3"
    r = _reading("7-9月四件 个人三件 还有一个是业主委员会的（算其他吧）。业委会那个给了。个人的都给了")
    ops = {op.field: str(op.value) for op in r.period_ops}
    assert ops["t3.new_received.other"] == "1" and ops["t3.new_received.natural"] == "3"


def test_asked_to_correct_it_and_still_unclear_is_unable_unclear():
    ops = _ops("个人的：一件让他补正 补了还是说不清要什么")
    assert "t3.unable.unclear.natural" in ops or "t3.unable.unclear.total" in ops
    assert not any(f.startswith("t3.other_handling.no_correction.") for f in ops)


def test_one_that_came_at_the_years_end_and_goes_on():
    ops = _ops("个人2件 一个给了 一个是12月29号来的 还没办完")
    assert ops["t3.granted.natural"] == "1" and ops["t3.carried_forward.natural"] == "1"


def test_one_more_applicant_opening_its_sentence_is_counted():
    ops = _ops("个人2件 都给了；还有一个研究院的课题组（科研机构）问空气质量数据的 给了")
    assert ops["t3.granted.research"] == "1" and ops.get("t3.granted.total") != "1"


def test_a_quarters_own_zeros_wait_for_last_years_carried_over(db):
    service, draft, say = new_chat(db)
    say("某县市场监管局 2025年")
    say("依申请按季度说\n一季度2件：个人1件 给了；企业1件 给了")
    say("二季度1件：个人1件 给了")
    say("三季度1件：个人1件 不掌握")
    say("四季度1件：企业1件 部分公开")
    cells = service.facts(draft).cells
    assert cells["t3.granted.natural"] == 2
    # (the year's carry-over is not told yet: no none of the company's other rows)
    assert cells.get("t3.unable.needs_creation.commercial") is None
    say("去年结转过来1件 企业的 今年答复了 要另行制作")
    assert service.facts(draft).cells["t3.unable.needs_creation.commercial"] == 1


def test_last_years_carried_over_told_by_applicant_adds_to_the_results_told(db):
    service, draft, say = new_chat(db)
    say("某省交通运输厅 2025年")
    say("依申请今年新收6件 个人4 律所2")
    say("个人4件：公开3 不掌握1；律所2件：公开1 执法案卷1")
    say("另外去年结转的2件：个人1件 今年2月公开了；律所1件 部分公开")
    cells = service.facts(draft).cells
    assert cells["t3.granted.natural"] == 4 and cells["t3.partial.legal_service"] == 1  # (added, not replaced)
    assert cells["t3.carried_over.natural"] == 1 and cells["t3.carried_over.legal_service"] == 1
    assert cells["t3.carried_over.total"] == 2


def test_more_applications_besides_the_systems_count_add_to_it(db):
    service, draft, say = new_chat(db)
    say("某市住建局 2025年")
    say("系统统计今年新收20件 个人15 企业5")
    say("还有窗口收的纸质申请3件系统里没有：个人2件，都公开了；1件是物业公司的，部分公开")
    cells = service.facts(draft).cells
    assert cells["t3.new_received.natural"] == 17 and cells["t3.new_received.commercial"] == 6  # (added, not replaced)
    assert cells["t3.new_received.total"] == 23
