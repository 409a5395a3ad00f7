"""Structure, labels, version and timing: rules F1–F7."""

from __future__ import annotations

import re
from functools import lru_cache

from assistant.validation._grid import Grid
from assistant.validation._narrative import Text
from assistant.validation._registry import finding
from assistant.validation._text import tells_past_result
from schemas import labels as L
from schemas.findings import Finding
from schemas.layout import ALL_CELL_ADDRESSES, narrative_label
from schemas.report import PartHeading, Report

__all__ = ["structure_rules"]

_PARTS = tuple(L.PART_TITLES)  # p1 … p6
_ARABIC_NUMERALS = {str(i + 1): L.PART_NUMERALS[p] for i, p in enumerate(_PARTS)}
_PART_OF_NUMERAL = {n: p for p, n in L.PART_NUMERALS.items()}
_PAREN = str.maketrans("()，,:", "（）、、：")
_SPACES = re.compile(r"[\s\u3000]+")


def _norm(title: str) -> str:
    # "".join(split()) drops what _SPACES matches (str.isspace), faster than a substitution
    title = "".join(title.split())
    if "(" in title or ")" in title or "，" in title or "," in title or ":" in title:  # translate costs more
        title = title.translate(_PAREN)
    return title.rstrip("。：.")


_NORM_TITLE = {p: _norm(t) for p, t in L.PART_TITLES.items()}
_PART_OF_TITLE = {t: p for p, t in _NORM_TITLE.items()}
# How a preamble that lists the parts names each of them, in the titles of the format and in the
# older wordings still copied into preambles ("因政府信息公开工作被申请行政复议和提起行政诉讼情况",
# "存在的问题及改进情况", "依申请公开政府信息情况").
# Each pattern starts with a literal (a top-level alternation would scan several times slower).
_PART_WORDS = {p: tuple(map(re.compile, words)) for p, words in {
    "p1": ("总体情况", "概述"), "p2": ("主动公开政府信息的?情况",),
    "p3": ("收到和处理政府信息公开申请的?情况", "依申请公开政府信息的?情况"),
    "p4": ("复议[^，,。；;]{0,6}?诉讼的?情况",),
    "p5": ("存在的(?:主要)?问题", "问题(?:及|和)改进"), "p6": ("其他需要报告的事项",)}.items()}


def _literal_prefix(pattern: str) -> str:
    """The characters every match of ``pattern`` starts with (up to its first special character)."""
    for i, c in enumerate(pattern):
        if c in "[(.^$|\\":
            return pattern[:i]
        if c in "?*+{":
            return pattern[:i - 1]  # (the character before is optional)
    return pattern


# (the words each pattern starts with, the pattern): a substring test first, the scan only where they are
_PART_GATES = {p: tuple((_literal_prefix(x.pattern), x) for x in patterns) for p, patterns in _PART_WORDS.items()}
_N = "[一二三四五六七八九十1-9１-９]"
_COUNTED_PARTS = re.compile(rf"(?:分为|分成|包括|包含|共)(?:以下)?({_N})个?部分|({_N})个?部分(?:组成|构成)")
_CN_COUNT = {c: i + 1 for i, c in enumerate("一二三四五六七八九十")} | {str(i): i for i in range(1, 10)} \
    | {chr(0xFF10 + i): i for i in range(1, 10)}
_EMPTY_WORDS = re.compile(r"(?:略|（略）|\(略\)|暂略|待补充|待填写|待完善|[Xx×＊*]{2,}|…+|\.{2,}|-+|—+|/|无内容|此处填写.*)")
_NOTHING = re.compile(r"(?:无|暂无|没有|无此类?情况|无相关情况)")
_T_CELLS = {t: tuple(a for a in ALL_CELL_ADDRESSES if a.startswith(t + ".")) for t in ("t2", "t3", "t4")}
_TABLE_PART = {"t2": "p2", "t3": "p3", "t4": "p4"}
_DOC_2019 = re.compile(r"2019.*60\s*号")
_DOC_2021 = re.compile(r"2021.*30\s*号")
_APP_CLAIM_UNITS = frozenset({"条", "次", "人次"})
_LABELS_OF_2019 = frozenset({"doc", "made", "total", "items", "services"})  # see _text._LABELS


