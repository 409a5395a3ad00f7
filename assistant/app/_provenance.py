"""Where a number came from: the chat turn and the user's words, the imported report, a derivation
(with its sum written out), or a hand edit and who made it. Also finds, in a narrative paragraph,
the numbers that stand for a recorded fact, so the preview can make them clickable."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any

from assistant.drafting import PARTS, part_address
from assistant.numbers import find_numbers
from assistant.storage import StoredFact
from schemas import labels as L
from schemas.facts import FACT_SPECS, Facts, fact_label, is_cell
from schemas.layout import T2_CELLS, T3_RESULT_ROWS, T3_ROWS, T4_BLOCKS, T4_PARTS
from schemas.report import Blank

__all__ = ["describe_value", "explain", "field_label", "number_links", "sum_parts"]

_NUMERIC = {"count", "percent", "money_yuan", "year"}
_PART_OF_ADDRESS = {part_address(p): p for p in PARTS}
_CELL_UNITS = {"件", "万元", "个", "项", "次", "条", ""}
# cells a narrative number is most likely to quote, most likely first
_CELL_ORDER = ([f"{r.address}.total" for r in T3_ROWS] + [f"t4.{b}.total" for b in T4_BLOCKS]
               + [c.address for c in T2_CELLS] + [f"t4.{b}.{c}" for b in T4_BLOCKS for c in T4_PARTS])
_QUOTE_MAX = 600
_SHORT = 200  # a message up to this long is quoted whole
_SOURCES = {"chat": "对话", "import": "导入的上年报告", "derivation": "推算", "manual": "手工修改", "undo": "撤销",
            "ledger": "申请台账（由台账逐行统计）"}


def field_label(field: str) -> str:
    return fact_label(field)


def describe_value(value: Any) -> str:
    if value is None:
        return "（未填写）"
    if isinstance(value, Blank):
        return f"空白（“{value.blank}”）" if value.blank else "空白"
    if isinstance(value, bool):
        return "是" if value else "否"
    return str(value)


def _as_decimal(v: Any) -> Decimal | None:
    if isinstance(v, bool) or not isinstance(v, (int, Decimal)):
        return None
    return Decimal(v)


def number_links(address: str, text: str, facts: Facts) -> list[tuple[int, int, str]]:
    """(start, end, field) for each number in ``text`` (a paragraph of the narrative part at
    ``address``) that equals a recorded fact: a named fact of that part first, the report year, then a
    table cell. Numbers matching nothing, and dates, are left alone."""
    part = _PART_OF_ADDRESS.get(address, address)
    named = [n for n, s in FACT_SPECS.items() if s.part == part and s.kind in _NUMERIC]
    out: list[tuple[int, int, str]] = []
    for m in find_numbers(text):
        if m.unit in ("月", "日"):
            continue
        field = None
        same = [n for n in named if _as_decimal(facts.get(n)) == m.value]
        if same:
            field = next((n for n in same if FACT_SPECS[n].unit == m.unit), same[0])
        elif m.unit == "年" and facts.report_year is not None and m.value == facts.report_year:
            field = "report_year"
        elif m.value != 0 and m.unit in _CELL_UNITS and not m.approx:
            field = next((a for a in _CELL_ORDER if _as_decimal(facts.cells.get(a)) == m.value), None)
        if field is not None:
            out.append((m.start, max(m.end, m.unit_end), field))
    return out


def sum_parts(address: str) -> list[str]:
    """The cells a total is the sum of (a table-三 row or column total, a table-四 total); [] otherwise."""
    parts = address.split(".")
    if parts[0] == "t3" and address.startswith("t3.total."):
        return [f"{r.address}.{parts[-1]}" for r in T3_RESULT_ROWS]
    if parts[0] == "t3" and parts[-1] == "total":
        row = ".".join(parts[:-1])
        return [f"{row}.{c}" for c in L.T3_APPLICANT_COLUMNS]
    if parts[0] == "t4" and parts[-1] == "total":
        return [f"t4.{parts[1]}.{c}" for c in T4_PARTS]
    return []


def _when(t: dt.datetime) -> str:
    if t.tzinfo is None:
        t = t.replace(tzinfo=dt.UTC)
    return t.astimezone().strftime("%Y-%m-%d %H:%M")


def _code(text: str) -> str:
    text = text if len(text) <= _QUOTE_MAX else text[:_QUOTE_MAX] + "……"
    return "```text\n" + text.replace("```", "ʼʼʼ") + "\n```"


def _quote_block(text: str) -> str:
    text = text if len(text) <= _QUOTE_MAX else text[:_QUOTE_MAX] + "……"
    return "\n".join("> " + (line if line.strip() else "&nbsp;") for line in text.splitlines())


def explain(key: str, stored: Mapping[str, StoredFact], cells: Mapping[str, Any], derived: Mapping[str, str],
            name_of: Callable[[str], str] = lambda u: u) -> str:
    """The provenance of one cell or fact, as Markdown (Chinese)."""
    if not (is_cell(key) or key in FACT_SPECS):
        return "这里不是一个可以查询来源的数字。"
    label = field_label(key)
    fact = stored.get(key)
    if fact is None or fact.state != "set":
        if key in derived:
            return f"**{label}**：{describe_value(cells.get(key))}\n\n来源：推算（{derived[key]}）。"
        if fact is not None and fact.state == "pending":
            return f"**{label}**：待定（“{fact.quote}”）。"
        return f"**{label}**：尚未填写。"
    who, when = name_of(fact.author) if fact.author else "", _when(fact.changed_at)
    lines = [f"**{label}**：{describe_value(fact.value)}", ""]
    if fact.source == "chat":
        turn, quote = (fact.turn_text or "").strip(), fact.quote.strip()
        lines.append(f"来源：对话——{who}于 {when} 发送的消息：")
        if turn and len(turn) <= _SHORT and "\t" not in turn:
            lines += ["", _quote_block(turn)]
            if quote and quote != turn:
                lines += ["", f"取自其中的原话：“{quote}”"]
        else:  # a long message or a pasted table: the words the value was read from, then the message
            lines += ["", "取自其中的原话：", "", _code(quote or turn)]
            if turn and turn != quote:
                lines += ["", "<details><summary>查看整条消息</summary>", "", _code(turn), "", "</details>"]
    elif fact.source == "import":
        lines.append(f"来源：导入的上年报告（{fact.quote}），{who}于 {when} 导入。")
    elif fact.source == "derivation":
        lines.append(f"来源：推算——{fact.quote}。")
        parts = sum_parts(key) if "相加" in fact.quote else []
        if parts:
            lines += ["", "由以下各项相加："]
            lines += [f"- {field_label(p)}：{describe_value(cells.get(p))}" for p in parts]
            lines.append(f"- 合计：{describe_value(fact.value)}")
        if fact.turn_text:
            lines += ["", f"随{who}于 {when} 发送的消息推算：", "", _code(fact.turn_text)
                      if "\t" in fact.turn_text or len(fact.turn_text) > _SHORT else _quote_block(fact.turn_text)]
    elif fact.source == "ledger":
        quote = fact.quote if len(fact.quote) <= _QUOTE_MAX else fact.quote[:_QUOTE_MAX] + "……"
        lines.append(f"来源：{_SOURCES['ledger']}——{who}于 {when} 导入：{quote}。")
    elif fact.source == "manual":
        lines.append(f"来源：手工修改。{who}于 {when} 在数据表中修改（{fact.quote}）。")
    else:
        lines.append(f"来源：{_SOURCES.get(fact.source, fact.source)}（{who}，{when}）。")
    return "\n".join(lines)
