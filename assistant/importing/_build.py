"""From the neutral form to a Report: outline, tables, metadata, and what was not found."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from assistant.importing._blocks import Document, Paragraph
from assistant.importing._meta import (
    agency_from_title,
    agency_level,
    cited_documents,
    date_in_line,
    is_date_line,
    is_metadata_line,
    is_page_chrome,
    metadata_publisher,
    period_year,
    report_year_in,
    year_of,
    years_in,
)
from assistant.importing._normalize import norm
from assistant.importing._outline import (
    Item,
    Outline,
    join_paragraphs,
    match_p1_subpart,
    match_p6_item,
    outline,
    split_items,
)
from assistant.importing._tables import TableReader
from schemas import labels as L
from schemas.layout import set_cell
from schemas.report import Part1, Part6Item, PartHeading, Report, ReportMeta, SourceInfo

__all__ = ["build_report"]

_PART_IDS = tuple(L.PART_TITLES)


def _is_signature(text: str, agency: str) -> bool:
    """The agency's name under the report (maybe with 盖章), not report text."""
    if not agency:
        return False
    t, a = norm(text), norm(agency)
    return a in t and len(t) <= len(a) + 6


class _Dates:
    """Publication date candidates: a labelled 发布日期 wins over a date line under the report."""

    def __init__(self) -> None:
        self.labelled: dt.date | None = None
        self.signed: dt.date | None = None
        self.front: dt.date | None = None

    def best(self) -> dt.date | None:
        return self.labelled or self.signed or self.front


def _clean_front(paragraphs: list[Paragraph], dates: _Dates) -> list[str]:
    out: list[str] = []
    for p in paragraphs:
        t = p.text
        if is_metadata_line(t):
            dates.labelled = dates.labelled or date_in_line(t, labelled_only=True)
            continue
        if is_date_line(t):
            dates.front = dates.front or date_in_line(t)
            continue
        if is_page_chrome(t):
            continue
        out.append(t)
    return out


def _clean_tail(texts: list[str], agency: str, dates: _Dates) -> list[str]:
    """Drop page furniture after the report and the signature block (agency, date) under it."""
    for i, t in enumerate(texts):
        if is_page_chrome(t):
            texts = texts[:i]
            break
    while texts:
        t = texts[-1]
        if is_date_line(t):
            dates.signed = dates.signed or date_in_line(t)
        elif is_metadata_line(t):
            dates.labelled = dates.labelled or date_in_line(t, labelled_only=True)
        elif not _is_signature(t, agency):
            break
        texts = texts[:-1]
    return texts


def _part1(items: list[Item], intro: list[str], notes: list[str], missing: list[str]) -> Part1:
    texts: dict[str, list[str]] = {}
    unplaced: list[str] = []
    for item in items:
        key = match_p1_subpart(item)
        if key is None:
            unplaced.append(f"（{item.numeral}）{item.title}")
            key = next(iter(texts), "active")
        elif key in texts:
            notes.append(f"“一、{L.PART_TITLES['p1']}”中“{L.P1_SUBPART_TITLES[key]}”出现了不止一次，已合并。")
        texts.setdefault(key, []).extend(item.paragraphs)
    if intro:
        if texts:
            notes.append(f"“一、{L.PART_TITLES['p1']}”开头有未归入五个方面的文字，已并入“{L.P1_SUBPART_TITLES['active']}”。")
        else:
            notes.append(f"“一、{L.PART_TITLES['p1']}”没有分为五个方面，全文已作为“{L.P1_SUBPART_TITLES['active']}”读入。")
        texts["active"] = intro + texts.get("active", [])
    for title in unplaced:
        notes.append(f"“一、{L.PART_TITLES['p1']}”中的“{title}”无法对应到五个方面之一，已并入前一部分。")
    for key in L.P1_SUBPART_TITLES:
        if key not in texts:
            missing.append(f"p1.{key}")
    return Part1(**{k: join_paragraphs(v) for k, v in texts.items()})


def _part6(paragraphs: list[str], notes: list[str]) -> list[Part6Item]:
    intro, items = split_items(paragraphs, lambda title: match_p6_item(title) is not None)
    out: list[Part6Item] = []
    if intro:
        out.append(Part6Item(key=None, title="", text=join_paragraphs(intro)))
    used: set[str] = set()
    for item in items:
        key = match_p6_item(item.title)
        if key in used:
            notes.append(f"“六、{L.PART_TITLES['p6']}”中“{item.title}”重复出现。")
            key = None
        if key is not None:
            used.add(key)
        out.append(Part6Item(key=key, title=item.title, text=join_paragraphs(item.paragraphs)))
    return out


def _texts(paragraphs: list) -> list[str]:
    return [p.text for p in paragraphs if isinstance(p, Paragraph)]


def _fallback_year(ol: Outline, notes: list[str]) -> int | None:
    """The report year from the text when the title gives none: the statistics period, else a sentence
    naming the report by its year, else the year written most often (a law's "（2019年修订）" is no
    report year)."""
    texts = [p.text for p in ol.front + ol.parts.get("p1", [])]
    for t in texts:
        if (y := period_year(t)) is not None:
            notes.append(f"标题中没有报告年度，按统计期限推定为{y}年，请核对。")
            return y
    for t in texts:
        if (named := report_year_in(t)) is not None:
            notes.append(f"标题中没有报告年度，按正文“{named[0]}年…年度报告”的说法推定为{named[0]}年，请核对。")
            return named[0]
    years = Counter(y for t in texts for y in dict.fromkeys(years_in(t)))
    if not years:
        return None
    y = years.most_common(1)[0][0]
    notes.append(f"标题中没有报告年度，按正文中最常出现的年份推定为{y}年，请核对。")
    return y


