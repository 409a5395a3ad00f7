"""The narrative skeleton of a report: title, part headings, sub-parts and items, from paragraphs."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from typing import cast

from assistant.importing._blocks import Document, Paragraph, Table
from assistant.importing._meta import (
    is_metadata_line,
    is_page_chrome,
    is_title,
    metadata_title,
    title_from_page_title,
    without_chrome,
    year_of,
)
from assistant.importing._normalize import bigrams, ends_sentence, norm, similarity
from schemas import labels as L
from schemas.report import P6Key

__all__ = [
    "Heading", "Item", "Outline", "heading_of", "is_narrative", "join_paragraphs", "match_p1_subpart", "match_p6_item", "outline",
    "split_items",
]

_TABLE_PARTS = frozenset(("p2", "p3", "p4"))
_HEADING = re.compile(r"([一二三四五六七八九十]{1,2})\s*[、.．,，]\s*(\S.{0,38}?)\s*[:：。]?")
_PART_BIGRAMS = {pid: bigrams(title) for pid, title in L.PART_TITLES.items()}
_P1_BIGRAMS = {key: bigrams(title) for key, title in L.P1_SUBPART_TITLES.items()}
_P6_BIGRAMS = {key: bigrams(title) for key, title in L.P6_ITEM_TITLES.items()}
_P6_EXACT = {norm(title): key for key, title in L.P6_ITEM_TITLES.items()}
# Topic words of the five sub-parts of part 一, for titles worded far from the official ones.
_P1_TOPICS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("on_request", ("依申请",)), ("active", ("主动公开",)), ("platform", ("平台",)),
    ("management", ("管理",)), ("oversight", ("监督", "保障", "考核")),
)
_P1_BY_NUMERAL = dict(zip(L.CN_ORDINALS, L.P1_SUBPART_TITLES))

_NO_NUMERAL = re.compile(r"[、.．]\s*(\S.{1,38}?(?:情况|事项))\s*[:：。]?")
_PART_OF_TITLE = {norm(t): pid for pid, t in L.PART_TITLES.items()}
_PARENTHESISED = re.compile(r"[（(][^（）()]*(?:[）)]|$)")
_PROSE_MARK = re.compile(r"[，。；！？]")
_CJK = re.compile(r"[\u4e00-\u9fff]")
# a part heading inside a line: at its start, or after a sentence ends
_INLINE_HEADING = re.compile(r"(?:^|(?<=[。；！？\s]))\s*([一二三四五六七八九十]{1,2}\s*[、.．]\s*\S{2,30}?(?:情况|事项))(?=[\s:：。，]|$)")
_INLINE_ITEM = re.compile(r"(?:^|(?<=[。；！？\s]))(\s*[（(]\s*([一二三四五六七八九十]{1,2})\s*[)）])(?=(.{2,60}))")
_CN_DIGITS = frozenset("一二三四五六七八九十")
_INLINE_ANY = re.compile(r"[。；！？\s]\s*(?:[（(]\s*[一二三四五六七八九十]{1,2}\s*[)）]|[一二三四五六七八九十]{1,2}\s*[、.．])")
_MARKER = re.compile(
    r"\s*(?:[（(]\s*([一二三四五六七八九十]{1,3})\s*[)）]|([一二三四五六七八九十]{1,3})\s*、|(\d{1,2})\s*[.、．](?!\d))\s*")
_TITLE_END = re.compile(r"(.{2,30}?(?:情况|事项))")
_SPACE_AFTER_TITLE = re.compile(r"\s*(\S{4,30}?(?:情况|事项))[\s\u3000]+(?=\S)")


@dataclass(slots=True)
class Heading:
    part: str  # p1 … p6
    numeral: str  # as written
    title: str  # as written, without the numeral
    offset: int
    index: int  # block index


@dataclass(slots=True)
class Item:
    """A sub-part of part 一 or an item of part 六: （一）title。text"""

    numeral: str
    title: str
    paragraphs: list[str]
    parenthesised: bool


@dataclass
class Outline:
    title: str = ""
    title_index: int = -1
    headings: list[Heading] = field(default_factory=list)
    before_title: list[Paragraph] = field(default_factory=list)  # page furniture above the title
    front: list[Paragraph] = field(default_factory=list)  # after the title, before the first heading
    parts: dict[str, list[Paragraph]] = field(default_factory=dict)
    tables: list[tuple[Table, str | None]] = field(default_factory=list)  # with the part they sit in
    last_part: str | None = None
    notes: list[str] = field(default_factory=list)  # in Chinese, for the report's source notes


def heading_of(text: str) -> tuple[str, str, str] | None:
    """(part id, numeral, title) when ``text`` is one of the six part headings, in any usual wording.
    A heading whose numeral the copy lost ("、主动公开政府信息情况") has numeral ""."""
    if len(text) > 45:
        return None
    m = _HEADING.fullmatch(text)
    if not m:
        # without a numeral: the official title alone, or a title close to it after the 、 that
        # followed the lost numeral
        pid = _PART_OF_TITLE.get(norm(text).rstrip(":：。"))
        if pid is not None:
            return pid, "", text.strip().rstrip(":：。")
        m = _NO_NUMERAL.fullmatch(text)
        if not m:
            return None
        title = m.group(1)
        score, pid = max((similarity(bigrams(title), b), p) for p, b in _PART_BIGRAMS.items())
        return (pid, "", title) if score >= 0.7 else None
    numeral, title = m.group(1), m.group(2)
    bg = bigrams(title)
    score, pid = max((similarity(bg, b), p) for p, b in _PART_BIGRAMS.items())
    if score >= 0.5 or (score >= 0.3 and L.PART_NUMERALS[pid] == numeral):
        return pid, numeral, title
    return None


def is_narrative(text: str) -> bool:
    """A sentence of prose ("2023年，本局…开展，"), as opposed to a table row or label written as text:
    it has sentence punctuation outside parentheses (labels keep theirs inside: "（区分处理的，…）")."""
    bare = _PARENTHESISED.sub("", text)
    return bool(_PROSE_MARK.search(bare)) and len(_CJK.findall(bare)) >= 6


def _unfold(p: Paragraph) -> list[Paragraph]:
    """A body collapsed into one line by a page copy: split it before the part headings and the
    sub-part or item titles written inside it."""
    text = p.text
    if len(text) < 20 or (text[0] not in _CN_DIGITS and not _INLINE_ANY.search(text)):
        return [p]  # the common case, found with one scan: no heading or item inside the line
    cuts = {m.start(1) for m in _INLINE_HEADING.finditer(text)
            if (m.start(1) > 0 or m.end() < len(text)) and heading_of(m.group(1)) is not None}
    subs = [m for m in _INLINE_ITEM.finditer(text) if m.start(1) > 0]
    if not cuts and len(subs) < 2:
        return [p]  # the common case: nothing written inside the line
    subs = [m for m in subs if _official_item(m.group(2), m.group(3))]
    if cuts or len(subs) >= 2:
        cuts |= {m.start(1) for m in subs}
    cuts.discard(0)
    if not cuts:
        return [p]
    out: list[Paragraph] = []
    bounds = [0, *sorted(cuts), len(text)]
    for a, b in itertools.pairwise(bounds):
        piece = text[a:b]
        head = _INLINE_HEADING.match(piece)
        if head is not None and heading_of(head.group(1)) is not None and head.end() < len(piece):
            out.append(Paragraph(head.group(1), p.offset + a + head.start(1)))
            rest = piece[head.end():]
            a, piece = a + head.end() + len(rest) - len(rest.lstrip()), rest.strip(" \u3000：:")
        piece = piece.strip()
        if piece:
            out.append(Paragraph(piece, p.offset + a))
    return out


def _official_item(numeral: str, rest: str) -> bool:
    """（二）依申请公开情况: a sub-part of part 一 or an item of part 六 under its official title."""
    title, _ = _split_title(rest)
    if not title:
        return False
    if match_p6_item(title) is not None:
        return True
    score = max(similarity(bigrams(title), b) for b in _P1_BIGRAMS.values())
    return score >= 0.4


def _find_title(blocks: list, first_heading: int) -> tuple[str, int]:
    field = ""  # the page's 标题 field, for a body that has no title line of its own
    for i in range(first_heading):
        b = blocks[i]
        if not isinstance(b, Paragraph):
            continue
        text = without_chrome(b.text)  # "…报告 【字体：大 中 小】" in a page's title line
        if text is not b.text:
            text = text.strip().rstrip("|｜ \u3000")
        if is_metadata_line(text):
            field = field or metadata_title(text)
            continue
        if is_title(text):
            title = text
            prev = blocks[i - 1] if i else None
            # broken anywhere else ("…2023年度政府" / "信息公开工作年度报告"): the year is on the first line
            if (isinstance(prev, Paragraph) and len(prev.text) <= 40 and not ends_sentence(prev.text)
                    and year_of(title) is None and year_of(prev.text) is not None
                    and not is_metadata_line(prev.text) and not is_title(prev.text)):
                return prev.text.strip() + title, i
            # a title set on two lines: the agency on the first, "2023年…报告" on the second
            if (isinstance(prev, Paragraph) and len(prev.text) <= 40 and not ends_sentence(prev.text)
                    and (title[:1].isdigit() or title.startswith(("关于", "二〇", "二零")))
                    and not any(ch.isdigit() for ch in prev.text) and not is_metadata_line(prev.text)
                    and not is_page_chrome(prev.text)):
                return prev.text + title, i
            # broken after the year: "烟台市机关事务管理局2023年" / "政府信息公开工作年度报告"
            if (isinstance(prev, Paragraph) and len(prev.text.strip()) <= 40
                    and re.search(r"\d{4}\s*年$", prev.text.strip()) and title.startswith(("政府信息公开", "政务公开"))):
                return prev.text.strip() + title, i
            return title, i
    return field, -1


def outline(doc: Document) -> Outline:
    blocks: list[Paragraph | Table] = []
    for b in doc.blocks:
        if isinstance(b, Paragraph):
            blocks.extend(_unfold(b))
        else:
            blocks.append(b)
    out = Outline()
    heads: list[Heading] = []
    for i, b in enumerate(blocks):
        if isinstance(b, Paragraph):
            h = heading_of(b.text)
            if h is not None:
                numeral = h[1]
                if not numeral:  # the copy dropped it: the title says which part this is
                    numeral = L.PART_NUMERALS[h[0]]
                    out.notes.append(f"“{b.text}”缺少序号，已按标题读作“{numeral}、{L.PART_TITLES[h[0]]}”。")
                heads.append(Heading(h[0], numeral, h[2], b.offset, i))
    out.headings = heads
    first = heads[0].index if heads else len(blocks)
    out.title, out.title_index = _find_title(blocks, first)
    if not out.title and doc.title_hint:
        out.title = title_from_page_title(doc.title_hint)

    head_at = {h.index: h for h in heads}
    part: str | None = None
    last = len(blocks) - 1
    for i, b in enumerate(blocks):
        if i in head_at:
            part = head_at[i].part
            out.parts.setdefault(part, [])
            continue
        if isinstance(b, Paragraph) and part in _TABLE_PARTS and not b.unread and not is_narrative(b.text):
            # under 二/三/四 a paragraph is table content too: a row whose cells are separated by
            # spaces (text taken from a PDF), or one cell per line (some web copies); a sentence
            # ("2023年，本局…") is not, whatever it starts with
            cells = [c.strip() for c in b.text.split("\t")] if "\t" in b.text else b.text.split()
            b = Table(rows=[cells], offset=b.offset)
        if isinstance(b, Table):
            if i == last and doc.cut_at_end:
                b.cut_last_row = True
            out.tables.append((b, part))
        elif part is None:
            (out.front if i > out.title_index else out.before_title).append(b)
        else:
            out.parts[part].append(b)
    out.last_part = part
    return out


def join_paragraphs(texts: list[str]) -> str:
    """One part's text: paragraphs joined by "\\n", except where a page break cut a sentence."""
    out = ""
    for t in texts:
        if not out:
            out = t
        elif ends_sentence(out):
            out += "\n" + t
        else:
            out += t
    return out


