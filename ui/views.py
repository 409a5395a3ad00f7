"""What the screens show, as HTML, Markdown and grid rows built from a ``Snapshot`` (no Gradio).

The preview is the core's HTML rendering (``render_html_body``: value cells carry ``data-address``)
with two additions: numbers in the narrative that stand for a recorded fact become clickable
(``data-fact``), and the places findings point at are marked.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from assistant.app import AppError, Snapshot, TodoItem, field_label, number_links
from assistant.drafting import PARTS, part_address, part_title
from assistant.export import GateDecision, describe_location, render_html_body
from assistant.storage import DraftInfo
from assistant.validation import blank_summary
from assistant.workflow import MOVES, STATE_LABELS
from schemas import labels as L
from schemas.findings import Finding
from schemas.layout import (
    ALL_CELL_ADDRESSES,
    T2_CELLS,
    T3_COLUMNS,
    T3_ROWS,
    T4_BLOCKS,
    T4_COLUMNS,
    get_text,
    set_text,
)
from schemas.report import Blank

__all__ = [
    "GRIDS",
    "Grid",
    "Triage",
    "chat_messages",
    "conflict_html",
    "diff_html",
    "draft_choices",
    "findings_html",
    "gate_markdown",
    "grid_edits",
    "grid_marks_css",
    "grid_notes",
    "grid_rows",
    "group_of",
    "history_rows",
    "is_blank_cell",
    "is_noop",
    "kept_parts",
    "llm_rows",
    "llm_summary",
    "next_step",
    "part_choices",
    "part_status",
    "preview_html",
    "stale_sentence",
    "status_markdown",
    "todo_html",
    "triage",
    "version_choices",
]

_TAG = re.compile(r"(<[^>]+>)")
# a narrative paragraph: its opening tag, then its content up to the next "</p" (or another paragraph's
# opening, or the end); text holds no "<" (escaped), so each "<" opens a tag
_PARAGRAPH = re.compile(r'<p data-part="([^"]+)"[^>]*>(.*?)(?=</p|<p data-part="|\Z)', re.S)
_SEVERITY = {"error": "错误", "warning": "警告"}


# ---- chat ----------------------------------------------------------------------------------------
def chat_messages(messages: list[dict[str, str]]) -> list[dict[str, str]]:
    """The conversation as the chat shows it: a pasted table keeps its layout, and a line after a
    list starts a new paragraph (Markdown would fold it into the last item)."""
    out = []
    for m in messages:
        text = m["content"]
        if m["role"] == "user" and "\t" in text:
            text = "```text\n" + text.replace("```", "ʼʼʼ") + "\n```"
        elif m["role"] == "assistant":
            lines: list[str] = []
            for line in text.splitlines():
                if lines and lines[-1].lstrip().startswith("- ") and not line.lstrip().startswith("- "):
                    lines.append("")
                lines.append(line)
            text = "\n".join(lines)
        out.append({"role": m["role"], "content": text})
    return out


# ---- grids ----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Grid:
    key: str  # t2 | t3 | t4
    title: str
    headers: list[str]
    labels: list[list[str]]  # the label columns of each row
    addresses: list[list[str]]  # the value cells of each row, left to right
    widths: list[str]  # column widths: labels, values, note

    @property
    def first_value_column(self) -> int:
        return len(self.labels[0])

    @property
    def static_columns(self) -> list[int]:
        return list(range(self.first_value_column))

    def position(self, address: str) -> tuple[int, int] | None:
        for r, row in enumerate(self.addresses):
            if address in row:
                return r, self.first_value_column + row.index(address)
        return None


def _t3_label(row) -> str:
    return f"{row.group_label} {row.label}" if row.group_label else row.label


GRIDS: dict[str, Grid] = {
    "t2": Grid("t2", "表二 主动公开政府信息情况", ["信息内容", "项目", "数值"],
               [[L.T2_ROW_LABELS[c.row], L.T2_COLUMN_LABELS[c.column]] for c in T2_CELLS],
               [[c.address] for c in T2_CELLS], ["30%", "46%", "24%"]),
    "t3": Grid("t3", "表三 收到和处理政府信息公开申请情况", ["项目", *L.T3_COLUMN_LABELS.values()],
               [[_t3_label(r)] for r in T3_ROWS],
               [[f"{r.address}.{c}" for c in T3_COLUMNS] for r in T3_ROWS], ["37%", *["9%"] * 7]),
    "t4": Grid("t4", "表四 政府信息公开行政复议、行政诉讼情况", ["类别", *L.T4_COLUMN_LABELS.values()],
               [[("行政诉讼 · " if b != "review" else "") + L.T4_BLOCK_LABELS[b]] for b in T4_BLOCKS],
               [[f"t4.{b}.{c}" for c in T4_COLUMNS] for b in T4_BLOCKS], ["35%", *["13%"] * 5]),
}


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, Blank):
        return value.blank or "空白"
    return str(value)


_CELLS = frozenset(ALL_CELL_ADDRESSES)


def _cells_of(f: Finding) -> list[str]:
    """The cells a finding is about: its own cell, or the cells of its failed equation."""
    a = f.location.address
    return [a] if a in _CELLS else list(f.location.related)


def _table_findings(snap: Snapshot) -> list[Finding]:
    return [f for f in snap.findings if _cells_of(f) and (f.location.address[:2] in ("t2", "t3", "t4")
                                                           or f.severity == "error")]


def grid_rows(snap: Snapshot, key: str) -> list[list[str]]:
    grid = GRIDS[key]
    cells = snap.facts.cells
    return [[*labels, *(_cell_text(cells.get(a)) for a in addresses)]
            for labels, addresses in zip(grid.labels, grid.addresses)]


def grid_notes(snap: Snapshot) -> dict[str, dict[str, str]]:
    """What each marked grid cell is told on hover: grid → "row-column" → the findings' messages."""
    notes: dict[str, dict[str, list[str]]] = {}
    for f in _table_findings(snap):
        if is_blank_cell(f, snap):
            text = "未填写（按0参与核对）"
        else:
            text = f"{_SEVERITY.get(f.severity, f.severity)}：{f.message}"
        for a in _cells_of(f):
            for grid in GRIDS.values():
                pos = grid.position(a)
                if pos:
                    said = notes.setdefault(grid.key, {}).setdefault(f"{pos[0]}-{pos[1]}", [])
                    if text not in said:
                        said.append(text)
    return {g: {cell: "\n".join(texts) for cell, texts in by_cell.items()} for g, by_cell in notes.items()}


