"""Rules F1–F7 (structure, labels, version, timing) and D3 (内容雷同)."""

from __future__ import annotations

import pytest
from test_validation_support import describe, of_rule, quoted, small_report, with_text

from assistant.validation import validate
from eval.synthetic import consistent_report, previous_year_of, zero_report
from schemas import labels as L
from schemas.report import PartHeading, SourceInfo


@pytest.fixture(scope="module")
def small():
    return small_report()


def _imported(report, headings, **source):
    r = report.model_copy(deep=True)
    r.source = SourceInfo(kind="text", part_headings=[PartHeading(numeral=n, title=t) for n, t in headings], **source)
    return r


STANDARD = [(L.PART_NUMERALS[p], t) for p, t in L.PART_TITLES.items()]


# ---- F1 ----------------------------------------------------------------------------------------
def test_f1_imported_with_standard_headings_is_clean(small):
    assert validate(_imported(small, STANDARD)) == []


def test_f1_missing_part(small):
    r = _imported(small, [h for h in STANDARD if h[0] != "四"])
    f, = of_rule(validate(r), "F1")
    assert f.severity == "error" and f.location.address == "p4" and L.PART_TITLES["p4"] in f.message


def test_f1_parts_out_of_order(small):
    headings = STANDARD[:]
    headings[1], headings[2] = headings[2], headings[1]
    f1 = of_rule(validate(_imported(small, headings)), "F1")
    assert any(f.severity == "error" and "顺序" in f.message for f in f1), describe(f1)


def test_f1_nonstandard_title_is_a_warning(small):
    headings = STANDARD[:]
    headings[3] = ("四", "政府信息公开行政复议和行政诉讼情况")
    f, = of_rule(validate(_imported(small, headings)), "F1")
    assert f.severity == "warning" and f.location.address == "p4" and "行政复议、行政诉讼" in f.message


def test_f1_title_with_spaces_and_half_width_punctuation_is_standard(small):
    headings = STANDARD[:]
    headings[3] = ("四", "政府信息公开行政复议,行政诉讼情况 ")
    assert of_rule(validate(_imported(small, headings)), "F1") == []


def test_f1_generated_report_needs_non_empty_parts(small):
    r = with_text(small, "p5", "")
    f, = of_rule(validate(r), "F1")
    assert f.severity == "error" and f.location.address == "p5"
    r.part6 = []
    assert {f.location.address for f in of_rule(validate(r), "F1")} == {"p5", "p6"}


def test_f1_table_with_every_cell_blank():
    from schemas.report import Table4
    r = zero_report()
    r.table4 = Table4()
    assert [f.location.address for f in of_rule(validate(r), "F1")] == ["p4"]


@pytest.mark.parametrize(("preamble", "fires"), [
    ("本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、"
     "存在的主要问题及改进情况、其他需要报告的事项六个部分组成。", False),
    ("本报告分为五个部分。", True),
    ("本报告由以下四部分组成。", True),
    ("本机关深化主动公开、规范依申请公开、做好行政复议应诉工作，其中一部分工作已列入考核。", False),
    ("本报告包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、存在的主要问题及改进情况。", True),
])
def test_f1_preamble_that_counts_or_lists_parts(small, preamble, fires):
    f1 = of_rule(validate(with_text(small, "preamble", preamble)), "F1")
    assert bool(f1) == fires, describe(f1)
    assert all(f.severity == "warning" and f.location.address == "preamble" for f in f1)


@pytest.mark.parametrize("preamble", [
    # the titles of the format before 2019, still copied into preambles
    "本报告由概述、主动公开政府信息情况、依申请公开政府信息情况、因政府信息公开申请行政复议、提起行政诉讼的情况、"
    "政府信息公开工作存在的主要问题和改进情况、其他需要报告的事项组成。",
    "报告分别介绍总体情况，主动公开政府信息情况，收到和处理政府信息公开申请情况，政府信息公开行政复议、行政诉讼情况，"
    "存在的问题和改进情况，其他需要报告的事项。",
])
def test_f1_preamble_in_older_or_shortened_part_titles(small, preamble):
    f1 = of_rule(validate(with_text(small, "preamble", preamble)), "F1")
    assert f1 == [], describe(f1)
    without_4 = preamble.replace("因政府信息公开申请行政复议、提起行政诉讼的情况、", "").replace(
        "政府信息公开行政复议、行政诉讼情况，", "")
    f, = of_rule(validate(with_text(small, "preamble", without_4)), "F1")  # a part really left out still is
    assert "行政复议" in f.message


