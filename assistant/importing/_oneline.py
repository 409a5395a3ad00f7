"""A report pasted as one long line (a page copied without its line breaks): the breaks put back.

The line is cut at its title, part headings, sub-part and item titles, and inside parts 二–四 at the
official row labels (in official order) and header lines. A cut turns one whitespace character into
"\\n", so every offset stays valid. A cut never falls on a tab: a tab separates cells of one row.
Where the rows of a table written with spaces cannot be rebuilt with certainty (a row with more or
fewer numbers than columns, words that are no label), the table is left unread: its cells go
missing rather than being read one place off.
"""

from __future__ import annotations

import re
import unicodedata

from assistant.importing._meta import is_title
from assistant.importing._normalize import MARK, NUM, cell_kind, norm
from assistant.importing._outline import _INLINE_HEADING, _INLINE_ITEM, _official_item, heading_of
from schemas import labels as L
from schemas.layout import T3_ROWS

__all__ = ["MIN_LINE", "unfold_long_line"]

MIN_LINE = 1000  # shorter lines are left to the paragraph splitter of the outline
_DROP = frozenset(" \t\u3000\xa0\u200b\ufeff“”\"'‘’「」『』")
_MARKER = re.compile(r"^(?:\([一二三四五六七八九十\d]{1,3}\)|[一二三四五六七八九十\d]{1,2}\.)")
_TOKEN = re.compile(r"\S+")
_T3_HEAD_WORDS = frozenset(norm(x) for x in (
    L.T3_APPLICANT_HEADER, L.T3_LEGAL_PERSON_HEADER, *L.T3_COLUMN_LABELS.values()))
_T3_LEVELS = frozenset(norm(x) for x in (L.T3_APPLICANT_HEADER, L.T3_LEGAL_PERSON_HEADER))
_T4_HEAD_WORDS = frozenset(norm(x) for x in (
    L.T4_REVIEW_HEADER, L.T4_LITIGATION_HEADER, *L.T4_BLOCK_LABELS.values(), *L.T4_COLUMN_LABELS.values()))
_T4_CELLS = len(L.T4_BLOCK_LABELS) * len(L.T4_COLUMN_LABELS)
_TABLE_NAMES = {"p2": "表二", "p3": "表三", "p4": "表四"}

# (label kind, alternatives (key, whole label), numbers the row holds: None for a label without numbers)
Slot = tuple[str, tuple[tuple[str, bool], ...], tuple[int, ...] | None]


def _squeeze(s: str, lo: int = 0, hi: int | None = None) -> tuple[str, list[int]]:
    """``s[lo:hi]`` without whitespace and quotes, half-width, 、 read as "."; with each character's index."""
    out: list[str] = []
    idx: list[int] = []
    for i in range(lo, len(s) if hi is None else hi):
        c = s[i]
        if c in _DROP or c.isspace():
            continue
        n = unicodedata.normalize("NFKC", c)
        if n == "、":
            n = "."
        out.append(n)
        idx.extend([i] * len(n))
    return "".join(out), idx


def _key(label: str) -> str:
    return _squeeze(label)[0]


def _alternatives(label: str) -> tuple[tuple[str, bool], ...]:
    """The label as written officially, its marker and first words ("(二)部分公开" for a label whose note
    is left out: it only has to start a word), and the label without marker."""
    k = _key(label)
    alts = [(k, True)]
    m = _MARKER.match(k)
    if m:
        if len(k) > m.end() + 4:
            alts.append((k[:m.end() + 4], False))
        if len(k) - m.end() >= 4:
            alts.append((k[m.end():], True))
    return tuple(alts)


def _slots() -> dict[str, list[Slot]]:
    t2: list[Slot] = []
    for block, rows in L.T2_BLOCK_ROWS.items():
        t2.append(("head", ((_key(L.T2_BLOCK_TITLES[block]), True),), None))
        t2.append(("head", ((_key(L.T2_CONTENT_HEADER), True),), None))
        width = 3 if block == "art20_1" else 1
        for row in rows:
            alts = _alternatives(L.T2_ROW_LABELS[row])
            if row == "normative_docs":
                alts += ((_key("规范性文件"), True),)
            t2.append(("row", alts, (width,)))
    t3: list[Slot] = [("row", _alternatives(L.T3_ROW_LABELS[p]), (7, 6)) for p in ("new_received", "carried_over")]
    t3.append(("group", _alternatives(L.T3_RESULTS_HEADER), None))
    group = None
    for r in T3_ROWS:
        if r.path[0] in ("new_received", "carried_over"):
            continue
        if r.group is not None and r.group != group:
            t3.append(("group", _alternatives(L.T3_GROUP_LABELS[r.group]), None))
        group = r.group
        t3.append(("row", _alternatives(r.label), (7, 6)))
    return {"p2": t2, "p3": t3}


