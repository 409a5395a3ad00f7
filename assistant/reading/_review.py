"""A reviewer's comments relayed by the clerk ("审核意见：1.表二行政处罚…不一致（平台显示9件），请核实。…").

Their figures are the reviewer's claims, to be checked, never the agency's figures until the clerk takes
one ("第2条按他说的改"): the comments are held and said back; an item taken is rewritten as the clerk's own
correction ("主动公开部分网站发布信息改成58条") for the reader to read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from schemas.labels import T3_GROUP_ROWS, T3_ROW_LABELS

_NUMERAL = "一二三四五六七八九十"
# the comments' head: "审核意见（县政务公开办 陈科，电话…）：", "意见原文是这样的：", "西城区政务公开办审核意见："
_HEAD = re.compile(r"^[^\n。；;]{0,30}?(?:审核|审查|反馈|修改|退回|审阅|书面)?意见(?:原文)?"
                   r"(?:[（(][^）)\n]{0,40}[)）])?(?:如下|是这样的|是这样|原文如下|下来了)?\s*[：:]?\s*$", re.M)
# a comment: "1.", "1、", "一、", "（1）", "(一)"
_ITEM = re.compile(rf"^\s*(?:([0-9]{{1,2}})\s*[.、．，,]|([{_NUMERAL}]{{1,3}})\s*[、.．，,]|[（(]\s*([0-9]{{1,2}}|[{_NUMERAL}]{{1,3}})\s*[)）])\s*", re.M)
# words a reviewer writes and a clerk listing their own figures does not
_REVIEWER = re.compile(r"请核实|请核对|请确认|不一致|不符|前后矛盾|勾稽关系|不衔接|你局|你单位|你街道|你镇|你厅|你委|你办|你中心|"
                       r"过于笼统|过于简单|表述不准确|未体现|未说明|未写|未列明|未填写?|不得空白|应调整|应计入|请在|请结合|请与")
# what follows the comments and is part of them: who reviewed, the deadline
_FOOTER = re.compile(r"^\s*(?:审核人|审阅人|联系人|联系电话|电话|请于|请在|[^\n]{0,20}前(?:修改|重新|报送))")


@dataclass(frozen=True)
class Review:
    start: int  # where the comments begin in the message (their head, or their first item)
    end: int
    items: dict[int, str]  # by number: the comment's words, its number taken off


def _number(m: re.Match[str]) -> int:
    return _number_of(next(g for g in m.groups() if g))


def review_in(message: str) -> Review | None:
    """The reviewer's comments pasted in ``message``: a head naming them and numbered comments after it,
    or, with no head, two or more numbered comments in a reviewer's words."""
    head = _HEAD.search(message)
    body_from = head.end() if head else 0
    lines = message[body_from:].split("\n")
    items: dict[int, str] = {}
    pos = body_from
    first = end = None
    for line in lines:
        at, pos = pos, pos + len(line) + 1
        if not line.strip():
            continue
        m = _ITEM.match(line)
        if m and (n := _number(m)) and n not in items:
            items[n] = line[m.end():].strip()
            first = at if first is None else first
            end = at + len(line)
        elif items and _FOOTER.match(line):
            end = at + len(line)
        elif items and not m:
            break  # the clerk's own words after the comments are read as theirs
    if not items or first is None or end is None:
        return None
    if head is None and (len(items) < 2 or sum(bool(_REVIEWER.search(t)) for t in items.values()) < 2):
        return None
    if head is not None and not any(_REVIEWER.search(t) or "应为" in t for t in items.values()):
        return None
    return Review(head.start() if head else first, end, items)


# "第（三）项第3目", "（三）3", "第（四）项第1目": the official table's numbering of table 三's rows
_ROW_REF = re.compile(rf"(?:表三)?第?[（(]([{_NUMERAL[:7]}])[)）]项?(?:第?([1-8])目)?(?:[“\"]([^”\"\n]{{2,40}})[”\"])?")
_GROUP_BY_NUMERAL = {"三": "withheld", "四": "unable", "五": "not_processed", "六": "other_handling"}
_ROW_BY_NUMERAL = {"一": "granted", "二": "partial", "七": "total"}


