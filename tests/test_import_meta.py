"""Metadata and structure read from the document: agency and level, year, dates, cited documents,
sub-parts and items in their usual variations, and what is reported missing."""

from __future__ import annotations

import datetime as dt

import pytest
from import_helpers import assert_same_tables, heading, render_html, render_text

from assistant.importing import parse_html, parse_text
from eval.synthetic import consistent_report
from schemas import labels as L

REPORT = consistent_report(25)
TEXT = render_text(REPORT)


def with_title(title: str) -> str:
    return TEXT.replace(REPORT.meta.title, title, 1)


@pytest.mark.parametrize("agency,level", [
    ("国务院办公厅", "state_council_dept"),
    ("教育部", "state_council_dept"),
    ("海关总署", "state_council_dept"),
    ("国家统计局", "state_council_dept"),
    ("山东省教育厅", "provincial"),
    ("北京市教育委员会", "provincial"),
    ("重庆市住房和城乡建设委员会", "provincial"),
    ("广西壮族自治区民政厅", "provincial"),
    ("烟台市机关事务管理局", "municipal"),
    ("烟台市市场监督管理局", "municipal"),
    ("烟台市住房和城乡建设局", "municipal"),
    ("延边朝鲜族自治州人民政府", "municipal"),
    ("锡林郭勒盟行政公署", "municipal"),
    ("烟台市芝罘区人民政府", "county"),
    ("上海市浦东新区人民政府", "county"),
    ("山东省烟台市龙口市民政局", "county"),
    ("平阴县交通运输局", "county"),
    ("鄂温克族自治旗人民政府", "county"),
    ("芝罘区向阳街道办事处", "township"),
    ("平阴县东阿镇人民政府", "township"),
    ("某某县某某乡人民政府", "township"),
])
def test_agency_and_level_from_the_title(agency, level):
    got = parse_text(with_title(f"{agency}2023年政府信息公开工作年度报告"))
    assert (got.meta.agency_name, got.meta.agency_level, got.meta.report_year) == (agency, level, 2023)


@pytest.mark.parametrize("title,agency,year", [
    ("2022年烟台市机关事务管理局政府信息公开工作年度报告", "烟台市机关事务管理局", 2022),
    ("烟台市机关事务管理局关于2023年度政府信息公开工作年度报告", "烟台市机关事务管理局", 2023),
    ("烟台市机关事务管理局二〇二三年政府信息公开工作年度报告", "烟台市机关事务管理局", 2023),
    ("烟台市机关事务管理局 ２０２３ 年政府信息公开工作年度报告（全文）", "烟台市机关事务管理局", 2023),
])
def test_title_variants(title, agency, year):
    got = parse_text(with_title(title))
    assert (got.meta.title, got.meta.agency_name, got.meta.report_year) == (title, agency, year)


def test_title_on_two_lines_is_joined():
    text = TEXT.replace(REPORT.meta.title, "示例市交通运输局\n2023年政府信息公开工作年度报告", 1)
    assert parse_text(text).meta.title == REPORT.meta.title


def test_no_title():
    got = parse_text(TEXT.replace(REPORT.meta.title, "", 1))
    assert got.meta.title == "" and got.meta.agency_name == "" and got.meta.agency_level is None
    assert "meta.title" in got.source.missing
    assert got.meta.report_year == 2023  # the year most used in the text, with a note
    assert any("推定" in n for n in got.source.notes)
    assert_same_tables(got, REPORT)


@pytest.mark.parametrize("signature,date", [
    ("示例市交通运输局\n2024年1月15日", dt.date(2024, 1, 15)),
    ("示例市交通运输局\n二〇二四年一月二十日", dt.date(2024, 1, 20)),
    ("２０２４年１月９日", dt.date(2024, 1, 9)),
])
def test_signature_gives_the_publication_date_and_is_not_text(signature, date):
    got = parse_text(TEXT + "\n\n" + signature + "\n")
    assert got.meta.publication_date == date
    assert got.part6[-1].text == REPORT.part6[-1].text


def test_labelled_date_line_under_the_title():
    got = parse_text(TEXT.replace(REPORT.meta.title, REPORT.meta.title + "\n发布日期：2024-01-18  来源：本局", 1))
    assert got.meta.publication_date == dt.date(2024, 1, 18)
    assert got.preamble == REPORT.preamble