def grid_edits(key: str, rows: list[list[Any]], snap: Snapshot,
               base: list[list[Any]] | None = None) -> tuple[list[tuple[str, Any]], dict[str, str]]:
    """The cells whose text differs from what the grid showed (``base``, the rows as last sent to
    this page; the current draft when unknown): ([(address, typed value)], {address: value shown})."""
    grid = GRIDS[key]
    shown = grid_rows(snap, key)
    if base and len(base) == len(shown) and all(len(b) == len(w) for b, w in zip(base, shown)):
        shown = [[_plain(x) for x in row] for row in base]
    n = grid.first_value_column
    if len(rows) != len(shown) or any(len(row) != len(want) or [str(x) for x in row[:n]] != want[:n]
                                      for row, want in zip(rows, shown)):
        raise AppError("数据表的行和列是固定的，不能增删或修改项目名称；已恢复原表。")
    edits = []
    start = grid.first_value_column
    for r, addresses in enumerate(grid.addresses):
        if r >= len(rows):
            break
        for i, address in enumerate(addresses):
            new = rows[r][start + i] if start + i < len(rows[r]) else ""
            new_text = "" if new is None else str(new).strip()
            if new_text.endswith(".0") and new_text[:-2].isdigit():  # a number cell read back as float
                new_text = new_text[:-2]
            if new_text != shown[r][start + i]:
                edits.append((address, new_text))
    return edits, {a: shown[r][start + i] for r, addresses in enumerate(grid.addresses)
                   for i, a in enumerate(addresses) if any(a == e[0] for e in edits)}


def _plain(x: Any) -> str:
    text = "" if x is None else str(x).strip()
    return text[:-2] if text.endswith(".0") and text[:-2].isdigit() else text


def grid_marks_css(snap: Snapshot) -> str:
    """A <style> marking the grid cells findings point at (red for errors, amber for warnings, grey
    for cells not filled yet), and their messages, which the page's script shows on hover."""
    rules = []
    for f in _table_findings(snap):
        if is_blank_cell(f, snap):
            color = ("#f1f3f5", "#adb5bd")
        else:
            color = ("#fde2e2", "#c62828") if f.severity == "error" else ("#fff4d6", "#b26a00")
        for a in _cells_of(f):
            for grid in GRIDS.values():
                pos = grid.position(a)
                if pos:
                    sel = f'#grid-{grid.key} [data-testid="cell-{pos[0]}-{pos[1]}"]'
                    rules.append(f"{sel}{{background:{color[0]} !important;"
                                 f"box-shadow:inset 0 0 0 2px {color[1]};}} {sel} span{{color:{color[1]};}}")
    notes = html.escape(json.dumps(grid_notes(snap), ensure_ascii=False))
    return f"<style>{''.join(dict.fromkeys(rules))}</style><div id=\"grid-notes\" hidden data-notes=\"{notes}\"></div>"


