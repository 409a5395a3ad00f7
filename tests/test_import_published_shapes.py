"""The importer on the shapes published reports take when copied from web pages (issue 17): one
example per class, worded differently from the cases in ``fixtures/published_shapes`` (which the test
``test_published_shapes`` runs), so that a fix for the class is tested, not a fix for the file."""

from __future__ import annotations

import re

import pytest
from import_helpers import assert_same_tables, heading, render_html, render_text

from assistant.importing import load_report, parse_html, parse_text
from assistant.importing._meta import agency_level
from assistant.reading import infer_level
from eval.synthetic import consistent_report
from schemas import labels as L
from schemas.layout import ALL_CELL_ADDRESSES, get_cell
from schemas.report import Blank

REPORT = consistent_report(41)
TEXT = render_text(REPORT)
AGENCY = "示例市自然资源和规划局"


def _tab_rows(text: str, fn) -> str:
    """Every tab-separated line rewritten by ``fn(cells)``; other lines unchanged."""
    return "\n".join(fn(line.split("\t")) if "\t" in line else line for line in text.split("\n"))


# ---- title and page furniture ---------------------------------------------------------------------
@pytest.mark.parametrize("residue", [" |", "｜", "  | "])
def test_title_line_ending_in_a_cell_border(residue):
    got = parse_text(TEXT.replace(REPORT.meta.title, f"{AGENCY}2024年度政府信息公开工作年度报告{residue}", 1))
    assert (got.meta.agency_name, got.meta.agency_level, got.meta.report_year) == (AGENCY, "municipal", 2024)


def test_page_metadata_laid_out_without_colons():
    title = f"{AGENCY}2024年政府信息公开工作年度报告"
    page = (f"主题分类  国土资源、能源\n发文机关 {AGENCY}\n名　　称 {title}\n成文日期 2025-01-20\n")
    got = parse_text(page + TEXT.replace(REPORT.meta.title, title, 1))
    assert (got.meta.title, got.meta.agency_name, got.meta.report_year) == (title, AGENCY, 2024)
    assert "名" not in got.preamble[:2] and "发文机关" not in got.preamble


def test_only_the_page_title_field_gives_the_title():
    title = f"{AGENCY}2024年政府信息公开工作年度报告"
    got = parse_text(f"标  题：{title}\n索引号 000014349/2025-00031\n" + TEXT.replace(REPORT.meta.title + "\n", "", 1))
    assert (got.meta.title, got.meta.agency_name) == (title, AGENCY)


@pytest.mark.parametrize("first,second", [
    (f"{AGENCY}2024年政府信息", "公开工作年度报告"),
    (f"{AGENCY}2024年度政务", "公开工作年度报告"),
])
def test_title_broken_after_the_year_line(first, second):
    got = parse_text(TEXT.replace(REPORT.meta.title, f"{first}\n{second}", 1))
    assert (got.meta.agency_name, got.meta.agency_level, got.meta.report_year) == (AGENCY, "municipal", 2024)
    assert got.meta.title == first + second


@pytest.mark.parametrize("title_line", [
    "\t{t} 【字号：大 | 中 | 小】 |",
    "\t\t{t}\t[ 打印本页 ] [ 关闭窗口 ]",
    "{t}  浏览次数：356  分享到：微信 微博",
    "【字体：大 中 小】{t}",
    "\t{t}",
])
def test_title_line_with_page_controls(title_line):
    title = f"{AGENCY}2024年政府信息公开工作年度报告"
    page = ("您的位置：首页 > 信息公开 > 法定主动公开内容\n"
            "索引号：MB0Y91234X/2025-00107\t发布机构：示例市自然资源和规划局\n"
            "生成日期：2025-01-24\t公开方式：主动公开\n"
            + title_line.format(t=title) + "\n")
    footer = "\n【我要纠错】 【打印本页】 【关闭】\n示例市人民政府办公室主办　网站标识码：3706000001\n"
    got = parse_text(page + TEXT.replace(REPORT.meta.title + "\n", "", 1) + footer)
    meta = got.meta
    assert (meta.title, meta.agency_name, meta.agency_level, meta.report_year) == (title, AGENCY, "municipal", 2024)
    assert str(meta.publication_date) == "2025-01-24"
    assert got.preamble == REPORT.preamble
    assert "纠错" not in got.part6[-1].text and "网站标识码" not in got.part6[-1].text
    assert not any("标题" in n for n in got.source.notes)
    assert_same_tables(got, REPORT)


