"""Applications told one per line: "1、一个村民要征地补偿协议 给他公开了" / "2、一家公司…不掌握".

Each numbered line is one application: who applied (a word of the applicant columns; a person when
the line names none but a person's words) and what became of it (one result row of table 三, or
结转下年度). The lines are counted into their cells. Only a list whose every line can be placed is
read so; otherwise the lines are left to the statement reader, which names back what it cannot place.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from assistant.numbers import find_numbers, parse_number
from assistant.reading._questions import is_question
from assistant.reading._vocab import vocabulary

__all__ = ["ITEM", "NOT_AMONG", "NO_APPLICATION", "THAT_ONE", "Case", "Outcome", "case_of_line", "cases_after_a_colon", "cases_in_a_list", "cases_told_inline", "cases_told_one_per_line", "counted_in", "items_in", "one_case_told",
           "reviews_in_a_list", "stories_after_a_count", "stories_alone", "the_list_goes_on"]

ITEM = _ITEM = re.compile(r"^[ \t\u3000]*(?:[①-⑳]|[（(]?[0-9０-９]{1,2}[)）、.．]|[（(][一二三四五六七八九十]{1,2}[)）]|第[一二三四五六七八九十0-9]{1,2}(?:个|件)[，,:：\s])")
_NOT_RESULT = ("new_received", "carried_over", "total")
_LAST_YEAR = re.compile(r"去年|上年|上一年|前年|(?:拖到|留到|转到|延到)今年(?:才|初)?(?:答复|回复|回|办完|办结|给)")  # ("12月有一件…拖到今年才答复")


@dataclass(frozen=True, slots=True)
class Case:
    row: str  # table-三 row (without "t3.")
    column: str  # applicant column
    carried_over: bool  # received last year, carried into this one
    start: int  # the line's span in the message
    end: int
    count: int = 1  # "另外两个个人问的也是不掌握": two applications told on one line


def cases_told_one_per_line(message: str) -> list[Case]:
    """The numbered lines of ``message`` as applications, or [] when the message is not such a list
    (fewer than two lines, or a line whose applicant or result cannot be placed)."""
    return cases_in_a_list(message)[0]


_LIST_HEAD = re.compile(r"[ \t\u3000]*依申请(?:公开)?(?:情况|登记)?[：:]?[ \t\u3000]*")


def cases_in_a_list(message: str) -> tuple[list[Case], list[tuple[int, int]]]:
    """``cases_told_one_per_line``, and the spans of the numbered lines that tell an application but
    could not be placed (who asked or what became of it unclear): a list of applications most of
    whose lines are placed is read so, and the others are named back, not dropped with the list."""
    out: list[Case] = []
    unplaced: list[tuple[int, int]] = []
    group: tuple[str, int | None, list[Case], int] | None = None  # "1. 张某某 两件" over its "(a)…" "(b)…"
    pos = 0
    for line in message.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        if (head := _LIST_HEAD.match(body)) and head.end() and _ITEM.match(body[head.end():]):
            # "依申请 第1件 张某 要…": the notes' heading, then the first application on its line
            pos, line, body = pos + head.end(), line[head.end():], body[head.end():]
        if group is not None and _SUB_ITEM.match(body):
            case = _case(body, pos, default_column=group[0])
            if case is None:
                return [], []
            group[2].append(case)
        elif _ITEM.match(body):
            if group is not None and not _group_closed(group, out, unplaced, message):
                return [], []
            group = None
            several = _one_applicants_line(body, pos)
            if several is None:
                several = _one_rows_line(body, pos)
            case = _case(body, pos) if several is None else None
            if several is not None:
                out += several
            elif case is not None:
                out.append(case)
            elif (opened := _opens_a_group(body)) is not None:
                group = (*opened, [], pos)
            elif _tells_an_application(body):
                unplaced.append((pos, pos + len(body)))
            else:
                return [], []
        pos += len(line)
    if group is not None and not _group_closed(group, out, unplaced, message):
        return [], []
    if unplaced and len(out) < 2 * len(unplaced):
        return [], []
    if len(out) >= 2:
        return out, unplaced
    return (_listed_after_a_colon(message) or _one_applicant_a_line(message) or _told_after_a_count(message)
            or _persons_one_a_line(message)), []


def persons_told(message: str) -> bool:
    """Whether two or more lines of ``message`` open with a person and what they sent ("陈某1份，…")."""
    return sum(1 for line in message.splitlines() if _A_PERSON.match(line) or _PERSONS_SEVERAL.match(line)) >= 2


def _persons_one_a_line(message: str) -> list[Case]:
    """Every line opens with a person by name ("张女士1份，问…，公开了。" / "李某交了2份：一份…；另一份…")."""
    lines = [line for line in message.splitlines(keepends=True)]
    if not persons_told(message):
        return []  # (every line must still be placed: one that is not drops the whole reading)
    return _each_line_a_case(lines, 0)


# "1、湖南天衡律师事务所 3件：公开1 部分公开1 本机关不掌握1", "7、周建明 1件：其实是投诉噪音，按信访类不予处理"
_APPLICANT_AND_COUNT = re.compile(r"(?P<who>[^：:，,。；;0-9０-９\s][^：:，,。；;0-9０-９]{1,29}?)\s*"
                                  r"(?P<n>[0-9０-９]+|[一两二三四五六七八九十]+)\s*(?:件|个|次|份)\s*[：:]\s*(?P<rest>\S.*)$")
# a count inside the results: "公开1", "不予公开1（第三方的）", "还有1件征求…"
_RESULT_COUNT = re.compile(r"(?P<before>还有|另有|另外|有)?\s*(?P<n>[0-9０-９]+|(?<=[还另有])[一两二三四五六七八九十])\s*(?P<unit>件|个)?")
# a name and nothing else: a person ("周建明", "彭丽")
_NAME_ONLY = re.compile(r"[\u4e00-\u9fa5]{2,3}")


def _one_applicants_line(line: str, at: int) -> list[Case] | None:
    """A numbered line naming one applicant by name, how many applications it made, and what became of
    them (each result with its count, or one result when it made one); None unless every one is placed
    and the counts add up to the number said. Who applied is read from the name: the last applicant
    word in it ("…社区居民委员会" is a 居委会, not a 居民), or a person when the name is a bare two or
    three characters."""
    body = _ITEM.sub("", line, count=1)
    m = _APPLICANT_AND_COUNT.fullmatch(body)
    if m is None:
        return None
    who = m.group("who").strip()
    words = [a for a in vocabulary().anchors(who) if a.kind == "t3col"]
    column = max(words, key=lambda a: a.end).key if words else "natural" if _NAME_ONLY.fullmatch(who) else None
    n = parse_number(m.group("n"))
    if column is None or n is None or not 1 <= n <= 20:
        return None
    rest = m.group("rest")
    # (who the results name is the applicant of the line, not a word inside what it asked for)
    plain = "".join("＿" if any(a.start <= i < a.end for a in vocabulary().anchors(rest) if a.kind == "t3col") else ch
                    for i, ch in enumerate(rest))
    counts = [c for c in _RESULT_COUNT.finditer(plain) if c.group("before") or c.group("unit") or c.start() > 0]
    parts: list[tuple[str, int]] = []
    if n == 1 and not counts:
        parts = [(plain, 1)]
    else:
        edge = 0
        for k, c in enumerate(counts):
            if c.group("before"):  # "还有1件征求第三方意见…": what follows is that application's
                nxt = counts[k + 1].start() if k + 1 < len(counts) else len(plain)
                parts.append((plain[c.end():nxt], int(parse_number(c.group("n")) or 0)))
                edge = nxt
            else:  # "公开1": the result before its count
                parts.append((plain[edge:c.start()], int(parse_number(c.group("n")) or 0)))
                edge = c.end()
        tail = plain[edge:]
        if tail.strip(" ，,；;。（）()") and parts and counts and not counts[-1].group("before"):
            if _rows_of(tail):
                parts.append((tail, 1))  # "公开1，第二次又申请同样内容，重复申请": one more, told by its result
            else:
                text, k = parts[-1]
                parts[-1] = (text + tail, k)  # "不予公开1（第三方的）": about the one before
    if not parts or sum(k for _, k in parts) != n:
        return None
    out = []
    for text, k in parts:
        case = _case(text, at, default_column=column)
        if case is None and not _rows_of(text) and _BARE_GRANTED.match(text):
            case = Case("granted", column, False, at, at)  # "公开1", "公开（园区规划环评）"
        if case is None or k < 1:
            return None
        out.append(Case(case.row, column, case.carried_over, at, at + len(line), k))
    return out


_BARE_GRANTED = re.compile(r"[\s，,；;]*(?:全部|都|已|予以)?公开(?:了)?\s*(?:[（(][^）)]*[)）])?[\s，,；;。]*$")


def _rows_of(text: str) -> set[str]:
    return {a.key for a in vocabulary().anchors(text) if a.kind == "t3row" and a.key not in _NOT_RESULT}


# "  (a) 老旧小区改造补偿方案 予以公开": one of the applications of the numbered line above it
_SUB_ITEM = re.compile(r"^[ \t\u3000]*(?:[（(][a-zａ-ｚ][)）]|[a-z][.)）．、])")


def _opens_a_group(line: str) -> tuple[str, int | None] | None:
    """"1. 张某某 两件": a numbered line that says who applied (and how many times) and no result, the
    applications told on the lines under it; (the applicant column, the count said) or None."""
    body = _ITEM.sub("", line, count=1)
    anchors = vocabulary().anchors(body)
    if any(a.kind == "t3row" and a.key not in _NOT_RESULT for a in anchors):
        return None
    cols = {a.key for a in anchors if a.kind == "t3col"} or ({"natural"} if _A_PERSON.match(body) else set())
    if len(cols) != 1:
        return None
    m = re.search(r"([0-9０-９一两二三四五六七八九十]+)\s*(?:件|次|个)", body)
    return next(iter(cols)), (int(parse_number(m.group(1)) or 0) if m else None)


def _group_closed(group: tuple[str, int | None, list[Case], int], out: list[Case], unplaced: list[tuple[int, int]],
                  message: str) -> bool:
    """Adds the group's applications to ``out`` when they are as many as its line said (two or more);
    the first one's span takes in the line that opened the group. A line with no lines under it is an
    application told on one line, whose result could not be placed (named back), if it reads as one."""
    _, said, told, start = group
    if not told:
        end = message.find("\n", start)
        line = message[start:end if end >= 0 else len(message)]
        unplaced.append((start, start + len(line)))
        return _tells_an_application(line)
    if len(told) < 2 or (said is not None and said != len(told)):
        return False
    out += [dataclasses.replace(told[0], start=start), *told[1:]]
    return True


# "不予公开3件：有个企业要…，就没给；一个人要…，属于过程性信息；还有一个律所要…，属于行政执法案卷"
_COUNT_AND_COLON = re.compile(r"[0-9０-９一二两三四五六七八九十]+\s*件\s*[：:]")


def _told_after_a_count(message: str) -> list[Case]:
    """Applications told one after another after "…N件：", each up to a ；: [] unless there are N of
    them (two or more) and every one can be placed."""
    m = _COUNT_AND_COLON.search(message)
    if not m:
        return []
    stop = re.compile(r"[。！!\n]").search(message, m.end())
    end = stop.start() if stop else len(message)
    out: list[Case] = []
    at = m.end()
    for part in re.split(r"(?<=[；;])", message[m.end():end]):
        if part.strip(" ；;"):
            case = _case(part.rstrip("；; "), at)
            if case is None:
                return []
            out.append(case)
        at += len(part)
    said = parse_number(m.group(0).rstrip("件：: "))
    return out if len(out) >= 2 and said == sum(c.count for c in out) else []


_NOT_OURS_CASE = re.compile(r"(?:→|->|，|,|\s)\s*(?:我们|我局|本单位|我们这里?)(?:这边)?没有(?:这个|这些|相关)?(?:信息|资料|材料|文件)?(?=\s|，|,|。|$)"
                            r"|(?:→|->|，|,|\s)\s*(?:这)?是(?:区|县|市|省)[\u4e00-\u9fa5]{1,10}?(?:局|中心|委员会|委|办|所)(?:的|管的|掌握的)")


def _tells_an_application(line: str) -> bool:
    """A numbered line that reads as one application (someone asked for something), with no count
    of the report in it ("⑤一个阿姨把同样的申请交了两次，第一次答复过了…")."""
    anchors = vocabulary().anchors(line)
    # (what was asked for may name an item of the report: "要采砂许可的批复")
    # ("第3件 绿洲物业 要小区改造招标文件 → 我们没有": who, unplaced, asked for something, and what became of it)
    asked = bool(re.search(r"[ \u3000]要|要求|申请|想要", line)) and (any(
        a.kind == "t3row" and a.key not in _NOT_RESULT for a in anchors) or bool(_NOT_OURS_CASE.search(line)))
    return (any(a.kind == "t3col" for a in anchors) or bool(_A_PERSON.match(line)) or asked) and not re.search(
        r"[0-9０-９]{2,}\s*(?:件|条|个|篇|场|期)", line)


# "有个大学的课题组…", "一家健身公司…", "某市足球协会…": a line that opens with one applicant
_ONE_APPLICANT = re.compile(r"^[ \t\u3000]*(?:还有|另外|再有|再就是)?[，,]?\s*有?(?:一个|一家|一位|一名|一所|个|某)")


def _one_applicant_a_line(message: str) -> list[Case]:
    """Applications one a line without a number or a "…件：" before them, each line opening with
    who asked ("有个大学的课题组，要…，给了。" / "一个个人要…，给了。"); [] unless every line is one."""
    return _each_line_a_case(message.splitlines(keepends=True), 0,
                             lambda body: bool(_ONE_APPLICANT.match(body)) and not re.search(r"[0-9０-９]", body))


# (a register's "李某 一件 要…": the name, then how many)
# "4月8日，罗某来信…": the day it came, before who sent it
_LEAD_DATE = re.compile(r"\s*(?:20[0-9]{2}\s*年\s*)?[0-9０-９]{1,2}\s*月\s*[0-9０-９]{1,2}\s*[日号]?\s*[，,、]?\s*")
_A_PERSON = re.compile(r"\s*(?:还有|另外|然后)?[\u4e00-\u9fa5](?:某某?|先生|女士|大爷|阿姨|师傅)"
                       r"(?:[ \u3000]*[要申问查想的让]|来信|来函|现场|到窗口|写信|打电话|前后|说|\s*[0-9０-９一两二三四五六七八九十]+\s*[件次份])")


def cases_after_a_colon(message: str) -> tuple[list[Case], list[tuple[int, int]]]:
    """"情况是这样的：张某要…，予以公开；李某要…，部分公开；…": one application a part, parts parted by
    semicolons after a colon; (cases, spans of the parts that could not be placed), or ([], []) unless at
    least three are placed and they are most of the parts."""
    colon = re.search(r"[：:]", message)
    if colon is None or message.count("；") + message.count(";") < 2 or any(
            h.group("carried") for h in _STORY_HEAD.finditer(message)):
        return [], []  # (lines headed "结转那件：" and "今年的：": the stories under heads, read as such)
    out: list[Case] = []
    unplaced: list[tuple[int, int]] = []
    at = colon.end()
    for part in re.findall(r"[^；;。\n]+[；;。]?", message[colon.end():]):
        body = part.strip()
        # ("一件是个村民要…": the story's own opening, not a count)
        if re.search(r"[0-9０-９]|[一二两三四五六七八九十百]+\s*(?:件|个|项)(?!人)",
                     re.sub(r"(?<![0-9０-９一二两三四五六七八九十百])一(?:个|家|位)(?=[\u4e00-\u9fa5])", "某",
                            re.sub(r"^(?:还有|另外|另|最后)?\s*(?:一件|一个)(?:是|呢)?", "", body))):
            return [], []  # "予以公开18件（自然人15）；部分公开5件…": results by count, not one application a part
        if body:
            start = at + part.find(body)
            twice = _TWICE.search(body)
            if twice:  # "陈某前后申请了两次同样的内容，第一次予以公开，第二次按重复申请不予处理": two applications
                head = body[:twice.start("first")]  # (who asked, and that it was twice)
                both = [c for c in (_case(head + twice.group("first"), start), _case(head + twice.group("second"), start))
                        if c is not None]
                if len(both) == 2 and both[0].column == both[1].column:
                    out += [Case(c.row, c.column, c.carried_over, start, start + len(body.rstrip("；;。"))) for c in both]
                else:  # (two applications, one of them not placed: never counted as one)
                    unplaced.append((start, start + len(body.rstrip("；;。"))))
                at += len(part)
                continue
            case = _case(body.rstrip("；;。"), start)
            if case is not None:
                out.append(case)
            elif _tells_an_application(body):
                unplaced.append((start, start + len(body.rstrip("；;。"))))
        at += len(part)
    if len(out) < 3 or len(out) < 2 * len(unplaced):
        return [], []
    return out, unplaced


# "前后申请了两次同样的内容，第一次予以公开，第二次按重复申请不予处理"
_TWICE = re.compile(r"(?:前后|先后)?(?:申请|提交|交)了?(?:两次|2次|二次)[^，,；;。]*[，,]\s*第一次(?P<first>[^，,；;。]+)[，,]\s*第二次(?P<second>[^，,；;。]+)")


def _listed_after_a_colon(message: str) -> list[Case]:
    """"今年收到三件：" and then one application a line, unnumbered ("一个村民要…，给他了；")."""
    lines = message.splitlines(keepends=True)
    pos = 0
    for k, line in enumerate(lines):
        pos += len(line)
        if not line.rstrip().endswith(("：", ":")) or not re.search(r"件|申请", line):
            continue
        if any(len(re.findall(r"[0-9０-９]+\s*件", rest)) >= 2 for rest in lines[k + 1:]):
            return []  # ("按申请人说：\n个人12件：予以公开8件，不掌握4件…": counts a line, no application a line)
        return _each_line_a_case(lines[k + 1:], pos)
    return []


def _each_line_a_case(lines: list[str], at: int, fits: Callable[[str], bool] = lambda body: True) -> list[Case]:
    """Every non-blank line (starting at offset ``at``) as one application — or as one person's several,
    each told after ("李某交了2份：一份…，算公开；另一份…") — or [] when one does not fit or cannot be
    placed, or fewer than two are told."""
    out: list[Case] = []
    for line in lines:
        body = line.rstrip("\r\n")
        if body.strip():
            several = _one_persons_several(body, at)
            case = (_case(body, at) if fits(body) else None) if several is None else None
            if several is not None:
                out += several
            elif case is None:
                return []
            else:
                out.append(case)
        at += len(line)
    return out if len(out) >= 2 else []


# "老周（胡集村的），一个人前前后后交了4份申请，…。2份给他公开了；1份是要…" / "李某交了2份：一份…；另一份…"
_PERSONS_SEVERAL = re.compile(r"\s*(?:还有|另外)?(?P<who>[\u4e00-\u9fa5]{1,8}?)(?:[（(][^）)]{0,12}[）)])?[，,]?\s*(?:一个人)?"
                              r"(?:前前后后|前后|先后|一共|共|今年)?(?:交了|申请了|递了|提了|交)\s*(?P<n>[0-9０-９两二三四五六七八九十]+)\s*[份件](?:申请)?")
_PART_COUNT = re.compile(r"\s*(?:还有|另外|另|其中)?\s*(?P<n>[0-9０-９一两二三四五六七八九十]+)?\s*(?:份|件)")


def _one_persons_several(line: str, at: int) -> list[Case] | None:
    """One applicant's several applications told one by one after how many they sent, each with its
    result; None unless the parts add up to the count and every one is placed."""
    m = _PERSONS_SEVERAL.match(line)
    if m is None:
        return None
    who = m.group("who")
    cols = {a.key for a in vocabulary().anchors(who) if a.kind == "t3col"}
    col = cols.pop() if len(cols) == 1 else "natural" if _A_PERSON.match(line) or re.search(r"老|小|某|女士|先生", who) else None
    n = parse_number(m.group("n"))
    if col is None or n is None or n < 2:
        return None
    out: list[Case] = []
    pos = m.end()
    for part in re.findall(r"[^；;。：:]+[；;。：:]?", line[m.end():]):
        body = part.strip(" ，,；;。：:")
        if body and (k := _PART_COUNT.match(body)):
            count = int(parse_number(k.group("n")) or 1) if k.group("n") else 1
            case = _case(body, at + pos, default_column=col)
            if case is None or case.column != col:
                return None
            out.append(Case(case.row, col, False, at + pos, at + pos + len(part), count))
        elif body and any(a.kind == "t3row" for a in vocabulary().anchors(body)):
            return None  # (a result said without its count: not told one by one)
        pos += len(part)
    return out if out and sum(c.count for c in out) == n else None


# "要…", "申请…", "问…": what comes after is what was asked for, not who asked
_ASKS = re.compile(r"要|申请|问|想了解|查|索取|咨询|求")
# "就填其他吧", "算社会公益组织": the clerk's own choice of column, after a question about it
_PUT_AS = re.compile(r"(?:我们|就)?(?:按|当|当作|算作|归为|归到|算到)([^，,。；;？?！!]{1,6}?)(?:算|来算|处理|统计|填)(?:的|了)?(?=[，,。；;]|$)")
_FILED_AS = re.compile(r"(?:就|还是|都|一直)?(?:填|算|计|归)(?:在|到|进|入|成|作)?([^，,。；;？?！!]{1,8}?)(?:里|那列|那一列|中)?吧?\s*$")


# (said in January of the year after the report's: "今年" is that year)
_ANSWERED_IN_JANUARY = re.compile(r"(?:今年|次年|明年|转年|到了?)\s*(?:1|一)月(?:份|[0-9０-９]{1,2}\s*[号日])?(?:才|再|又)(?:回|答复|办结|办完|给|处理|寄)")


def the_list_goes_on(message: str) -> Case | None:
    """"4. 10月 一个老年协会 问…给了" (and then no other numbered line): the one application of a list begun
    in a message before, or None."""
    lines = message.splitlines(keepends=True)
    if not lines or not _ITEM.match(lines[0]) or any(_ITEM.match(line) for line in lines[1:]):
        return None
    return _case(lines[0].rstrip("\r\n"), 0)


def case_of_line(line: str, column: str) -> Case | None:
    """One numbered line read again with who sent it said apart ("第3件那个绿洲物业是公司")."""
    return _case(line, 0, default_column=column)


def _case(line: str, at: int, default_column: str | None = None) -> Case | None:
    if _COUNTED_COLUMN.search(line):
        return None  # "11. 信访举报投诉：自然人11": a row's counts by applicant, numbered, not one application
    # (clauses: "…还没答复，这个咋填" tells the application, then asks about it)
    sentences = re.findall(r"[^。！!？?，,；;]+[。！!？?，,；;]?", line)
    asked = [s for s in sentences if is_question(s)]
    told = "".join(s for s in sentences if s not in asked) if asked else line
    chosen = None
    if asked and (m := _FILED_AS.search(told.rstrip("。！! "))):
        # "协会这种是算社会公益组织还是其他？…就填其他吧": the column the clerk settled on
        picked = {a.key for a in vocabulary().anchors(m.group(1))
                  if a.kind == "t3col" or (a.kind == "t4col" and a.key == "other")}  # (其他 is listed once, in 表四)
        chosen = next(iter(picked)) if len(picked) == 1 else None
        told = told[:m.start()] if chosen else told
    # ("…告诉他不掌握 去年没有转过来的 今年也没有没办完的": what the message goes on to say of all of them,
    # in voice input run into the last application)
    told = _NONE_CARRIED.sub(lambda m: "＿" * len(m.group(0)), told)
    anchors = vocabulary().anchors(told)
    rows = {a.key for a in anchors if a.kind == "t3row" and a.key not in _NOT_RESULT}
    if _ANSWERED_IN_JANUARY.search(told):
        rows = {"carried_forward"}  # "12月30日 …要土地流转合同 今年1月6号才回的": answered after the year's end
    if len(rows) > 1 and "carried_forward" in rows:
        rows = {"carried_forward"}  # "…还没答复 放明年": whatever was begun, it goes on next year
    if len(rows) > 1 and "partial" in rows and all(r in ("partial", "granted") or r.startswith("withheld.") for r in rows):
        # ("给了，但是把身份证号遮掉了": given with a part kept back, 部分公开)
        rows = {"partial"}  # "涉及商业秘密，遮掉一部分给的": the reason for what was kept back; it counts as 部分公开
    if len(rows) > 1 and (settled := re.search(r"[，,]\s*(?:就|那就|还是)?(?:算|按)(?P<r>[^，,。；;]{2,14}?)(?:吧|了|的|处理)?\s*[。！!]?\s*$", told)):
        # "…其实网站上早就公开了，告诉他去哪看了，算公开吧": the row the clerk settles on, said last
        picked = {a.key for a in vocabulary().anchors(settled.group("r")) if a.kind == "t3row" and a.key not in _NOT_RESULT} or (
            {"granted"} if re.fullmatch(r"(?:予以)?公开", settled.group("r")) else set())
        rows = picked if len(picked) == 1 else rows
    if not rows and _NOT_OURS_CASE.search(told):
        rows = {"unable.not_held"}  # "→ 我们没有 是区房管中心的": another body's information, not held here
    if not rows and (_GIVEN.search(line) or _ENDS_GRANTED.search(told)):
        rows = {"granted"}  # "直接给了": the information was given; "…今年1月份答复了，公开": so answered
    cols = {a.key for a in anchors if a.kind == "t3col"} or ({default_column} if default_column else set()) or (
        {"natural"} if _A_PERSON.match(_ITEM.sub("", told, count=1)) or _A_PERSON.match(_LEAD_DATE.sub("", _ITEM.sub("", told, count=1), count=1)) or (
            (someone := _SOMEONE.match(_ITEM.sub("", told, count=1)) or _SOMEONE_AFTER.search(told))
            and not _A_BODY.search(someone.group("who")))
        else set())  # "张某要…", "李女士要…", "一个老师要…"
    if len(cols) > 1 and (ask := _ASKS.search(told)):
        # "一家健身公司要…评审打分表，把专家个人信息遮了": who asked is named before what was asked for
        cols = {a.key for a in anchors if a.kind == "t3col" and a.end <= ask.start()} or cols
    if len(cols) > 1 and not chosen:
        # "一个人其实是投诉养殖场污染": who applied opens the line; a later applicant word is what it was about
        cols = {min((a for a in anchors if a.kind == "t3col"), key=lambda a: a.start).key}
    if not chosen and (put := _PUT_AS.search(told)):
        # "一家养殖合作社申请的，我们按企业算": the column the clerk put it in
        picked = {a.key for a in vocabulary().anchors(put.group(1)) if a.kind == "t3col" and a.start == 0 and a.end == len(put.group(1))}
        chosen = next(iter(picked)) if len(picked) == 1 else None
    if chosen:
        cols = {chosen}
    if len(rows) != 1 or len(cols) != 1:
        return None
    many = _SEVERAL.match(_ITEM.sub("", line, count=1))
    count = int(parse_number(many.group(1)) or 1) if many else 1
    return Case(next(iter(rows)), next(iter(cols)), bool(_LAST_YEAR.search(line)), at, at + len(line), count)


_NONE_CARRIED = re.compile(r"(?:去年|上年|今年|明年)?(?:也)?(?:没有|没)(?:转过来|结转过来|结转|转到明年|没办完|没办结|没答复)的?")
_COUNTED_COLUMN = re.compile(r"(?:自然人|个人|商业企业|企业|科研机构|社会公益组织|公益组织|法律服务机构|律所|其他)\s*[=＝:：]?\s*[0-9０-９]+(?![0-9０-９]*\s*(?:年|月|日|号|件|个|位|人|家|份))")
# "予以公开 3件（个人2 公司1）", "部分公开 1件 个人": a result row, its count, and who applied
_ROW_COUNTED = re.compile(r"\s*(?P<row>[^0-9０-９（(，,：:]{2,24}?)\s*[：:]?\s*(?P<n>[0-9０-９]+)\s*件\s*"
                          r"(?:[（(](?P<split>[^）)]{2,40})[）)]|(?:都是|均为|是)?(?P<col>[\u4e00-\u9fa5]{1,8}?)(?:的|申请的)?)?\s*[。.；;]?\s*")


def _one_rows_line(line: str, at: int) -> list[Case] | None:
    """A numbered line giving one result row its count and who applied ("① 予以公开 3件（个人2 公司1）"):
    the applications of that row, by applicant; None unless the row and every applicant are placed and
    the counts add up."""
    m = _ROW_COUNTED.fullmatch(_ITEM.sub("", line, count=1))
    if m is None:
        return None
    rows = {a.key for a in vocabulary().anchors(m.group("row")) if a.kind == "t3row" and a.key not in _NOT_RESULT}
    n = parse_number(m.group("n"))
    if len(rows) != 1 or n is None:
        return None
    row = next(iter(rows))
    counts: list[tuple[str, int]] = []
    if m.group("split"):
        for who, k in re.findall(r"([^\s0-9０-９，,、；;]{1,8}?)\s*([0-9０-９]+)\s*件?", m.group("split")):
            cols = {a.key for a in vocabulary().anchors(who) if a.kind == "t3col"}
            if len(cols) != 1:
                return None
            counts.append((next(iter(cols)), int(parse_number(k) or 0)))
    elif m.group("col"):
        cols = {a.key for a in vocabulary().anchors(m.group("col")) if a.kind == "t3col"}
        if len(cols) != 1:
            return None
        counts.append((next(iter(cols)), int(n)))
    if not counts or sum(k for _, k in counts) != n:
        return None
    return [Case(row, col, False, at, at + len(line), k) for col, k in counts if k]


# "另外两个个人问的…", "三个村民要…": one line telling several applications alike
_SEVERAL = re.compile(r"\s*(?:另外|还有|其他|其余)?\s*([两二三四五六七八九2-9])\s*(?:个|件|位|家|名)")


# "一件问…，直接给了；另一件是要…，按行政查询事项填的": applications told one after another
_ONE_MORE = re.compile(r"(?:(?<=[；;。，,！!\s])|^)(?:另外一件|另一件|还有一件|再有一件|最后一件|最后那件|第[一二三四五六七八九十]件|一件"
                       # ("一个要村道硬化的资金…；另一个要低保名单…": 个 for 件, each told by what was asked)
                       r"|(?:另外一个|另一个|还有一个|一个)(?=要|是要|问|申请|想要))(?![都也没])")
_ENDS_GRANTED = re.compile(r"(?:答复|处理|办)了?\s*[，,]\s*(?:予以)?公开\s*[。！!]?\s*$"
                           r"|[，,]\s*(?:算|按|属于|就算)(?:予以)?公开(?:的|吧|了)?\s*[。！!]?\s*$")  # ("…，算公开")
# "一个老师要…", "有个退休职工问…": one person who asked, by a word the vocabulary does not hold (not a body:
# "一个协会要…")
_SOMEONE = re.compile(r"\s*(?:还有|另外|然后)?\s*(?:另一?个|另一位|有个|有一个|有位|一个|一位)(?P<who>[\u4e00-\u9fa5]{1,4}?)"
                      r"(?:要|申请|问|想|查|来要|来问)")
# "去年还剩1件，是一个货车司机要…": who asked, said after the count
_SOMEONE_AFTER = re.compile(r"(?:[，,]\s*|^\s*(?:还有|另外|最后)?\s*(?:一件|一个|另一件)?)(?:是|就是)" + _SOMEONE.pattern.replace(r"\s*(?:还有|另外|然后)?\s*(?:", "(?:个|", 1))
_A_BODY = re.compile(r"(?:会|社|司|厂|所|院|站|局|委|中心|单位|组织|机构|集团|店|馆|校|园|部|室|队|行|处|科)$")
_GIVEN = re.compile(r"给(?:了|他了|她了|对方了|人家了)|提供了|直接给|都给了")
_EVERYONE = re.compile(r"都是(?:个人|自然人|群众|老百姓|市民|村民|居民)")


def cases_told_inline(message: str) -> list[Case]:
    """Applications told one after another in a sentence ("一件…，给了；另一件…，按行政查询事项"), each
    placed as on a line of its own; [] unless there are two or more and every one can be placed.
    Who applied may be said once before them ("今年就两件，都是个人的")."""
    marks = list(_ONE_MORE.finditer(message))
    if len(marks) < 2:
        return []
    head = message[:marks[0].start()]
    if _case(head.rstrip("，,。；; "), 0) is not None:
        return []  # ("一个村民要…，给他了。还有个人要…": an application told before the first 还有, one of them)
    everyone = "natural" if _EVERYONE.search(head) else None
    out: list[Case] = []
    for i, m in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else _last_end(message, m.start())
        case = _case(message[m.start():end], m.start(), default_column=everyone)
        if case is None:
            return []
        out.append(case)
    return out


# "今年一共收到3份申请，…。": how many applications the stories after it tell
_STORY_COUNT = re.compile(r"(?:收到|收了|接到|受理|来了|一共|总共|共)\s*([0-9０-９两二三四五六七八九十]+)\s*(?:份|件|个)(?:申请|依申请)?"
                          r"|(?:有|来了)\s*([0-9０-９两二三四五六七八九十]+)\s*个人(?:来)?(?:申请|要)")  # ("今年有两个人来申请公开信息")
# a story opens with who asked: "居民张某要…", "另一个居民要…", "物业公司要的是…", "还有个律所…"
_STORY_OPENER = re.compile(r"(?:另外|还有|然后|再就是|最后)?\s*(?:另一个|另一家|另一位|另一件|有个|有一个|有一家|一个|一家|一位|第[二三四五六七八九十]个)?")


def _story_spans(message: str, at: int = 0) -> list[list[int]] | None:
    """[start, end] of each story told from ``at`` on: a sentence or a part after ；opening with who asked
    starts one, any other goes on the one before; None when the text does not open with a story."""
    stories: list[list[int]] = []
    for part in re.finditer(r"[^。！!？?；;\n]+[。！!？?；;]?", message[at:]):
        start, end = at + part.start(), at + part.end()
        body = part.group(0)
        lead = _STORY_OPENER.match(body)
        rest = body[lead.end():] if lead else body
        if _A_PERSON.match(rest) or any(a.kind == "t3col" and a.start <= 3 for a in vocabulary().anchors(rest[:8])) or (
                lead and lead.group(0).strip() and re.match(r"人(?:要|申请|问|来|想|查)", rest)) or (
                (someone := _SOMEONE.match(body)) and not _A_BODY.search(someone.group("who"))) or (
                lead and re.search(r"另一(?:个|家|位|件)", lead.group(0)) and stories) or (
                lead and lead.group(0).strip() and re.match(r"是(?!.{0,3}(?:公开|部分|不予|无法|不掌握))|要|申请|来要|来问|问", rest)):
            # ("另一个人要…", "一个老师要…", "另一个是外地的", "一个是退休工人，要…")
            stories.append([start, end])
        elif stories:
            stories[-1][1] = end
        elif body.strip():
            return None
    return stories


# "刚翻到柜子里还有两份申请表，没登台账，都是冯某的：" over "一份…；" / "另一份…": more applications, one a part
MORE_TOLD = re.compile(r"(?:还有|又有|又找到|又翻到|又发现|多出|漏了|漏登了|漏记了)(?:了)?\s*(?P<n>两|俩|[2-6２-６]|三|四|五|六)\s*(?:份|件|个)"
                       r"(?:纸质的?|手写的?)?(?:申请表|申请书|申请)?[^。！!？?\n：:]{0,24}[：:]?\s*\n?")
_MORE_ITEM = re.compile(r"\s*(?:(?:另外?|还有)?(?:一|1)(?:份|件|个)|另(?:一|外一)(?:份|件|个)|第[一二三四五六1-6](?:份|件|个)|[①-⑥]|[1-6][.．、])")


def more_told(message: str) -> list[Case]:
    """"还有两份申请表，…都是冯某的：\n一份…，予以公开；\n另一份…，重复申请": applications not counted yet,
    each told in a part of its own; [] unless the parts are as many as said and every one is placed."""
    m = MORE_TOLD.search(message)
    if m is None or (n := parse_number({"两": "2", "俩": "2"}.get(m.group("n"), m.group("n")))) is None:
        return []
    lead = message[max(0, message.rfind("\n", 0, m.start()) + 1):m.end()]
    who = "natural" if (_EVERYONE.search(lead) or re.search(r"都是[\u4e00-\u9fa5]某某?的|都是(?:同一个人|一个人)", lead)) else None
    parts = [p for p in re.finditer(r"[^；;\n]+", message[m.end():]) if p.group(0).strip()]
    items = [p for p in parts if _MORE_ITEM.match(p.group(0))]
    if len(items) != int(n) or parts[:int(n)] != items:
        return []
    out = []
    for p in items:
        case = _case(p.group(0).rstrip("。 "), m.end() + p.start(), who)
        if case is None or case.count != 1 or case.carried_over:
            return []
        out.append(case)
    return out


def stories_after_a_count(message: str) -> list[Case]:
    """"我们今年一共收到3份申请，两个是居民个人申请的，一个是物业公司。居民张某要…，给他公开了；另一个居民
    要…，遮了一部分给他的；物业公司要的是…，我们街道没有。": after the sentence that counts them, one story an
    application, each opening with who asked (a sentence or a part after ；); [] unless the stories are as
    many as the count said and every one is placed (a sentence that opens with no one goes on the story
    before it)."""
    m = _STORY_COUNT.search(message)
    if m is None or (n := parse_number(m.group(1) or m.group(2))) is None or not 2 <= n <= 12:
        return []
    stop = re.compile(r"[。！!\n]").search(message, m.end())
    if stop is None:
        return []
    stories = _story_spans(message, stop.end())
    if stories is None or len(stories) != n:
        return []
    # ("…两个人来申请公开信息，都是个人。…另一个是外地的，…": who they all were, said with the count)
    return _each_story_one(message, stories, "natural" if _EVERYONE.search(message[:stop.end()]) else None)


def _each_story_one(message: str, stories: list[list[int]], default_column: str | None = None) -> list[Case]:
    """Each story placed as one application, or [] when one is not."""
    out = []
    for a, b in stories:
        case = _case(message[a:b].rstrip("；;。 "), a, default_column)
        if case is None or case.count != 1:
            return []
        out.append(case)
    return out


# "结转那件：", "去年转过来的那个：", "今年的：", "今年新收的：": a line's head saying whose stories follow
_STORY_HEAD = re.compile(r"(?m)^[ \t\u3000]*(?:(?P<carried>(?:去年|上年)?(?:结转|转过来|转来)(?:过来)?的?(?:那|这)?(?:一?件|一?个)?)"
                         r"|(?:今年|本年)(?:新收|收到|新来)?的?(?:这些|那些|几件|几个)?)[ \t\u3000]*[：:]")


def stories_alone(message: str) -> list[Case]:
    """"一个村民要…，给他了。还有个人要…也公开了。另一个人要…，部分公开的": a message of nothing but stories,
    one a sentence, each opening with who asked and placed (the count said in a message before); [] unless
    there are two or more and every one is placed. Lines headed "结转那件：" tell last year's, "今年的：" this
    year's."""
    heads = list(_STORY_HEAD.finditer(message))
    carried_from = [(h.end(), heads[k + 1].start() if k + 1 < len(heads) else len(message))
                    for k, h in enumerate(heads) if h.group("carried")]
    for h in heads:  # (blank, same length: the stories' spans stay the message's)
        message = message[:h.start()] + " " * (h.end() - h.start()) + message[h.end():]
    return [dataclasses.replace(c, carried_over=True) if any(c.start < b and a < c.end for a, b in carried_from) else c
            for c in _stories_alone(message)]


