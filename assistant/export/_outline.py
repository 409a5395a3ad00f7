"""The report as an ordered list of blocks: what every export format prints, in which order.

DOCX, HTML and Markdown walk the same outline, so the three cannot drift apart in content or order.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from itertools import combinations, pairwise
from typing import Literal

from schemas import labels as L
from schemas.report import Blank, Report

__all__ = [
    "Block", "Heading", "Para", "RunInItem", "TableRef", "Title",
    "cn_ordinal", "format_cell", "outline", "report_title",
]


@dataclass(frozen=True, slots=True)
class Title:
    text: str


@dataclass(frozen=True, slots=True)
class Heading:
    level: Literal[1, 2]
    text: str
    address: str  # "p1" … "p6" for level 1, "p1.active" … for level 2


@dataclass(frozen=True, slots=True)
class Para:
    text: str
    address: str  # narrative address of the text this paragraph belongs to


@dataclass(frozen=True, slots=True)
class RunInItem:
    """An item of part 六: "（一）title。" in heading type, then the text in body type, one paragraph."""

    head: str
    text: str
    address: str


@dataclass(frozen=True, slots=True)
class TableRef:
    key: Literal["t2", "t3", "t4"]


Block = Title | Heading | Para | RunInItem | TableRef


def cn_ordinal(n: int) -> str:
    """1 → 一, 10 → 十, 11 → 十一, 23 → 二十三 (item numbers of part 六 beyond the usual seven)."""
    if n < 1 or n > 99:
        return str(n)
    tens, ones = divmod(n, 10)
    digits = L.CN_ORDINALS[:9]
    head = "" if tens == 0 else ("十" if tens == 1 else digits[tens - 1] + "十")
    return head + (digits[ones - 1] if ones else "")


def format_cell(value: int | Decimal | Blank) -> str:
    """A cell as printed: integers plainly, amounts without exponent, a Blank as its own marker."""
    if isinstance(value, Blank):
        return value.blank
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


def report_title(report: Report) -> str:
    m = report.meta
    if m.title.strip():
        return m.title.strip()
    year = f"{m.report_year}年" if m.report_year else ""
    return f"{m.agency_name}{year}{L.REPORT_TITLE_SUFFIX}"


# where a title may break: after an administrative division inside the agency's name, after the
# name, after the year, and between the words of the fixed suffix (政府信息公开 | 工作 | 年度报告)
_DIVISIONS = "省市县区州盟旗镇乡"
_SUFFIX_WORDS = (6, 8)


def title_words(report: Report) -> list[str]:
    """The title cut where it may break (the HTML preview joins them with <wbr> and breaks nowhere else)."""
    title = report_title(report)
    cuts = sorted(_title_breaks(report, title))
    return [title[a:b] for a, b in pairwise((0, *cuts, len(title)))]


def _title_breaks(report: Report, title: str) -> set[int]:
    m = report.meta
    agency = m.agency_name if m.agency_name and title.startswith(m.agency_name) else ""
    year = f"{m.report_year}年" if m.report_year and title[len(agency):].startswith(f"{m.report_year}年") else ""
    breaks = {i + 1 for i, ch in enumerate(agency[:-1]) if ch in _DIVISIONS}
    breaks |= {len(agency), len(agency) + len(year)}
    if title.endswith(L.REPORT_TITLE_SUFFIX):
        start = len(title) - len(L.REPORT_TITLE_SUFFIX)
        breaks |= {start, *(start + k for k in _SUFFIX_WORDS)}
    return {b for b in breaks if 0 < b < len(title)}


def title_lines(report: Report, per_line: int) -> list[str]:
    """The title in lines of at most ``per_line`` characters, broken only between words and as
    even as the breaks allow (GB/T 9704-2012 7.3.3: 回行时要做到词意完整，排列对称)."""
    title = report_title(report)
    if len(title) <= per_line:
        return [title]
    breaks = _title_breaks(report, title)
    best: tuple[int, list[str]] | None = None
    for n in range(2, 5):
        for cut in combinations(sorted(breaks), n - 1):
            edges = (0, *cut, len(title))
            lines = [title[a:b] for a, b in pairwise(edges)]
            if max(len(x) for x in lines) <= per_line:
                spread = max(len(x) for x in lines) - min(len(x) for x in lines)
                if best is None or spread < best[0]:
                    best = (spread, lines)
        if best is not None:
            return best[1]
    # no break between words fits: even lines, as a last resort
    n = -(-len(title) // per_line)
    size = -(-len(title) // n)
    return [title[i:i + size] for i in range(0, len(title), size)]


def _paragraphs(text: str, address: str) -> list[Para]:
    # A line break in the model separates paragraphs; blank lines carry nothing.
    return [Para(line.strip(), address) for line in text.splitlines() if line.strip()]


def _part_heading(part: str) -> Heading:
    return Heading(1, f"{L.PART_NUMERALS[part]}、{L.PART_TITLES[part]}", part)


def _item_head(index: int, title: str) -> str:
    title = title.strip()
    end = "" if not title or title[-1] in "。：:；;" else "。"
    return f"（{cn_ordinal(index)}）{title}{end}"


def outline(report: Report) -> list[Block]:
    """Every block of the report in official order."""
    blocks: list[Block] = [Title(report_title(report))]
    blocks += _paragraphs(report.preamble, "preamble")
    blocks.append(_part_heading("p1"))
    for i, (key, title) in enumerate(L.P1_SUBPART_TITLES.items(), start=1):
        blocks.append(Heading(2, f"（{cn_ordinal(i)}）{title}", f"p1.{key}"))
        blocks += _paragraphs(getattr(report.part1, key), f"p1.{key}")
    tables: tuple[tuple[str, Literal["t2", "t3", "t4"]], ...] = (("p2", "t2"), ("p3", "t3"), ("p4", "t4"))
    for part, table in tables:
        blocks += [_part_heading(part), TableRef(table)]
    blocks.append(_part_heading("p5"))
    blocks += _paragraphs(report.part5, "p5")
    blocks.append(_part_heading("p6"))
    for i, item in enumerate(report.part6):
        lines = [line.strip() for line in item.text.splitlines() if line.strip()] or [""]
        blocks.append(RunInItem(_item_head(i + 1, item.title), lines[0], f"p6.{i}"))
        blocks += [Para(line, f"p6.{i}") for line in lines[1:]]
    return blocks