@pytest.mark.parametrize(("field", "agency"), [
    ("发布机构：示例市自然资源和规划局", "示例市自然资源和规划局"),
    ("发文机关　示例县卫生健康委员会", "示例县卫生健康委员会"),
    ("来源：示例市自然资源和规划局\t发布时间：2025-01-20", "示例市自然资源和规划局"),
    ("来源：示例市人民政府网", ""),  # a website, not an agency
])
def test_a_title_without_the_agency_takes_it_from_the_page_publisher(field, agency):
    page = f"索引号：MB0Y91234X/2025-00107\n{field}\n2024年政府信息公开工作年度报告\n"
    got = parse_text(page + TEXT.replace(REPORT.meta.title + "\n", "", 1))
    assert got.meta.title == "2024年政府信息公开工作年度报告"  # kept as published: F4 says it lacks the agency
    assert got.meta.agency_name == agency
    assert any("发布机构" in n for n in got.source.notes) == bool(agency)


def test_a_title_naming_its_agency_wins_over_the_page_publisher():
    page = "发布机构：示例市人民政府办公室\n"
    got = parse_text(page + TEXT)
    assert got.meta.agency_name == REPORT.meta.agency_name


def test_html_title_with_page_controls():
    page = render_html(REPORT).replace(
        f"{REPORT.meta.title}</h1>", f"{REPORT.meta.title} <span>【字体：大 中 小】</span></h1>", 1).replace(
        f"<title>{REPORT.meta.title}</title>", "<title>示例市人民政府门户网站</title>", 1)  # no hint to fall back on
    got = parse_html(page)
    assert (got.meta.title, got.meta.agency_name) == (REPORT.meta.title, REPORT.meta.agency_name)


def test_a_paragraph_set_off_by_a_tab_is_text():
    text = TEXT.replace(REPORT.part5, "\t" + REPORT.part5, 1)
    got = parse_text(text)
    assert got.part5 == REPORT.part5
    assert_same_tables(got, REPORT)


# ---- a body collapsed into one line ----------------------------------------------------------------
def test_body_collapsed_into_one_line_is_split_at_its_headings():
    body = ("一、总体情况：本委坚持以公开为常态。（一）主动公开情况。全年发布信息86条。（二）依申请公开情况。"
            "全年收到申请3件。（三）政府信息管理情况。修订公开指南。（四）政府信息公开平台建设情况。优化专栏。"
            "（五）监督保障情况。开展培训2次。 五、存在的主要问题及改进情况 解读形式单一，将加以改进。"
            " 六、其他需要报告的事项 （一）收取信息处理费的情况。未收取信息处理费。")
    got = parse_text(f"示例县卫生健康委员会2024年政府信息公开工作年度报告\n{body}")
    p1 = got.part1
    assert p1.active.endswith("全年发布信息86条。") and p1.active.startswith("本委坚持")
    assert (p1.on_request, p1.management, p1.platform, p1.oversight) == (
        "全年收到申请3件。", "修订公开指南。", "优化专栏。", "开展培训2次。")
    assert got.part5 == "解读形式单一，将加以改进。"
    assert [i.text for i in got.part6] == ["未收取信息处理费。"]
    assert [h.numeral for h in got.source.part_headings] == ["一", "五", "六"]


def test_a_paragraph_listing_its_own_items_inline_is_not_split():
    text = TEXT.replace(REPORT.part5, "问题有三：（一）解读不够；（二）更新不及时。下一步将逐项整改。", 1)
    assert parse_text(text).part5 == "问题有三：（一）解读不够；（二）更新不及时。下一步将逐项整改。"


# ---- no title and no part heading ------------------------------------------------------------------
def test_report_without_title_or_headings_is_read_from_its_sub_parts():
    text = ("现将示例县教育局2022年度政府信息公开工作年度报告公布如下。\n"
            "（一）主动公开工作情况。公开文件12件。\n"
            "（二）依申请公开工作情况。收到申请2件，均已办结。\n"
            "（三）政府信息管理工作情况。健全审查机制。\n")
    got = parse_text(text)
    assert (got.meta.agency_name, got.meta.agency_level, got.meta.report_year) == ("示例县教育局", "county", 2022)
    assert got.part1.active == "公开文件12件。" and got.part1.management == "健全审查机制。"


