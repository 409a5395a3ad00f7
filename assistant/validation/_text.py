"""Reading one narrative text: what each number in it claims to count, and the phrases rules look for.

Everything here depends on the text alone (and on whether it is the 依申请公开 sub-part), never on
the tables, so the analysis of a text is cached: re-validating after a cell edit re-reads nothing.

How a number is tied to what it counts: inside a sentence (split on 。；！？ and line breaks) the
*lead* of a number is the text since the previous number, spaces removed. The keyword nearest to
the number in its lead governs it ("新收政府信息公开申请12件" → 第一项; "其中予以公开5件" → （一）).
"其中" opens a scope: a lead naming only an applicant column ("其中自然人申请10件") refers to the
quantity before "其中". "分别" hands a list of keywords to the numbers that follow. A keyword for
something that is not a 政府信息公开申请 (建议, 信访, 热线, 访问 …) governs a number as firmly, so
"公开政务信息148条" or "承办人大代表建议1件" are never read as applications.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from operator import itemgetter

from assistant.numbers import NumberMention
from assistant.validation._numbers import read_numbers
from assistant.validation._records import fast_new, quick_init
from schemas import labels as L

__all__ = [
    "COUNT_UNITS", "MONEY_UNITS", "SUBROW_WORDS", "Claim", "CountList", "FeeFacts", "Mention", "Percent", "Phrase", "Stated", "TextFacts",
    "YearUse", "analyse", "named_scope", "stated_scope", "tells_past_result",
]

COUNT_UNITS = frozenset({"件", "条", "次", "人次", "件次", "个", "项", "宗", "起", "份"})
MONEY_UNITS: dict[str, Decimal] = {"元": Decimal("0.0001"), "千元": Decimal("0.1"), "万元": Decimal(1),
                                   "亿元": Decimal(10000)}  # → 万元

_WS = re.compile(r"[\s\u3000]+")
_LEAD_CHARS = 48  # the words governing a number stand just before it; bounding the lead keeps scans cheap
_SENTENCE = re.compile(r"[^。；;！!？?\n]+")
_SENTENCE_MARK = re.compile(r"[。；;！!？?\n]")
_OTHER_MARKS = "；;！!？?\n"  # the marks of _SENTENCE_MARK besides 。, as _sentences replaces them


def _sentences(text: str) -> list[tuple[int, int]]:
    """The spans of ``_SENTENCE.finditer(text)``: splitting on the marks builds no match objects. The
    marks are made one (each a character, so the pieces are those of ``_SENTENCE_MARK.split``) and the
    text split on it: substring tests, replacements and a split on a character find a character in a
    few instructions, the regex engine's test of a character against a set costs about 57."""
    one = text
    if "；" in one:
        one = one.replace("；", "。")
    if ";" in one:
        one = one.replace(";", "。")
    if "！" in one:
        one = one.replace("！", "。")
    if "!" in one:
        one = one.replace("!", "。")
    if "？" in one:
        one = one.replace("？", "。")
    if "?" in one:
        one = one.replace("?", "。")
    if "\n" in one:
        one = one.replace("\n", "。")
    out = []
    pos = 0
    for piece in one.split("。"):
        if piece:
            out.append((pos, pos + len(piece)))
        pos += len(piece) + 1
    return out
_DATE_UNITS = frozenset({"年", "月", "日", "号"})
_FIRST = itemgetter(0)


def _compact(s: str) -> str:
    # split() drops the same characters as _WS (str.isspace), at half the cost of a substitution
    return "".join(s.split()) if (" " in s or "\u3000" in s or "\t" in s or "\n" in s) else s


# ---- keywords ----------------------------------------------------------------------------------
# Prefixes: t3_ table-三 quantity, s_ table-三 sub-row, t4_ table-四 block, t2_ table-二 row,
# x_ a word that makes the number not a table quantity, c_ applicant column, k_ table-四 column,
# a_ table-二 action. At one position the first listed alternative wins, so longer phrases and
# sub-row labels come before the words they contain.
SUBROW_WORDS: dict[str, tuple[str, ...]] = {
    "withheld.state_secret": ("国家秘密",),
    "withheld.prohibited_by_law": ("法律行政法规禁止公开", "禁止公开"),
    "withheld.security_stability": ("三安全一稳定",),
    "withheld.third_party": ("第三方合法权益",),
    "withheld.internal_affairs": ("三类内部事务", "内部事务信息"),
    "withheld.process_info": ("四类过程性", "过程性信息"),
    "withheld.enforcement_file": ("行政执法案卷",),
    "withheld.inquiry": ("行政查询事项",),
    "unable.not_held": ("不掌握", "信息不存在"),
    "unable.needs_creation": ("没有现成信息", "另行制作"),
    "unable.unclear": ("申请内容仍不明确", "内容不明确"),
    "not_processed.petition": ("信访举报投诉类",),
    "not_processed.repeated": ("重复申请",),
    "not_processed.publication": ("公开出版物",),
    "not_processed.excessive": ("大量反复申请",),
    "not_processed.confirmation": ("确认或重新出具",),
    "other_handling.no_correction": ("逾期不补正", "未补正"),
    "other_handling.unpaid_fee": ("未按收费通知", "逾期未缴", "未缴纳", "未缴费"),
}
_AND = "(?:和|及|与|以及)"
_AND_LIST = "(?:和|及|与|以及|或|、)"  # "予以公开、部分公开合计17件": one count of both (not after a bare 公开)
_CATEGORY_KINDS: list[tuple[str, tuple[str, ...]]] = [
    ("t3_granted_partial", (*(f"{w}{_AND_LIST}部分公开" for w in ("予以公开", "全部公开", "同意公开")),
                            "予以公开[（(](?:含|包括|包含)部分公开[）)]", f"公开{_AND}部分公开")),
    ("t3_granted", ("予以公开", "全部公开", "同意公开")),
    ("t3_partial", ("部分公开",)),
    ("t3_withheld", ("不予公开",)),
    ("t3_unable", ("无法提供",)),
    ("t3_not_processed", ("不予处理",)),
    ("t3_other_handling", ("其他处理",)),
    *((f"s_{q.replace('.', '__')}", words) for q, words in SUBROW_WORDS.items()),
]
_NEXT_YEAR = "下一?年度?"
_LAWSUIT = "(?:提起)?(?:行政)?(?:起诉|诉讼)"
# Every alternative starts with a literal character: the regex engine then skips quickly to the
# positions where a keyword can start (a lead is scanned once per number).
_KINDS: list[tuple[str, tuple[str, ...]]] = [
    ("x_ignore", (*(f"{w}(?:答复|办结)" for w in ("延期", "逾期", "超期", "按期", "按时", "当场", "当日", "及时", "限期")),
                  "不予受理", "答复率", "办结率", "公开率")),
    ("x_negated", tuple(f"{w}(?:收到|受理|接到|接收|新收)" for w in ("未", "没有", "暂未"))),
    ("t3_carried", ("上一?年度?(?:[（(][^）)]{0,8}[）)])?(?:结转|未办结|遗留)", "结转上一?年度?")),
    ("t3_carried_year", ("年度?结转(?![至到入下])",)),  # "2022年结转": kept only after a year, see _Scan
    ("t3_fwd", (f"结转(?:至|到|入)?{_NEXT_YEAR}", "结转(?:至|到|入)(?:[0-9０-９]{4}|[〇零一二三四五六七八九]{4})年",
                f"转入{_NEXT_YEAR}", f"延续至{_NEXT_YEAR}", "尚未办结", "未办结", "正在办理", "仍在办理")),
    ("c_total", ("公民、?法人(?:或|和|及|或者)其他组织",)),
    ("c_natural", ("自然人", "公民")),
    ("c_legal", ("法人(?:(?:或|和|及|或者)其他组织)?",)),
    ("c_commercial", ("商业企业", "企业")),
    ("c_research", ("科研机构",)),
    ("c_public_interest", ("社会公益组织", "公益组织")),
    ("c_legal_service", ("法律服务机构",)),
    *_CATEGORY_KINDS,
    ("t3_new", ("新收", "收到", "受理", "接到", "接收", "新增")),
    ("t3_done", ("办结", "答复", "办理完毕", "处理完毕", "办理完成")),
    ("t4_litigation_after_review", (f"复议后{_LAWSUIT}",)),
    ("t4_litigation_direct", (f"未经复议直接{_LAWSUIT}", f"直接{_LAWSUIT}")),
    ("t4_review", ("行政复议", "复议")),
    ("t4_litigation", ("行政诉讼", "诉讼", "起诉", "应诉")),
    ("k_upheld", ("维持",)),
    ("k_corrected", ("纠正", "纠错", "撤销", "败诉")),
    ("k_other", ("其他结果",)),
    ("k_pending", ("尚未审结", "未审结", "审理中", "正在审理")),
    ("t2_normative_docs", ("行政规范性文件", "规范性文件")),
    ("t2_regulations", ("规章(?!制度)",)),
    ("t2_licensing", ("行政许可",)),
    ("t2_penalty", ("行政处罚",)),
    ("t2_enforcement", ("行政强制",)),
    ("t2_fees", ("行政事业性收费",)),
    ("a_issued", ("制发", "制定", "印发", "出台", "发布")),
    ("a_repealed", ("废止", "废除", "宣布失效")),
    ("a_in_force", ("现行有效",)),
    ("x_other", ("建议", "提案", "信访", "来信", "来访", "投诉", "举报", "热线", "咨询", "留言", "访问", "浏览", "点击",
                 "稿件", "渠道", "政务信息", "解读", "新闻", "动态", "会议", "培训", "微博", "微信", "公众号", "栏目",
                 "专栏", "指南", "意见", "网民", "群众诉求")),
]


# First characters of keywords by how often they stand in reports (公 of 公开, 政 of 政府 …): a
# position holding one is where the engine tries the alternation's groups.
_COMMON_FIRST = "公政信1年行申结未不办处本诉制予新收复法其规号访发转部正审出三内来提上无确清全网解"