# ---- F2 ----------------------------------------------------------------------------------------
@pytest.mark.parametrize(("address", "text"), [
    ("p1.platform", ""), ("p1.oversight", "（略）"), ("p5", "无。"), ("p6.3", "待补充"), ("p1.management", "XXXX"),
])
def test_f2_empty_or_boilerplate(small, address, text):
    f, = of_rule(validate(with_text(small, address, text)), "F2")
    assert f.severity == "warning" and f.location.address == address


@pytest.mark.parametrize(("address", "text"), [
    ("p1.on_request", "本年度未收到政府信息公开申请。"), ("p6.6", "无。"), ("p6.5", "本年度无需要报告的其他事项。"),
])
def test_f2_saying_plainly_there_is_nothing_is_fine(address, text):
    findings = validate(with_text(zero_report(), address, text))
    assert findings == [], describe(findings)


def _part1_in_one_piece(report, text):
    r = report.model_copy(deep=True)
    r.part1.active, r.part1.on_request, r.part1.management, r.part1.platform, r.part1.oversight = text, "", "", "", ""
    return _imported(r, STANDARD)


@pytest.mark.parametrize("text", [
    "（1）主动公开：全年公开政府信息300条，发布政策解读5篇。（2）依申请公开：本年度新收政府信息公开申请104件。"
    "（3）政府信息管理：严格执行保密审查制度。（4）平台建设：升级政务新媒体矩阵。（5）监督保障：开展业务培训2次。",
    "本机关坚持主动公开政府信息，依法办理政府信息公开申请104件，落实公文公开属性源头认定，"
    "改版门户网站，并将政务公开工作纳入绩效考核。",
])
def test_f2_part_1_written_in_one_piece_covers_its_topics(small, text):
    f2 = of_rule(validate(_part1_in_one_piece(small, text)), "F2")
    assert f2 == [], describe(f2)


def test_f2_part_1_in_one_piece_still_needs_each_topic(small):
    text = "一是主动公开政府信息300条；二是办理政府信息公开申请104件；三是改版门户网站。"
    f2 = of_rule(validate(_part1_in_one_piece(small, text)), "F2")
    assert [f.location.address for f in f2] == ["p1.management", "p1.oversight"]


# ---- F3 ----------------------------------------------------------------------------------------
def test_f3_2019_tables_in_a_2023_report(small):
    r = small.model_copy(deep=True)
    r.source = SourceInfo(kind="generated", format_version="2019")
    f, = of_rule(validate(r), "F3")
    assert f.severity == "error"
    r.meta.report_year = 2020
    assert of_rule(validate(r), "F3") == []


def test_f3_citing_only_the_2019_document(small):
    text = "本报告按照国办公开办函〔2019〕60号要求编制。"
    f, = of_rule(validate(with_text(small, "preamble", text)), "F3")
    assert f.severity == "warning" and quoted(text, f) == "〔2019〕60号"
    both = "本报告按照国办公开办函〔2019〕60号和国办公开办函〔2021〕30号要求编制。"
    assert of_rule(validate(with_text(small, "preamble", both)), "F3") == []


def test_f3_cited_documents_from_the_importer(small):
    r = with_text(small, "preamble", "现将本机关2023年度政府信息公开工作情况报告如下。")
    r.source = SourceInfo(kind="generated", cited_documents=["国办公开办函〔2019〕60号"])
    assert [f.severity for f in of_rule(validate(r), "F3")] == ["warning"]
    r.source.cited_documents.append(L.FORMAT_DOC_2021)
    assert of_rule(validate(r), "F3") == []