_SLOTS = _slots()


def _ws_before(line: str, at: int) -> int | None:
    """Where to cut before ``line[at]``: the first whitespace that is not a tab in the run before it."""
    i = at
    while i > 0 and line[i - 1].isspace():
        i -= 1
    for j in range(i, at):
        if line[j] != "\t":
            return j
    return None


def _starts_token(line: str, at: int, lo: int) -> bool:
    return at == lo or line[at - 1].isspace()


def _past_quotes(line: str, end: int, hi: int) -> int:
    while end < hi and line[end] in _DROP and not line[end].isspace():
        end += 1  # a closing quote: "3.危及“三安全一稳定”"
    return end


def _ends_token(line: str, end: int, hi: int) -> bool:
    return end >= hi or line[end].isspace()


def _find_slots(line: str, lo: int, hi: int, slots: list[Slot]) -> list[tuple[int, int, str, tuple[int, ...] | None]]:
    """The slots found in order in ``line[lo:hi]``: (start, end, kind, widths)."""
    sq, idx = _squeeze(line, lo, hi)
    found = []
    at = 0
    for kind, alts, widths in slots:
        for alt, whole in alts:
            k = sq.find(alt, at)
            hit = None
            while k >= 0:
                start, end = idx[k], _past_quotes(line, idx[k + len(alt) - 1] + 1, hi)
                if _starts_token(line, start, lo) and (not whole or _ends_token(line, end, hi)):
                    hit = (start, end)
                    break
                k = sq.find(alt, k + 1)
            if hit is not None:
                found.append((hit[0], hit[1], kind, widths))
                at = k + len(alt)
                break
    return found


def _headings(line: str) -> list[tuple[str, int, int]]:
    """(part, start, end) of the part headings written inside the line, first of each part, in order."""
    out: list[tuple[str, int, int]] = []
    for m in _INLINE_HEADING.finditer(line):
        start = m.start(1)
        if start and not line[start - 1].isspace():
            continue
        h = heading_of(m.group(1))
        if h is None or (out and h[0] <= out[-1][0]):
            continue
        out.append((h[0], start, m.end(1)))
    return out


def _title_end(line: str, first: int) -> int | None:
    for m in re.finditer(r"报告", line[:min(first, 120)]):
        end = m.end()
        if end < len(line) and line[end].isspace() and is_title(line[:end].strip()):
            return end
    return None


def _has_number(text: str) -> bool:
    return any(cell_kind(c) == NUM for c in text.split())


def _numbers(text: str) -> list[str] | None:
    """The cells of a row's text after its label when every one is a number or a blank marker."""
    cells = text.split()
    return cells if all(cell_kind(c) in (NUM, MARK) for c in cells) else None


class _Table:
    """The cuts of one table part, and whether its rows were rebuilt with certainty."""

    def __init__(self, line: str, lo: int, hi: int) -> None:
        self.line, self.lo, self.hi = line, lo, hi
        self.cuts: set[int] = set()
        self.sure = True

    def cut(self, at: int) -> None:
        c = _ws_before(self.line, at)
        if c is not None and c >= self.lo:
            self.cuts.add(c)

    def header_words(self, start: int, end: int, words: frozenset[str], levels: frozenset[str]) -> int:
        """Cut before the header words in ``line[start:end]``; returns where they end. Written with
        spaces, a header of several levels flattened (it names a level: 申请人情况) has no column
        order, so each word goes on a line of its own; a one-level header stays one line."""
        found = []
        for m in _TOKEN.finditer(self.line, start, end):
            if norm(m.group()) not in words:
                break
            found.append(m)
        if not found:
            return start
        spaced = "\t" not in self.line[start:found[-1].end()]
        if not spaced or any(norm(m.group()) in levels for m in found):
            for m in found:
                self.cut(m.start())  # with tabs, only where a space shows the line break
        return found[-1].end()

    def rows(self, found: list[tuple[int, int, str, tuple[int, ...] | None]], notes: list[tuple[int, int]]) -> None:
        """Cut before each label found; check the rows written with spaces."""
        marks = sorted([(s, e, k, w) for s, e, k, w in found] + [(s, e, "note", None) for s, e in notes])
        first = marks[0][0] if marks else self.hi
        if self.line[self.lo:first].strip():  # a header without its note, or something that is no row
            tail = self.header_words(self.lo, first, _T3_HEAD_WORDS, _T3_LEVELS)
            if self.line[tail:first].strip():
                self.sure = False
        widths_seen: set[int] = set()
        for i, (start, end, kind, widths) in enumerate(marks):
            self.cut(start)
            stop = marks[i + 1][0] if i + 1 < len(marks) else self.hi
            if kind == "note":
                tail = self.header_words(end, stop, _T3_HEAD_WORDS, _T3_LEVELS)
                if self.line[tail:stop].strip():
                    self.sure = False
                continue
            body = self.line[end:stop]
            if "\t" in body:
                continue  # cells kept their tabs: the reader places them
            if widths is None:
                if (kind == "group" and body.strip()) or (kind == "head" and _has_number(body)):
                    self.sure = False  # a label without numbers followed by something that is no row
                continue
            cells = _numbers(body)
            if cells is None or len(cells) not in widths:
                self.sure = False
            elif len(widths) > 1:  # table 三, with or without its 总计 column: the same in every row
                widths_seen.add(len(cells))
        if len(widths_seen) > 1:
            self.sure = False  # rows of 7 and rows of 6: a cell lost somewhere
        if not found:
            self.sure = False