def _agency_from_text(ol: Outline) -> str:
    """Without a title: the agency a sentence of the preamble names the report for, if any."""
    for p in ol.front[:3]:
        named = report_year_in(p.text)
        if named is not None and named[1]:
            return named[1]
    return ""


def build_report(doc: Document) -> Report:
    ol = outline(doc)
    notes: list[str] = list(doc.notes) + ol.notes
    missing: list[str] = []
    dates = _Dates()

    # ---- meta -------------------------------------------------------------------------------
    title = ol.title
    agency = agency_from_title(title) if title else ""
    year = year_of(title) if title else None
    if not title:
        missing.append("meta.title")
        notes.append("未找到报告标题，机关名称和报告年度无法从标题读取。")
    if not agency:
        agency = _agency_from_text(ol)
        if agency:
            notes.append(f"机关名称“{agency}”取自正文，请核对。")
    if not agency:  # a title without the agency (rule F4 says so): the page's 发布机构 still names it
        agency = next((n for p in (*ol.before_title, *ol.front[:6]) if (n := metadata_publisher(p.text))), "")
        if agency:
            notes.append(f"机关名称“{agency}”取自网页的发布机构信息，请核对。")
    if year is None:
        year = _fallback_year(ol, notes)
    if year is not None and not 2008 <= year <= 2100:
        notes.append(f"报告年度“{year}”不在有效范围内，已忽略。")
        year = None

    # ---- narrative --------------------------------------------------------------------------
    for p in ol.before_title:  # a 发布日期 line of the web page above the title
        if is_metadata_line(p.text):
            dates.labelled = dates.labelled or date_in_line(p.text, labelled_only=True)
    front = _clean_front(ol.front, dates)
    part_texts = {pid: _texts(ps) for pid, ps in ol.parts.items()}
    if ol.last_part is not None:
        part_texts[ol.last_part] = _clean_tail(part_texts[ol.last_part], agency, dates)
    else:
        front = _clean_tail(front, agency, dates)

    p1_paragraphs = part_texts.get("p1")
    if p1_paragraphs is None:
        # no 一、总体情况 heading: its sub-parts may still be there, between the preamble and part 二
        # (without any part heading at all, only when at least two of them name their topic)
        intro, items = split_items(front, lambda t: False)
        by_title = [match_p1_subpart(Item(i.numeral, i.title, [], False)) for i in items]
        if (items and items[0].numeral == L.CN_ORDINALS[0] and match_p1_subpart(items[0]) is not None
                and (ol.headings or sum(k is not None for k in by_title[:5]) >= 2)):
            front, p1_paragraphs = intro, front[len(intro):]
            notes.append(f"未找到“一、{L.PART_TITLES['p1']}”标题，已将引言之后的（一）至（五）各段作为第一部分读入。")
    intro, items = split_items(p1_paragraphs or [], lambda t: False)
    part1 = _part1(items, intro, notes, missing) if p1_paragraphs is not None else Part1()
    if p1_paragraphs is None:
        missing.extend(f"p1.{k}" for k in L.P1_SUBPART_TITLES)

    part6 = _part6(part_texts.get("p6", []), notes)

    # ---- tables ----------------------------------------------------------------------------
    reader = TableReader()
    for table, part in ol.tables:
        reader.read(table, part)
    tables = reader.result()
    notes.extend(tables.notes)

    # ---- source ----------------------------------------------------------------------------
    found = {h.part for h in ol.headings}
    part_missing = [pid for pid in _PART_IDS if pid not in found]
    if part_missing:
        names = "、".join(f"“{L.PART_NUMERALS[p]}、{L.PART_TITLES[p]}”" for p in part_missing)
        notes.append(f"未找到以下部分的标题：{names}。")
    order = [h.part for h in ol.headings]
    if order != sorted(order):
        notes.append("各部分标题的顺序与正式格式不一致。")
    if tables.format_version == "unknown" and not tables.found_any:
        notes.append("未找到统计表格。")

    all_text = "\n".join([title, *front, *(t for ts in part_texts.values() for t in ts)])
    source = SourceInfo(
        kind=doc.kind,
        format_version=tables.format_version,
        part_headings=[PartHeading(numeral=h.numeral, title=h.title, offset=h.offset) for h in ol.headings],
        cited_documents=cited_documents(all_text),
        missing=part_missing + missing + tables.missing,
        notes=notes,
    )
    report = Report(
        meta=ReportMeta(agency_name=agency, agency_level=agency_level(agency), report_year=year,
                        publication_date=dates.best(), title=title),
        preamble=join_paragraphs(front),
        part1=part1,
        part5=join_paragraphs(part_texts.get("p5", [])),
        part6=part6,
        source=source,
    )
    for address, value in tables.cells.items():
        set_cell(report, address, value)
    return report