# ---- F4 ----------------------------------------------------------------------------------------
@pytest.mark.parametrize(("address", "text", "quote"), [
    ("p1.active", "本年度制发规范性文件5件。", "规范性文件"),
    ("p5", "表二本年制作数量统计口径不一。", "本年制作数量"),
    ("meta.title", "示例市交通运输局2023年政府信息公开年度报告", "政府信息公开年度报告"),
])
def test_f4_wrong_labels(small, address, text, quote):
    f4 = of_rule(validate(with_text(small, address, text)), "F4")
    assert len(f4) == 1 and f4[0].severity == "warning" and quoted(text, f4[0]) == quote


def test_f4_official_labels_are_fine(small):
    text = "本年度制发行政规范性文件5件，党内规范性文件按规定另行公开。"
    assert of_rule(validate(with_text(small, "p1.active", text)), "F4") == []


@pytest.mark.parametrize("year", [2019, 2020])
def test_f4_the_2019_labels_are_right_in_a_report_on_2019_or_2020(small, year):
    text = "本年新制作规范性文件5件，对外公开总数量40件；其他对外管理服务事项无变化。"
    r = with_text(small, "p1.active", text)
    r.meta.report_year = year
    assert of_rule(validate(r), "F4") == []
    r.meta.report_year = 2021
    assert len(of_rule(validate(r), "F4")) == 3  # the same words in a 2021 report


@pytest.mark.parametrize("text", [
    "市政府公报本年度刊登部门规范性文件12件。",
    "本局在《青禾县规范性文件管理办法》框架下开展合法性审核。",
    "本局通过规范性文件备案审查系统报送备案文件。",
    "本局维护“青禾县规范性文件库”专栏。",
])
def test_f4_normative_docs_inside_a_name_or_another_kind_are_fine(small, text):
    assert of_rule(validate(with_text(small, "p1.platform", text)), "F4") == []


# ---- F5 ----------------------------------------------------------------------------------------
@pytest.mark.parametrize(("address", "text", "quote"), [
    ("p1.management", "2022年，我局健全政府信息管理制度。", "2022年"),
    ("p1.platform", "2022年度，本机关完成门户网站改版。", "2022年"),
    ("p6.4", "报告所列数据统计期限自2022年1月1日起至2022年12月31日止。", "2022年"),
    ("meta.title", "示例市交通运输局2022年政府信息公开工作年度报告", "2022年"),
    ("p1.management", "2024年，本机关共修订管理制度3项。", "2024年"),
    ("p1.management", "二〇二二年，我局健全政府信息管理制度。", "二〇二二年"),
])
def test_f5_wrong_year_as_period(small, address, text, quote):
    f5 = of_rule(validate(with_text(small, address, text)), "F5")
    assert len(f5) >= 1 and f5[0].severity == "warning" and quoted(text, f5[0]) == quote, describe(f5)


@pytest.mark.parametrize("text", [
    "与2022年相比，本年度公开数量有所增加。",
    "较2022年，门户网站访问量增长明显。",
    "上年度（2022年）报告中提出的问题已整改到位。",
    "2024年，我局将继续深化政务公开。",
    "自2022年以来，本机关持续推进政务公开标准化建设。",
    "2023年，我局健全政府信息管理制度。",
])
def test_f5_other_uses_of_years_are_fine(small, text):
    assert of_rule(validate(with_text(small, "p1.management", text)), "F5") == []


def test_f5_carried_over_from_the_previous_year_is_fine(small):
    text = "2022年结转的4件申请已全部办结。本年度新收政府信息公开申请104件。"
    findings = validate(with_text(small, "p1.on_request", text))
    assert findings == [], describe(findings)


@pytest.mark.parametrize("text", [
    "2022年，本局在全市政务公开第三方评估中位列第二名。",  # a result of last year's work, told as such
    "2022年，本局完成门户网站集约化迁移。2023年，本局在新平台上开设解读专栏。",  # the text moves on to this year
])
def test_f5_last_year_told_as_the_past_is_fine(small, text):
    assert of_rule(validate(with_text(small, "p1.platform", text)), "F5") == []


