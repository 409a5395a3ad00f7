"""Figures told against last year's, cases held and placed later, some of a row moved or taken out (the
staff corpus's "unsure clerk" and "comparisons" batches), in wording of our own."""

from __future__ import annotations


def _cells(service, draft):
    return service.facts(draft).cells


def test_this_years_count_from_last_years_and_the_difference(db):
    from tests.dialogue_support import offline_service, talk

    service = offline_service(db())
    draft = service.start("张三").id
    talk(service, draft, ["某县统计局2025年报，县级",
                          "规范性文件今年一件没出也没废止，现行有效的还是去年那9件",
                          "依申请今年比去年多了4件，去年是11件，全是个人的，上年没有结转的"])
    cells = _cells(service, draft)
    assert cells["t2.normative_docs.in_force"] == 9 and cells["t2.normative_docs.repealed"] == 0
    assert cells["t3.new_received.total"] == 15 and cells["t3.new_received.natural"] == 15
    assert cells["t3.carried_over.total"] == 0


def test_last_years_none_beside_this_years_figure_is_not_this_years_zero():
    from assistant.reading import read_message

    r = read_message("行政强制去年没有 今年3件")
    assert [(op.field, str(op.value)) for op in r.computed] == [("t2.enforcement.decisions", "3")]
    r = read_message("规范性文件去年没有，今年有1件")  # (which column the 1 is, the words don't say)
    assert not any(op.field.startswith("t2.normative_docs") for op in r.ops) and "规范性文件去年没有" in r.excluded
    r = read_message("规范性文件去年没有 今年出了1件")
    assert [(op.field, str(op.value)) for op in r.ops] == [("t2.normative_docs.issued", "1")]
    # ("诉讼去年没有，今年有1件直接起诉的": this year's told in its place, the other blocks none)
    ops = {op.field: str(op.value) for op in read_message("诉讼去年没有，今年有1件直接起诉的，还在审").ops}
    assert ops.get("t4.litigation_direct.total") == "1" and ops.get("t4.litigation_after_review") == "0"


def test_a_share_between_an_applicants_counts_and_the_next_row():
    from assistant.reading import read_message

    ops = {op.field: str(op.value) for op in read_message(
        "今年收到申请20件。群众17件、公司3件，群众申请占85%。去年转过来1件，也是群众的").ops}
    assert ops["t3.new_received.natural"] == "17" and ops["t3.new_received.commercial"] == "3"
    assert ops["t3.carried_over.natural"] == "1" and "t3.carried_over.commercial" not in ops


def test_each_applicants_results_in_turn():
    from assistant.reading import read_message

    ops = {op.field: str(op.value) for op in read_message(
        "群众的公开了9件，部分公开2件，不掌握3件。公司的公开了2件 需另行制作1件").ops}
    assert ops["t3.granted.natural"] == "9" and ops["t3.partial.natural"] == "2"
    assert ops["t3.unable.not_held.natural"] == "3" and ops["t3.granted.commercial"] == "2"
    assert ops["t3.unable.needs_creation.commercial"] == "1"


def test_the_other_rows_zero_said_before_the_table_comes(db):
    from tests.dialogue_support import offline_service, talk

    service = offline_service(db())
    draft = service.start("张三").id
    reply = talk(service, draft, ["某区城管局2025年报，县级", "依申请新收9件，去年转来1件",
                                  "办理结果我从excel里拷的，其余行都是0，总计那一列没拷："])[-1].text
    assert "t3.granted.natural" not in _cells(service, draft) and "暂不填0" in reply
    assert "t3.carried_forward.total" not in _cells(service, draft)


def test_the_one_a_correction_took_out_goes_to_the_row_named_after_it(db):
    from tests.dialogue_support import offline_service, talk

    service = offline_service(db())
    draft = service.start("张三").id
    talk(service, draft, ["某县林业局2025年报，县级", "新收6件，个人5件 企业1件，没有上年结转",
                          "予以公开2件（个人1 企业1），不予公开第三方权益4件都是个人"])
    talk(service, draft, ["说错了，第三方权益是3件，都是个人；另外那1件个人的其实是属于行政执法案卷"])
    cells = _cells(service, draft)
    assert cells["t3.withheld.third_party.natural"] == 3 and cells["t3.withheld.third_party.total"] == 3
    assert cells["t3.withheld.enforcement_file.natural"] == 1 and cells["t3.withheld.enforcement_file.total"] == 1