def _keyword_regex(kinds: list[tuple[str, tuple[str, ...]]], prefix: str = "") -> tuple[re.Pattern, dict[str, str]]:
    """One alternation; an empty named group after each alternative tells which kind matched.
    Alternatives are grouped by their first character (in their order), so that at a position the
    engine tries one group instead of every alternative; at one position the same one wins. The
    groups of the commonest first characters come first (_COMMON_FIRST): the engine tests the
    groups' first characters one by one, and no two groups can match at the same position."""
    by_first: dict[str, list[str]] = {}
    kind_of: dict[str, str] = {}
    for name, words in kinds:
        for w in words:
            group = f"g{len(kind_of)}"
            kind_of[group] = name
            assert w[0] not in "\\[(.^$|?*+{" and w[1:2] not in ("?", "*", "+", "{"), f"{w}: starts with a literal"
            by_first.setdefault(w[0], []).append(f"{w[1:]}(?P<{group}>)")
    firsts = sorted(by_first, key=lambda c: _COMMON_FIRST.find(c) % (len(_COMMON_FIRST) + 1))
    alternatives = [first + (rest[0] if len(rest) == 1 else "(?:" + "|".join(rest) + ")")
                    for first, rest in ((c, by_first[c]) for c in firsts)]
    return re.compile(prefix + "(?:" + "|".join(alternatives) + ")"), kind_of


_KW, _KIND_OF = _keyword_regex(_KINDS)


def _keyword_finder(kinds: list[tuple[str, tuple[str, ...]]]) -> tuple[re.Pattern, dict[str, tuple[re.Pattern, dict[str, str], str | None]]]:
    """``_keyword_regex`` without its groups, and by first character (kind of the words starting with it
    when they are all of one kind, else a small regex of those words with their groups). A match of
    a regex with a group per word (over 150) costs more than finding the word: each match object holds
    every group. A match of the bare regex is that of the grouped one; its kind is that of the one kind
    its first character starts, or the one the small regex, matched at its start, tells."""
    grouped, _ = _keyword_regex(kinds)
    bare = re.compile(re.sub(r"\(\?P<g[0-9]+>\)", "", grouped.pattern))
    assert bare.groups == 0, bare.pattern
    by_first: dict[str, list[tuple[str, str]]] = {}
    for name, words in kinds:
        for w in words:
            by_first.setdefault(w[0], []).append((w, name))
    first: dict[str, tuple[re.Pattern, dict[str, str], str | None]] = {}
    for c, named in by_first.items():
        small_kinds = {f"g{i}": name for i, (_, name) in enumerate(named)}
        small = re.compile("|".join(f"{w}(?P<g{i}>)" for i, (w, _) in enumerate(named)))
        only = named[0][1] if len({name for _, name in named}) == 1 else None
        first[c] = (small, small_kinds, only)
    return bare, first


_KW_BARE, _KW_FIRST = _keyword_finder(_KINDS)
_TAIL_KW, _TAIL_KIND_OF = _keyword_regex(_CATEGORY_KINDS, r"\s*(?:的|中)?(?:申请)?(?:为|被|已|均|获|属于?)?")
# the characters a match of _TAIL_KW can start with (besides a space): its optional words', its keywords'
_TAIL_FIRST = frozenset("的中申为被已均获属") | {w[0] for _, words in _CATEGORY_KINDS for w in words}
_DIGIT_BEFORE = frozenset("0123456789０１２３４５６７８９〇零一二三四五六七八九")
_APP_NOUN = re.compile(r"(?:的|份)?(?:政府)?(?:信息)?(?:公开)?申请|依申请")
_INCL_CARRIED = re.compile(r"[（(]?(?:含|包含|包括|其中)上一?年度?结转")
_TOTAL_MARK = re.compile(r"共(?![享同建治商性识用])计?|合计|总计|累计|总数|总量")


def _total_mark(lead: str) -> bool:
    """共计/共有/合计…, not 共 inside a word (公共法律服务, 共享, 共同): a list item must not end the list.
    (公 is tested here: a look-behind in the pattern makes every search several times slower.)"""
    if "共" not in lead and "计" not in lead and "总" not in lead:
        return False  # (no alternative without one of them: cheaper than the scan)
    for m in _TOTAL_MARK.finditer(lead):
        if lead[m.start()] != "共" or m.start() == 0 or lead[m.start() - 1] != "公":
            return True
    return False
_DELTA = re.compile(r"较|比上年|同比|环比|增加|减少|增长|下降|上升|提高|降低")
# A sentence is about 政府信息公开申请 when it says so; "行政许可申请", "复议申请" are something else.
_APP_CONTEXT = re.compile(r"信息公开申请|公开申请|依申请|申请公开|申请人|(?<!许可)(?<!复议)(?<!审批)(?<!项目)申请")
_OTHER_APPLICATION = frozenset({"许可", "复议", "审批", "项目"})


def _app_context(sentence: str) -> bool:
    """``_APP_CONTEXT.search(sentence) is not None``, from the places of 申请: the look-behinds make the
    engine try every position of the sentence, several times slower."""
    i = sentence.find("申请")
    while i >= 0:
        if sentence[max(0, i - 2):i] not in _OTHER_APPLICATION or sentence.startswith(("公开", "人"), i + 2):
            return True
        i = sentence.find("申请", i + 2)
    return False
_SHARE = re.compile(r"占|比例|比重|百分比")
# What may stand between 占 and a share without naming the whole ("占比", "占全部公开信息的")
_GENERIC_BASE = re.compile(r"(?:比例?|比重|为|达到?|约|的|了|全部|全年|本年度?|总数|总量|总|合计|共计|所有|政府|信息|公开|"
                           r"[，,：:（(])*")
_DECISION_VERB = re.compile(r"作出|办理|办结|实施|采取|决定|查处|处理")
_PUBLISHED = re.compile(r"公开|公示|上传|推送|发布")
# "共6个部分", "从五个方面": a count of parts or aspects of something, never of cases
_NOT_CASES = re.compile(r"(?:部分|方面|内容|板块|章节|环节|阶段|步骤|领域|维度|专题)")
_PART_UNITS = frozenset({"个", "项"})

_COLUMN_OF_KIND = {"c_total": "total", "c_natural": "natural", "c_legal": "legal", "c_commercial": "commercial",
                   "c_research": "research", "c_public_interest": "public_interest",
                   "c_legal_service": "legal_service"}
_T3_GROUPS = frozenset(L.T3_GROUP_ROWS)
_SPLIT = {"t3_granted_partial": ("t3_granted", "t3_partial")}


def _quantity(kind: str) -> str:
    """t3_granted → granted; s_withheld__state_secret → withheld.state_secret."""
    return kind[3:] if kind[1] == "3" else kind[2:].replace("__", ".")


@dataclass(frozen=True, slots=True)
class Claim:
    """What a number claims to count: a table-三 quantity (see ``_quantities``), a table-四 block
    (``litigation`` = both litigation blocks) with a column, or a table-二 cell address."""

    table: str  # "t3" | "t4" | "t2"
    q: str
    col: str = "total"  # t3: a column or "legal"; t4: a column; t2: ""
    alt: tuple[str, ...] = ()  # other t3 quantities the text may mean (a column named without a row)


@dataclass(frozen=True, slots=True)
class Mention:
    """A number that counts something (not a date, not a percentage)."""

    num: NumberMention
    lead: str  # the text since the previous number of the sentence, spaces removed
    claim: Claim | None

    @property
    def span(self) -> tuple[int, int]:
        return self.num.start, max(self.num.end, self.num.unit_end)

    @property
    def unit(self) -> str:
        return self.num.unit


@dataclass(frozen=True, slots=True)
class Percent:
    num: NumberMention
    count: int | None  # index (in ``mentions``) of the stated count it is a share of
    claim: Claim | None  # the table quantity it is a share of, when known
    named_base: bool = False  # "占全市的12%": the whole it is a share of is named, and may be no count of the text
    # "占办结总数的…": the table-三 total named as the whole (new, done, new_carried), or "other" for
    # a wider whole ("占全市的…")
    base: str | None = None

    @property
    def span(self) -> tuple[int, int]:
        return self.num.start, max(self.num.end, self.num.unit_end)


@dataclass(frozen=True, slots=True)
class CountList:
    """"共X件，其中a件、b件……" (rule E7): indexes into ``mentions``."""

    total: int
    parts: tuple[int, ...]
    marked_incomplete: bool  # 等, 主要, a nested 其中, an approximate number
    mixed: bool  # the parts count along different dimensions


@dataclass(frozen=True, slots=True)
class Phrase:
    kind: str
    span: tuple[int, int]
    data: tuple = ()


@dataclass(frozen=True, slots=True)
class YearUse:
    """A year written where the reporting period belongs (rule F5)."""

    year: int
    span: tuple[int, int]
    # "period" (…年，我局…), "stats" (统计期限…), "title" (…年政府信息公开工作年度报告); a year of carried-over
    # applications: "carried_to" (结转至…年: the next year), "carried_into", "carried_from" (…年结转: the previous year)
    kind: str
    future_tense: bool  # 将、计划 … in the sentence: a plan, not a period
    # The text goes on with a later year ("2022年，…获评优秀。2023年，…"): this one is told as the
    # past, not as the report's period. (A sentence telling of a result: see ``tells_past_result``.)
    past_event: bool = False
    since: int | None = None  # carried_to: the year carried from, when the clause names it


@dataclass(frozen=True, slots=True)
class FeeFacts:
    """What a text says about 信息处理费 (rule E8)."""

    not_charged: bool
    charged: bool
    amount: bool  # a sum of money is given
    cases: bool  # a number of cases is given
    notice: bool  # 收费通知 is mentioned
    notice_count: tuple[int, tuple[int, int]] | None
    no_notice: tuple[int, int] | None  # "未发出收费通知"


@dataclass(frozen=True, slots=True)
class Stated:
    """A count of what was published through a named channel ("通过县政府网站文旅专栏公开信息25条"),
    which the narrative may state again elsewhere (rule E9)."""

    key: str  # the words naming it, without subject, time and filler words
    mention: int  # index into ``mentions``
    # a yearly total the format asks for in 一（一） (政策解读, 新闻发布会), not a channel's count: its
    # scope is read in its own clause; the end of its noun when written after the number ("6篇政策解读")
    named: bool = False
    noun_end: int = 0