# ---- preview ----------------------------------------------------------------------------------------
def _link_numbers(body: str, snap: Snapshot) -> str:
    """The figures in the narrative's paragraphs (``<p data-part="…">`` up to the next ``</p``) made
    clickable; the rest of the body (headings, the tables: most of its tags) as it is, unread."""
    out: list[str] = []
    at = 0
    for m in _PARAGRAPH.finditer(body):
        out.append(body[at:m.start(2)])
        _link_paragraph(m.group(2), html.unescape(m.group(1)), snap, out)
        at = m.end(2)
    out.append(body[at:])
    return "".join(out)


def _link_paragraph(content: str, part: str, snap: Snapshot, out: list[str]) -> None:
    for piece in _TAG.split(content):
        if piece.startswith("<") or not piece:  # (a tag within the paragraph: a span)
            out.append(piece)
            continue
        text = html.unescape(piece)
        pos = 0
        for start, end, field in number_links(part, text, snap.facts):
            if _everyday_count(text[start:end], field, snap):
                continue
            out.append(html.escape(text[pos:start], quote=False))
            out.append(f'<span class="num" data-fact="{html.escape(field)}" title="点击查看来源">'
                       f"{html.escape(text[start:end], quote=False)}</span>")
            pos = end
        out.append(html.escape(text[pos:], quote=False))


_DIGITS = frozenset("0123456789０１２３４５６７８９")


def _everyday_count(words: str, field: str, snap: Snapshot) -> bool:
    """"每月检查一次", "两个平台", "组织两次培训": a small count in Chinese numerals that only happens to
    equal some table cell (``number_links`` tries every cell for a number no fact of the part has) is
    an ordinary word, not a figure of the report; the report's own figures are written in digits."""
    if field[:3] not in ("t2.", "t3.", "t4.") or _DIGITS.intersection(words):
        return False
    value = snap.facts.cells.get(field)
    return isinstance(value, int | Decimal) and not isinstance(value, bool) and value <= 10


def _preview_marks(snap: Snapshot) -> str:
    rules = []
    for f in snap.findings:
        error = f.severity == "error"
        a = f.location.address
        if a.startswith(("p1", "p5", "p6", "preamble")):
            rules.append(f'#preview p[data-part="{a}"]{{background:{"#fdecec" if error else "#fff8e1"};'
                         f'box-shadow:-4px 0 0 {"#c62828" if error else "#e0a000"};}}')
        for c in _cells_of(f):
            rules.append(f'#preview td[data-address="{c}"]{{background:{"#fde2e2" if error else "#fff4d6"};}}')
    return f"<style>{''.join(dict.fromkeys(rules))}</style>"


def preview_html(snap: Snapshot, writing: dict[str, str] | None = None) -> str:
    """The report as it stands; ``writing`` (part → its text so far) shows parts being drafted in
    place of their saved text, marked as unsaved."""
    report = snap.assembled.report
    if writing:
        report = report.model_copy(deep=True)
        for part, text in writing.items():
            set_text(report, part_address(part), text + "▍")
    body = _link_numbers(render_html_body(report), snap)
    state = ' data-writing="1"' if writing else ""
    return (f'{_preview_marks(snap)}<div class="preview-page" data-draft="{snap.draft.id}" '
            f'data-revision="{snap.draft.revision}"{state}>{body}</div>')


# ---- findings -------------------------------------------------------------------------------------
# the groups of the 校验 tab, in the report's order; "report" holds the title and the whole document
_GROUPS: dict[str, str] = {**{p: f"{L.PART_NUMERALS[p]}、{L.PART_TITLES[p]}" for p in L.PART_NUMERALS},
                           "report": "标题与全文"}
_TABLE_OF = {"t2": "p2", "t3": "p3", "t4": "p4"}
_TABLE_NAMES = {"t2": "表二", "t3": "表三", "t4": "表四"}
_TABLE_SIZES = {"t2": len(T2_CELLS), "t3": len(T3_ROWS) * len(T3_COLUMNS), "t4": len(T4_BLOCKS) * len(T4_COLUMNS)}