def _label(text: str) -> str:
    return re.sub(r"^[0-9]\.", "", text.split("（", 1)[0]) if not text.startswith("（") else re.sub(r"^（.）", "", text).split("（", 1)[0]


def official_row_refs(message: str) -> list[tuple[int, int, str]]:
    """"表三第（三）项第3目自然人一栏" → "危及“三安全一稳定”自然人一栏": a row named by its number, written by its name."""
    out = []
    for m in _ROW_REF.finditer(message):
        numeral, sub = m.group(1), m.group(2)
        if numeral in _GROUP_BY_NUMERAL:
            group = _GROUP_BY_NUMERAL[numeral]
            rows = list(T3_GROUP_ROWS[group].values())
            if not sub or int(sub) > len(rows):
                continue  # (a group alone has no cell)
            name = _label(rows[int(sub) - 1])
        elif numeral in _ROW_BY_NUMERAL and not sub and ("项" in m.group(0) or m.group(3)):
            name = _label(T3_ROW_LABELS[_ROW_BY_NUMERAL[numeral]])
        else:
            continue
        out.append((m.start(), m.end(), name))
    return out


_TAKEN = re.compile(r"按(?:他|她|他们|审核|意见|审核意见|上面|领导)(?:说的|的意见|意见|的|那个数|的数)?(?:来)?改|按(?:审核)?意见(?:修改|改)|"
                    r"改成(?:他|她|他们)(?:说的|的|那个|给的)(?:那个数|数字|数)?|照(?:他|她)(?:说)?的改|就按(?:他|她)(?:说)?的(?:来)?|"
                    r"用(?:他|她|他们)(?:的|那个)数|以(?:他|她|他们)的为准")
_ITEM_SAID = re.compile(rf"(?:^|(?<=[。；;！!\n]))\s*(?:第\s*)?(?:([0-9]{{1,2}})|([{_NUMERAL}]{{1,3}})|[（(]\s*([0-9]{{1,2}}|[{_NUMERAL}]{{1,3}})\s*[)）])"
                        r"\s*(?:条|点|项)?(?:意见)?")


def _proposal(comment: str) -> str | None:
    """The reviewer's figure as the clerk's correction: "表二行政处罚本年处理决定数量应为27件（…）" →
    "表二行政处罚本年处理决定数量改成27件"; "…“网站发布信息52条”与…统计（58条）不符" → "…网站发布信息改成58条"."""
    clause = re.split(r"[。；;]", comment, maxsplit=1)[0]
    if m := re.search(r"(?:一栏|一格)?应(?:为|是|填)\s*([0-9０-９]+(?:[.．][0-9０-９]+)?)\s*(件|条|万元|元|个|篇|场)?", clause):
        subject = clause[:m.start()]
        subject = subject[max(subject.rfind("，"), subject.rfind(","), -1) + 1:]
        return f"{subject}改成{m.group(1)}{m.group(2) or ''}"
    if not re.search(r"不一致|不符", clause):
        return None
    cut = clause.find("与")
    if cut <= 0:
        return None
    subject, other = clause[:cut], clause[cut:]
    figures = re.findall(r"([0-9０-９]+(?:[.．][0-9０-９]+)?)\s*(件|条|万元|元|个|篇|场)?", other)
    if not figures:
        return None
    number, unit = figures[-1]
    subject = re.sub(r"[0-9０-９]+(?:[.．][0-9０-９]+)?\s*(?:件|条|万元|元|个|篇|场)?", "", subject)
    subject = re.sub(r"[“”\"]", "", subject).removesuffix("数据")
    return f"{subject}改成{number}{unit}"