@dataclass(frozen=True, slots=True)
class TextFacts:
    mentions: tuple[Mention, ...]
    percents: tuple[Percent, ...]
    lists: tuple[CountList, ...]
    breakdowns: tuple[tuple[NumberMention, ...], ...]  # shares in one sentence with no count or table quantity
    phrases: tuple[Phrase, ...]
    years: tuple[YearUse, ...]
    fee: FeeFacts | None
    stated: tuple[Stated, ...] = ()


for _record in (Claim, Mention, Percent, CountList, Phrase, YearUse, FeeFacts, Stated, TextFacts):
    quick_init(_record)
# the records built per number and per text, built faster than by calling the class (see fast_new)
_new_Claim = fast_new(Claim)
_new_Mention = fast_new(Mention)
_new_Percent = fast_new(Percent)
_new_CountList = fast_new(CountList)
_new_Phrase = fast_new(Phrase)
_new_YearUse = fast_new(YearUse)
_new_FeeFacts = fast_new(FeeFacts)
_new_Stated = fast_new(Stated)
_new_TextFacts = fast_new(TextFacts)


# ---- one sentence ------------------------------------------------------------------------------
class _Scan:
    __slots__ = ("action", "cols", "gov", "subrows", "t3_kinds", "t4col")

    def __init__(self, lead: str):
        self.gov: str | None = None  # the governing keyword: the last one before the number
        self.cols: list[str] = []
        self.t4col: str | None = None
        self.action: str | None = None
        self.t3_kinds: list[str] = []
        self.subrows: list[str] = []
        for m in _KW_BARE.finditer(lead):  # (the matches of _KW; their kinds, see _keyword_finder)
            start = m.start()
            small, small_kinds, name = _KW_FIRST[lead[start]]
            if name is None:
                k = small.match(lead, start)
                assert k is not None and k.lastgroup is not None  # (the same words, from the same place)
                name = small_kinds[k.lastgroup]
            if name == "t3_carried_year":
                if start == 0 or lead[start - 1] not in _DIGIT_BEFORE:
                    continue
                name = "t3_carried"
            p = name[0]
            if p == "c":
                self.cols.append(_COLUMN_OF_KIND[name])
            elif p == "k":
                self.t4col = name[2:]
            elif p == "a":
                self.action = name[2:]
            else:
                self.gov = name
                if p == "s":
                    self.subrows.append(name)
                    self.t3_kinds.append(name)
                elif name[1] == "3":
                    self.t3_kinds.append(name)


def _t3_claim(kind: str, scan: _Scan, lead: str, tail: str) -> Claim | None:
    q = _quantity(kind)
    if q in _T3_GROUPS:
        # "属于国家秘密不予公开3件": the sub-row named in the lead is meant, not the category
        same = [s for s in scan.subrows if _quantity(s).startswith(q + ".")]
        # "因不掌握相关信息等原因无法提供3件": 等 makes the sub-row an example of the category
        if same and not _sub_row_as_example(lead):
            q = _quantity(same[-1])
    elif q == "new":
        if "申请" not in lead and not _APP_NOUN.match(tail):
            return None
        if _INCL_CARRIED.match(tail):
            q = "new_carried"  # 共收到N件（含上年结转M件）
    return _new_Claim("t3", q, scan.cols[-1] if scan.cols else "total")


def _sub_row_as_example(lead: str) -> bool:
    """Is "等" between the last sub-row word and the category word governing the number?"""
    sub_end = gov_start = 0
    for m in _KW_BARE.finditer(lead):  # (as in _Scan)
        small, small_kinds, name = _KW_FIRST[lead[m.start()]]
        if name is None:
            k = small.match(lead, m.start())
            assert k is not None and k.lastgroup is not None
            name = small_kinds[k.lastgroup]
        if name[0] in "ts" and name[1] in "3_":  # t3_… and s_…: the words that govern
            gov_start = m.start()
            if name[0] == "s":
                sub_end = m.end()
    return sub_end < gov_start and _ETC.search(lead, sub_end, gov_start) is not None


_ETC = re.compile(r"等(?:(?:原因|情形|情况|理由|事由|类)[^等]{0,8}|[”」』\"）)，,]*)$")


def _column_claim(col: str, parent: Claim | None) -> Claim:
    """"其中自然人申请10件": a column of the quantity "其中" divides, or of 第一项 by default."""
    if parent is not None and parent.table == "t3" and parent.col == "total":
        return _new_Claim("t3", parent.q, col)
    return _new_Claim("t3", "new", col, alt=("new_carried",))


# what a count right before it counts, when it is no application, case or document
_ACTIVITY_AFTER = re.compile(r"\s*(?:专题|业务|集中|全员|专项|政务公开|信息公开|依申请公开)?(?:培训|会议|检查|督查|督导|演练|宣传|活动|调研|座谈|学习|讲座|考核|"
                             r"通报|评议|评估|测评|抽查|巡查|讲解|指导|研讨|交流|例会)")


def _claim(num: NumberMention, lead: str, tail: str, scan: _Scan, app: bool, t4_context: bool,
           parent: Claim | None) -> Claim | None:
    gov = scan.gov
    unit = num.unit
    if gov is None:
        if unit not in COUNT_UNITS:
            return None
        if scan.cols and app:
            return _column_claim(scan.cols[-1], parent)
        if scan.t4col and parent is not None and parent.table == "t4" and parent.col == "total":
            return _new_Claim("t4", parent.q, scan.t4col)
        return None
    kind = gov[:2]
    if kind in ("t3", "s_"):
        if not app or unit not in COUNT_UNITS:
            return None
        return _t3_claim(gov, scan, lead, tail)
    if kind == "t4":
        if not t4_context or unit not in COUNT_UNITS:
            return None
        return _new_Claim("t4", gov[3:], scan.t4col or "total")
    if kind == "t2":
        row = gov[3:]
        if row in ("normative_docs", "regulations"):
            if scan.action is None or unit not in COUNT_UNITS:
                return None
            return _new_Claim("t2", f"t2.{row}.{scan.action}", "")
        if row == "fees":
            return _new_Claim("t2", "t2.fees.amount", "") if unit in MONEY_UNITS else None
        if unit not in COUNT_UNITS or not _DECISION_VERB.search(lead) or _PUBLISHED.search(lead):
            return None
        return _new_Claim("t2", f"t2.{row}.decisions", "")
    return None  # x_: something that is not a table quantity


def _dimension(c: Claim | None) -> str:
    if c is None:
        return "-"
    if c.col != "total":
        return "column"
    return c.table + ("intake" if c.q in ("new", "carried", "new_carried", "done", "fwd") else "")


def _in_family(x: Claim, p: Claim) -> bool:
    """May ``p`` be one of the parts of ``x`` in "x，其中p…"?"""
    if x.table != p.table or x.col != "total":
        return False
    if x.table == "t4":
        return p.q == x.q and p.col != "total"
    if x.table != "t3":
        return False
    if p.col != "total":
        return p.q == x.q or x.q in p.alt
    if x.q == "done":
        return p.q not in ("new", "carried", "new_carried", "done", "fwd")
    if x.q == "new_carried":
        return p.q in ("new", "carried")
    return x.q in _T3_GROUPS and p.q.startswith(x.q + ".")


def _sentence(text: str, s0: int, s1: int, nums: list[NumberMention], app: bool, t4_context: bool,
              mentions: list[Mention], percents: list[Percent], lists: list[CountList],
              breakdowns: list[tuple[NumberMention, ...]]) -> None:
    prev_end = s0
    last: int | None = None  # the previous count in this sentence
    parent: Claim | None = None
    queue: list[str] = []
    first = len(mentions)
    shares: list[NumberMention] = []
    divided = False  # a list opener in some lead: only then can the sentence hold a list (see _lists)
    for k, num in enumerate(nums):
        if num.unit in _DATE_UNITS:  # NumberMention.is_date
            continue  # dates stay inside the leads ("2022年结转")
        end = max(num.end, num.unit_end)
        lead = text[max(prev_end, num.start - _LEAD_CHARS):num.start]
        if " " in lead or "\u3000" in lead or "\t" in lead or "\n" in lead:  # (_compact, inline: once per number)
            lead = "".join(lead.split())
        prev_end = end
        if num.unit == "%":
            if "率" in lead:
                continue  # 办结率, 公开率: not computable from the tables
            share = _SHARE.search(lead)
            scan = _Scan(lead[:share.start()] if share else lead)  # after 占 comes the base, not the count
            claim = None
            count = None
            if app and scan.gov is not None and scan.gov[:2] in ("t3", "s_"):
                claim = _t3_claim(scan.gov, scan, lead, "")
                if last is not None and mentions[last].claim == claim:
                    count = last
            elif app and scan.gov is None and scan.cols:  # "自然人申请占82.7%"
                claim = _column_claim(scan.cols[-1], parent)
            elif scan.gov is None and last is not None and (share or lead in ("", "（", "(")):
                count = last
                claim = mentions[last].claim
            if claim is not None or count is not None:
                named = share is not None and not _GENERIC_BASE.fullmatch(lead, share.end())
                base = _named_base(lead[share.end():], app) if named and share is not None else None
                percents.append(_new_Percent(num, count, claim, named, base))
            elif share and "其中" not in lead and not num.approx:
                shares.append(num)  # "网上申请占80%": a share of a whole the tables do not hold
            continue
        scan = _Scan(lead)
        if "其中" in lead or ("包" in lead and _OPENER.search(lead)):  # "60件，包括自然人50件": a part of 60
            divided = True
            head = _head(mentions, first, len(mentions))
            parent = mentions[head].claim if head is not None else None
        elif ("共" in lead or "计" in lead or "总" in lead) and _total_mark(lead):  # (its own first test, inline)
            parent = None
        if "分别" in lead:
            kinds = [e for kind in scan.t3_kinds for e in _SPLIT.get(kind, (kind,))]
            if len(kinds) >= 2:  # "予以公开、部分公开分别为60件、10件"
                queue[:] = kinds[1:]
                scan.gov = kinds[0]
        nxt = nums[k + 1].start if k + 1 < len(nums) else s1
        if scan.gov is None:
            if queue:
                scan.gov = queue.pop(0)
            else:
                c = text[end:end + 1]  # (a character _TAIL_KW can start with, or no match)
                m = _TAIL_KW.match(text, end, nxt) if c and (c in _TAIL_FIRST or c.isspace()) else None
                if m:  # "其中60件予以公开": the keyword follows; the next lead starts after it
                    assert m.lastgroup is not None  # every alternative ends with a named group
                    scan.gov = _TAIL_KIND_OF[m.lastgroup]
                    prev_end = m.end()
        # the words after the number: read only where they can matter (a part of something, or 新收:
        # see _t3_claim; _claim passes the tail to nothing else)
        tail = _compact(text[end:nxt])[:16] if num.unit in _PART_UNITS or scan.gov == "t3_new" else ""
        if num.unit in _PART_UNITS and _NOT_CASES.match(tail):
            claim = None
        elif num.unit in ("次", "场", "期", "轮") and _ACTIVITY_AFTER.match(_compact(text[end:nxt])[:8]):
            claim = None  # "组织一次业务培训", "召开两次会议": how many of something done, not of applications
        else:
            claim = _claim(num, lead, tail, scan, app, t4_context, parent)
        mentions.append(_new_Mention(num, lead, claim))
        last = len(mentions) - 1
    if divided:
        _lists(text, s1, mentions, first, lists)
    if len(shares) >= 2:
        breakdowns.append(tuple(shares))