def _split_title(rest: str) -> tuple[str, str]:
    """"主动公开情况。本机关…" → ("主动公开情况", "本机关…")."""
    for i, ch in enumerate(rest[:60]):
        if ch in "。：:":
            head = rest[:i]
            if len(head) <= 40 and "，" not in head and "," not in head:
                m = _SPACE_AFTER_TITLE.match(head)
                if m:  # "依申请公开情况 本年度未收到申请。": the title ends at the space
                    return m.group(1), rest[m.end():].strip()
                return head.strip(), rest[i + 1:].strip()
            break
    if len(rest) <= 40 and not ends_sentence(rest):
        return rest.strip(), ""
    m = _TITLE_END.match(rest)
    if m:
        return m.group(1).strip(), rest[m.end():].lstrip("。：:， ").strip()
    return "", rest.strip()


def split_items(paragraphs: list[str], accepts) -> tuple[list[str], list[Item]]:
    """(paragraphs before the first item, items). A paragraph starting with （一） always opens an item;
    other markers (一、 1.) only when ``accepts(title)`` says the title is a known one."""
    intro: list[str] = []
    items: list[Item] = []
    for text in paragraphs:
        m = _MARKER.match(text)
        if m:
            title, body = _split_title(text[m.end():])
            parenthesised = m.group(1) is not None
            if title and (parenthesised or accepts(title)):
                numeral = m.group(1) or m.group(2) or m.group(3)
                items.append(Item(numeral, title, [body] if body else [], parenthesised))
                continue
        (items[-1].paragraphs if items else intro).append(text)
    return intro, items


def match_p1_subpart(item: Item) -> str | None:
    bg = bigrams(item.title)
    score, key = max((similarity(bg, b), k) for k, b in _P1_BIGRAMS.items())
    if score >= 0.4:
        return key
    for key, words in _P1_TOPICS:
        if any(w in item.title for w in words):
            return key
    if item.parenthesised:
        return _P1_BY_NUMERAL.get(item.numeral)
    return None


def match_p6_item(title: str) -> P6Key | None:
    key = _P6_EXACT.get(norm(title))
    if key is not None:
        return cast(P6Key, key)  # the keys of P6_ITEM_TITLES are the P6Key values
    bg = bigrams(title)
    score, key = max((similarity(bg, b), k) for k, b in _P6_BIGRAMS.items())
    return cast(P6Key, key) if score >= 0.6 else None
