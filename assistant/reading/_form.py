"""A fill-in form pasted back ("5.行政处罚本年处理决定数量（件）：46", "16.是否收取信息处理费：否"): one item
a line, its value after the colon — a number, a none (无, 没有, 否, 0, "/"), a yes (是, 有) or "同上" (the
line before's value). A line whose label names exactly one item of the report is read so; any other line
is left to the statement reader.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from assistant.numbers import parse_number
from assistant.reading._vocab import vocabulary

__all__ = ["FormLine", "form_lines"]

# "5.行政处罚本年处理决定数量（件）：46" — (number) label (unit) ： value
_LINE = re.compile(r"^[ \t\u3000]*(?:[0-9０-９]{1,2}[.．、]|[（(][0-9０-９一二三四五六七八九十]{1,2}[)）]|第[0-9０-９]{1,3}题)?[ \t\u3000]*"
                   r"(?P<label>[^：:\n]{2,60}?)[ \t\u3000]*(?:[（(](?P<unit>[^）)\n]{1,6})[）)])?[ \t\u3000]*[：:][ \t\u3000]*"
                   r"(?P<value>[^\n：:]{0,12}?|(?:【[^】\n]{1,8}】[ \t\u3000]*[0-9０-９][0-9０-９,.．]*[ \t\u3000]*){2,8})[ \t\u3000]*$", re.MULTILINE)
# "【自然人】56【商业企业】7…【小计】65": a questionnaire's answer, one number a column
_PAIR = re.compile(r"【([^】\n]{1,8})】[ \t\u3000]*([0-9０-９][0-9０-９,.．]*)")
_TOTAL_WORDS = frozenset({"小计", "合计", "总计", "总数"})
_UNANSWERED = re.compile(r"[（(]?(?:未作答|未填写?|未答|空)[)）]?")
_SEVENTH = re.compile(r"\s*(?:三\s*)?[（(]七[)）]\s*(?:总计|合计)\s*")
_OTHER_OF_OTHER = re.compile(r"\s*(?:三\s*)?[（(]六[)）]\s*其他处理\s*3\s*[.．、]?\s*其他\s*")
_NONE = frozenset({"无", "没有", "否", "0", "０", "零", "暂无", "没", "不涉及", "未收取", "没收"})  # ("/": not filled in, asked)
_YES = frozenset({"是", "有", "已收取"})
_SAME = frozenset({"同上", "〃", "\"", "同前"})
_BOOL_FACTS = frozenset({"fee_charged", "proposals_published"})
_SINGLE = {"licensing": "decisions", "penalty": "decisions", "enforcement": "decisions", "fees": "amount"}


@dataclass(frozen=True, slots=True)
class FormLine:
    targets: tuple[str, ...]  # fact names or cell addresses
    value: int | Decimal | bool
    start: int  # the line's span in the message
    end: int
    quote: str  # the line (and the one "同上" points at)


def form_lines(message: str) -> list[FormLine]:
    """The form lines of ``message`` whose label names one item, with their values; [] unless the message
    has three lines or more of the form's shape (one "问题：…" is a label, not a form)."""
    found = list(_LINE.finditer(message))
    if len(found) < 3:
        return []
    out: list[FormLine] = []
    before: tuple[str, str] | None = None  # (value, line) of the line before
    for m in found:
        value, line = m.group("value").strip(), m.group(0).strip()
        quote = line
        if value in _SAME and before is not None:
            value, quote = before[0], f"{before[1]}\n{line}"
        if value:
            before = (value, line)
        if _UNANSWERED.fullmatch(value):
            out.append(FormLine((), False, m.start(), m.end(), quote))  # (a question left open: nothing, said or read)
            continue
        if "【" in value:
            cells = _pairs(m.group("label"), value)
            if cells:
                out += [FormLine((address,), v, m.start(), m.end(), quote) for address, v in cells]
            continue
        targets = _targets(m.group("label"))
        if not targets or not value:
            continue
        got = _value(value, targets, m.group("unit") or "")
        if got is not None:
            out.append(FormLine(targets, got, m.start(), m.end(), quote))
    return out