def _named_base(words: str, app: bool) -> str | None:
    """The table-三 total that the words after 占 name as the whole ("办结总数的" → done), when
    they name one total and nothing else (a category, a column: other wholes); "other" for a wider whole."""
    if _WIDER_WHOLE.search(words):
        return "other"
    if not app:
        return None
    scan = _Scan(words)
    kinds = set(scan.t3_kinds)
    if scan.cols or not kinds or not kinds <= _BASE_KINDS or scan.gov not in _BASE_KINDS:
        return None
    if kinds == {"t3_new", "t3_carried"}:
        return "new_carried"  # "占新收和上年结转申请总数的"
    return None if len(kinds) > 1 else _quantity(kinds.pop())


_BASE_KINDS = frozenset({"t3_new", "t3_carried", "t3_done"})
# "占全市同类申请的12%": a whole wider than the agency's own tables
_WIDER_WHOLE = re.compile(r"全[市区县省国州旗镇乡]|全系统|全行业|同类|同级|系统内|各(?:地|级|区|县|市|部门|单位)")


def _head(mentions: list[Mention], first: int, i: int) -> int | None:
    """The count a "其中" at mention ``i`` divides: the nearest one before it that is not a change
    ("共收到45件，较上年增加5件，其中……" divides 45)."""
    for j in range(i - 1, max(first, i - 3) - 1, -1):  # a change or two, no more
        if not _DELTA.search(mentions[j].lead):
            return j
    return None


_OPENER = re.compile(r"其中|包括|包含")


def _lists(text: str, s1: int, mentions: list[Mention], first: int, lists: list[CountList]) -> None:
    """"X，其中a、b…" (or 包括) structures among the counts of one sentence. A list inside a list
    ("12条，其中网站12条，包括计划2条、总结9条") is a list of its own, not more items of the outer one."""
    n = len(mentions)
    for start in range(first + 1, n):
        if not _OPENER.search(mentions[start].lead):
            continue
        i = _head(mentions, first, start)
        if i is None:
            continue
        x = mentions[i]
        parts: list[int] = []
        incomplete = "其中" not in mentions[start].lead  # "包括" names what is included, not all of it
        for b in range(start, n):
            m = mentions[b]
            if parts:
                if _OPENER.search(m.lead):
                    incomplete = True  # a nested list: the outer one is not followed to its end
                    break
                if _total_mark(m.lead):
                    break
            if m.unit != x.unit:
                break
            if x.claim is not None and m.claim is not None and not _in_family(x.claim, m.claim):
                break
            parts.append(b)
        if not parts:
            continue
        last = mentions[parts[-1]]
        after_end = mentions[parts[-1] + 1].num.start if parts[-1] + 1 < n else s1
        leads = "".join(mentions[b].lead for b in parts)
        if ("等" in text[last.span[1]:after_end] or "等" in leads or "主要" in mentions[parts[0]].lead
                or x.num.approx or any(mentions[b].num.approx for b in parts)):
            incomplete = True
        mixed = len({_dimension(mentions[b].claim) for b in parts}) > 1
        lists.append(_new_CountList(i, tuple(parts), incomplete, mixed))


# ---- phrases -----------------------------------------------------------------------------------
_NO_APPLICATIONS = re.compile(
    r"(?:未|没有|暂无|无(?!论|需|法|偿|误))(?:收到|接到|受理|接收|新收|发生|产生)?"
    r"(?:(?!答复|办理|办结|处理|逾期|超期|延期|复议|诉讼|纠|错|结转|不予|[计记纳列归算]入|算作|计为|作为|视为|转为|统计)"
    r"[^。；;，,！？!?]){0,20}?"
    r"(?:政府信息公开申请|信息公开申请|公开申请|依申请公开(?:申请|事项|件)|依申请公开(?=[。；;，,]|$))"
    r"(?![^。；;，,]{0,8}(?:复议|诉讼|纠错|被纠|逾期|超期|投诉|答复|办理))"
)
_NO_CARRIED = re.compile(r"(?:无|没有|未有)上一?年度?结转|上一?年度?(?:无|没有)结转")
_NO_FWD = re.compile(r"(?:无|没有|未有)(?:需要?)?(?:结转(?:至|到|入)?下一?年度?|转入下一?年度?)")
_UPHELD = re.compile(r"(?:均|全部|全|都)(?:被|获|予以|得到)?(?:复议机关|人民法院|法院)?(?:依法)?维持")
_NO_LOSS = re.compile(r"零败诉|无败诉|未败诉|没有败诉|未发生败诉|无一败诉|零纠错|未被纠错|无纠错|没有被纠错|未被撤销")
_NO_CASES = re.compile(
    r"(?:未|没有|无)(?:发生|出现|被申请|被提起|收到|涉及|产生)?(?:因|涉及)?(?:政府信息公开|信息公开|依申请公开)?"
    r"(?:引起|引发|提起|产生)?的?(?:行政复议|行政诉讼)(?:(?:和|、|及|或|与)(?:行政)?(?:复议|诉讼))?"
)
_LOSS_WORDS = re.compile(r"纠错|纠正|败诉|撤销")
_REVIEW = re.compile(r"复议(?!后起诉|后提起)")
_LITIGATION = re.compile(r"诉讼|起诉")
_NO_DOC = re.compile(r"(?:未|没有|无)(?:制发|制定|印发|出台|发布)(?:任何)?(?:新的?)?(行政规范性文件|规范性文件|规章(?!制度))")
_NO_DECISION = re.compile(r"(?:未|没有|无)(?:作出|实施|办理|采取|发生)(?:任何)?(行政许可|行政处罚|行政强制)")
# Wrong labels (rule F4) → the official wording.
_LABELS: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("doc", ("规范性文件",), "行政规范性文件"),  # unless 行政/党内 precede: see _phrases
    ("made", ("本年制作数量", "本年新制作数量", "本年新公开数量"), "本年制发件数"),
    ("total", ("对外公开总数量",), "现行有效件数"),
    ("items", ("上一年项目数量", "本年增/减", "本年增减"), "本年处理决定数量（2021年格式已取消此栏目）"),
    ("services", ("其他对外管理服务事项",), "行政许可（2021年格式已取消此栏目）"),
    ("title", ("政府信息公开年度报告",), L.REPORT_TITLE_SUFFIX),  # only in the title and the preamble
)
_LABEL, _LABEL_OF = _keyword_regex([(name, words) for name, words, _ in _LABELS])
_LABEL_RIGHT = {name: right for name, _, right in _LABELS}

# 行政规范性文件 and 党内规范性文件 are right; 部门规范性文件 is another kind of document (a gazette's heading).
_DOC_QUALIFIERS = ("行政", "党内", "部门")
# 规范性文件 naming a platform, database or column ("规范性文件统一发布平台") is part of a name.
_DOC_IN_NAME = re.compile(r"(?:统一|发布|公开|查询|备案|审查|管理|检索|信息|数据){0,3}(?:平台|系统|数据库|库|专栏|专区|栏目)")
_OPEN_QUOTES, _CLOSE_QUOTES = "“《「『", "”》」』"


def _in_quoted_name(text: str, pos: int) -> bool:
    """Is ``pos`` inside “…” or 《…》 (a quoted name or title, written as it is)?"""
    window = text[max(0, pos - 40):pos]
    opened = max(window.rfind(q) for q in _OPEN_QUOTES)
    return opened >= 0 and max(window.rfind(q) for q in _CLOSE_QUOTES) < opened


_PETITION_HINT = re.compile(r"信访|投诉|举报|热线|123[0-9]{2}|来信|来访")
_PETITION = re.compile(
    r"(?:政府信息公开申请|信息公开申请|依申请公开(?:申请)?)[^，,。；;]{0,6}?(?:及|和|与|、|以及|含|包括|连同)"
    r"[^，,。；;]{0,4}?(?:信访|投诉|举报|来信来访|热线|12345|咨询)"
    r"|(?:信访|投诉|举报|来信来访|热线|12345)[^，,。；;]{0,8}?(?:及|和|与|、|以及)[^，,。；;]{0,6}?"
    r"(?:政府信息公开申请|信息公开申请|依申请公开)"
    r"|(?:信访|投诉|举报|热线|12345)[^，,。；;]{0,10}?(?:转为|转作|作为|计入|视为)[^，,。；;]{0,8}?"
    r"(?:政府信息公开申请|依申请公开|信息公开申请)"
)
_CITE_2019 = re.compile(r"[〔［\[(（]\s*2019\s*[〕］\])）]\s*60\s*号")
_CITE_2021 = re.compile(r"[〔［\[(（]\s*2021\s*[〕］\])）]\s*30\s*号")
_CLEANUP = re.compile(r"清理")
_DOC_WORDS = re.compile(r"规章|规范性文件|文件")

