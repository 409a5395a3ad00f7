"""Table 三 told one applicant at a time in a numbered outline:

    1. 自然人 23件（不含去年结转的）
      (a) 予以公开 9
      (b) 无法提供 8 其中不掌握6 需另行制作2
    2. 商业企业 4件
      (a) 予以公开 2
    3. 法律服务机构 同上 也是4件 公开2 第三方1 不掌握1
    4. 科研、公益、其他 N/A

A numbered line naming one applicant (and how many it sent) opens its section; what its line and the
lettered lines under it say of table 三's rows is that applicant's column. A section naming several
applicants with a none gives their columns none. Sections are read only when two or more are found and
every one of them names its applicants.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.numbers import find_numbers
from assistant.reading._vocab import vocabulary

__all__ = ["Section", "applicant_sections"]

_HEAD = re.compile(r"^[ \t\u3000]*[0-9０-９]{1,2}[.．、][ \t\u3000]*(?P<body>\S.*)$")
_SUB = re.compile(r"^[ \t\u3000]*[（(]?[a-zａ-ｚ][)）.．、][ \t\u3000]*(?P<body>\S.*)$")
_NONE = re.compile(r"N/A|n/a|都没有|没有|无|都是0|为0|是0")
_COUNT_AT_HEAD = re.compile(r"^[^0-9０-９一二两三四五六七八九十]{0,12}?(?:也是|共|一共|有)?\s*"
                            r"(?P<n>[0-9０-９]+|[一二两三四五六七八九十]+)\s*件")


@dataclass(frozen=True, slots=True)
class Section:
    columns: tuple[str, ...]  # applicant columns the section is of
    none: bool  # "科研、公益、其他 N/A": no application of these
    new: tuple[int, int] | None  # (start, end) of the count of this year's applications on the head line
    parts: tuple[tuple[int, int], ...]  # spans whose row statements are this column's (head's rest, sub-lines)
    start: int
    end: int


def applicant_sections(message: str) -> list[Section]:
    """The sections of ``message``, or [] when it is no such outline."""
    out: list[Section] = []
    pos = 0
    current: dict | None = None

    def close() -> None:
        if current is not None:
            out.append(Section(current["cols"], current["none"], current["new"], tuple(current["parts"]),
                               current["start"], current["end"]))

    for line in message.splitlines(keepends=True):
        body_line = line.rstrip("\r\n")
        if (head := _HEAD.match(body_line)) and (cols := _columns_opening(head.group("body"))):
            close()
            text_at = pos + head.start("body")
            body = head.group("body")
            none = bool(_NONE.search(body)) and not find_numbers(body)
            count = _COUNT_AT_HEAD.match(body)
            new = (text_at + count.start("n"), text_at + count.end()) if count and len(cols) == 1 else None
            rest_at = text_at + (count.end() if count else 0)
            current = {"cols": cols, "none": none, "new": new, "parts": [(rest_at, pos + len(body_line))] if len(cols) == 1 else [],
                       "start": pos, "end": pos + len(body_line)}
        elif current is not None and (sub := _SUB.match(body_line)):
            current["parts"].append((pos + sub.start("body"), pos + len(body_line)))
            current["end"] = pos + len(body_line)
        elif current is not None and body_line.strip() and _HEAD.match(body_line):
            return []  # a numbered line of no applicant among the sections: not this shape
        pos += len(line)
    close()
    if len(out) < 2 or not any(s.new or s.parts for s in out):
        return []
    return out


def _columns_opening(body: str) -> tuple[str, ...]:
    """The applicant columns named at the opening of a head line ("自然人 23件", "科研、公益、其他 N/A")."""
    anchors = vocabulary().anchors(body[:24])
    cols: list[str] = []
    at = 0
    for a in sorted(anchors, key=lambda x: x.start):
        if a.kind not in ("t3col", "t4col") or (a.kind == "t4col" and a.key != "other"):
            break
        if body[at:a.start].strip(" 、，,和及与"):
            break
        cols.append(a.key)
        at = a.end
    if not cols and (m := re.match(r"\s*(科研|公益)", body)):
        cols.append({"科研": "research", "公益": "public_interest"}[m.group(1)])
    return tuple(dict.fromkeys(cols))

