"""The deterministic reader of what staff say: one message → every value it states, in any order.

    reading = read_message(message, topic="t3", known={...})   # what has a value already
    reading.ops        # PatchOps, each quoting the message (grounded again by check_patch)
    reading.unexplained, reading.questions, reading.zero_scope_unclear

It reads pasted tables (through the importer's table reader), labelled free text, named facts in the
words people use, tables 二–四 in words, scoped zeros, the agency and its level, the report year, and
questions. The words are data: ``prompts/vocabulary.toml``. Every number of the message is either in
an op or in ``unexplained`` (dates and numbers inside free text aside), so none is dropped silently.
"""

from __future__ import annotations

import copy
import dataclasses
import functools
import itertools
import re
import threading
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from assistant._script import holds_traditional, t2s_same_length
from assistant.numbers import RANGE_PAIRS, NumberMention, find_numbers, parse_number, to_halfwidth
from assistant.reading._cases import ITEM as _ITEM_LINE
from assistant.reading._cases import MORE_TOLD as _MORE_TOLD
from assistant.reading._cases import NOT_AMONG as _NOT_AMONG
from assistant.reading._cases import THAT_ONE as _THAT_ONE
from assistant.reading._cases import Case as _Case
from assistant.reading._cases import Outcome as _Outcome
from assistant.reading._cases import case_of_line as _case_of_line
from assistant.reading._cases import cases_after_a_colon as _cases_after_a_colon
from assistant.reading._cases import cases_in_a_list as _cases_in_a_list
from assistant.reading._cases import cases_told_inline as _cases_inline
from assistant.reading._cases import cases_told_one_per_line as told_one_per_line
from assistant.reading._cases import counted_in, items_in
from assistant.reading._cases import more_told as _more_told
from assistant.reading._cases import one_case_told as _one_case_told
from assistant.reading._cases import persons_told as _persons_told
from assistant.reading._cases import reviews_in_a_list as _reviews_in_a_list
from assistant.reading._cases import stories_after_a_count as _stories
from assistant.reading._cases import stories_alone as _stories_alone
from assistant.reading._cases import the_list_goes_on as _the_list_goes_on
from assistant.reading._form import form_lines as _form_lines
from assistant.reading._guide import guide_answer
from assistant.reading._identity import PARENT_CITY as _PARENT_CITY
from assistant.reading._identity import agency_name_in, full_agency_name, infer_level, said_as
from assistant.reading._identity import placed_name_in as _placed_name_in
from assistant.reading._notes import (
    _KEPT_IN_COLUMN,
    _OLD_IN_NOTE,
    _SAID_AS_WRONG,
    CHANNELS,
    NOTE_EXPLAINS,
    _channels,
    _count_then_who,
    _fee_with_cases,
    _kinds_pointed,
    _notes_none,
    _notes_shorthand,
    _one_more_applicant,
    _row_notes,
    _short_applicants,
    _years_carried,
    _years_side_by_side,
)
from assistant.reading._orgs import orgs_told as _orgs_told
from assistant.reading._questions import is_question
from assistant.reading._review import comment_segments as _comment_segments
from assistant.reading._review import comment_subject as _comment_subject
from assistant.reading._review import official_row_refs as _official_row_refs
from assistant.reading._review import review_in as _review_in
from assistant.reading._review import taken_comment_words as _taken_comment_words
from assistant.reading._review import taken_comments as _taken_comments
from assistant.reading._sections import applicant_sections as _applicant_sections
from assistant.reading._statements import (
    _ABSOLUTE_AFTER,
    _CORRECTS,
    _REVISED_FROM,
    Reading,
    Stated,
    Zero,
    _column_named,
    _Context,
    _resolve,
    read_statements,
)
from assistant.reading._tables import group_total_lines as _group_total_lines
from assistant.reading._tables import is_table_line, parse_pasted_tables
from assistant.reading._tables import orgs_column as _orgs_column
from assistant.reading._tables import t2_2019 as _t2_2019
from assistant.reading._tables import t2_in_table_order as _t2_in_table_order
from assistant.reading._tables import t4_in_table_order as _t4_in_table_order
from assistant.reading._texts import Text, labelled_texts
from assistant.reading._texts import said_of_a_topic as _said_of_a_topic
from assistant.reading._vocab import ARTICLE_MARK as _ARTICLE_MARK
from assistant.reading._vocab import Anchor as _Anchor
from assistant.reading._vocab import vocabulary
from schemas.facts import FACT_SPECS, TEXT_FIELDS
from schemas.labels import T3_APPLICANT_COLUMNS
from schemas.layout import ALL_CELL_ADDRESSES, T3_COLUMNS, T3_RESULT_ROWS, T3_ROWS
from schemas.patches import PatchOp

__all__ = [
    "MessageReading", "Reading", "Stated", "Text", "Zero", "agency_name_in", "continued", "counted_in", "full_agency_name",
    "guide_answer", "infer_level", "is_question", "is_table_line", "items_in", "labelled_texts", "parse_pasted_tables", "read_message",
    "read_statements", "said_as", "sheet_row_numbers", "star_fixed", "told_one_per_line", "typed_as_read", "vocabulary",
    "wants_said_before",
]

_HOLD_ON_WORDS = (r"(?:你)?(?:等下|等一下|等等|稍等|稍等一下|等我一下|马上|马上来|我(?:去)?(?:查|翻|找|问|看)(?:一下|下|查|翻|找|问|看)?"
                  r"(?:台账|表|记录|系统)?(?:啊|哈)?|在找|在查|找到了|查到了|稍后发你|一会儿?发你|"
                  # "先这样 明天在说": the day's work stops here (在 for 再, as typed)
                  r"先(?:这样|到这|到这儿|到这里)(?:吧|哈)?|(?:明天|明早|下午|晚点|回头|回来|改天|待会儿?)(?:再|在)(?:说|弄|补|继续|接着弄|聊)(?:吧|哈)?)")
_HOLD_ON = re.compile(f"{_HOLD_ON_WORDS}(?:[\\s，,。.!！~～…]*{_HOLD_ON_WORDS})*[。.！!~～…]*")
_ACK = re.compile(r"(?:好|好的|好滴|嗯|嗯嗯|行|OK|ok|Ok|收到|知道了|明白|明白了)[。.！!~～]*")
_SKIP = re.compile(r"^\s*(?:跳过|先跳过|不清楚|不知道|不确定|以后再说|稍后再说|待定|暂不填)\s*[。.！!]?\s*$")
_BARE_YES = re.compile(r"^\s*(?:有|是|是的|对|对的|有的|收了|收取了|公开了|已公开)\s*[。.！!]?\s*$")
_BARE_NO = re.compile(r"^\s*(?:没有|没|无|否|不是|没收|没有收|没收过|没有收过|不收|没收取|没有收取|未收取|未收|都没有|一个也没有)\s*[。.！!]?\s*$")
_NUMBER_RUN = re.compile(r"(?:[0-9０-９][0-9０-９,，]*[ \u3000\t]+){3,}[0-9０-９]")
# "制發 件1，廢止 件0" "收費 萬元0": a keyboard that puts the measure word first. After a space only
# (附件3, 案件12, 第3条 are words and numbers of their own), and only where no measure word follows.
_UNIT_FIRST = re.compile(r"(?<=[ \u3000])(件|条|條|篇|期|场|場|万元|萬元)([0-9０-９]+(?:[,，][0-9０-９]{3})*(?:[.．][0-9０-９]+)?)"
                         r"(?![0-9０-９%％]|\s*(?:件|条|條|篇|期|场|場|个|個|次|万|萬|元|年|月|日|号|號|人|家))")
_SAME_AS_LAST_YEAR = re.compile(r"(?:和|跟|同|与)(?:去年|上年|上一年)(?:的)?(?:一样|相同|差不多)")


@dataclass
class MessageReading:
    ops: list[PatchOp] = field(default_factory=list)
    unexplained: list[str] = field(default_factory=list)  # "…12期…": numbers no item could take
    questions: list[str] = field(default_factory=list)  # sentences that ask something
    zero_scope_unclear: str | None = None  # "都是0" with no table in question: the words
    level_inferred: str | None = None  # a level taken from the agency's name (to be confirmed)
    name_completed: tuple[str, str] | None = None  # (as said, as recorded): the body's full name
    short_name: str | None = None  # "县市监局的": a body named without its place, which no report is titled by
    zero_deferred: str | None = None  # "其他都是0" not applied: some numbers of the message were not read
    summed_lines: list[str] = field(default_factory=list)  # rows added up into one row ("在线申请 168 31 …")
    quoted_mail: str | None = None  # the mail a forwarded reply quotes below it ("---- 原始邮件 ----"): not read
    # a part of the year's table 三 ("上半年：…"): its cells, held until the last part comes (then added up)
    period_ops: list[PatchOp] = field(default_factory=list)
    period_held: str | None = None  # the part held ("上半年")
    period_sum: str | None = None  # the parts added up ("上半年、下半年")
    # "没导出来的行就是没有，都是0" said before the table it is about: not applied, kept for the table
    zero_awaits_table: str | None = None
    zero_nothing_left: str | None = None  # "剩下的行都是0" when every cell of the table has a value already
    same_as_last_year: bool = False  # "和去年一样"
    same_topic: str | None = None  # the text fact named with it ("平台建设和去年一样")
    table_lines: list[str] = field(default_factory=list)
    # a table the words say is last year's ("表三我先把去年的贴给你"): its cells, not recorded as this year's
    last_years: list[PatchOp] = field(default_factory=list)
    whole_system: list[str] = field(default_factory=list)  # a table of the agency and its subordinate bodies together
    by_number: bool = False  # answered by the numbers of a notice pasted before (read with the messages before)
    # a figure placed by the message before ("许可…批了37户", then "37是收到的申请户数…以32为准")
    placed_by_before: bool = False
    hold_on: bool = False  # "等下", "我去翻一下": the clerk is looking something up — nothing to read, no answer yet
    awaits_number: str | None = None  # "依申请 今年新收的": an item named alone, its number to come in the next message
    pinyin: bool = False  # "wo shi shimen zhen …": typed in pinyin (no input method), which the reader cannot read
    replaced: list[str] = field(default_factory=list)  # old values named to be replaced ("不是3件")
    excluded: list[str] = field(default_factory=list)  # numbers the clerk says are not counted ("…的不算")
    other_year: list[str] = field(default_factory=list)  # sentences dated another year ("2023年，本机关共收到…")
    rough: list[str] = field(default_factory=list)  # numbers said as a guess ("五百四十条左右"), not recorded
    not_ours: list[str] = field(default_factory=list)  # a hotline's or a mailbox's counts: no figure of this report
    carried_result_later: list[str] = field(default_factory=list)  # last year's one's result, before this year's
    noted: list[str] = field(default_factory=list)  # said of how to read a table ("空着的格子就是0")
    orgs_column: str | None = None  # a sheet's "单位" column (every applicant but people), left open and asked about
    # a reviewer's comments pasted ("审核意见：1.…请核实"): their figures are claims, not recorded; each
    # comment with a figure, said back with its number
    review: list[str] = field(default_factory=list)
    review_comments: int = 0  # how many comments the review pasted has
    asked_if_counted: list[str] = field(default_factory=list)  # "登记了3件？…这些算依申请吗": held until settled
    in_doubt: list[str] = field(default_factory=list)  # "另一件还没出结果吧 我再问问": a case's result to be checked
    review_kept: list[str] = field(default_factory=list)  # "第2条不改": the comments the clerk rejects ("第2条")
    review_unread: list[str] = field(default_factory=list)  # "第3条按他说的改" whose figure could not be read
    group_lines: list[str] = field(default_factory=list)  # a pasted table's group sums ("不予公开 10 7 …"): no cells
    scores: list[str] = field(default_factory=list)  # a scoring form's points ("自评5分"): no figure of the report
    old_format: list[str] = field(default_factory=list)  # the 2019 template's cells the 2021 format has not ("行政许可 本年增/减-2")
    files: list[str] = field(default_factory=list)  # file paths, file names and web addresses typed in
    checked: list[str] = field(default_factory=list)  # a group's sum that equals its rows ("不予公开3件")
    # numbers that are words, by rule ("两个加起来", "一件一件", "1-6月"; "结转下半年7" of a part of the year)
    not_counts: list[str] = field(default_factory=list)
    # values the reader computed from ones said in earlier messages ("其余都是个人" after "新收46件"):
    # not written in this message, so no check against its words can pass them; recorded as computed
    computed: list[PatchOp] = field(default_factory=list)
    # table-三 cells whose op is a count to add to what is recorded ("12月又收了一件…给了": one more,
    # not a new count of the row)
    added: list[str] = field(default_factory=list)
    # "处罚再加2件" (+1), "公众号多算了5条" (-1): the op's value is a difference to the recorded value
    by_difference: dict[str, int] = field(default_factory=dict)
    # wording to be written in the report, in quotes ("改成“新收申请除2件…外均已按期答复”"): no figure of it read
    wording: list[str] = field(default_factory=list)

    @property
    def explained(self) -> bool:
        """Everything in the message is accounted for by the ops (nothing left for a model)."""
        return not self.unexplained and not self.zero_scope_unclear and not self.zero_deferred


def _states_a_fact(sentence: str) -> bool:
    r = read_statements(sentence)
    # ("…公众号每周至少推3条。创新的没有": another topic said to be none ends the passage)
    return bool(r.stated or r.zeros) or _said_of_a_topic(sentence.strip(" ，,。；;")) is not None


_QUOTED_MAIL = re.compile(r"^[ \t\u3000]*[-—=_]{3,}[ \t\u3000]*(?:原始邮件|原邮件|Original Message|转发邮件|Forwarded message)"
                          r"[ \t\u3000]*[-—=_]{3,}[ \t\u3000]*$|^[ \t\u3000]*在\s*.{4,60}写道[：:]\s*$", re.MULTILINE | re.IGNORECASE)
# the rows a table pasted will not hold ("没导出来的行就是没有，都是0", "表上没列的都是0")
_NOT_IN_THE_TABLE = re.compile(r"没导出|没有导出|没写的|没有写的|没填的|没有填的|没列|没有列|没出现|没有出现|表上没有|表里没有|没贴|没有贴")
# "办理结果我从备忘录里贴 没写的都是0": a table still to be pasted
_PASTE_TO_COME = re.compile(r"(?:我|下面|接下来|等下|马上|这就)[^，,。！!]{0,10}?(?:贴|粘|复制|拷|抄|(?:发|转)给?你)(?!了)")
_OTHER_ROWS = re.compile(r"(?:其他|其余|别的|剩下的?|另外的)(?:的)?(?:行|几行|各行)")
_THAT_TABLE = re.compile(r"表上|表里|表中|表格里|这张表|那张表|刚才的表|上面的表|没出现|没列|没导出|没有列出")


# a path (D:\…, /home/…, ~/…), a file name with its extension, a web address
# (a path opens at a word's start with a letter: "自然人/商业企业/…" and "8/3/1" are no paths)
_FILE = re.compile(r"https?://[^\s，。；]+|(?:[A-Za-z]:[\\/]|(?<![\w/])~?/(?=[A-Za-z._~]))[^\s，。；“”]+|[^\s，。；、“”:：]+\.(?:xlsx|xls|et|csv|ods|docx|doc|wps|pdf|txt|html?)\b",
                   re.IGNORECASE)


# "之前漏了一起", "多算了2件": how a new count differs from the one recorded
_SLIP = re.compile(r"漏了|漏掉|漏算|漏报|少算|少报|少说|少统计|多算|多报|多说|多统计")


def _two_values_named_back(message: str, out: MessageReading, earlier: Mapping[str, object] | None = None) -> None:
    """One item given two different numbers in one message that does not say which is right (the
    reader placed a count of one story in two rows): neither is recorded, both are named back."""
    flags: dict[str, list[PatchOp]] = {}
    for op in out.ops:  # "收了1件 120元……不对不对，那是2022年的，今年没收": the last word on a yes/no item
        if op.op == "set" and isinstance(op.value, bool):
            flags.setdefault(op.field, []).append(op)
    for name, said in flags.items():
        if len({op.value for op in said}) > 1:
            last = max(said, key=lambda op: message.rfind(op.quote) + len(op.quote))
            out.ops = [op for op in out.ops if op.field != name or op is last] if _CORRECTS.search(message) \
                else [op for op in out.ops if op.field != name]
    values: dict[str, set[str]] = {}
    for op in out.ops:
        if op.op == "set" and not isinstance(op.value, bool) and op.value is not None:
            values.setdefault(op.field, set()).add(str(op.value))
    for name in [f for f, v in values.items() if len(v) == 2]:
        # "表二是去年表格直接拷过来的，行政处罚35是去年的，今年…是28件": the value refused as last year's
        said = [op for op in out.ops if op.field == name]
        refused = [op for op in said if any(re.search(rf"(?<![0-9.]){re.escape(str(op.value))}(?![0-9.])", x) and re.search(
            r"(?:是|为)(?:去年|上年|上一年)", x) for x in out.excluded)]
        if refused and len({str(op.value) for op in said if op not in refused}) == 1:
            out.replaced += [op.quote for op in refused]
            out.ops = [op for op in out.ops if op not in refused]
            values[name] = {str(op.value) for op in said if op not in refused}
    for name in [f for f, v in values.items() if len(v) == 2 and all(re.fullmatch(r"\d+", x) for x in v)]:
        # "发布政策解读二十六篇，其中以图解、短视频形式解读9篇": a part of the count after 其中, no second count
        said = sorted((op for op in out.ops if op.field == name), key=lambda op: message.find(op.quote))
        first, last = said[0], said[-1]
        a, b = message.find(first.quote), message.find(last.quote)
        if 0 <= a < b and int(str(last.value)) < int(str(first.value)) and not re.search(r"其余|剩下|剩余|余下", last.quote) and ((re.search(
                r"其中", message[a + len(first.quote):b + len(last.quote)]) and not re.search(r"[。；;\n]", message[a:b])
                and b - (a + len(first.quote)) <= 12)
                # "政协提案二十八件 … 有一件提案涉及跨部门 还在办": one of them told, no second count
                or (re.match(r"\s*(?:有|其中|另有|还有)\s*(?:一|1|１)\s*(?:件|个|条)", last.quote) and not re.search(
                    r"不算|不是|不计|不属于|去掉|扣掉|排除|减", message[b:b + len(last.quote) + 30]))):
            out.unexplained.append(last.quote)
            out.ops = [op for op in out.ops if op.field != name or str(op.value) == str(first.value)]
            values[name] = {str(first.value)}
    if _CORRECTS.search(message):
        for name in [f for f, v in values.items() if len(v) > 1]:
            # "其中1件其实是重复申请 … 重复申请应该是3": the value the correction settles on
            said = [op for op in out.ops if op.field == name]
            settled = [op for op in said if re.search(r"应该?是|应为|改成|改为|实际是|准确的?是|其实", op.quote)]
            if settled:
                keep = max(settled, key=lambda op: message.rfind(op.quote))
                out.replaced += [op.quote for op in said if op is not keep]
                out.ops = [op for op in out.ops if op.field != name or op is keep]
        return
    clash = {f for f, v in values.items() if len(v) > 1 and all(re.fullmatch(r"\d+(?:\.\d+)?", x) for x in v)}
    for name in list(clash):
        # "处罚…是8起 之前漏了一起" after 7: the new count, and how it differs from the one recorded
        said = [op for op in out.ops if op.field == name]
        old = (earlier or {}).get(name)
        slip = [op for op in said if _SLIP.search(op.quote)]
        if len(said) != 2 or len(slip) != 1 or not isinstance(old, int) or isinstance(old, bool):
            continue
        count = next(op for op in said if op is not slip[0])
        sign = -1 if re.search(r"多", _SLIP.search(slip[0].quote).group(0)) else 1  # type: ignore[union-attr]
        if old + sign * int(str(slip[0].value)) == int(str(count.value)):
            out.ops.remove(slip[0])
            out.checked.append(slip[0].quote)
            clash.discard(name)
    if not clash:
        return
    out.unexplained += list(dict.fromkeys(op.quote for op in out.ops if op.field in clash))
    out.ops = [op for op in out.ops if op.field not in clash]


def _blanket_scope(reading: Reading, stated: Iterable[str], topic: str | None, table_ops: list[PatchOp],
                   message: str = "", recent: Iterable[str] = ()) -> list[str]:
    """The tables a "都是0" is about: named in the message, else touched by it, else the table of the
    message before when this one points at it ("表上没出现的那些行都是0"), else asked about."""
    if reading.tables_named:
        return sorted(reading.tables_named)
    touched = {t.split(".")[0] for t in stated if t.startswith(("t2.", "t3.", "t4."))}
    touched |= {op.field.split(".")[0] for op in table_ops}
    if touched:
        return sorted(touched)
    kinds = {"t3row": "t3", "t3group": "t3", "t2row": "t2", "t4block": "t4"}
    # (rows of their own, not "申请" or "总计", which any sentence about the tables has)
    if len(tables := {kinds[a.kind] for a in vocabulary().anchors(message) if a.kind in kinds
                      and a.key not in ("new_received", "total", "carried_over", "carried_forward")}) == 1:
        return sorted(tables)  # "表里没列的那些情形都是0 比如国家秘密 逾期不补正": the table of the rows named
    if (last := sorted(set(recent))) and _THAT_TABLE.search(message):
        return last
    if topic and topic.split(".")[0] in ("t2", "t3", "t4"):
        return [topic.split(".")[0]] if "." not in topic else [topic]
    if topic == "tables":
        return ["t2", "t3", "t4"]
    return []


_DITTO_LINE = re.compile(r"\n[ \t]*〃[ \t]*(?=[\u4e00-\u9fa5]{1,8}[ \t]*[0-9０-９]+[ \t]*$)", re.MULTILINE)


# (never after a number and a space, nor before a space and a number: "12 345 6" is three cells of a row)
_SPACED_THOUSANDS = re.compile(r"(?<![0-9０-９.,，])(?<![0-9] )[1-9][0-9]{0,2}(?: [0-9]{3})+"
                               r"(?=(?:件|条|篇|场|个|次|元|万|人|家|户|份|项|起|[；;，,。、）)（(\t]|$))(?! ?[0-9])", re.MULTILINE)
# (with 〇 anywhere, or right after an applicant or a total; never a range such as 三四, nor 十/百/千)
_DIGIT_BY_DIGIT = re.compile(r"(?<![零〇一二三四五六七八九十百千万两第])(?:(?P<o>[一二三四五六七八九][〇零一二三四五六七八九]*〇[〇零一二三四五六七八九]*)"
                             r"|(?<=个人|企业|律所|公益|科研|其他|合计|总计|小计|办结|公司)[ \u3000]?(?P<d>[一二三四五六七八九][〇零一二三四五六七八九]{1,3}|〇))"
                             r"(?![零〇一二三四五六七八九十百千万两年月日号点])")
_EMOJI = re.compile("[\U0001F300-\U0001FAFF\U0001F000-\U0001F02F\u2600-\u26FF\uFE0F]")
_I_IN_SHAANXI = re.compile(r"(?:(?<=^)|(?<=[，,。！!？?；;\s帮给跟让叫替]))额(?=是|们|再|就|贴|给|这|那|也|都|说|想|觉得|弄|对|查|记|问)", re.MULTILINE)
# "我是沁河县柳树沟镇的", "俺是西关街道的": a township named as where the clerk works
_TOWNSHIP_SAID = re.compile(r"(?:我是|我们是|俺是|俺们是|阮是|我这儿是|我这边是|这边是|我这里是)(?P<place>[\u4e00-\u9fa5]{2,14}?(?:镇|乡|街道))(?:的|这边|这里)(?![\u4e00-\u9fa5]{0,3}(?:居民|村民|群众|老百姓|人$))")
_TWO_OR_THREE = re.compile(r"(?<=[\u4e00-\u9fa5])(?<![咱他她你我们哥姐弟妹爷娘兄俩仨那这])[俩仨](?=[ \u3000\t\n，,。；;、）)：:]|$|件|个|篇|条|场)"
                           # "俩是个人的，一个是律所的", "俩维持，一个纠正": two or three of those just said, opening a clause
                           r"|(?:(?<=[，,。；;：:\s])|^|(?<=里头|里面|里边|其中|当中))[俩仨](?=是|都是|维持|纠正|撤|还没|没|未|在)", re.MULTILINE)
_CN_DIGIT = {c: str(i) for i, c in enumerate("〇一二三四五六七八九")} | {"零": "0"}


def _in_digits(m: re.Match[str]) -> str:
    run = m.group("o") or m.group("d")
    if m.group("d") and len(run) == 2 and run in RANGE_PAIRS:
        return m.group(0)  # ("个人三四件": three or four)
    return m.group(0)[:len(m.group(0)) - len(run)] + "".join(_CN_DIGIT[c] for c in run)


_SIGNED = re.compile(r"(?<=[\u4e00-\u9fa5 \u3000\t（(：:，,])[+＋−－](?=[0-9０-９])")
_BULLET = re.compile(r"^[ \t\u3000]*[-*•·▪][ \t\u3000]*(?=[\u4e00-\u9fa5【\[（(“])", re.MULTILINE)
# (a star right before a word, "*企业14" as a one-line message, is a fix of the message before: kept)
_BULLET_ONE_LINE = re.compile(r"^[ \t\u3000]*(?:[-•·▪][ \t\u3000]*|\*[ \t\u3000]+)(?=[\u4e00-\u9fa5【\[（(“])")
_KEYCAPS = re.compile(r"(?:[0-9]\ufe0f?\u20e3)+|\U0001f51f")


def _as_circled(m: re.Match[str]) -> str:
    digits = "10" if m.group(0) == "\U0001f51f" else re.sub(r"[^0-9]", "", m.group(0))
    n = int(digits)
    mark = chr(0x2460 + n - 1) if 1 <= n <= 20 else digits + "."
    return (mark + " " * len(m.group(0)))[:len(m.group(0))]


# Hangul, Tibetan, Mongolian, Uyghur (Arabic script) and Yi: an autonomous area's forms are bilingual
# (with a number inside their words: "제20조 제(8)항" is the same 第二十条第（八）项 as the Chinese beside it)
_OTHER = "[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af\u0f00-\u0fff\u1800-\u18af\u0600-\u06ff\ufb50-\ufdff\ufe70-\ufefe\ua000-\ua4cf]"
_OTHER_SCRIPT = re.compile(f"{_OTHER}+(?:(?:[ \u3000]+|[0-9().（）]+){_OTHER}+)*")


# a table's scope line that takes in the agency's subordinate bodies ("统计范围：宁州市（含所属县局）")
_WITH_SUBORDINATES = re.compile(r"(?:统计范围|范围|口径|统计口径)\s*[：:][^\n]{0,30}?(?:含|包括|包含)(?:所属|下属|各|直属)[^\n）)]{0,12}[）)]?")
# (not 第二十条's items: table 二's block headings, read as such)
_ARTICLE_ITEM = re.compile(r"(?<!二十)(?<!20)(条第?)[（(]([一二三四五六七八九十0-9]{1,2})[)）](?=项)")
_FORWARD_HEADER = re.compile(r"(?m)^[ \t\u3000]*[\[【][^\]】\n]{1,24}?[ \t\u3000]+(?:20[0-9]{2}[-/.年][0-9]{1,2}[-/.月][0-9]{1,2}日?[ \t\u3000]+)?"
                             r"[0-2]?[0-9][:：][0-5][0-9](?:[:：][0-5][0-9])?[ \t\u3000]*[\]】][ \t\u3000]*")
_FOOTNOTE_MARK = re.compile("(?<=[0-9０-９])[¹²³⁴⁵⁶⁷⁸⁹⁰]+")


@functools.lru_cache(maxsize=2)
def _dialect_words(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, sorted(words, key=len, reverse=True))))


def _standard(m: re.Match[str], dialect: Mapping[str, str]) -> str:
    """The standard word for a regional one; blank where the standard word follows anyway ("규장 规章")."""
    word = dialect[m.group(0)]
    if m.string[max(0, m.start() - 1):m.start()] in vocabulary().words.get("not_dialect_after", ()):
        return m.group(0)  # ("怎么办", "那么有名": a standard word, not 西北话's 么 for 没)
    if m.string[m.end() - 1:m.end() + 1] in vocabulary().words.get("not_dialect_before", ()):
        return m.group(0)  # ("3件系统里没有": 系统)
    if m.string[m.end():m.end() + 12].lstrip(" \t\n\u3000\"“").startswith(word):
        return " " * len(word)
    return word


_K_OR_W = re.compile(r"(?<=[0-9])[wWkK](?![A-Za-z0-9])")
_STOP_AS_POINT = re.compile(r"(?<=[0-9])。(?=[0-9]{1,4}\s*(?:万元|万|元|块|[%％]))")

def typed_as_read(message: str) -> str:
    """``message`` as the reader reads it, position for position (the text keeps its length): in
    simplified characters (a phone left on a traditional keyboard: "行政處罰 186件"), with a measure word
    typed before its number put after it ("新收 件38" → "新收 38件"), regional words read as the
    standard ones (``[dialect]`` of the vocabulary: "莫得" → "没有"), a list numbered in keycap emoji
    ("1️⃣ 新收：…") numbered ①…⑳, thousands spaced apart joined ("1 208件"), a list's bullets ("- ", "• ") blank, and a line opening with a ditto mark
    joined to the line above ("…制发 0\n〃 废止 0")."""
    if '"' in message and "\t" in message:  # Excel's copy of a cell with a line break in it: '"（二）部分公开⏎（区分…）"\t…'
        # (not a bilingual sheet's cells, "구분⏎项目": each line a label of its own, the other script blanked below)
        message = _EXCEL_WRAPPED_CELL.sub(lambda m: m.group(0) if _OTHER_SCRIPT.search(m.group(0)) or not all(
            re.search(r"[\u4e00-\u9fa5]", line) for line in m.group(0).split("\n")) else m.group(0).replace("\n", " "), message)
    if holds_traditional(message):
        message = t2s_same_length(message)
    # "第三十六条第（四）项": the item's brackets as word joiners, so that the reference is one word (same length)
    message = _ARTICLE_ITEM.sub(lambda m: f"{m.group(1)}{_ARTICLE_MARK}{m.group(2)}{_ARTICLE_MARK}", message)
    message = vocabulary().as_meant(message)  # "甲请 今午一共收了6仵": handwriting input's look-alikes
    # "[党政办 何晓 09:41] 网站发了72条": a chat forward's header, who and when, no part of what is said (same length)
    message = _FORWARD_HEADER.sub(lambda m: " " * len(m.group(0)), message)
    # "252¹": a footnote's mark copied from Word with its cell, no digit of the number
    message = _FOOTNOTE_MARK.sub(lambda m: " " * len(m.group(0)), message)
    if "\u20e3" in message or "\U0001f51f" in message:  # "1️⃣ 新收：…", "1️⃣5️⃣", "🔟": a list's numbers, as ①…⑳
        message = _KEYCAPS.sub(_as_circled, message)
    # "行政许可1 208件", "处罚 18 652；", "\t1 071\t": a space between thousands (not cells of a row)
    message = _SPACED_THOUSANDS.sub(lambda m: m.group(0).replace(" ", ","), message)
    # "收费86。45万元", "办结率94。5%": a phone's full-width stop typed for the decimal point (same length)
    message = _STOP_AS_POINT.sub(".", message)
    # "访问量52.3w", "独立访客8k多": chat shorthand for 万 and 千 (not "18 KB", "5G")
    message = _K_OR_W.sub(lambda m: "万" if m.group(0) in "wW" else "千", message)
    # "个人一〇八六", "律所三一": a number typed digit by digit in Chinese, in Arabic digits (same length)
    message = _DIGIT_BY_DIGIT.sub(_in_digits, message)
    # "服役和诉讼也都没有": voice input's 服役 for 复议 (the same sound), beside a lawsuit or a review's result
    message = re.sub(r"服役(?=\s*(?:和|与|及|、|跟)?\s*(?:行政)?诉讼|[^。\n]{0,8}(?:维持|纠正|审结))", "复议", message)
    # "企业仨", "废止俩": two or three after an item (not "咱俩")
    message = _TWO_OR_THREE.sub(lambda m: "2" if m.group(0) == "俩" else "3", message)
    # "个人 +3", "不掌握 个人 −2": a change said with a sign, in words (same length; not "62+9", nor "XLCY-2025")
    if _REVISED_FROM.search(message):  # (elsewhere "许可－3件" is a negative count, refused as such)
        message = _SIGNED.sub(lambda m: "加" if m.group(0) in "+＋" else "减", message)
    # "- 个人 5件：公开3", "  • 企业1件 公开了": a list's bullet, no part of its line
    message = (_BULLET if "\n" in message.strip() else _BULLET_ONE_LINE).sub(lambda m: " " * len(m.group(0)), message)
    if dialect := vocabulary().dialect:  # "表三一件都莫得", "冇复议": read as the standard word, of the same length
        message = _dialect_words(tuple(dialect)).sub(lambda m: _standard(m, dialect), message)
    # "在吗在吗👋 某省文化和旅游厅办公室的": an emoji parts what it stands between, as a comma would
    message = _EMOJI.sub("，", message)
    # "额是某市交通运输局的", "帮额弄一下": 陕甘话's 额 for 我 (not 金额, 数额, 总额)
    message = _I_IN_SHAANXI.sub("我", message)
    if _OTHER_SCRIPT.search(message):  # a bilingual sheet ("규장 规章 0 0 0", "2024년도"): the Chinese is read
        message = re.sub("(?<=[0-9])[년건]", lambda m: "年" if m.group(0) == "년" else "件", message)
        message = _OTHER_SCRIPT.sub(lambda m: " " * len(m.group(0)), message)
    if "〃" in message:  # "规范性文件 制发 0\n〃 废止 0": the line goes on with the item of the line above
        message = _DITTO_LINE.sub(lambda m: "，" + " " * (len(m.group(0)) - 1), message)
    # "个人14 企业2 还有一个律师事务所的": one more applicant of the row, its count in words (same length)
    message = _ONE_MORE_OF.sub(_one_more_of, message)
    # "许可多打了个0 是1246": a digit typed once too often, no number of its own (same length)
    message = _DIGIT_TOO_MANY.sub("＿", message)
    if "\n" in message:  # "…过程性2（个人）执\n法案卷1": a word broken over two lines (a chat's wrapping), put together
        message = _word_broken_joined(message)
    if "\n" in message:  # "行政规范性文件 1 0\n3": a row of table 二 broken by a screenshot's OCR, its last number alone below
        message = _T2_ROW_BROKEN.sub(lambda m: m.group(1) + " ", message)
        # "（二）部分公开（…） 4 1 0\n0 0 0 5": a row of table 三 broken the same way, its numbers going on below
        message = _T3_ROW_BROKEN.sub(_t3_row_joined, message)
    return _UNIT_FIRST.sub(lambda m: m.group(2) + m.group(1), message)


def _word_broken_joined(message: str) -> str:
    """``message`` with a word of the vocabulary broken by a line break ("律\n所1", "执\n法案卷1") whole again, its
    first part moved past the break (the text keeps its length)."""
    out = message
    for m in re.finditer(r"(?<=[\u4e00-\u9fa5])\n(?=[\u4e00-\u9fa5])", message):
        i = m.start()
        left = re.search(r"[\u4e00-\u9fa5]{1,6}$", message[:i])
        right = re.match(r"[\u4e00-\u9fa5]{1,8}", message[i + 1:])
        if not left or not right:
            continue
        joined = left.group(0) + right.group(0)
        k = len(left.group(0))
        tail = message[left.start():i]
        if any(a.end == k for a in vocabulary().anchors(tail)):
            continue  # ("不予公开\n国家秘密": a whole word each side)
        spans = [a for a in vocabulary().anchors(joined) if a.start < k < a.end]
        if not spans:
            continue
        a0 = left.start() + min(a.start for a in spans)
        out = out[:a0] + "\n" + out[a0:i] + out[i + 1:]
    return out


_EXCEL_WRAPPED_CELL = re.compile(r'(?m)(?:^|(?<=\t))"[^"\t\n]*(?:\n[^"\t\n]*){1,3}"(?=\t|$)')
_ONE_MORE_OF = re.compile(r"(?<=还有|另有)一(?=[个家位名所])")


def _one_more_of(m: re.Match[str]) -> str:
    after = m.string[m.end() + 1:m.end() + 12]
    col = next((a for a in vocabulary().anchors(after) if a.kind == "t3col" and a.start == 0), None)
    return "1" if col is not None and re.match(r"的?(?:\s|[，,。；;]|$)", after[col.end:]) else m.group(0)


_DIGIT_TOO_MANY = re.compile(r"(?:(?<=[多少][打写输敲按]了个)|(?<=[多少][打写输敲按]个)|(?<=[打写输敲][多少]了个))[0-9０-９]")
_T3_ROW_BROKEN = re.compile(r"(?m)^(?P<head>(?:[0-9０-９]{1,2}[.．、])?[^\n0-9０-９]*[\u4e00-\u9fa5）)][ \t\u3000]+(?P<a>(?:[0-9０-９]+[ \t\u3000]+)*[0-9０-９]+)[ \t\u3000]*)\n"
                            r"(?=(?P<b>[ \t\u3000]*(?:[0-9０-９]+[ \t\u3000]+)*[0-9０-９]+[ \t\u3000]*)$)")


def _t3_row_joined(m: re.Match[str]) -> str:
    """The break after a row's first numbers, a space when the two lines make one row of six or seven."""
    return m.group("head") + (" " if len(m.group("a").split()) + len(m.group("b").split()) in (6, 7) and vocabulary().anchors(
        m.group("head")) else "\n")


_T2_ROW_BROKEN = re.compile(r"(?m)^(\s*(?:行政)?(?:规范性文件|规章)[ \t\u3000]+[0-9０-９]+[ \t\u3000]+[0-9０-９]+[ \t\u3000]*)\n"
                            r"(?=[ \t\u3000]*[0-9０-９]+[ \t\u3000]*$)")


# a message cut off before its point: its last sentence ends with no stop ("…栏目今年一共发了", "…信息处理费")
# (not "收费没有", "规章不是": a none said, no sentence left open)
_CUT_AFTER = re.compile(r"(?:发了|一共|共|总共|合计|写了|(?<![没不])是|(?<![没])有|为|收了|办了|开了|计|达|约|大概|大约|：|:|、|和|及)\s*$")
_ENDS = "。！？!?；;…~～\n"
_BARE_COUNT = re.compile(r"[0-9０-９]+|[零〇一二两三四五六七八九十百千]{1,8}")


_GOES_ON = re.compile(r"\s*(?:接上条|接上一条|接上|续上条|续上|接着上条|上条没贴完)[：:，,。\s]*\n")


def _is_cjk_char(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


_COLUMN_NEXT = re.compile(r"(?:^|[ \u3000，,])(?:然后|再说|接着说?|下面|接下来|还有|最后)(?:是|说)?\s*(?P<col>[\u4e00-\u9fa5]{2,8}?)(?:的)?$")


def continued(message: str, previous: str | None, previous_kept: bool = True) -> str:
    """``message`` as read when it goes on with the clerk's message before, which stopped mid-sentence
    ("…区政府网站今年一共发了" then "一百八十六条，公众号发了…"): that unfinished sentence, its numbers
    blanked (they were read with it), and this message after it; else ``message`` itself. Only a number
    opening the message goes on a sentence left at a word that waits for one ("发了", "是", "一共"), and
    only a none ("从来没收过") one left at an item with no number said ("…信息处理费")."""
    if previous and not previous_kept and _BARE_COUNT.fullmatch(to_halfwidth(previous.strip())) and (
            named := re.match(r"\s*(?:[次条件篇个人期场万]\s+)?(?:这个|那个)?(?:是|就是|这是|那是)?([\u4e00-\u9fa5]{2,8}?)(?:的|是)?(?=[ \u3000，,。]|$)",
                              message)) and len(  # (the item the words end on: "网站总访问量" is 网站访问量)
            [a for a in vocabulary().anchors(named.group(1)) if a.kind in ("fact", "t2row", "t3row", "t4block")
             and a.end == len(named.group(1))]) == 1:
        # "２１４" (not understood alone) and then "处罚的 强制12 …": the number sent first, its item after it
        return message[:named.end()] + previous.strip() + message[named.end():]
    if previous and "\t" in previous and (go_on := _GOES_ON.match(message)):
        # "接上条" over "	0	0	0	2": a pasted table cut in two by the send, its row finished here
        first, _, after = message[go_on.end():].partition("\n")
        rows = previous.rstrip("\n").split("\n")
        header = next((line for line in rows if "\t" in line and not re.search(r"[0-9０-９]", line)), None)
        if header and "\t" in rows[-1] and re.fullmatch(r"[\t 0-9０-９,，]*[0-9０-９][\t 0-9０-９,，]*", first):
            row = rows[-1].rstrip(" ") + ("" if rows[-1].endswith("\t") or first.startswith("\t") else "\t") + first
            return "\n".join([header, row, after])
    if previous and (col_next := _COLUMN_NEXT.search(previous.rstrip())) and _column_named(col_next.group("col")) and re.match(
            r"\s*(?:本年|今年)?(?:新收|收到|上年结转|去年结转|上年节转|予以公开|公开)", message):
        # "…科研机构就一件 予以公开 然后法律服务机构" and then "新收四件 上年节转一件…": that applicant's rows
        return col_next.group("col") + "：" + message.lstrip()
    if not previous or previous.rstrip(" \t\u3000")[-1:] in _ENDS:
        return message
    tail = re.split(r"[。！？!?；;\n]", previous.rstrip())[-1]
    head = message.lstrip()
    counts = [n for n in find_numbers(tail) if n.unit not in ("年", "年度")]
    opens_with_a_number = bool(re.match(r"[0-9０-９]|[零〇一二两三四五六七八九十百千万]{1,8}(?:[件条个篇场次项期元]|[，,。；;\s]|$)", head))
    # (not a bare "没有": that answers the question asked)
    opens_with_none = bool(re.match(r"(?:从来|从|一直|一分钱?|今年|也|都)?(?:没有?|无|未|不)(?:收|开|发|承办|办|搞|做)", head))
    end = tail.rstrip()
    glue = end[-8:] + head[:6]
    # "…没有现成信息需要另行制" then "作的2件 都是个人": a word of the report cut in two by the send
    cut_word = bool(end) and bool(head) and _is_cjk_char(end[-1]) and _is_cjk_char(head[0]) and not is_question(end) and any(
        a.start <= len(end[-8:]) - 2 and len(end[-8:]) < a.end and a.kind != "t3col" for a in vocabulary().anchors(glue))
    # (a row's or item's word, two characters of it or more sent before: not "那个" + "人大…" read as 个人)
    if (len(tail.strip()) < 5 or not vocabulary().anchors(tail)) and not cut_word:
        return message  # ("收了" answering whether a fee was charged: a whole answer, naming nothing)
    if cut_word:
        cut_tail = list(tail)
        for n in counts:
            cut_tail[n.start:n.end] = "＿" * (n.end - n.start)  # (read with the message before: not again)
        return "".join(cut_tail).lstrip() + head
    if opens_with_a_number and _CUT_AFTER.search(tail):
        pass
    elif not counts and _BARE_COUNT.fullmatch(head.rstrip()) and previous.strip() == tail.strip() and any(
            re.fullmatch(r"\s*(?:的|是|呢|有|收了|：|:)?\s*", tail[a.end:]) for a in vocabulary().anchors(tail)):
        pass  # "依申请 新收的" then "23": a message of only a name, and its number sent alone after it
    elif opens_with_none and not counts and any(a.end == len(tail.rstrip()) for a in vocabulary().anchors(tail.rstrip())):
        pass
    else:
        return message
    masked = list(tail)
    for n in counts:
        masked[n.start:n.end] = "＿" * (n.end - n.start)  # (read with the message before: not again)
    return "".join(masked).lstrip() + head



# "*1,108", "*企业14", "*律所3 另行制作那里": a fix of the message before, the way chats mark one
_STAR = re.compile(r"\s*[*＊](?P<fix>(?:[0-9０-９][,，](?=[0-9０-９]{3})|[^，,。；;！!？?\n])+)")
_FIX = re.compile(r"(?P<word>[^0-9０-９]*?)\s*(?:是|为)?\s*(?P<num>[0-9０-９][0-9０-９,，.．]*)\s*(?P<where>.*)")


def star_fixed(message: str, previous: str | None) -> str:
    """``message`` as read when it opens with a star fix of the clerk's message before: the part of that
    message the fix is in (its clause between ；/。), written as fixed, then the rest of this message; else
    ``message`` itself. "*N" fixes the number of the message before written with the same digits (or one
    digit off); "*企业14" the number after that word; "*律所3 另行制作那里" the word before that number,
    where the message before spoke of 另行制作 (the word it replaces is then said to be 0)."""
    if not previous or not (star := _STAR.match(message)) or not (fix := _FIX.fullmatch(star.group("fix").strip())):
        return message
    word, num, where = fix.group("word").strip(), fix.group("num"), fix.group("where").strip()
    value = parse_number(num)
    if value is None:
        return message
    lo, hi = 0, len(previous)
    if where and (place := next((a for a in vocabulary().anchors(where)), None)):
        at = previous.find(where[place.start:place.end])
        if at < 0:
            return message
        lo = at
        stops = [e for p in "；;。\n！!？?" if (e := previous.find(p, lo)) >= 0]
        hi = min(stops) if stops else hi  # (the fix is of the clause there, not of a later one)
    found = [n for n in find_numbers(previous) if lo <= n.start < hi]
    spot: tuple[int, int, str] | None = None  # (start, end, replacement) in ``previous``
    digits = to_halfwidth(num).replace(",", "").replace("，", "")

    def typo_of(n: NumberMention) -> bool:  # the same digits in another order, or one digit off
        was = str(int(n.value)) if n.value == n.value.to_integral_value() else ""
        return bool(was) and was != digits and (sorted(was) == sorted(digits) or (
            len(was) == len(digits) and sum(a != b for a, b in zip(was, digits, strict=True)) == 1))
    if not word:
        if near := [n for n in found if typo_of(n)]:
            spot = (near[-1].start, near[-1].end, num)
    else:
        after_word = [n for n in found if previous[max(lo, n.start - len(word) - 2):n.start].rstrip("：: ").endswith(word)]
        if len(near := [n for n in after_word if typo_of(n)] or after_word) == 1:
            spot = (near[0].start, near[0].end, num)
        if spot is None and (cols := [a for a in vocabulary().anchors(word) if a.kind == "t3col"]):
            for a in vocabulary().anchors(previous[lo:hi]):  # ("*律所3": the 3 was said of another applicant)
                n = next((x for x in found if x.start == lo + a.end and x.value == value), None)
                if a.kind == "t3col" and a.key != cols[0].key and n is not None:
                    old = previous[lo + a.start:lo + a.end]
                    spot = (lo + a.start, n.end, f"{word}{previous[lo + a.end:n.end]}，{old}0")
                    break
    if spot is None:
        return message
    begin = max(previous.rfind(p, 0, spot[0]) for p in "；;。\n！!？?") + 1
    ends = [e for p in "；;。\n！!？?" if (e := previous.find(p, spot[1])) >= 0]
    end = min(ends) if ends else len(previous)
    part = previous[begin:spot[0]] + spot[2] + previous[spot[1]:end]
    rest = message[star.end():].lstrip("，,。；; ")
    return part.strip() + ("。" + rest if rest else "")

# The last few readings, by everything they were read with. A chat turn on the offline engine reads its
# message twice with the same inputs (the dialogue, then the engine's extraction), and a reading costs
# about 2 ms; each caller gets its own copy, as callers edit what they got.
_READINGS: dict[tuple, MessageReading] = {}
_READINGS_LOCK = threading.Lock()
_READINGS_KEPT = 8


def read_message(message: str, *, topic: str | None = None, known: Iterable[str] = (),
                 earlier: Mapping[str, object] | None = None, report_year: int | None = None,
                 recent: Iterable[str] = (), row_numbers: Mapping[int, str] | None = None,
                 said_before: Iterable[str] = ()) -> MessageReading:
    """Every value ``message`` states, as ops (see ``_read_message``); the same inputs read once."""
    said_before = tuple(said_before)
    key = (message, topic, frozenset(known), tuple(sorted(earlier.items())) if earlier else (), report_year,
           tuple(recent), tuple(sorted(row_numbers.items())) if row_numbers else (), said_before)
    with _READINGS_LOCK:
        hit = _READINGS.get(key)
    if hit is None:
        hit = _read_message(message, topic=topic, known=key[2], earlier=earlier, report_year=report_year,
                            recent=key[5], row_numbers=row_numbers, said_before=said_before)
        _comments_taken(hit, message, said_before, earlier or {})
        _comments_answered(hit, message, said_before)
        with _READINGS_LOCK:
            _READINGS[key] = _copied(hit)
            while len(_READINGS) > _READINGS_KEPT:
                del _READINGS[next(iter(_READINGS))]
        return hit
    return _copied(hit)


_LIST_FIELDS = tuple(f.name for f in dataclasses.fields(MessageReading))


def _copied(r: MessageReading) -> MessageReading:
    """A reading of one's own: its lists and dicts copied, their items shared (ops and words are never
    changed in place, only replaced — ``model_copy``); a deep copy cost a turn about half a millisecond."""
    out = copy.copy(r)
    for name in _LIST_FIELDS:
        v = getattr(r, name)
        if isinstance(v, list):
            setattr(out, name, list(v))
        elif isinstance(v, dict):
            setattr(out, name, dict(v))
    return out


def _comments_taken(out: MessageReading, message: str, said_before: tuple[str, ...],
                    earlier: Mapping[str, object]) -> None:
    """"第2条按他说的改": the reviewer's figure of that comment (pasted in a message before) recorded as the
    clerk's own correction — a value of the messages before, like the reader's own sums. A comment that moves
    applications ("…自然人一栏应为0。…该件…应计入第（三）项第6目") moves them into the row it names."""
    taken = _taken_comments(message, list(said_before))
    for n, comment, proposal in taken:
        read = _read_message(proposal) if proposal else None
        ops = [op for op in read.ops if re.fullmatch(r"[0-9]+", str(op.value))] if read else []
        if not read or not ops or len(ops) != len(read.ops) or read.unexplained:
            out.review_unread.append(f"第{n}条：{comment}")
            continue
        said = {op.field for op in [*out.ops, *out.computed]}
        out.computed += [op.model_copy(update={"quote": message.strip()}) for op in ops if op.field not in said]
        into = _moved_into(comment)
        cells = [op for op in ops if op.field.startswith("t3.") and not op.field.endswith(".total")]
        if into and len(cells) == 1 and isinstance(had := earlier.get(cells[0].field), int) and had > int(str(cells[0].value)):
            moved = had - int(str(cells[0].value))
            column = cells[0].field.rsplit(".", 1)[1]
            for cell in (f"t3.{into}.{column}", f"t3.{into}.total"):
                now = earlier.get(cell)
                if cell not in said and (isinstance(now, int) or now is None):
                    out.computed.append(PatchOp(field=cell, value=str((now or 0) + moved), quote=message.strip()))
            source_total = cells[0].field.rsplit(".", 1)[0] + ".total"
            if isinstance(t := earlier.get(source_total), int) and source_total not in said and not any(
                    op.field == source_total for op in out.computed):
                out.computed.append(PatchOp(field=source_total, value=str(t - moved), quote=message.strip()))
        out.placed_by_before = True


def _comments_answered(out: MessageReading, message: str, said_before: tuple[str, ...]) -> None:
    """Each part of ``message`` opened by the number of a comment pasted before: a figure kept ("第2条不改 平台那412
    里面有26件是… 还是386") changes nothing, and the numbers of its reasons are no counts; a bare figure of an
    accepted one ("第1条 …是329 …按他的改", "二对的，…应该是128.6万元") is the commented item's."""
    review, segments = _comment_segments(message, list(said_before))
    if review is None:
        return
    for n, comment, a, b, kept in segments:
        inside = [u for u in out.unexplained if (i := message.find(u, a)) >= 0 and i < b]
        if kept:
            said = [op for op in [*out.ops, *out.computed] if (i := message.find(op.quote, a)) >= 0 and i + len(op.quote) <= b]
            for op in said:
                (out.ops if op in out.ops else out.computed).remove(op)
            out.not_counts += [op.quote for op in said] + inside
            out.unexplained = [u for u in out.unexplained if u not in inside]
            out.review_kept.append(f"第{n}条")
            continue
        values = [x for u in inside for x in find_numbers(u) if x.unit not in ("年", "月", "日", "号")]
        subject = _comment_subject(comment)
        if len(values) != 1 or not subject:
            continue
        number = next(u for u in inside if find_numbers(u))
        said_value = number[values[0].start:values[0].end] + (values[0].unit or "")
        read = _read_message(f"{subject}改成{said_value}")
        if len(read.ops) != 1 or read.unexplained:
            continue
        op = read.ops[0]
        same = [x for x in [*out.ops, *out.computed] if x.field == op.field]
        if same and any(str(x.value) != str(op.value) for x in same):
            continue  # (the figure taken from the comment and the one said differ: both are said back)
        if not same:
            out.computed.append(op.model_copy(update={"quote": message.strip()}))
        out.unexplained = [u for u in out.unexplained if u not in inside]
        out.review_unread = [u for u in out.review_unread if not u.startswith(f"第{n}条：")]
        out.placed_by_before = True


def _moved_into(comment: str) -> str | None:
    """The row of table 三 a comment says the applications belong in ("应计入第（三）项第8目")."""
    m = re.search(r"(?:应|应当|应该)(?:计入|归入|列入|填入|统计在|放在)", comment)
    if not m:
        return None
    rest = comment[m.end():][:40]
    for at, _, name in _official_row_refs(rest):
        if at <= 2:
            rest = name
            break
    rows = [a.key for a in vocabulary().anchors(rest[:24]) if a.kind == "t3row"]
    return rows[0] if rows else None


def _read_message(message: str, *, topic: str | None = None, known: Iterable[str] = (),
                  earlier: Mapping[str, object] | None = None, report_year: int | None = None,
                  recent: Iterable[str] = (), row_numbers: Mapping[int, str] | None = None,
                  said_before: Iterable[str] = ()) -> MessageReading:
    """Every value ``message`` states, as ops. ``topic``: the item just asked about, which a bare
    answer ("12", "没有", "都是0", "跳过") refers to. ``known``: fields and cells that have a value
    already (stated or derived) — a blanket zero never touches them. ``earlier``: values recorded
    before, which the message may point back to ("38件里自然人29件"). ``report_year``: the year of the
    report, once known — a sentence dated another year ("2023年，本机关共收到…", pasted from last
    year's report) is about that year, and its numbers are not recorded. ``recent``: the tables the
    message before filled, which "表上没出现的那些行都是0" points at. ``row_numbers``: the rows of table 三
    by the row numbers of the clerk's own sheet pasted before (``sheet_row_numbers``), which "第8行" means.
    ``said_before``: the clerk's messages before this one, the last first; a table pasted now takes the
    "没导出来的行都是0" one of them said (``MessageReading.zero_awaits_table``): the rows of that table the
    paste (with any part pasted before it) does not hold are 0."""
    said_before = list(said_before)
    if review := _review_in(message):
        # the comments are held whole; the clerk's own words around them are read as theirs
        rest = message[:review.start] + "\n" + message[review.end:]
        read = _read_message(rest, topic=None, known=known, earlier=earlier, report_year=report_year, recent=recent,
                             row_numbers=row_numbers, said_before=said_before) if rest.strip() else MessageReading()
        read.review = [f"第{n}条：{text}" for n, text in review.items.items() if re.search(r"[0-9０-９]", text)]
        read.review_comments = len(review.items)
        return read
    by_number = _answers_by_number(message, said_before)
    numbered, wording = _comment_numbers(message), _wording_in_quotes(message)
    asked_for = _asked_for_one(message)
    orgs_ops, orgs_spans = _orgs_told(message, earlier or {})
    if (pairs := sorted([*((s, e, "") for s, e in orgs_spans), *numbered, *wording, *_official_row_refs(message), *asked_for, *_belief_undone(message), *_head_with_carried_apart(message), *_paired_lists(message), *_answers_to_quoted_questions(message), *_products(message),
                         *by_number, *_slashed_t2(message), *_negations(message),
                         *_self_answered(message), *_classed_as(message), *_notes_none(message), *_short_applicants(message), *_notes_shorthand(message), *_kinds_pointed(message), *_channels(message), *_count_then_who(message), *_one_more_applicant(message), *_years_side_by_side(message, report_year), *_years_carried(message, report_year), *_fee_with_cases(message), *_row_notes(message),
                         *_count_is_parts(message), *_sums_written_out(message),
                         *_other_of_other_handling(message), *_lines_by_applicant(message), *_terse_proposals(message),
                         *_run_on_results(message), *_one_lawsuit_told(message)])):
        # "门户网站、政务新媒体分别发布信息412条、238条": read as the pairs it says, quoted as said
        kept: list[tuple[int, int, str]] = []
        for pair in pairs:  # (of two rewrites that overlap, the first)
            if not kept or pair[0] >= kept[-1][1]:
                kept.append(pair)
        pairs = kept
        synth = message
        for at, end, pairs_text in reversed(pairs):
            synth = synth[:at] + pairs_text + synth[end:]
        # (a sentence in quotes for the text answers no question pending)
        read = _quotes_from(_read_message(synth, topic=None if orgs_spans or any(t == "“……”" for _, _, t in wording) else topic, known=known, earlier=earlier, report_year=report_year,
                                          recent=recent, row_numbers=row_numbers, said_before=said_before),
                            message, synth, pairs)
        read.by_number = bool(by_number)
        read.computed += orgs_ops  # ("单位那9件，8件是公司…": the rows' 单位 told apart)
        read.replaced += [message[at:end] for at, end, text in pairs if not text.strip() and (
            _OLD_IN_NOTE.search(message, at, end) or _SAID_AS_WRONG.match(message, at))]
        read.checked += [message[at:end].strip("—-－，,；; ") for at, end, text in pairs if not text.strip() and (
            _KEPT_IN_COLUMN.match(message, at) or NOTE_EXPLAINS.search(message, at, end))]
        for m in CHANNELS.finditer(message):
            # (the channels adding up to a count the message gives are its parts; else no item of the report)
            parts = sum(n.value for n in find_numbers(m.group(0)))
            (read.checked if any(n.value == parts for n in find_numbers(message[:m.start()] + message[m.end():]))
             else read.not_ours).append(m.group(0).strip())
        read.not_counts += [message[at:end + 4] for at, end, _ in numbered] + [message[at:end] for at, end, _ in asked_for] + [
            message[at:end] for at, end, _ in _kinds_pointed(message)]  # ("…那两类都没有": the kinds listed, no count)
        read.wording += [message[at:end] for at, end, text in wording if text == "“……”"]
        return read
    out = MessageReading()
    if (quoted := _QUOTED_MAIL.search(message)) and message[:quoted.start()].strip():
        # "------------------ 原始邮件 ------------------": the mail replied to, below the reply — what it
        # says is what the reply corrects, never this message's figures (said back, not read)
        out.quoted_mail = message[quoted.start():].strip()
        message = message[:quoted.start()]
    known = set(known)
    original = message
    message, dropped = _two_sources(message)
    out.replaced += dropped
    message, out.scores = _blank_scores(message)
    dropped += out.scores
    message, doubted = _blank_doubted(message)
    dropped += doubted
    message, passage = _last_years_passage(message)
    if passage is None:
        message, passage = _last_years_above(message)
    if passage:  # (last year's words quoted: said back as another year's, its figures only for "跟去年一样")
        out.other_year.append(passage.strip("“”\"「」『』"))
        dropped.append(passage)
    stripped = message.strip()
    if _HOLD_ON.fullmatch(stripped) or (_ACK.fullmatch(stripped) and topic and (
            topic.startswith(("t2", "t3", "t4")) or (topic in FACT_SPECS and FACT_SPECS[topic].kind in ("count", "money_yuan", "percent")))):
        out.hold_on = True  # ("好" to a question asking for a number: heard, not an answer)
        return out
    if topic and _SKIP.match(stripped):
        out.ops.append(PatchOp(field=topic, value=None, quote=stripped, op="pending"))
        return out
    old_ops, old_lines, out.old_format = _t2_2019(message)
    if old_lines:  # (the 2019 template's table 二: the rest of the message is read without it)
        taken = set(old_lines)
        table_ops, table_lines = parse_pasted_tables("\n".join("" if x in taken else x for x in message.split("\n")))
        table_ops, table_lines = [*old_ops, *table_ops], [*old_lines, *table_lines]
    else:
        table_ops, table_lines = parse_pasted_tables(message)
    last_years = _last_years_table(message, table_lines, report_year)
    if table_ops and not last_years and (whole := _WITH_SUBORDINATES.search(message)):
        # "统计范围：宁州市（含所属县局）": the whole system's figures, not the agency's own: held, said back
        out.whole_system.append(whole.group(0).strip())
        table_ops = []
    out.ops += [] if last_years else table_ops
    out.last_years = table_ops if last_years else []
    if table_ops and "\n" in message and (orgs := _orgs_column(message)):
        out.orgs_column = orgs
    out.table_lines = table_lines
    out.group_lines = [x for x in _group_total_lines(message) if x in table_lines]
    skip: list[tuple[int, int]] = []
    if not table_ops:
        in_order, spans = _t2_in_table_order(message, topic)
        out.ops += in_order
        skip += spans
        in_order, spans = _t4_in_table_order(message, topic)  # "复议诉讼我按表上的顺序念 一 零 零 一 二 …"
        out.ops += in_order
        skip += spans
        for f in _form_lines(message):  # "5.行政处罚本年处理决定数量（件）：46": a fill-in form pasted back
            skip.append((f.start, f.end))
            if not f.targets:
                continue  # ("第18题 …：（未作答）")
            value: str | int | bool = f.value if isinstance(f.value, bool) else 0 if f.value == 0 else str(f.value)
            out.ops += [PatchOp(field=t, value=value, quote=f.quote) for t in f.targets]
            skip.append((f.start, f.end))
    for m in _FILE.finditer(message):  # "D:\2025台账\…xlsx", "/tmp/run3/…": their digits count nothing
        skip.append((m.start(), m.end()))
        if not (message[:m.start()].strip() == "" and message[m.end():].lstrip(" \t").startswith("\n")
                and len(message[m.end():].strip()) > 20):
            out.files.append(m.group(0))  # (not "年报数据.txt" over the file's lines pasted: the title of what follows)
    pending = Counter(table_lines)  # the message's own lines the tables took, each as often as taken
    pos = 0
    for line in message.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        if pending[body] > 0:
            pending[body] -= 1
            skip.append((pos, pos + len(body)))
        elif body.strip() and (run := _NUMBER_RUN.search(body)) and not any(
                a <= pos + run.start() < b for a, b in skip):
            # four or more numbers with nothing between them are a table row, never a sentence: one
            # the table reader could not place is named back whole, not read number by number (from
            # the sentence it begins in: "平川县林业局的年报。表二：…" still names the agency)
            begin = max(body.rfind(p, 0, run.start()) for p in "。！？!?；;") + 1
            skip.append((pos + begin, pos + len(body)))
            out.unexplained.append(body[begin:].strip())
        pos += len(line)
    # "① 谢国强 … 申请复议 宁乡市政府维持": 复议 and 诉讼 one case a line (their lines are no applications)
    reviews = _reviews_in_a_list(message) if not table_ops else []
    listed = message
    for a, b in dict.fromkeys((o.start, o.end) for o in reviews):
        listed = listed[:a] + " " * (b - a) + listed[b:]
        skip.append((a, b))
    cases, unplaced = _cases_in_a_list(listed) if not table_ops else ([], [])
    if not cases and not table_ops:
        cases, unplaced = _cases_after_a_colon(listed)  # "情况是这样的：张某要…，予以公开；李某要…"
    cases = cases or (_cases_inline(listed) or _stories(listed) or _stories_alone(listed) if not table_ops else [])
    if not cases and not table_ops and _LIST_GOES_ON.match(listed) and any(str(k).startswith("t3.") for k in (earlier or {})) and (
            last_one := _the_list_goes_on(listed)):
        cases = [last_one]  # "4. 10月 一个老年协会 …给了" after "1. …" "2. …" "3. …" in the message before
    # "刚翻到柜子里还有两份申请表，…：一份…；另一份…": more than were counted, each told apart
    more_cases = [] if cases or table_ops or not any(str(k).startswith("t3.") for k in (earlier or {})) else _more_told(listed)
    cases = cases or more_cases
    if not cases and not table_ops:
        skip += _read_sections(listed, out)  # "1. 自然人 23件 / (a) 予以公开 9 / …": one applicant a section
    for a, b in unplaced:  # "⑤一个阿姨把同样的申请交了两次…": an application of the list not placed
        skip.append((a, b))
        out.unexplained.append(message[a:b].strip())
    counted: list[Stated] = []  # the reader's own counts of applications told apart among others

    def count_of(address: str, mine: list[_Case]) -> None:
        quote = message[mine[0].start:mine[-1].end].strip()
        k = sum(c.count for c in mine)
        if any(c.count > 1 for c in mine) or counted_in(quote, k, sizes=(1, 2, 3, 4)):  # (what the grounding check takes)
            out.ops.append(PatchOp(field=address, value=str(k), quote=quote))
        else:  # (told between other applications: no words of the message hold the count)
            counted.append(Stated(address, k, quote, 0, 0))

    for row, col in dict.fromkeys((c.row, c.column) for c in cases):
        # "1、一个村民要征地补偿协议 给他公开了": each line one application, counted into its cells
        count_of(f"t3.{row}.{col}", [c for c in cases if (c.row, c.column) == (row, col)])
    counts_said = [str((earlier or {}).get("t3.new_received.total"))] + [
        str(parse_number(m.group(1))) for m in re.finditer(r"(?:收到|收了|新收|一共|共|有|就)\s*([0-9０-９一二两三四五六七八九十]+)\s*(?:件|份)",
                                                           message[:cases[0].start] if cases else "")]
    told_apart = bool(re.search(r"一个一个(?:地)?说|一个个说|一件一件(?:地)?说|一件件说|挨个说|逐个说", message) or _persons_told(message)) and (
        str(sum(c.count for c in cases if not c.carried_over)) not in counts_said)
    for row in dict.fromkeys(c.row for c in cases) if not told_apart else ():
        # (not while the applications are told one by one with more to come: "…一共是7个人加1家公司…我一个一个说")
        count_of(f"t3.{row}.total", [c for c in cases if c.row == row])
    skip += [(c.start, c.end) for c in cases]
    # (a line whose result is not told leaves the count open; one whose applicant alone is unclear does not)
    if cases and all(_case_of_line(message[a:b], "natural") is not None for a, b in unplaced) and (
            _REGISTER_COPIED.search(message[:cases[0].start]) or (
            _NOTES_COPIED.search(next(iter(said_before), "")) and _NUMBERED_FROM_ONE.search(message[:cases[0].end]))) and (
            earlier or {}).get("t3.new_received.total") is None and not any(
            op.field.startswith("t3.new_received.") for op in out.ops) and not re.search(
            r"(?:收到|收了|新收|一共|共|总共)\s*[0-9０-９一二两三四五六七八九十]+\s*(?:件|份|个)", message[:cases[0].start]):
        # "依申请这块我把登记本抄下来了 你看\n1. 3月4日 村民李某…": the register copied out, one application a
        # line: this year's applications are its lines (not those carried over from last year), by who sent them
        # ("第3件 绿洲物业 要…" not placed: counted in all, by who sent it once the clerk says)
        new = [c for c in cases if not c.carried_over]
        quote = message[cases[0].start:max([cases[-1].end, *(b for _, b in unplaced)])].strip()
        for col in dict.fromkeys(c.column for c in new) if not unplaced else ():
            counted.append(Stated(f"t3.new_received.{col}", sum(c.count for c in new if c.column == col), quote, 0, 0))
        if new:
            counted.append(Stated("t3.new_received.total", sum(c.count for c in new) + len(unplaced), quote, 0, 0))
    for address, mine in _outcomes_by_cell(reviews).items():
        quote = message[mine[0].start:mine[-1].end].strip()
        if len(mine) == 1:
            out.ops.append(PatchOp(field=address, value="1", quote=quote))
        else:  # (the reader's own count of the lines: no word of the message holds it)
            counted.append(Stated(address, len(mine), quote, 0, 0))
    # "11月以后的我一件件说" after the months before were given: more applications, added to the rows
    # ("第五件 12月 …" after "第四件…" in the message before: the list goes on)
    # (not "④…⑤…⑥…" after "今年的6个：①…②…③…": the list announced before, its results still to come)
    later = bool(cases) and (bool(more_cases) or bool(_LATER_PART.search(message[:cases[0].start]))
                             or bool(_BESIDES_THOSE.search(message[:cases[0].start])) or (
        bool(_LIST_GOES_ON.match(message)) and not _room_for(earlier or {}, sum(c.count for c in cases)))) and any(
        str(k).startswith("t3.") for k in (earlier or {}))
    if cases and (later or _room_for(earlier or {}, sum(c.count for c in cases)) or (
            _persons_told(listed) and (earlier or {}).get("t3.new_received.total") is None and any(
                str(k).startswith("t3.") and not str(k).startswith(("t3.new_received.", "t3.carried_over.")) for k in (earlier or {})))):
        # (or more people told one a line, after others told in a message before, with no count of all: "张女士1份…")
        # "去年转过来那个：…给他了" and then "今年的6个：①…全部给了": applications told in earlier
        # messages are in the rows already; these lines add to them
        out.added += [op.field for op in out.ops if op.field.startswith("t3.")]
    if table_ops and (marks := _MARKS_ARE_ZERO.search(message)):
        # "横杠的都是没有 就是0": the clerk says what the dashes of the pasted table mean
        end = message.find("\n", marks.end())
        end = len(message) if end < 0 else end
        skip.append((marks.start(), end))
        out.noted.append(message[marks.start():end].strip())
        out.ops = [op.model_copy(update={"value": 0}) if isinstance(op.value, str) and op.value.strip() in _DASHES
                   else op for op in out.ops]
    texts = [t for t in labelled_texts(message, _states_a_fact) if not any(a <= t.start < b for a, b in skip)]
    out.ops += [PatchOp(field=t.field, value=t.text, quote=t.quote or t.text) for t in texts]
    skip += [(t.start, t.end) for t in texts]
    # ("问题主要两个：一是…": how many points the text has, a word of its label, no figure)
    out.not_counts += [label for t in texts if (at := message.find(t.text, t.start)) > t.start
                       and find_numbers(label := message[t.start:at])]

    # the question asked was what became of the applications already told
    # ("公开4 个人3 企业1" alone, right after table 三's rows: that row, whatever was asked)
    results = (topic == "t3" or ("t3" in recent and bool(re.match(
        r"\s*(?:公开|部分|不公开|不予公开|不掌握|无法提供|不予处理|其他处理|另行制作)\s*[0-9０-９一两二三四五六七八九十]", message)))
               or bool(re.match(r"\s*(?:办理|处理|答复)?结果\s*[：:]?\s*(?:是|如下|的话)?\s*[：:，,]?\s*公开", message))) and any(
        str(k).startswith("t3.new_received.") for k in (earlier or {}))
    # "新收 个人186 …；公开 个人97 企业12；部分公开 个人23；不掌握 个人31 …": a list of results in which the
    # bare 公开 is 予以公开
    results = results or (bool(_BARE_GRANTED_ITEM.search(message)) and len(
        {a.key for a in vocabulary().anchors(message) if a.kind == "t3row"
         and a.key not in ("new_received", "carried_over", "total", "granted", "carried_forward")}) >= 1)
    shares = _shares_of_new(message)  # "今年新收400件 … 自然人占87.5% 商业企业7.5% …": each applicant's count
    reading = read_statements(message, skip, {**(earlier or {}), **{x.target: x.value for x in shares}}, report_year,
                              results, row_numbers)
    if cases and (head := _GROUP_HEAD.search(message[:cases[0].start])) and not _PERIOD_PART.match(head.group(0)) and not _LIST_OF_THIS_YEARS.search(
            message[:cases[0].start]) and parse_number(head.group(1)) == sum(c.count for c in cases) and not any(
            a.kind == "t3row" and a.key in ("new_received", "carried_over") for a in vocabulary().anchors(head.group(0))):
        # "不予公开3件：" and then the three told: the count of what follows, not one more fact
        reading.unexplained = [u for u in reading.unexplained if not (head.start() <= u[0] < head.end())]
        reading.stated = [x for x in reading.stated if not (head.start() <= x.start < head.end())]
        reading.checked.append(head.group(0).rstrip("：: \n"))
    if cases and (head := _LIST_OF_THIS_YEARS.search(message[:cases[0].start])):
        # "今年的6个：" and then the applications: this year's count, said before (then a pointer to it)
        n = int(parse_number(head.group(1)) or 0)
        reading.unexplained = [u for u in reading.unexplained if not (head.start() <= u[0] < head.end())]
        if (earlier or {}).get("t3.new_received.total") == n:
            reading.checked.append(head.group(0).rstrip("：: \n"))
        elif not any(x.target == "t3.new_received.total" for x in reading.stated):
            reading.stated.append(Stated("t3.new_received.total", n, head.group(0).rstrip("：: \n"), head.start(), head.end()))
    if more_cases and (lead := _MORE_TOLD.search(message)):  # (the count of those told after it: no figure of its own)
        reading.unexplained = [u for u in reading.unexplained if not (lead.start() - 12 <= u[0] < lead.end())]
        reading.stated = [x for x in reading.stated if not (lead.start() <= x.start < lead.end())]
        reading.checked.append(lead.group(0).strip())
    if later and (told_count := [u for u in reading.unexplained if u[0] < cases[0].start and len(
            found := [n for n in find_numbers(u[2]) if n.unit in ("件", "份", "个")]) == 1 and found[0].value == sum(c.count for c in cases)]):
        # "今年有4件，都没进系统，我一件件说：": how many are told after it, no figure of its own
        reading.unexplained = [u for u in reading.unexplained if u not in told_count]
        reading.checked += [u[2] for u in told_count]
    new = [c for c in cases if not c.carried_over]
    this_years = bool(cases) and (bool(_THIS_YEARS_LIST.search(message[:cases[0].start])) or later)
    if new and this_years and not any(x.target.startswith("t3.new_received.") for x in reading.stated):
        # "今年有这么几个：" and one a line: the lines are this year's applications, and all of them
        # (the reader's own count of the lines: no word of the message holds it)
        reading.computed.append(Stated("t3.new_received.total", sum(c.count for c in new), message[:cases[0].start].strip(), 0, 0))
    if new and not any(op.field.startswith("t3.new_received.") for op in out.ops) and (
            by_col := _list_completed(message, cases, earlier or {})):
        # "今年的6个：①…②…③…" and then "④…⑤…⑥…": with the last part told, this year's applications
        # by who applied are what each applicant's results and carry-forward add up to, less the
        # carry-over (the reader's own sums: recorded as computed)
        span = message[cases[0].start:cases[-1].end].strip()
        reading.computed += [Stated(f"t3.new_received.{col}", k, span, 0, 0) for col, k in by_col.items()]
    if new and (any(x.target == "t3.new_received.total" and x.value == sum(c.count for c in new)
                    for x in [*reading.stated, *reading.computed]) or (
            not any(x.target.startswith("t3.new_received.") for x in [*reading.stated, *reading.computed])
            and str((earlier or {}).get("t3.new_received.total")) == str(sum(c.count for c in new))
            and not any(str(k).startswith("t3.new_received.") and k != "t3.new_received.total" for k in (earlier or {})))):
        # (or the count said in a message before: "依申请今年一共就4件，其中1件是去年…结转过来的" then the stories)
        # "今年收了5件 我一个个说": the lines are this year's applications, by who applied
        for col in dict.fromkeys(c.column for c in new):
            if any(x.target == f"t3.new_received.{col}" and x.value == sum(c.count for c in new if c.column == col)
                   for x in reading.stated):
                continue  # "两个是居民个人申请的": said in the message's own words already
            count_of(f"t3.new_received.{col}", [c for c in new if c.column == col])
        carried = [c for c in cases if c.carried_over]  # "另外去年12月底收到的一件…也给了"
        for col in dict.fromkeys(c.column for c in carried):
            count_of(f"t3.carried_over.{col}", [x for x in carried if x.column == col])
        if carried:  # the story is whole (its count matched): these are all that came from last year
            count_of("t3.carried_over.total", carried)
    if later and any(str(k).startswith("t3.new_received.") and v is not None for k, v in (earlier or {}).items()):
        out.added += [f"t3.new_received.{c.column}" for c in new] + (["t3.new_received.total"] if new else [])
    elif later:  # (no count of the applications before these: how many came is not told, only what became of them)
        reading.computed = [x for x in reading.computed if not x.target.startswith("t3.new_received.")]
        out.ops = [op for op in out.ops if not op.field.startswith("t3.new_received.")]
    if not cases and (one := _one_case(message, reading, earlier or {})) and _explains_one_counted(message, one, earlier or {}):
        # "逾期未缴费那个是这样 有个人我们发了收费通知 他一直没交": the one counted in that row, explained
        reading.stated = [x for x in reading.stated if not (one.start <= x.start < one.end)]
        reading.unexplained = [u for u in reading.unexplained if not (one.start <= u[0] < one.end)]
        reading.checked.append(message[one.start:one.end].strip())
    elif not cases and not _ALL_ABOVE.search(message) and one is not None:
        # "依申请还有一件漏了，…也是个人的，还没答复，转明年了": one application, and what became of it
        one_told = message[one.start:one.end].strip()
        more = bool(_ONE_MORE_SAID.search(message))
        result = [f"t3.{one.row}.{one.column}", f"t3.{one.row}.total"]
        reading.stated = [x for x in reading.stated if x.target not in result]  # (its result, said in the words)
        if any(x.target in result for x in reading.computed):
            result = []  # (the carried one's result, added to its row's count already: "去年转过来那件…公开了")
        out.ops += [PatchOp(field=a, value="1", quote=one_told) for a in result]
        came = "t3.carried_over" if one.carried_over else "t3.new_received"
        # "公司那件…还没答复完 算结转吧" (with nothing recorded yet, it can only be one more)
        told_before = _points_back(one_told) and any(str(k).startswith("t3.") for k in (earlier or {}))
        short = _results_short(earlier or {}, one.column) and not _ADDED_ONE.search(message)
        if told_before and not short and (named := re.match(r"\s*([\u4e00-\u9fa5]{2,3}?)(?:那|这)(?:一)?(?:个|件)", one_told)) and not any(
                a.kind in ("t3col", "t3row", "t3group", "t4block") for a in vocabulary().anchors(named.group(1))) and (
                _count_in(earlier or {}, f"t3.new_received.{one.column}") > 0):
            # "赵强那个12月26号才收到的 个人 现在还在办 算结转吧" when every one of that applicant's told has its
            # result: a person named for the first time, one more (not a result of one counted)
            told_before = False
        if told_before or (not one.carried_over and short):
            # "漏了一个…算其他处理", "还有1件个人的12月底才收到，结转到明年" after 12 new: the results
            # told fell short, so this is the result of one already counted, not one more that came in
            # ("去年转过来那个：一个大爷要…，1月份给他了": the one told before, by who or when)
            came_rows = ("t3.new_received.", "t3.carried_over.") if told_before else ("t3.new_received.",)
            reading.stated = [x for x in reading.stated if not x.target.startswith(came_rows)]
            out.added += [a for a in result if more or told_before]
            if told_before and one.carried_over and (earlier or {}).get("t3.carried_over.total") == 1 and (
                    earlier or {}).get(f"t3.carried_over.{one.column}") is None:
                out.ops.append(PatchOp(field=f"t3.carried_over.{one.column}", value="1", quote=one_told))
        else:
            # one more that came in (this year, or "去年其实结转过来1件…今年2月答复了": from last year)
            for cell in (f"{came}.{one.column}", f"{came}.total"):
                if not any(x.target == cell for x in reading.stated):
                    out.ops.append(PatchOp(field=cell, value="1", quote=one_told))
            out.added += result
            # (with a count recorded before, one more adds to it, said with 还有 or not: "…自己直接收过一份申请…")
            out.added += [f"{came}.{one.column}", f"{came}.total"] if (earlier or {}).get(f"{came}.total") else []
        # ("有1件个人的": the count of the one told, not a number left unplaced)
        reading.unexplained = [u for u in reading.unexplained if not (one.start <= u[0] < one.end)]
    elif not cases and (beside := _one_case_told(message)) and not any(
            beside.start <= x.start < beside.end for x in reading.stated):
        # "律师事务所的2件都公开了。还有一个是村委会申请的，…也是予以公开": one application told beside
        # other counts, which "one more" cannot be added to safely: named back, not dropped
        reading.unexplained.append((beside.start, beside.end, message[beside.start:beside.end].strip()))
    reading.computed += counted
    _tally_of_those_told(message, reading, out, earlier or {})
    if _BESIDES_THOSE.search(first_line := message.split("\n", 1)[0]) and re.search(
            r"^\s*(?:还有|另外|另有|再有)|^[^，,。：:]{0,6}?(?:还|另外|又)(?:收了|收到|有)", first_line) and any(
            x.target.startswith("t3.new_received.") for x in reading.stated) and any(
            str(k).startswith("t3.new_received.") and v is not None for k, v in (earlier or {}).items()):
        # "还有信件寄来的纸质申请4件OA里没有：个人3件，都公开了；…": more besides those counted before
        out.added += list(dict.fromkeys(t for t in [*(x.target for x in reading.stated), *(op.field for op in out.ops)]
                                        if t.startswith("t3.") and not t.startswith("t3.carried_over.") and t not in out.added))
    if reading.carried_told and any(str(k).startswith("t3.") and not str(k).startswith(_CAME_ROWS) for k in (earlier or {})):
        # "还有去年结转的2件：个人1件 今年公开了；律所1件 部分公开" after this year's results: theirs add to them
        out.added += list(dict.fromkeys(t for t in [*(x.target for x in reading.stated), *(op.field for op in out.ops)]
                                        if t.startswith("t3.") and not t.startswith(_CAME_ROWS) and t not in out.added))
    if shares:
        # (the shares say each applicant's count: "其他1.25%（就是5件 都是村委会…）" is 5 of them, not all 400)
        of = {x.target: x.value for x in shares}
        reading.stated = [x for x in reading.stated if x.target not in of or x.value == of[x.target]]
        stated_now = {x.target for x in reading.stated}
        reading.computed += [x for x in shares if x.target not in stated_now]
        values = {int(x.value) for x in shares}
        for u in list(reading.unexplained):
            numbers = find_numbers(u[2])
            if (re.search(r"[%％]", u[2]) and any(u[2] in x.quote or x.quote in u[2] for x in shares)) or (
                    len(numbers) == 1 and int(numbers[0].value) in values and re.search(r"就是|也就是|即", u[2])):
                reading.unexplained.remove(u)
                reading.checked.append(u[2])
    _against_last_year(message, reading, earlier or {})
    _old_number_taken_back(message, reading)
    _said_again(reading)
    _listed_with_all(message, reading)
    _new_and_carried_together(reading, earlier or {})
    _old_value_names_the_cell(reading, earlier or {})
    _more_said_by_the_change(message, reading)
    _all_above(message, reading, earlier or {})
    _rest_carried_forward(message, reading, earlier or {})
    _by_period(message, reading)
    _all_of_one_after_the_count(message, reading)
    _natural_by_subtraction(message, reading, earlier or {})
    _two_rows_summed(reading, earlier or {})
    _filed_in_another_column(message, reading)
    _applicants_count_of_its_results(message, reading)
    _that_rows_total(reading)
    _unnoted_are(message, reading)
    _not_all_of_one_applicant(reading, earlier or {})
    _rows_as_shares(message, reading)
    _each_of_them(message, reading)
    _more_than_the_column_has(reading, earlier or {})
    _all_this_years(message, reading)
    if (none_left := _NONE_LEFT.search(message)) and not any(
            x.target.startswith("t3.carried_over.") for x in reading.stated) and not any(
            "t3.carried_over" in z.scope for z in reading.zeros):
        reading.zeros.append(Zero(("t3.carried_over",), none_left.group(0)))  # "去年没有剩下的"
    _settled_in_another_row(message, reading)
    _channels_add_up(message, reading)
    _kinds_add_up(message, reading)
    for x in list(reading.stated):
        row, _, col = x.target.rpartition(".")
        said_of = re.search(r"[0-9０-９一二两三四五六七八九十]+\s*件\s*(?:都|全)?是", x.quote)
        if (x.target.startswith("t3.") and col != "total" and said_of and any(  # (who, right after 是)
                a.kind == "t3col" and a.key == col and a.start <= 10 and not _ASKS_FOR.search(x.quote[said_of.end():][:a.start])
                for a in vocabulary().anchors(x.quote[said_of.end():]))
                and not any(y.target.startswith(row + ".") and y is not x for y in reading.stated)):
            # "去年结转1件是个人的": the row's whole count is that applicant's
            reading.stated.append(Stated(f"{row}.total", x.value, x.quote, x.start, x.end))
    targets: set[str] = set()
    for s in reading.stated:
        if last_years and s.target == "report_year" and s.quote in last_years:
            continue  # ("先把2024年年报的表三贴给你": that report's year, not this one's)
        value = s.value if isinstance(s.value, bool) else str(s.value)
        out.ops.append(PatchOp(field=s.target, value=value, quote=s.quote))
        targets.add(s.target)
    # ("2、规章：无；…" "10、复议 3 诉讼 1": the numbers of the clerk's list, no figures)
    out.unexplained += [clause for _, _, clause in reading.unexplained
                        if not (clause.isdigit() and re.search(rf"(?m)^[ \t\u3000]*{clause}[、.．](?![0-9０-９])", message))]
    out.replaced = [*out.replaced, *reading.replaced]
    out.excluded = list(reading.excluded)
    _two_values_named_back(message, out, earlier)
    out.other_year = out.other_year + list(reading.other_year) + ([last_years] if last_years else [])
    out.rough = list(reading.rough) + doubted
    out.not_ours = list(reading.not_ours)
    out.carried_result_later = list(reading.carried_result_later)
    out.noted += reading.noted
    out.checked += list(reading.checked)
    out.not_counts += list(reading.not_counts)
    out.by_difference = dict(reading.by_difference)
    out.computed = [PatchOp(field=x.target, value=str(x.value), quote=x.quote) for x in reading.computed]
    _identity(message, skip, topic, out, known)
    for m in _THAT_ROW_IS_IT.finditer(message):
        # "另外有1件通知缴费后对方没缴，就没再处理，表里那个“没缴费”就是它": one counted in the table, explained
        start = max(message.rfind(ch, 0, m.start()) for ch in "。！!？?\n；;") + 1
        explained = message[start:m.end()]
        if any(a.kind == "t3row" for a in vocabulary().anchors(m.group("row"))):
            out.unexplained = [u for u in out.unexplained if u.strip() not in explained]
            out.checked.append(explained.strip())
    if "report_year" not in known and "report_year" not in targets and (title := _LAST_YEARS_TITLE.search(message)):
        # "去年的年报标题是《…2024年政府信息公开工作年度报告》": this one is the year after
        out.computed.append(PatchOp(field="report_year", value=str(int(title.group("y")) + 1), quote=title.group(0)))
    elif "report_year" not in known and "report_year" not in targets and (title := _NOTES_TITLE.match(message)):
        # "年报数据（2025）", "年报素材（25年）" over the clerk's notes: the year they are for
        year = int(title.group("y"))
        out.computed.append(PatchOp(field="report_year", value=str(year if year > 99 else 2000 + year), quote=title.group(0).strip()))
        out.unexplained = [u for u in out.unexplained if u.strip() not in title.group(0)]
    elif "report_year" not in known and "report_year" not in targets and (
            named := _NAME_THEN_YEAR.match(message)) and agency_name_in("单位是" + named.group("name")):
        # "临河县市场监督管理局 2025": the agency, and the year of its report
        out.computed.append(PatchOp(field="report_year", value=named.group("y"), quote=named.group(0).strip()))
        out.unexplained = [u for u in out.unexplained if u.strip() not in named.group(0)]

    known = known | targets | {op.field for op in table_ops} | {x.target for x in reading.computed}
    out.computed += _line_complete(message, reading, known, earlier or {})
    # (an export of "key=value" lines, "新收申请数_自然人=21" …, is a table told cell by cell: five or more of them)
    exported = [a for a in targets if a.startswith(("t2.", "t3.", "t4.")) and a in ALL_CELL_ADDRESSES] if (
        not table_ops and len(re.findall(r"^[^\s=＝]{2,40}[=＝]\s*[0-9０-９]", message, re.MULTILINE)) >= 5) else []
    awaited = next((w for before in said_before[:3] if (w := read_message(before, known=known).zero_awaits_table)), None) if (
        (table_ops or exported) and not last_years) else None
    for t in dict.fromkeys(a.split(".")[0] for a in exported) if awaited is not None else ():
        # the cells the export leaves out are the ones it has none of (its 总计 follow from its cells)
        out.computed += [PatchOp(field=a, value="0", quote=str(awaited)) for a in ALL_CELL_ADDRESSES
                         if a.startswith(t + ".") and a not in known and not a.endswith(".total")
                         and not a.startswith("t3.total.")]
    for t in dict.fromkeys(op.field.split(".")[0] for op in table_ops) if awaited is not None else ():
        if t == "t3" and not any(op.field.startswith("t3.total.") for op in table_ops):
            continue  # (a table 三 pasted in parts: its rows not come yet may be in the next part)
        # the table an earlier message announced: the rows it does not hold are 0 (as that message said)
        # (whole rows only: a row pasted without its 总计 gets it from its columns)
        rows_held = {a.rsplit(".", 1)[0] for a in known} | {op.field.rsplit(".", 1)[0] for op in table_ops}
        out.computed += [PatchOp(field=a, value="0", quote=str(awaited)) for a in ALL_CELL_ADDRESSES
                         if a.startswith(t + ".") and a.rsplit(".", 1)[0] not in rows_held]
    channels = [a for a in vocabulary().anchors(message) if a.kind == "fact" and a.key == "new_media_posts"]
    for z in reading.zeros:
        if not z.blanket:
            for scope in z.scope:
                if scope in targets:
                    continue  # "没有单独的网站，…栏目里发了47条": the number says what the words meant
                if scope == "new_media_posts" and len({message[a.start:a.end] for a in channels}) >= 2 and any(
                        n.start > channels[0].start for n in find_numbers(message)):
                    continue  # "公众号没开，只有一个视频号，发了二十几条": one channel has none, not all
                inside = [a for a in ALL_CELL_ADDRESSES if a.startswith(scope + ".")]
                if any(a in targets for a in inside):
                    # "规章今年没出也没废，现行有效的12件": the zero is the row's other cells
                    out.ops += [PatchOp(field=a, value=0, quote=z.quote) for a in inside
                                if a not in targets and not a.endswith(".total")]
                elif scope in FACT_SPECS and scope in known and not _CORRECTS.search(message):
                    continue  # "信箱电话网上都没有" after 186 items on the website: not said of them
                elif scope in FACT_SPECS or scope in ALL_CELL_ADDRESSES or inside:
                    out.ops.append(PatchOp(field=scope, value=0, quote=z.quote))
            continue
        if z.scope != ("*",):  # a blanket over named rows: their empty cells that are nobody's sum
            cells = [a for a in ALL_CELL_ADDRESSES if any(a == sc or a.startswith(sc + ".") for sc in z.scope)
                     and a not in known and not a.endswith(".total")]
            out.ops += [PatchOp(field=a, value=0, quote=z.quote) for a in cells]
            continue
        at = message.find(z.quote)
        row_said = {x.target.rpartition(".")[0] for x in reading.stated if x.target.startswith("t3.")
                    and 0 <= x.start < at + len(z.quote) and x.start >= max(message.rfind(ch, 0, max(at, 0)) for ch in "。！!\n") + 1}
        if len(row_said) == 1 and re.match(r"\s*(?:[^，,。]*[，,])?\s*(?:其他|其余|别的|剩下的?)(?:都|也)?(?:没有|是0|为0)", z.quote[-14:] if len(z.quote) > 14 else z.quote):
            # "去年结转那1件是个人的，其他都没有": the rest of that row, not the whole table
            row = next(iter(row_said))
            out.ops += [PatchOp(field=a, value=0, quote=z.quote) for a in ALL_CELL_ADDRESSES
                        if a.startswith(row + ".") and a not in known and not a.endswith(".total")]
            continue
        if not table_ops and (not recent or _PASTE_TO_COME.search(message)) and (_NOT_IN_THE_TABLE.search(z.quote) or (
                # "结果我从excel里拷的，其他行都是0，…：": the rows the table to come leaves out
                _OTHER_ROWS.search(z.quote) and message.rstrip().endswith(("：", ":")))):
            out.zero_awaits_table = z.quote  # "没导出来的行就是没有，都是0" before the table: for its rows
            continue
        tables = _blanket_scope(reading, targets, topic, table_ops, message, recent)
        zeroed_before = len(out.ops)
        if reading.unexplained or (said_before and _table_left_unread(said_before[0])):
            # it would zero what the reader missed (here, or in the table pasted just before)
            out.zero_deferred = z.quote
            continue
        if not tables:
            out.zero_scope_unclear = z.quote
            continue
        asked_later = _still_to_ask(message)
        for t in tables:
            # only cells that are nobody's sum, in rows and blocks whose total is not known: the sums
            # follow from the parts, and a known total decides its own row
            # ("表二基本都是0…处罚强制要问综合执法办，等我一下": not the items still to be asked about)
            in_table = [a for a in ALL_CELL_ADDRESSES if (a == t or a.startswith(t + ".")) and not a.startswith(asked_later)]
            if not any(a in known for a in in_table):
                cells = in_table  # "表三全部为0" of an empty table: every cell, sums included
            else:
                # (结转下年度 too: once the results are known it is what remains of the applications)
                cells = [a for a in in_table if a not in known and not a.endswith(".total")
                         and not a.startswith(("t3.total.", "t3.carried_forward."))
                         and f"{a.rsplit('.', 1)[0]}.total" not in known]
            out.ops += [PatchOp(field=a, value=0, quote=z.quote) for a in cells]
        if len(out.ops) == zeroed_before:
            out.zero_nothing_left = z.quote  # said back: nothing was open to be 0

    # sentences that ask something (outside free text and tables; an application told may ask one)
    told = [(c.start, c.end) for c in cases]
    for m in re.finditer(r"[^。；;！!？?\n]+[。；;！!？?]?", message):
        if not any(a <= m.start() < b for a, b in skip if (a, b) not in told) and is_question(m.group(0)):
            out.questions.append(m.group(0).strip())
            if _WHERE_TO_FILL.search(m.group(0)):
                # "罚款那个2317.5万要填表二的收费里吗": where a figure goes, asked — not yet where it goes
                out.ops = [op for op in out.ops if not (op.quote and op.quote in m.group(0) and find_numbers(op.quote))]
    out.same_as_last_year = bool(_SAME_AS_LAST_YEAR.search(stripped)) and len(stripped) <= 20
    for part in re.split(r"[。；;！!\n]", stripped) if re.search(r"[。；;！!\n]", stripped) else ():
        # "…公众号每周至少推3条。创新的没有": a topic said to be none, in a sentence of its own
        if (none := _said_of_a_topic(part.strip(" ，,"))) and none[0] == "none" and none[1] not in {
                op.field for op in out.ops}:
            out.ops.append(PatchOp(field=none[1], value=none[2], quote=part.strip(" ，,")))
    if (said := _said_of_a_topic(stripped)) and not out.ops:
        kind, topic_field, words = said
        if kind == "none":  # "创新情况没有": the topic is answered, with nothing to report
            out.ops.append(PatchOp(field=topic_field, value=words, quote=stripped))
        else:
            out.same_as_last_year, out.same_topic = True, topic_field

    _bare_answer(stripped, topic, out, known)
    out.pinyin = _in_pinyin(message)
    if not out.ops and not out.unexplained and not out.questions and _names_an_item_alone(stripped):
        out.awaits_number = stripped
    _rows_to_add(message, out, known)
    _same_as_above(message, out)
    _period_parts(message, out, said_before[:3])
    _units_parts(message, out)
    _two_offices_inline(message, out)
    _revision_lines(message, out)
    others = bool(_OTHERS_TOO.match(message)) and any(str(k).startswith("t3.") for k in (earlier or {}))
    if (_THIS_YEARS_ONES.search(message) and _only_last_years_told(earlier or {})) or others:
        # ("其他申请人：物业公司…申请了6件：公开4…", "他去年底还有3件结转过来的…1件公开": another
        # requester's, or the same one's other, applications: their results add to the ones told)
        # "去年还转过来一件…给他公开了" and then "今年新收的那几件：村民的有2件直接给公开了…": the results
        # of this year's add to the one told of last year's
        fresh_results = [op.field for op in out.ops if op.field.startswith("t3.") and op.op == "set" and op.field.rsplit(".", 1)[0]
                         not in (("t3.total",) if others else ("t3.new_received", "t3.carried_over", "t3.total", "t3.carried_forward"))]
        out.added += [f for f in fresh_results if f not in out.added]
        for row in dict.fromkeys(f.rsplit(".", 1)[0] for f in fresh_results if not f.endswith(".total")):
            if not any(op.field == f"{row}.total" for op in [*out.ops, *out.computed]) and isinstance(
                    (earlier or {}).get(f"{row}.total"), int):  # (the row's count, recorded, grows with them)
                row_ops = [op for op in out.ops if op.field.rsplit(".", 1)[0] == row and op.field in fresh_results]
                spans = [(at, at + len(op.quote)) for op in row_ops if (at := message.find(op.quote)) >= 0]
                if len(spans) != len(row_ops):
                    continue
                out.computed.append(PatchOp(field=f"{row}.total", value=str(sum(int(str(op.value)) for op in row_ops)),
                                            quote=message[min(a for a, _ in spans):max(b for _, b in spans)]))
                out.added.append(f"{row}.total")
    _decided_value(message, out, earlier or {}, said_before[:1])
    _added_into_rows(message, out, earlier or {})
    _count_broken_down(message, out, earlier or {})
    _parts_before_added_up(message, out, said_before[:1])
    _one_of_those_received(message, out, earlier or {})
    _one_taken_out(message, out, earlier or {})
    _the_rest_moved(message, out, earlier or {})
    _old_value_named_again(message, out, earlier or {})
    _held_ones_placed(message, out, earlier or {}, said_before[:3])
    _nth_placed(message, out, earlier or {}, said_before[:3])
    _carried_ones_result_unplaced(message, out)
    _some_of_those(message, out, earlier or {})
    _counted_twice(message, out, earlier or {})
    _asked_where_it_goes(message, out)
    _appealed_is_pending(out)
    _pending_case_settled(message, out, earlier or {})
    _registered_twice(message, out, earlier or {})
    _pending_in_doubt(message, out)
    _counted_then_asked(message, out)
    _processing_fee_is_no_table_fee(message, out)
    _with_who_each_was(out, message)
    _one_taken_out_of_a_count(message, out, earlier or {}, clear_only=True)
    _carried_ones_results_added(out, earlier or {})
    _one_taken_out_of_a_count(message, out, earlier or {})
    _carried_over_is_last_years_forward(message, out)
    if passage:
        _same_as_the_passage(message, out, passage)
    _the_applicants_count_said(out, earlier or {})
    if dropped:
        _quotes_as_said(out, message, original)
    return out


_LAST_YEARS_FORWARD = re.compile(r"(?:上年结转|去年结转|上年结转过来的|结转过来的)(?:的)?(?:就是|即|也就是|是|就)\s*(?:去年|上年)(?:那个|的|那)?"
                                 r"(?:年报)?(?:里)?(?:的)?(?:结转下年度|结转下年|结转到今年|转到今年)(?:继续办理)?(?:的|那)?\s*"
                                 r"(?P<n>[0-9０-９]+|[一两二三四五六七八九十])\s*(?:件|个)(?P<rest>[^。；;\n]*)")


def _carried_over_is_last_years_forward(message: str, out: MessageReading) -> None:
    """"上年结转就是去年那个结转下年度的1件嘛，个人的": this year's carry-over, said as last year's carry-forward."""
    m = _LAST_YEARS_FORWARD.search(message)
    if m is None or any(op.field.startswith("t3.carried_over.") for op in out.ops):
        return
    n = int(parse_number(m.group("n")) or 0)
    quote = m.group(0).rstrip("，,。 嘛吧啊")
    out.excluded = [x for x in out.excluded if x not in quote and quote not in x]
    out.unexplained = [u for u in out.unexplained if u not in quote]
    out.ops.append(PatchOp(field="t3.carried_over.total", value=str(n), quote=quote))
    cols = {a.key for a in vocabulary().anchors(m.group("rest")) if a.kind == "t3col" and a.key != "total"}
    if len(cols) == 1 and re.search(r"(?:都是|是)?[\u4e00-\u9fa5]{1,6}(?:的|申请的)", m.group("rest")):
        out.ops.append(PatchOp(field=f"t3.carried_over.{cols.pop()}", value=str(n), quote=quote))


def _carried_ones_results_added(out: MessageReading, earlier: Mapping[str, object]) -> None:
    """"去年结转过来2件 …个人那个给了 企业那个要另行制作" after every one of this year's applications has its
    result: what became of last year's ones adds to the rows (it replaces nothing)."""
    said = {op.field for op in out.ops}
    # (not what came in this year said with it — but "37里有1条…要扣掉", a difference to it, is no such count)
    if not any(f.startswith("t3.carried_over.") for f in said) or any(
            f.startswith("t3.new_received.") and f not in out.by_difference for f in said):
        return
    came = _count_in(earlier, "t3.new_received.total")
    # (a row's count: its total, or what its applicants add up to)
    told = sum(_count_in(earlier, f"{r.address}.total") or sum(_count_in(earlier, f"{r.address}.{c}") for c in T3_APPLICANT_COLUMNS)
               for r in T3_ROWS if r.address not in ("t3.new_received", "t3.carried_over", "t3.total"))
    # (results recorded before this year's carry-over was ever said are this year's applications' own)
    # (a none recorded before, said or worked out, is no carry-over told: "去年结转的2件这个页面里没有…")
    if not came or not told or any(str(k).startswith("t3.carried_over.") and v not in (None, 0) for k, v in earlier.items()):
        return
    results = [f for f in said if f.startswith("t3.") and f.split(".")[1] not in _NOT_RESULTS_OF_CARRIED
               and f not in out.by_difference]
    out.added += [f for f in results if f not in out.added]


_NOT_RESULTS_OF_CARRIED = ("new_received", "carried_over", "total", "carried_forward")
_ONLY_SO_MANY = re.compile(r"\s*(?P<col>[\u4e00-\u9fa5]{1,6}?)(?:的|申请的)?(?:就|只有|只|也就)\s*(?P<n>[0-9０-９]+|[一两二三四五六七八九十])\s*件")


def _the_applicants_count_said(out: MessageReading, earlier: Mapping[str, object]) -> None:
    """"企业就1件，一家劳务公司要…，给他公开了": the applicant's count said before its result is what came in
    from it this year (when nothing else is said of what it sent)."""
    said_alone = [(u, m) for u in out.unexplained if (m := _ONLY_SO_MANY.fullmatch(u.strip())) and _column_named(m.group("col"))]
    for op in list(out.ops):
        parts = op.field.split(".")
        if not (op.field.startswith("t3.") and len(parts) >= 3 and parts[1] not in ("new_received", "carried_over", "total")):
            continue
        m = _ONLY_SO_MANY.match(op.quote)
        if m is None:  # ("公司就1件，一个养老院要…，给他公开了": the count said on its own before the story)
            told = next(((u, x) for u, x in said_alone if _column_named(x.group("col")) == parts[-1]), None)
            if told is not None and told[0] in out.unexplained:
                out.unexplained.remove(told[0])
                m = told[1]
        if m is None or _column_named(m.group("col")) != parts[-1]:
            continue
        cell = f"t3.new_received.{parts[-1]}"
        if any(x.field.startswith((cell, f"t3.carried_over.{parts[-1]}")) for x in [*out.ops, *out.computed]) or any(
                str(k).startswith((cell, f"t3.carried_over.{parts[-1]}")) for k in earlier):
            continue
        out.ops.append(PatchOp(field=cell, value=str(parse_number(m.group("n"))), quote=m.string[:m.end()].strip()))



def _with_who_each_was(out: MessageReading, message: str) -> None:
    """"剩下2件是去年12月底才收到的，现在还在办，一个是个人的一个是那个公司的": a count named back goes with who
    each of its applications came from, said after it in the sentence — named back together."""
    for i, u in enumerate(out.unexplained):
        if (at := message.find(u)) < 0:
            continue
        end = at + len(u)
        stop = re.compile(r"[。！!？?\n]").search(message, end)
        s_end = stop.start() if stop else len(message)
        rest = message[end:s_end]
        if re.search(r"一(?:个|件|家|位)(?:是|为)", rest) and not any(
                (x := message.find(op.quote)) >= end and x < s_end for op in out.ops if op.quote) and not any(
                    message.find(v) >= end and message.find(v) < s_end for v in out.unexplained if v != u):
            out.unexplained[i] = message[at:s_end].strip()
    for op in out.ops:  # "科研机构1（一个大学附属医院的课题组申请的，我们按科研机构算）": who that one was, aside
        if op.quote and (at := message.find(op.quote)) >= 0 and (
                aside := re.match(r"\s*[（(]([^（()）0-9０-９]{0,40})[)）]", message[at + len(op.quote):])) and re.match(
                    r"[一1](?:个|家|位|名)", aside.group(1)):
            out.checked.append(aside.group(0).strip())


# "（5分）　自评5分", "自评得分：25", "扣1分": a scoring form's points, no figure of the report
_SCORE = re.compile(r"(?:自评|扣|得|满|共)?(?:得分)?[：:]?\s*[0-9０-９]+(?:\.[0-9]+)?\s*分(?![钟之钱])|得分[：:]\s*[0-9０-９]+")


_LAST_YEARS_HEAD = re.compile(r"(?:去年|上年|上一年|20[0-9]{2}年)(?:的)?(?:报告|年报|那份|那篇|那版)?(?:里|上|中)?(?:的)?(?:这段|这一段|那段|那一段|这部分|这块|这句|那句)?"
                              r"(?:[\u4e00-\u9fa5]{1,8}?(?:部分|那段|这段|这块|那块)?)?"  # ("上年那份依申请写的是：")
                              r"(?:是|就是)?(?:(?:这么|这样|如下|这样子)?(?:写|说)(?:的|着)|原文(?:是|如下)?)(?:是)?"
                              r"(?:[，,]\s*(?:你|您)?(?:看看|看一下|看下|参考一下|参考))?"
                              # ("去年是这么写的 今年照着来 “…”": a word on what to do with it, then the quote)
                              r"(?:[，,\s]+(?:今年|你|您|就|也|我)?(?:照着|照|按着|按|参照|参考|仿照)[^“\"「『\n]{0,8})?\s*[:：]?\s*(?=[“\"「『])"
                              r"|(?:这是|下面是|以下是|贴一下|贴下)(?:去年|上年)(?:的)?(?:报告|年报)?(?:里的|上的|的)?(?:原文|一段|那段|写法)?\s*[:：]?\s*(?=[“\"「『])")
_CLOSING = {"“": "”", "\"": "\"", "「": "」", "『": "』"}


def _last_years_passage(message: str) -> tuple[str, str | None]:
    """"去年报告这段是这么写的：“2024年，我局…发布信息512条…”": last year's words quoted in the message,
    blanked (same length) for the reading of this year's; returned to be said back (and to be what "跟去年一样"
    points at)."""
    head = _LAST_YEARS_HEAD.search(message)
    if head is None:
        return message, None
    opener = message[head.end()]
    closer, depth, end = _CLOSING[opener], 0, None
    for i in range(head.end(), len(message)):
        ch = message[i]
        if ch == opener and (opener != closer or i == head.end()):
            depth += 1
        elif ch == closer:
            depth -= 1
            if depth <= 0:
                end = i + 1
                break
    if end is None:
        return message, None
    passage = message[head.end():end]
    # (ended by a full stop: what follows is a clause of its own)
    return message[:head.end()] + "\u200b" * (len(passage) - 1) + "。" + message[end:], passage


# "——这段是去年的忘改了。今年我们一件申请都没收到": the lines pasted just above are last year's words
_LAST_YEARS_ABOVE = re.compile(r"^[\s\-—–～~（(【]*(?:PS|ps|注)?[：:，,\s]*(?:上面|以上|前面|刚才)?(?:这|那|的)?(?:一)?(?:段|句)(?:话|文字|内容)?"
                               r"(?:都|还|也|全)?(?:是|还是)(?:去年|上年|上一年|20[0-9]{2}年)的"
                               # "六里面建议提案那句是去年的数": the line above on that topic
                               r"|^[\s\-—–～~]*(?:第?[一二三四五六]部分|[一二三四五六])?(?:里面|里头|里)?的?(?P<topic>[\u4e00-\u9fa5]{2,8}?)(?:那|这)一?(?:句|段|行)话?"
                               r"(?:都|还|也|全)?(?:是|还是)(?:去年|上年|上一年|20[0-9]{2}年)的")


def _last_years_above(message: str) -> tuple[str, str | None]:
    lines = message.split("\n")
    for k, line in enumerate(lines):
        if k and (note := _LAST_YEARS_ABOVE.match(line)):
            top = k
            if topic := note.group("topic"):
                words = {topic[i:i + 2] for i in range(len(topic) - 1)}
                on_it = [i for i in range(k) if any(w in lines[i] for w in words)]
                if not on_it:
                    return message, None
                top, k_end = on_it[-1], on_it[-1] + 1
                passage = lines[top]
                rest = line[:note.start()] + "\u200b" * (note.end() - note.start()) + line[note.end():]
                blanked = [*lines[:top], "\u200b" * len(passage), *lines[k_end:k], rest, *lines[k + 1:]]
                return "\n".join(blanked), passage
            while top and lines[top - 1].strip() and not lines[top - 1].rstrip().endswith(("：", ":")):
                top -= 1
            if top == k:
                return message, None
            passage = "\n".join(lines[top:k])
            blank = ["\u200b" * len(x) for x in lines[top:k]]
            # (the note's own words up to 的 are no statement; what follows it is read)
            rest = line[:note.start()] + "\u200b" * (note.end() - note.start()) + line[note.end():]
            return "\n".join([*lines[:top], *blank, rest, *lines[k + 1:]]), passage
    return message, None


def _same_as_the_passage(message: str, out: MessageReading, passage: str) -> None:
    """"…今年网站是412条，公众号跟去年一样": an item said to be as last year is the figure of last year's words
    quoted in the same message."""
    inner = passage.strip("“”\"「」『』")
    last = {op.field: op.value for op in read_message(inner).ops if op.op == "set"}
    said = {op.field for op in [*out.ops, *out.computed]}
    for m in re.finditer(r"[^，,。；;！!？?\n]+", message):
        clause = m.group(0)
        if not _SAME_LAST.search(clause) and not re.search(r"没变|不变|照旧", clause):
            continue
        items = {a.key if a.kind == "fact" else f"t2.{a.key}.decisions" for a in vocabulary().anchors(clause)
                 if a.kind == "fact" or (a.kind == "t2row" and a.key in ("licensing", "penalty", "enforcement"))}
        for item in items:
            if item in last and item not in said and last[item] is not None:
                out.computed.append(PatchOp(field=item, value=str(last[item]), quote=clause.strip()))
                out.unexplained = [u for u in out.unexplained if u.strip() not in clause]
    _passages_carried_forward(message, out, last)


_IS_THIS_YEARS_CARRIED = re.compile(r"(?:就是|即|也就是|算|就算|是)(?:今年|本年)(?:的)?(?:上年结转|去年结转|结转过来的?)"
                                    r"|(?:今年|本年)的?(?:上年结转|去年结转)(?:就是|即|也就是|就|是)(?:这|那)")


def _passages_carried_forward(message: str, out: MessageReading, last: Mapping[str, object]) -> None:
    """"…结转下年度继续办理1件。”这1件是个人的，就是今年的上年结转": the passage's carry-forward is this
    year's carry-over, in the applicant's column the words name."""
    value = last.get("t3.carried_forward.total")
    said = {op.field: str(op.value) for op in [*out.ops, *out.computed]}
    if not isinstance(value, str | int) or not str(value).isdigit() or any(
            f.startswith("t3.carried_over.") and (f != "t3.carried_over.total" or v != str(value)) for f, v in said.items()):
        return  # (the carry-over said otherwise in the message's own words)
    for m in re.finditer(r"[^。；;！!？?\n]+", message):
        sentence = m.group(0)
        if not _IS_THIS_YEARS_CARRIED.search(sentence):
            continue
        cols = {a.key for a in vocabulary().anchors(sentence) if a.kind == "t3col" and a.key != "total"}
        n = int(str(value))
        quote = sentence.strip(" ，,")
        if "t3.carried_over.total" not in said:
            out.computed.append(PatchOp(field="t3.carried_over.total", value=str(n), quote=quote))
        theirs = {c: last[f"t3.carried_forward.{c}"] for c in T3_COLUMNS if c != "total" and f"t3.carried_forward.{c}" in last}
        if theirs and sum(int(str(v)) for v in theirs.values()) == n:  # ("结转下年度2件（自然人1件、商业企业1件）")
            out.computed += [PatchOp(field=f"t3.carried_over.{c}", value=str(v), quote=quote) for c, v in theirs.items()]
        elif len(cols) == 1:
            out.computed.append(PatchOp(field=f"t3.carried_over.{next(iter(cols))}", value=str(n), quote=quote))
        out.unexplained = [u for u in out.unexplained if u.strip() not in sentence]
        return


# "处罚 3？ 要问问算不算乡里的", "诉讼 1？", "部分3？要再核": a figure of the clerk's notes marked with their
# own question mark, to be checked — held, not recorded, and not a question to answer
_DOUBTED = re.compile(r"(?:^|(?<=[\n ，,；;：:/／\u3000]))(?P<label>[\u4e00-\u9fa5]{1,10})[ \t\u3000]*(?P<n>[0-9０-９][0-9０-９,，.]*)"
                      r"[ \t\u3000]*(?:件|条|个|篇|场|次)?[ \t\u3000]*[？?]{1,3}"
                      # ("部分 12？要再核（个9 企3）": its applicants are as doubtful)
                      r"(?:[^\n（(0-9０-９？?，,；;。]{0,8}[（(][^（()）\n]*[0-9０-９][^（()）\n]*[)）])?")
_ASKED_IN_LABEL = re.compile(r"是不是|是否|吗|么|对不对|多少|几|是|有没有")


_WHERE_TO_FILL = re.compile(r"(?:要|该|应该|能|可以|是不是|是否)(?:填|算|放|记|写|计)(?:到|在|进|入)?[^，,。；;？?]{0,14}?(?:里|中|里面|那栏|那行|那一栏)(?:吗|么|嘛)[？?]?\s*$")


def _blank_doubted(message: str) -> tuple[str, list[str]]:
    found = [m for m in _DOUBTED.finditer(message) if not _ASKED_IN_LABEL.search(m.group("label"))]
    text = list(message)
    for m in found:
        text[m.start("n"):m.end()] = "\u200b" * (m.end() - m.start("n"))
    return "".join(text), [m.group(0).strip() for m in found]


# "（仅显示非零项）": which rows a sheet shows, no figure
_NOT_ZERO = re.compile(r"非\s*(?:零|0|０)(?=项|的|行|值|数)|不为\s*(?:零|0|０)(?=的|项|行)")


def _blank_scores(message: str) -> tuple[str, list[str]]:
    """A self-assessment form's points blanked (same length) before reading, and said back as such."""
    found = [m for m in _SCORE.finditer(message)]
    text = list(message)
    for m in [*found, *_NOT_ZERO.finditer(message)]:
        text[m.start():m.end()] = "\u200b" * (m.end() - m.start())
    return "".join(text), list(dict.fromkeys(m.group(0).strip() for m in found))


# "A、B、C分别为x、y、z": items and their figures in the same order ("依次是" too)
_RESPECTIVELY = re.compile(r"(?:分别|依次|各自)(?:为|是|未|有|达到|达)?\s*[:：]?\s*")
_LIST_NUMBER = re.compile(r"[0-9０-９][0-9０-９,，.．]*(?:万)?\s*(?:件|条|篇|场|个|次|项|期|万元|元)?")


def _paired_lists(message: str) -> list[tuple[int, int, str]]:
    """The spans of "A、B、C分别为x、y、z" in the message, each with the pairs it says ("Ax、By、Cz"); only
    where the items and the figures are as many."""
    out: list[tuple[int, int, str]] = []
    for m in _RESPECTIVELY.finditer(message):
        start = max(message.rfind(ch, 0, m.start()) for ch in "：:，,。；;\n！!？?") + 1
        items_text = message[start:m.start()]
        items = [x for x in re.split(r"[、和与及]", items_text) if x.strip()]
        pos, figures = m.end(), []
        while (n := _LIST_NUMBER.match(message, pos)) and n.group(0).strip():
            figures.append(n.group(0).strip().rstrip("，,"))
            pos = n.end()
            sep = re.match(r"\s*(?:、|和|与|，(?=[0-9０-９])|,(?=[0-9０-９]))\s*", message[pos:])
            if not sep:
                break
            pos += sep.end()
        if len(figures) == 1 and len(items) >= 2 and m.group(0).startswith("分别"):
            figures = figures * len(items)  # "结果维持、结果纠正分别1件": each of them
        if len(items) < 2 or len(items) != len(figures) or any(len(x) > 24 for x in items):
            continue
        end = m.end() + len("".join(message[m.end():pos]).rstrip("、和与，, "))
        # "…分别13件、3件，其中自然人分别为10件、2件": each item's part, in brackets after it
        parts = re.match(r"[，,]\s*其中(?P<who>[\u4e00-\u9fff]{1,8}?)(?:分别|依次)(?:为|是)?\s*", message[end:])
        shares: list[str] = []
        if parts:
            at_n = end + parts.end()
            while (n := _LIST_NUMBER.match(message, at_n)) and n.group(0).strip():
                shares.append(n.group(0).strip().rstrip("，,"))
                at_n = n.end()
                if not (sep := re.match(r"\s*(?:、|和|与)\s*", message[at_n:])):
                    break
                at_n += sep.end()
        if parts and len(shares) == len(items):
            pairs_text = "、".join(f"{item.strip()}{figure}（其中{parts.group('who')}{share}）"
                                  for item, figure, share in zip(items, figures, shares, strict=True))
            end = at_n
        else:
            pairs_text = "、".join(f"{item.strip()}{figure}" for item, figure in zip(items, figures, strict=True))
        out.append((start, end, pairs_text))
    return out


# "六个村各来了一个村民申请", "8个村每个村批了4户", "两家养殖场（都是有限公司）各申请了2件": a product
_NUMERAL = r"[0-9０-９]+|[一二两三四五六七八九十]{1,3}"
_EACH_OF = re.compile(rf"(?P<n>{_NUMERAL})\s*(?:个|家|位|名)(?P<what>[\u4e00-\u9fff]{{1,6}}?)(?:[（(][^（）()\n]{{1,16}}[）)])?"
                   rf"(?:每(?:个|家|位|名)?(?P=what)?|各(?:自)?)(?P<verb>[\u4e00-\u9fff]{{0,4}}?)(?P<m>{_NUMERAL})\s*(?P<unit>件|份|户|条|篇|个|次|场)")


def _products(message: str) -> list[tuple[int, int, str]]:
    """"N个X各M件" said as the count it makes ("六个村各来了一个村民申请" → "来了6件申请"), quoted as said."""
    out = []
    for m in _EACH_OF.finditer(message):
        n, k = parse_number(m.group("n")), parse_number(m.group("m"))
        if n is None or k is None or n < 2 or n > 1000:
            continue
        unit = "件" if m.group("unit") in ("户", "个", "份") else m.group("unit")
        out.append((m.start(), m.end(), f"{m.group('verb')}{int(n * k)}{unit}"))
    return out


# "140件\n「报告助手：请问2025年本年新收的政府信息公开申请一共多少件？」": the assistant's question quoted under
# the answer to it
_QUOTED_QUESTION = re.compile(r"^[ \t\u3000]*[「『“\"]?\s*(?:报告助手|助手|小助手|系统)\s*[：:](?P<q>[^\n]+?)[」』”\"]?[ \t\u3000]*$", re.MULTILINE)
_QUESTION_ITEM_KINDS = ("fact", "t2row", "t3row", "t3group", "t4block")
_YES = re.compile(r"\s*(?:对|对的|是的|是|没错|嗯|对啊|是啊)[。！!]?\s*")


def _answers_to_quoted_questions(message: str) -> list[tuple[int, int, str]]:
    """Each answer above a quoted question of the assistant's, with the question's item put before it when
    the answer names none ("个人96，企业31…" under "这些新收申请按申请人类型…分别是多少？" reads as "新收：个人96…");
    the question itself is not read (a bare 对 takes the figure it asks about)."""
    out: list[tuple[int, int, str]] = []
    for m in _QUOTED_QUESTION.finditer(message):
        above = message[:m.start()].rstrip("\n")
        start = above.rfind("\n\n") + 2 if "\n\n" in above else 0
        if out and start < out[-1][1]:
            start = out[-1][1]
        answer = message[start:m.start()].strip()
        if not answer:
            continue
        q = m.group("q").strip()
        if _YES.fullmatch(answer):
            written = re.sub(r"(?:吗|嘛|么|对吧|是吧)?[？?]*$", "", re.sub(r"^(?:请问|请确认)", "", q))
        elif not re.match(r"\s*[0-9０-９]+\s*件?\s*[：:，,]", answer) and any(
                a.kind in _QUESTION_ITEM_KINDS and (a.kind != "t3row" or answer[a.start:a.end] != "申请")
                for a in vocabulary().anchors(answer)):
            written = answer  # (the answer names its items: "网站2,318条，新媒体1,046条")
        else:
            named = list(dict.fromkeys(q[a.start:a.end] for a in vocabulary().anchors(q) if a.kind in _QUESTION_ITEM_KINDS
                                       and q[a.start:a.end] not in ("申请", "收到", "来了")))
            # ("不予公开14件：…" for "14件：…"; "新收：个人96…" for a list of who asked)
            joint = "" if re.match(r"\s*[0-9０-９]", answer) else "："
            written = f"{'、'.join(named[:2])}{joint}{answer}" if named else answer
        out.append((start, m.end(), written))
    return out


_SECTION = re.compile(r"^[ \t\u3000]*([一二三四五六七八九十]{1,2})[、.．]\s*(.*)$", re.MULTILINE)
_ITEM_NUMBER = re.compile(r"(?:(?<=^)|(?<=[\s、，,；;]))([0-9]{1,2})(?:[.．、]|(?=\s))\s*")


def _numbered_items(notice: str) -> dict[tuple[str, str], str]:
    """The items of a notice or form pasted before, by section and number ("三、…" / "1. 本年新收申请数"): what an
    answer by number ("三、1. 318") stands for; {} unless it has two sections of two items or more."""
    items: dict[tuple[str, str], str] = {}
    section = None
    for line in notice.splitlines():
        if (head := _SECTION.match(line)) and not re.match(r"\s*[0-9]", head.group(2)):
            section = head.group(1)
        elif section and (item := re.match(r"[ \t\u3000]*([0-9]{1,2})[.．、]\s*(\S.{1,40}?)\s*$", line)) and not re.search(r"[0-9]", item.group(2)):
            items[(section, item.group(1))] = item.group(2)
    sections = {k[0] for k in items}
    return items if len(sections) >= 2 and len(items) >= 4 else {}


def _answers_by_number(message: str, said_before: list[str]) -> list[tuple[int, int, str]]:
    """Answers by the numbers of a notice pasted before ("三、1. 318（自然人271…）" / "二、2. 5/3/47" after "关于报送…
    的通知 … 三、依申请公开 1. 本年新收申请数…"): each item's label put before its answer."""
    if not _SECTION.search(message) or not said_before:
        return []
    items = next((x for before in said_before[:8] if (x := _numbered_items(before))), {})
    if not items:
        return []
    out: list[tuple[int, int, str]] = []
    for head in _SECTION.finditer(message):
        section, body, b0 = head.group(1), head.group(2), head.start(2)
        marks = [m for m in _ITEM_NUMBER.finditer(body) if (section, m.group(1)) in items]
        if not marks or marks[0].start() != 0:
            continue
        for k, m in enumerate(marks):
            end = marks[k + 1].start() if k + 1 < len(marks) else len(body)
            answer = body[m.end():end].rstrip()
            if answer:
                out.append((b0 + m.start(), b0 + m.start() + len(body[m.start():end].rstrip()),
                            f"{_ASIDE.sub('', items[(section, m.group(1))])}：{answer}；"))
    return out


_ASIDE = re.compile(r"[（(](?:分|按|含|单位)[^）)]{0,12}[)）]")
# "规范性文件 5/3/47", "规章（制发/废止/现行有效）0/0/3": table 二's three counts in the table's order
_SLASHED_T2 = re.compile(r"(行政规范性文件|规范性文件|规章)([（(]\s*制发\s*/\s*废止\s*/\s*现行有效\s*[)）])?\s*[:：]?\s*"
                         r"((?:写错了|错了|不对)?[，,]?\s*(?:应该是|应为|改成|改为|是)?\s*)"
                         r"(?:([0-9０-９]+)\s*[/／]\s*([0-9０-９]+)\s*[/／]\s*([0-9０-９]+)(?![0-9０-９/／])"
                         # ("规范性文件 3 1 38；许可…": spaced, inside a sentence — a pasted row is the table reader's)
                         r"|([0-9０-９]+) ([0-9０-９]+) ([0-9０-９]+)(?=\s*(?:[（(]\s*制发\s*[、/，,]\s*废止\s*[、/，,]\s*现行有效\s*[)）])?\s*[；;，,。]))")


def _slashed_t2(message: str) -> list[tuple[int, int, str]]:
    out = []
    for m in _SLASHED_T2.finditer(message):
        a, b, c = (m.group(4), m.group(5), m.group(6)) if m.group(4) else (m.group(7), m.group(8), m.group(9))
        out.append((m.start(), m.end(), f"{m.group(1)}{m.group(3)}制发{a}件、废止{b}件、现行有效{c}件"))
    return out



# "上年结转的也不是没有，有1件" / "复议不是没有，有1件": a none denied — what follows is the count
_NOT_NONE = re.compile(r"(?:也|倒|并|其实|又)?不是没(?:有|发|收|办|开|出|做|搞)?过?(?:[，,、]\s*)?")
_COUNT_SOON = re.compile(r"[^。；;！!？?\n]{0,6}?[0-9０-９一两二三四五六七八九十俩仨]")
# "去年没有转过来的", "上年也没结转过来": the none said inside the row's words
_NONE_CAME_OVER = re.compile(r"(去年|上年)(也|都)?(没有|没|无)((?:结转|转)(?:过来|过来的))")
# "没有哪件不是个人申请的" / "没有一件不是个人的": every one is
_NONE_NOT = re.compile(r"没有?(?:哪|一)(?:件|个|份|条|家)?(?:申请)?(?:是)?不是")

# "新收多少？37件。谁申请的？个人33…": a clerk asking themself each item and answering it at once —
# the question is the item's label, what follows its value (never a question to the assistant)
_ASKING_WORDS = r"(?:多少|几[件个条篇场项家期次位]?|有没有|有几|呢|是啥|是什么|[收办交报发开判]没[收办交报发开判]|谁[^。？?]{0,5})$"
_SELF_ASKED = re.compile(r"(?:^|(?<=[。；;！!？?\n，,\s]))(?P<q>[^。；;！!？?\n，,]{1,14}?)\s*[？?]\s*(?=\S)")
_SELF_ASKED_TEXT = re.compile(r"(?P<problems>(?:存在的?)?(?:主要)?问题(?:是啥|是什么|有哪些|有啥|呢)?)|(?:(?:怎么|咋|如何)(?:改|整改|改进)"
                              r"|(?:改进|整改)?措施(?:是啥|是什么|有哪些|有啥|呢)?|(?:下一步|明年)?(?:怎么|咋)(?:办|弄|做))")
_BARE_VALUE = re.compile(r"\s*(?:百分之|[0-9０-９]|[一二两三四五六七八九十百千万零]+[件个条篇场项次期家]|有|没|无|都|全|一个?都|零|0)")
_REAL_QUESTION = re.compile(r"算不算|怎么|咋|要不要|能不能|是不是|是否|对不对|对吧|行不行|可以吗|吗|哪里|哪行|哪一|为什么|需不需要")


def _self_answered(message: str) -> list[tuple[int, int, str]]:
    out = []
    for m in _SELF_ASKED.finditer(message):
        q, after = m.group("q"), message[m.end():]
        if text := _SELF_ASKED_TEXT.fullmatch(q.strip()):  # "问题是啥？…怎么改？…": the passage's label
            out.append((m.start("q"), m.end(), "存在的主要问题：" if text.group("problems") else "改进措施："))
            continue
        answer = re.match(r"[^。；;！!？?\n]*[。；;！!？?\n]?", after)
        if _REAL_QUESTION.search(q) or not answer or re.search(r"[？?]\s*$", answer.group(0)) or find_numbers(q):
            continue
        if not re.search(_ASKING_WORDS, q) and not (_BARE_VALUE.match(answer.group(0)) and any(
                a.kind in ("fact", "t2row", "t3row", "t3group", "t4block") for a in vocabulary().anchors(q))):
            continue  # ("公众号？412条": an item alone, answered by its value)
        mark = message.index("？" if "？" in message[m.start("q"):m.end()] else "?", m.end("q"))
        if who := re.search(r"(?:都|分别)?是?谁[^。？?]{0,5}$", q):  # "谁申请的？" → "申请人："
            out.append((m.start("q") + who.start(), mark + 1, "申请人："))
        elif asking := re.search(_ASKING_WORDS, q):  # "不予公开有没有？有1件" → "不予公开有1件"
            out.append((m.start("q") + asking.start(), m.end(), ""))
        else:
            out.append((mark, m.end(), ""))
    return out

# "还有1件是市林业产业协会（算其他吧）…协会那件公开了": the clerk's own class for that applicant, in this message
_CLASSED_AS = re.compile(r"(?P<who>[^，,。；;（(\s：:]{2,16}?)\s*[（(]\s*(?:算|归|按|放|当|计)(?:到|在|进|作|成|入)?\s*(?P<col>[^）)，,。；;]{1,8}?)"
                         r"(?:吧|类|里|那一?类|那一?列|申请人)?\s*[）)]")
_COLUMN_WORD = {"natural": "自然人", "commercial": "商业企业", "research": "科研机构", "public_interest": "社会公益组织",
                "legal_service": "法律服务机构", "other": "其他申请人"}


def _classed_as(message: str) -> list[tuple[int, int, str]]:
    out: list[tuple[int, int, str]] = []
    for m in _CLASSED_AS.finditer(message):
        said = [a for a in vocabulary().anchors(m.group("who")) if a.kind == "t3col"]
        to = {"other" if m.group("col").strip() in ("其他", "其它") else a.key
              for a in vocabulary().anchors(m.group("col")) if a.kind == "t3col"} or (
            {"other"} if m.group("col").strip() in ("其他", "其它") else set())
        if len(said) != 1 or len(to) != 1 or (col := next(iter(to))) == said[0].key:
            continue
        word = m.group("who")[said[0].start:said[0].end]
        for w in re.finditer(re.escape(word), message[m.start("who"):]):
            at = m.start("who") + w.start()
            if not any(a <= at < b for a, b, _ in out):
                out.append((at, at + len(word), _COLUMN_WORD[col]))
    return out

# "不掌握的6件是个人5件、居委会1件": a row's count, then who made them, each with its own count
_COUNT_IS_PARTS = re.compile(r"(?<=[0-9０-９一二两三四五六七八九十]件)是(?=[^，,。；;！!？?\n0-9０-９]{1,6}?[0-9０-９一二两三四五六七八九十]+\s*件[，,、；;]?[^，,。；;！!？?\n0-9０-９]{1,6}?[0-9０-９一二两三四五六七八九十]+\s*件)")


def _count_is_parts(message: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), "，其中") for m in _COUNT_IS_PARTS.finditer(message)]


# "新收 = 个人312 + 企业41 = 353", "现行有效 = 81 + 7 − 5 = 83", "420 + 360 + 480 = 1,260元": a value written
# as the sum of its parts
_EQ_NUM = r"[0-9０-９]+(?:[,，][0-9０-９]{3})*(?:\.[0-9０-９]+)?"
_EQ_OP = r"[ \u3000]*(?:[+＋−－]|(?<=[ \u3000])-(?=[ \u3000]))[ \u3000]*"
_EQ_TERM = rf"[\u4e00-\u9fff]{{0,8}}[ \u3000]*{_EQ_NUM}"
_EQUATION = re.compile(rf"(?P<lead>[ \u3000]*[=＝][ \u3000]*)?(?P<terms>{_EQ_TERM}(?:{_EQ_OP}{_EQ_TERM})+)"
                       rf"[ \u3000]*[=＝][ \u3000]*(?P<total>{_EQ_NUM})(?![0-9０-９])(?P<unit>[ \u3000]*(?:件|条|篇|场|个|期|万元|元))?")
_EQ_PART = re.compile(rf"(?P<op>^|{_EQ_OP})(?P<w>[\u4e00-\u9fff]{{0,8}})[ \u3000]*(?P<n>{_EQ_NUM})")
# "逾期不缴费 = 个人1": an item, then its one part (an applicant's) after "="
_EQ_ONE = re.compile(r"(?<=[\u4e00-\u9fff])[ \u3000]*[=＝][ \u3000]*(?=[\u4e00-\u9fff]{1,8}[ \u3000]*[0-9０-９])")


def _is_part_name(word: str) -> bool:
    """An applicant's name or a review's result: what a value's parts are in the report."""
    return (bool(word) and any(a.kind in ("t3col", "t4col") and a.start == 0 and a.end == len(word)
                              for a in vocabulary().anchors(word))) or word in ("其他", "其他组织")


def _sums_written_out(message: str) -> list[tuple[int, int, str]]:
    """A value written as the sum of its parts, said as the clerk means it: parts that are applicants or
    review results, as its breakdown ("上年结转 = 个人10 + 企业1 + 律所1 = 12" → "上年结转12（个人10、企业1、
    律所1）"); other parts only show how the value was reached ("公众号 = 澜江人社1,573 + 澜江就业604 = 2,177条"
    → "公众号2,177条"). Parts that do not make the value are left as they are."""
    out = []
    for m in _EQUATION.finditer(message):
        parts = list(_EQ_PART.finditer(m.group("terms")))
        words = [p.group("w") for p in parts]
        if not m.group("lead"):
            if re.search(r"算|核|验", words[0]):
                continue  # "我自己算个人的是9+3+1+4+2=19": the clerk's own check (no figure of its own)
            words[0] = ""  # (no "=" before: the first part's words are what the value is of)
        signs = [-1 if re.search(r"[−－-]", p.group("op")) else 1 for p in parts]
        value = sum(sg * (parse_number(to_halfwidth(p.group("n")).replace(",", "")) or 0) for sg, p in zip(signs, parts, strict=True))
        total = parse_number(to_halfwidth(m.group("total")).replace(",", "").replace("，", ""))
        at = m.start("terms") + (0 if m.group("lead") else parts[0].start("n"))
        unit = (m.group("unit") or "").strip()
        if all(_is_part_name(w) for w in words) and -1 not in signs:
            listed = "、".join(f"{p.group('w')}{p.group('n')}" for p in parts)
            if value == total:
                out.append((m.start(), m.end(), f"{m.group('total')}{unit}（{listed}）"))
            else:  # "不掌握 = 个人48 + 企业7 + 其他1 = 59" (60): the parts as said, the sum named back
                out.append((m.start(), m.end("terms"), f"：{listed}"))
        elif value == total and not any(a.kind in ("t2row", "t2col", "t3row", "t3group", "t4block")
                                        for w in words for a in vocabulary().anchors(w)):
            # (parts that are the table's own items, "上年现行有效12 + 本年制发3 − 本年废止2 = 13", are said too)
            out.append((m.start() if m.group("lead") else at, m.end(), f"{m.group('total')}{unit}"))
    for m in _EQ_ONE.finditer(message):
        if not any(a <= m.start() < b for a, b, _ in out):
            out.append((m.start(), m.end(), "："))
    return sorted(out)


_OTHER_LINE = re.compile(r"(?m)^[ \t\u3000]*(?:[0-9０-９][.．、)）][ \t\u3000]*)?(?P<w>其他)(?=[ \t\u3000]*[：:=＝]|[ \t\u3000]+[0-9０-９])")


def _other_of_other_handling(message: str) -> list[tuple[int, int, str]]:
    """"其他处理：\n逾期不补正：个人5\n其他：个人2": a line "其他" under 其他处理's rows is its row 3.其他, not the
    applicant column 其他."""
    out = []
    for m in _OTHER_LINE.finditer(message):
        before = [x for x in message[:m.start()].splitlines() if x.strip()]
        if before and (re.match(r"[ \t\u3000]*(?:[（(]?[六6][)）.．、]?)?[ \t\u3000]*其他处理[ \t\u3000]*[：:]?[ \t\u3000]*$", before[-1])
                       or any(a.kind == "t3row" and a.key.startswith("other_handling.") and a.start <= 4
                              for a in vocabulary().anchors(before[-1][:16]))):
            out.append((m.start("w"), m.end("w"), "其他处理的其他"))
    return out


_LINE_OPENS_WITH_ITS_COUNTS = re.compile(r"(?:本年|今年)?(?:新收|收到|上年结转|去年结转)")
_LINE_COUNT_FIRST = re.compile(r"\s*(?P<n>[0-9０-９]+)\s*件\s*[，,：:]\s*(?P<rest>[^\n]*)$")


def _lines_by_applicant(message: str) -> list[tuple[int, int, str]]:
    """"按申请人分：\n自然人新收152，上年结转9，办结154：公开61…\n科研机构1件，公开": a list of one applicant a line,
    each opening with its name, read as "自然人的：新收152，…" and "科研机构的：新收1件，公开1件" (only when the
    list names this year's applications for one of them, so that a count alone is what came in)."""
    lines = []
    pos = 0
    for line in message.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        start = len(body) - len(body.lstrip(" \t\u3000"))
        col = next((a for a in vocabulary().anchors(body[start:start + 8]) if a.kind == "t3col" and a.start == 0), None)
        if col is not None and find_numbers(body[start + col.end:]):
            lines.append((pos + start, pos + start + col.end, body[start + col.end:]))
        pos += len(line)
    if len(lines) < 3 or not any(_LINE_OPENS_WITH_ITS_COUNTS.match(rest) for _, _, rest in lines):
        return []
    out = []
    for _, end, rest in lines:
        if _LINE_OPENS_WITH_ITS_COUNTS.match(rest):
            out.append((end, end, "的："))
        elif (m := _LINE_COUNT_FIRST.match(rest)) and not re.search(r"结转", rest):
            results = [a for a in vocabulary().anchors(m.group("rest")) if a.kind == "t3row" and a.key not in ("new_received", "carried_over", "total")]
            tail = m.group("rest")
            if (len(results) == 1 or re.fullmatch(r"\s*(?:予以|都|全部)?公开(?:了)?[。\s]*", tail)) and not find_numbers(tail):
                # ("科研机构1件，公开": that one's result)
                tail = f"{tail.rstrip('。 ')}{m.group('n')}件"
            out.append((end, end + len(rest), f"的：新收{m.group('n')}件，{tail}"))
    return out


_RUN_ON = re.compile(r"[^。，,；;：:！!？?、\s（）()]{30,}")
_RUN_ON_OPENS = re.compile(r"去年|上年|还有|另外|(?:予以|全部|都)?公开(?=[0-9０-９一二两三四五六七八九十])")


def _run_on_results(message: str) -> list[tuple[int, int, str]]:
    """Table 三 typed on a phone as one run with no stop ("依申请新收九件个人7企业2去年没结转的公开3件都是个人部分公开1件企业的
    不掌握2件…"), read with a comma before each result that follows a count, an applicant or a 的 — once the clause
    before has its own row (so that "还有1件企业的结转明年" stays one clause)."""
    out: list[tuple[int, int, str]] = []
    for run in _RUN_ON.finditer(message):
        text = run.group(0)
        anchors = vocabulary().anchors(text)
        rows = [a for a in anchors if a.kind == "t3row"]
        if len(rows) < 3 or len(find_numbers(text)) < 3:
            continue
        col_ends = {a.end for a in anchors if a.kind == "t3col"}
        starts = sorted({a.start for a in rows} | {m.start() for m in _RUN_ON_OPENS.finditer(text)})
        clause_start = 0
        for p in starts:
            if p == 0:
                continue
            has_row = any(clause_start <= a.start < p for a in rows) or "公开" in text[clause_start:p]
            if has_row and (text[p - 1] in "件个份的了" or text[p - 1].isdigit() or p in col_ends):
                out.append((run.start() + p, run.start() + p, "，"))
                clause_start = p
    return out


_SUED = re.compile(r"告了|告到|告上|去法院|上法院|打官司|起诉了|提起诉讼|递了诉状")


def _one_lawsuit_told(message: str) -> list[tuple[int, int, str]]:
    """"他去法院告了 复议后起诉 一审判维持": one lawsuit told as a story, with no count — its kind named and what
    the court decided; read as "复议后起诉1件 …维持". Only with no number in the sentence."""
    out: list[tuple[int, int, str]] = []
    if re.search(r"[①-⑳]", message) or len(re.findall(r"复议|起诉|诉讼", message)) > 3:
        return out  # (cases told one a line: read as a list)
    for m in re.finditer(r"[^。！!？?\n]+", message):
        sentence = m.group(0)
        if find_numbers(sentence) or not _SUED.search(sentence):
            continue
        anchors = vocabulary().anchors(sentence)
        blocks = [a for a in anchors if a.kind == "t4block" and a.key in ("litigation_after_review", "litigation_direct")]
        if len(blocks) != 1 or not any(a.kind == "t4col" and a.start >= blocks[0].end for a in anchors):
            continue
        out.append((m.start() + blocks[0].end, m.start() + blocks[0].end, "1件"))
    return out


_STILL_TO_ASK = re.compile(r"要问|得问|还要问|还得问|等我|回头(?:告诉|再说|给你|再报)|待会|稍后|晚点|还没(?:统计|出来|问|报)|问一下|问问|再告诉|再发你")


def _still_to_ask(message: str) -> tuple[str, ...]:
    """The items a message says are still to be asked about ("处罚强制要问综合执法办，等我一下"), as address
    prefixes: a blanket zero of the same message is not said of them."""
    out: list[str] = []
    for clause in re.split(r"[。；;！!？?\n，,]", message):
        if _STILL_TO_ASK.search(clause):
            for a in vocabulary().anchors(clause):
                if a.kind == "t2row":
                    out.append(f"t2.{a.key}.")
                elif a.kind in ("t3row", "t4block"):
                    out.append(f"{'t3' if a.kind == 't3row' else 't4'}.{a.key}.")
    return tuple(out) or ("\0",)


_TERSE_PROPOSALS = re.compile(r"(?<![人大代表的])建议(?=\s*[0-9０-９]+\s*件?\s*[，,、；;])|(?<=[，,、；;\s])办结(?=\s*[0-9０-９]+(?:\.[0-9]+)?\s*[%％])")


def _terse_proposals(message: str) -> list[tuple[int, int, str]]:
    """"建议11，提案14，办结100%": 人大建议 and its 办结率 said short, beside 提案 in the same sentence."""
    out = []
    for m in _TERSE_PROPOSALS.finditer(message):
        s0 = max(message.rfind(ch, 0, m.start()) for ch in "。！!？?\n") + 1
        e0 = min([k for k in (message.find(ch, m.end()) for ch in "。！!？?\n") if k >= 0] or [len(message)])
        if "提案" in message[s0:e0] and not re.search(r"申请|公开.{0,4}[0-9０-９]+\s*条", message[s0:e0]):
            out.append((m.start(), m.end(), "人大建议" if m.group(0) == "建议" else "办结率"))
    return out


def _negations(message: str) -> list[tuple[int, int, str]]:
    """Double negatives and a denied none said plainly, for the reading (quotes stay the clerk's words)."""
    out = []
    for m in _NOT_NONE.finditer(message):
        out.append((m.start(), m.end(), "" if _COUNT_SOON.match(message, m.end()) else "有"))
    for m in _NONE_NOT.finditer(message):
        out.append((m.start(), m.end(), "都是"))
    for m in _NONE_CAME_OVER.finditer(message):  # "去年没有转过来的" → "没有去年转过来的"
        out.append((m.start(), m.end(), f"{m.group(3)}{m.group(2) or ''}{m.group(1)}{m.group(4)}"))
    return out

# "3我们今年确实没有复议…。4把那句删掉": the number of the review comment answered, glued to the answer
_COMMENT_NUMBER = re.compile(r"(?:^|(?<=[\n。；;]))[ \t\u3000]*[（(]?[0-9０-９]{1,2}[)）]?(?=(?:我们|我|他们|他|她|你们|你|把|按|这条|这一条|那条|同意|不同意|没问题|"
                             r"确实|属实|说得对|说的对|不用改|不改|删掉|删了|已改|已经改|是正文|是表|是这样|对的|核了|核过|看错|"
                             # "4：今年承办人大代表建议5件…" answering a reviewer's comment 4 (or any list's item 4: no count)
                             r"[：:](?=\s*[\u4e00-\u9fa5]))(?![0-9０-９]))")


# "个人的一共22件 另外上年结转过来1件也是个人的 这23件：予以公开8…": an applicant's new ones and carried-over
# ones said apart, then the results of them all
_HEAD_CARRIED_APART = re.compile(
    r"(?P<who>[\u4e00-\u9fa5]{1,6}?)的?(?:一共|共|总共)?(?P<n>[0-9０-９]+)\s*件[\s，,]*(?:另外|还有|加上|外加)?(?:上年|去年)(?:结转|转)过来(?:的)?"
    r"(?P<m>[0-9０-９]+|[一两二三])\s*件(?:[\s，,]*(?:也是|都是)[\u4e00-\u9fa5]{1,6}?的?)?[\s，,]*(?:这|一共|合计|共)(?P<sum>[0-9０-９]+)\s*件(?P<colon>[：:])")


def _head_with_carried_apart(message: str) -> list[tuple[int, int, str]]:
    out = []
    for m in _HEAD_CARRIED_APART.finditer(message):
        n, k, total = (parse_number(to_halfwidth(m.group(g))) for g in ("n", "m", "sum"))
        if n is not None and k is not None and total is not None and n + k == total and any(a.kind == "t3col" for a in vocabulary().anchors(m.group("who"))):
            out.append((m.start(), m.end(), f"{m.group('who')}{m.group('n')}件，加上去年转过来的{m.group('m')}件："))
    return out


# "申请的是一个还没做完的工伤认定的调查材料": what was asked for, one thing — no count of applications
_ASKED_FOR_ONE = re.compile(r"(?:申请|要|要求公开|申请公开|想要|问)的是(?P<one>一|1)(?=个|份|张)")


# "我原来以为还没结果 问了区司法局 12月就决定了 维持": what the clerk had thought, and then the outcome
_BELIEVED = re.compile(r"(?:我)?(?:原来|本来|之前|一直|还)?以为[^，,。；;\s]{0,6}?(?:没|未)[^，,。；;\s]{0,6}")
_OUTCOME_AFTER = re.compile(r"维持|纠正|撤回|撤诉|驳回|判了|审结了|结案了|决定了")


def _belief_undone(message: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), "") for m in _BELIEVED.finditer(message) if _OUTCOME_AFTER.search(message, m.end())]


def _asked_for_one(message: str) -> list[tuple[int, int, str]]:
    out = []
    for m in _ASKED_FOR_ONE.finditer(message):
        end = re.compile(r"[，,。；;！!？?\n]|$").search(message, m.end())
        out.append((m.start(), end.start() if end else len(message), ""))  # (what it was: words, not figures)
    return out


def _comment_numbers(message: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), "") for m in _COMMENT_NUMBER.finditer(message)]


# "改成“新收申请除2件结转下年度办理外均已按期答复”": a sentence for the report's text, quoted
_WORDING = re.compile(r"(?:改成|改为|写成|写为|换成|表述为|调整为|修改为)[：:]?\s*(?P<q>“[^”\n]{4,300}”|「[^」\n]{4,300}」)")


def _wording_in_quotes(message: str) -> list[tuple[int, int, str]]:
    """Wording in quotes with figures in it, to be written in a text no label names: its numbers are words of
    that text (a labelled one, "改进措施改成“…”", is read as that text)."""
    out = []
    texts = None
    for m in _WORDING.finditer(message):
        if not re.search(r"[0-9０-９]", m.group("q")):
            continue
        texts = labelled_texts(message, _states_a_fact) if texts is None else texts
        if any(t.start <= m.start("q") < t.end or m.start("q") <= t.start < m.end("q") for t in texts):
            continue
        clause = max(message.rfind(ch, 0, m.start()) for ch in "。；;！!？?\n，,") + 1
        inner = m.group("q")[1:-1]
        if labelled_texts(message[clause:m.start()] + "：" + inner, _states_a_fact):
            out.append((m.start(), m.end(), "：" + inner))  # "改进措施改成“…”": that text, as "改进措施：…"
            continue
        out.append((m.start("q"), m.end("q"), "“……”"))
    return out


def _whole_find(text: str, q: str) -> int:
    """Where ``q`` is in ``text``, not as the start of a longer number ("个人4" is not in "个人41")."""
    first = i = text.find(q)
    while i >= 0:
        if not (q[-1:].isdigit() and text[i + len(q):i + len(q) + 1].isdigit()):
            return i
        i = text.find(q, i + 1)
    return first


def _quotes_from(reading: MessageReading, said: str, synth: str, pairs: list[tuple[int, int, str]]) -> MessageReading:
    """The reading of the message with its paired lists written out, its quotes put back in the words said:
    a quote's span in the text read, mapped back to the message (a pair read stands for its whole list)."""
    pieces = []  # (start, end in the text read; start, end in the message)
    shift = 0
    for at, end, pairs_text in pairs:
        pieces.append((at + shift, at + shift + len(pairs_text), at, end))
        shift += len(pairs_text) - (end - at)

    def to_said(p: int, closing: bool) -> int:
        moved = 0
        for s0, s1, o0, o1 in pieces:
            if p < s0:
                break
            if p < s1 or (closing and p == s1):
                return o1 if closing else o0
            moved = o1 - s1
        return p + moved

    def back(q: str) -> str:
        if q in said or (i := _whole_find(synth, q)) < 0:
            return q
        return said[to_said(i, False):to_said(i + len(q), True)]
    for ops in (reading.ops, reading.computed, reading.period_ops, reading.last_years):
        ops[:] = [op.model_copy(update={"quote": back(op.quote)}) for op in ops]
    reading.unexplained = [back(u) for u in reading.unexplained]
    reading.checked = [back(u) for u in reading.checked]
    reading.questions = [back(u) for u in reading.questions]
    reading.rough = [back(u) for u in reading.rough]
    return reading


def _quotes_as_said(out: MessageReading, read: str, said: str) -> None:
    """Quotes taken from the message as read (a figure of the other source blanked) given back in the clerk's
    own words, at the same place (the two are of the same length)."""
    def back(q: str) -> str:
        return said[i:i + len(q)] if "\u200b" in q and (i := read.find(q)) >= 0 else q
    for ops in (out.ops, out.computed, out.period_ops, out.last_years):
        ops[:] = [op.model_copy(update={"quote": back(op.quote)}) if "\u200b" in op.quote else op for op in ops]
    out.unexplained = [back(u) for u in out.unexplained]
    out.checked = [back(u) for u in out.checked]
    out.table_lines = [back(u) for u in out.table_lines]
    out.questions = [back(u) for u in out.questions]


_BARE_GRANTED_ITEM = re.compile(r"(?:^|[；;，,、：:\n \u3000]|结果[:：]?)\s*公开(?:的)?\s*(?:个人|自然人|企业|律所|[0-9０-９])")
_ADD_UP = re.compile(r"加一下|加起来|加一起|加在一起|合计一下|汇总一下|汇总成|相加|帮我加|你加|帮忙加|合起来")
_CELL_SPLIT = re.compile(r"\t|[ \u3000]{2,}|\|")


def _rows_to_add(message: str, out: MessageReading, known: set[str]) -> None:
    """"新收的申请是分渠道统计的，你帮我加一下：" and then rows by channel (在线申请/信函/当面) under the
    applicant columns: the row the words name is their sum, column by column (the reader's own sums,
    recorded as computed); the lines are read, not named back."""
    if not _ADD_UP.search(message):
        return
    lines = message.splitlines()
    for i, line in enumerate(lines):
        head = [c.strip() for c in _CELL_SPLIT.split(line.strip()) if c.strip()]
        cols = [_column_named(c) or ("total" if c in ("总计", "合计", "小计") else None) for c in head[1:]]
        if len(head) < 4 or None in cols or len(set(cols)) != len(cols):
            continue
        intro = "\n".join(lines[:i])
        rows = [a.key for a in vocabulary().anchors(intro) if a.kind == "t3row" and a.key in ("new_received", "carried_over")]
        if not _ADD_UP.search(intro) or len(set(rows)) != 1:
            return
        sums = dict.fromkeys(cols, 0)
        taken = []
        for body in lines[i + 1:]:
            cells = [c.strip() for c in _CELL_SPLIT.split(body.strip()) if c.strip()]
            if not cells:
                continue
            if len(cells) != len(cols) + 1 or any(a.kind == "t3row" and a.end - a.start >= len(cells[0]) - 1
                                                  for a in vocabulary().anchors(cells[0])) or not all(
                    re.fullmatch(r"[0-9０-９]+", c) for c in cells[1:]):
                break
            for c, v in zip(cols, cells[1:], strict=True):
                sums[c] = sums[c] + int(to_halfwidth(v))
            taken.append(body.strip())
        if len(taken) < 2:
            return
        if "total" not in sums:
            sums["total"] = sum(sums.values())
        row = f"t3.{rows[0]}"
        if any(f"{row}.{c}" in known for c in sums) or any(op.field.startswith(row + ".") for op in out.ops):
            return
        out.computed += [PatchOp(field=f"{row}.{c}", value=str(v), quote=f"{line.strip()}：{len(taken)}行相加") for c, v in sums.items()]
        out.unexplained = [u for u in out.unexplained if u.strip() not in taken]
        out.summed_lines += taken
        return


_T2_ONE_COLUMN = {"licensing": "decisions", "penalty": "decisions", "enforcement": "decisions", "fees": "amount"}


def _same_as_above(message: str, out: MessageReading) -> None:
    """"部分公开1 个人\n不予公开 第三方 同上", "制发0 废止 同上", "网站132条 公众号 同上": the item named before
    同上 takes what the one said before it took (a table-三 row its cells, one item its value); the
    reader's own copy (recorded as computed). Only where the item has nothing of its own."""
    if "同上" not in message:
        return
    words = vocabulary().anchors(message)
    placed = sorted(((at, op) for op in out.ops if op.op == "set" and (at := message.find(op.quote)) >= 0),
                    key=lambda x: x[0])
    taken = {op.field for op in [*out.ops, *out.computed]}
    for m in re.finditer(r"同上", message):
        if re.match(r"\s*[？?]", message[m.end():]):
            # "另行制作 同上？？": the clerk unsure what the note meant — asked, not copied
            end = message.find("\n", m.end())
            held = message[message.rfind("\n", 0, m.start()) + 1:end if end >= 0 else len(message)].strip()
            out.rough.append(held)
            out.questions = [q for q in out.questions if q.rstrip("？?") not in held]  # (the note's own doubt, no question)
            continue
        line_at = message.rfind("\n", 0, m.start()) + 1
        label = next((a for a in reversed(words) if line_at <= a.start and a.end <= m.start()
                      and not message[a.end:m.start()].strip(" \t：:")), None)
        before = [op for at, op in placed if at < (label.start if label else m.start())]
        if label is None or not before:
            continue
        last = before[-1]
        copies: list[PatchOp] = []
        if label.kind == "t3row" and last.field.startswith("t3."):
            row = last.field.rsplit(".", 1)[0]
            copies = [PatchOp(field=f"t3.{label.key}.{op.field.rsplit('.', 1)[1]}", value=op.value, quote=message[label.start:m.end()])
                      for op in before if op.field.rsplit(".", 1)[0] == row]
        elif label.kind in ("fact", "t2row", "t2col") and not last.field.startswith("t3."):
            if label.kind == "fact":
                target = label.key
            elif label.kind == "t2row":
                target = f"t2.{label.key}.{_T2_ONE_COLUMN.get(label.key, '')}"
            else:
                target = f"{last.field.rsplit('.', 1)[0]}.{label.key}" if last.field.startswith("t2.normative_docs.") or (
                    last.field.startswith("t2.regulations.")) else ""
            if target in ALL_CELL_ADDRESSES or target in FACT_SPECS:
                copies = [PatchOp(field=target, value=last.value, quote=message[label.start:m.end()])]
        if copies and not any(c.field in taken for c in copies):
            out.computed += copies
            taken |= {c.field for c in copies}


# "上半年（1-6月）：…", "第三季度：…": a part of the year's table 三, to be added to the other parts
_PERIOD_PART = re.compile(r"\s*(?:(?P<half>上半年|下半年)|第?(?P<q>[一二三四1-4１-４])季度|[Qq](?P<qq>[1-4])"
                          # ("1-3月 五件…", "10-12月四件：…": a quarter or a half by its months)
                          r"|(?P<ms>1[0-2]|[1-9])\s*(?:月份?)?\s*[-－—~～至到]\s*(?P<me>1[0-2]|[1-9])\s*月份?(?![0-9]))")
# "结转下半年7", "转入下季度": what one part hands on to the next, no cell of the year's table
_TO_NEXT_PART = re.compile(r"下半年|下季度|下一季度|[二三四]季度|第[二三四]季度")


def _period_of(message: str) -> tuple[int, int] | None:
    """(k, n): the text is part k of the year's n parts (halves or quarters), by its first words."""
    m = _PERIOD_PART.match(message)
    if m is None:
        return None
    if m.group("half"):
        return (1, 2) if m.group("half") == "上半年" else (2, 2)
    if m.group("ms"):
        first, last = int(m.group("ms")), int(m.group("me"))
        if last - first == 2 and first in (1, 4, 7, 10):
            return (first + 2) // 3, 4
        if (first, last) in ((1, 6), (7, 12)):
            return first // 6 + 1, 2
        return None
    return int(parse_number(m.group("q") or m.group("qq")) or 0), 4


def _period_sections(message: str) -> list[tuple[int, int, str]]:
    """(k, n, text) of each part of the year a message tells, a part from a line opening with it to the
    next such line ("一季度：新收15…\n二季度：新收18…"); [] unless the message opens with one."""
    out: list[tuple[int, int, str]] = []
    for line in message.strip().splitlines():
        if (p := _period_of(line)) is not None and not (out and out[-1][:2] == p):  # ("上半年办结合计34": its own)
            out.append((*p, line))
        elif out and _YEARS_SUM_LINE.match(line):
            break  # ("一共16件，其中个人9个…" after the last quarter: the year's, no part's)
        elif out:
            out[-1] = (out[-1][0], out[-1][1], out[-1][2] + "\n" + line)
        elif re.search(r"[0-9０-９]", line) or any(n.unit not in ("个", "") for n in find_numbers(line)):
            return []
        # ("申请的我没有汇总表 按登记簿一个季度一个季度说" over the first part: how it is told)
    return out


# a line of the year's sum after the parts: "一共16件，其中个人9个…", "全年83件", "所以今年新收一共22件"
_YEARS_SUM_LINE = re.compile(r"\s*(?:所以|这样|那就是|合起来|加起来)?\s*(?:今年|全年)?(?:新收)?(?:一共|总共|合计|共计|全年)")


def _years_sum_tail(message: str) -> str:
    """The lines after the parts of the year that sum them up (see ``_period_sections``)."""
    lines = message.strip().splitlines()
    for i, line in enumerate(lines):
        if i and _YEARS_SUM_LINE.match(line) and any(_period_of(x) for x in lines[:i]):
            return "\n".join(lines[i:])
    return ""


def _table_left_unread(before: str) -> bool:
    """The message before held a table some of whose rows were not read (it was refused, or read in part)."""
    rows = [x for x in before.splitlines() if _NUMBER_RUN.search(x) or (x.count("\t") >= 2 and re.search(r"[0-9０-９]", x))]
    if len(rows) < 2:
        return False
    _, used = parse_pasted_tables(before)
    return len(set(used) & set(rows)) < len(rows)


# "以76为准", "以她说的为准", "以办公室的为准吧": of the figures said for one item, the one to keep
_DECIDED = re.compile(r"以\s*(?:(?P<n>[0-9０-９][0-9０-９,，]*)\s*(?:件|条|个|篇|户|场|次)?|(?!分项|明细|各项|小计|合计|总数|总计)[^，,。；;！!？?\s0-9０-９]{1,7}?的)为准")
# "57是到11月底的 全年是63": a part of the year's figure, then the whole year's
_WHOLE_YEAR_AFTER = re.compile(r"(?<![0-9０-９])[0-9０-９]+\s*(?:件|条|个|篇|次)?(?:是|只是|就是)(?:截|统计)?(?:到|至)[^，,。；;\s]{1,8}(?:的|为止)[^。；;！!？?]{0,12}?"
                               r"全年(?:的)?(?:是|为|一共是?|共|实际是)\s*(?P<n>[0-9０-９]+)")
_DECIDED_IGNORED = ("年", "月", "日", "号", "点", "时", "分", "%", "％")


def _decided_value(message: str, out: MessageReading, earlier: Mapping[str, object], said_before: list[str]) -> None:
    """"处罚老周先说68 又说68是截到11月底的 全年是76 以76为准", "213是把转载的也算进去了 我们自己发的是176条
    以她说的为准": the figure kept replaces the one it was said against — the item holding that figure already,
    or the item this message (or the one before, "许可…批了37户" then "37是收到的申请户数…以32为准") names with it."""
    m = _DECIDED.search(message) or _WHOLE_YEAR_AFTER.search(message)
    if m is None or re.match(r"(?:台账|这个|这份|登记本|登记表|表|系统)为准", message[m.start() + 1:]):
        return  # (a register or a table pasted as the whole: read as such)
    nums = [n for n in find_numbers(message[:m.end()]) if n.unit not in _DECIDED_IGNORED and not n.approx]
    if m.group("n"):
        kept = parse_number(to_halfwidth(m.group("n")).replace(",", "").replace("，", ""))
    else:
        before = [n for n in nums if n.end <= m.start()]
        kept = before[-1].value if before else None
    if kept is None:
        return
    nums = [n for n in find_numbers(message) if n.unit not in _DECIDED_IGNORED and not n.approx]
    others = [n for n in nums if n.value != kept]
    if not others:
        return
    target = superseded = None
    by_before = False
    # ("复议8件，维持6件… 复议以9件为准": the item named where the figure is kept is the one it is kept for)
    here = message[max(message.rfind(ch, 0, m.start()) for ch in "。；;！!？?\n，,「") + 1:m.end()]
    named = {a.key: a for a in vocabulary().anchors(here) if a.kind in ("t2row", "fact", "t4block")}
    if len(named) == 1 and (item := next(iter(named.values()))).key != "litigation" and (
            resolved := _resolve(item, [item], _Context(), "件")) is not None:
        target = resolved
        for n in others:
            clause_at = max(message.rfind(ch, 0, n.start) for ch in "。；;！!？?\n，,「") + 1
            if any(a.key == item.key for a in vocabulary().anchors(message[clause_at:n.end])):
                superseded = n.value
                break
        if superseded is None:
            superseded = kept
    for n in others if target is None else ():  # the item holding a figure said against the one kept
        # (a row total of table 三's results is the sum of its cells, not a figure said)
        # (the figure's own words name nothing else: not "复议我这记的是4件" for a 废止件数 of 4)
        clause_at = max(message.rfind(ch, 0, n.start) for ch in "。；;！!？?\n，,") + 1
        others_named = {a.kind for a in vocabulary().anchors(message[clause_at:n.end]) if a.kind in ("t2row", "fact", "t3row", "t4block")}
        holding = [k for k, v in earlier.items() if isinstance(v, int) and not isinstance(v, bool) and v == n.value and not (
            k.startswith("t3.") and k.endswith(".total") and not k.startswith(("t3.new_received.", "t3.carried_over."))) and (
            not others_named or others_named <= {"t2row" if k.startswith("t2.") else "t4block" if k.startswith("t4.")
                                                 else "t3row" if k.startswith("t3.") else "fact"})]
        if len(holding) == 1 and n.value >= 2:
            target, superseded = holding[0], n.value
            break
    if target is None:  # the item named with a figure said against the one kept, here or in the message before
        for text, n in [*((message, n) for n in others), *((t, x) for t in said_before for x in find_numbers(t)
                                                            if x.value in {o.value for o in others})]:
            clause_at = max(text.rfind(ch, 0, n.start) for ch in "。；;！!？?\n，,") + 1
            clause = text[clause_at:n.end]
            items = [a for a in vocabulary().anchors(clause) if a.kind in ("t2row", "fact") and a.end <= n.start - clause_at]
            if len({a.key for a in items}) == 1:
                target = _resolve(items[0], items, _Context(), "件" if n.unit in ("", "户", "份", "起") else n.unit)
                if target is not None:
                    superseded, by_before = n.value, text is not message
                    break
    if target is None or superseded is None:
        return
    at = next(n for n in nums if n.value == kept)
    start = max(message.rfind(ch, 0, at.start) for ch in "。；;！!？?\n，, ") + 1
    quote = message[start:max(m.end(), at.end)].strip()
    out.ops = [op for op in out.ops if op.field != target and str(op.value) != str(superseded)]
    out.computed = [op for op in out.computed if op.field != target]
    out.unexplained = [u for u in out.unexplained if str(kept) not in u and m.group(0) not in u and str(superseded) not in u]
    out.ops.append(PatchOp(field=target, value=str(kept), quote=quote))
    out.replaced.append(str(superseded))
    out.placed_by_before = out.placed_by_before or by_before


# "你在新收和予以公开的商业企业那列各加6", "这15件你加到新收和结转里去 自然人那列": a count to add to the rows named
_INTO_ROWS = re.compile(r"(?:(?:你|您)?(?:在|给|往)(?P<rows1>[^，,。；;！!？?\n0-9０-９]{2,24}?)各?加(?:上)?\s*(?P<n1>[0-9０-９]+)"
                        r"|(?:这|那)?(?P<n2>[0-9０-９]+)\s*件?[^，,。；;！!？?\n0-9０-９]{0,4}?(?:加到|加进|算到|算进)(?P<rows2>[^，,。；;！!？?\n0-9０-９]{2,16}?)(?:里|中)(?:去|面|头)?)")


def _added_into_rows(message: str, out: MessageReading, earlier: Mapping[str, object]) -> None:
    """"标准定额司漏报了6件…都予以公开了 你在新收和予以公开的商业企业那列各加6": the count is added to each row
    named, in the applicant's column the message names (a difference to what is recorded)."""
    m = _INTO_ROWS.search(message)
    if m is None:
        return
    n = int(parse_number(to_halfwidth(m.group("n1") or m.group("n2"))) or 0)
    rows_text = m.group("rows1") or m.group("rows2")
    voc = vocabulary()
    rows = [a.key for a in voc.anchors(rows_text) if a.kind == "t3row"]
    if re.search(r"没办完|还没办|还在办|未办结|没答复|没回", message):  # (the ones still open: 结转 to next year)
        rows = ["carried_forward" if r == "carried_over" else r for r in rows]
    cols = {a.key for a in voc.anchors(message) if a.kind == "t3col" and a.key != "total"}
    rows = list(dict.fromkeys(rows))
    if not n or not rows or len(cols) != 1 or not all(isinstance(earlier.get(f"t3.{r}.{next(iter(cols))}"), int) for r in rows):
        return
    col = cols.pop()
    quote = message[m.start():m.end()].strip()
    out.ops = [op for op in out.ops if not op.field.startswith("t3.")]
    out.computed = [op for op in out.computed if not op.field.startswith("t3.")]
    # (the clauses telling of the ones added: no other number than theirs)
    out.unexplained = [u for u in out.unexplained if any(x.value != n for x in find_numbers(u) if x.unit not in _DECIDED_IGNORED)]
    for r in rows:
        out.ops.append(PatchOp(field=f"t3.{r}.{col}", value=str(n), quote=quote))
        out.by_difference[f"t3.{r}.{col}"] = 1


# "依申请这块我把登记本抄下来了", "申请的台账我抄一下给你": the register copied out, one application a line
# "我平时都是发文件传输助手里记的 全选复制过来了", the message before a list "第1件 …" "第2件 …"
_NOTES_COPIED = re.compile(r"(?:记的|记了|记在|记录的|备忘录|文件传输助手|便签|笔记)[^。！!？?]{0,20}?(?:复制|拷|贴|粘)(?:过来|给你|上来|一下|了)")
_NUMBERED_FROM_ONE = re.compile(r"(?:^|\n)[^\n]{0,8}?(?:第[1一]件|[1１][、.．])")
_REGISTER_COPIED = re.compile(r"(?:登记本|登记簿|登记表|台账|登记册|收文本)[^。！!？?\n]{0,6}?(?:抄|贴|拷|复制|拍|誊|摘)(?:下来|过来|给你|一下|了)?"
                              r"|(?:抄|贴|拷|复制|誊)(?:了|一下|下)?(?:一份|一下)?(?:登记本|登记簿|登记表|台账|登记册)")


# "5件里有一件是2024年1月3号才收到的 …那件是个人的 不算2023年吧 那就去掉", "个人那21件里 有一件其实是…询问函 一件是
# 12345转来的工单 这俩不算申请吧？我去掉 结果里一个我放在予以公开 一个放在信访举报那行 一起扣掉": some of a count said,
# taken out — from this year's count and from the result rows they were put in
_ONE_OF_COUNT = re.compile(r"(?:(?P<n>[0-9０-９]+|[一二两三四五六七八九十]+)\s*件(?:申请)?|(?P<row>新收|本年新收|今年新收|收到的申请|新收的申请)(?P<colw>[\u4e00-\u9fa5]{0,4}?)(?:的)?|(?P<colw2>[\u4e00-\u9fa5]{1,6}?)那(?:一)?列)"
                           r"(?:里|中|当中|里面|里头)(?:面)?[，,\s]*(?:有|还有|其实有)?\s*(?P<k>[一两二三四五六七八九1-9]|[0-9０-９]{2,3})(?:件|个)")
_NEW_LESS = re.compile(r"(?:新收|本年新收|今年新收)(?P<cw>[\u4e00-\u9fa5]{0,4}?)(?:的)?\s*(?:减|减去|减掉|扣掉|扣除)\s*(?P<n>[0-9０-９]+)")
# "新收里有3个是电话打来问的": callers, people
_CALLERS = re.compile(r"电话|来电|打来|来访|群众|市民|村民|居民")
_TAKEN_OFF = re.compile(r"去掉|减掉|拿掉|扣掉|扣除|删掉|删了|剔除|减去|排除|不算(?!不算)|不能算|不该算")
_BOTH = re.compile(r"这俩|这两件|这2件|这两个|两件都|俩都")
_PUT_IN = re.compile(r"(?:一个|一件|另一个|另一件)(?:我)?(?:放在|放到|算在|填在|算|放)")
_ALL_PUT_IN = re.compile(r"(?:结果)?(?:都|全|全部|也都)(?:记在|放在|算在|填在|算的|算成|记成|记的)|结果(?:都|全)?(?:写的|写成|写在|填的|填成)|我(?:都|也)?(?:放在|放到|记在|算在|填在)(?=[^，,。；;\s]{2,12}?(?:里|中))"
                         r"|(?:我|当时)?(?:放在|记在|算在|填在)(?=[^，,。；;]{2,14}?的那[0-9一两二三]件)")


_HELD_PLACED = re.compile(r"(?:那|这)(?P<n>[0-9０-９]|[一两二三四五六七八九])?\s*(?:件|个)[^，,。；;！!？?\n0-9０-９]{0,12}?\s*(?:就|都|也)?\s*"
                          r"(?:放|算|归|填|记|计)(?:到|在|进|入)?")
_HELD_BEFORE = re.compile(r"(?:(?:另外|还有|另)(?:还有)?|(?:还)?(?:少了|漏了|少|漏))\s*(?P<n>[0-9０-９]|[一两二三四五六七八九])\s*(?:件|个)")
_DECIDED_PLACE = re.compile(r"\s*(?:那|那就|那我|好的?|行)[，,\s]*(?:就)?(?:算|放|归|填|记)(?:到|在|进|入)?")


# "第3件那个绿洲物业是公司": who sent an application of a list before, which could not be placed then
_NTH_PLACED = re.compile(r"^\s*第(?P<n>[0-9０-９]{1,2}|[一二三四五六七八九十]{1,2})件(?:那个|那件|的|是)?[^，,。；;！!？?\n]{0,12}?(?:是|算|属于)(?P<col>[\u4e00-\u9fa5]{1,8}?)(?:的|吧|啊|呀)?[。！!]?\s*$")


_RESULT_ROW_KEYS = frozenset(r.address[3:] for r in T3_ROWS) - {"new_received", "carried_over", "total", "carried_forward"}


def _carried_ones_result_unplaced(message: str, out: MessageReading) -> None:
    """"去年结转那1件 今年公开了 表里没算": the carry-over counted, and its result told with no applicant to
    put it under — named back, not dropped."""
    fields = [op.field for op in [*out.ops, *out.computed]]
    if not any(op.field.startswith("t3.carried_over.") and str(op.value) not in ("0", "None")
               for op in [*out.ops, *out.computed]) or any(f.split(".")[1] in _RESULT_ROW_KEYS or (
            f.count(".") >= 3 and ".".join(f.split(".")[1:3]) in _RESULT_ROW_KEYS) for f in fields if f.startswith("t3.")):
        return
    results = [a for a in vocabulary().anchors(message) if a.kind == "t3row" and a.key in _RESULT_ROW_KEYS]
    if results and not any(a.kind == "t3col" for a in vocabulary().anchors(message)):
        clause = message[max(message.rfind(ch, 0, results[0].start) for ch in "，,。；; \n") + 1:].strip()
        out.unexplained.append(re.split(r"[，,。；;\n]", clause)[0].strip() or message.strip())


def _nth_placed(message: str, out: MessageReading, earlier: Mapping[str, object], said_before: list[str]) -> None:
    """The line "第3件 绿洲物业 要小区改造招标文件 → 我们没有 …" of a list said before, placed with the
    applicant now named: its result row in that column, and this year's applications by who sent them
    once every line of the list is placed (the reader's own counts: recorded as computed)."""
    said = _NTH_PLACED.match(message)
    if said is None or any(op.field.startswith("t3.") for op in [*out.ops, *out.computed]):
        return
    cols = [a.key for a in vocabulary().anchors(said.group("col")) if a.kind == "t3col" and a.key != "total"]
    if len(cols) != 1:
        return
    n = parse_number(to_halfwidth(said.group("n")))
    for before in said_before:
        cases, unplaced = _cases_in_a_list(before)
        line = next(((a, b) for a, b in unplaced if re.match(rf"[^第\n]{{0,8}}第{said.group('n')}件", before[a:b])
                     or re.match(rf"\s*第{int(n or 0)}件", before[a:b])), None)
        if line is None:
            continue
        case = _case_of_line(before[line[0]:line[1]], cols[0])
        if case is None:
            return
        quote = message.strip()
        row, col = f"t3.{case.row}", cols[0]
        for cell in (f"{row}.{col}", f"{row}.total"):
            value = earlier.get(cell)
            out.computed.append(PatchOp(field=cell, value=str((int(str(value)) if str(value).isdigit() else 0) + 1), quote=quote))
        if len(unplaced) == 1 and not any(str(k).startswith("t3.new_received.") and k != "t3.new_received.total" for k in earlier):
            placed = [*cases, case]
            for c in dict.fromkeys(x.column for x in placed if not x.carried_over):
                out.computed.append(PatchOp(field=f"t3.new_received.{c}", quote=quote,
                                            value=str(sum(x.count for x in placed if x.column == c and not x.carried_over))))
        out.unexplained = []
        return


def _held_ones_placed(message: str, out: MessageReading, earlier: Mapping[str, object], said_before: list[str]) -> None:
    """"另外还有2件 个人的 要我们出具证明… 这种不知道放哪" then "那2件出证明的 就放 没有现成信息需要另行制作 里吧":
    the ones held back, placed in a row now (added to it, in the applicant's column said with them)."""
    if not said_before:
        return
    for m in [*_HELD_PLACED.finditer(message), *filter(None, [_DECIDED_PLACE.match(message)])]:
        if _one_held_placed(message, m, out, earlier, said_before):
            return


def _one_held_placed(message: str, m: re.Match[str], out: MessageReading, earlier: Mapping[str, object],
                     said_before: list[str]) -> bool:
    n = parse_number(to_halfwidth(m.group("n"))) if m.groupdict().get("n") else 1
    stop = min([p for ch in "，,。；;！!？?\n" if (p := message.find(ch, m.end())) >= 0] or [len(message)])
    if any(op.field.startswith("t3.") and op.quote and message.find(op.quote) < stop and message.find(op.quote) + len(
            op.quote) > m.start() for op in out.ops):
        return False  # (the words placed it already)
    rows = list({a.key for a in vocabulary().anchors(message[m.end():stop]) if a.kind == "t3row"
                 and a.key not in ("new_received", "carried_over", "total")})
    if not rows and re.search(r"其他处理(?:里|中)?的?\s*[“\"「]?其他", message[m.end():stop]):
        rows = ["other_handling.other"]  # ("放其他处理里的“其他”吧")
    if n is None or len(rows) != 1:
        return False
    around = ""
    for before in said_before:  # (the latest message that held some back, not knowing where they go)
        for held in _HELD_BEFORE.finditer(before):
            end = min([p for ch in "。；;！!？?\n" if (p := before.find(ch, held.end())) >= 0] or [len(before)])
            if parse_number(to_halfwidth(held.group("n"))) == n and re.search(
                    r"放哪|算哪|归哪|哪一?类|哪一?行|哪里|不知道|不确定|拿不准|还是[^，,。；;！!？?]{2,16}[？?]", before[held.start():end + 1]):
                around = before[held.start():end]
        if around:
            break
    if not around:
        return False
    cols = {a.key for a in vocabulary().anchors(around) if a.kind == "t3col" and a.key != "total"}
    col = next(iter(cols)) if len(cols) == 1 else "total"
    quote = message[m.start():stop].strip()
    for c in dict.fromkeys((col, "total")):
        had = earlier.get(f"t3.{rows[0]}.{c}")
        out.computed.append(PatchOp(field=f"t3.{rows[0]}.{c}", value=str((had if isinstance(had, int) else 0) + int(n)), quote=quote))
    if rows[0] != "carried_forward":
        out.computed += _said_total_follows(earlier, col, int(n), quote)
    out.checked = [q for q in out.checked if q not in message[m.start():stop]]
    out.unexplained = [u for u in out.unexplained if u not in message[m.start():stop]]
    out.placed_by_before = True
    return True


_IN_ROW_SOME = re.compile(r"(?P<x>[\u4e00-\u9fa5（）()\-－]{2,12}?)(?:里|中|里面|里头)(?:有|其中)?\s*(?P<n>[0-9０-９]+|[一两二三四五六七八九十])\s*件")
_ALSO_COUNTED = re.compile(r"(?:在|到)(?P<y>[^，,。；;！!？?]{2,16}?)(?:里|中|那行|那一行)?(?:也|又|重复|还)(?:算|统计|计|记|填|登)了?(?:一次|一遍|两次|进去)?")


def _said_total_follows(earlier: Mapping[str, object], col: str, by: int, quote: str) -> list[PatchOp]:
    """（七）总计 as said (pasted with the table, not derived) follows a result row changed by ``by``."""
    return [PatchOp(field=cell, value=str(v + by), quote=quote) for cell in dict.fromkeys((f"t3.total.{col}", "t3.total.total"))
            if isinstance(v := earlier.get(cell), int) and not isinstance(v, bool) and v + by >= 0]


_APPEALED = re.compile(r"上诉(?:了|中)|提起(?:了)?上诉|在二审|二审(?:中|还没|没)")


def _appealed_is_pending(out: MessageReading) -> None:
    """"一审我们赢了 对方上诉了": the case goes on (尚未审结), whoever won the first instance."""
    for i, op in enumerate(out.ops):
        block, _, col = op.field.rpartition(".")
        if block.startswith("t4.litigation") and col in ("upheld", "corrected") and _APPEALED.search(op.quote) and not any(
                o.field == f"{block}.pending" for o in out.ops):
            out.ops[i] = op.model_copy(update={"field": f"{block}.pending"})


def _counted_twice(message: str, out: MessageReading, earlier: Mapping[str, object]) -> None:
    """"部分公开里有3件是区分处理的 个人的 我在不予公开-过程性信息里也算了一次 … 过程性那行减3": the ones
    counted in two rows leave the one the clerk takes them off ("…那行减3"; else the row they were counted in
    again), and stay in the other (whose count said here is no new value)."""
    twice = _ALSO_COUNTED.search(message)
    if twice is None:
        return
    def row_in(text: str) -> str | None:
        rows = {a.key for a in vocabulary().anchors(text) if a.kind == "t3row" and a.key not in ("new_received", "carried_over", "total")}
        return rows.pop() if len(rows) == 1 else None
    first = _IN_ROW_SOME.search(message, 0, twice.start())
    before = [a.key for a in vocabulary().anchors(message[:twice.start()]) if a.kind == "t3row"
              and a.key not in ("new_received", "carried_over", "total")]
    x, y = (row_in(first.group("x")) if first else None) or (before[0] if before else None), row_in(twice.group("y"))
    cut = _CUT_FROM_ROW.search(message, twice.end())
    reduced = row_in(cut.group("r")) if cut else y
    n = parse_number(to_halfwidth(cut.group("n"))) if cut else parse_number(to_halfwidth(first.group("n"))) if first else None
    if x is None or y is None or x == y or reduced not in (x, y) or n is None:
        return
    cols = {a.key for a in vocabulary().anchors(message[:twice.start()]) if a.kind == "t3col" and a.key != "total"}
    col = cols.pop() if len(cols) == 1 else "total"
    had = {c: v for c in dict.fromkeys((col, "total")) if (v := earlier.get(f"t3.{reduced}.{c}")) is not None}
    if "total" not in had or not all(isinstance(v, int) and v >= n for v in had.values()):
        return  # (a column not said follows from the row's 总计)
    stop = (cut.end() if cut else twice.end())
    stop = min([p for ch in "。；;！!？?\n" if (p := message.find(ch, stop)) >= 0] or [len(message)])
    quote = message[(first.start() if first else 0):stop].strip()
    mine = [op for op in out.ops if op.field.startswith((f"t3.{x}.", f"t3.{y}.")) and op.quote and op.quote in quote]
    out.ops = [op for op in out.ops if op not in mine]
    for op in mine:
        out.by_difference.pop(op.field, None)
    out.checked += [op.quote for op in mine]
    out.unexplained = [u for u in out.unexplained if u not in quote]
    out.computed += [PatchOp(field=f"t3.{reduced}.{c}", value=str(int(v) - int(n)), quote=quote) for c, v in had.items()]  # type: ignore[call-overload]
    out.computed += _said_total_follows(earlier, col, -int(n), quote)
    out.placed_by_before = True


_CUT_FROM_ROW = re.compile(r"(?P<r>[\u4e00-\u9fa5]{2,10}?)(?:那行|那一行|这行|那栏|那里)?(?:减|减去|减掉|扣掉)\s*(?P<n>[0-9０-９]+|[一两二三四五六七八九十])")


# "还有一件个人的 …又要求我们盖章确认是真的 表里我没填 这算哪类？": the one asked about is held, not counted
_WHERE_DOES_IT_GO = re.compile(r"(?:算|放|归|填|记)(?:在|到|进)?(?:哪|什么)(?:一)?(?:类|行|里|儿|项|栏)|哪一?类|放哪")


def _asked_where_it_goes(message: str, out: MessageReading) -> None:
    for start, end in _sentence_spans(message):
        sentence = message[start:end]
        if not _WHERE_DOES_IT_GO.search(sentence) or message[end:end + 1] not in ("？", "?"):
            continue
        held = [op for op in out.ops if op.field.startswith("t3.") and op.quote and start <= message.find(op.quote) < end]
        if not held or not re.search(r"(?:还有|另外|另|有)(?:一|1)(?:件|个)", sentence):
            continue
        out.ops = [op for op in out.ops if op not in held]
        out.unexplained += list(dict.fromkeys(op.quote for op in held))


_THOSE_N = re.compile(r"(?:那|这)(?P<n>[0-9０-９]+|[两二三四五六七八九十])\s*(?:件|个)[\u4e00-\u9fa5]{0,4}?(?:里|中|当中|里面|里头)")


def _some_of_those(message: str, out: MessageReading, earlier: Mapping[str, object]) -> None:
    """"纠正那2件复议里 有1件是确认违法 这个也算纠正吧？": some of the ones recorded, told about — not the
    item's count (which stays, unless the message changes it in other words)."""
    for m in _THOSE_N.finditer(message):
        n = parse_number(to_halfwidth(m.group("n")))
        for op in list(out.ops):
            at = message.find(op.quote, m.end())
            if (at < 0 or at - m.end() > 4 or op.field not in ALL_CELL_ADDRESSES or earlier.get(op.field) != n
                    or not str(op.value).isdigit() or int(str(op.value)) >= (n or 0)
                    or not re.match(r"\s*(?:有|其中|其中有)?\s*[0-9０-９一两二三四五六七八九]+\s*(?:件|个)(?:是|属于)", op.quote)):
                continue
            out.ops.remove(op)
            out.checked.append(op.quote)
            out.checked += [u for u in out.unexplained if m.group(0) in u]
            out.unexplained = [u for u in out.unexplained if m.group(0) not in u]


def _old_value_named_again(message: str, out: MessageReading, earlier: Mapping[str, object]) -> None:
    """"上年结转我说错了 6件是前年转过来的数 去年年报写的结转下年度是4件": two values for one cell in a
    correction, one of them the value recorded: that one is named as the wrong one, the other replaces it."""
    if not _CORRECTS.search(message):
        return
    by_field: dict[str, list[PatchOp]] = {}
    for op in out.ops:
        if op.op == "set" and op.field in ALL_CELL_ADDRESSES:
            by_field.setdefault(op.field, []).append(op)
    for field_, ops in by_field.items():
        values = {str(op.value) for op in ops}
        old = [op for op in ops if str(op.value) == str(earlier.get(field_))]
        if len(values) == 2 and old and len(old) < len(ops):
            for op in old:
                out.ops.remove(op)
                out.replaced.append(op.quote)


_THE_REST_MOVED = re.compile(r"(?:另外|还有|剩下|多出来)的?(?:那|这)(?P<n>[0-9０-９]|[一两二三四五])\s*(?:件|个)(?:[^，,。；;！!\n]{0,6}?的)?\s*"
                             r"(?:应该|应当|其实|实际上?)?(?:是|算|属于|归|放|填)(?:到|在|进|入)?")


# "…自然人应该是1 我弄错了 有一件是个人来反映楼上漏水的 算信访举报投诉类": the one taken out, told, and where it goes
_ONE_OF_THEM_IS = re.compile(r"(?:有|其中|其中有|里面有)(?P<n>[一两二三1-3])\s*(?:件|个)(?:是)?[^，,。；;！!？?\n]{0,30}?\s*"
                             r"(?:应该|其实|实际上?)?(?:算|属于|归|放到|放在|计入)(?:到|在|进|入)?(?=[^，,。；;！!？?\n]{2})")


def _the_rest_moved(message: str, out: MessageReading, earlier: Mapping[str, object]) -> None:
    """"不掌握是3件：个人2件 企业1件；另外那1件个人的应该是…需要另行制作": the one a correction in the same
    message took out of a row belongs to the row named after it."""
    for m in [*_THE_REST_MOVED.finditer(message), *_ONE_OF_THEM_IS.finditer(message)]:
        n = parse_number(to_halfwidth(m.group("n")))
        stop = min([p for ch in "，,。；;！!？?\n" if (p := message.find(ch, m.end())) >= 0] or [len(message)])
        rows = list({a.key: a for a in vocabulary().anchors(message[m.end():stop]) if a.kind == "t3row"
                     and a.key not in ("new_received", "carried_over", "total")}.values())
        who = [a.key for a in vocabulary().anchors(message[m.start():m.end()]) if a.kind == "t3col" and a.key != "total"]
        if n is None or len(rows) != 1 or len(who) > 1 or any(op.field.startswith(f"t3.{rows[0].key}.") for op in out.ops):
            continue
        col = who[0] if who else "total"
        lowered = [op for op in out.ops if op.field.startswith("t3.") and op.field.endswith(f".{col}") and op.quote
                   and 0 <= message.find(op.quote) < m.start() and isinstance(was := earlier.get(op.field), int)
                   and str(op.value).isdigit() and was - int(str(op.value)) == int(n)]
        if len(lowered) != 1:
            continue
        quote = message[m.start():stop].strip()
        # (what the words of the one moved seemed to say of the row it left, "有一件是个人来…的", is theirs)
        out.ops = [op for op in out.ops if not (op.field.startswith("t3.") and op.quote and m.start() <= message.find(op.quote) < stop)]
        for c in dict.fromkeys((col, "total")):
            address = f"t3.{rows[0].key}.{c}"
            had = earlier.get(address)
            out.ops.append(PatchOp(field=address, value=str((had if isinstance(had, int) else 0) + int(n)), quote=quote))


def _one_taken_out(message: str, out: MessageReading, earlier: Mapping[str, object]) -> None:
    m = _ONE_OF_COUNT.search(message)
    if m is None or not _TAKEN_OFF.search(message, m.end()):
        return
    head = message[max(0, m.start() - 8):m.start()] + (m.group("colw") or m.group("colw2") or "")
    cols = [a.key for a in vocabulary().anchors(head) if a.kind == "t3col"] or (["other"] if m.group("colw2") == "其他" else [])
    def total_of(row: str) -> int | None:
        """The row's 总计, said or (a paste without its 总计 column) the sum of its six columns."""
        said = earlier.get(f"{row}.total")
        parts = [earlier.get(f"{row}.{c}") for c in T3_APPLICANT_COLUMNS]
        return said if isinstance(said, int) else sum(parts) if all(isinstance(v, int) for v in parts) else None  # type: ignore[arg-type]
    n = parse_number(m.group("n")) if m.group("n") else earlier.get(
        f"t3.new_received.{cols[-1]}") if cols else total_of("t3.new_received")
    k = 2 if _BOTH.search(message, m.end()) else int(parse_number(m.group("k")) or 1)
    if cols:
        col = cols[-1]
        if earlier.get(f"t3.new_received.{col}") != n:
            return
    else:
        if total_of("t3.new_received") != n:
            return
        said = {a.key for a in vocabulary().anchors(message[m.end():]) if a.kind == "t3col"}
        if not said and m.group("row") and _CALLERS.search(message, m.end(), m.end() + 16):
            said = {"natural"}
        if len(said) != 1:
            return
        col = said.pop()
    had_col, had = earlier.get(f"t3.new_received.{col}"), total_of("t3.new_received")
    if not isinstance(had_col, int) or not isinstance(had, int) or had_col < k:
        return
    # ("…新收个人减3。另外新收个人里还有5件…去掉": a difference said before them, taken off too)
    less = next((int(str(op.value)) for op in out.ops if op.field == f"t3.new_received.{col}" and str(op.value).isdigit()
                 and out.by_difference.get(op.field) == -1), 0)
    if not less and (said_less := next((x for x in _NEW_LESS.finditer(message) if [
            a.key for a in vocabulary().anchors(x.group("cw")) if a.kind == "t3col"] == [col]), None)):
        less = int(to_halfwidth(said_less.group("n")))
        out.unexplained = [u for u in out.unexplained if u not in said_less.group(0) and said_less.group(0) not in u]
        out.checked.append(said_less.group(0))
    elif less:
        out.by_difference.pop(f"t3.new_received.{col}")
        out.checked += [op.quote for op in out.ops if op.field == f"t3.new_received.{col}"]
        out.ops = [op for op in out.ops if op.field != f"t3.new_received.{col}"]
    had_col, had = had_col - less, had - less
    quote = message.strip()
    ops = [PatchOp(field=f"t3.new_received.{col}", value=str(had_col - k), quote=quote)]
    if isinstance(earlier.get("t3.new_received.total"), int):  # (a 总计 not said follows from the columns)
        ops.append(PatchOp(field="t3.new_received.total", value=str(had - k), quote=quote))
    # the result rows they had been put in, one each ("结果里一个我放在予以公开 一个放在信访举报那行")
    rows = [a.key for p in _PUT_IN.finditer(message, m.end()) for a in vocabulary().anchors(message[p.end():p.end() + 12])[:1]
            if a.kind == "t3row" and a.key not in ("new_received", "carried_over", "total", "carried_forward")]
    if not rows and (all_in := _ALL_PUT_IN.search(message, m.end())):
        # "结果都记在予以公开": all of them in the one row
        first = [a for a in vocabulary().anchors(message[all_in.end():all_in.end() + 20]) if a.kind == "t3row"][:1]
        rows = [first[0].key] * k if first and first[0].key not in ("new_received", "carried_over", "total") else []
    for row in dict.fromkeys(rows):
        times = rows.count(row)
        cell, total = earlier.get(f"t3.{row}.{col}"), earlier.get(f"t3.{row}.total")
        if not isinstance(cell, int) or not isinstance(total_of(f"t3.{row}"), int) or cell < times:
            return
        ops.append(PatchOp(field=f"t3.{row}.{col}", value=str(cell - times), quote=quote))
        if isinstance(total, int):
            ops.append(PatchOp(field=f"t3.{row}.total", value=str(total - times), quote=quote))
    results = [r for r in rows if r != "carried_forward"]  # (still being handled: in no result row)
    for cell in (f"t3.total.{col}", "t3.total.total"):
        if results and isinstance(v := earlier.get(cell), int) and v >= len(results):  # ((七)总计 said, not derived: it follows)
            ops.append(PatchOp(field=cell, value=str(v - len(results)), quote=quote))
    # (what else the words of the ones taken out seemed to say — a 人大代表's letter, a hotline ticket — is theirs)
    out.not_counts += [op.quote for op in out.ops if op.field.startswith("t3.") or op.field in ("npc_suggestions", "cppcc_proposals")]
    out.ops = [op for op in out.ops if not (op.field.startswith("t3.") or op.field in ("npc_suggestions", "cppcc_proposals"))]
    out.computed = [op for op in out.computed if not op.field.startswith("t3.")] + ops
    out.not_ours = []  # (the phone calls or tickets taken out are what the message is about: said in the record)
    out.unexplained = [u for u in out.unexplained if not all(
        n.value in (had, had_col, k, 1) or n.unit in ("年", "月", "日", "号") for n in find_numbers(u))]
    out.placed_by_before = True


# "法制股说 那件复议上个月出了 纠正": the one case of table 四 recorded as not yet settled, now settled
_SETTLED_NOW = re.compile(r"(?:那件|那个|另一件|另外一件|还没结的那件|没结的那件)[^。；;！!？?\n]{0,12}?(?:复议|诉讼|官司|案子)?[^。；;！!？?\n]{0,10}?"
                          r"(?:出了|出来了|结果出了|出结果了|决定了|判了|审结了|结了|下来了)"
                          r"|(?:复议|诉讼|官司)(?:的)?(?:结果|决定)(?:出来了|出了|下来了)")  # ("复议结果出来了 …纠正")


def _pending_case_settled(message: str, out: MessageReading, earlier: Mapping[str, object]) -> None:
    m = _SETTLED_NOW.search(message)
    if m is None or any(op.field.startswith("t4.") for op in [*out.ops, *out.computed]):
        return
    around = message[max(0, m.start() - 12):m.end() + 16]
    anchors = vocabulary().anchors(around)
    results = {a.key for a in anchors if a.kind == "t4col" and a.key in ("upheld", "corrected", "other")}
    named = {a.key for a in anchors if a.kind == "t4block"}
    def open_one(b: str) -> bool:
        """The block has a case recorded as not settled, or one whose result was left untold."""
        if isinstance(p := earlier.get(f"t4.{b}.pending"), int) and p >= 1:
            return True
        told = [earlier.get(f"t4.{b}.{c}") for c in ("upheld", "corrected", "other")]
        total = earlier.get(f"t4.{b}.total")
        return earlier.get(f"t4.{b}.pending") is None and isinstance(total, int) and total - sum(
            v for v in told if isinstance(v, int)) == 1
    blocks = [b for b in ("review", "litigation_direct", "litigation_after_review") if open_one(b)
              and (not named or b in named or ("litigation" in named and b != "review"))]
    if len(results) != 1 or len(blocks) != 1 or any(n.unit not in ("年", "月", "日", "号") for n in find_numbers(around)):
        return
    block, result = blocks[0], results.pop()
    had, pending = earlier.get(f"t4.{block}.{result}"), earlier.get(f"t4.{block}.pending")
    quote = message.strip()
    out.computed += [PatchOp(field=f"t4.{block}.pending", value=str(pending - 1 if isinstance(pending, int) else 0), quote=quote),
                     PatchOp(field=f"t4.{block}.{result}", value=str((had if isinstance(had, int) else 0) + 1), quote=quote)]
    out.placed_by_before = True


# "另一件还没出结果吧 我再问问法制股": whether it is settled is not known yet — not recorded as pending
_ASKING_AGAIN = re.compile(r"吧[\s，,。]*(?:我)?(?:再|还得|得|要)?(?:问问|问一下|问下|再问|核一下|核实|确认一下|确认下|查一下|查查|去问)")


def _pending_in_doubt(message: str, out: MessageReading) -> None:
    doubts = [a for a in vocabulary().anchors(message) if a.kind == "t4col" and a.key == "pending"
              and _ASKING_AGAIN.match(message, a.end + (message[a.end:a.end + 1] == "果"))]
    if not doubts:
        return
    for op in [op for op in out.ops if op.field.startswith("t4.") and op.field.endswith(".pending")]:
        at = message.find(op.quote)
        if at >= 0 and any(at <= d.start <= at + len(op.quote) + 2 for d in doubts) and not re.search(
                r"[。；;\n]", message[at:doubts[0].start]):
            out.ops.remove(op)
    start = max(message.rfind(ch, 0, doubts[0].start) for ch in "。；;，, \n") + 1
    end = min([i for ch in "。；;\n" if (i := message.find(ch, doubts[0].end)) > 0] or [len(message)])
    out.in_doubt.append(message[start:end].strip())


# "律所那个 我登了两次 一份纸质一份邮件 同一个申请 其实就1件": one application registered twice
_TWICE = re.compile(r"登了两次|登记了两次|登记两次|重复登记|登重了|录了两次|录重了|记了两次|算了两次|统计了两次|报了两次")
_ONLY_ONE = re.compile(r"(?:其实|实际|实际上)?(?:就|只有|只算|只是|算)(?:1|一)件")


def _registered_twice(message: str, out: MessageReading, earlier: Mapping[str, object]) -> None:
    m = _TWICE.search(message)
    if m is None or not _ONLY_ONE.search(message, m.end()):
        return
    cols = {a.key for a in vocabulary().anchors(message[:m.start()]) if a.kind == "t3col"}
    if len(cols) != 1 or not isinstance(had := earlier.get(f"t3.new_received.{(col := cols.pop())}"), int) or had < 2 or not isinstance(
            total := earlier.get("t3.new_received.total"), int):
        return
    quote = message.strip()
    out.ops = [op for op in out.ops if not op.field.startswith("t3.new_received.")]
    out.computed += [PatchOp(field=f"t3.new_received.{col}", value=str(had - 1), quote=quote),
                     PatchOp(field="t3.new_received.total", value=str(total - 1), quote=quote)]
    out.unexplained = [u for u in out.unexplained if not all(n.value in (1, 2) for n in find_numbers(u))]
    out.not_counts += [message[m.start():m.end()]]
    out.placed_by_before = True


# "依申请公开那块 我这登记了3件？一件是12345转过来的工单 … 这些算依申请吗": the count asked about, not yet a count
_DO_THEY_COUNT = re.compile(r"(?:这些|这几件|这几个|这[0-9一二两三四五六七八九]件|它们|这俩|这两件|这三件|那几件|这个)(?:都)?(?:能)?"
                            r"(?:算|算不算|要不要算|能不能算|属于|算是|算作)(?:是)?(?:依申请|申请|政府信息公开申请|信息公开申请)"
                            r"(?:吗|么|不|吧|的吗|呢)?\s*[？?]?\s*$")


def _counted_then_asked(message: str, out: MessageReading) -> None:
    if not _DO_THEY_COUNT.search(message.strip()):
        return
    held = [op for op in out.ops if op.field.startswith("t3.")]
    wondered = [u for u in out.unexplained if any(n.unit in ("件", "个") for n in find_numbers(u))]
    stripped = message.strip()
    asked_at = stripped.rfind("\n") + 1
    if asked_at and re.match(r"\s*(?:问下|问一下|请问|想问一下?|还有个问题|另外问一下?)", stripped[asked_at:]):
        # ("依申请今年一个都没收到…\n问下 有个村民写信…这个算依申请吗": the case asked about is the one told
        # in the question's own line, not the lines before it)
        before = stripped[:asked_at]
        held = [op for op in held if not (op.quote and op.quote in before)]
        wondered = [u for u in wondered if u not in before]
    if not held and not wondered:
        return
    out.ops = [op for op in out.ops if op not in held]
    out.unexplained = [u for u in out.unexplained if u not in wondered]
    out.asked_if_counted += list(dict.fromkeys([*wondered, *(op.quote for op in held)]))
    # ("我这登记了3件？": the count wondered at, not a question for the guide)
    out.questions = [q for q in out.questions if not any(h in q or q in h for h in out.asked_if_counted)]


def _processing_fee_is_no_table_fee(message: str, out: MessageReading) -> None:
    """"一件申请人交了费，收了100元…应该写收取信息处理费1件，金额100元": the 信息处理费 told in 元, no 行政事业性收费
    of table 二 (which a message naming 信息处理费 and not 行政事业性收费 does not speak of)."""
    if "信息处理费" not in message or re.search(r"行政事业性|事业性收费|表二", message):
        return
    if not any(op.field in ("fee_amount", "fee_cases") or (op.field == "fee_charged" and op.value is True) for op in out.ops):
        return
    for op in list(out.ops):
        if op.field == "t2.fees.amount" and "万" not in op.quote:
            out.ops.remove(op)
            out.not_counts.append(op.quote)


_ONE_OF_THEM = re.compile(r"^\s*(?:有|其中有?|里面有|这里面有)(?:一|1)件(?![^，,。；;]{0,12}(?:又|再|新增|新收到|漏))")


def _one_of_those_received(message: str, out: MessageReading, earlier: Mapping[str, object]) -> None:
    """"有一件律师事务所的申请是12月底收的，还在办，结转下年度法律服务机构那格填1" when 法律服务机构 has 3 new:
    one of those told about, not the column's count (which no correction here changes)."""
    if _CORRECTS.search(message):
        return
    for op in list(out.ops):
        if (op.field.startswith("t3.new_received.") and str(op.value) == "1" and _ONE_OF_THEM.match(op.quote)
                and isinstance(had := earlier.get(op.field), int) and had > 1):
            out.ops.remove(op)
            out.not_counts.append(op.quote)


def _count_broken_down(message: str, out: MessageReading, earlier: Mapping[str, object]) -> None:
    """"办公室的明细：个人7件 企业1件 还有1件是…协会申请的 公益组织" after 新收9件: who made the applications
    counted before, told in a line of no row — their counts add up to it (and the last one is one of them, not
    one more)."""
    total = earlier.get("t3.new_received.total")
    if not isinstance(total, int) or isinstance(total, bool):
        return
    for line in message.splitlines():
        if not line.strip() or any(a.kind in ("t3row", "t3group") and a.key != "new_received" for a in vocabulary().anchors(line)):
            continue
        parts: dict[str, tuple[int, str]] = {}
        for u in [u for u in out.unexplained if u in line]:
            m = re.fullmatch(r"\s*(?P<w>[\u4e00-\u9fa5]{1,6}?)的?\s*(?P<n>[0-9０-９]+)\s*件?\s*", u)
            cols = [a.key for a in vocabulary().anchors(m.group("w")) if a.kind == "t3col" and a.key != "total"] if m else []
            if m and len(cols) == 1 and cols[0] not in parts:
                parts[cols[0]] = (int(parse_number(to_halfwidth(m.group("n"))) or 0), u)
        told = [op for op in out.ops if op.field.startswith("t3.new_received.") and op.field != "t3.new_received.total"
                and op.quote and op.quote in line]
        for op in told:
            col = op.field.rsplit(".", 1)[1]
            if col not in parts and str(op.value).isdigit():
                parts[col] = (int(str(op.value)), op.quote)
        if len(parts) < 2 or sum(v for v, _ in parts.values()) != total:
            continue
        out.ops = [op for op in out.ops if not (op.field.startswith("t3.new_received.") and (not op.quote or op.quote in line))]
        out.unexplained = [u for u in out.unexplained if u not in {q for _, q in parts.values()}]
        out.added = [f for f in out.added if not f.startswith("t3.new_received.")]
        out.ops += [PatchOp(field=f"t3.new_received.{col}", value=str(v), quote=q) for col, (v, q) in parts.items()]
        return


# "处罚就是他说的那两类加起来": the parts of the item the message before listed, added up
_THOSE_ADDED = re.compile(r"(?:就是|是|按)?(?:他|她|他们|她们|你)?(?:说的)?(?:那|这)?(?P<k>两|俩|三|仨|四|几|[2-9])(?:类|个|项|块|种|部分|样)?"
                          r"(?:加起来|加一起|加在一起|合起来|相加)")


def _parts_before_added_up(message: str, out: MessageReading, said_before: list[str]) -> None:
    m = _THOSE_ADDED.search(message)
    if m is None or not said_before or any(x.start < m.start() for x in find_numbers(message) if x.unit not in _DECIDED_IGNORED):
        return
    items = {a.key for a in vocabulary().anchors(message[:m.start()]) if a.kind == "t2row"}
    if len(items) != 1:
        return
    key = items.pop()
    for line in said_before[0].splitlines():
        at = [a for a in vocabulary().anchors(line) if a.kind == "t2row" and a.key == key]
        if not at:
            continue
        numbers = [n for n in find_numbers(line[at[0].end:]) if n.unit not in _DECIDED_IGNORED and not n.approx]
        k = parse_number(m.group("k").replace("俩", "两").replace("仨", "三"))
        if len(numbers) < 2 or (m.group("k") != "几" and k is not None and len(numbers) != k) or len({n.unit for n in numbers}) > 1:
            return
        out.computed.append(PatchOp(field=f"t2.{key}.decisions", value=str(int(sum(n.value for n in numbers))), quote=message.strip()))
        out.unexplained = [u for u in out.unexplained if not (0 <= (u_at := message.find(u)) <= m.start() < u_at + len(u))]
        out.placed_by_before = True
        return


def wants_said_before(message: str) -> bool:
    """Whether ``read_message`` may need the messages before this one (``said_before``): a table that one of
    them announced, or a part of the year whose other parts they told."""
    return ("\n" in message.strip() or _period_of(message) is not None or bool(_SECTION.match(message))
            or bool(_BLANKET_SAID.search(message)) or bool(_DECIDED.search(message)) or bool(_THOSE_ADDED.search(message))
            or _taken_comment_words(message) or bool(_HELD_PLACED.search(message)) or bool(_DECIDED_PLACE.match(message))
            or bool(_NTH_PLACED.match(message)))


_BLANKET_SAID = re.compile(r"(?:其他|其余|剩下的?|别的|都|全)[^，,。]{0,4}(?:是0|是零|为0|没有|填0)")


def _period_parts(message: str, out: MessageReading, said_before: Iterable[str]) -> None:
    """Parts of the year's table 三 ("上半年：新收36件…" then "下半年：新收46…", or quarters, one or more a
    message): held until every part has come, then added up, cell by cell — 上年结转 as the first part says
    it, 结转下年度 as the last does; what a part hands on to the next ("结转下半年7") is no cell."""
    sections = _period_sections(message)
    if not sections or not any(op.field.startswith("t3.") for op in [*out.ops, *out.computed]):
        return
    n = sections[0][1]
    parts: dict[int, list[PatchOp]] = {}
    tail = _years_sum_tail(message)
    for k, _, text in sections:
        ops = [*out.ops, *[op for op in out.computed if str(op.value) != "0"]] if len(sections) == 1 and not tail else _told_in(text)
        # (no carry-over or carry-forward of the part's own that its words do not tell: a none the reader
        # inferred from the part's count and results is no none of the year's)
        ops = [op for op in ops if not (op.field.startswith(("t3.carried_over.", "t3.carried_forward."))
                                        and str(op.value) == "0" and not re.search(r"结转|转过来|转到|没办完|还没办完", op.quote))]
        parts[k] = _part_ops(ops, k, n)
        out.not_counts += [op.quote for op in ops if op.field.startswith("t3.") and op not in parts[k]]
    out.ops = [op for op in out.ops if not op.field.startswith("t3.")]
    out.computed = [op for op in out.computed if not op.field.startswith("t3.")]
    if tail:
        # ("一共16件，其中个人9个…" under the last part: the year's, read on its own)
        said = read_message(tail)
        out.ops += [op for op in said.ops if op.field.startswith("t3.")]
        out.computed += [op for op in said.computed if op.field.startswith("t3.")]
        out.unexplained = [u for u in out.unexplained if u not in tail] + said.unexplained
    out.period_ops = [op for ops in parts.values() for op in ops]
    for before in said_before if len(parts) < n else ():
        for k, m, text in _period_sections(before):
            if m == n and k not in parts:
                parts[k] = _part_ops(_told_in(text), k, n)
    names = ("上半年", "下半年") if n == 2 else tuple(f"第{'一二三四'[i]}季度" for i in range(n))
    if len(parts) < n:
        out.period_held = "、".join(names[k - 1] for k, _, _ in sections)
        return
    sums: dict[str, int] = {}
    for ops in parts.values():
        for op in ops:
            if (v := parse_number(str(op.value))) is not None:
                sums[op.field] = sums.get(op.field, 0) + int(v)
    # what came in only where every part tells what came in to it (a part told only by its results leaves the
    # year's count open: its applications are not all in the other parts' counts)
    if not all(any(op.field.startswith("t3.new_received.") for op in ops) for ops in parts.values()):
        sums = {f: v for f, v in sums.items() if not f.startswith("t3.new_received.")}
    # a row's total (or a column's （七）总计) only where every part that tells the row tells it: "个人1件 给了"
    # in one part and "给了3件" in another add up by their applicants, the totals follow from them
    for cell in [f for f in sums if f.endswith(".total") or f.startswith("t3.total.")]:
        if cell.startswith("t3.total."):  # (a column's results told in a part: its （七）总计 too)
            col = cell.rsplit(".", 1)[1]
            telling = [ops for ops in parts.values() if any(op.field.rsplit(".", 1)[1] == col and not op.field.startswith(
                ("t3.new_received.", "t3.carried_over.", "t3.carried_forward.")) for op in ops)]
        else:
            row = cell.rsplit(".", 1)[0] + "."
            telling = [ops for ops in parts.values() if any(op.field.startswith(row) for op in ops)]
        if not all(any(op.field == cell for op in ops) for ops in telling):
            del sums[cell]
    label = "、".join(names)
    out.computed += [PatchOp(field=f, value=str(v), quote=f"{label}相加") for f, v in sums.items()]
    out.period_sum = label


# "- 综合行政执法大队：", "【种植业管理股】", "2. 畜牧兽医股:": a line naming one office of the body, its part
# of the figures under it
_UNIT_HEAD = re.compile(r"^[ \t\u3000]*(?:[-*•·▪]|[①-⑳]|[0-9]{1,2}[.．、]|[（(][一二三四五六七八九十][)）]|[一二三四五六七八九十][、.．])?[ \t\u3000]*"
                        r"[【\[]?(?P<name>[\u4e00-\u9fa5]{1,14}?(?:科室|股室|处室|大队|中队|支队|分局|科|股|室|队|所|中心|站|处|办))"
                        r"[】\]]?(?:的|报的|报来的|报上来的)?[ \t\u3000]*[:：]?[ \t\u3000]*$")


def _unit_sections(message: str) -> list[tuple[str, str]]:
    """(office, its lines) of a message that tells its figures office by office, each under a line naming
    the office; [] unless two offices or more are so told."""
    out: list[tuple[str, str]] = []
    for line in message.splitlines():
        if (m := _UNIT_HEAD.match(line)) and not any(a.kind in ("t3row", "t3group", "t3col", "t2row", "fact")
                                                      for a in vocabulary().anchors(m.group("name"))):
            out.append((m.group("name"), ""))
        elif out:
            out[-1] = (out[-1][0], out[-1][1] + line + "\n")
    return out if len(out) >= 2 else []


def _units_parts(message: str, out: MessageReading) -> None:
    """"依申请是各个股室报上来的 你帮我加加" and then each office's applications under its name: table 三 is
    their sum, cell by cell (each office read alone). A cell some office gives only as a total (its
    （七）总计 or a row's 总计) is not added: the totals follow from the details once they are in."""
    sections = [(name, text) for name, text in _unit_sections(message) if text.strip()]
    if len(sections) < 2 or not any(op.field.startswith("t3.") for op in [*out.ops, *out.computed]):
        return
    readings = [read_message(text) for _, text in sections]
    parts = [[op for op in [*r.ops, *r.computed] if op.op == "set" and op.field.startswith("t3.")] for r in readings]
    if sum(1 for p in parts if p) < 2:
        return
    sums: dict[str, int] = {}
    for ops in parts:
        for op in ops:
            if op.field.endswith(".total") or op.field.startswith("t3.total."):
                continue
            if (v := parse_number(str(op.value))) is not None:
                sums[op.field] = sums.get(op.field, 0) + int(v)
    inside = [text for _, text in sections]
    mine = [op for op in [*out.ops, *out.computed] if op.field.startswith("t3.") and any(op.quote in t for t in inside)]
    # (what an office's lines leave unread is named back as read alone)
    out.unexplained = [u for u in out.unexplained if not any(u in t for t in inside)] + [
        u for r in readings for u in r.unexplained]
    out.summed_lines += [op.quote for op in mine]
    out.ops = [op for op in out.ops if op not in mine]
    out.computed = [op for op in out.computed if op not in mine]
    label = "、".join(name for name, _ in sections)
    out.computed += [PatchOp(field=f, value=str(v), quote=f"{label}相加") for f, v in sums.items()]


# "医政股收了17件 …  加上办公室自己收的3件 都是个人", "17件是医政股的 办公室另外还收了3件 …你帮我加一下":
# this year's applications of two offices, to be added
_ADDED_ON = re.compile(r"[，,\s]*(?:再加上|加上|外加|另外还收了|另外又收了|另外还有|另外收了)")
_ADD_ASKED = re.compile(r"帮我加|你加|加一下|加起来|加在一起|合起来|一共|总共|合计")


def _two_offices_inline(message: str, out: MessageReading) -> None:
    """This year's applications told as two offices' counts in one message, the second after 加上/另外还收了
    (or with "帮我加一下"): 新收 is their sum, column by column where each part's columns are whole."""
    cues = list(_ADDED_ON.finditer(message))
    if len(cues) != 1 or "\n" in message.strip() or not (cues[0].group(0).strip(" ，,").startswith(("加上", "再加上", "外加"))
                                                          or _ADD_ASKED.search(message)):
        return
    cue = cues[0]
    left, right = message[:cue.start()], message[cue.end():]
    if not (re.search(r"[0-9０-９]+\s*件", left) and re.search(r"[0-9０-９]+\s*件", right)):
        return
    if not (re.search(r"收|新收|申请", left + cue.group(0))):
        return
    if any(a.kind == "t3row" and a.key not in ("new_received", "total") for a in vocabulary().anchors(message)):
        return  # (results told too: not two offices' counts alone)
    parts = []
    for text in (left, right):
        text = re.sub(r"你?帮我加一下|加一下|加起来|你帮我加|合起来", "", text)
        cells: dict[str, int] = {}
        for said in (text, re.sub(r"([0-9０-９]+\s*件)", r"新收\1", text, count=1)):
            r = read_message(said)
            cells = {op.field: int(str(op.value)) for op in [*r.ops, *r.computed]
                     if op.field.startswith("t3.new_received.") and str(op.value).isdigit()}
            if "t3.new_received.total" in cells:
                break
        else:
            return
        told = sum(v for k, v in cells.items() if not k.endswith(".total"))
        if told == cells["t3.new_received.total"]:  # (its columns are whole: the others have none)
            cells |= {f"t3.new_received.{c}": 0 for c in T3_APPLICANT_COLUMNS if f"t3.new_received.{c}" not in cells}
        parts.append(cells)
    a, b = parts
    quote = message.strip()
    sums = {"t3.new_received.total": a["t3.new_received.total"] + b["t3.new_received.total"]}
    sums |= {k: a[k] + b[k] for k in a if k in b and not k.endswith(".total")}
    out.ops = [op for op in out.ops if not op.field.startswith("t3.new_received.")]
    out.computed = [op for op in out.computed if not op.field.startswith("t3.new_received.")]
    out.unexplained = [u for u in out.unexplained if u.strip() not in quote]
    out.ops += [PatchOp(field=k, value=str(v), quote=quote) for k, v in sums.items() if v]
    # (a column neither part has: the reader's own sum of its parts' wholes, no number said)
    out.computed += [PatchOp(field=k, value="0", quote=quote) for k, v in sums.items() if not v]


# "新收 个人 加3（…）", "予以公开 个人 加2，不掌握 个人 减2": an item, then by how much it changed
_CHANGED_BY = re.compile(r"(?P<item>[^，,；;。\n0-9０-９（()）]{1,24}?)\s*(?P<sign>加|减|多|少|增加|减少)了?\s*(?P<n>[0-9０-９]{1,5})\s*(?:件|个|条|篇)?"
                         r"(?P<aside>\s*[（(][^）)\n]{0,40}[）)])?")


def _revision_lines(message: str, out: MessageReading) -> None:
    """A message that revises a version told before ("第二版是在初稿基础上改的，就改了这几处：…"): each item
    said with 加/减 and a number changes by it (recorded as a difference, added to the value recorded
    before); what its brackets say is why, no figure."""
    if not _REVISED_FROM.search(message):
        return
    changes: list[tuple[str, int, str, int, int]] = []  # (field, sign, the number, span)
    for m in _CHANGED_BY.finditer(message):
        words = vocabulary().anchors(m.group("item"))
        rows = {a.key for a in words if a.kind == "t3row"}
        cols = {a.key for a in words if a.kind == "t3col"}
        t2 = [a for a in words if a.kind in ("t2row", "t2col")]
        facts = {a.key for a in words if a.kind == "fact"}
        target = None
        if len(rows) == 1 and len(cols) <= 1:
            target = f"t3.{next(iter(rows))}.{next(iter(cols)) if cols else 'total'}"
        elif not rows and t2:
            row = next((a.key for a in t2 if a.kind == "t2row"), None)
            col = next((a.key for a in t2 if a.kind == "t2col"), None)
            target = _item_target_t2(row, col)
        elif not rows and len(facts) == 1:
            target = next(iter(facts))
        line_end = min((i for i in (message.find(ch, m.end()) for ch in "。；;\n") if i >= 0), default=len(message))
        if target is None or (target not in ALL_CELL_ADDRESSES and target not in FACT_SPECS) or _ABSOLUTE_AFTER.search(
                message[m.end():line_end]):
            continue  # ("处罚 少了5件，应该是42": the figure itself is said)
        changes.append((target, 1 if m.group("sign") in ("加", "多", "增加") else -1, to_halfwidth(m.group("n")), m.start(), m.end()))
    if not changes:
        return
    spans = [(a, b) for *_, a, b in changes]
    inside = [op for op in [*out.ops, *out.computed] if any(message.find(op.quote) >= 0 and a <= message.find(op.quote) < b for a, b in spans)]
    out.checked += [op.quote for op in inside]
    out.ops = [op for op in out.ops if op not in inside and op.field not in {c[0] for c in changes}]
    out.computed = [op for op in out.computed if op not in inside]
    out.unexplained = [u for u in out.unexplained if not any(u in message[a:b] for a, b in spans)]
    for target, sign, n, a, b in changes:
        out.ops.append(PatchOp(field=target, value=n, quote=message[a:b].strip(" .．、\t")))
        out.by_difference[target] = sign


def _item_target_t2(row: str | None, col: str | None) -> str | None:
    if row in _T2_ONE_COLUMN:
        return f"t2.{row}.{_T2_ONE_COLUMN[row]}"
    if row in ("regulations", "normative_docs") and col:
        return f"t2.{row}.{col}"
    return None


def _told_in(text: str) -> list[PatchOp]:
    """What a part of the year, read alone, says (held as it is: see ``_period_parts``)."""
    r = read_message(text)
    # (not the zeros the reader inferred from the part's own count: the year's carry-over, told apart, is
    # not in it; the year's zeros are inferred once its parts are added up)
    return r.period_ops or [*r.ops, *[op for op in r.computed if str(op.value) != "0"]]


def _part_ops(ops: list[PatchOp], k: int, n: int) -> list[PatchOp]:
    """A part's table-三 cells that add into the year's: 上年结转 of the first part only, 结转下年度 of the
    last only (and not "结转下半年")."""
    return [op for op in ops if op.field.startswith("t3.") and not (
        op.field.startswith("t3.carried_forward.") and (k < n or _TO_NEXT_PART.search(op.quote)))
        and not (op.field.startswith("t3.carried_over.") and k > 1)]


_DASHES = ("—", "——", "－", "-", "–", "/", "／")
# "横杠的都是没有 就是0", "—表示0": a word for the mark, or the mark itself with what it means (not "8/3/1/0")
_MARKS_ARE_ZERO = re.compile(r"(?:(?:横杠|横线|斜杠|短横|杠)(?:的|号)?(?:地方|格子)?(?:都|就|也)?(?:是|算|当|表示|代表)?"
                             r"|[—－/](?:的|号)?(?:地方|格子)?(?:都|就|也)?(?:是|算|当|表示|代表))"
                             r"[\s，,]*(?:没有|无|零|0)(?:[\s，,]*(?:就是|也就是|即|就算)?\s*(?:0|零))?")
# "县市监局的，2025年度": a body of "the county" or "the city" named by its kind alone, opening the message
_SHORT_NAME = re.compile(r"\s*(?:我是|我们是|单位是|这边是)?([县市区镇乡省][\u4e00-\u9fa5]{1,6}?(?:局|委|办|厅|中心))(?:的)?(?=[，,。\s]|$)")
_NAME_CORRECTED = re.compile(r"(?:单位|机关)的?(?:名字|名称|全称)?[^。！!？?\n]{0,10}?(?:写错|错了|说错|打错|不对)[了，,\s]*(?:应该)?(?:是|为|改成|改为)\s*"
                             r"([\u4e00-\u9fa5（）()]{4,40}?)(?=[\s，,。；;！!]|不是|$)")
_INTRODUCES = re.compile(r"我们是|我们单位是|单位是|单位名称|机关是|机关名称|全称|报告主体|本单位是|本机关是|我是")


# "今年有这么几个：", "今年收到的申请如下：": a list of this year's applications follows, whole
_THIS_YEARS_LIST = re.compile(r"(?:今年|本年|全年)[^。！!？?\n]{0,12}(?:这么几个|这几个|这几件|这么几件|如下|下面这些|这些)[^。！!？?\n]{0,4}[：:]\s*$")


_LIST_GOES_ON = re.compile(r"\s*(?:第\s*(?:[二三四五六七八九十]|十[一二三四五六七八九]|[2-9]|1[0-9])\s*(?:件|个|条)|(?:[2-9]|1[0-9])\s*[.．、](?![0-9])|[②③④⑤⑥⑦⑧⑨⑩])")
_LATER_PART = re.compile(r"(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})\s*月(?:份)?(?:以后|之后|往后|后面|开始|以来)|(?:后面|最后|剩下)(?:的)?(?:两|几|[0-9０-９])个月")
# "除了系统里的，办公室还有一本纸质登记簿…都没进系统，我一件件说：": more besides those counted before
_BESIDES_THOSE = re.compile(r"除了[^，,。\n]{1,12}?(?:的|以外|之外)?[，,]?[^。\n]{0,20}?还有|(?:都|也)?没(?:进|录进|录入|登进|算进|统计进)(?:系统|台账|表里|表格|统计)"
                            r"|(?:OA|oa|系统|台账|平台|表)(?:里|上|中)(?:都|也)?(?:没有|没)(?!有?结转)")  # ("纸质申请4件OA里没有：…")
# "不予公开3件：", "剩下几件：": a count of the applications told after it
_GROUP_HEAD = re.compile(r"[^。！!？?\n；;：:]{0,12}?([0-9０-９一二两三四五六七八九十]+)\s*(?:件|个)[^。！!？?\n：:]{0,4}[：:]\s*$")
# "今年的6个：", "今年收到的12件：": this year's applications, listed after
_LIST_OF_THIS_YEARS = re.compile(r"(?:今年|本年|全年)(?:的|收到的|收的|新收的|一共|共)?\s*([0-9０-９一二两三四五六七八九十百]+)\s*(?:个|件)[^。！!？?\n：:]{0,10}[：:]\s*$")


# "漏了一件申请没说", "又收了一件": one more that came in, whatever the results told so far
_ADDED_ONE = re.compile(r"漏了一件申请|漏说了一件申请|又收了|又来了|新收的漏了|收到的漏了")


_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def _outcomes_by_cell(reviews: list[_Outcome]) -> dict[str, list[_Outcome]]:
    """Table 四's cells, each with the cases told into it: a block's outcomes and its total."""
    out: dict[str, list[_Outcome]] = {}
    for o in reviews:
        out.setdefault(f"t4.{o.block}.{o.column}", []).append(o)
    for o in reviews:
        out.setdefault(f"t4.{o.block}.total", []).append(o)
    return out


def _list_completed(message: str, cases: list[_Case], earlier: Mapping[str, object]) -> dict[str, int]:
    """This year's applications by applicant, when ``cases`` end a list of them begun in an earlier
    message (its first line numbered after 1: "④…"): each applicant's results told, carry-forward
    included, less its carry-over; {} unless they add up to this year's count and none was told yet."""
    n = functools.partial(_count_in, earlier)
    first = message[cases[0].start:cases[0].end].lstrip(" \t\u3000")
    number = _CIRCLED.find(first[:1]) + 1 if first[:1] in _CIRCLED else int(m.group(1)) if (
        m := re.match(r"[（(]?([0-9]{1,2})[)）、.．]", first)) else 0
    total = n("t3.new_received.total")
    if number <= 1 or not total or any(earlier.get(f"t3.new_received.{c}") is not None for c in T3_APPLICANT_COLUMNS):
        return {}
    results = [r.address for r in T3_ROWS if r.address not in ("t3.new_received", "t3.carried_over", "t3.total")]
    by_col = {}
    for col in T3_APPLICANT_COLUMNS:
        k = sum(n(f"{row}.{col}") for row in results) + sum(
            c.count for c in cases if c.column == col and c.row != "carried_over") - n(f"t3.carried_over.{col}")
        if k < 0:
            return {}
        if k:
            by_col[col] = k
    return by_col if sum(by_col.values()) == total else {}


_OTHERS_TOO = re.compile(r"\s*(?:(?:其他|其余|别的|另外的?)(?:的)?(?:几个|几家)?申请人|(?:他|她|该申请人)(?:去年底?|上年底?)?还有\s*[0-9０-９一二两三四五六七八九十]+\s*件)")
_THIS_YEARS_ONES = re.compile(r"今年(?:新收|收到|收|新来)的(?:那|这)?(?:几件|些|几个)|今年又|今年的(?:那|这)(?:几件|些)")


def _count_in(cells: Mapping[str, object], address: str) -> int:
    """The count recorded in a cell, 0 when none (or not a count)."""
    v = cells.get(address)
    return int(v) if isinstance(v, int) and not isinstance(v, bool) else 0


def _only_last_years_told(cells: Mapping[str, object]) -> bool:
    """The results told so far are no more than the applications carried over from last year (told one
    by one before this year's)."""
    n = functools.partial(_count_in, cells)
    told = sum(n(f"{r.address}.total") for r in T3_ROWS if r.address not in ("t3.new_received", "t3.carried_over", "t3.total"))
    return 0 < told <= n("t3.carried_over.total")


# "个人的系统294、台账298 … 按台账": a figure from two sources, then which one stands
_SOURCES = r"系统|台账|平台|登记簿|报表|纸质台账|电子台账"
_TWO_SOURCES = re.compile(rf"(?P<a>(?P<asrc>(?:{_SOURCES})(?:里|上|的)?)[^0-9０-９，,、；;。\n]{{0,4}}?(?P<an>(?:是|为)?\s*[0-9０-９]+\s*(?:件|条|个)?))"
                          rf"(?P<sep>\s*[、，,/；;]?\s*)"
                          rf"(?P<b>(?P<bsrc>(?:{_SOURCES})(?:里|上|的)?(?:是|为)?)\s*(?P<bn>[0-9０-９]+\s*(?:件|条|个)?))")
_SOURCE_CHOSEN = re.compile(rf"(?:用|按|以|采用|就按|就用|还是按|还是用)(?:的)?(?P<src>{_SOURCES})|(?P<src2>{_SOURCES})(?:是)?对|"
                            r"(?:用|按|以)\s*(?P<n>[0-9０-９]+)")


def _two_sources(message: str) -> tuple[str, list[str]]:
    """A figure given from two sources with the one that stands said in the same sentence ("新收：系统是342件，
    台账是346件…按台账346"): the message with the other source's figure blanked (same length, so what
    the reader quotes stays the clerk's words), and that figure, named back as not taken."""
    dropped: list[str] = []
    text = list(message)
    for sentence in re.finditer(r"[^\n]+", message):  # (which one stands may be said a sentence later)
        pairs = list(_TWO_SOURCES.finditer(sentence.group(0)))
        chosen = list(_SOURCE_CHOSEN.finditer(sentence.group(0)))
        if not pairs or not chosen:
            continue
        for pair in pairs:
            after = [c for c in chosen if c.start() >= pair.end()] or chosen
            c = after[0]
            src = c.group("src") or c.group("src2")
            if src:
                keep = "a" if src == pair.group("asrc") else "b" if src == pair.group("bsrc") else None
            else:
                n = to_halfwidth(c.group("n"))
                keep = "a" if n in to_halfwidth(pair.group("an")) else "b" if n in to_halfwidth(pair.group("bn")) else None
            if keep is None or re.sub(r"[里上的是为]", "", pair.group("asrc")) == re.sub(r"[里上的是为]", "", pair.group("bsrc")):
                continue
            drop = "b" if keep == "a" else "a"
            dropped.append(pair.group(drop).strip())
            # the source words, the separator and the figure not taken go; the kept figure stays with the
            # words before the pair ("个人的系统294、台账298" reads as "个人的 … 298")
            for g in ("asrc", "sep", "bsrc", "an" if drop == "a" else "bn"):
                at, end = sentence.start() + pair.start(g), sentence.start() + pair.end(g)
                text[at:end] = "\u200b" * (end - at)  # (no space: spaces part a chat's clauses)
    return "".join(text), dropped


_CAME_ROWS = ("t3.new_received.", "t3.carried_over.")
# "37里有1条是3月份培训时演示录的，自然人，…答复公开，要扣掉": one of a count recorded before, taken out of it
_TAKEN_OUT = re.compile(r"(?P<n>[0-9０-９]{1,5})\s*(?:件|条|个)?\s*(?:里|里面|里头|当中|中)\s*(?:有|含)?\s*(?P<k>[0-9０-９]|[一两二三])\s*(?:条|件|个)"
                        r"(?P<what>[^。！!？?\n]{0,60}?)(?:要|得|需要)?(?:扣掉|扣除|去掉|减掉|剔除|删掉|不算|别算)")


def _one_taken_out_of_a_count(message: str, out: MessageReading, earlier: Mapping[str, object], clear_only: bool = False) -> None:
    """"37里有1条是…演示录的，自然人，…答复公开，要扣掉": the count said before (new_received 37) less those
    taken out, and with it the applicant column and the result the clause names (differences: the row
    totals follow). A result row told in the same message as added ("…1件公开") takes the difference too."""
    for m in _TAKEN_OUT.finditer(message):
        n, k = int(parse_number(m.group("n")) or 0), int(parse_number(m.group("k")) or 0)
        held = [a for a in ("t3.new_received.total", "t3.carried_over.total") if _count_in(earlier, a) == n]
        if len(held) != 1 or not k or k > n:
            continue
        words = vocabulary().anchors(m.group("what"))
        cols = {a.key for a in words if a.kind == "t3col"}
        rows = {a.key for a in words if a.kind == "t3row" and a.key not in ("new_received", "carried_over", "total", "carried_forward")}
        if re.search(r"答复(?:的)?公开|予以公开|(?<![部分不])公开", m.group("what")) and not rows:
            rows = {"granted"}
        col = next(iter(cols)) if len(cols) == 1 else "total"
        quote = m.group(0)
        inside = [op for op in out.ops if op.quote and (at := message.find(op.quote)) >= 0 and at < m.end()
                  and at + len(op.quote) > m.start() and str(op.value) in quote]
        out.ops = [op for op in out.ops if op not in inside]
        out.unexplained = [u for u in out.unexplained if u not in quote]
        if clear_only:  # (first the figures its words gave taken away, then what else the message adds)
            continue
        for target in [held[0].rsplit(".", 1)[0] + f".{col}"] + ([f"t3.{next(iter(rows))}.{col}"] if len(rows) == 1 else []):
            if earlier.get(target) is None:  # (the row known by its 总计 alone: that takes the difference)
                target = target.rsplit(".", 1)[0] + ".total"
            if target not in ALL_CELL_ADDRESSES or earlier.get(target) is None:
                continue
            if (other := next((op for op in out.ops if op.field == target), None)) is not None:
                if target in out.added and str(other.value).isdigit():  # ("…1件公开": one added, one taken out)
                    out.ops = [op for op in out.ops if op is not other]
                    if int(str(other.value)) - k:
                        out.ops.append(other.model_copy(update={"value": str(int(str(other.value)) - k)}))
                    else:
                        out.added = [f for f in out.added if f != target]
                continue
            out.ops.append(PatchOp(field=target, value=str(k), quote=quote))
            out.by_difference[target] = -1


# "这样就是6件了吧 4个个人 1个企业 1个社会组织": after the applications told one by one, how many came
_TALLY = re.compile(r"(?:这样|这么算|那|所以|加起来|算下来|数下来|合起来|合计|统共)(?:的话)?[，,\s]*(?:一共|总共|共|就|也就|都)?(?:是|有)?\s*"
                    r"(?P<n>[0-9０-９]{1,3}|[一两二三四五六七八九十]{1,3})\s*(?:件|个|份)(?:申请)?(?:了)?(?:吧|啊|哈|嘛|对吧|是吧|没错吧)?")


def _tally_of_those_told(message: str, reading: Reading, out: MessageReading, earlier: Mapping[str, object]) -> None:
    """"这样就是6件了吧 4个个人 1个企业 1个社会组织" after the applications were told one by one: this
    year's applications, by who sent them, when the results told so far (less those carried over from
    last year) add up to the same counts, column by column; otherwise the figures stay unplaced."""
    head = next(iter(_TALLY.finditer(message)), None)
    if head is None or any(str(k).startswith("t3.new_received.") and v is not None for k, v in earlier.items()):
        return
    end = min((i for i in (message.find(c, head.end()) for c in "。\n？?") if i >= 0), default=len(message))
    # (what the statement reader made of its figures, "给了\n加起来就是4件 2个个人…" read as 予以公开: the tally's)
    inside = [x for x in [*reading.stated, *reading.computed] if head.start() <= x.start < end]
    rest = message[head.end():end]
    said: dict[str, int] = {}
    for chunk in filter(None, re.split(r"[\s，,、；;]+", rest)):
        numbers = [n for n in find_numbers(chunk) if not n.approx]
        cols = [a.key for a in vocabulary().anchors(chunk) if a.kind == "t3col"]
        if len(numbers) != 1 or len(cols) != 1 or cols[0] in said:
            return
        said[cols[0]] = int(numbers[0].value)
    n = int(parse_number(head.group("n")) or 0)
    if not said or sum(said.values()) != n:
        return
    now = {k: v for k, v in earlier.items()}
    for target, value in [*((op.field, op.value) for op in out.ops), *((x.target, x.value) for x in [*reading.stated, *reading.computed]
                                                                       if x not in inside)]:
        if str(target).startswith("t3.") and str(value).isdigit():
            now[target] = (_count_in(earlier, target) if target in out.added else 0) + int(str(value))
    for col in T3_APPLICANT_COLUMNS:
        told = sum(_count_in(now, f"{r.address}.{col}") for r in T3_RESULT_ROWS) + _count_in(now, f"t3.carried_forward.{col}")
        if told - _count_in(now, f"t3.carried_over.{col}") != said.get(col, 0):
            return
    quote = message[head.start():end].strip()
    reading.unexplained = [u for u in reading.unexplained if not (head.start() <= u[0] < end)]
    reading.stated = [x for x in reading.stated if x not in inside]
    reading.computed = [x for x in reading.computed if x not in inside]
    reading.stated += [Stated(f"t3.new_received.{col}", k, quote, head.start(), end) for col, k in said.items()]
    reading.stated.append(Stated("t3.new_received.total", n, quote, head.start(), head.end()))


def _room_for(cells: Mapping[str, object], k: int) -> bool:
    """Results were told before for some of the applications said to have come, and ``k`` more fit."""
    n = functools.partial(_count_in, cells)
    came = n("t3.new_received.total") + n("t3.carried_over.total")
    told = sum(n(f"{r.address}.total") for r in T3_ROWS if r.address not in ("t3.new_received", "t3.carried_over", "t3.total"))
    return 0 < told and told + k <= came


def _results_short(cells: Mapping[str, object], col: str) -> bool:
    """The applications of ``col`` said to have come in are more than the results told for them (and
    so are all applications, when their results were told as totals: "予以公开1件，不掌握1件…")."""
    n = functools.partial(_count_in, cells)

    def short(c: str) -> bool:
        came = n(f"t3.new_received.{c}") + n(f"t3.carried_over.{c}")
        told = sum(n(f"{r.address}.{c}") for r in T3_ROWS if r.address not in ("t3.new_received", "t3.carried_over", "t3.total"))
        return came > 0 and told < came
    return short(col) and (col == "total" or not n("t3.new_received.total") or short("total"))


# "还有一件", "又收了一件", "漏了": one more than was told before
_ONE_MORE_SAID = re.compile(r"漏了|漏掉|漏说|落了|落下|忘了|还有|另外|最后一件|最后一个|最后那件|又收|又来|再有|多了一件|后来又")


# "表三我先把去年的贴给你，是去年2023年报上网的那个：" and then the table: last year's figures
_LAST_YEARS_PASTE = re.compile(r"(?:去年|上年|上一年)的?(?:表[三四二3-4]|年报|报告|数据|数|表格?)?[^。\n]{0,12}(?:贴|发|给)(?:给)?你|"
                               r"(?:这|下面|以下)(?:个|张)?(?:是|为)(?:去年|上年|上一年)|是(?:去年|上年)[^。\n]{0,16}(?:那个|那张|的表)|"
                               # "把去年年报里的表直接从网站上复制过来了"
                               r"(?:去年|上年|上一年)的?(?:年报|报告)(?:里|中|上)?的?表[三四二]?[^。\n]{0,16}?(?:复制|拷|粘|贴|搬|拿)")
# "先把2024年年报的表三贴给你" (of a 2025 report): that year's report named, not this year's
_ITS_REPORT = re.compile(r"20[0-9]{2}\s*年(?:度)?的?(?:年报|年度报告|报告)[^。\n]{0,12}(?:贴|发|给你|照这个|参照|参考)")
_ONE_COLUMN_OF_IT = re.compile(r"(?:最后|最右|右边|后面|多出来的|多的|第[一二三四五六七八九十0-9]+)(?:一|那一?|这一?)?列")
_THIS_YEARS_WORDS = re.compile(r"今年|本年度?的|这次的")


def _last_years_table(message: str, table_lines: list[str], report_year: int | None) -> str | None:
    """The words that say a pasted table is last year's (quoted back), or None."""
    if not table_lines:
        return None
    taken = set(table_lines)
    # (a header line is the table's, "…	总计	2024年(对比)", not words about it)
    words = "\n".join(line for line in message.splitlines() if line not in taken and line.count("\t") < 3)
    if _ONE_COLUMN_OF_IT.search(words):
        return None  # "最后一列是去年的数我放着对比用的": one column is last year's, the table this year's
    said = _LAST_YEARS_PASTE.search(words)
    # (the year said over the table, not of another figure after it: "…去年（2024年）全年新收是143件")
    first = min((message.find(line) for line in taken if message.find(line) >= 0), default=len(message))
    lead = "\n".join(line for line in message[:first].splitlines() if line not in taken and line.count("\t") < 3)
    years = [int(y) for y in re.findall(r"(20\d\d)\s*年", lead)]
    if said is None and not (report_year and years and all(y == report_year - 1 for y in years)
                             and (re.search(r"去年|上年", lead) or _ITS_REPORT.search(lead))):
        return None
    if _THIS_YEARS_WORDS.search(re.sub(r"今年(?:的)?(?:情况)?(?:跟|和|与|同)(?:去年|上年)(?:的)?(?:差不多|一样|类似|基本一样|相近|差不太多)", "", words)):
        return None  # "去年的和今年的都在表里": which columns are which, the words must say (not "今年跟去年差不多")
    at = said.start() if said else 0
    start = max(words.rfind(ch, 0, at) for ch in "。！!？?；;\n，, ") + 1
    end = words.find("\n", said.end() if said else 0)
    return words[start:end if end > 0 else len(words)].strip()


def _new_and_carried_together(reading: Reading, earlier: Mapping[str, object]) -> None:
    """"今年共收到申请1,062件" after a table of 新收 1,046 and 上年结转 16: the two added up, not a new
    count of this year's (unless the words say 新收)."""
    new, carried = earlier.get("t3.new_received.total"), earlier.get("t3.carried_over.total")
    if not isinstance(new, int) or not isinstance(carried, int) or not carried:
        return
    for x in list(reading.stated):
        if x.target == "t3.new_received.total" and x.value == new + carried and "新收" not in x.quote:
            reading.stated.remove(x)
            reading.checked.append(x.quote)


_NUM = r"[0-9０-９][0-9０-９,，]*|[零〇一二两俩三仨四五六七八九十百千廿卅]+"
_LAST_SAID = re.compile(r"(?:去年|上年)(?:(?!多|少|增|减|比|今年|一样|没|结|转|剩)[\u4e00-\u9fa5]){0,6}?(?:是|有|为|共|一共|的|底)?(?P<col>现行有效|有效|制发了|制发|发了|新发了|出台了|废止了|废止|废了)?(?:是|有|为|的)?\s*"
                        r"(?P<n>[0-9０-９][0-9０-９,，]*(?![0-9０-９])|[零〇一二两俩三仨四五六七八九十百千廿卅]+(?=\s*(?:件|条|篇|个|场)))"
                        r"\s*(?:件|条|篇|个|场)?")
_DELTA = re.compile(r"(?:今年)?(?:比(?:去年|上年))?(?P<dir>少了|减少了|减少|下降了|少|多了|增加了|增加|增长了|多)(?:发了|发|收了|办了)?\s*(?P<n>" + _NUM + r")\s*(?:件|条|篇|个|场)")
_SAME_LAST = re.compile(r"(?:跟|和|同|与)(?:去年|上年)(?:的)?(?:一样|相同|持平|一致|没变)|同(?:去年|上年)|还是(?:去年|上年)")
_COMPARED_NEXT = re.compile(r"\s*(?:今年|比去年|比上年)")
_ITEM_KINDS = ("fact", "t2row", "t4block")


def _against_last_year(message: str, reading: Reading, earlier: Mapping[str, object]) -> None:
    """"许可去年是3,904件 今年少了211件", "信访类的今年比去年多2件 去年是1件", "强制跟去年一样 去年是12件",
    "部分公开去年没有 今年2件", "规范性文件去年现行有效4件 今年新发了1件 没废止的": this year's figure from
    last year's and what changed (the reader's own sums: recorded as computed, the words quoted)."""
    if "去年" not in message and "上年" not in message:
        return
    for start, end in _sentence_spans(message):
        sentence = message[start:end]
        items = sorted((a for a in vocabulary().anchors(sentence) if a.kind in _ITEM_KINDS or (
            a.kind == "t3row" and (sentence[a.start:a.end] not in _GENERIC_ROW_WORDS or (
                # "申请今年比去年少了9件": the word alone names the row when the comparison follows it
                a.key == "new_received" and _COMPARED_NEXT.match(sentence, a.end))))), key=lambda a: a.start)
        for k, a in enumerate(items):
            if k and items[k - 1].key == a.key and items[k - 1].kind == a.kind:
                continue
            stop = next((b.start for b in items[k + 1:] if (b.kind, b.key) != (a.kind, a.key)), len(sentence))
            # (from after the item before's last number: "申请：去年新收14件" has 去年 before its row's word)
            before = sentence[items[k - 1].start if k else 0:a.start]
            begin = a.start if k and not (said := list(_COUNT_SAID.finditer(before))) else (
                (items[k - 1].start + said[-1].end()) if k else 0)
            part = sentence[begin:stop]
            last = _LAST_SAID.search(part)
            none_last = _NONE_LAST_YEAR.search(part)
            if last is not None:
                value = parse_number(last.group("n"))
            elif none_last is not None:
                value, last = Decimal(0), none_last
            else:
                continue
            col_word = last.groupdict().get("col") or (  # (the nearest: "今年没发也没废，现行有效的还是去年那6件")
                c[-1] if (c := re.findall(r"现行有效|有效|制发|新发|发布|出台|废止|废", part[:last.start()])) else None)
            target = _item_target(a, col_word)  # ("规范性文件制发同上年 上年是4件": the column said before)
            if value is None or target is None or any(
                    x.target == target and start + begin <= x.start < start + begin + last.start() and not _DELTA.search(x.quote)
                    for x in reading.stated):
                continue  # ("行政处罚今年3件 同比下降40% 去年是5件": this year's is said as it is)
            rest = part[:last.start()] + "＿" * (last.end() - last.start()) + part[last.end():]
            this_year = _THIS_YEAR_SAID.search(rest)
            delta = _DELTA.search(rest)
            if this_year and (n := parse_number(this_year.group("n"))) is not None:
                new = int(n)
            elif delta and (d := parse_number(delta.group("n"))) is not None:
                new = int(value) + (int(d) if "多" in delta.group("dir") or "增" in delta.group("dir") else -int(d))
            elif _SAME_LAST.search(part):
                new = int(value)
            elif target.endswith(".in_force") and (row := target.rsplit(".", 1)[0]) and (
                    issued := _said_or_known(reading, earlier, f"{row}.issued")) is not None and (
                    repealed := _said_or_known(reading, earlier, f"{row}.repealed")) is not None:
                new = int(value) + issued - repealed  # (有效 at the end of the year: last year's, plus 制发, less 废止)
            else:
                continue
            if new < 0:
                continue
            lo, hi = start + begin, start + stop
            reading.stated = [x for x in reading.stated if not (x.target == target and lo <= x.start < hi)]
            reading.unexplained = [u for u in reading.unexplained if not (lo <= u[0] < hi)]
            # ("部分公开去年没有": last year's none, not this year's)
            # (but "…都是个人申请的，去年没有结转" stays: another row's none)
            row = target.rsplit(".", 1)[0]
            reading.zeros = [z for z in reading.zeros if not (z.quote in part and re.search("去年|上年", z.quote) and any(
                sc == target or sc.startswith(row + ".") or sc == row for sc in z.scope))]
            quote = part.strip(" ，,。；;")
            if quote in reading.excluded:
                reading.excluded.remove(quote)
            reading.computed.append(Stated(target, new, quote, 0, 0))
            if target.startswith("t3.") and _ALL_PERSONS.search(part):  # "跟去年一样全是个人申请的"
                reading.computed.append(Stated(target.replace(".total", ".natural"), new, part.strip(" ，,。；;"), 0, 0))
    for z in list(reading.zeros):
        # "规范性文件去年没有 今年1件": last year's none, with this year's figure after it
        at = message.find(z.quote)
        if at < 0 or not _NONE_LAST_YEAR.search(z.quote) or any("carried_over" in sc for sc in z.scope) or any(
                x.target.startswith(sc) for sc in z.scope if sc.startswith("t4.") for x in reading.stated):
            continue  # ("诉讼去年没有，今年有1件直接起诉的": this year's told in its place, the rest none)
        stop = next((e for s_, e in _sentence_spans(message) if s_ <= at < e), len(message))
        if _THIS_YEARS_COUNT.search(message, at + len(z.quote), stop):
            reading.zeros.remove(z)
            reading.excluded.append(z.quote)


_COUNT_SAID = re.compile(r"(?:[0-9０-９]+|[零〇一二两三四五六七八九十百千]+)\s*(?:件|条|篇|个|场)|没有|为0|是0")
_THIS_YEARS_COUNT = re.compile(r"今年[\u4e00-\u9fa5]{0,4}?(?:[0-9０-９]+|[一二两三四五六七八九十百千]+)\s*(?:件|条|篇|个|场)")
_ALL_PERSONS = re.compile(r"(?:全|都|全部)是(?:个人|自然人|群众|老百姓)")
_GENERIC_ROW_WORDS = ("申请", "收到", "受理", "收了", "接到", "来了", "结转")
_NONE_LAST_YEAR = re.compile(r"(?:去年|上年)(?:都|也)?(?:没有|没|无|为0|是0|是零)")
_THIS_YEAR_SAID = re.compile(r"今年(?:还是|是|有|为|共|一共)?\s*(?P<n>[0-9０-９][0-9０-９,，]*(?![0-9０-９]|\s*[月年日号])|[零〇一二两俩三仨四五六七八九十百千]+(?=\s*(?:件|条|篇|个|场)))"
                             r"(?>\s*(?:件|条|篇|个|场)?)(?!\s*(?:比|跟|和|也|都|没|不|未))")


def _item_target(a: _Anchor, col: str | None) -> str | None:
    if a.kind == "t3row":
        return f"t3.{a.key}.total" if a.key not in ("total",) else None
    if a.kind == "fact":
        return a.key if a.key not in ("fee_charged", "proposals_published") else None
    if a.kind == "t4block":
        return f"t4.{a.key}.total" if a.key != "litigation" else None
    if a.key in ("licensing", "penalty", "enforcement"):
        return f"t2.{a.key}.decisions"
    if a.key in ("regulations", "normative_docs") and col:
        return f"t2.{a.key}." + ("in_force" if "效" in col else "repealed" if "废" in col else "issued")
    return None


def _said_or_known(reading: Reading, earlier: Mapping[str, object], address: str) -> int | None:
    said = [x.value for x in reading.stated if x.target == address]
    if said:
        return int(str(said[-1]))
    if any(address in z.scope or address.rsplit(".", 1)[0] in z.scope for z in reading.zeros):
        return 0
    known = earlier.get(address)
    return known if isinstance(known, int) else None


def _sentence_spans(message: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"[^。！!？?\n]+", message)]


_CHANGED = re.compile(r"([0-9０-９]+)\s*(?:件|条|个)?\s*(?:改成|改为|改到|应该是|应为)\s*([0-9０-９]+)")


def _old_value_names_the_cell(reading: Reading, earlier: Mapping[str, object]) -> None:
    """"结转下年5改成7" when only 自然人 of that row holds 5: the cell the old value is in, not the row's
    总计 (which holds something else or nothing)."""
    for i, x in enumerate(reading.stated):
        row, _, col = x.target.rpartition(".")
        m = _CHANGED.search(x.quote)
        if not row.startswith("t3.") or col != "total" or m is None or str(x.value) != to_halfwidth(m.group(2)):
            continue
        old = int(to_halfwidth(m.group(1)))
        if earlier.get(x.target) == old:
            continue
        cells = [a for a, v in earlier.items() if a.startswith(row + ".") and not a.endswith(".total") and v == old]
        if len(cells) == 1:
            reading.stated[i] = Stated(cells[0], x.value, x.quote, x.start, x.end)


_MORE_CAME = re.compile(r"又(?:收了|收到|来了|收|补录了|补了)|漏(?:录|登|报|统计)了?|没录|没登")


def _more_said_by_the_change(message: str, reading: Reading) -> None:
    """"又收了俩件台账上没录，个人的新收46改成48": the two are why 46 became 48, not a count of their own."""
    for x in list(reading.stated):
        if not x.target.startswith("t3.new_received.") or not _MORE_CAME.search(x.quote):
            continue
        stop = min([p for ch in "。！!？?；;\n" if (p := message.find(ch, x.end)) >= 0] or [len(message)])
        if any(int(to_halfwidth(m.group(2))) - int(to_halfwidth(m.group(1))) == x.value
               for m in _CHANGED.finditer(message, x.end, stop)):
            reading.stated.remove(x)
            reading.checked.append(x.quote)


def sheet_row_numbers(message: str) -> dict[int, str]:
    """The clerk's own row numbers of a table-三 sheet pasted in ``message`` ("8	不掌握	3	1 …") → the
    rows (``unable.not_held``) they were read as; {} when the sheet has none."""
    ops, _ = parse_pasted_tables(message)
    out: dict[int, str] = {}
    for op in ops:
        if op.field.startswith("t3.") and (m := re.match(r"\s*([0-9]{1,2})\t", op.quote.split("\n")[-1])):
            out[int(m.group(1))] = op.field.removeprefix("t3.").rsplit(".", 1)[0]
    return out


_ROW_TOTAL = re.compile(r"(?:(?P<new>新收|收到|共收到|一共收到|受理)|(?P<old>上年结转|去年结转|结转过来|去年转过来|上年转过来)(?:过来)?)"
                        r"(?:了)?\s*(?P<n>[0-9０-９][0-9０-９,，]*)\s*件")
_SHARE = re.compile(r"(?:占|是|为)?\s*(?:(?P<pct>[0-9０-９]+(?:[.．][0-9０-９]+)?)\s*[%％]|(?P<den>[一二两三四五六七八九十0-9]+)分之(?P<num>[一二两三四五六七八九十0-9]+)"
                    r"|(?P<half>一半)|(?P<tenth>[一二三四五六七八九])成(?![员立果本为绩功交]))")
_ROUGHLY = re.compile(r"(?:差不多|大约|大概|约|近|将近|接近|不到|超过|多于|少于)\s*$")
_REST_IS = re.compile(r"(?:其余|剩下|剩余)(?:的)?(?:都)?(?:是|为|属于)\s*")


def _shares_of_new(message: str) -> list[Stated]:
    """"今年新收400件，按申请人分 自然人占87.5% 商业企业7.5% …", "新收720件，个人的占四分之三，企业的占六分之一，
    剩下的是律所48、公益组织6…", "上年结转过来30件，五分之四是个人的，其余是企业的": each applicant's share of a
    row's count (percent, fraction, 一半, X成), as counts; "其余是企业的" is what the others leave — only when
    every share gives a whole number, none is rough ("差不多一半"), and with the counts said they add up."""
    out: list[Stated] = []
    for start, end in _sentence_spans(message):
        sentence = message[start:end]
        total = _ROW_TOTAL.search(sentence)
        if total is None or (n := parse_number(total.group("n"))) is None:
            continue
        row = "t3.new_received" if total.group("new") else "t3.carried_over"
        found: list[Stated] = []
        said = Decimal(0)  # the counts said beside the shares ("律所48")
        used: list[tuple[int, int]] = []
        ok = True
        for m in _SHARE.finditer(sentence, total.end()):
            if m.group("pct") is None and not (m.group("den") or m.group("half") or m.group("tenth")):
                continue
            head = sentence[max(total.end(), m.start() - 10):m.start()]
            if _ROUGHLY.search(head):
                ok = False
                break
            stem = head.rstrip("占是为的 ")
            words = [a for a in vocabulary().anchors(stem) if a.kind in ("t3col", "t4col") and a.end == len(stem)]
            col = words[-1].key if words and (words[-1].kind == "t3col" or words[-1].key == "other") else None
            if col is None and (after := re.match(r"\s*(?:是|为|属于)\s*([\u4e00-\u9fa5]{1,6}?)的", sentence[m.end():])):
                col = _column_named(after.group(1))  # "五分之四是个人的"
            value: Decimal | None
            if m.group("pct"):  # (the count first, then the division: 30 × 4 ÷ 5, never 30 × (1 ÷ 3))
                pct = parse_number(m.group("pct"))
                value = n * pct / 100 if pct is not None else None
            elif m.group("den"):
                den, num = parse_number(m.group("den")), parse_number(m.group("num"))
                value = n * num / den if den and num is not None and num <= den else None
            else:
                value = n / 2 if m.group("half") else n * int(parse_number(m.group("tenth")) or 0) / 10
            if col is None or value is None:
                ok = False
                break
            if value != value.to_integral_value():
                ok = False
                break
            used.append((m.start(), m.end()))
            found.append(Stated(f"{row}.{col}", int(value), sentence[max(total.end(), m.start() - 10):m.end()].strip(" ，,"),
                                start + m.start(), start + m.end()))
        if not ok or not found:
            continue
        for a in vocabulary().anchors(sentence[total.end():]):
            at = total.end() + a.end
            if (a.kind == "t3col" or (a.kind == "t4col" and a.key == "other")) and (k := re.match(r"\s*(?:是|有|为)?\s*([0-9０-９]+)\s*件?", sentence[at:])) and not any(
                    u0 <= at < u1 for u0, u1 in used):
                said += parse_number(k.group(1)) or 0
        if (rest := _REST_IS.search(sentence, total.end())) and not re.search(r"[0-9０-９]", sentence[rest.end():]) and (
                after := re.match(r"([\u4e00-\u9fa5]{1,6}?)的?\s*(?:[，,。；;]|$)", sentence[rest.end():])) and (
                col := _column_named(after.group(1))) is not None:
            left = n - sum(int(x.value) for x in found) - said
            if left >= 0:  # "其余是企业的": what the shares leave
                found.append(Stated(f"{row}.{col}", int(left), sentence[rest.start():rest.end() + after.end()].strip(" ，,。"),
                                    start + rest.start(), start + rest.end()))
        if (len(found) >= 2 or said) and sum(int(x.value) for x in found) + said == n:
            out += found
    return out


_A_UNITS_RETURN = re.compile(r"(?:村|社区|科|股|室|所|站|队|中心|分局|部门)(?:报了|报上来|报来|交了|上报了?)\s*[0-9０-９一二两三四五六七八九十]+\s*件")


def _line_complete(message: str, reading: Reading, known: set[str], earlier: Mapping[str, object]) -> list[PatchOp]:
    """"企业的：新收2、公开1、不掌握1": one applicant's line whose results add up to what it sent (and what
    came over from last year, if said) tells all of that column — its other cells are 0 (the reader's
    own inference: computed, and only where nothing is known)."""
    out: list[PatchOp] = []
    for col in T3_APPLICANT_COLUMNS:
        mine = [x for x in reading.stated if x.target.startswith("t3.") and x.target.endswith(f".{col}")]
        if not mine:
            continue
        line_at = message.rfind("\n", 0, mine[0].start) + 1
        line_end = message.find("\n", mine[0].start)
        line_end = len(message) if line_end < 0 else line_end
        if any(not line_at <= x.start < line_end for x in mine):
            continue
        came = sum(int(x.value) for x in mine if x.target.split(".")[1] in ("new_received", "carried_over"))
        went = sum(int(x.value) for x in mine if x.target.split(".")[1] not in ("new_received", "carried_over", "total"))
        if not any(x.target.startswith("t3.new_received.") for x in mine) or came != went or came == 0:
            continue
        if any(line_at <= u[0] < line_end and _A_UNITS_RETURN.search(u[2]) for u in reading.unexplained):
            continue  # ("大林村报了３件：…还有１件…公开给他了": one unit's return, not the whole column)
        came_over = next((x.value for x in reading.stated if x.target == "t3.carried_over.total"), earlier.get("t3.carried_over.total"))
        now = {x.target: x.value for x in [*reading.stated, *reading.computed]}
        placed = [now.get(f"t3.carried_over.{c}", earlier.get(f"t3.carried_over.{c}")) for c in T3_APPLICANT_COLUMNS]
        said = {x.target for x in mine}
        if isinstance(came_over, int) and not isinstance(came_over, bool) and came_over > sum(
                v for v in placed if isinstance(v, int) and not isinstance(v, bool)) and not any(
                (a.kind == "t3col" or (a.kind == "t4col" and a.key == "other")) and a.key == col and re.match(r"的?\s*(?:[0-9０-９]+\s*件)?\s*[：:]", message[line_at + a.end:])
                for a in vocabulary().anchors(message[line_at:line_end])):
            # (some came over from last year, not yet said whose, and the applicant's results told as stories,
            # not a line of its own ("企业：新收2 公开1 不掌握1", where a carry-over would be listed): they may be its)
            continue
        quote = message[line_at:line_end].strip()
        out += [PatchOp(field=f"{r.address}.{col}", value="0", quote=quote) for r in T3_ROWS
                if f"{r.address}.{col}" not in said and f"{r.address}.{col}" not in known and r.address != "t3.total"]
    return out


def _listed_with_all(message: str, reading: Reading) -> None:
    """"科研2件、公益组织1件都予以公开": every applicant of the list has its count in the row said after 都."""
    for u in list(reading.unexplained):
        words = vocabulary().anchors(u[2])
        numbers = find_numbers(u[2])
        if len(numbers) != 1 or [a.kind for a in words] != ["t3col"]:
            continue
        at = message.find(u[2])
        after = message[at + len(u[2]):] if at >= 0 else ""
        if not re.match(r"\s*[、和及与]", after):
            continue
        last = next((x for x in reading.stated if x.start >= at + len(u[2]) and "都" in x.quote
                     and x.target.startswith("t3.") and x.quote in after[:40]), None)
        if last is None:
            continue
        row = last.target.rsplit(".", 1)[0]
        reading.unexplained.remove(u)
        reading.stated.append(Stated(f"{row}.{words[0].key}", int(numbers[0].value), u[2], at + numbers[0].start, at + numbers[0].end))


_TAKEN_BACK = re.compile(r"(?:刚才|刚刚|前面|上面|之前)(?:的|说的|报的|那个)?\s*([0-9０-９]+)\s*(?:件|条|个)?\s*是(?:去年|上年|前年)的")


def _old_number_taken_back(message: str, reading: Reading) -> None:
    """"@陈敏 许可47件 … 不好意思 刚才47是去年的 2025年…许可一共52件": the number pointed back at is
    another year's; what the same item says after it is this year's."""
    for m in _TAKEN_BACK.finditer(message):
        old = int(to_halfwidth(m.group(1)))
        before = [x for x in reading.stated if x.start < m.start() and str(x.value) == str(old)]
        if len(before) != 1:
            continue
        after = [x for x in reading.stated if x.start > m.end() and x.target == before[0].target]
        if after:
            reading.stated.remove(before[0])
            reading.excluded.append(before[0].quote)


_APPLICANTS_COUNT = re.compile(r"^\s*([\u4e00-\u9fa5]{1,8}?)的?\s*(?:今年|全年)?(?:办结|办了|共|一共)?\s*([0-9０-９]+)\s*件\s*[：:]?\s*$")


def _applicants_count_of_its_results(message: str, reading: Reading) -> None:
    """"律所的47件：公开12 部分公开8 …": the applicant's count before its results, when they add up to it,
    is its （七）总计 (not this year's new ones: those do not add up to the results when some carried over)."""
    for u in list(reading.unexplained):
        if not (m := _APPLICANTS_COUNT.match(u[2])) or (col := _column_named(m.group(1))) is None:
            continue
        stop = min([p for ch in "。\n；;" if (p := message.find(ch, u[1])) >= 0] or [len(message)])
        after = [x for x in reading.stated if u[1] <= x.start < stop and x.target.startswith("t3.")]
        total = parse_number(m.group(2))
        if after and all(x.target.endswith(f".{col}") and x.target.split(".")[1] not in (
                "new_received", "carried_over", "total", "carried_forward")  # (with 结转 it is new + carried-over)
                         for x in after) and sum(int(x.value) for x in after) == total and not any(
                x.target == f"t3.total.{col}" for x in reading.stated):
            reading.unexplained.remove(u)
            reading.stated.append(Stated(f"t3.total.{col}", int(total), u[2], u[0], u[1]))
        elif after and all(x.target.endswith(f".{col}") and x.target.split(".")[1] not in (
                "new_received", "carried_over", "total") for x in after) and sum(int(x.value) for x in after) == total:
            # "个人3件：公开1，重复申请1，还有1件…结转明年": the count holds what goes on next year — what came
            # in (this year's or last year's, the words don't say): it adds up, no cell of its own
            reading.unexplained.remove(u)
            reading.checked.append(u[2])


# "以上除注明外均为自然人申请", "括号里没注的都是个人": whoever is not named with a count is that applicant
_UNNOTED = re.compile(r"(?:除(?:了)?(?:注明|标注|注了|写明|单独说明|特别说明)(?:的)?(?:以)?外|(?:括号里)?(?:没注|没标|未注明|未标注|没写)(?:明)?的)"
                      r"[^。；;\n]{0,6}?(?:均|都|全|全都|全部)(?:为|是)(?P<col>自然人|个人|群众)")


def _unnoted_are(message: str, reading: Reading) -> None:
    """"予以公开3件（含企业1件）；部分公开1件；…以上除注明外均为自然人申请": each row of table 三 whose
    total the message gives has, of those it does not name, that applicant's (the other applicants 0)."""
    if not (m := _UNNOTED.search(message)):
        return
    said = {x.target: x for x in [*reading.stated, *reading.computed] if x.target.startswith("t3.") and x.start < m.start()}
    if not said:  # "处理情况，括号里没注的都是个人：" heading the rows it is said of
        said = {x.target: x for x in [*reading.stated, *reading.computed] if x.target.startswith("t3.")
                and (x.start > m.end() or (x.start == 0 and message.find(x.quote, m.end()) >= 0))}
    for total in [x for t, x in said.items() if t.endswith(".total")]:
        row = total.target.rsplit(".", 1)[0]
        named = {c: int(said[f"{row}.{c}"].value) for c in T3_APPLICANT_COLUMNS if f"{row}.{c}" in said}
        rest = int(total.value) - sum(named.values())
        if rest < 0 or "natural" in named:
            continue
        quote = f"{total.quote}；{m.group(0)}"
        reading.computed += [Stated(f"{row}.{c}", rest if c == "natural" else 0, quote, total.start, total.end)
                             for c in T3_APPLICANT_COLUMNS if c not in named]


_THAT_ROWS_TOTAL = re.compile(r"^\s*(?:那|这|该)一?行(?:的)?(?:总计|合计)(?:也)?(?:是|为|应该是|改成)?\s*([0-9０-９]+)\s*(?:件)?\s*$")


def _that_rows_total(reading: Reading) -> None:
    """"个人那格是290不是318，那一行总计是373": the total of the table-三 row said just before."""
    for u in list(reading.unexplained):
        if not (m := _THAT_ROWS_TOTAL.match(u[2])):
            continue
        before = [x for x in reading.stated if x.target.startswith("t3.") and x.start < u[0]]
        if not before:
            continue
        row = max(before, key=lambda x: x.start).target.rsplit(".", 1)[0]
        if any(x.target == f"{row}.total" for x in reading.stated):
            continue
        reading.unexplained.remove(u)
        reading.stated.append(Stated(f"{row}.total", int(parse_number(m.group(1)) or 0), u[2], u[0], u[1]))


_OF_THE_REST = re.compile(r"(?:剩下|剩余|其余)(?:的)?(?:里头|里面|当中|中|里)")


def _rows_as_shares(message: str, reading: Reading) -> None:
    """"个人的今年办结550件，其中予以公开的占五分之一，部分公开占十分之一，本机关不掌握的…占五分之二；剩下的
    里头三分之一是信访投诉类的": an applicant's results as shares of its （七）总计 (or of what the shares
    before left), as counts — the reader's own (recorded as computed); none unless every share gives a
    whole number, and none rough ("差不多一半")."""
    for x in [x for x in reading.stated if x.target.startswith("t3.total.") and not x.target.endswith(".total")]:
        col, whole = x.target.rsplit(".", 1)[1], int(x.value)
        stop = min([p for ch in "。\n" if (p := message.find(ch, x.end)) >= 0] or [len(message)])
        segment = message[x.end:stop]
        found: list[Stated] = []
        edge = 0
        for m in _SHARE.finditer(segment):
            if m.group("pct") is None and not (m.group("den") or m.group("half") or m.group("tenth")):
                continue
            head = segment[edge:m.start()]
            if _ROUGHLY.search(head):
                return
            rows = [a for a in vocabulary().anchors(head) if a.kind == "t3row" and a.key not in ("new_received", "carried_over", "total")]
            after = re.match(r"\s*(?:是|为|属于)\s*([^，,。；;]{2,12})", segment[m.end():])
            if not rows and after:
                rows = [a for a in vocabulary().anchors(after.group(1)) if a.kind == "t3row"
                        and a.key not in ("new_received", "carried_over", "total")]
            if len({a.key for a in rows}) != 1:
                return
            base = Decimal(whole - sum(int(f.value) for f in found) if _OF_THE_REST.search(head) else whole)
            if m.group("pct"):  # (the count first, then the division: 165 × 1 ÷ 3 is whole, 165 × (1 ÷ 3) is not)
                value = base * (parse_number(m.group("pct")) or Decimal(0)) / 100
            elif m.group("den"):
                den, num = parse_number(m.group("den")), parse_number(m.group("num"))
                if not den or num is None:
                    return
                value = base * num / den
            else:
                value = base / 2 if m.group("half") else base * int(parse_number(m.group("tenth")) or 0) / 10
            if value != value.to_integral_value():
                return
            found.append(Stated(f"t3.{rows[0].key}.{col}", int(value), segment[edge:m.end()].strip(" ，,；;"), 0, 0))
            edge = m.end()
        said = {y.target for y in reading.stated}
        reading.computed += [f for f in found if f.target not in said]


def _not_all_of_one_applicant(reading: Reading, earlier: Mapping[str, object]) -> None:
    """"办结合计…应该是400 结转下年是12件 都是自然人的": the （七）总计 cannot be all one applicant's when
    results of another applicant are recorded; "都是…" is the carry-forward's only (the row said last)."""
    n = functools.partial(_count_in, earlier)
    results = [r.address for r in T3_ROWS if r.address not in ("t3.new_received", "t3.carried_over", "t3.total", "t3.carried_forward")]
    for x in list(reading.stated):
        if not x.target.startswith("t3.total.") or x.target.endswith(".total") or not re.search(r"都是|全是|全部是|都为", x.quote):
            continue
        col = x.target.rsplit(".", 1)[1]
        if any(n(f"{row}.{c}") > 0 for row in results for c in T3_APPLICANT_COLUMNS if c != col):
            reading.stated.remove(x)


def _said_again(reading: Reading) -> None:
    """"准确的是47件 47件中有41件是个人申请的 其余6件 …": a bare count the message places elsewhere (47),
    or what is left of a row after the applicants said (47 − 41), is no number of its own."""
    said = {int(x.value) for x in reading.stated if isinstance(x.value, int) and not isinstance(x.value, bool)}
    totals = [x for x in reading.stated if x.target.startswith("t3.") and x.target.endswith(".total")]
    for u in list(reading.unexplained):
        numbers = [n for n in find_numbers(u[2]) if n.unit in ("", "件")]
        if len(numbers) != 1 or vocabulary().anchors(u[2]) or (v := int(numbers[0].value)) <= 1:
            continue
        left = {int(t.value) - sum(int(x.value) for x in reading.stated if x.target.startswith(t.target[:-5])
                                   and x.target != t.target and x.start < u[0]) for t in totals}
        if (v in said and re.search(r"准确|就是|也就是|一共|共", u[2])) or (re.search(r"其余|剩下|剩余|另外", u[2]) and v in left):
            reading.unexplained.remove(u)
            reading.checked.append(u[2])


def _read_sections(message: str, out: MessageReading) -> list[tuple[int, int]]:
    """Table 三 in an outline of applicant sections (``_sections``): each part read by the statement
    reader, the rows it states put in that section's column. The spans read, to be skipped after."""
    sections = _applicant_sections(message)
    spans: list[tuple[int, int]] = []
    for sec in sections:
        if sec.none:
            out.ops += [PatchOp(field=f"{r.address}.{col}", value=0, quote=message[sec.start:sec.end].strip())
                        for col in sec.columns for r in T3_ROWS]
            spans.append((sec.start, sec.end))
            continue
        if len(sec.columns) != 1:
            continue
        col = sec.columns[0]
        if sec.new:
            a, b = sec.new
            out.ops.append(PatchOp(field=f"t3.new_received.{col}", value=str(parse_number(message[a:b].rstrip("件 "))),
                                   quote=message[a:b]))
        for a, b in sec.parts:
            part = message[a:b]
            said = read_statements(part, results=True)  # (a bare 公开 in a list of results is 予以公开)
            for x in said.stated:
                row, _, which = x.target.rpartition(".")
                if row.startswith("t3.") and which in ("total", col) and row != "t3.new_received":
                    out.ops.append(PatchOp(field=f"{row}.{col}", value=str(x.value), quote=x.quote))
            for z in said.zeros:
                if not z.blanket:
                    out.ops += [PatchOp(field=f"{scope}.{col}", value=0, quote=z.quote) for scope in z.scope
                                if scope.startswith("t3.") and scope.count(".") <= 2 and f"{scope}.{col}" in ALL_CELL_ADDRESSES]
            out.unexplained += [u[2] for u in said.unexplained]
            # ("无法提供 8 其中不掌握6 需另行制作2": the group's sum, over its rows)
            out.checked += said.checked + [quote for _, _, (_, _, quote) in said.group_totals]
            spans.append((a, b))
        spans.append((sec.start, sec.end))
    return spans


def _points_back(text: str) -> bool:
    """"公司那件…": one told before — not "这件不在上面7件里", which says it is not among them."""
    if _NOT_LISTED.search(text):
        return False  # "去年结转的那1件…没在表里": not one of those told
    # ("…已公开。这件也要算上，是个人申请的": the one just told, to be counted, not one told before)
    return any(not _NOT_AMONG.match(text, m.end()) and not re.match(r"(?:也|要|得|都|还)*[^。！!\n，,]{0,6}?(?:算上|算进去|加上|计入|统计进去)",
                                                                   text[m.end():]) for m in _THAT_ONE.finditer(text))


_NOT_LISTED = re.compile(r"(?:不在|没在|没算在|不算在|没有算在|没列在|没列进|没包括在)[^，,。；;\s]{0,6}(?:里|中|内)|表里没有|表里没算|表里没统计|没算进去|没统计进去|没列进去")


def _one_case(message: str, reading: Reading, earlier: Mapping[str, object]) -> _Case | None:
    """One application this message adds to this year's count (or to last year's carried over: "去年
    其实结转过来1件，…今年2月答复了，部分公开"), told with who asked and its result."""
    said = {x.target: x.value for x in reading.stated if x.target.startswith("t3.")}
    if said.get("t3.new_received.total") not in (None, 1) and _ONE_MORE_SAID.search(message) and isinstance(
            came := earlier.get("t3.new_received.total"), int) and said["t3.new_received.total"] == came + 1:
        # "是4件 还有一件是…合作社申请的…给公开了" after 3: the new count with the one told
        said = {k: v for k, v in said.items() if k != "t3.new_received.total"}
    if str(said.get("t3.new_received.total")) == str(earlier.get("t3.new_received.total")):
        # "这是今年新收的，一共9件。去年还结转了1件，…给他公开了": this year's count said again, then the one
        said = {k: v for k, v in said.items() if k != "t3.new_received.total"}
    if said and any(v != 1 for v in said.values()):
        return None
    if not said and not _ONE_MORE_SAID.search(message) and not _THAT_ONE.search(message):
        return None  # (one told with nothing said of this year's count: only as one more, added)
    if sum(bool(_ITEM_LINE.match(line)) for line in message.splitlines()) >= 2:
        return None  # a list whose lines could not all be placed: one of it is not "one more"
    if sum(any(n.unit in ("件", "份") for n in find_numbers(line)) for line in message.splitlines()) >= 3:
        return None  # ("张女士1份，…公开了。/ 李某交了2份：… / 陈某1份…": several people's stories, one a line)
    case = _one_case_told(message)
    if case is None:
        return None
    if _points_back(message[case.start:case.end]) and any(str(k).startswith("t3.") for k in earlier) and (
            said or not (_results_short(earlier, case.column) or _results_short(earlier, "total"))):
        return None  # one told before, whose result was told too: a change, which the words don't settle
    came = "t3.carried_over." if case.carried_over else "t3.new_received."
    # ("前年年底收的一件 个人的 …公开了": one from before this year, its own result said once)
    mine = (f"t3.{case.row}.{case.column}", f"t3.{case.row}.total") if case.carried_over or (
        # ("还漏了一件 申请里有一个律所的 … 予以公开了": its one, read as the row's count, is the same one)
        re.search(r"漏了|漏掉|漏说|漏记|落下了|没记进去|没算进去", message) and all(v == 1 for v in said.values())) else ()
    if any(not t.startswith(came) and t not in mine for t in said) or said.get(f"{came}{case.column}", 1) != 1:
        return None
    return case


# "一件是要另一家公司的投标报价": what was asked for, not who asked
_ASKS_FOR = re.compile(r"要|申请公开|问|查|索取|涉及|关于")


# "去年没有剩下的", "上年没留下来的": nothing carried over from last year
_NONE_LEFT = re.compile(r"(?:去年|上年|上一年)(?:的)?(?:也|都|就)?(?:没有|没|无)(?:剩下|剩|留下|遗留|剩余)(?:来)?(?:的|申请)?(?![0-9０-９一二两三四五六七八九十])")


# "企业的：6件，都是今年新收的", "律所2件，都是今年收的": a count, then what row it is
_ALL_NEW = re.compile(r"(?P<n>[0-9０-９一二两三四五六七八九十百千]+)\s*件[，,\s]*(?:都|全|全部)?是(?:今年|本年|全年)(?:新收|收到|收|来|申请)的")


# "以上都是自然人，除了公开的那4件里有1件是律师事务所申请的": every count told before is one applicant's
_ALL_ABOVE = re.compile(r"(?:以上|上面|上述|前面|刚才)(?:的|说的|这些|那些|发的)*(?:都|全|全部|均)(?:是|为|属于)(?P<who>自然人|个人|群众|老百姓|居民|村民)(?:的|申请的|提的)?")
_EXCEPT = re.compile(r"除了|除去|除开|不过|只有")


# "…律所那件…也不予处理。剩下的结转到明年。": what the results told leave of the applications, carried forward
_REST_CARRIED = re.compile(r"(?:剩下|其余|剩余|余下)的?(?:那些|那几件|几件)?(?:都|全部|全)?(?:是)?(?:结转|转|放)(?:到|至|入)?(?:明年|下年|下一年|下年度|来年)")


def _rest_carried_forward(message: str, reading: Reading, earlier: Mapping[str, object]) -> None:
    """The carry-forward of each column as what is left: this year's and last year's applications less every
    result told (a row never told has none). Only where nothing of the column is left open: a row whose count
    is known but whose cell of the column is not leaves that column (and the total) alone."""
    m = _REST_CARRIED.search(message)
    if m is None or any(x.target.startswith("t3.carried_forward.") for x in [*reading.stated, *reading.computed]) or find_numbers(
            message[max(message.rfind(ch, 0, m.start()) for ch in "。！!；;\n，,") + 1:m.end()]):
        return
    said = {**earlier, **{x.target: x.value for x in reading.stated}}
    quote = m.group(0)
    for col in (*T3_APPLICANT_COLUMNS, "total"):
        came = [said.get(f"t3.new_received.{col}"), said.get(f"t3.carried_over.{col}")]
        if not all(isinstance(v, int) and not isinstance(v, bool) for v in came):
            continue
        done, open_ = 0, False
        for row in T3_RESULT_ROWS:
            v = said.get(f"t3.{'.'.join(row.path)}.{col}")
            if col == "total" and v is None:  # ("本机关不掌握个人7件、企业1件": the row's count by its columns)
                parts = [said.get(f"t3.{'.'.join(row.path)}.{c}") for c in T3_APPLICANT_COLUMNS]
                v = sum(p for p in parts if isinstance(p, int) and not isinstance(p, bool)) if any(
                    isinstance(p, int) and not isinstance(p, bool) for p in parts) else None
            if isinstance(v, int) and not isinstance(v, bool):
                done += v
            elif said.get(f"t3.{'.'.join(row.path)}.total") not in (None, 0):
                open_ = True  # (the row's count is known, its share of this column not)
        left = sum(came) - done  # type: ignore[arg-type]
        if not open_ and left >= 0:
            reading.computed.append(Stated(f"t3.carried_forward.{col}", left, quote, m.start(), m.end()))


def _all_above(message: str, reading: Reading, earlier: Mapping[str, object]) -> None:
    """"以上都是自然人" after table 三's rows were told by their totals: each row's 自然人 is its total, less
    the exceptions said after 除了 ("公开的那4件里有1件是律师事务所申请的": 1 of 予以公开 and of what came in
    this year is that applicant's). The reader's own sums, recorded as computed; nothing else of the
    sentence is read (its words are about the rows said before)."""
    m = _ALL_ABOVE.search(message)
    if m is None:
        return
    rows = [a.removesuffix(".total") for a, v in earlier.items() if a.startswith("t3.") and a.endswith(".total")
            and isinstance(v, int) and a != "t3.total.total"
            and not any(earlier.get(f"{a.removesuffix('.total')}.{c}") is not None for c in T3_APPLICANT_COLUMNS)]
    if not rows:
        return
    end = min((k for k in (message.find(ch, m.end()) for ch in "。！!\n") if k >= 0), default=len(message))
    rest = message[m.end():end]
    exceptions: list[tuple[str, str, int]] = []  # (row, column, count)
    if (exc := _EXCEPT.search(rest)) is not None:
        for part in re.split(r"[，,；;]", rest[exc.end():]):
            words = vocabulary().anchors(part)
            named = [a.key for a in words if a.kind == "t3row" and a.key not in ("new_received", "total")]
            if not named and re.search(r"(?<!部分)(?<!不予)(?<!主动)公开", part):
                named = ["granted"]  # "公开的那4件里": the rows told before, 予以公开 among them
            col = [a for a in words if a.kind == "t3col" and a.key != "natural"]
            counts = [n for n in find_numbers(part) if n.unit in ("件", "个", "") and (not col or n.start < col[0].start)]
            if not part.strip():
                continue
            if len(set(named)) != 1 or len({a.key for a in col}) != 1 or not counts:
                return  # an exception not understood: nothing is computed (the sentence is named back)
            exceptions.append((f"t3.{named[0]}", col[0].key, int(counts[-1].value)))
    span = (m.start(), end)
    quote = message[m.start():end].strip()
    out: list[Stated] = []
    for row in rows:
        total = int(earlier[f"{row}.total"])  # type: ignore[call-overload]
        mine = [(c, k) for r, c, k in exceptions if r == row or (row == "t3.new_received" and r != "t3.carried_forward")]
        natural = total - sum(k for _, k in mine)
        if natural < 0:
            return
        out.append(Stated(f"{row}.natural", natural, quote, 0, 0))
        out += [Stated(f"{row}.{c}", k, quote, 0, 0) for c, k in mine]
    if any(r not in rows for r, _, _ in exceptions):
        return  # an exception in a row not told before
    reading.stated = [x for x in reading.stated if not span[0] <= x.start < span[1]]
    reading.unexplained = [u for u in reading.unexplained if not span[0] <= u[0] < span[1]]
    reading.computed += out


# "按月份：1月4件、2月3件、…", "一季度78 二季度96 …": one item's count told by period, to be added up
_PERIOD = re.compile(r"(?:(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})月份?|[一二三四1-4]季度)\s*[:：]?\s*([0-9０-９]+)\s*(?:件|个)?")


# "1-3月 五件 都是个人的 …给了四件 …不掌握": the count of a part, all of one applicant, then its rows
_COUNT_ALL_OF_ONE = re.compile(r"(?:^|\n)[^\n。]{0,16}?(?:[0-9０-９]+|[一两二三四五六七八九十]{1,3})\s*件\s*[，,\s]*(?:都|全|均|全部)是"
                               r"(?P<who>[^，,。；;\s]{1,6}?)(?:的|申请的|提的)")


def _all_of_one_after_the_count(message: str, reading: Reading) -> None:
    for m in _COUNT_ALL_OF_ONE.finditer(message):
        col = next((a.key for a in vocabulary().anchors(m.group("who")) if a.kind == "t3col" and a.key != "total"), None)
        if col is None:
            continue
        end = message.find("\n", m.end())
        end = len(message) if end < 0 else end
        rows = [x for x in reading.stated if m.end() <= x.start < end and x.target.startswith("t3.") and x.target.endswith(".total")
                and not x.target.startswith("t3.total.")]
        for x in rows:
            row = x.target[:-len(".total")]
            if not any(y.target.startswith(row + ".") and not y.target.endswith(".total") for y in [*reading.stated, *reading.computed]):
                reading.computed.append(Stated(f"{row}.{col}", x.value, message[m.start():end].strip(), 0, 0))


def _by_period(message: str, reading: Reading) -> None:
    """A table-三 row's count told month by month or quarter by quarter ("我先说新收的 按月份：1月4件、
    2月3件…"): their sum, the reader's own (recorded as computed), for the row named before the list."""
    items = list(_PERIOD.finditer(message))
    runs: list[list[re.Match[str]]] = []
    for m in items:
        if runs and re.fullmatch(r"[\s、，,；;]*", message[runs[-1][-1].end():m.start()]):
            runs[-1].append(m)
        else:
            runs.append([m])
    for run in runs:
        if len(run) < 3:
            continue
        line_start = max(message.rfind(ch, 0, run[0].start()) for ch in "。\n") + 1
        rows = [a for a in vocabulary().anchors(message[line_start:run[0].start()]) if a.kind == "t3row" and a.key != "total"]
        if not rows:
            continue
        a, b = run[0].start(), run[-1].end()
        total = sum(int(parse_number(m.group(1)) or 0) for m in run)
        target = f"t3.{rows[-1].key}.total"
        if any(x.target == target and not a <= x.start < b for x in reading.stated):
            continue  # (the row's count said in words too: the parts are not read for it)
        reading.unexplained = [u for u in reading.unexplained if not a <= u[0] < b]
        reading.stated = [x for x in reading.stated if not a <= x.start < b]
        reading.computed.append(Stated(target, total, message[line_start:b].strip(), 0, 0))


def _explains_one_counted(message: str, one: _Case, earlier: Mapping[str, object]) -> bool:
    """The one application told is the one a row holds already, named by that row and "那个是这样"."""
    have = earlier.get(f"t3.{one.row}.{one.column}")
    head = message[:one.start]
    return (isinstance(have, int) and not isinstance(have, bool) and have >= 1
            and bool(re.search(r"[那这]一?[个件](?:是这样|的情况|是怎么回事|怎么回事)", message))
            and any(a.kind == "t3row" and a.key == one.row for a in vocabulary().anchors(head + message[one.start:one.start + 12])))


# "法人那几类我只列有数的 自然人就是总计减掉这些": each row's 自然人 is its 总计 less the 法人 columns
_NATURAL_BY_SUBTRACTION = re.compile(r"(?:自然人|个人)(?:的)?(?:就是|用|=|是|等于|就用)?\s*(?:总计|合计|总数)\s*(?:减掉?|减去|扣掉|扣除|-)")
_ONLY_NONZERO_LISTED = re.compile(r"只(?:列|写|填|贴)了?有数的|没列的(?:都)?(?:是|为|算)?[0０零]|没写的(?:都)?(?:是|为|算)?[0０零]")


def _natural_by_subtraction(message: str, reading: Reading, earlier: Mapping[str, object]) -> None:
    """"自然人就是总计减掉这些" with the 法人 columns given ("只列有数的": the others are none): every row
    of table 三 whose 总计 is known gets its 自然人, the reader's own sums (recorded as computed)."""
    if not _NATURAL_BY_SUBTRACTION.search(message):
        return
    zero_rest = bool(_ONLY_NONZERO_LISTED.search(message))
    said = {x.target: x.value for x in reading.stated if x.target.startswith("t3.")}
    orgs = [c for c in T3_APPLICANT_COLUMNS if c != "natural"]
    quote = _NATURAL_BY_SUBTRACTION.search(message).group(0)  # type: ignore[union-attr]
    for row in T3_ROWS:
        if row.address == "t3.total":
            continue  # (the sum of the results: it follows them)
        total = said.get(f"{row.address}.total", earlier.get(f"{row.address}.total"))
        if not isinstance(total, int) or isinstance(total, bool) or earlier.get(f"{row.address}.natural") is not None:
            continue
        values = [said.get(f"{row.address}.{c}", earlier.get(f"{row.address}.{c}")) for c in orgs]
        if any(v is None for v in values) and not zero_rest:
            continue
        given = sum(int(v) for v in values if isinstance(v, int) and not isinstance(v, bool))
        if total - given < 0:
            continue
        reading.computed.append(Stated(f"{row.address}.natural", total - given, quote, 0, 0))
        if zero_rest:
            reading.computed += [Stated(f"{row.address}.{c}", 0, quote, 0, 0) for c, v in zip(orgs, values, strict=True)
                                 if v is None]


def _all_this_years(message: str, reading: Reading) -> None:
    for m in _ALL_NEW.finditer(message):
        left = [u for u in reading.unexplained if u[0] <= m.start("n") < u[1] + 1 or (
                u[2].endswith(m.group("n") + "件") and message.find(u[2]) <= m.start("n") < message.find(u[2]) + len(u[2]))]
        if not left or any(x.start <= m.start("n") < x.end for x in reading.stated):
            continue
        start = max(message.rfind(ch, 0, m.start()) for ch in "。；;\n") + 1
        cols = [a for a in vocabulary().anchors(message[start:m.start("n")]) if a.kind == "t3col"]
        target = f"t3.new_received.{cols[-1].key}" if cols else "t3.new_received.total"
        value = parse_number(m.group("n"))
        if value is None or any(x.target == target for x in reading.stated):
            continue
        reading.unexplained = [u for u in reading.unexplained if u not in left]
        reading.stated.append(Stated(target, int(value), message[start:m.end()].strip(), m.start("n"), m.end("n")))


def _more_than_the_column_has(reading: Reading, earlier: Mapping[str, object]) -> None:
    """"公司那2件 一件是部分公开… 那同意公开就是6件了": a count larger than all the applications of the
    applicant in focus is the row's, not that applicant's (when the words name no applicant)."""
    for i, x in enumerate(reading.stated):
        row, _, col = x.target.rpartition(".")
        if not row.startswith("t3.") or col == "total" or row in ("t3.new_received", "t3.carried_over"):
            continue
        came = [earlier.get(f"t3.{r}.{col}") for r in ("new_received", "carried_over")]
        if not all(isinstance(v, int) for v in came) or int(str(x.value)) <= sum(came):  # type: ignore[arg-type]
            continue
        if any(a.kind == "t3col" and a.key == col for a in vocabulary().anchors(x.quote)):
            continue  # the words name the applicant: a clash to point out, not a misreading
        if not any(y.target == f"{row}.total" for y in reading.stated):
            reading.stated[i] = Stated(f"{row}.total", x.value, x.quote, x.start, x.end)


_EACH = re.compile(r"各\s*([0-9０-９一二两三四五六七八九十]+)\s*(?:件|个|(?=[）)，,。；;]|$))")


def _each_of_them(message: str, reading: Reading) -> None:
    """"逾期不补正的个人企业各1件": that many for each applicant listed, not for the last one only."""
    for m in _EACH.finditer(message):
        start = max(message.rfind(ch, 0, m.start()) for ch in "，,。；;\n：:") + 1
        cols = list(dict.fromkeys(a.key for a in vocabulary().anchors(message[start:m.start()]) if a.kind == "t3col"))
        said = [x for x in reading.stated if m.start() <= x.start < m.end() and x.target.startswith("t3.")]
        if len(cols) < 2 or len(said) != 1:
            continue
        row = said[0].target.rpartition(".")[0]
        each = message[m.start():m.end()]
        for col in cols:
            # ("保护第三方2件（自然人、企业各1）": not all 自然人, as a bracket naming one applicant would say)
            reading.stated[:] = [x for x in reading.stated if not (x.target == f"{row}.{col}" and x.value != said[0].value
                                                                    and each in x.quote and x is not said[0])]
            if not any(x.target == f"{row}.{col}" for x in reading.stated):
                reading.stated.append(Stated(f"{row}.{col}", said[0].value, message[start:m.end()].strip(),
                                             said[0].start, said[0].end))


# "（是一个行业协会，我们归在其他里）": the column the clerk files that applicant in
_FILED_IN = re.compile(r"(?:归|填|算|放|记|计|列)(?:在|到|进|入|成|作|为)了?\s*[“\"「]?([\u4e00-\u9fa5]{2,6}?)[”\"」]?(?:里|那列|那一列|中|一栏|类)"
                       # "还有1件是县个体劳动者协会的（算其他吧）": the clerk's own filing, in an aside
                       r"|[（(，,]\s*(?:就|都|还是)?(?:算|算是|算作|归)\s*([\u4e00-\u9fa5]{2,6}?)(?:吧|$)")


def _filed_in_another_column(message: str, reading: Reading) -> None:
    for i, x in enumerate(reading.stated):
        row, _, col = x.target.rpartition(".")
        if not row.startswith("t3.") or col == "total":
            continue
        stop = min([p for ch in "）)。；;\n" if (p := message.find(ch, x.end)) >= 0] or [len(message)])
        if not (m := _FILED_IN.search(message, x.start, stop)) or any(
                x.end <= y.start < m.start() for y in reading.stated):
            continue  # (a filing after the next count is that count's)
        said = m.group(1) or m.group(2)
        filed = "other" if said in ("其他", "其他组织", "其他类") else next(
            (a.key for a in vocabulary().anchors(said) if a.kind == "t3col" and a.start == 0 and a.end == len(said)), None)
        if filed and filed != col and not any(y.target == f"{row}.{filed}" for y in reading.stated):
            reading.stated[i] = Stated(f"{row}.{filed}", x.value, x.quote, x.start, x.end)


# "…补正了以后还是说不清要什么，算“补正后申请内容仍不明确”吧": the row the clerk settles on
_SETTLED = re.compile(r"(?:就|还是)?(?:算|按|填|归|放|记)(?:到|在|进|作|成|为)?\s*[“\"「]([^”\"」]{2,24})[”\"」]\s*(?:吧|那行|这行|里|处理)?"
                      r"|(?:就|还是)?(?:算|按|填|归|放|记)(?:到|在|进|作|成|为)?\s*([\u4e00-\u9fa5]{2,16}?)(?:吧|那行|这一行|那一行)")


def _settled_in_another_row(message: str, reading: Reading) -> None:
    for i, x in enumerate(reading.stated):
        row, _, col = x.target.rpartition(".")
        if not row.startswith("t3.") or row in ("t3.new_received", "t3.carried_over", "t3.total"):
            continue
        stop = min([p for ch in "。；;\n" if (p := message.find(ch, x.end)) >= 0] or [len(message)])
        nxt = [y.start for y in reading.stated if y.start > x.end] + [stop]
        m = _SETTLED.search(message, x.end, min(nxt))
        if not m:
            continue
        said = m.group(1) or m.group(2)
        rows = {a.key for a in vocabulary().anchors(said) if a.kind == "t3row"
                and a.key not in ("new_received", "carried_over", "total")}
        if len(rows) == 1 and (to := f"t3.{next(iter(rows))}") != row and not any(
                y.target == f"{to}.{col}" for y in reading.stated):
            reading.stated[i] = Stated(f"{to}.{col}", x.value, x.quote, x.start, x.end)


_SUMMED = re.compile(r"^\s*(?:和|与|及|加上?|跟|、)\s*$")
_ALTOGETHER = re.compile(r"一共|总共|共计|合计|加起来|加在一起|共")


def _two_rows_summed(reading: Reading, earlier: Mapping[str, object]) -> None:
    """"公开和部分公开一共89件": the sum of two rows is neither row's count — a check of the rows told
    before when they add up to it, else named back."""
    for x in list(reading.stated):
        if not x.target.startswith("t3.") or not x.target.endswith(".total"):
            continue
        rows = [a for a in vocabulary().anchors(x.quote) if a.kind == "t3row"]
        if rows and rows[0].key == "partial" and (bare := re.search(r"公开(?:的)?\s*(?:和|与|及|加上?|跟|、)\s*$", x.quote[:rows[0].start])):
            rows.insert(0, _Anchor("t3row", "granted", bare.start(), bare.start() + 2))  # "公开和部分公开": 公开 is 予以公开
        for a, b in itertools.pairwise(rows):
            if a.key != b.key and _SUMMED.match(x.quote[a.end:b.start]) and _ALTOGETHER.search(x.quote[b.end:]):
                reading.stated.remove(x)
                parts = [earlier.get(f"t3.{r.key}.total") for r in (a, b)]
                if all(isinstance(p, int) for p in parts) and sum(parts) == x.value:  # type: ignore[arg-type]
                    reading.checked.append(x.quote)
                else:
                    reading.unexplained.append((x.start, x.end, x.quote))
                break


def _channels_add_up(message: str, reading: Reading) -> None:
    """"微信公众号2,108条、微博1,097条": posts on several new-media channels are one count, their sum."""
    said = [x for x in reading.stated if x.target == "new_media_posts"]
    if len(said) < 2 or len({x.quote for x in said}) < 2:
        return
    if any(re.search(r"其中\s*$", message[max(0, message.find(x.quote) - 4):message.find(x.quote)])
           or x.quote.lstrip().startswith("其中") for x in said):
        # "一共2,190条，其中微博1,204条": one channel is part of the count, not another to add
        first = said[0]
        reading.checked += [x.quote for x in said if x is not first]  # (a part of the count, inside it)
        reading.stated = [x for x in reading.stated if x.target != "new_media_posts" or x is first]
        return
    names = [{x.quote[a.start:a.end] for a in vocabulary().anchors(x.quote) if a.kind == "fact" and a.key == "new_media_posts"}
             for x in said]
    if (_CORRECTS.search(message) or re.search(r"(?:打|搞|写|看|说|弄|填)反了|刚才说的不对", message)) and all(
            n == names[0] for n in names):  # (the same channel said twice, not two channels)
        # "公众号发了212条。稍等，我翻下台账……公众号是221条，刚才打反了": the last said replaces the one before
        last = max(said, key=lambda x: x.start)
        reading.replaced += [x.quote for x in said if x is not last]
        reading.stated = [x for x in reading.stated if x.target != "new_media_posts" or x is last]
        return
    _said_as_one(message, reading, "new_media_posts", said)


def _said_as_one(message: str, reading: Reading, target: str, said: list[Stated]) -> bool:
    """``said`` (values of ``target``) replaced by their sum, quoted from the first one's words to the
    last's; False (nothing changed) when a quote cannot be found in the message."""
    spans = [(p, p + len(x.quote)) for x in said if (p := message.find(x.quote)) >= 0]
    if len(spans) != len(said):
        return False
    start, end = min(a for a, _ in spans), max(b for _, b in spans)
    reading.stated = [x for x in reading.stated if x.target != target]
    reading.stated.append(Stated(target, sum(int(x.value) for x in said), message[start:end], start, end))
    return True


def _kinds_add_up(message: str, reading: Reading) -> None:
    """"建筑工程施工许可241件，商品房预售许可46件，就这两类": the decisions of each kind named are one
    count, their sum (not one number said twice)."""
    if _CORRECTS.search(message):
        return
    for target in ("t2.licensing.decisions", "t2.penalty.decisions", "t2.enforcement.decisions"):
        said = [x for x in reading.stated if x.target == target]
        kinds = [x for x in said if re.search(r"[\u4e00-\u9fa5]{2,}(?:许可|处罚|强制)", x.quote)]
        if len(said) < 2 or len(kinds) != len(said) or len({x.quote for x in said}) < len(said):
            continue
        if not _said_as_one(message, reading, target, said):
            continue
        # "就这两类": how many kinds there were, not a count of the report
        kinds_said = [u for u in reading.unexplained if re.search(r"[两二三四五六七八九2-9](?:类|种|项|个方面)", u[2])]
        reading.unexplained = [u for u in reading.unexplained if u not in kinds_said]
        reading.checked += [u[2] for u in kinds_said]


def _opens_with_a_name(before: str, clause: str) -> bool:
    """"深圳市科技创新局的，…", "hi 深圳市科技创新局的": a name alone opens the message (a greeting before it
    at most), written as a body's name is — no word of the report, nothing but the name and 的."""
    return bool(re.fullmatch(r"\s*(?:(?:hi|hello|哈喽|嗨|在吗|在不在|在嘛|老师好|你好|您好)[\s,，!！~？?]*)*", before, re.IGNORECASE)) and bool(
        re.fullmatch(r"(?:(?:hi|hello|在吗|在不在|你好|您好)[\s,，!！~]*)*[\u4e00-\u9fa5（）()]{4,40}?的?", clause.strip(), re.IGNORECASE)) and not (
        vocabulary().anchors(clause) or re.search(r"表[一二三四1-4]|是零|是0|没有|都是", clause))


def _only_greeting(text: str) -> bool:
    """Nothing before the name but a greeting or a remark: no count (a year may be) and no word of the report."""
    return all(n.unit in ("年", "年度") for n in find_numbers(text)) and not vocabulary().anchors(text)


_THAT_ROW_IS_IT = re.compile(r"(?:表里|表上|上面|前面|表中)(?:那个|的|那行|那一行)?[“\"‘]?(?P<row>[\u4e00-\u9fa5]{2,10}?)[”\"’]?(?:那个|那行|那件)?(?:就是它|就是这件|就是这个|就是这1件|就是这一件|说的就是它|指的就是它)")
_NAME_THEN_YEAR = re.compile(r"[ \t\u3000]*(?P<name>[\u4e00-\u9fa5（）()]{4,30}?)[ \t\u3000，,]+(?P<y>20[0-9]{2})[ \t\u3000。]*(?:\n|$)")
_NOTES_TITLE = re.compile(r"[ \t\u3000]*[^\n0-9]{0,10}?(?:年报|年度报告|报告)[^\n0-9]{0,6}?[（(][ \t\u3000]*(?P<y>20[0-9]{2}|[0-9]{2})[ \t\u3000]*(?:年|年度)?[ \t\u3000]*[）)][ \t\u3000]*\n")
_LAST_YEARS_TITLE = re.compile(r"(?:去年|上年|上一年)(?:的|度的?)?(?:年报|年度报告|报告)[^。；;\n《]{0,12}《[^》]{0,30}?(?P<y>20[0-9]{2})\s*年度?[^》]{0,30}》")


def _identity(message: str, skip: list[tuple[int, int]], topic: str | None, out: MessageReading,
              known: set[str]) -> None:
    """The agency's name (and its level from the name, unless the message says it)."""
    names: list[tuple[str, str]] = []
    if (fixed := _NAME_CORRECTED.search(message)) and (found := agency_name_in("单位是" + fixed.group(1))):
        # "单位名字刚才写错了 是青山区卫生健康委员会 不是局": the name said again, corrected
        names.append((found[0], fixed.group(0).strip()))
    # clauses; a run of spaces between words is a comma of voice input
    for m in re.finditer(r"(?:[^。；;！!？?\n，, \u3000]|(?<![\u4e00-\u9fa5])[ \u3000]|[ \u3000](?![\u4e00-\u9fa5]))+[？?]?",
                         message):
        if any(a <= m.start() < b for a, b in skip) or is_question(m.group(0)):
            continue
        clause = m.group(0)
        found = agency_name_in(clause)
        if found is not None and "agency_name" in known and not _INTRODUCES.search(clause[:found[1]]):
            found = None  # "转给信访办了": once the agency is known, only "我们是…/单位是…" renames it
        if found is None and (topic == "agency_name" or ("agency_name" not in known and (re.search(
                r"你好|您好", message[:m.start()]) or _opens_with_a_name(message[:m.start()], clause)))) and not names and _only_greeting(message[:m.start()]) and all(
                n.unit in ("年", "年度", "月", "日", "号") or (not n.unit and 2000 <= n.value <= 2100 and n.value == int(n.value))
                for n in find_numbers(clause)):  # (a year, a deadline; "临河县市场监督管理局 2025": a year alone)
            # (only the message's opening words answer the name: not "…是信访 转信访办了" later on)
            opening = re.sub(r"^(?:hi|hello)[\s,，!！~]*", "", clause.strip(), flags=re.IGNORECASE)
            # ("清河县卫健局 2025年的政务公开年报": the name, then what is to be written)
            found = agency_name_in("单位是" + opening) or agency_name_in("单位是" + re.split(r"[ \u3000]+(?=[0-9０-９])", opening)[0])
            if found is not None and re.search(r"都是|就是|我们|你们|他们|报上来|给的|说的|发的", found[0]):
                found = None  # ("数据都是各科室报上来的": no body's name)
            if found is not None:
                name = found[0]
                found = (name, clause.find(name), clause.find(name) + len(name))
        if found is None and "agency_name" not in known and not names and (
                whole := agency_name_in("单位是" + clause.strip())) and whole[0] == clause.strip() and re.match(
                r"[\u4e00-\u9fa5]{2,6}?(?:省|自治区|市|州|盟|县|区|旗)[\u4e00-\u9fa5]{2,}", whole[0]) and len(whole[0]) >= 6:
            # "…打回来了，帮忙改一下。临溪县人力资源和社会保障局，2025年度的": a placed name alone in its clause
            found = (whole[0], clause.find(whole[0]), clause.find(whole[0]) + len(whole[0]))
        if found is None:
            continue
        names.append((found[0], clause.strip()))
    if not names and "agency_name" not in known and (town := _TOWNSHIP_SAID.search(message)) and not re.search(
            r"社区|村$", town.group("place")):
        # "我是沁河县柳树沟镇的": a township's clerk — its government (its 办事处 for a 街道), when no name is said
        place = town.group("place")
        names.append((place + ("办事处" if place.endswith("街道") else "人民政府"), town.group(0)))
    if not names:
        if "agency_name" not in known and (short := _SHORT_NAME.match(message)):
            place = re.search(r"(?:^|[\s，,])(?P<p>[\u4e00-\u9fa5]{2,4}?" + re.escape(short.group(1)[0]) + r")(?=[\s，,]|$)", message[short.end():])
            if place and short.group(1)[0] in "县区市" and (whole := agency_name_in("单位是" + place.group("p") + short.group(1)[1:])):
                # "县市场监管局的 枫林县 …": the body named without its place, and its place said after it
                names.append((whole[0], message[:short.end() + place.end()].strip()))
            else:
                out.short_name = short.group(1)  # said back: the full name is asked for, not taken from it
                return
        else:
            return
    # "我是邳州市人社局的 就是邳州市人力资源和社会保障局": the full name said after the short one
    full = [(found[0], c.strip()) for c in re.split(r"[，,。；;\s（()）]+", message)  # ("河阳县教体局（全称河阳县教育体育局）")
            if (lead := re.match(r"(?:也就是|就是|全称是?|正式名称是?)[:：]?", c))
            and (found := agency_name_in("单位是" + c[lead.end():]))]
    said, quote = (full or names)[0]
    # "我在宁柯县政府办负责…，现在要写宁柯县人民政府2025年…年报": the body whose report is to be written,
    # over where the clerk sits
    reported = [(n, q) for n, q in names[1:] if re.search(r"(?:写|起草|做|弄|准备)(?:一下|下)?(?:个|份)?" + re.escape(n.lstrip("在"))
                                                          + r"\s*(?:20\d\d|二〇|的年报|年报|政府信息公开)", message)]
    if not full and reported:
        said, quote = reported[0]
    if said.endswith("政府") and re.search(r"(?:我们|" + re.escape(said[-3:]) + r")办(?:公室)?的[^，,。；;]{0,8}?(?:年报|年度报告|报告)", message):
        # "我是桐溪县政府办的，今年县政府办的政务公开年报轮到我写了": the office's own report
        said += "办公室"
    if (gov := re.match(r"(?P<gov>.+?(?:人民政府|政府))(?:办公室|办公厅|办)$", said)) and re.search(
            r"(?:是|写|起草|弄|做)?(?:区|县|市|省|镇|乡|本级)?政府(?:的)?(?:20\d\d|二〇)?(?:年度)?(?:的)?(?:政府信息公开工作)?(?:年度)?(?:报告|年报)", message) and not re.search(
            r"(?:写|做|起草)(?:一下|下)?我们(?:办公室|办公厅)|办公室的(?:年报|报告)", message):
        # "澄江区人民政府办公室，区政府2025年度…年度报告这次让我来起草，是区政府的报告": the government's report,
        # written by its office
        said = gov.group("gov")
    if (office := re.search(r"(?:写|做|起草)(?:一下|下)?我们(?P<office>办公室|办公厅)", message)) and (
            said + office.group("office")) in message:
        said = said + office.group("office")  # ("我是某市人民政府办公室的，要写我们办公室的年报": the office's own)
    if not full and (fuller := [(n, q) for n, q in names[1:] if len(n) > len(said) and said[:2] in n]):
        # "我是长宁街道党政办的 … 我们是云岭区长宁街道办事处": the fuller name of the same body said later
        said, quote = max(fuller, key=lambda x: len(x[0]))
    elif not full and (placed := _placed_name_in(message, said)):
        said, quote = placed, placed
    name = full_agency_name(said)
    if (city := _PARENT_CITY.search(message)) and (place := re.match(r"[\u4e00-\u9fa5]{1,6}?(?:区|县)(?=[\u4e00-\u9fa5]{2,})", name)) and (
            city.group("kind") in place.group(0)[-1:] and not name.startswith(city.group("city"))):
        # "我是石峪区人社局的…我们是宁川市下面的区": the report's title names the body with its city
        name = city.group("city") + name
        if quote in message:
            at = message.find(quote)
            quote = message[min(at, city.start()):max(at + len(quote), city.end())]
    if (place := re.match(r"[\u4e00-\u9fa5]{1,6}?(?:区|县)(?=[\u4e00-\u9fa5]{2,})", name)) and (
            city_of := re.search(r"(?:(?<=是)|(?<=在)|(?<=于)|(?<![\u4e00-\u9fa5]))(?P<city>[\u4e00-\u9fa5]{2,4}?市)" + re.escape(place.group(0)) + r"(?:的|人)?(?:[，,。；;\s]|$)", message)) and (
            not name.startswith(city_of.group("city"))):
        # "临溪区教育局 要写2024年的…年报 我们是鹤汀市临溪区的": its city, said after
        name = city_of.group("city") + name
    if name != said:
        out.name_completed = (said, name)  # said back, to be corrected if wrong
    out.ops.append(PatchOp(field="agency_name", value=name, quote=quote))
    level = infer_level(name, certain=True)
    if level and not any(op.field == "agency_level" for op in out.ops):
        out.ops.append(PatchOp(field="agency_level", value=level, quote=said if said in message else quote))
        out.level_inferred = level




_PINYIN_WORD = re.compile(r"(?<![A-Za-z])(?:de|shi|le|wo|women|you|mei|jian|tiao|ge|zai|dou|ye|gongkai|nian|xinxi|baogao|zhengfu|"
                          r"shenqing|geren|gongsi|meiyou|yigong|yi|liang|san|jiu|na|zhe|ba|ma|ne|hai|gei|ta)(?![A-Za-z])", re.IGNORECASE)


def _in_pinyin(message: str) -> bool:
    """A message typed in pinyin: mostly Latin letters, with several of pinyin's commonest syllables as words."""
    latin = len(re.findall(r"[A-Za-z]", message))
    return latin >= 20 and latin > 3 * len(re.findall(r"[\u4e00-\u9fa5]", message)) and len(_PINYIN_WORD.findall(message)) >= 3


def _names_an_item_alone(stripped: str) -> bool:
    """"依申请 今年新收的", "网站的话": a short message naming one item of the report and no number (its number
    comes next, sent on its own: ``continued``)."""
    return len(stripped) <= 16 and not find_numbers(stripped) and not is_question(stripped) and bool(re.search(
        r"(?:的|是|呢|有|：|:)\s*$", stripped)) and any(
        a.kind in ("t3row", "fact", "t2row", "t4block") for a in vocabulary().anchors(stripped)) and not re.search(
        r"没有|没|无|不|都是|都|全", stripped)


_ON_COMMENTS = re.compile(r"^\s*第\s*[0-9一二三四五六七八九十]{1,2}\s*条|这条(?:不用|不|没必要)改|(?:不用|不)改[。，,；;]|"
                          r"按(?:他|她|他们|意见|审核意见)(?:说的)?改|(?:他|她)(?:看错了|说得对|说的对|搞错了)|改成(?:他|她)说的")


def _bare_answer(stripped: str, topic: str | None, out: MessageReading, known: set[str]) -> None:
    """A message that is only an answer to the question just asked — or opens with one ("没有。去年结转
    过来4件…" after "科研机构、其他今年有没有申请？": the none answers it, the rest is read as said)."""
    if topic and out.ops and topic not in TEXT_FIELDS and (first := re.match(r"\s*([^。！!，,；;\n]{1,6})[。！!，,；;\n]", stripped)) and (
            _BARE_NO.match(first.group(1).strip()) and not vocabulary().anchors(first.group(1))):
        opened = MessageReading()
        _bare_answer(first.group(1).strip(), topic, opened, known | {op.field for op in out.ops})
        out.ops += opened.ops
        return
    if topic == "report_year" and out.ops and not any(op.field == "report_year" for op in out.ops) and (
            year := re.match(r"\s*(?:是|就是|写|做)?((?:20)?[0-9]{2})\s*年(?:度)?(?:的)?(?:吧|啊)?\s*[。！!，,；;\n ]", stripped)):
        # "2025年的。网站今年发了312条…": the year asked for, then other things
        y = int(year.group(1))
        out.ops.append(PatchOp(field="report_year", value=str(y if y > 99 else 2000 + y), quote=year.group(0).strip(" 。！!，,；;")))
        return
    if not topic or out.ops or out.computed or out.questions or out.same_topic:
        return  # (the reader's own sums count too: "去年结转那件也公开了" adds to 予以公开)
    if topic in TEXT_FIELDS:
        if _ON_COMMENTS.search(stripped):
            return  # ("第1条…这条不用改。第2条按他说的改": the reviewer's comments answered, not the text asked for)
        if _CORRECTS.search(stripped) and any(a.kind in ("t3row", "t3group", "t2row", "t4block", "t3col")
                                               for a in vocabulary().anchors(stripped)):
            return  # ("补正后不明确那件不对，…应该算逾期不补正，你帮我改一下": a figure corrected, not the text asked for)
        if stripped and not out.same_as_last_year:
            # the answer to the text asked for, numbers and all, in the user's words
            out.ops.append(PatchOp(field=topic, value=stripped, quote=stripped))
            out.unexplained = []
        return
    if topic not in FACT_SPECS and not topic.startswith(("t2", "t3", "t4")):
        return
    spec_kind = FACT_SPECS[topic].kind if topic in FACT_SPECS else "cell_int"
    if spec_kind not in ("bool", "count", "cell_int", "cell_money", "money_yuan", "percent", "year"):
        return  # a name or a level is read above, from its own words
    if spec_kind == "bool":
        if _BARE_YES.match(stripped):
            out.ops.append(PatchOp(field=topic, value=True, quote=stripped))
        elif _BARE_NO.match(stripped):
            out.ops.append(PatchOp(field=topic, value=False, quote=stripped))
        return
    if topic not in FACT_SPECS and topic not in ALL_CELL_ADDRESSES:
        # a row or a table asked about ("商业企业、科研机构……今年有没有申请？"): a bare none fills its
        # empty cells only, never what was said before; a bare number names no cell
        if _BARE_NO.match(stripped):
            # (of a whole table, as for a blanket zero: not the sums, which follow from their parts)
            whole = topic in ("t2", "t3", "t4")
            out.ops += [PatchOp(field=a, value=0, quote=stripped) for a in ALL_CELL_ADDRESSES
                        if (a == topic or a.startswith(topic + ".")) and a not in known and not a.endswith(".total")
                        and not (whole and (a.startswith(("t3.total.", "t3.carried_forward."))
                                            or f"{a.rsplit('.', 1)[0]}.total" in known))]
        return
    if _BARE_NO.match(stripped):
        out.ops.append(PatchOp(field=topic, value=0, quote=stripped))
        return
    numbers = [n for n in find_numbers(stripped) if n.unit != "年" or topic == "report_year"]
    rest = re.sub(r"[0-9０-９.,，零〇一二两三四五六七八九十百千万件条次个篇场%％元期人]", "", stripped)
    if len(numbers) == 1 and len(rest) <= 4:
        out.ops.append(PatchOp(field=topic, value=stripped.rstrip("。.件条次个篇场%％元期"), quote=stripped))
        out.unexplained = [u for u in out.unexplained if u.strip() != stripped]
    elif not numbers and len(stripped) <= 10 and not _names_an_item_alone(stripped):
        # "很多": words where the number asked for should be; the check says so in the reply
        out.ops.append(PatchOp(field=topic, value=stripped, quote=stripped))
    elif topic == "report_year" and (years := [n for n in find_numbers(stripped) if n.unit == "年"]):
        out.ops.append(PatchOp(field=topic, value=str(int(years[0].value)), quote=stripped))
        out.unexplained = []