_STATS = re.compile(r"统计期限|统计期间|统计时限|统计时段|统计区间|统计周期|数据统计|统计数据|统计范围")
_FUTURE = re.compile(r"将|计划|拟|力争|争取|继续|下一步|下步|预计|展望")

_COMPARISON_BEFORE = ("与", "较", "比", "同", "对比", "截至", "截止", "对照", "针对", "根据", "按照", "依据", "落实")
# a year that dates something else: a comparison, a carry-over, a document's revision (《条例》（2019年修订）)
_YEAR_NOT_PERIOD_AFTER = re.compile(r"度?(?:结转|相比|同期|同比|以来|以前|之前|底|末|版|的|修订|修正|颁布|公布|施行|印发)")
_PAST_RESULT = re.compile(r"获评|荣获|被评为|评为|评定为|位列|名列|排名|表彰|表扬|授予|获得.{0,10}(?:称号|奖|等次)")
_YEAR_PERIOD_AFTER = re.compile(r"度?(?:[，,、]|全年|内|期间|中|我|本|共|累计|各级)")
# (No word of _YEAR_PERIOD_AFTER starts with a character a word of _YEAR_NOT_PERIOD_AFTER starts with, nor
# with 度: where the one matches, the other cannot. tests/test_validation_fast_paths.py checks it.)
_YEAR_TITLE_AFTER = re.compile(r"度?(?:的)?(?:政府信息公开|信息公开)")

_FEE_NOT_CHARGED = re.compile(
    r"(?:未|没有|无|不|免|暂未|均未|从未)[^。；;，,]{0,4}?(?:收取|收费|产生|发生|涉及|征收)|免收|免费"
    r"|信息处理费(?:为|共)?(?:0|零)(?![.．点\d])(?:元|万元)?|信息处理费[：:\s]*(?:无|暂无|没有)|^\s*(?:无|暂无|没有)\s*[。.]?\s*$")
_FEE_NOTICE = re.compile(r"收费通知|缴费通知|缴纳通知|费用通知")
_FEE_NO_NOTICE = re.compile(r"(?:未|没有|无)(?:发出|发放|下发|出具|送达)[^。；;，,]{0,6}?(?:收费|缴费|缴纳)通知")
_FEE_CASE_UNITS = frozenset({"件", "次", "笔", "份"})


# Every word _phrases or _fee must see in a text before it can find anything there. A text with none
# of them and no number has no facts: analyse stops after one search (most texts of a report). The
# words of _NO_DECISION and the end of _CITE_2019/_CITE_2021, not 行政 and 号 alone (行政机关, 公众号:
# most texts hold them).
_FACT_WORDS: tuple[str, ...] = (
    "申请", "结转", "复议", "诉讼", "维持", "败诉", "纠错", "规范性文件", "规章", "行政许可", "行政处罚", "行政强制",
    "60\\s*号", "30\\s*号", "清理", "信息处理费",
    *(w for _, words, _ in _LABELS for w in words), *_PETITION_HINT.pattern.split("|"))
_FACT_WORD_REGEX, _ = _keyword_regex([("w", _FACT_WORDS)])  # (the reference: _FACT_WORD answers as its search)
_FACT_PATTERNS = ("60\\s*号", "30\\s*号", "123[0-9]{2}")  # the fact words that are patterns, not words
# "60号", "30 号" (the documents _CITE_2019/_CITE_2021 cite): the scan skips from one 号 to the next and
# asks for 60/30 before it; a space before it (rare) is read by the whole pattern.
_FACT_SIGN = re.compile(r"号(?<=[36]0号)|号(?<=\s号)")
_FACT_SIGN_SPACED = re.compile(r"60\s*号|30\s*号")
_FACT_LINE = re.compile(r"123[0-9]{2}")  # (a literal start: the scan skips from one 123 to the next)


def _fact_word(text: str) -> bool | None:
    """True when ``_FACT_WORD_REGEX.search(text)`` finds something, else None; by substring tests. The
    regex engine tests every character of a text against the set of the words' first characters (about
    57 instructions a character); a one-character substring test finds a character in about one. Each
    word is asked for only where its rarest character (its gate) is; the assertions after the definition
    check that every word is found."""
    return (("请" in text and "申请" in text) or ("转" in text and "结转" in text) or ("议" in text and "复议" in text)
            or ("诉" in text and ("诉讼" in text or "败诉" in text or "投诉" in text))
            or ("访" in text and ("信访" in text or "来访" in text)) or ("来" in text and "来信" in text)
            or ("规" in text and ("规范性文件" in text or "规章" in text)) or ("清" in text and "清理" in text)
            or ("费" in text and "信息处理费" in text) or ("维" in text and "维持" in text) or ("错" in text and "纠错" in text)
            or ("许" in text and "行政许可" in text) or ("罚" in text and "行政处罚" in text) or ("强" in text and "行政强制" in text)
            or ("量" in text and ("本年制作数量" in text or "本年新制作数量" in text or "本年新公开数量" in text
                                 or "对外公开总数量" in text or "上一年项目数量" in text))
            or ("减" in text and ("本年增/减" in text or "本年增减" in text)) or ("管" in text and "其他对外管理服务事项" in text)
            or ("告" in text and "政府信息公开年度报告" in text) or ("举" in text and "举报" in text) or ("热" in text and "热线" in text)
            or ("号" in text and (m := _FACT_SIGN.search(text)) is not None
                and (not text[m.start() - 1].isspace() or _FACT_SIGN_SPACED.search(text) is not None))
            or ("123" in text and _FACT_LINE.search(text) is not None) or None)


class _FactWords:
    """``_FACT_WORD.search(text)``: whether (not where) ``text`` holds a fact word (see _fact_word)."""

    __slots__ = ()
    search = staticmethod(_fact_word)


_FACT_WORD = _FactWords()
# every fact word is found (a word holding another is found by that one)
assert {w for w in _FACT_WORDS if re.escape(w) != w} == set(_FACT_PATTERNS)
assert all(_fact_word(w) for w in _FACT_WORDS if w not in _FACT_PATTERNS)
assert all(_fact_word(w) for w in ("60号", "30 号", "12345"))


def _phrases(address_kind: str, text: str, sentences: list[tuple[int, int]], context: tuple[bool, bool, bool],
             mentions: list[Mention], lists: list[CountList]) -> list[Phrase]:
    """``context``: (on_request, any_app, any_t4) of the text, for _app_at and _t4_at."""
    # Each test of a word is gated by a test of one of its characters: a one-character substring test
    # costs a few nanoseconds, a longer word's about twenty times more (and most texts hold none).
    out: list[Phrase] = []
    if "请" in text and "申请" in text:
        for m in _NO_APPLICATIONS.finditer(text):  # "本机关未收到公民、法人或其他组织提出的信息公开申请"
            gap = m.group(0)
            natural = "公民" in gap or "自然人" in gap
            legal = "法人" in gap or "组织" in gap
            cols = ("natural",) if natural and not legal else ("legal",) if legal and not natural else ()
            out.append(_new_Phrase("no_applications", m.span(), cols))
    if "转" in text and "结转" in text:
        for pattern, kind in ((_NO_CARRIED, "no_carried"), (_NO_FWD, "no_fwd")):
            for m in pattern.finditer(text):
                if _app_at(text, sentences, _sentence_of(sentences, m.start()), context[0], context[1]):
                    out.append(_new_Phrase(kind, m.span()))
    if (("议" in text and "复议" in text) or ("讼" in text and "诉讼" in text) or ("维" in text and "维持" in text)
            or ("败" in text and "败诉" in text) or ("纠" in text and "纠错" in text)):
        out.extend(_review_phrases(text, sentences, context[0], context[2]))
    # (a substring test before each scan: the words each pattern cannot match without)
    if ("范" in text and "规范性文件" in text) or ("章" in text and "规章" in text):
        for m in _NO_DOC.finditer(text):
            row = "regulations" if m.group(1).startswith("规章") else "normative_docs"
            out.append(_new_Phrase("no_doc", m.span(), (row,)))
    if "行" in text and "行政" in text:
        for m in _NO_DECISION.finditer(text):
            row = {"行政许可": "licensing", "行政处罚": "penalty", "行政强制": "enforcement"}[m.group(1)]
            out.append(_new_Phrase("no_decision", m.span(), (row,)))
    # (one character of each word of _LABELS first)
    for m in (_LABEL.finditer(text) if ("范" in text or "量" in text or "增" in text or "项" in text or "报" in text)
              and _LABEL.search(text) else ()):
        assert m.lastgroup is not None  # every alternative ends with a named group
        name = _LABEL_OF[m.lastgroup]
        if name == "title" and address_kind not in ("meta.title", "preamble"):
            continue
        if name == "doc" and (text[max(0, m.start() - 2):m.start()] in _DOC_QUALIFIERS
                              or _DOC_IN_NAME.match(text, m.end()) or _in_quoted_name(text, m.start())):
            continue
        out.append(_new_Phrase("label", m.span(), (m.group(0), _LABEL_RIGHT[name], name)))
    if ("访" in text or "诉" in text or "举" in text or "热" in text or "来" in text or "123" in text) and _PETITION_HINT.search(text):
        counts = [m.num.start for m in mentions if m.unit in COUNT_UNITS]
        for m in _PETITION.finditer(text):
            s0, s1 = sentences[_sentence_of(sentences, m.start())]
            # "专人负责依申请公开答复及投诉信访件的办理" counts nothing: a duty, not a count
            if ("信访举报投诉类" not in m.group(0) and text.find("不予处理", s0, s1) < 0
                    and any(s0 <= c < s1 for c in counts)):
                out.append(_new_Phrase("petition", m.span()))
        out.extend(_petition_parts(text, mentions, lists))
        if _COUNTED_IN.search(text):
            out.extend(_petitions_counted_in(text, sentences))
    if "号" in text:
        if "2019" in text:
            out.extend(_new_Phrase("cite2019", m.span()) for m in _CITE_2019.finditer(text))
        if "2021" in text:
            out.extend(_new_Phrase("cite2021", m.span()) for m in _CITE_2021.finditer(text))
    if "清" in text and "清理" in text:
        for m in _CLEANUP.finditer(text):
            s0, s1 = sentences[_sentence_of(sentences, m.start())]
            if _DOC_WORDS.search(text, s0, s1):
                out.append(_new_Phrase("cleanup", m.span()))
    return out