def test_the_old_value_named_beside_the_new_one_in_a_correction(db):
    from tests.dialogue_support import offline_service, talk

    service = offline_service(db())
    draft = service.start("张三").id
    talk(service, draft, ["某县水务局2025年报，县级", "新收12件，上年结转5件"])
    reply = talk(service, draft, ["上年结转说错了 5件是2023年转过来的 去年报告写的结转下年度是2件"])[-1].text
    assert _cells(service, draft)["t3.carried_over.total"] == 2 and "两个不同的取值" not in reply


def test_cases_held_back_then_placed(db):
    from tests.dialogue_support import offline_service, talk

    service = offline_service(db())
    draft = service.start("张三").id
    talk(service, draft, ["某县住建局2025年报，县级", "新收10件都是个人的，没有上年结转",
                          "予以公开5件，不掌握2件。另外还有3件 个人的 要我们开无违建证明 这种不知道算哪类"])
    talk(service, draft, ["那3件开证明的 就算 没有现成信息需要另行制作 吧"])
    cells = _cells(service, draft)
    assert cells["t3.unable.needs_creation.natural"] == 3 and cells["t3.unable.needs_creation.total"] == 3
    assert cells["t3.new_received.total"] == 10


def test_some_of_a_row_moved(db):
    from tests.dialogue_support import offline_service, talk

    service = offline_service(db())
    draft = service.start("张三").id
    talk(service, draft, ["某市人社局2025年报，市级", "新收60件都是个人的，没有上年结转",
                          "予以公开20件，部分公开3件，不掌握4件，重复申请33件"])
    talk(service, draft, ["不掌握那4件里有1件应该算部分公开"])
    cells = _cells(service, draft)
    assert cells["t3.unable.not_held.natural"] == 3 and cells["t3.partial.natural"] == 4
    talk(service, draft, ["重复申请那33件里 有30件是同一个申请人 反复申请 这种应该是 无正当理由大量反复申请 那行 挪一下"])
    cells = _cells(service, draft)
    assert cells["t3.not_processed.repeated.natural"] == 3 and cells["t3.not_processed.excessive.natural"] == 30
    assert cells["t3.not_processed.excessive.total"] == 30


def test_calls_registered_as_applications_taken_out(db):
    from tests.dialogue_support import offline_service, talk

    service = offline_service(db())
    draft = service.start("张三").id
    talk(service, draft, ["某县卫健局2025年报，县级", "新收15件：个人12 企业3，没有上年结转",
                          "予以公开9件（个人7 企业2），不掌握6件（个人5 企业1）"])
    talk(service, draft, ["新收里有2个是来电咨询 也登记了 结果写的予以公开 这2个不算 去掉"])
    cells = _cells(service, draft)
    assert cells["t3.new_received.natural"] == 10 and cells["t3.new_received.total"] == 13
    assert cells["t3.granted.natural"] == 5 and cells["t3.granted.total"] == 7


def test_a_review_decided_later_and_some_of_a_result_asked_about(db):
    from tests.dialogue_support import offline_service, talk

    service = offline_service(db())
    draft = service.start("张三").id
    talk(service, draft, ["某县交通局2025年报，县级", "复议2件，维持1件，另1件还没出结果"])
    talk(service, draft, ["复议决定下来了 撤销原答复 纠正"])
    cells = _cells(service, draft)
    assert cells["t4.review.corrected"] == 1 and cells["t4.review.pending"] == 0
    reply = talk(service, draft, ["维持那1件复议里 有1件是驳回复议申请 这个也算维持吧？"])[-1].text
    assert _cells(service, draft)["t4.review.upheld"] == 1 and "没能确定" not in reply


def test_a_column_said_alone_after_it_was_said_roughly(db):
    from tests.dialogue_support import offline_service, talk

    service = offline_service(db())
    draft = service.start("张三").id
    talk(service, draft, ["某省交通运输厅2025年报，省级",
                          "规章 制发1 废止0 现行有效14。规范性文件 制发3 废止2 现行有效三十来件 我再核一下"])
    talk(service, draft, ["现行有效核过了 31件"])
    cells = _cells(service, draft)
    assert cells["t2.normative_docs.in_force"] == 31 and cells["t2.regulations.in_force"] == 14