def _stories_alone(message: str) -> list[Case]:
    if any(n.unit not in ("年", "月", "日", "号") and not (n.value == 1 and n.unit in ("个", "家", "位", "名", "份", "张", "本", "套"))
           for n in find_numbers(message)):
        return []  # (counts of its own: read by the rows' words)
    stories = _story_spans(message, 0)
    if stories is None or len(stories) < 2:
        return []
    return _each_story_one(message, stories)


def _last_end(message: str, at: int) -> int:
    """Where the last application told ends: at its sentence's end, or at the first pause after its
    result ("…属于不掌握 去年没结转的": what follows is about something else)."""
    stop = re.compile(r"[。！!\n]").search(message, at)
    end = stop.start() if stop else len(message)
    words = [a for a in vocabulary().anchors(message[at:end]) if a.kind == "t3row" and a.key not in _NOT_RESULT]
    if words or _GIVEN.search(message[at:end]):
        after = max([at + a.end for a in words] + [at + g.end() for g in _GIVEN.finditer(message[at:end])])
        pause = re.compile(r"[\s，,；;]").search(message, after, end)
        if pause:
            return pause.start()
    return end


_COUNT_UNITS = ("", "件", "个", "项", "宗", "起", "例", "份")


def counted_in(quote: str, v: int | Decimal, sizes: tuple[int, ...] = (2, 3, 4)) -> bool:
    """Whether ``quote`` holds ``v`` applications as the check of a recorded count takes them: as many as
    it tells one by one (``items_in``), or ``sizes`` of its exact counts added up ("告知不存在的6件……
    告知非本机关职责的4件"). The grounding check and the reader's own counts use this one rule."""
    counts = [m.value for m in find_numbers(quote) if m.unit in _COUNT_UNITS and not m.approx][:12]
    return items_in(quote) == v or any(sum(c) == v for k in sizes for c in itertools.combinations(counts, k))