def group_of(address: str) -> str:
    """The part a finding belongs to: p1…p6, or "report" for the title and the whole document."""
    head = address.split(".")[0]
    if head in _TABLE_OF:
        return _TABLE_OF[head]
    if head == "preamble":
        return "p1"
    return head if head in L.PART_NUMERALS else "report"


def unfilled_cells(f: Finding, snap: Snapshot) -> list[str]:
    """The cells nobody has filled yet that a blank-cell finding (one cell, or a row) is about: a step
    still to do, counted per table, not an error per cell. Empty for any other finding."""
    if f.rule != "A4" or f.location.address[:2] not in _TABLE_OF:
        return []
    cells = _cells_of(f)
    return cells if cells and all(snap.facts.cells.get(a) is None for a in cells) else []


def is_blank_cell(f: Finding, snap: Snapshot) -> bool:
    return bool(unfilled_cells(f, snap))


def _is_unwritten(f: Finding, snap: Snapshot) -> bool:
    """About a part or item with no text yet (before drafting): a step still to do, not an error."""
    a = f.location.address
    if f.rule == "F1" and "缺少" in f.message:
        return a in L.PART_NUMERALS
    if group_of(a) in _TABLE_OF.values() or a in ("report", "meta.title"):
        return False
    try:
        return not get_text(snap.assembled.report, a).strip()
    except (KeyError, ValueError, IndexError):
        return False


@dataclass(frozen=True)
class Triage:
    """The findings of a draft split into what is still to fill and what is wrong."""

    blank: dict[str, int]  # table → cells not filled yet
    unwritten: list[str]  # part groups with text still to draft
    problems: list[Finding]  # everything else, errors first

    @property
    def errors(self) -> int:
        return sum(f.severity == "error" for f in self.problems)

    @property
    def warnings(self) -> int:
        return sum(f.severity != "error" for f in self.problems)

    @property
    def complete(self) -> bool:
        return not self.blank and not self.unwritten

    def todo_sentence(self) -> str:
        """"还要填写：表三 12 格、表二 3 格；还要起草：五、六。" or ""."""
        bits = []
        if self.blank:
            bits.append("还要填写：" + "、".join(f"{_TABLE_NAMES[t]} {n} 格" for t, n in self.blank.items()))
        if self.unwritten:
            bits.append("还要起草：" + "、".join(_GROUPS[g].split("、")[0] for g in self.unwritten))
        return "；".join(bits) + ("。" if bits else "")


def triage(snap: Snapshot) -> Triage:
    blank: dict[str, int] = {}
    unwritten: list[str] = []
    problems: list[Finding] = []
    for f in snap.findings:
        if cells := unfilled_cells(f, snap):
            t = f.location.address[:2]
            blank[t] = blank.get(t, 0) + len(cells)
        elif _is_unwritten(f, snap):
            g = group_of(f.location.address)
            if g in _TABLE_OF.values():  # a table with no data: its blank cells say it
                continue
            if g not in unwritten:
                unwritten.append(g)
        else:
            problems.append(f)
    order = list(_GROUPS)
    unwritten.sort(key=order.index)
    blank = {t: blank[t] for t in ("t2", "t3", "t4") if t in blank}
    problems.sort(key=lambda f: (f.severity != "error", order.index(group_of(f.location.address))))
    return Triage(blank, unwritten, problems)


def stale_sentence(snap: Snapshot) -> str:
    """What was said after the narrative was drafted, and what to do about it ("" when nothing)."""
    late = snap.facts_after_drafting
    if not late:
        return ""
    names = list(dict.fromkeys(field_label(f.field) for f in late))
    named = "、".join(names[:4]) + ("等" if len(names) > 4 else "")
    return (f"起草正文之后，又补充或更正了 {len(names)} 项（{named}），正文可能还没写进去。"
            "请再点“起草全部正文”（有人改过或锁定的部分不会被替换），或在正文中自行修改。")


def _snippet(snap: Snapshot, f: Finding) -> str:
    if f.location.span is None:
        return ""
    try:
        text = get_text(snap.assembled.report, f.location.address)
    except KeyError:
        return ""
    s, e = f.location.span
    before, hit, after = text[max(0, s - 12):s], text[s:e], text[e:e + 12]
    return (f'<div class="snippet">……{html.escape(before)}<mark>{html.escape(hit)}</mark>'
            f"{html.escape(after)}……</div>")