def test_f5_a_year_outside_the_clause_stating_the_period_is_fine(small):
    text = "本局自2019年起每年发布本报告，本年度报告的统计期限为2023年1月1日至2023年12月31日。"
    assert of_rule(validate(with_text(small, "preamble", text)), "F5") == []
    wrong = "本局自2019年起每年发布本报告，本年度报告的统计期限为2022年1月1日至2022年12月31日。"
    assert len(of_rule(validate(with_text(small, "preamble", wrong)), "F5")) == 2


# ---- F6, F7 ------------------------------------------------------------------------------------
def test_f6_petitions_counted_as_applications(small):
    text = "全年共受理政府信息公开申请及信访件120件。"
    f, = of_rule(validate(with_text(small, "p1.on_request", text)), "F6")
    assert f.severity == "warning" and "信访" in quoted(text, f)


def test_f6_petition_category_is_not_a_petition_count(small):
    text = "本年度新收政府信息公开申请104件，其中属于信访举报投诉类申请不予处理0件。"
    assert of_rule(validate(with_text(small, "p1.on_request", text)), "F6") == []


def test_f6_a_duty_that_names_petitions_counts_nothing(small):
    text = "本局由办公室统一负责政府信息公开申请和信访举报事项的登记与答复。"
    assert of_rule(validate(with_text(small, "p1.management", text)), "F6") == []
    counted = "本局由办公室统一登记政府信息公开申请和信访举报事项共130件。"
    assert of_rule(validate(with_text(small, "p1.management", counted)), "F6")


def test_f7_applications_counted_in_tiao(small):
    text = "本年度受理政府信息公开申请104条，上年结转4件。"
    findings = validate(with_text(small, "p1.on_request", text))
    f, = findings
    assert f.rule == "F7" and f.severity == "warning" and quoted(text, f) == "104条"


def test_f7_items_counted_in_tiao_are_fine(small):
    text = "全年在门户网站公开政务信息148条，受理政府信息公开申请104件。"
    assert validate(with_text(small, "p1.on_request", text)) == []


# ---- D3 ----------------------------------------------------------------------------------------
def test_d3_part_copied_from_last_year():
    this = consistent_report(5)
    prev = previous_year_of(this, seed=5)
    copied = prev.part5.replace(str(prev.meta.report_year), str(this.meta.report_year))
    this = with_text(this, "p5", copied)
    f, = of_rule(validate(this, prev), "D3")
    assert f.severity == "warning" and f.location.address == "p5"
    assert f.location.span == (0, len(copied)) and "相同的段落" in f.message


def test_d3_near_copy_with_changed_numbers_and_an_added_sentence():
    this = consistent_report(6)
    prev = previous_year_of(this, seed=6)
    prev.part1.oversight = ("本机关把政务公开工作纳入年度绩效考核，由办公室牵头每季度开展一次自查，"
                            "对发现的问题建立台账、限期整改，全年共开展自查4次，无责任追究情况。")
    this.part1.oversight = ("本机关把政务公开工作纳入年度绩效考核，由办公室牵头每季度开展一次自查，"
                            "对发现的问题建立台账、限期整改，全年共开展自查12次，无责任追究情况。今年还开展了评议。")
    f, = of_rule(validate(this, prev), "D3")
    assert f.location.address == "p1.oversight"


def test_d3_text_moved_to_another_part_is_found():
    this = consistent_report(8)
    prev = previous_year_of(this, seed=8)
    prev.part1.platform = ("持续加强政府门户网站和政务新媒体建设管理，统一栏目设置，规范信息发布流程，"
                           "完善依申请公开在线办理功能，提升平台的检索、互动和服务能力，确保平台安全平稳运行。")
    this.part5 = prev.part1.platform
    f, = of_rule(validate(this, prev), "D3")
    assert f.location.address == "p5" and "（四）政府信息公开平台建设情况" in f.message


def test_d3_short_formula_texts_are_not_copies():
    this = zero_report(year=2023)
    prev = previous_year_of(this)
    this.part6[0].text = prev.part6[0].text = "本年度未收取信息处理费。"
    assert of_rule(validate(this, prev), "D3") == []


def test_every_wrong_label_is_read():
    # _phrases looks for labels only where a first search finds one: every word must come through
    from assistant.validation._text import _LABELS, analyse

    for _, words, _ in _LABELS:
        for w in words:
            facts = analyse(f"本机关{w}为5件", "preamble")
            assert any(ph.kind == "label" and ph.data[0] == w for ph in facts.phrases), w


