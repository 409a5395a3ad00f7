"""Applications told one per line: "1、一个村民要征地补偿协议 给他公开了" / "2、一家公司…不掌握".

Each numbered line is one application: who applied (a word of the applicant columns; a person when
the line names none but a person's words) and what became of it (one result row of table 三, or
结转下年度). The lines are counted into their cells. Only a list whose every line can be placed is
read so; otherwise the lines are left to the statement reader, which names back what it cannot place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.reading._vocab import vocabulary

__all__ = ["Case", "cases_told_one_per_line", "items_in"]

_ITEM = re.compile(r"^[ \t\u3000]*(?:[（(]?[0-9０-９]{1,2}[)）、.．]|[（(][一二三四五六七八九十]{1,2}[)）]|第[一二三四五六七八九十0-9]{1,2}(?:个|件)[，,:：\s])")
_NOT_RESULT = ("new_received", "carried_over", "total")
_LAST_YEAR = re.compile(r"去年|上年|上一年")


@dataclass(frozen=True, slots=True)
class Case:
    row: str  # table-三 row (without "t3.")
    column: str  # applicant column
    carried_over: bool  # received last year, carried into this one
    start: int  # the line's span in the message
    end: int


def cases_told_one_per_line(message: str) -> list[Case]:
    """The numbered lines of ``message`` as applications, or [] when the message is not such a list
    (fewer than two lines, or a line whose applicant or result cannot be placed)."""
    out: list[Case] = []
    pos = 0
    for line in message.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        if _ITEM.match(body):
            case = _case(body, pos)
            if case is None:
                return []
            out.append(case)
        pos += len(line)
    return out if len(out) >= 2 else []


def _case(line: str, at: int) -> Case | None:
    anchors = vocabulary().anchors(line)
    rows = {a.key for a in anchors if a.kind == "t3row" and a.key not in _NOT_RESULT}
    if len(rows) > 1 and "carried_forward" in rows:
        rows = {"carried_forward"}  # "…还没答复 放明年": whatever was begun, it goes on next year
    cols = {a.key for a in anchors if a.kind == "t3col"}
    if len(rows) != 1 or len(cols) != 1:
        return None
    return Case(next(iter(rows)), next(iter(cols)), bool(_LAST_YEAR.search(line)), at, at + len(line))


def items_in(quote: str) -> int:
    """How many numbered lines (one application each) ``quote`` holds."""
    return sum(bool(_ITEM.match(line)) for line in quote.splitlines())