def test_numbered_lines_without_any_topic_are_not_a_report():
    got = parse_text("（一）第一点。内容。\n（二）第二点。内容。\n")
    assert got.part1.active == "" and not got.source.part_headings


# ---- the report year ---------------------------------------------------------------------------------
@pytest.mark.parametrize("preamble,year", [
    ("依据《中华人民共和国政府信息公开条例》（2019年修订），报告统计期限为2024年1月1日至2024年12月31日。"
     "《条例》（2019年修订）施行以来，本局持续推进公开。", 2024),
    ("本报告根据2019年修正的《条例》编制，数据统计时段自2021年01月01日起至2021年12月31日止。", 2021),
])
def test_statistics_period_wins_over_a_laws_revision_year(preamble, year):
    text = TEXT.replace(REPORT.meta.title + "\n", "", 1).replace(REPORT.preamble, preamble, 1)
    assert parse_text(text).meta.report_year == year


def test_title_year_wins_over_the_text():
    text = TEXT.replace(REPORT.preamble, "依据《条例》（2019年修订）（2019年修订）编制。", 1)
    assert parse_text(text).meta.report_year == REPORT.meta.report_year


# ---- agency level ----------------------------------------------------------------------------------
@pytest.mark.parametrize("name,level", [
    ("某某自治州某某市卫生健康委员会", "county"),  # 县级市 under a 州
    ("某某盟某某市民政局", "county"),
    ("镇原县人民政府办公室", "county"),  # 镇 opens the county's name
    ("乡宁县文化和旅游局", "county"),
    ("镇江市教育局", "municipal"),
    ("某县镇村建设服务中心", "county"),  # 镇 right after the county: no township named
    ("某县城关镇人民政府", "township"),
    ("中华人民共和国黄岛海关", None),  # vertical: the level is not in the name
    ("青岛海关", None),
    ("海关总署", "state_council_dept"),
])
def test_agency_level_from_the_name(name, level):
    assert agency_level(name) == level
    got = parse_text(TEXT.replace(REPORT.meta.title, f"{name}2024年政府信息公开工作年度报告", 1))
    assert got.meta.agency_level == level


@pytest.mark.parametrize("name,level", [
    ("某某自治州某某市卫生健康委员会", "county"), ("镇原县人民政府办公室", "county"),
    ("某县镇村建设服务中心", "county"), ("某县城关镇人民政府", "township")])
def test_chat_reads_the_level_by_the_same_rule(name, level):
    assert infer_level(name) == level == agency_level(name)


# ---- headings ------------------------------------------------------------------------------------
@pytest.mark.parametrize("pid", ["p3", "p5"])
def test_heading_that_lost_its_numeral(pid):
    got = parse_text(TEXT.replace(heading(pid), f"、{L.PART_TITLES[pid]}", 1))
    h = next(h for h in got.source.part_headings if h.title == L.PART_TITLES[pid])
    assert h.numeral == L.PART_NUMERALS[pid] and any("缺少序号" in n for n in got.source.notes)
    assert_same_tables(got, REPORT)


# ---- table rows as page-to-text tools write them -------------------------------------------------
def test_rows_without_a_leading_pipe():
    got = parse_text(_tab_rows(TEXT, lambda cells: " | ".join(cells) + " |"))
    assert_same_tables(got, REPORT)


def test_one_cell_per_line_with_a_trailing_pipe():
    got = parse_text(_tab_rows(TEXT, lambda cells: "\n".join(f"{c} |" for c in cells)))
    assert_same_tables(got, REPORT)


def test_one_cell_per_line_with_a_full_width_pipe():
    got = parse_text(_tab_rows(TEXT, lambda cells: "\n".join(f"{c}｜" for c in cells if c)))
    assert_same_tables(got, REPORT)


@pytest.mark.parametrize("sep", ["|", " | ", "| ", "  |"])
def test_rows_with_pipes_between_cells_only(sep):
    # the sample's leading tabs become leading pipes ("||结果维持|…"), its empty header cells "|||"
    got = parse_text(_tab_rows(TEXT, lambda cells: sep.join(cells).rstrip()))
    assert_same_tables(got, REPORT)
    assert got.source.format_version == "2021"