# ---- issue 17: missed defects, each with a neighbour that must stay quiet -------------------------
@pytest.mark.parametrize("title", ["本局2024年度政府信息公开工作年度报告", "关于二〇二三年政府信息公开工作年度报告（全文）"])
def test_f4_title_without_the_agency(small, title):
    f, = of_rule(validate(with_text(small, "meta.title", title)), "F4")
    assert f.location.address == "meta.title" and "机关名称" in f.message


@pytest.mark.parametrize("title", ["镇禾县档案馆关于2023年政府信息公开工作年度报告",
                                   "2023年政府信息公开工作年度报告（镇禾县档案馆）"])
def test_f4_title_naming_the_agency_is_fine(small, title):
    assert of_rule(validate(with_text(small, "meta.title", title)), "F4") == []


@pytest.mark.parametrize("title", ["镇禾县档案馆政府信息公开工作年度报告", "镇禾县档案馆本年度政府信息公开工作年度报告"])
def test_f4_title_without_the_year(small, title):
    f, = of_rule(validate(with_text(small, "meta.title", title)), "F4")
    assert f.location.address == "meta.title" and "缺少年份" in f.message


def test_f4_a_year_anywhere_in_the_title_is_fine(small):
    title = "镇禾县档案馆政府信息公开工作年度报告（2023年度）"
    assert of_rule(validate(with_text(small, "meta.title", title)), "F4") == []


_ROW_NOTE = "表二使用了“规范性文件”，2021年格式的名称为“行政规范性文件”。"
_COLUMN_NOTE = "表二使用了“本年制作数量”，2021年格式的名称为“本年制发件数”。"


def test_f4_table_2_labels_the_importer_noted(small):
    r = small.model_copy(deep=True)
    r.source = SourceInfo(kind="text", notes=["表格中有1行数字没有行名。", _ROW_NOTE, _COLUMN_NOTE])
    f4 = of_rule(validate(r), "F4")
    assert [f.location.address for f in f4] == ["p2", "p2"]
    assert "应为“行政规范性文件”" in f4[0].message and "应为“本年制发件数”" in f4[1].message


def test_f4_table_2_labels_of_a_2020_report_or_other_notes_are_fine(small):
    r = small.model_copy(deep=True)
    r.source = SourceInfo(kind="text", notes=[_ROW_NOTE])
    r.meta.report_year = 2020
    assert of_rule(validate(r), "F4") == []
    r.meta.report_year = 2023
    r.source.notes = ["表二中有2021年格式没有的“其他对外管理服务事项”（2019年试行格式的栏目），未读入。"]
    assert of_rule(validate(r), "F4") == []


def test_f5_published_before_the_year_ends(small):
    import datetime as dt

    r = small.model_copy(deep=True)
    r.meta.publication_date = dt.date(2023, 6, 30)
    f, = of_rule(validate(r), "F5")
    assert f.location.address == "report" and "2023年6月30日" in f.message
    for day in (dt.date(2024, 1, 20), None):
        r.meta.publication_date = day
        assert of_rule(validate(r), "F5") == []


@pytest.mark.parametrize(("text", "quote"), [
    ("本年度办结102件，另有6件延续至2023年办理。", "2023年"),  # forward: to 2024
    ("2021年结转的4件均已办结。", "2021年"),  # carried over: from 2022
])
def test_f5_carry_over_naming_the_wrong_year(small, text, quote):
    f5 = of_rule(validate(with_text(small, "p1.on_request", text)), "F5")
    assert len(f5) == 1 and quoted(text, f5[0]) == quote, describe(f5)


@pytest.mark.parametrize("text", [
    "2022年结转2023年办理的4件均已办结。",
    "结转至2024年继续办理6件。",
    "2023年结转至2024年的申请6件。",
    "上年结转至2023年的申请4件已办结。",
])
def test_f5_carry_over_naming_the_right_years_is_fine(small, text):
    assert of_rule(validate(with_text(small, "p1.on_request", text)), "F5") == []