def _progress_html(t: Triage) -> str:
    rows = []
    for table, n in t.blank.items():
        size = _TABLE_SIZES[table]
        done = size - n
        rows.append(f'<li data-target="{table}"><span class="what">{_GROUPS[_TABLE_OF[table]]}</span>'
                    f'<span class="bar"><span style="width:{100 * done // size}%"></span></span>'
                    f"<span class=\"count\">{_TABLE_NAMES[table]}已填 {done} 格，还有 <b>{n}</b> 格未填</span></li>")
    for g in t.unwritten:
        rows.append(f'<li data-target="{g}"><span class="what">{_GROUPS[g]}</span>'
                    '<span class="count">正文还没有起草（说完要点后点“起草全部正文”）</span></li>')
    return (f'<div class="progress"><p class="summary">{t.todo_sentence()}'
            "在左边对话里告诉助手即可，也可以在“数据表”中直接填写。空格算作 0 参与核对。</p>"
            f'<ul>{"".join(rows)}</ul></div>')


def findings_html(snap: Snapshot) -> str:
    """The 校验 tab: what is still to fill (per table and part), then the problems grouped by part,
    each in plain words with its rule and address on a details line; a click shows it in the preview."""
    if not snap.findings and not snap.facts_after_drafting:
        return '<div class="findings"><p class="ok">未发现问题：表格和正文通过了全部校验规则。</p></div>'
    t = triage(snap)
    out = ['<div class="findings">']
    stale = stale_sentence(snap)
    if stale:
        out.append(f'<div class="notice info" id="stale"><b>正文待更新</b><span>{html.escape(stale)}</span></div>')
    if not t.complete:
        out.append(_progress_html(t))
    if t.problems:
        head = f"需要改正 {t.errors} 处，需要确认 {t.warnings} 处。" if t.warnings else f"需要改正 {t.errors} 处。"
        if not t.errors:
            head = f"需要确认 {t.warnings} 处。"
        hint = "错误改正后才能提交审核和导出；警告由审核人员确认。" if t.errors else "警告由审核人员在审核时确认。"
        out.append(f'<p class="summary">{head}{hint}点击一条可在“报告预览”中找到它。</p>')
        groups: dict[str, list[Finding]] = {}
        for f in t.problems:
            groups.setdefault(group_of(f.location.address), []).append(f)
        folded = {f: b for b in blank_summary(snap.assembled.report, t.problems) if len(b.rows) >= 3
                  for f in b.findings}
        for g in _GROUPS:
            if g not in groups:
                continue
            items = []
            shown: set = set()
            for f in groups[g]:
                cls = "error" if f.severity == "error" else "warning"
                if f in folded:  # 表三有23行空白: one item, its rows behind a click
                    b = folded[f]
                    if b not in shown:
                        shown.add(b)
                        rows = "".join(f"<li>{html.escape(r)}</li>" for r in b.rows)
                        items.append(
                            f'<li class="{cls}" data-target="{html.escape(f.location.address[:2])}" tabindex="0">'
                            f'<span class="badge {cls}">{_SEVERITY.get(f.severity, f.severity)}</span>'
                            f'<span class="msg">{html.escape(b.sentence())}。应填写数字（没有发生的填0）。</span>'
                            f"<details><summary>逐行查看</summary><ol>{rows}</ol></details>"
                            f'<div class="details">规则 A4</div></li>')
                    continue
                items.append(
                    f'<li class="{cls}" data-target="{html.escape(f.location.address)}" tabindex="0">'
                    f'<span class="badge {cls}">{_SEVERITY.get(f.severity, f.severity)}</span>'
                    f'<span class="msg">{html.escape(f.message)}</span>{_snippet(snap, f)}'
                    f'<div class="details">规则 {html.escape(f.rule)} · {html.escape(describe_location(f))}</div></li>')
            out.append(f'<h4 class="group">{_GROUPS[g]}（{len(items)}）</h4><ol>{"".join(items)}</ol>')
    elif t.complete:
        out.append('<p class="ok">未发现问题：表格和正文通过了全部校验规则。</p>')
    out.append("</div>")
    return "".join(out)