def test_a_sentence_or_title_holding_a_pipe_is_not_a_row():
    line = "本局通过门户网站|政务微信两个渠道发布解读，下一步将增加图解。"
    title = f"{AGENCY}2024年政府信息公开工作年度报告 | 示例市人民政府"
    got = parse_text(TEXT.replace(REPORT.part5, line, 1).replace(REPORT.meta.title, title, 1))
    assert got.part5 == line
    assert_same_tables(got, REPORT)


def test_2019_tables_in_pipe_rows_are_recognised():
    rows = ["第二十条第（一）项 |  |  |  |", "信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量 |",
            "规章 | 0 | 0 | 0 |", "规范性文件 | 3 | 3 | 20 |"]
    start = TEXT.index(heading("p2")) + len(heading("p2"))
    text = TEXT[:start] + "\n" + "\n".join(rows) + "\n" + TEXT[TEXT.index(heading("p3")):]
    assert parse_text(text).source.format_version == "2019"
    cells = "\n".join("\n".join(f"{c} |" for c in r.rstrip(" |").split(" | ")) for r in rows)
    text = TEXT[:start] + "\n" + cells + "\n" + TEXT[TEXT.index(heading("p3")):]
    assert parse_text(text).source.format_version == "2019"


# ---- table-二 column headers that are not the official labels ----------------------------------------
def _t2_header(text: str, block: str, header: str) -> str:
    """The 信息内容 line under the 第二十条第（block）项 line written with ``header`` for its columns."""
    at = text.index(f"第二十条第（{block}）项")
    start = text.index(L.T2_CONTENT_HEADER, at)
    end = text.index("\n", start)
    return text[:start] + header + text[end:]


@pytest.mark.parametrize("block,header,written,official", [
    ("六", "信息内容\t决定数量", "决定数量", "本年处理决定数量"),
    ("五", "信息内容\t本年处理决定数\t\t", "本年处理决定数", "本年处理决定数量"),
    ("一", "信息内容\t本年印发件数\t本年废止件数\t现行有效件数", "本年印发件数", "本年制发件数"),
    ("一", "信息内容\t本年制发件数\t本年废止件数\t现行有效数量", "现行有效数量", "现行有效件数"),
    ("八", "信息内容\t本年收费金额（万元）", None, None),  # a unit written otherwise is the same label
    ("五", "信息内容\t本年处理决定数量（件）", None, None),
])
def test_a_reworded_column_header_is_read_as_its_2021_column(block, header, written, official):
    got = parse_text(_t2_header(TEXT, block, header))
    assert got.source.format_version == "2021"
    assert_same_tables(got, REPORT)
    notes = [n for n in got.source.notes if n.startswith("表二使用了")]
    assert notes == ([f"表二使用了“{written}”，2021年格式的名称为“{official}”。"] if written else [])


def test_the_shortened_decisions_header_alone_keeps_the_2021_format():
    # "处理决定数量" is also the trial format's word: in blocks 五 and 六 it is no evidence of that format
    text = _t2_header(_t2_header(TEXT, "五", "信息内容\t处理决定数量"), "六", "信息内容\t处理决定数量\t\t")
    got = parse_text(text)
    assert got.source.format_version == "2021"
    assert_same_tables(got, REPORT)
    assert [n for n in got.source.notes if n.startswith("表二使用了")] == [
        "表二使用了“处理决定数量”，2021年格式的名称为“本年处理决定数量”。"]


def test_trial_format_columns_still_decide_the_format():
    text = _t2_header(TEXT, "五", "信息内容\t上一年项目数量\t本年增/减\t处理决定数量")
    got = parse_text(text.replace("行政许可\t7326", "行政许可\t12\t0\t7326", 1))
    assert got.source.format_version == "2019"
    assert not any(n.startswith("表二使用了") for n in got.source.notes)


def test_a_header_sharing_no_word_with_the_column_is_not_read_as_it():
    got = parse_text(_t2_header(TEXT, "五", "信息内容\t备注"))
    assert not any(n.startswith("表二使用了") for n in got.source.notes)
    assert_same_tables(got, REPORT)  # the block's one column, as before


# ---- blank rows ----------------------------------------------------------------------------------
def _blank_t3_rows(text: str, labels: list[str], per_line: bool = False) -> str:
    out = []
    for line in text.split("\n"):
        cells = line.split("\t")
        hit = next((lbl for lbl in labels if lbl in cells), None)
        if hit is not None:
            at = cells.index(hit)
            cells = cells[:at + 1] + [""] * 7
        out.append(("\n".join(c for c in cells if c) if per_line else "\t".join(cells)) if "\t" in line else line)
    return "\n".join(out)


