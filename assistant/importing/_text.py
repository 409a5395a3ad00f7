"""Plain text (as copied from a web page) → the neutral form.

A line with tabs is a table row; consecutive rows form a table even across blank lines (a page
break). A short line without tabs that touches a table row is a piece of a split row. Markdown
pipe tables, headings and bold marks are accepted as well.
"""

from __future__ import annotations

import re
from typing import cast

from assistant.importing._blocks import Document, Paragraph, Table
from assistant.importing._meta import is_metadata_line, is_page_chrome, is_title, without_chrome
from assistant.importing._normalize import MARK, NUM, cell_kind
from assistant.importing._oneline import MIN_LINE, unfold_long_line
from assistant.importing._outline import heading_of, is_narrative

__all__ = ["table_cells", "text_document"]

_EOL = "\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_PIPE_RULE = re.compile(r"\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?")
_MAX_FRAGMENT = 60

_BLANK, _ROW, _TEXT, _UNREAD = 0, 1, 2, 3
_ROW_END = " \t|｜\u3000"
_BOX_CHARS = re.compile(r"[\u2500-\u257f]")
_BOX_RULE = re.compile(r"[\u2500-\u257f \u3000]+")
_BOX_BARS = str.maketrans({"│": "|", "┃": "|", "║": "|", "┆": "|", "┊": "|"})


def table_cells(line: str, *, loose: bool = False) -> list[str] | None:
    """The cells of a table row written as text: tab-separated, or a Markdown row with its outer
    pipes (``loose``, for chat messages: "a | b | c" without them too). None for a line that is no
    row; [] for a Markdown rule line (| --- |), which is part of a table but holds nothing. A table drawn
    with box-drawing characters (┌─┬─┐ / │a│b│, as system exports print them) reads as a pipe table."""
    if _BOX_CHARS.search(line):
        if _BOX_RULE.fullmatch(line.strip()):
            return []
        line = line.translate(_BOX_BARS)
    if loose and "｜" in line and "|" not in line:  # (a phone's full-width bar between the fields of a chat's table)
        line = line.replace("｜", "|")
    s = line.strip()
    if "\t" in line:
        cells = [c.strip() for c in line.split("\t")]
    elif len(s) > 2 and s[0] == "|" and s[-1] == "|" and s.count("|") >= 3:
        cells = [c.strip() for c in s[1:-1].split("|")]
    elif len(s) > 2 and s[-1] == "|" and s.count("|") >= 2:
        cells = [c.strip() for c in s[:-1].split("|")]  # "a | b | c |": a page-to-text tool's row
    elif loose and s.count("|") >= 2:
        cells = [c.strip() for c in s.strip("|").split("|")]
    elif loose and (spaced := _spaced_cells(s)) is not None:
        cells = spaced
    elif not loose and "|" in s and (bare := _bare_pipe_cells(s)) is not None:
        cells = bare
    else:
        return None
    return [] if _PIPE_RULE.fullmatch(s) else cells


def _bare_pipe_cells(s: str) -> list[str] | None:
    """"a|b|c", "行政许可|152", "|||结果维持|…": pipes between cells but not around them, in any
    spacing. The pipes split cells as tabs do; a sentence, a title or page chrome that holds a pipe
    is text ("…报告 | 某某网站"), unless it also has cells that are numbers."""
    if "|" not in s.strip("|"):
        return None  # only a border at an end: "…报告 |" is residue, not a row
    cells = [c.strip() for c in s.split("|")]
    if any(cell_kind(c) in (NUM, MARK) for c in cells):
        return cells
    if is_page_chrome(s) or any(is_narrative(c) or is_title(c) for c in cells):
        return None
    return cells


_SPACE_RUN = re.compile(r"[ \u3000]{2,}")
_SPACED_ROW = re.compile(r"^(?P<label>(?:[\d０-９]{1,2}[.．、])?[^\s\d０-９].*?|[1-8１-８][.．、])(?:[:：][ \u3000]*|[ \u3000]+)(?P<values>(?:[\d０-９][\d０-９,，]*|[/—\-－])"
                         r"(?:[ \u3000]+(?:[\d０-９][\d０-９,，]*|[/—\-－]))+)$")


_NUMBERS_ONLY = re.compile(r"(?:[\d０-９][\d０-９,，]*[ \u3000]+){4,}[\d０-９][\d０-９,，]*")


_SLASHED_ROW = re.compile(r"^(?P<label>[^\s\d０-９/][^\d０-９/]*?)[:：\s]*(?P<values>[\d０-９]+(?:\s*[/／]\s*[\d０-９]+){5,6})$")


def _spaced_cells(s: str) -> list[str] | None:
    """A row copied with spaces for tabs (chat only): runs of two or more spaces between cells, or a
    label followed by numbers that single spaces separate ("规章 3 1 57"), or the applicants' six
    numbers written with slashes ("新收 8/3/1/0/0/0")."""
    if m := _SLASHED_ROW.match(s):
        return [m.group("label").strip(), *re.split(r"\s*[/／]\s*", m.group("values"))]
    if m := _SPACED_ROW.match(s):
        return [m.group("label").strip(), *m.group("values").split()]
    if _NUMBERS_ONLY.fullmatch(s):  # "19 3 5 4 31 6 1 …": a data row copied from a PDF, single spaces
        return s.split()
    parts = [c.strip() for c in _SPACE_RUN.split(s)]
    if len(parts) >= 3 and sum(bool(re.fullmatch(r"[\d０-９][\d０-９,，]*|[/—\-－]", c)) for c in parts) >= 2:
        return parts
    if len(parts) >= 4:  # a header row: 自然人   商业企业   科研机构 …
        return parts
    return None