def _t3_notes(line: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """(start, end) of each table-三 header note in the range."""
    out = []
    prefix = _key(L.T3_HEADER_NOTE)[1:7]
    sq, idx = _squeeze(line, lo, hi)
    k = sq.find(prefix)
    while k >= 0:
        start = idx[k - 1] if k and sq[k - 1] == "(" else idx[k]
        close = sq.find(")", k)
        end = idx[close] + 1 if close >= 0 else idx[k + len(prefix) - 1] + 1
        out.append((start, end))
        k = sq.find(prefix, k + 1)
    return out


def _table4(t: _Table) -> None:
    line = t.line
    tokens = list(_TOKEN.finditer(line, t.lo, t.hi))
    if not tokens or norm(tokens[0].group()) not in _T4_HEAD_WORDS:
        t.sure = False
        return
    flat = "\t" not in line[t.lo:t.hi]
    end = t.header_words(tokens[0].start(), t.hi, _T4_HEAD_WORDS, _T4_HEAD_WORDS)
    rest = line[end:t.hi]
    if not rest.strip():
        return
    t.cut(end + len(rest) - len(rest.lstrip()))
    cells = _numbers(rest.replace("\t", " ")) if flat else None
    if flat and (cells is None or len(cells) != _T4_CELLS):
        t.sure = False


def _item_cuts(line: str, lo: int, hi: int) -> set[int]:
    """Cuts before the sub-part or item titles of a narrative part: an official title, or the next
    numeral in sequence after a sentence ends ("。 （三）政务公开工作创新情况。")."""
    out: set[int] = set()
    expected = 0
    for m in _INLINE_ITEM.finditer(line, lo, hi):
        at = m.start(1) + len(m.group(1)) - len(m.group(1).lstrip())
        if at <= lo:
            continue
        numeral = m.group(2)
        before = line[lo:at].rstrip()[-1:]
        in_order = expected < len(L.CN_ORDINALS) and numeral == L.CN_ORDINALS[expected] and before in "。；！？"
        if in_order or _official_item(numeral, m.group(3)):
            c = _ws_before(line, at)
            if c is not None:
                out.add(c)
                if numeral in L.CN_ORDINALS:
                    expected = L.CN_ORDINALS.index(numeral) + 1
    return out


def unfold_long_line(line: str) -> tuple[list[int], list[tuple[int, int, str]]] | None:
    """(positions of whitespace to turn into line breaks, unread spans with the table's name) for a
    whole report pasted as one line; None for any other line."""
    heads = _headings(line)
    parts = [h[0] for h in heads]
    if len(heads) < 3 or not any(p in parts for p in _TABLE_NAMES):
        return None
    cuts: set[int] = set()
    unread: list[tuple[int, int, str]] = []
    title_end = _title_end(line, heads[0][1])
    if title_end is not None:
        cuts.add(title_end)
    bounds = [*heads, ("", len(line), len(line))]
    for (pid, start, end), nxt in zip(heads, bounds[1:], strict=False):
        c = _ws_before(line, start)
        if c is not None:
            cuts.add(c)
        if end < len(line) and line[end].isspace():
            cuts.add(end)
        lo, hi = end, nxt[1]
        if pid in _TABLE_NAMES:
            t = _Table(line, lo, hi)
            if pid == "p4":
                _table4(t)
            else:
                t.rows(_find_slots(line, lo, hi, _SLOTS[pid]), _t3_notes(line, lo, hi) if pid == "p3" else [])
            if t.sure:
                cuts |= t.cuts
            else:
                unread.append((lo, hi, _TABLE_NAMES[pid]))
        else:
            cuts |= _item_cuts(line, lo, hi)
    return sorted(c for c in cuts if line[c].isspace() and line[c] != "\t"), unread