@pytest.mark.parametrize("per_line", [False, True])
def test_blank_rows_stay_blank_and_the_next_rows_keep_their_numbers(per_line):
    sub = L.T3_GROUP_ROWS
    blanked = [sub["unable"]["needs_creation"], sub["not_processed"]["confirmation"], sub["other_handling"]["no_correction"],
               sub["other_handling"]["unpaid_fee"], sub["other_handling"]["other"]]
    got = parse_text(_blank_t3_rows(TEXT, blanked, per_line))
    for row in ("unable.needs_creation", "not_processed.confirmation", "other_handling.no_correction",
                "other_handling.other"):
        assert isinstance(get_cell(got, f"t3.{row}.natural"), Blank), row
        assert isinstance(get_cell(got, f"t3.{row}.total"), Blank), row
    for row in ("unable.unclear", "not_processed.excessive", "total", "carried_forward"):
        for col in ("natural", "total"):
            address = f"t3.{row}.{col}"
            assert get_cell(got, address) == get_cell(REPORT, address), address


def test_blank_table2_row_does_not_take_the_next_rows_numbers():
    text = "\n".join("规章\t\t\t" if line.startswith(L.T2_ROW_LABELS["regulations"] + "\t") else line
                     for line in TEXT.split("\n"))
    got = parse_text(text)
    assert isinstance(get_cell(got, "t2.regulations.issued"), Blank)
    assert get_cell(got, "t2.normative_docs.issued") == get_cell(REPORT, "t2.normative_docs.issued")


# ---- prose inside parts 二–四 -----------------------------------------------------------------------
@pytest.mark.parametrize("pid,line", [
    ("p4", "12 月，本局收到行政复议决定书，维持原答复。"),
    ("p3", "3 件申请因内容不明确，已告知申请人补正，具体情况如下："),
    ("p2", "2024年本局共制发行政规范性文件，详见下表。"),
])
def test_a_sentence_starting_with_a_number_is_not_a_table_row(pid, line):
    got = parse_text(TEXT.replace(heading(pid), f"{heading(pid)}\n{line}", 1))
    assert_same_tables(got, REPORT)


# ---- traditional characters and pinyin -------------------------------------------------------------
TRADITIONAL = """示例縣農業農村局2024年政府信息公開工作年度報告
本報告依據《中華人民共和國政府信息公開條例》編製，統計期限為2024年1月1日至2024年12月31日。
一、總體情況
（一）主動公開情況。本局通過門戶網站公開信息45條。
（二）依申請公開情況。全年收到申請2件，均按時辦結。
（三）政府信息管理情況。嚴格落實保密審查。
二、主動公開政府信息情況
第二十條第（一）項\t\t\t
信息內容\t本年制發件數\t本年廢止件數\t現行有效件數
規章\t0\t0\t0
行政規範性文件\t1\t0\t9
五、存在的主要問題及改進情況
政策解讀形式單一。
"""


def test_traditional_characters_are_read_as_simplified_and_shown_as_written():
    got = parse_text(TRADITIONAL)
    assert (got.meta.agency_name, got.meta.agency_level, got.meta.report_year) == ("示例县农业农村局", "county", 2024)
    assert [h.numeral for h in got.source.part_headings] == ["一", "二", "五"]
    assert get_cell(got, "t2.normative_docs.issued") == 1 and get_cell(got, "t2.normative_docs.in_force") == 9
    assert got.part1.on_request == "全年收到申請2件，均按時辦結。"  # the report's own characters
    assert got.part5 == "政策解讀形式單一。"
    assert any("繁体" in n for n in got.source.notes)


def test_the_validator_reads_a_traditional_narrative_in_simplified_characters():
    """The text stays as written, yet its numbers are checked: a wrong count in traditional characters
    is found, at its place in the original text."""
    import opencc

    from assistant.validation import validate

    text = render_text(REPORT)
    said = next(m for m in re.finditer(r"新收政府信息公开申请(\d+)件", text))
    wrong = text[:said.start(1)] + str(int(said.group(1)) + 3) + text[said.end(1):]
    got = parse_text(opencc.OpenCC("s2t").convert(wrong))
    assert "公開" in got.part1.on_request  # shown as written
    (e1,) = [f for f in validate(got) if f.rule == "E1"]
    s, e = e1.location.span
    assert str(int(said.group(1)) + 3) in got.part1.on_request[s:e]  # the span points into the original
    assert not [f for f in validate(parse_text(opencc.OpenCC("s2t").convert(text))) if f.rule[0] == "E"]