def _pairs(label: str, value: str) -> list[tuple[str, int]]:
    """"三（一）予以公开：【自然人】23…【小计】28": the row's cells by the columns the brackets name; [] when
    the label names no one row or block, or a bracket no column."""
    row = _targets(label)
    if len(row) != 1 or not row[0].startswith(("t3.", "t4.")):
        return []
    prefix = row[0].rsplit(".", 1)[0]
    kind = "t3col" if prefix.startswith("t3.") else "t4col"
    out = []
    for name, number in _PAIR.findall(value):
        cols = {a.key for a in vocabulary().anchors(name) if a.kind == kind}
        col = ("total" if name.strip() in _TOTAL_WORDS else "other" if name.strip() in ("其他", "其它")
               else next(iter(cols)) if len(cols) == 1 else None)
        n = parse_number(number)
        if col is None or n is None or n != n.to_integral_value():
            return []
        out.append((f"{prefix}.{col}", int(n)))
    return out


def _targets(label: str) -> tuple[str, ...]:
    label = re.sub(r"^是否|^有无", "", label.strip())
    if _SEVENTH.fullmatch(label):
        return ("t3.total.total",)  # "三（七）总计"
    if _OTHER_OF_OTHER.fullmatch(label):
        return ("t3.other_handling.other.total",)  # "三（六）其他处理3.其他"
    anchors = vocabulary().anchors(label)
    kinds = {a.kind for a in anchors}
    facts = {a.key for a in anchors if a.kind == "fact"}
    t2rows = {a.key for a in anchors if a.kind == "t2row"}
    t2cols = {a.key for a in anchors if a.kind == "t2col"}
    t3rows = {a.key for a in anchors if a.kind == "t3row"}
    t3cols = {a.key for a in anchors if a.kind == "t3col"}
    t4blocks = {a.key for a in anchors if a.kind == "t4block"}
    t4cols = {a.key for a in anchors if a.kind == "t4col"}
    if len(t2rows) == 1 and not (kinds & {"t3row", "t3group", "t4block"}):
        row = next(iter(t2rows))
        col = _SINGLE.get(row) or (next(iter(t2cols)) if len(t2cols) == 1 else None)
        return (f"t2.{row}.{col}",) if col else ()
    groups = {a.key for a in anchors if a.kind == "t3group"}
    if len(t3rows) > 1 and len(specific := {r for r in t3rows if r != "new_received"}) == 1:
        t3rows = specific  # ("…政府信息公开申请数量": 申请 is the row's generic word)
    if len(t3rows) == 1 and all(next(iter(t3rows)).startswith(g + ".") for g in groups) and not (
            kinds & {"t2row", "t4block", "fact"}) and len(t3cols) <= 1:
        # ("三（三）不予公开1.属于国家秘密": the group's name before its row)
        return (f"t3.{next(iter(t3rows))}.{next(iter(t3cols), 'total')}",)
    if len(t4blocks) > 1 and len(specific := t4blocks - {"litigation"}) == 1:
        t4blocks = specific  # ("行政诉讼（未经复议直接起诉）")
    if len(t4blocks) == 1 and not (kinds & {"t2row", "t3row", "t3group", "fact"}) and len(t4cols) <= 1:
        block = next(iter(t4blocks))
        col = next(iter(t4cols), "total")
        if block == "litigation":  # "行政诉讼：0": both kinds of lawsuit (a count of them is not split)
            return (f"t4.litigation_direct.{col}", f"t4.litigation_after_review.{col}") if col == "total" else ()
        return (f"t4.{block}.{col}",)
    if len(facts) == 1 and not (kinds - {"fact", "t2col", "t3col", "t4col"}):
        return (next(iter(facts)),)
    return ()


def _value(value: str, targets: tuple[str, ...], unit: str) -> int | Decimal | bool | None:
    bools = [t in _BOOL_FACTS for t in targets]
    if value in _NONE:
        return False if all(bools) else 0 if not any(bools) else None
    if value in _YES:
        return True if all(bools) else None
    if any(bools):
        return None
    n = parse_number(re.sub(r"\s*(?:件|条|个|篇|场|次|期|项|万元|元)$", "", value))
    if n is None or n < 0:
        return None
    if len(targets) > 1 and n != 0:
        return None  # (lawsuits of both kinds counted together: which kind, the line does not say)
    if targets == ("t2.fees.amount",) and ((unit.endswith("元") and unit != "万元") or (value.endswith("元") and not value.endswith("万元"))):
        n = Decimal(str(n)) / 10_000  # (the form asks in 元; the table is in 万元)
    return n if isinstance(n, Decimal) and n != n.to_integral_value() else int(n)