def items_in(quote: str) -> int:
    """How many applications, one each, ``quote`` tells: its numbered lines, or the ones told one
    after another ("一件…；另一件…")."""
    lines = sum(bool(_ITEM.match(line)) for line in quote.splitlines())
    if not lines and len(quote.splitlines()) >= 1 and all(_ONE_APPLICANT.match(line) for line in quote.splitlines() if line.strip()):
        lines = sum(bool(line.strip()) for line in quote.splitlines())  # "有个大学的课题组…给了。\n一个个人要…"
    if not lines and not _ONE_MORE.search(quote) and not re.search(r"[0-9０-９]", quote):
        lines = len(_story_spans(quote) or [])  # "居民张某要…，给他公开了；另一个居民要…，遮了一部分给他的"
    return lines or len(_ONE_MORE.findall(quote))


# "公司那件…算结转吧", "去年转过来那个：": one told before, by who asked or when ("这个咋填" asks)
THAT_ONE = re.compile(r"[那这](?:一|1)?件|那(?:一|1)?个(?![人月咋怎算该要])")
_ONE = re.compile(r"(?:还有|另外|又|漏了|最后)?(?:一件|1件|一个是|一个申请)|" + THAT_ONE.pattern
                  # "还有去年12月底一个律师事务所交的申请": one who applied, told by the application
                  + r"|(?:还有|另外|又有)[^，,。！？!?\n]{0,10}?一(?:个|家|位|名)[^，,。！？!?\n]{0,14}?(?:交的|提交的|提的|递的|申请的|的申请)"
                  + r"|(?:还有|另外|又有)\s*一(?:个|家|位|名)[^，,。！？!?\n\s]{1,10}?的"  # ("还有一个企业的到年底没办完")
                  # ("还有去年12月底来的一个 个人的 …给了": one more, told by when it came)
                  + r"|(?:还有|另外|又有)[^，,。！？!?\n]{0,10}?(?:来|收到|交来|送来|递来|寄来)的(?:一|1)(?:个|件|份)(?![人月])"
                  # ("刚翻到抽屉里还有一份纸质申请表，台账里没录：…": one more, found on paper)
                  + r"|(?:还有|又有|又找到|又翻到|又发现|多出|直接收过|自己收过|单独收过|还收过|另外收过|另收过)(?:了)?(?:一|1)(?:份|张)(?:纸质|手写|纸面)?的?申请(?:表|书|单)?")