def test_page_metadata_above_the_title():
    head = "首页 > 政务公开 > 年度报告\n\n索引号：11370600MB28504X3/2024-00012  发布时间：2024年01月16日 09:30\n\n"
    got = parse_text(head + TEXT)
    assert got.meta.publication_date == dt.date(2024, 1, 16)
    assert got.meta.title == REPORT.meta.title and got.preamble == REPORT.preamble


def test_cited_documents_are_normalised():
    text = TEXT.replace(REPORT.preamble, "根据国办公开办函[2021]30号和国办函（2020）109号要求，现予公布。", 1)
    got = parse_text(text)
    assert got.source.cited_documents == [L.FORMAT_DOC_2021, "国办函〔2020〕109号"]


def test_subpart_titles_on_their_own_lines_with_several_paragraphs():
    lines = TEXT.split("\n")
    i = lines.index(f"（一）{L.P1_SUBPART_TITLES['active']}。{REPORT.part1.active}")
    lines[i:i + 1] = [f"(一) {L.P1_SUBPART_TITLES['active']}", "", "第一段。", "", "第二段被分页", "", "截断了。"]
    got = parse_text("\n".join(lines))
    assert got.part1.active == "第一段。\n第二段被分页截断了。"
    assert got.part1.on_request == REPORT.part1.on_request


def test_subpart_title_followed_by_a_space():
    old = f"（二）{L.P1_SUBPART_TITLES['on_request']}。{REPORT.part1.on_request}"
    got = parse_text(TEXT.replace(old, f"（二）{L.P1_SUBPART_TITLES['on_request']}　本年度未收到申请。", 1))
    assert got.part1.on_request == "本年度未收到申请。"


def test_part1_intro_before_the_subparts_is_kept_with_a_note():
    text = TEXT.replace(heading("p1") + "\n", heading("p1") + "\n\n本机关高度重视政务公开工作。\n", 1)
    got = parse_text(text)
    assert got.part1.active == "本机关高度重视政务公开工作。\n" + REPORT.part1.active
    assert any("未归入" in n for n in got.source.notes)


def test_part6_items_with_other_markers_and_titles_alone():
    start = TEXT.index(heading("p6"))
    items = "\n\n".join(f"{i + 1}.{item.title}\n\n{item.text}" for i, item in enumerate(REPORT.part6))
    got = parse_text(TEXT[:start] + heading("p6") + "\n\n" + items)
    assert [(i.key, i.title, i.text) for i in got.part6] == [(i.key, i.title, i.text) for i in REPORT.part6]


def test_part6_item_with_a_nonstandard_title_has_no_key():
    got = parse_text(TEXT + "\n\n（八）政务公开培训情况。全年组织培训2次。")
    assert (got.part6[-1].key, got.part6[-1].title, got.part6[-1].text) == (None, "政务公开培训情况", "全年组织培训2次。")


def test_missing_part_headings_are_listed():
    got = parse_text(TEXT.replace(heading("p5") + "\n", "", 1))
    assert "p5" in got.source.missing
    assert [h.numeral for h in got.source.part_headings] == ["一", "二", "三", "四", "六"]
    assert any(L.PART_TITLES["p5"] in n for n in got.source.notes)
    assert_same_tables(got, REPORT)


def test_missing_part1_heading_still_reads_the_subparts():
    got = parse_text(TEXT.replace(heading("p1") + "\n", "", 1))
    assert "p1" in got.source.missing
    assert got.part1 == REPORT.part1
    assert got.preamble == REPORT.preamble


def test_headings_out_of_order_are_noted():
    text = TEXT.replace(heading("p5"), "五、临时标题", 1).replace(heading("p6"), heading("p5"), 1)
    text = text.replace("五、临时标题", heading("p6"), 1)
    got = parse_text(text)
    assert [h.numeral for h in got.source.part_headings][-2:] == ["六", "五"]
    assert any("顺序" in n for n in got.source.notes)


def test_html_without_a_title_in_the_body_uses_the_page_title():
    page = render_html(REPORT)
    start = page.index("<h1")
    page = page[:start] + page[page.index("</h1>", start) + len("</h1>"):]
    page = page.replace("</title>", "_示例市人民政府门户网站</title>", 1)
    got = parse_html(page)
    assert got.meta.title == REPORT.meta.title
    assert got.meta.agency_level == "municipal"