def _bare(text: str) -> str:
    return "".join(text.split()).rstrip("。.；;")


def _is_empty(text: str) -> bool:
    if len(text) > 40:
        return False  # empty words and markers are short
    b = _bare(text)
    return not b or bool(_EMPTY_WORDS.fullmatch(b))


def _part_name(pid: str) -> str:
    return f"{L.PART_NUMERALS[pid]}、{L.PART_TITLES[pid]}"


# ---- F1 / F2 -----------------------------------------------------------------------------------
def _headings(report: Report, out: list[Finding]) -> None:
    found: dict[str, tuple[PartHeading, str, str]] = {}  # part → (heading, its numeral, its normalised title)
    order: list[str] = []
    assert report.source is not None  # structure_rules calls this only for imported reports
    for h in report.source.part_headings:
        stripped = h.numeral.strip()
        numeral = _ARABIC_NUMERALS.get(stripped, stripped)
        title = h.title
        if title not in _PART_OF_TITLE:  # (a title written as the format has it is its own _norm)
            title = _norm(title)
        pid = _PART_OF_TITLE.get(title) or _PART_OF_NUMERAL.get(numeral)
        if pid is None or pid in found:
            continue
        found[pid] = (h, numeral, title)
        order.append(pid)
    missing = [p for p in _PARTS if p not in found]
    missing += [p for p in _PARTS if p in report.source.missing and p not in missing]
    for pid in sorted(missing):
        out.append(finding("F1", pid, f"报告缺少第{L.PART_NUMERALS[pid]}部分「{_part_name(pid)}」"))
    in_order = order == sorted(order)
    if not in_order:
        written = "、".join(L.PART_NUMERALS[p] for p in order)
        out.append(finding("F1", "report", f"六个部分的顺序不对：实际顺序为第{written}部分，应为一至六"))
    for pid, (h, numeral, title) in found.items():  # one finding per heading: an acknowledgment names rule, place
        problems = []
        if numeral != L.PART_NUMERALS[pid] and in_order:
            problems.append(f"序号应为“{L.PART_NUMERALS[pid]}”，实为“{h.numeral}”")
        if title != _NORM_TITLE[pid]:
            problems.append(f"标题应为「{L.PART_TITLES[pid]}」，实为「{h.title}」")
        if problems:
            out.append(finding("F1", pid, f"第{L.PART_NUMERALS[pid]}部分{'；'.join(problems)}", severity="warning"))


def _model_parts(report: Report, grid: Grid, out: list[Finding]) -> None:
    p1 = report.part1
    if all(_is_empty(t) for t in (p1.active, p1.on_request, p1.management, p1.platform, p1.oversight)):
        out.append(finding("F1", "p1", f"报告缺少第一部分「{_part_name('p1')}」的内容"))
    for t, cells in _T_CELLS.items():
        if all(a in grid.blank for a in cells) and not all(a in grid.absent for a in cells):
            pid = _TABLE_PART[t]
            out.append(finding("F1", pid, f"报告缺少第{L.PART_NUMERALS[pid]}部分「{_part_name(pid)}」的表格数据"))
    if not report.part5.strip():
        out.append(finding("F1", "p5", f"报告缺少第五部分「{_part_name('p5')}」的内容"))
    if not report.part6 or all(not i.text.strip() for i in report.part6):
        out.append(finding("F1", "p6", f"报告缺少第六部分「{_part_name('p6')}」的内容"))