def test_ones_counted_in_two_rows_leave_the_row_the_clerk_names(db):
    from tests.dialogue_support import offline_service, talk

    service = offline_service(db())
    draft = service.start("张三").id
    talk(service, draft, ["某市医保局2025年报，市级", "新收20件都是个人的，没有上年结转",
                          "予以公开9件，部分公开5件，不予公开第三方权益4件，不掌握2件"])
    talk(service, draft, ["部分公开里有2件是遮盖后给的 个人的 我在第三方权益里也统计了一遍 第三方那行减2"])
    cells = _cells(service, draft)
    assert cells["t3.withheld.third_party.natural"] == 2 and cells["t3.withheld.third_party.total"] == 2
    assert cells["t3.partial.natural"] == 5


def test_one_asked_about_is_held_then_placed_and_a_column_taken_out(db):
    from tests.dialogue_support import offline_service, talk

    service = offline_service(db())
    draft = service.start("张三").id
    talk(service, draft, ["某县文旅局2025年报，县级", "新收8件：个人6 其他2，没有上年结转",
                          "予以公开5件（个人3 其他2），不掌握2件 个人"])
    reply = talk(service, draft, ["还有一件个人的 要我们出一份景区客流的分析报告 我们没有现成的 这算不掌握还是另行制作？"])[-1].text
    assert "t3.unable.needs_creation.natural" not in _cells(service, draft) and "另行制作" in reply
    talk(service, draft, ["那就算另行制作"])
    cells = _cells(service, draft)
    assert cells["t3.unable.needs_creation.natural"] == 1 and cells["t3.unable.needs_creation.total"] == 1
    talk(service, draft, ["其他那列里有一件是村委会发来的工作联系函 也登了 结果写的予以公开 这个不算申请 去掉"])
    cells = _cells(service, draft)
    assert cells["t3.new_received.other"] == 1 and cells["t3.granted.other"] == 1


def test_a_lawsuit_appealed_is_not_settled():
    from assistant.reading import read_message

    ops = {op.field: str(op.value) for op in read_message("直接起诉1件 一审判我们赢了 原告上诉了").ops}
    assert ops.get("t4.litigation_direct.pending") == "1" and "t4.litigation_direct.upheld" not in ops


def test_a_move_decided_after_the_question(db):
    from tests.dialogue_support import offline_service, talk

    service = offline_service(db())
    draft = service.start("张三").id
    talk(service, draft, ["某市水务局2025年报，市级", "新收12件都是个人的，没有上年结转",
                          "予以公开8件，不掌握4件"])
    talk(service, draft, ["予以公开个人那8件里有一件 要的是供水公司的内部账 我们告诉他找公司 这算公开还是不掌握？"])
    talk(service, draft, ["那就放到本机关不掌握"])
    cells = _cells(service, draft)
    assert cells["t3.granted.natural"] == 7 and cells["t3.unable.not_held.natural"] == 5


def test_a_clerks_trial_with_last_years_report_at_hand(db):
    # (session 27's web-app trial, a county bureau's clerk quoting last year's report; her words, shortened)
    from tests.dialogue_support import offline_service, talk

    service = offline_service(db())
    draft = service.start("王丽").id
    talk(service, draft, ["你好 我是青崖县市场监管局的，要弄2025年的政府信息公开年报，去年的报告我手上有"])
    reply = talk(service, draft, ["去年报告这段是这么写的：“2024年，我局通过门户网站主动公开政府信息386条，通过“青崖市场监管”"
                                  "微信公众号发布信息512条，召开新闻发布会1场，发布政策解读9篇。” 今年网站是412条，公众号跟去年一样，"
                                  "发布会开了2场，解读11篇"])[-1].text
    facts = service.facts(draft)
    assert facts.report_year == 2025 and facts.website_items == 412 and facts.new_media_posts == 512
    assert facts.press_conferences == 2 and facts.policy_interpretations == 11 and "其他年份" in reply
    talk(service, draft, ["依申请今年新收26件 个人21 企业4 律所1。去年报告里结转下年度是2件，都是个人的"])
    reply = talk(service, draft, ["办理结果：公开了14件（个人11 企业2 律所1），部分公开3件都是个人的，不予公开1件是企业的 保护第三方合法权益，"
                                  "本机关不掌握5件 都是个人，信访举报投诉类的不予处理2件 个人，还有1个人逾期不补正。剩下2件结转到明年 个人1 企业1"])[-1].text
    cells = _cells(service, draft)
    assert cells["t3.withheld.third_party.commercial"] == 1 and cells["t3.withheld.third_party.total"] == 1
    assert cells["t3.unable.not_held.natural"] == 5 and "未采用" not in reply
    talk(service, draft, ["问题主要两条 一是个别栏目更新不及时，二是依申请答复文书不够规范。改进措施：建立栏目更新责任制，开展答复文书评查"])
    facts = service.facts(draft)
    assert "栏目更新不及时" in (facts.problems or "") and "责任制" in (facts.measures or "")
    reply = talk(service, draft, ["校验一下 数字都对得上吧"])[-1].text
    assert "没有找到可以记录的内容" not in reply