def taken_comment_words(message: str) -> bool:
    """Whether ``message`` may answer a comment of a review ("第2条按他说的改", "三 对的 …"), which the messages
    before hold."""
    return bool(_TAKEN.search(message) or _SEGMENT.match(message.strip()))


def taken_comments(message: str, said_before: list[str]) -> list[tuple[int, str, str | None]]:
    """"第2条按他说的改": (number, comment, the comment's figure as the clerk's correction — None when it has
    none to read) for each comment of the review pasted before that ``message`` takes."""
    if not _TAKEN.search(message):
        return []
    review = next((r for before in said_before[:8] if (r := review_in(before))), None)
    if review is None:
        return []
    out: list[tuple[int, str, str | None]] = []
    for taken in _TAKEN.finditer(message):
        start = max(message.rfind(ch, 0, taken.start()) for ch in "。；;！!\n") + 1
        said = _ITEM_SAID.match(message, start)
        if not said or not said.group(0).strip():
            continue
        n = _number(said)
        if (comment := review.items.get(n)) is not None and n not in {x[0] for x in out}:
            out.append((n, comment, _proposal(comment)))
    return out


_SEGMENT = re.compile(rf"(?:^|(?<=[。；;！!\n]))\s*(?:第\s*)?(?:(?P<d>[0-9]{{1,2}})|(?P<c>[{_NUMERAL}]{{1,3}})(?!是)|[（(]\s*(?P<b>[0-9]{{1,2}}|[{_NUMERAL}]{{1,3}})\s*[)）])"
                      r"\s*(?:条|点|项)?(?:意见)?(?!\s*(?:件|个|份|家|位|名|次|年|月|日|号|万|千|百|条[0-9０-９]|[0-9０-９.．]))")
_KEPT = re.compile(r"不改|不用改|不需要改|不要改|没错|没问题|看错|搞错|弄错|不同意|不采纳|保持不变|不变")


def comment_segments(message: str, said_before: list[str]) -> tuple[Review | None, list[tuple[int, str, int, int, bool]]]:
    """The parts of ``message`` that answer the comments of the review pasted before, each opened by the
    comment's number ("第1条 我去后台查了 是329 …", "三 对的 …", "（2）对的，…"): (number, comment, start,
    end, kept — the clerk keeps the figure: "这条不改", "没错")."""
    review = next((r for before in said_before[:8] if (r := review_in(before))), None)
    if review is None:
        return None, []
    marks: list[tuple[int, int]] = []
    for m in _SEGMENT.finditer(message):
        raw = m.group("d") or m.group("c") or m.group("b")
        n = _number_of(raw)
        if n in review.items and (not marks or marks[-1][0] != n):
            marks.append((n, m.start()))
    out = []
    for i, (n, at) in enumerate(marks):
        end = marks[i + 1][1] if i + 1 < len(marks) else len(message)
        seg = message[at:end]
        out.append((n, review.items[n], at, end, bool(_KEPT.search(seg)) and not _TAKEN.search(seg)))
    return review, out


def _number_of(raw: str) -> int:
    if raw.isdigit():
        return int(raw)
    if raw == "十":
        return 10
    if raw.startswith("十"):
        return 10 + _NUMERAL.index(raw[1]) + 1
    if raw.endswith("十"):
        return (_NUMERAL.index(raw[0]) + 1) * 10
    return _NUMERAL.index(raw[0]) + 1 if len(raw) == 1 else 0


def comment_subject(comment: str) -> str | None:
    """What a comment is about, as words the reader knows ("表二“行政处罚”本年处理决定数量应为52…" →
    "表二行政处罚本年处理决定数量")."""
    clause = re.split(r"[。；;，,]", comment, maxsplit=1)[0]
    cut = re.search(r"应为|应是|应填|与|不一致|不符|有误|请|填写?|[0-9０-９]", clause)
    subject = clause[:cut.start()] if cut else clause
    subject = re.sub(r"[“”\"]", "", subject).removesuffix("数据").removesuffix("单位").strip()
    return subject or None