def _preamble(report: Report, out: list[Finding]) -> None:
    text = report.preamble
    if not text:
        return
    for m in _COUNTED_PARTS.finditer(text) if "部分" in text else ():  # in every alternative
        written = m.group(1) or m.group(2)
        if _CN_COUNT.get(written, 6) != 6 and "报告" in text:
            out.append(finding("F1", "preamble", f"引言称报告由{written}个部分组成，2021年格式的报告应为六个部分",
                               span=m.span(), severity="warning"))
    positions = {}
    for pid, gates in _PART_GATES.items():
        first = -1  # the first place any of the part's patterns matches
        for w, p in gates:
            if w in text:
                h = p.search(text)
                if h is not None and (first < 0 or h.start() < first):
                    first = h.start()
        if first >= 0:
            positions[pid] = first
    if len(positions) >= 3:  # the preamble lists the parts
        missing = [p for p in _PARTS if p not in positions]
        listed = sorted(positions, key=positions.__getitem__)
        if missing:
            out.append(finding("F1", "preamble", f"引言列举报告各部分时缺少「{'」「'.join(L.PART_TITLES[p] for p in missing)}」",
                               severity="warning"))
        elif listed != list(_PARTS):
            out.append(finding("F1", "preamble", "引言列举的各部分顺序与报告正文不一致", severity="warning"))


# Words that show a text of part 一 is about each of its five topics. Part 一 is often written as one
# paragraph, or as 一是…五是… / 1、…5、 under no sub-headings: it then lands in one sub-part, and a
# topic it covers is not missing.
_TOPIC_WORDS = {
    "active": re.compile("主动公开|(?:公开|发布|推送)[^，,。；;]{0,6}?信息|解读"),
    "on_request": re.compile("依申请|公开申请|申请公开"),
    "management": re.compile("信息管理|公开属性|源头认定|保密审查|发布审核|审核制度|公开目录|清理"),
    "platform": re.compile("平台|网站|门户|专栏|新媒体|公众号|微博|微信|公开栏|查阅点|查阅场所"),
    "oversight": re.compile("监督|保障|考核|考评|评议|责任追究|问责|督查|督导|培训|组织领导"),
}
_MERGED_TOPICS = 3  # a sub-part that speaks of this many topics holds part 一 written in one piece


def _covered_topics(subparts: list[tuple[str, str]]) -> set[str]:
    """Topics covered by a sub-part that holds several of them (part 一 not split into sub-parts)."""
    covered: set[str] = set()
    for _, text in subparts:
        if len(text) < 20:
            continue
        topics = {k for k, pattern in _TOPIC_WORDS.items() if pattern.search(text)}
        if len(topics) >= _MERGED_TOPICS:
            covered |= topics
    return covered


def _f2(report: Report, imported: bool, out: list[Finding]) -> None:
    p1 = report.part1
    subparts = [(k, getattr(p1, k)) for k in L.P1_SUBPART_TITLES]
    if imported or not all(_is_empty(t) for _, t in subparts):
        empty = [k for k, t in subparts if len(t) <= 40 and _is_empty(t)]  # (_is_empty's own first test)
        covered = _covered_topics(subparts) if empty and len(empty) < len(subparts) else set()
        for i, (key, _) in enumerate(subparts):
            if key in empty and key not in covered:
                out.append(finding(
                    "F2", f"p1.{key}",
                    f"第一部分「（{L.CN_ORDINALS[i]}）{L.P1_SUBPART_TITLES[key]}」没有内容；没有可报告的情况也应写明"
                    f"（如“{'本年度未收到政府信息公开申请。' if key == 'on_request' else '本年度无相关情况。'}”）"))
    b5 = _bare(report.part5) if len(report.part5) <= 40 else report.part5
    if (b5 and (_EMPTY_WORDS.fullmatch(b5) or _NOTHING.fullmatch(b5))) or (imported and not b5):
        out.append(finding("F2", "p5", "第五部分应写明本年度存在的具体问题和下一年度的改进措施，不能空白或只写“无”"))
    for i, item in enumerate(report.part6):
        if len(item.text) <= 40 and _is_empty(item.text):
            out.append(finding("F2", f"p6.{i}", f"第六部分「{item.title}」没有内容；没有此类事项的应写明“无”"))