def test_a_register_copied_out_counts_this_years_applications(db):
    from tests.dialogue_support import offline_service, talk

    service = offline_service(db())
    draft = service.start("张三").id
    talk(service, draft, ["某县某乡人民政府2025年报，乡镇",
                          "申请的台账我抄一下给你\n1. 2月10日 村民张某 要低保名单 给了\n2. 5月3日 一家养殖合作社 问补贴发放情况 给了\n"
                          "3. 8月21日 村民孙某 要镇里2010年的会议记录 我们没有 回复不掌握\n4. 12月29日 村民周某 要拆迁协议 还没回",
                          "合作社算其他吧 去年没有转过来的"])
    cells = _cells(service, draft)
    assert cells["t3.new_received.total"] == 4 and cells["t3.new_received.natural"] == 3
    assert cells["t3.carried_forward.natural"] == 1 and cells["t3.unable.not_held.natural"] == 1
    # (a line whose result is not told: the lines are no count of the year's applications then)
    d2 = service.start("张三").id
    talk(service, d2, ["某县某乡人民政府2025年报，乡镇",
                       "申请的台账我抄一下给你\n1. 2月10日 村民张某 要低保名单 给了\n2. 5月3日 村民李某 问补贴发放情况 给了\n"
                       "3. 12月29日 村民周某 要拆迁协议 领导还在研究", "去年没有转过来的"])
    cells = _cells(service, d2)
    assert "t3.new_received.total" not in cells and cells.get("t3.carried_forward.natural") is None


def test_a_clerks_trial_in_the_terminal_with_a_wps_paste(db):
    # (session 27's terminal trial, a 街道's clerk: a WPS paste of the rows that are not zero, then a correction
    # that moves one case, in her words)
    from tests.dialogue_support import offline_service, talk

    service = offline_service(db())
    draft = service.start("陈敏").id
    talk(service, draft, ["你好 我是望湖街道的 要弄2025年的政务公开年报 单位是鹤汀市临溪区望湖街道办事处",
                          "\t\t\t自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\n"
                          "一、本年新收政府信息公开申请数量\t\t\t5\t1\t\t\t\t1\n二、上年结转政府信息公开申请数量\t\t\t1\t\t\t\t\t\n"
                          "三、本年度办理结果\t（一）予以公开\t\t2\t1\t\t\t\t\n\t（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t\t1\t\t\t\t\t\n"
                          "\t（四）无法提供\t1.本机关不掌握相关政府信息\t2\t\t\t\t\t1\n四、结转下年度继续办理\t\t\t1"])
    reply = talk(service, draft, ["哎不对 不掌握那行自然人应该是1 我弄错了 有一件是个人来反映楼上漏水的 算信访举报投诉类 不予处理"])[-1].text
    cells = _cells(service, draft)
    assert cells["t3.unable.not_held.natural"] == 1 and cells["t3.unable.not_held.total"] == 2
    assert cells["t3.not_processed.petition.natural"] == 1 and "对不上" not in reply
    talk(service, draft, ["平台建设那块写一下：我们在区政府网站上开了街道专栏，还有公众号“望湖微家园”"])
    assert "街道专栏" in (service.facts(draft).platform or "")
    reply = talk(service, draft, ["重新生成一下"])[-1].text
    assert "没有找到可以记录的内容" not in reply


def test_parts_added_up_are_said_back_as_a_sum(db):
    from tests.dialogue_support import offline_service, talk

    service = offline_service(db())
    draft = service.start("陈敏").id
    reply = talk(service, draft, ["某街道办事处2025年报，乡镇",
                                  "处罚是执法中队办的 他们报了市容类17件 违建6件 你帮我加一下"])[-1].text
    assert service.facts(draft).cells["t2.penalty.decisions"] == 23 and "＝23" in reply and "违建6件" in reply