_PETITION_WORD = re.compile(r"信访|投诉|举报|来信|来访|热线|123[0-9]{2}(?![0-9])")  # 12345, 12315, 12369 …
_PETITION_NOUN = re.compile(r"(?:举报|投诉|来信|来访)?(?:转办)?(?:件|事项|工单|案件|诉求|信件|问题|类事项|类)?的?(?:共|为|有)?")
_APPLICATION_TOTALS = frozenset({"new", "new_carried", "carried", "done"})


def _petition_parts(text: str, mentions: list[Mention], lists: list[CountList]) -> list[Phrase]:
    """"申请10件，其中…信访件3件": a part of an application count that counts petitions (rule F6).
    "其中信访局转来的申请3件" counts applications, whoever passed them on."""
    out = []
    parts = [(lst.total, b) for lst in lists for b in lst.parts]
    listed = {b for _, b in parts}
    # "新收申请10件。其中信访件3件。": a 其中 opening the next sentence divides the count before it
    parts += [(i - 1, i) for i in range(1, len(mentions))
              if i not in listed and mentions[i].lead.startswith(("其中", "包括"))]
    for total, b in parts:
        x = mentions[total].claim
        m = mentions[b]
        if x is None or x.table != "t3" or x.q not in _APPLICATION_TOTALS:
            continue
        if m.claim is not None or "信访举报投诉类" in m.lead:
            continue  # an application quantity (信访举报投诉类申请 is a row of table 三)
        hit = _last(_PETITION_WORD, m.lead)
        if hit is None or not _PETITION_NOUN.fullmatch(m.lead, hit.end()):
            continue  # "通过12345平台提交2件": a channel the applications came through, not what is counted
        # the quote starts at the clause's first petition word ("12345热线转办工单5件", not "热线…")
        first = _PETITION_WORD.search(m.lead, _clause_start(m.lead))
        said = m.lead[first.start():] if first is not None and first.start() <= hit.start() else hit.group(0)
        start = text.rfind(said, max(0, m.num.start - _LEAD_CHARS - 8), m.num.start)
        out.append(_new_Phrase("petition", (start if start >= 0 else m.span[0], m.span[1])))
    return out


def _clause_start(lead: str) -> int:
    cut = _CLAUSE_CUT.match(lead)
    start = cut.end() if cut else 0
    opener = lead.rfind("其中", start)
    return opener + 2 if opener >= 0 else start


# "…工单5件，已一并计入新收申请数量": items said to be counted into the applications
_COUNTED_IN = re.compile(r"(?:计入|记入|纳入|算作|算入|计为|列入|归入|统计(?:为|在|入|到)?)(?:[^，,。；;]{0,10}?)"
                         r"(?:申请(?:数量|总数|件数|数|量|统计|之中|中|内)?|依申请公开(?:数量|总数|件数|统计))"
                         r"(?=[，,。；;）)]|$)")
_NEGATED = re.compile(r"[未不没无非]")


def _petitions_counted_in(text: str, sentences: list[tuple[int, int]]) -> list[Phrase]:
    """"区12345热线转办的咨询工单5件，已一并计入新收申请数量" (rule F6): petitions or hotline items,
    not applications ("信访局转来的申请3件，已计入…" are applications), counted into the applications."""
    out = []
    for m in _COUNTED_IN.finditer(text):
        if _NEGATED.search(text, max(0, m.start() - 3), m.start()):
            continue  # "未计入", "不纳入": said to be kept apart
        s0 = sentences[_sentence_of(sentences, m.start())][0]
        said = text.rfind("申请", s0, m.start())  # what is counted in is named after the last 申请 before
        hit = _PETITION_WORD.search(text, s0 if said < 0 else said + 2, m.start())
        if hit is None or text.startswith("信访举报投诉类", hit.start()):
            continue  # the items counted are applications, whoever passed them on
        out.append(_new_Phrase("petition", (hit.start(), m.end())))
    return out


def _review_phrases(text: str, sentences: list[tuple[int, int]], on_request: bool, any_t4: bool) -> list[Phrase]:
    out: list[Phrase] = []
    for pattern, kind in ((_UPHELD, "upheld"), (_NO_LOSS, "no_loss"), (_NO_CASES, "no_cases")):
        for m in pattern.finditer(text):
            s = _sentence_of(sentences, m.start())
            s0, s1 = sentences[s]
            if not (on_request or (any_t4 and _t4_at(text, s0, s1))):
                continue
            k = kind
            if kind == "no_cases":
                s0, s1 = m.span()  # the blocks are those the phrase names
                clause_end = text.find("，", m.end(), sentences[s][1])
                if _LOSS_WORDS.search(text, m.end(), sentences[s][1] if clause_end < 0 else clause_end):
                    k = "no_loss"  # "未发生行政复议被纠错的情况"
            review = _REVIEW.search(text, s0, s1) is not None
            litigation = _LITIGATION.search(text, s0, s1) is not None
            blocks = (("review",) if review and not litigation else
                      ("litigation_direct", "litigation_after_review") if litigation and not review else
                      ("review", "litigation_direct", "litigation_after_review"))
            out.append(_new_Phrase(k, m.span(), blocks))
    return out


def _last(pattern: re.Pattern, text: str) -> re.Match | None:
    last = None
    for last in pattern.finditer(text):  # noqa: B007 - the loop only runs to the last match
        pass
    return last


_LAST_MARK = re.compile(r"[。；;！!？?\n][^。；;！!？?\n]*+\Z")  # (searched up to a position: the last mark before it)


def _date_sentences(text: str, numbers: Sequence[NumberMention]) -> list[tuple[int, int]]:
    """The sentences (as ``_sentences`` has them) that hold a number of 年, in order: all _years asks
    for, found around each such number instead of splitting the whole text."""
    out: list[tuple[int, int]] = []
    s1 = -1
    for n in numbers:
        start = n.start
        if n.unit != "年" or start < s1:
            continue  # (not a year, or in the sentence of the one before)
        before = _LAST_MARK.search(text, 0, start) if start else None
        s0 = before.start() + 1 if before is not None else 0
        m = _SENTENCE_MARK.search(text, start)
        s1 = m.start() if m is not None else len(text)
        out.append((s0, s1))
    return out


def _sentence_of(sentences: list[tuple[int, int]], pos: int) -> int:
    """Index of the last sentence that starts at or before ``pos`` (0 when none does)."""
    return max(bisect_right(sentences, pos, key=_FIRST) - 1, 0)


def _years(text: str, numbers: Sequence[NumberMention], sentences: list[tuple[int, int]],
           address_kind: str) -> list[YearUse]:
    out: list[YearUse] = []
    clauses: dict[int, int] = {}  # sentence → start of the clause naming the period, or -1
    futures: dict[int, bool] = {}  # sentence → about plans
    may_carry = stats_words = None  # asked of the text at its first year: most texts have numbers and no year
    s = 0  # the sentence of the number: numbers come in the order of the text (see _sentence_of)
    n_sentences = len(sentences)
    for n in numbers:
        if n.unit != "年" or n.approx:
            continue
        year = int(n.value)  # (the value itself when it is whole: NumberMention.is_int)
        if not (1990 <= year <= 2100) or year != n.value:
            continue
        if may_carry is None:
            may_carry = ("转" in text or "延" in text) and ("结转" in text or _CARRY_WORD.search(text) is not None)
            stats_words = "统" in text and "统计" in text  # in every alternative of _STATS
        start = n.start
        while s + 1 < n_sentences and sentences[s + 1][0] <= start:
            s += 1
        s0, s1 = sentences[s]
        if stats_words:
            clause = clauses.get(s)
            if clause is None:
                m = _STATS.search(text, s0, s1)
                # the period is stated in the clause that names it and after: "依照《条例》（2019年修订），…统计期限为…"
                clause = clauses[s] = -1 if m is None else max(text.rfind("，", s0, m.start()), text.rfind(",", s0, m.start()), s0)
            stats = clause >= 0 and start >= clause
        else:
            stats = False  # (no 统计 in the text: no clause names the period)
        # the words after the year, read where a test below asks for them (not for a title's year or
        # one further into its sentence than a period is written)
        if may_carry or stats or address_kind == "preamble" or n.start - s0 <= 6:
            after = text[n.unit_end:min(s1, n.unit_end + 16)]
            if " " in after or "\u3000" in after or "\t" in after or "\n" in after:  # (_compact, inline)
                after = "".join(after.split())
        else:
            after = ""
        kind = None
        carry = _carry(text, s0, n, after) if may_carry else None
        if carry is not None:
            out.append(_new_YearUse(year, (n.start, n.unit_end), carry[0], False, since=carry[1]))
            continue
        if address_kind == "meta.title" or (address_kind == "preamble" and _YEAR_TITLE_AFTER.match(after)):
            kind = "title"
        elif stats:
            before = _compact(text[max(s0, n.start - 6):n.start])
            if not (before.endswith(_COMPARISON_BEFORE) or _YEAR_NOT_PERIOD_AFTER.match(after)):
                kind = "stats"
        elif (start - s0 <= 6 and (start == s0 or _compact(text[s0:start]) in ("", "在", "于"))
              and _YEAR_PERIOD_AFTER.match(after)):  # (then _YEAR_NOT_PERIOD_AFTER cannot match: see below)
            kind = "period"
        if kind is not None:
            future = futures.get(s)
            if future is None:
                future = futures[s] = _FUTURE.search(text, s0, s1) is not None
            out.append(_new_YearUse(year, (n.start, n.unit_end), kind, future))
    if len(out) < 2:
        return out  # (no earlier period to mark)
    periods = [k for k, y in enumerate(out) if y.kind == "period"]
    for i, k in enumerate(periods[:-1]):  # "2022年，…。2023年，…": the earlier year is told as the past
        y = out[k]
        if any(out[j].year > y.year for j in periods[i + 1:]):
            out[k] = _new_YearUse(y.year, y.span, y.kind, y.future_tense, True)
    return out