# ---- F3 … F7 -----------------------------------------------------------------------------------
def _f3(report: Report, texts: list[Text], out: list[Finding]) -> None:
    year = report.meta.report_year
    source = report.source
    if year is not None and year >= 2021 and source is not None and source.format_version == "2019":
        out.append(finding("F3", "report", f"{year}年度报告应使用{L.FORMAT_DOC_2021}规定的2021年格式，"
                                           f"本报告的表格是{L.FORMAT_DOC_2019}的2019年试行格式"))
    if year is not None and year < 2021:
        return
    cited = source.cited_documents if source is not None else []
    first_2019 = None
    has_2021 = any(_DOC_2021.search(d) for d in cited)
    for address, _, facts in texts:
        for ph in facts.phrases:
            if ph.kind == "cite2021":
                has_2021 = True
            elif ph.kind == "cite2019" and first_2019 is None:
                first_2019 = (address, ph.span)
    if has_2021:
        return
    if first_2019 is not None:
        out.append(finding("F3", first_2019[0], f"正文引用了{L.FORMAT_DOC_2019}（2019年试行格式），"
                                                f"2021年及以后的报告格式依据是{L.FORMAT_DOC_2021}",
                           span=first_2019[1], severity="warning"))
    elif any(_DOC_2019.search(d) for d in cited):
        out.append(finding("F3", "report", f"报告引用了{L.FORMAT_DOC_2019}（2019年试行格式），"
                                           f"2021年及以后的报告格式依据是{L.FORMAT_DOC_2021}", severity="warning"))


def _f4_to_f7(report: Report, texts: list[Text], out: list[Finding]) -> None:
    year = report.meta.report_year
    for address, text, facts in texts:
        for ph in facts.phrases:
            if ph.kind == "label":
                wrong, right, name = ph.data
                if year is not None and year < 2021 and name in _LABELS_OF_2019:
                    continue  # the 2019 trial format's own words, right for a report on 2019 or 2020
                out.append(finding("F4", address, f"{_narrative_label(address)}中的“{wrong}”不是规范表述，应为“{right}”", span=ph.span))
            elif ph.kind == "petition":
                said = text[ph.span[0]:ph.span[1]]
                out.append(finding("F6", address, f"{_narrative_label(address)}中的「{said}」把信访、投诉、举报或热线等事项与政府信息公开申请"
                                                  "合并计数；依申请公开只统计政府信息公开申请", span=ph.span))
        if year is not None:
            for y in facts.years:
                if y.year == year and y.kind not in _CARRY_YEAR:
                    continue  # (the report's own year, as a period, a title or 统计期限: nothing to say)
                past = y.past_event or (y.kind == "period" and y.year < year and tells_past_result(text, y.span[0]))
                message = (_carry_message(y.year, year, y.kind, y.since) if y.kind in _CARRY_YEAR
                           else _f5_message(y.year, year, y.kind, y.future_tense, past))
                if message:
                    out.append(finding("F5", address, f"{_narrative_label(address)}中的“{text[y.span[0]:y.span[1]]}”：{message}", span=y.span))
        for m in facts.mentions:
            c = m.claim
            if c is not None and c.table == "t3" and m.unit in _APP_CLAIM_UNITS:
                out.append(finding("F7", address, f"政府信息公开申请应以“件”计，正文写作“{text[m.span[0]:m.span[1]]}”",
                                   span=m.span))
    title = report.meta.title
    if title and L.REPORT_TITLE_SUFFIX not in title and "政府信息公开年度报告" not in title:
        out.append(finding("F4", "meta.title", f"标题应为“机关名称＋年份＋{L.REPORT_TITLE_SUFFIX}”，实为“{title}”"))
    elif title and not _names_agency(title):
        out.append(finding("F4", "meta.title", f"标题应为“机关名称＋年份＋{L.REPORT_TITLE_SUFFIX}”，"
                                               f"实为“{title}”，缺少机关名称"))
    elif title and not _TITLE_YEAR.search(title):
        out.append(finding("F4", "meta.title", f"标题应为“机关名称＋年份＋{L.REPORT_TITLE_SUFFIX}”，"
                                               f"实为“{title}”，缺少年份"))
    _table_labels(report, out)