# ---- supervisor ------------------------------------------------------------------------------------
def gate_markdown(snap: Snapshot, decision: GateDecision) -> str:
    lines = [f"**{decision.summary_sentence()}**", ""]
    if decision.errors:
        lines.append("有错误的报告不能审核通过，也不能导出：")
        blank = [f for f in decision.errors if is_blank_cell(f, snap)]
        if blank:
            per = {t: sum(len(unfilled_cells(f, snap)) for f in blank if f.location.address.startswith(t))
                   for t in _TABLE_NAMES}
            lines.append("- 未填写的单元格：" + "、".join(f"{_TABLE_NAMES[t]} {n} 格" for t, n in per.items() if n))
        lines += [f"- {describe_location(f)}：{f.message}（规则 {f.rule}）" for f in decision.errors
                  if not is_blank_cell(f, snap)]
        lines.append("")
    if decision.warnings:
        lines.append("审核通过即表示确认以下警告：")
        lines += [f"- `{w.key}` {describe_location(w.finding)}：{w.finding.message}" for w in decision.warnings]
        lines.append("")
    a = snap.approval
    if snap.draft.status != "final":
        lines.append(f"审核状态：{STATE_LABELS.get(snap.draft.status, snap.draft.status)}"
                     + ("，等待审核定稿。" if snap.draft.status == "review" else "，提交审核并定稿后才能导出。"))
    elif a is None:
        lines.append("审核状态：尚未审核。")
    elif snap.approved:
        lines.append(f"审核状态：**已定稿**，由{a.approved_by}于 {_local(a.approved_at)} 审核定稿，可以导出。")
    else:
        lines.append(f"审核状态：{a.approved_by}审核通过后报告又有修改，需要重新审核。")
    return "\n".join(lines)


# ---- what waits for this user -----------------------------------------------------------------------
_TODO_HEADS = {"returned": "退回给我修改的", "review": "等我审阅修改的（待审核）", "approve": "等我审核定稿的"}


def todo_html(items: list[TodoItem], current: Any, name_of: Callable[[str], str]) -> str:
    """The to-do list under the header: each draft waiting for this user, who sent it and why; the
    one open now is marked. Empty when nothing waits."""
    if not items:
        return ""
    rows = []
    for i in items:
        d = i.draft
        what = f"{d.agency_name or '未命名报告'}{f' {d.report_year}年度' if d.report_year else ''}（编号{d.id}）"
        who = f"，{name_of(i.by)}于 {_local(i.at)} {'退回' if i.kind == 'returned' else '提交'}" if i.at else ""
        why = f"，理由：{html.escape(i.reason)}" if i.reason else ""
        here = " current" if str(d.id) == str(current) else ""
        mark = "（正在查看）" if here else ""
        rows.append(f'<li class="todo-item{here}" data-draft="{d.id}">{html.escape(what)}{who}{why}{mark}</li>')
    heads = {i.kind for i in items}
    head = "、".join(_TODO_HEADS[k] for k in _TODO_HEADS if k in heads)
    return (f'<div class="todo"><b>待办：{head} {len(items)} 份</b>'
            f'<span class="hint">（点一下即可打开）</span><ul>{"".join(rows)}</ul></div>')


# ---- choices and status -------------------------------------------------------------------------------
def draft_choices(drafts: list[DraftInfo], name_of: Callable[[str], str]) -> list[tuple[str, int]]:
    out = []
    for d in drafts:
        what = f"{d.agency_name or '未命名报告'}{f' {d.report_year}年度' if d.report_year else ''}"
        state = STATE_LABELS.get(d.status, d.status)
        out.append((f"{what}（编号{d.id}，{name_of(d.owner)}，{state}）", d.id))
    return out


def part_choices() -> list[tuple[str, str]]:
    return [(("一、总体情况" if p.startswith("p1.") else "六、其他需要报告的事项" if p.startswith("p6.") else "")
             + part_title(p), p) for p in PARTS]


def kept_parts(snap: Snapshot, name_of: Callable[[str], str]) -> list[str]:
    """The parts drafting all leaves as they are: locked, or written or restored by a person."""
    out = []
    for p in PARTS:
        lock = snap.locks.get(p)
        v = snap.narrative.get(p)
        if lock:
            out.append(f"{part_title(p)}（{lock.locked_by}锁定）")
        elif v is not None and v.source in ("manual", "restore") and v.text.strip():
            out.append(f"{part_title(p)}（{name_of(v.author)}改过）")
    return out