_CARRY_WORD = re.compile(r"转结|转入|延续|顺延")
_CARRY_TO = re.compile(r"(?:结转|转结|转入|延续|顺延)(?:至|到|入)?$")
_CARRY_FROM = re.compile(r"度?的?(?:结转|转结)(?![至到入下])")
_LAST_YEAR_WORD = re.compile(r"上一?年|去年")
_YEAR_IN_CLAUSE = re.compile(r"([0-9０-９]{4})\s*年")
_CLAUSE_MARKS = "，,；;：:"
_FULL_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def _carry(text: str, s0: int, n: NumberMention, after: str) -> tuple[str, int | None] | None:
    """(kind, the year carried from when the clause names it) of a year that applications are
    carried to or from ("结转至2024年", "2022年结转的申请", "2022年结转2023年办理")."""
    before = _compact(text[max(s0, n.start - 6):n.start])
    if _CARRY_TO.search(before):
        clause = max(s0, *(text.rfind(c, s0, n.start) + 1 for c in _CLAUSE_MARKS))
        years = _YEAR_IN_CLAUSE.findall(text, clause, n.start)
        if years:
            return "carried_to", int(years[-1].translate(_FULL_DIGITS))
        # "上年结转至2023年的申请": carried over into the report year, not forward out of it
        return ("carried_into" if _LAST_YEAR_WORD.search(text, clause, n.start) else "carried_to"), None
    if _CARRY_FROM.match(after) and not before.endswith(("至", "到", "截止", "截至")):
        return "carried_from", None
    return None


def tells_past_result(text: str, pos: int) -> bool:
    """Does the sentence at ``pos`` tell of a result or award ("2022年，…本局获评优秀等次")? Asked
    only of a year written as the period that is not the report's, so not part of the cached analysis."""
    m = _SENTENCE.search(text, pos)
    return m is not None and _PAST_RESULT.search(text, pos, m.end()) is not None


def _fee(text: str, mentions: list[Mention], numbers: tuple[NumberMention, ...], force: bool) -> FeeFacts | None:
    if not force and ("费" not in text or "信息处理费" not in text):
        return None
    notice_count = None
    cases = False
    for m in mentions:
        if m.unit in _FEE_CASE_UNITS:
            if _FEE_NOTICE.search(m.lead):
                notice_count = (int(m.num.value), m.span)
            elif "收取" in m.lead or "收费" in m.lead:
                cases = True
    amount = any(n.unit in MONEY_UNITS and n.value > 0 for n in numbers)
    no_notice = _FEE_NO_NOTICE.search(text)
    not_charged = bool(_FEE_NOT_CHARGED.search(text))
    return _new_FeeFacts(
        not_charged=not_charged,
        # "信息处理费收取情况" names the topic: it says nothing about whether fees were charged
        charged=amount or cases or (bool(re.search(r"收取(?!的?情况)", text)) and not not_charged),
        amount=amount,
        cases=cases,
        notice=bool(_FEE_NOTICE.search(text)),
        notice_count=notice_count,
        no_notice=no_notice.span() if no_notice else None,
    )


# ---- a count stated as a quantity of its own (rule E9) -------------------------------------------
_PUBLISH_VERB = re.compile(r"公开|发布|更新|推送|上传|公示|刊发|刊登|转载")
_CHANNEL = re.compile(r"网站|网页|专栏|专区|栏目|平台|公众号|微博|微信|客户端|新媒体|公开栏|抖音|头条|视频号|公报")


def _channel(text: str) -> bool:
    """``_CHANNEL.search(text) is not None`` by substring tests (see _sentences)."""
    return (("站" in text and "网站" in text) or ("页" in text and "网页" in text)
            or ("栏" in text and ("专栏" in text or "栏目" in text or "公开栏" in text)) or ("区" in text and "专区" in text)
            or ("台" in text and "平台" in text) or ("众" in text and "公众号" in text) or ("博" in text and "微博" in text)
            or ("微" in text and "微信" in text) or ("端" in text and "客户端" in text) or ("媒" in text and "新媒体" in text)
            or ("抖" in text and "抖音" in text) or ("头" in text and "头条" in text) or ("视" in text and "视频号" in text)
            or ("报" in text and "公报" in text))


assert _CHANNEL.pattern == ("网站|网页|专栏|专区|栏目|平台|公众号|微博|微信|客户端|新媒体|公开栏|抖音|头条|视频号|公报"), \
    "_channel must follow _CHANNEL"
_VIA = re.compile(r"通过|在|依托|利用|借助|经由|于")
_CLAUSE_CUT = re.compile(r".*[，,、：:（(]")
# Words that make the count one of a part, a period, a comparison or a plan: not the year's count of
# that channel, so not comparable with another statement of it.
_SCOPED = re.compile(
    r"方面|领域|围绕|聚焦|关于|涉及|针对|其中|包括|专题|主题|季度|月|上半年|下半年|分别"
    r"|截至|截止|累计|历年|以来|上年|上一年|去年|同比|环比|较|比上年|平均|日均|月均|人均|每|下属|所属|系统|各")
_STATED_FILLER = re.compile(r"通过|依托|利用|借助|本(?:机关|单位|部门|中心|[局委办院馆厅处站所])|我(?:机关|单位|部门|中心|[局委办院馆厅处站所])|全年|本年度?|年内|"
                            r"今年|共计|共|合计|总计|主动|政府(?=信息)|了|的|[0-9０-９]{4}年度?")
_SAME_VERB = re.compile(r"发布|推送|刊发|刊登|上传")  # of a channel's items, one count with 公开
_STATED_YEAR = re.compile(r"([0-9０-９]{4})\s*年")
_SENTENCE_END = re.compile(r"[。；;！!？?\n]")


def _stated(text: str, mentions: list[Mention]) -> list[Stated]:
    """Counts of what a named channel published, and the yearly totals of ``_NAMED``. Only the words
    around the number are read here; whether the sentence scopes the count (a part, another year, a
    plan) is asked by rule E9 of the few keys stated twice (``stated_scope``)."""
    out: list[Stated] = []
    named_words = ("解" in text or "会" in text) and _NAMED_HINT.search(text) is not None  # (解读, 发布会)
    for i, m in enumerate(mentions):
        if m.claim is not None or m.num.approx:
            continue
        if named_words and m.unit in _NAMED_UNITS and (
                _NAMED_HINT.search(m.lead) or _NAMED_HINT.search(text, m.num.unit_end, m.num.unit_end + 8)):
            named = _named_quantity(text, m)
            if named is not None:
                out.append(_new_Stated(named[0] + m.unit, i, True, named[1]))
                continue
        if m.unit not in COUNT_UNITS:
            continue
        cut = _CLAUSE_CUT.match(m.lead)
        clause = m.lead[cut.end():] if cut else m.lead
        # "通过/在门户网站公开…": the agency publishing through a channel ("门户网站全年发布信息1300条" may count
        # the whole portal's items, not the agency's); 政务新媒体 as the subject is the agency's own accounts
        via = _VIA.search(clause)
        channel = _CHANNEL.search(clause, via.end()) if via else None
        if channel is None and "政务新媒体" in clause:
            channel = _CHANNEL.search(clause)
        if channel is not None and _PUBLISH_VERB.search(clause, channel.end()) and "申请" not in clause:
            bare = _STATED_FILLER.sub("", clause).lstrip("在于")  # 在门户网站 = 通过门户网站
            if via is None and not bare.startswith("政务新媒体"):
                continue
            out.append(_new_Stated(_SAME_VERB.sub("公开", bare) + m.unit, i))
    return out


# Yearly totals part 一（一） states, which a report may state again elsewhere (rule E9): key → noun
_NAMED: dict[str, re.Pattern] = {
    "政策解读": re.compile(r"政策解读(?:材料|文章|稿件|文件)?|(?<![图文频画音漫据])解读(?:材料|文章|稿件)"),
    "新闻发布会": re.compile(r"(?:新闻)?发布会"),
}
_NAMED_HINT = re.compile(r"解读|发布会")
_NAMED_UNITS = frozenset({"篇", "条", "期", "份", "场", "次", "场次"})
# "发布政策解读材料9篇": what may stand between the noun and the number
_NAMED_BEFORE = re.compile(r"(?:共计|共|合计|总计|达到?|为|了|数量|[开发做出办召举推编制]了?|召开|举办|发布|推出|制作|编发|刊发)*")
# words that make the count a part, a form, a channel's or someone's share, another period or a plan
_NAMED_SCOPED = re.compile(
    r"其中|包括|图解|图文|视频|动漫|漫画|音频|H5|文字|专家|领导|负责|转发|转载|出席|参加|参与|主持|接受|专题|联合"
    r"|例行|月|季度|半年|累计|截至|截止|以来|上年|上一年|去年|同比|环比|较上|比上年|计划|将|拟|力争|争取|预计|下一|明年"
    r"|每|平均|日均|各|下属|所属|系统|关于|围绕|针对|涉及|聚焦|《|“|等|和|及|与|、"
    r"|网站|网页|专栏|专区|栏目|平台|公众号|微博|微信|客户端|新媒体|公开栏|抖音|头条|视频号|公报")
_NAMED_SENTENCE_SCOPED = re.compile(r"其中|包括|截至|截止|累计|历年|以来|季度|半年|上年|上一年|去年|同比|环比|比上年|每月|月均")


def _named_quantity(text: str, m: Mention) -> tuple[str, int] | None:
    """(key, end of the noun when it follows the number) of "发布政策解读材料9篇" / "发布的6篇政策解读"."""
    cut = _CLAUSE_CUT.match(m.lead)
    clause = m.lead[cut.end():] if cut else m.lead
    end = max(m.num.end, m.num.unit_end)
    for key, noun in _NAMED.items():
        found = None
        for found in noun.finditer(clause):  # noqa: B007 - the last one, nearest the number
            pass
        if found is not None and _NAMED_BEFORE.fullmatch(clause, found.end()):
            words, noun_end = clause, 0
        else:
            follows = noun.match(text, end + (text.startswith("的", end)))
            if follows is None:
                continue
            words, noun_end = clause + text[end:follows.end() + 1], follows.end()
        # the rest of the clause may scope it as well ("政策解读6篇采用图解形式"), unless it says all of them
        # are so ("6篇政策解读均为文字稿")
        rest = max(end, noun_end)
        stop = _CLAUSE_END.search(text, rest, rest + 24)
        after = text[rest:stop.start() if stop else rest + 24]
        if _NAMED_SCOPED.search(words) or (not after.lstrip().startswith(_ALL_OF) and _NAMED_SCOPED.search(after)):
            return None
        return key, noun_end
    return None