# "…已公开。这件也要算上，是个人申请的": the sentence after the story, on the one it told
_THIS_ONE_GOES_ON = re.compile(r"[。！!]\s*(?:这|那)(?:一)?(?:件|个|份)(?=(?:也|要|得|都|还)?[^。！!\n]{0,12}?(?:算上|算进去|加上|计入|统计|是))"
                               r"(?![^。！!\n]*(?:[？?]|吧|吗|对不对|是不是))")  # (not a question on it: "这件是算去年结转的对吧？")


# "这件不在上面7件里": the one told is not among those counted before
NOT_AMONG = re.compile(r"[^，,。；;]{0,3}?(?:不在|不是|没在|没算在|不算在|没有算在)")
_HOW_TO_FILL = re.compile(r"咋填|怎么填|填哪|算哪|怎么算|咋算|怎么统计")


def _a_rows_count(sentence: str, one: re.Match[str]) -> bool:
    """"重复申请1件": the one is the count of the row named right before it."""
    before = sentence[:one.start()].rstrip()
    return any(a.kind in ("t3row", "t3group") and a.end == len(before) for a in vocabulary().anchors(before))


NO_APPLICATION = re.compile(r"(?:没|没有|未)(?:进入|进)(?:办理|受理)?程序")


def one_case_told(message: str) -> Case | None:
    """"依申请还有一件漏了，12月30号收到的，也是个人的，还没答复，转明年了": a single application told in
    one sentence, with who asked and one result row (or 结转下年度); None otherwise. One carried over
    from last year ("去年结转过来1件，…今年2月答复了") is told so by ``Case.carried_over``."""
    message = _THIS_ONE_GOES_ON.sub(lambda m: "，" + " " * (len(m.group(0)) - 1), message)
    sentences = [m for m in re.finditer(r"[^。！!\n]+", message) if _ONE.search(m.group(0))]
    if len(sentences) > 1:  # ("…公开了。这个算去年结转的吧？": the question after it asks about the one told)
        sentences = [m for m in sentences if not is_question(m.group(0))] or sentences
    if len(sentences) > 1:  # ("…今年年初给他公开了。孙某那件年底还在补正期": one told before, pointed at by name)
        sentences = [m for m in sentences if not ((p := re.match(r"([^，,。；;]{1,8}?)(?:那|这)(?:一|1)?件", m.group(0))) and not any(
            a.kind in ("t3col", "t3row", "t3group") for a in vocabulary().anchors(p.group(1))))] or sentences
    if len(sentences) > 1:  # ("重复申请1件也是个人。还有一个企业的…": a row's count of one is no application told)
        sentences = [m for m in sentences if not all(_a_rows_count(m.group(0), o) for o in _ONE.finditer(m.group(0)))] or sentences
    if len(sentences) != 1 or len([m for m in _ONE.finditer(sentences[0].group(0))
                                   if not NOT_AMONG.match(sentences[0].group(0), m.end())]) != 1:
        return None
    if is_question(sentences[0].group(0)) and not _HOW_TO_FILL.search(sentences[0].group(0)):
        return None  # "有一件是…，我放在部分公开里了，对吧？": one already counted, asked about
    m = sentences[0]
    if re.search(r"不服|起诉|告到|告了|复议|诉讼|法院|判决|开庭", m.group(0)):
        return None  # ("那个房地产公司对“不掌握”的答复不服，…直接到法院起诉了": a suit over one told before)
    if NO_APPLICATION.search(m.group(0)):
        return None  # ("系统里多出来那件是企业…自己撤回的，没进入办理程序": why it is not counted)
    case = _case(m.group(0), m.start())
    if case is not None and case.carried_over and case.row == "carried_forward":
        return None  # (one from last year still going on: which year's count it is, the words don't settle)
    return case