def part_status(snap: Snapshot, part: str, name_of: Callable[[str], str]) -> str:
    v = snap.narrative.get(part)
    lines = []
    if v is None:
        lines.append("这一部分还没有起草。")
    else:
        lines.append(f"当前第{v.version}版，{name_of(v.author) or '系统'}于 {v.created_at.astimezone():%Y-%m-%d %H:%M} 保存。")
    lock = snap.locks.get(part)
    if lock:
        lines.append(f"**已锁定**：{lock.locked_by}锁定了这一部分，起草全部正文时跳过这一部分，解锁后才能修改。")
    flags = [f for f in snap.flags if f.location.address == part_address(part)]
    if flags:
        lines.append("需要核实：" + "；".join(f"[{f.rule}] {f.message}" for f in flags))
    return "\n\n".join(lines)


# ---- review, history, model calls ---------------------------------------------------------------------
def status_markdown(snap: Snapshot, transitions: list, name_of: Callable[[str], str]) -> str:
    state = STATE_LABELS.get(snap.draft.status, snap.draft.status)
    line = f"报告状态：**{state}**"
    if transitions:
        t = transitions[-1]
        returned = t.action == "return" and snap.draft.status == "drafting"
        line += (f"（{name_of(t.actor)}于 {_local(t.created_at)} {MOVES[t.action].label}"
                 f"{'：' + html.escape(t.reason) if t.reason and not returned else ''}）")  # (the reason once, below)
        if returned:
            reason = (t.reason or "").strip().rstrip("。.！!；;")
            line += (f"\n\n**退回修改：{name_of(t.actor)}退回了这份报告，理由：{html.escape(reason)}。"
                     "改好后再点“提交审核”。**")
    step = next_step(snap)
    return f"{line}　下一步：{step}" if step else line


def next_step(snap: Snapshot) -> str:
    """What this user does next with the draft, in a few words ("" when nothing is theirs to do)."""
    role, status = snap.user.role, snap.draft.status
    if status == "final":
        return "在“审核与导出”中导出报告。" if role == "supervisor" else ""
    if status == "review":
        return {"supervisor": "审阅后“审核定稿”，或写明理由“退回修改”。",
                "editor": "可以润色正文；审核人员会审核定稿。"}.get(role, "等待审核人员审核。")
    if role == "supervisor":
        return ""
    t = triage(snap)
    if t.blank:
        return "在对话中补齐还缺的内容（见“校验”）。"
    if not any(v.text.strip() for v in snap.narrative.values()):
        return "点“起草全部正文”。"
    if snap.facts_after_drafting:
        return "再点“起草全部正文”，把新说的内容写进正文。"
    if t.errors:
        return f"改正“校验”中的 {t.errors} 处错误，然后“提交审核”。"
    return "核对“报告预览”中的全文，无误后点“提交审核”。"


def _local(t) -> str:
    if t.tzinfo is None:
        t = t.replace(tzinfo=dt.UTC)
    return t.astimezone().strftime("%Y-%m-%d %H:%M")


def diff_html(segments: list[tuple[str, str]]) -> str:
    """A narrative diff: removed text struck through in red, added text underlined in green."""
    if not segments:
        return '<div class="diff empty">两个版本都是空的。</div>'
    if all(op == "=" for op, _ in segments):
        return f'<div class="diff same"><p>两个版本内容相同。</p><div>{html.escape("".join(t for _, t in segments))}</div></div>'
    out = []
    for op, text in segments:
        text = html.escape(text).replace("\n", "<br>")
        out.append(text if op == "=" else f"<del>{text}</del>" if op == "-" else f"<ins>{text}</ins>")
    return f'<div class="diff">{"".join(out)}</div>'


def conflict_html(mine: str, theirs: str, who: str, version: int) -> str:
    """Two versions of a part side by side after a refused save (nothing was overwritten)."""
    def col(title: str, text: str) -> str:
        return (f'<div class="side"><h4>{html.escape(title)}</h4>'
                f'<div class="text">{html.escape(text).replace(chr(10), "<br>")}</div></div>')
    return (f'<div class="conflict" data-conflict="1"><p><b>保存被拒绝：</b>这一部分已被{html.escape(who)}修改。'
            '下面左边是您的修改（仍在编辑框中，没有丢失），右边是现在保存的版本；合并后再点“保存修改”即可。</p>'
            f'<div class="sides">{col("您的修改（未保存）", mine)}{col(f"当前版本（第{version}版，{who}）", theirs)}</div></div>')


def version_choices(versions: list) -> list[tuple[str, int]]:
    return [(f"第{v.version}版（{_local(v.created_at)}）", v.version) for v in reversed(versions)]