_CLAUSE_END = re.compile(r"[，,。；;！!？?、：:\n]")
_ALL_OF = ("均", "全部", "都", "皆", "全")


def named_scope(text: str, m: Mention) -> tuple[bool, tuple[int, ...]]:
    """``stated_scope`` for a named yearly total: its own clause is read by ``_named_quantity``; of
    the sentence before it, only words that scope what follows (其中, 累计, 上年 …, a plan)."""
    dot = _SENTENCE_END.search(text[:m.num.start][::-1])
    s0 = m.num.start - dot.start() if dot else 0
    end = m.num.start
    scoped = bool(_NAMED_SENTENCE_SCOPED.search(text, s0, end) or _FUTURE.search(text, s0, end))
    return scoped, tuple(int(y.translate(_FULL_DIGITS)) for y in _STATED_YEAR.findall(text, s0, end))


def stated_scope(text: str, m: Mention) -> tuple[bool, tuple[int, ...]]:
    """(whether the sentence of a stated count makes it a part, a comparison or a plan; the years
    written before it in its sentence)."""
    dot = _SENTENCE_END.search(text[:m.num.start][::-1])
    s0 = m.num.start - dot.start() if dot else 0
    end = m.num.start
    scoped = bool(_SCOPED.search(text, s0, end) or _FUTURE.search(text, s0, end) or _DELTA.search(text, s0, end))
    return scoped, tuple(int(y.translate(_FULL_DIGITS)) for y in _STATED_YEAR.findall(text, s0, end))


# ---- the whole text ----------------------------------------------------------------------------
# "12345政务服务便民热线", "拨打12315", "市长热线12345": a service line's name, not a count; it stays a
# word inside the lead of the next number.
_LINE_AFTER = re.compile(r"[ \u3000]*(?:热线|平台|便民|政务服务|服务热线|政务热线|市民热线|市长热线|服务平台)")
_LINE_BEFORE = ("拨打", "热线", "电话", "专线")
_LINE_HINT = re.compile(r"热线|平台|便民|政务服务|拨打|电话|专线|123[0-9]{2}")  # most texts name none


def _service_line(text: str, n: NumberMention) -> bool:
    if n.unit or n.chinese or n.decimals or not (100 <= n.value < 100000):
        return False
    return (12300 <= n.value < 12400  # the national service lines 12345, 12315, 12369 … with no measure word
            or _LINE_AFTER.match(text, n.end) is not None or text[max(0, n.start - 2):n.start] in _LINE_BEFORE)


_NO_FACTS = TextFacts((), (), (), (), (), (), None)


def _app_at(text: str, sentences: list[tuple[int, int]], i: int, on_request: bool, any_app: bool) -> bool:
    """Is sentence ``i`` about 政府信息公开申请: in 一（二）, or it or the sentence before says 申请 (not
    许可申请 …, see _app_context)? ``any_app``: the text says 申请 somewhere."""
    if on_request:
        return True
    if not any_app:
        return False
    s0, s1 = sentences[i]
    if _app_context(text[s0:s1]):
        return True
    if i:
        s0, s1 = sentences[i - 1]
        return _app_context(text[s0:s1])
    return False


def _t4_at(text: str, s0: int, s1: int) -> bool:
    """May the sentence's numbers be table 四's (复议, 诉讼 of 信息公开 decisions)? (Outside 一（二）.)"""
    return text.find("信息公开", s0, s1) >= 0 or text.find("依申请", s0, s1) >= 0


@lru_cache(maxsize=4096)
def analyse(text: str, address_kind: str) -> TextFacts:
    """Facts of one text. ``address_kind``: "on_request" for 一（二）依申请公开情况, "fees" for the
    信息处理费 item of part 六, "meta.title", "preamble", or "" for any other part."""
    facts = _analysis(text, address_kind, False)
    assert facts is not None  # (None only when asked to stop at a traditional character)
    return facts


def _years_wanted(text: str, numbers: Sequence[NumberMention], year: int | None) -> bool:
    """May ``_years`` find a year in the text that rule F5 reports in a report of ``year``? Not when
    the text has no word of a carry-over (转, 延: every carried year is reported, see ``_carry``)
    and every number of 年 is ``year`` (a period, a title or 统计期限 of the report's own year is
    passed over); never when the report has no year (F5 reads none). ``year`` 0: every year wanted."""
    if year == 0:
        return True
    if year is None:
        return False
    if "转" in text or "延" in text:
        return True
    for n in numbers:
        if n.unit == "年" and n.value != year:
            return True
    return False


def _analysis(text: str, address_kind: str, reading: bool, year: int | None = 0) -> TextFacts | None:
    """``analyse``; with ``reading``, None for a text that may have to be read in simplified
    characters first (it holds a traditional character, see ``read_numbers``). ``year``: the
    report's year (or None) when only the years rule F5 may report there are wanted (see
    ``_years_wanted``); 0 (the analysis of a text): all of them."""
    found = read_numbers(text, reading)
    if found is None:
        return None
    # Every word _phrases must see before it can find anything is a _FACT_WORD: a text with none (most
    # texts with numbers too) is not looked at for phrases. (_fee asks for 信息处理费 of itself.)
    fact_word = _FACT_WORD.search(text) is not None
    if not found and address_kind != "fees" and not fact_word:
        return _NO_FACTS  # (no number, and no word that a phrase or a fee needs)
    if not fact_word and address_kind != "fees":
        for n in found:
            if n.unit not in _DATE_UNITS:
                break
        else:  # dates only, and no word a phrase or a fee needs: no count, share or phrase, only years
            if "年" not in text or not _years_wanted(text, found, year):
                return _NO_FACTS  # (月 and 日 only: no year; or none F5 reports in this report)
            years = _years(text, found, _date_sentences(text, found), address_kind)
            return _new_TextFacts((), (), (), (), (), tuple(years), None, ()) if years else _NO_FACTS
    numbers = tuple(found)
    if numbers and ("热" in text or "台" in text or "便" in text or "服" in text or "拨" in text or "话" in text
                    or "专" in text or "123" in text) and _LINE_HINT.search(text):  # (a character of each word first)
        numbers = tuple(n for n in numbers if not _service_line(text, n))
    # For validate (a year given): a text whose numbers, dates aside, have no measure word (a telephone
    # number, "0535-6693206"), with no fact word, no list opener (其中, 包括/包含), not the 信息处理费 item,
    # has no mention any rule reads. Such a number claims no table quantity (every claim needs a count or
    # money unit, see _claim), is no share, no stated count (_stated: count units), no count of 一（二）
    # (E10: units of applications), no case of fees; with no list opener its sentence holds no list (E7),
    # and with no fact word the text has no phrase (F6's petition parts read the mention before a 其中).
    if year != 0 and not fact_word and address_kind != "fees" and "其中" not in text and "包" not in text:
        for n in numbers:
            if n.unit and n.unit not in _DATE_UNITS:
                break
        else:  # dates and numbers without a measure word only: the years alone are read
            years = (_years(text, numbers, _date_sentences(text, numbers), address_kind)
                     if "年" in text and _years_wanted(text, numbers, year) else [])
            return _new_TextFacts((), (), (), (), (), tuple(years), None, ()) if years else _NO_FACTS
    sentences = _sentences(text) or [(0, len(text))]
    on_request = address_kind == "on_request"
    mentions: list[Mention] = []
    percents: list[Percent] = []
    lists: list[CountList] = []
    breakdowns: list[tuple[NumberMention, ...]] = []
    # What no sentence can say when the whole text does not say it: most texts never mention 申请.
    any_app = "请" in text and "申请" in text  # (a character's test first: see _phrases)
    any_t4 = on_request or ("息" in text and "信息公开" in text) or ("依" in text and "依申请" in text)
    # The numbers, sentence by sentence (both in the order of the text); whether a sentence is about
    # applications (or table 四) is asked only of the sentences that hold numbers (see _app_at).
    k = 0
    n_numbers = len(numbers)
    i = 0
    n_sentences = len(sentences)
    while k < n_numbers:
        start = numbers[k].start
        while i < n_sentences and sentences[i][1] <= start:
            i += 1
        if i == n_sentences:
            break  # (no sentence holds it)
        s0, s1 = sentences[i]
        if start < s0:
            k += 1
            continue  # (between sentences: on a mark, which no number starts with)
        j = k + 1
        while j < n_numbers and numbers[j].start < s1:
            j += 1
        nums = numbers[k:j]
        k = j
        for num in nums:
            if num.unit not in _DATE_UNITS:
                break
        else:
            continue  # dates only ("自2023年1月1日起"): _sentence would pass over each of them
        _sentence(text, s0, s1, list(nums), _app_at(text, sentences, i, on_request, any_app),
                  on_request or (any_t4 and _t4_at(text, s0, s1)), mentions, percents, lists, breakdowns)
    phrases = (_phrases(address_kind, text, sentences, (on_request, any_app, any_t4), mentions, lists)
               if fact_word else [])
    years = (_years(text, numbers, sentences, address_kind)
             if numbers and "年" in text and _years_wanted(text, numbers, year) else [])  # (years need 年)
    fee = (_fee(text, mentions, numbers, address_kind == "fees")
           if address_kind == "fees" or ("费" in text and "信息处理费" in text) else None)  # (_fee's own first test)
    stated = (_stated(text, mentions)
              if mentions and (_channel(text) or (("解" in text or "会" in text) and _NAMED_HINT.search(text)))
              else [])
    if not (mentions or percents or breakdowns or phrases or years or fee):  # (lists index mentions)
        return _NO_FACTS
    return _new_TextFacts(
        mentions=tuple(mentions),
        percents=tuple(percents),
        lists=tuple(lists),
        breakdowns=tuple(breakdowns),
        phrases=tuple(phrases),
        years=tuple(years),
        fee=fee,
        stated=tuple(stated),
    )