@pytest.mark.parametrize(("text", "quote"), [
    ("共收到政府信息公开申请104件，其中群众来访2件。", "来访2件"),
    ("共收到政府信息公开申请104件，包括投诉举报事项6件。", "投诉举报事项6件"),
    ("本年度新收政府信息公开申请104件。其中属于信访事项的3件。", "信访事项的3件"),  # 其中 opens the next sentence
])
def test_f6_petitions_listed_as_part_of_the_applications(small, text, quote):
    f6 = of_rule(validate(with_text(small, "p1.on_request", text)), "F6")
    assert len(f6) == 1 and quoted(text, f6[0]) == quote, describe(f6)


@pytest.mark.parametrize("text", [
    "共收到政府信息公开申请104件，其中由信访部门转来的政府信息公开申请3件。",  # applications, passed on
    "共收到政府信息公开申请104件，其中通过12345平台提交2件。",  # a channel applications came through
    "共收到政府信息公开申请104件，另收到信访件3件，已按信访程序办理。",  # counted apart
    "本年度新收政府信息公开申请104件。其中网上申请90件，信函申请14件。",
])
def test_f6_applications_from_a_petition_channel_or_petitions_counted_apart(small, text):
    assert of_rule(validate(with_text(small, "p1.on_request", text)), "F6") == []


# ---- F6: service lines (12345 …) are names, and items said to be counted into the applications ---
@pytest.mark.parametrize(("text", "quote"), [
    ("本年度新收政府信息公开申请104件。区12345政务服务便民热线转办的政策咨询工单5件，已一并计入新收申请数量。",
     "12345政务服务便民热线转办的政策咨询工单5件，已一并计入新收申请数量"),
    ("另有群众来信反映的信息公开诉求4件，也统计在政府信息公开申请之中。",
     "来信反映的信息公开诉求4件，也统计在政府信息公开申请之中"),
    ("12315投诉转办件6件一并算作依申请公开件数。", "12315投诉转办件6件一并算作依申请公开件数"),
    ("共收到政府信息公开申请104件，其中12345热线转办工单5件。", "12345热线转办工单5件"),
    ("共收到政府信息公开申请104件，其中市长热线12345转办件3件。", "热线12345转办件3件"),
])
def test_f6_hotline_or_petition_items_counted_into_the_applications(small, text, quote):
    findings = validate(with_text(small, "p1.on_request", text))
    f6 = of_rule(findings, "F6")
    assert [quoted(text, f) for f in f6] == [quote], describe(findings)
    assert of_rule(findings, "E1") == [] and of_rule(findings, "E6") == []  # 12345 is no count


@pytest.mark.parametrize("text", [
    "共收到政府信息公开申请104件，其中通过12345平台提交的政府信息公开申请2件。",  # an application, sent through
    "12345热线转办的政府信息公开申请3件，已一并计入新收申请数量。",
    "信访局转来的申请3件，已计入新收申请数量。",
    "收到信访件3件，未计入政府信息公开申请。",  # kept apart
    "12345热线转办工单5件，不纳入依申请公开数量统计。",
    "不予处理5件，其中1.信访举报投诉类申请0件，2.重复申请5件。",
    "群众可拨打12345政务服务便民热线咨询，热线转办事项纳入督办台账管理。",
    "将投诉举报、信访等事项纳入依申请公开台账统一管理。",  # a ledger, not a count
])
def test_f6_applications_through_a_hotline_or_petitions_kept_apart(small, text):
    findings = [f for f in validate(with_text(small, "p1.on_request", text)) if f.rule in ("F6", "E1", "E6")]
    assert findings == [], describe(findings)


def test_a_service_line_number_does_not_cut_a_list(small):
    # "经12345平台转来24件" is the second part of 104: the parts (90 + 24) exceed it
    text = "共收到政府信息公开申请104件，其中网上申请90件，经12345平台转来24件。"
    f, = of_rule(validate(with_text(small, "p1.on_request", text)), "E7")
    assert "114件" in f.message
    right = "共收到政府信息公开申请104件，其中网上申请90件，经12345平台转来14件。"
    assert of_rule(validate(with_text(small, "p1.on_request", right)), "E7") == []