# the call log's words (ui shows Chinese; the log keeps its codes for programs)
_OUTCOME_WORDS = {
    "ok": "成功", "cancelled": "已停止", "timeout": "超时", "connection_error": "连不上", "rate_limited": "请求过多",
    "server_error": "服务出错", "auth_error": "密钥无效", "insufficient_balance": "余额不足", "request_error": "请求有误",
    "context_too_long": "内容过长", "truncated": "被截断", "filtered": "被过滤", "refused": "拒绝回答", "empty": "空回复",
    "invalid": "回答不合格式", "unsupported": "离线引擎不支持", "unavailable": "服务不可用", "config_error": "配置有误",
    "error": "出错",
}
_TASK_WORDS = {"extract": "读取消息", "draft": "起草", "repair": "修正", "revise": "重写"}


def is_noop(record: Any) -> bool:
    """A change record entry that changes nothing: a narrative version with the text of the one before
    (drafting all saves every part, changed or not), a value set to what it was. A change of state
    (pending, cleared: before or after None) is not one."""
    if record.kind == "state":
        return False
    if record.kind == "narrative":
        return record.before is not None and record.before == record.after
    return record.before is not None and record.after is not None and record.before == record.after


def history_rows(records: list, rows: list[list[str]]) -> list[list[str]]:
    """The rows of 历史 (``AppService.history``: one per entry of ``records``, newest first) without
    the entries that change nothing. Rows and records that do not pair up (a write came in between
    the two reads) are shown as they are."""
    if len(records) != len(rows):
        return rows
    return [row for record, row in zip(reversed(records), rows) if not is_noop(record)]


def _task_words(task: str) -> str:
    kind, _, part = task.partition(".")
    what = _TASK_WORDS.get(kind, kind)
    if not part:
        return what
    try:
        return f"{what}：{part_title(part)}"
    except (KeyError, ValueError):
        return f"{what}：{part}"


def _engine_words(row: dict) -> str:
    return "离线引擎（规则和模板）" if row["engine"] == "offline" else f"{row['model']}"


def llm_summary(rows: list[dict]) -> str:
    if not rows:
        return "这份报告还没有模型调用记录。"
    tin = sum(r.get("input_tokens") or 0 for r in rows)
    tout = sum(r.get("output_tokens") or 0 for r in rows)
    ms = sum(r.get("latency_ms") or 0 for r in rows)
    failed = sum(r.get("outcome") != "ok" for r in rows)
    engines = "、".join(sorted({_engine_words(r) for r in rows}))
    if all(r["engine"] == "offline" for r in rows):  # no model configured: the offline engine did the work
        return (f"没有配置大模型，这份报告由离线引擎（规则和模板）处理，共 **{len(rows)}** 步，合计用时 "
                f"{sum(r.get('latency_ms') or 0 for r in rows) / 1000:.1f} 秒，没有费用。")
    priced = [r for r in rows if r.get("cost") is not None]
    cost = ""
    if priced:
        sources = "；".join(sorted({r["price_source"] for r in priced}))
        cost = f"按价格估算费用约 **{priced[0]['currency']}{sum(r['cost'] for r in priced):.4f}**（价格来源：{sources}）。"
    elif any(r["engine"] != "offline" for r in rows):
        cost = "没有这个模型的价格，未估算费用（可设置 REPORT_LLM_PRICE_INPUT 和 REPORT_LLM_PRICE_OUTPUT）。"
    return (f"共调用模型 **{len(rows)}** 次（{engines}），输入 {tin} 个词元、输出 {tout} 个词元，"
            f"合计用时 {ms / 1000:.1f} 秒" + (f"，其中 {failed} 次未成功" if failed else "") + "。" + cost)


def llm_rows(rows: list[dict]) -> list[list[str]]:
    return [[str(r["ts"])[:19].replace("T", " "), _task_words(r["task"]), r.get("username") or "", _engine_words(r),
             str(r.get("input_tokens") or 0), str(r.get("output_tokens") or 0), str(r["latency_ms"]),
             _OUTCOME_WORDS.get(r["outcome"], r["outcome"]),
             f"{r.get('currency', '')}{r['cost']:.5f}" if r.get("cost") is not None else ""]
            for r in reversed(rows)]


def drafting_text(written: dict[str, str]) -> str:
    """The chat message while parts are being written: each part's title and its text so far."""
    if not written:
        return ""
    blocks = [f"**{part_title(p)}**\n\n{text}" for p, text in written.items() if text.strip()]
    return "正在起草（可点“停止起草”；已写好的部分会保存）：\n\n" + "\n\n".join(blocks) if blocks else ""