@dataclass(frozen=True, slots=True)
class Outcome:
    """One 复议 or 诉讼 of table 四, told on a numbered line."""

    block: str  # review | litigation_direct | litigation_after_review
    column: str  # upheld | corrected | other | pending
    start: int  # the line's span in the message
    end: int


def reviews_in_a_list(message: str) -> list[Outcome]:
    """"① 谢国强 对逾期不补正那件不服 申请复议 宁乡市政府维持 / ③ 彭丽 … 复议 维持了，她又去法院起诉了，年底
    还没开庭": 复议 and 诉讼 told one case a numbered line, each with its outcome; [] unless two or more
    lines tell them and every 复议 or 诉讼 of every such line has an outcome. A 诉讼 on the line of a
    复议 came after it; one alone was brought directly."""
    out: list[Outcome] = []
    pos = 0
    for line in message.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        if _ITEM.match(body) and any(n.value > 1 or n.unit == "件" for n in find_numbers(_ITEM.sub("", body, count=1))):
            return []  # ("① 行政复议12件：维持8、纠正2…": a block's counts a line, not one case a line)
        if _ITEM.match(body):
            anchors = sorted((a for a in vocabulary().anchors(body) if a.kind in ("t4block", "t4col")), key=lambda a: a.start)
            told: list[list[str | None]] = []  # [block, column] in the order said
            for a in anchors:
                if a.kind == "t4block":
                    block = a.key
                    if told and told[-1][1] is None and (block == told[-1][0] or (
                            block.startswith("litigation") and str(told[-1][0]).startswith("litigation"))):
                        continue  # ("申请复议 … 复议", "直接去法院起诉": the same one)
                    if block == "litigation":
                        block = "litigation_after_review" if any(b == "review" for b, _ in told) else "litigation_direct"
                    told.append([block, None])
                elif told and told[-1][1] is None:
                    told[-1][1] = a.key
            if told:
                if any(col is None for _, col in told):
                    return []
                out += [Outcome(str(b), str(c), pos, pos + len(body)) for b, c in told]
        pos += len(line)
    return out if len({o.start for o in out}) >= 2 else []