def _fragment(text: str) -> bool:
    """A short line that can be a piece of a table row (not a heading, a title, page metadata or a sentence)."""
    return (len(text) <= _MAX_FRAGMENT and not text.endswith("。") and heading_of(text) is None
            and not is_title(text) and not is_metadata_line(text))


def _page_text(filled: list[str]) -> bool:
    """A line split like a row (``filled``: its non-empty cells) that is text of the page: the title or
    a paragraph set off by a tab, or page metadata laid out in cells ("索引号：…<tab>主题分类：…")."""
    if len(filled) == 1:
        c = filled[0].rstrip("|｜ \u3000")  # a cell border after the title is residue
        return ("报告" in c and is_title(c)) or is_metadata_line(c) or is_narrative(c) or heading_of(c) is not None
    return is_metadata_line(filled[0]) and all(is_metadata_line(c) or is_page_chrome(c) for c in filled[1:])


def _unfold(text: str) -> tuple[str, list[tuple[int, int]], list[str]]:
    """A report pasted as one long line with its line breaks put back (same length, same offsets), the
    spans of tables whose rows cannot be rebuilt, and notes saying so."""
    chars: list[str] | None = None
    spans: list[tuple[int, int]] = []
    notes: list[str] = []
    off = 0
    for raw in text.splitlines(keepends=True):
        if len(raw) >= MIN_LINE and (found := unfold_long_line(raw.rstrip(_EOL))) is not None:
            cuts, unread = found
            chars = chars if chars is not None else list(text)
            for c in cuts:
                chars[off + c] = "\n"
            for lo, hi, name in unread:
                spans.append((off + lo, off + hi))
                notes.append(f"整篇报告粘贴成了一行，{name}各行的数字无法可靠地分开，{name}未读入。")
        off += len(raw)
    return ("".join(chars) if chars is not None else text), spans, notes


def text_document(text: str) -> Document:
    lines: list[tuple[int, int, list[str] | str | None]] = []  # (kind, offset, cells or text)
    spans: list[tuple[int, int]] = []
    notes: list[str] = []
    if len(text) >= MIN_LINE:
        text, spans, notes = _unfold(text)
    off = 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip(_EOL)
        start, off = off, off + len(raw)
        if spans and any(lo <= start < hi for lo, hi in spans):
            if s := body.strip():
                lines.append((_UNREAD, start + len(body) - len(body.lstrip()), s))
            continue
        cells = table_cells(body)
        if cells is None:
            if "。" not in body:  # page controls are layout: "…报告 【字体：大 中 小】"; a sentence has none
                body = without_chrome(body)
        elif cells and not (body.rstrip(_ROW_END)[-1:].isdigit() and "：" not in body and ":" not in body):
            # (a line ending in a number without a field's colon is a data row: the common case, told cheaply)
            filled = [c for c in cells if c]
            # a header of many cells is no page text; page metadata opens with a field and its colon
            if len(filled) <= 2 or "：" in filled[0] or ":" in filled[0]:
                bare = without_chrome(body)
                if bare is not body:
                    body, cells = bare, table_cells(bare)
                    filled = [c for c in cells or () if c]
                if filled and _page_text(filled):
                    cells = None
        if cells is not None:
            if cells:
                lines.append((_ROW, start, cells))
            continue
        s = body.strip()
        if not s:
            lines.append((_BLANK, start, None))
            continue
        lead = len(body) - len(body.lstrip())
        if s[0] == "#":  # markdown heading
            stripped = s.lstrip("#").lstrip()
            lead += len(s) - len(stripped)
            s = stripped
        if "**" in s:
            s = s.replace("**", "")
        if s[-1] in "|｜":  # "…报告 |", "0 |": the cell border of a page copied as text
            s = s.rstrip("|｜ \t\u3000")
        if s:
            lines.append((_TEXT, start + lead, s))

    blocks: list[Paragraph | Table] = []
    table: Table | None = None
    n = len(lines)
    for i, (kind, offset, content) in enumerate(lines):
        if kind == _UNREAD:
            table = None
            blocks.append(Paragraph(cast(str, content), offset, unread=True))
        elif kind == _ROW:
            if table is None:
                table = Table(rows=[], offset=offset)
                blocks.append(table)
            table.rows.append(cast(list[str], content))  # a _ROW line holds cells
        elif kind == _BLANK:
            if table is not None:
                j = i + 1
                while j < n and lines[j][0] == _BLANK:
                    j += 1
                if j >= n or lines[j][0] != _ROW:
                    table = None
        else:
            text_ = cast(str, content)  # a _TEXT line holds text
            prev_row = i > 0 and lines[i - 1][0] == _ROW
            next_row = i + 1 < n and lines[i + 1][0] == _ROW
            if (prev_row or next_row) and _fragment(text_):
                if table is None:
                    table = Table(rows=[], offset=offset)
                    blocks.append(table)
                table.rows.append([text_])
            else:
                table = None
                blocks.append(Paragraph(text_, offset))
    return Document(kind="text", blocks=blocks, notes=notes, cut_at_end=bool(text) and text[-1] not in _EOL)