# What a title holds besides the agency's name: the year, the report's name, a note such as （全文）.
_TITLE_WORDS = re.compile(
    r"[0-9０-９〇○零一二三四五六七八九]{4}\s*年度?|政府信息公开(?:工作)?年度报告|政务公开|年度报告|关于"
    r"|[（(](?:全文|摘要|正文|附件|图解|[^（）()]{0,6}(?:版|稿))[）)]"
    r"|[的本我该此其]|[\s\u3000\xa0《》“”\"'，,。:：\-—_|｜]")


_TITLE_YEAR = re.compile(r"[0-9０-９〇○零一二三四五六七八九]{4}\s*年")


def _names_agency(title: str) -> bool:
    """Does the title name its agency (机关名称＋年份＋…)? Two characters are left of any name."""
    return len(_TITLE_WORDS.sub("", title)) >= 2


# The importer's note on a table-二 label that is not the official one (see assistant.importing._tables).
_TABLE_LABEL_NOTE = re.compile(r"表二使用了“([^”]+)”，2021年格式的名称为“([^”]+)”")


def _table_labels(report: Report, out: list[Finding]) -> None:
    """F4 on table 二: the labels are not in the model, only in the importer's notes."""
    source = report.source
    year = report.meta.report_year
    if source is None or not source.notes or (year is not None and year < 2021):
        return  # a report on 2019 or 2020 uses the trial format's own labels
    for note in source.notes:
        m = _TABLE_LABEL_NOTE.search(note)
        if m:
            out.append(finding("F4", "p2", f"表二中的“{m.group(1)}”不是规范表述，应为“{m.group(2)}”"))


def _published_early(report: Report, out: list[Finding]) -> None:
    """F5: a report on the year cannot be published before the year (its statistics period) ends."""
    day, year = report.meta.publication_date, report.meta.report_year
    if day is not None and year is not None and day.year <= year:
        out.append(finding("F5", "report", f"发布日期为{day.year}年{day.month}月{day.day}日，早于统计期限结束（{year}年12月31日）："
                                           f"{year}年度报告应在{year + 1}年发布，请核对发布日期或报告年度"))


_CARRY_YEAR = {  # the year a carry-over names, relative to the report year
    "carried_to": (1, "结转的申请转入的年份"),
    "carried_into": (0, "上年结转的申请转入的年份"),
    "carried_from": (-1, "上年结转的申请所属的年份"),
}


def _carry_message(y: int, report_year: int, kind: str, since: int | None) -> str | None:
    offset, what = _CARRY_YEAR[kind]
    if since is not None and since in (report_year - 1, report_year):
        offset = since + 1 - report_year  # "2022年结转2023年": into this year; "2023年结转2024年": forward
    return None if y == report_year + offset else f"{what}应为{report_year + offset}年（报告年度为{report_year}年）"


def _f5_message(y: int, report_year: int, kind: str, future_tense: bool, past_event: bool) -> str | None:
    if y == report_year:
        return None
    if kind == "title":
        return f"年份与报告年度（{report_year}年）不符"
    if kind == "stats":
        return f"统计期限应为报告年度（{report_year}年1月1日至12月31日）"
    if y == report_year - 1 and not past_event:
        return f"报告年度为{report_year}年，这里把上一年写作了本报告期，疑似沿用了上年报告的文字"
    if y > report_year and not (future_tense or past_event):
        return f"报告年度为{report_year}年，这里把以后的年份写作了本报告期"
    return None


# The label of a narrative address, asked for every text with facts: it depends on the address alone.
_narrative_label = lru_cache(maxsize=256)(narrative_label)


def structure_rules(report: Report, texts: list[Text], grid: Grid) -> list[Finding]:
    out: list[Finding] = []
    source = report.source
    imported = source is not None and source.kind != "generated"
    if imported and source is not None and source.part_headings:
        _headings(report, out)
    else:
        _model_parts(report, grid, out)
    _preamble(report, out)
    _f2(report, imported, out)
    _f3(report, texts, out)
    _f4_to_f7(report, texts, out)
    _published_early(report, out)
    return out