def test_pinyin_after_characters_is_dropped():
    text = TRADITIONAL.replace("報告", "報(bào)告").replace("總體", "總(zǒng)體").replace("解讀", "解讀(dú)")
    got = parse_text(text)
    assert got.meta.agency_name == "示例县农业农村局" and got.part5 == "政策解讀形式單一。"
    assert "总体情况" in {h.title for h in got.source.part_headings}


def test_simplified_report_with_a_few_traditional_names_is_left_alone():
    text = TEXT.replace(REPORT.part5, "学习借鉴臺灣地區的做法。", 1)
    got = parse_text(text)
    assert got.part5 == "学习借鉴臺灣地區的做法。" and not any("繁体" in n for n in got.source.notes)


# ---- a whole report pasted as one line ------------------------------------------------------------
ONE_LINE_REPORT = consistent_report(57, agency="示例县市场监督管理局", level="county")
ONE_LINE_TEXT = render_text(ONE_LINE_REPORT)


def _one_line(text: str, sep: str) -> str:
    """The page copied without its line breaks and tabs: every run of whitespace becomes ``sep``."""
    return re.sub(r"\s+", sep, text).strip()


@pytest.mark.parametrize("sep,tabs", [(" ", False), (" ", True), ("\u3000\u3000", True), ("  ", True)])
def test_report_pasted_as_one_line_is_read_whole(sep, tabs):
    text = re.sub(r"\n+", sep, ONE_LINE_TEXT) if tabs else _one_line(ONE_LINE_TEXT, sep)
    assert "\n" not in text
    got = parse_text(text)
    assert (got.meta.title, got.meta.agency_name, got.meta.agency_level) == (
        ONE_LINE_REPORT.meta.title, "示例县市场监督管理局", "county")
    assert [h.numeral for h in got.source.part_headings] == list("一二三四五六")
    assert not got.source.missing
    assert_same_tables(got, ONE_LINE_REPORT)
    assert [i.title for i in got.part6] == [i.title for i in ONE_LINE_REPORT.part6]


def test_one_line_with_tabs_kept_is_read_and_the_file_accepted(tmp_path):
    path = tmp_path / "report.txt"
    path.write_text(re.sub(r"\n+", " ", ONE_LINE_TEXT), encoding="utf-8")
    got = load_report(path)
    assert_same_tables(got, ONE_LINE_REPORT)
    assert got.meta.agency_name == "示例县市场监督管理局"


def _t3_unread(got) -> None:
    t3 = [a for a in ALL_CELL_ADDRESSES if a.startswith("t3.")]
    assert set(t3) <= set(got.source.missing)
    assert any("表三" in n and "未读入" in n for n in got.source.notes)
    assert not any(a.startswith(("t2.", "t4.")) for a in got.source.missing)
    assert_same_tables_but(got, ONE_LINE_REPORT, "t3.")


def assert_same_tables_but(got, expected, prefix: str) -> None:
    for a in ALL_CELL_ADDRESSES:
        if not a.startswith(prefix):
            assert get_cell(got, a) == get_cell(expected, a), a


def test_one_line_row_with_a_number_lost_leaves_table3_unread():
    # a blank cell vanishes when spaces stand for tabs: the row has six numbers, which one is gone?
    label = L.T3_GROUP_ROWS["unable"]["needs_creation"]
    text = _one_line(re.sub(rf"({re.escape(label)}\t)\d+", r"\1", ONE_LINE_TEXT, count=1), " ")
    _t3_unread(parse_text(text))


def test_one_line_row_whose_label_is_reworded_leaves_table3_unread():
    label = L.T3_GROUP_ROWS["not_processed"]["repeated"]
    text = _one_line(ONE_LINE_TEXT.replace(label, "2.同一申请人重复提出申请"), " ")
    _t3_unread(parse_text(text))


def test_a_long_narrative_line_is_not_taken_for_a_one_line_report():
    long_para = "本局持续推进政务公开标准化规范化建设，" * 60 + "取得积极成效。"
    text = ONE_LINE_TEXT.replace(ONE_LINE_REPORT.part5.split("\n")[0], long_para, 1)
    assert_same_tables(parse_text(text), ONE_LINE_REPORT)
