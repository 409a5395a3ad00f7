"""Finding and reading numbers in Chinese text, with their character spans.

Handles Arabic digits (also full-width), thousands separators, decimals, 万/亿 multipliers,
Chinese numerals (一百二十三, 两千, 二〇二三), percentages (95%, 95％, 百分之九十五点五), and the
measure word that follows (件, 条, 次, 万元 …). Spans always refer to the original text, so a
finding can point at the exact characters.

Chinese numerals are only taken as numbers where Chinese text uses them as numbers: before a
measure word, after 百分之, or as a year. "一是", "进一步", "统一", "第一" stay words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from operator import attrgetter

_FULLWIDTH = str.maketrans("０１２３４５６７８９．，％－＋", "0123456789.,%-+")

CN_DIGITS = {"零": 0, "〇": 0, "○": 0, "Ｏ": 0, "一": 1, "壹": 1, "二": 2, "贰": 2, "两": 2, "三": 3, "叁": 3,
             "四": 4, "肆": 4, "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7, "八": 8, "捌": 8,
             "九": 9, "玖": 9, "俩": 2, "仨": 3}  # (俩/仨: "自然人俩件", "仨件", as people say and type them)
CN_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
CN_BIG = {"万": 10_000, "萬": 10_000, "亿": 100_000_000}
CN_TENS = {"廿": "二十", "卅": "三十"}  # 廿三 = 23, 卅 = 30 (written so in dates and by older staff)
# a unit a spoken number may end on, its last digit then counting in the unit below ("一千二", "两万五")
_SHORT_FORM_UNITS = {c: v for c, v in [*CN_UNITS.items(), *CN_BIG.items()] if v >= 100}
_CN_CHARS = "".join(CN_DIGITS) + "".join(CN_UNITS) + "".join(CN_BIG) + "".join(CN_TENS)

# Measure words, longest first. 年/月/日 mark dates so rules can skip them.
UNITS: tuple[str, ...] = (
    "个工作日", "个百分点", "万人次", "人次", "万元", "亿元", "千元", "块钱", "元", "件次", "件", "条", "次", "个", "项",
    "篇", "人", "家", "份", "起", "宗", "批", "名", "场", "期", "户", "部", "本", "种", "类", "天", "小时",
    "年", "月", "日", "号", "期", "页", "版", "场次", "余件",
    "建",  # a slip of the pinyin keyboard for 件 ("予以公开两建"), read as 件
)
# words that open with a measure word's character: after a space they begin the next phrase of voice
# input ("企业2 部分公开的3件", "复议1 起诉2"), not the number's unit
NOT_A_UNIT = ("部分", "部门", "个人", "个体", "起诉", "人大", "人民", "人社", "人员", "名单", "本机关", "本单位",
              "本年", "期间", "项目", "家庭", "种类", "类别", "户籍", "批准", "批复", "份额", "版本", "页面", "件数")
_NOT_A_UNIT_FIRST = frozenset(w[0] for w in NOT_A_UNIT)  # a cheap test before startswith(NOT_A_UNIT)
_TOGETHER = frozenset("算报来统计加写填交办看说隐藏删改弄放发做给把都也问查核对整汇去告讲谈商研跟和")
_UNIT_RE = re.compile("|".join(re.escape(u) for u in sorted(set(UNITS), key=len, reverse=True)))

_ARABIC = re.compile(
    r"(?<![0-9０-９.．])"
    r"(?P<num>[0-9０-９]{1,3}(?:[,，][0-9０-９]{3})+(?![0-9０-９])|[0-9０-９]+)"
    r"(?P<frac>[.．][0-9０-９]+)?"
)
_CN_RUN = re.compile(f"[{_CN_CHARS}]+(?:点[{''.join(CN_DIGITS)}]+)?")
_PERCENT_WORD = "百分之"


@dataclass(frozen=True, slots=True, init=False)
class NumberMention:
    """A number in a text. ``value`` already includes a 万/亿 multiplier (but not for 万元)."""

    value: Decimal
    start: int  # span of the number itself (with 百分之, 万, %), not the unit
    end: int
    unit: str = ""  # "%", "件", "万元", "年" …; "" when none follows
    unit_end: int = 0  # end of the unit, for spans that include it
    approx: bool = False  # 余/多/约/近/超过 around it
    chinese: bool = False  # written with Chinese numerals
    decimals: int = 0  # digits after the decimal point, as written (precision of percentages)

    def __init__(self, value: Decimal, start: int, end: int, unit: str = "", unit_end: int = 0,
                 approx: bool = False, chinese: bool = False, decimals: int = 0) -> None:
        # Set through the slots: a frozen dataclass's own __init__ calls object.__setattr__ per
        # field, about twice the cost, and every number of every text is built here.
        _S_VALUE(self, value)
        _S_START(self, start)
        _S_END(self, end)
        _S_UNIT(self, unit)
        _S_UNIT_END(self, unit_end)
        _S_APPROX(self, approx)
        _S_CHINESE(self, chinese)
        _S_DECIMALS(self, decimals)

    @property
    def percent(self) -> bool:
        return self.unit == "%"

    @property
    def is_date(self) -> bool:
        return self.unit in {"年", "月", "日", "号"}

    @property
    def is_int(self) -> bool:
        return self.value == self.value.to_integral_value()


(_S_VALUE, _S_START, _S_END, _S_UNIT, _S_UNIT_END, _S_APPROX, _S_CHINESE, _S_DECIMALS) = (
    NumberMention.__dict__[f].__set__ for f in NumberMention.__slots__)


class _Building:
    """A NumberMention's slots, writable: find_numbers fills one and makes it a NumberMention (the same
    layout, so the class can be switched), at half the cost of NumberMention's ``__init__``."""

    __slots__ = NumberMention.__slots__
    value: Decimal
    start: int
    end: int
    unit: str
    unit_end: int
    approx: bool
    chinese: bool
    decimals: int


def _number(value: Decimal, start: int, end: int, unit: str, unit_end: int, approx: bool, chinese: bool,
            decimals: int) -> NumberMention:
    """``NumberMention(value, start, end, unit, unit_end, approx, chinese, decimals)``, built faster."""
    n = _Building()
    n.value = value
    n.start = start
    n.end = end
    n.unit = unit
    n.unit_end = unit_end
    n.approx = approx
    n.chinese = chinese
    n.decimals = decimals
    n.__class__ = NumberMention  # type: ignore[assignment]  # the same slots: CPython allows the switch
    return n  # type: ignore[return-value]


# Cheap test for "may contain a number": digits, 百分之, or a Chinese numeral before a measure word.
# Derived from UNITS so that it never rejects a text in which find_numbers would find something.
# One character class first, then what must follow it: the engine skips from one such character to
# the next (an alternation of the three cases made it try every position, twice the cost per text).
MAYBE_NUMBER = re.compile(
    f"[0-9０-９{_CN_CHARS}](?:(?<=[0-9０-９])|(?<={_PERCENT_WORD[0]})(?={_PERCENT_WORD[1:]})"
    f"|(?<=[{_CN_CHARS}])(?=[ \u3000\t]*[余多来]?[ \u3000\t]*[{''.join(sorted({u[0] for u in UNITS}))}]))"
)


def to_halfwidth(s: str) -> str:
    """Full-width digits and number punctuation to ASCII; everything else unchanged."""
    return s.translate(_FULLWIDTH)


def cn_to_number(s: str) -> Decimal | None:
    """Value of a Chinese numeral: 一百二十三, 两千, 十五, 三万五千, 二〇二三, 九十五点五."""
    if not s or (len(s) > 1 and ("俩" in s or "仨" in s)):
        return None  # (俩 and 仨 stand alone: "咱俩一起" holds no number)
    for tens, written in CN_TENS.items():
        s = s.replace(tens, written)
    frac = ""
    scale = 1
    if "点" in s:
        s, _, f = s.partition("点")
        if f and f[-1] in CN_BIG and s:
            scale, f = CN_BIG[f[-1]], f[:-1]  # "一百二十三点五万": 123.5 ten-thousands
            if any(c in CN_BIG for c in s):
                return None
        if not f or any(c not in CN_DIGITS for c in f):
            return None
        frac = "".join(str(CN_DIGITS[c]) for c in f)
        if not s:
            s = "零"
    if any(c not in CN_DIGITS and c not in CN_UNITS and c not in CN_BIG for c in s):
        return None
    if all(c in CN_DIGITS for c in s):
        # digit by digit: 二〇二三 → 2023, 五 → 5
        whole = int("".join(str(CN_DIGITS[c]) for c in s))
    else:
        total = section = number = 0
        for i, c in enumerate(s):
            if c in CN_DIGITS:
                number = CN_DIGITS[c]
            elif c in CN_UNITS:
                if number == 0 and (c in "十拾" or i == 0):
                    number = 1  # 十五 = 15; 百分之百 = 100
                section += number * CN_UNITS[c]
                number = 0
            else:
                section = (section + number) * CN_BIG[c]
                total += section
                section = number = 0
        if number and len(s) > 2 and s[-2] in _SHORT_FORM_UNITS and s[-3] not in "零〇○Ｏ":
            # spoken short form: 一千二 = 1200, 三百五 = 350, 两万五 = 25000 (never 1002, 305, 20005)
            number *= _SHORT_FORM_UNITS[s[-2]] // 10
        whole = total + section + number
    value = Decimal(f"{whole}.{frac}") if frac else Decimal(whole)
    if scale == 1:
        return value
    value *= scale
    return Decimal(int(value)) if value == value.to_integral_value() else value.normalize()


def _decimals_of(run: str) -> int:
    """Digits after 点 in a Chinese numeral, less those a 万/亿 after them moves left of the point."""
    f = run.partition("点")[2]
    if f and f[-1] in CN_BIG:
        return max(0, len(f) - 1 - len(str(CN_BIG[f[-1]])) + 1)
    return len(f)


def parse_number(s: str) -> Decimal | None:
    """A cell or a short string as a number: "1,234", "１２３", "1.5万", "一百", "12%". None if not a number."""
    t = to_halfwidth(s.strip()).replace(" ", "").replace("\u3000", "")
    if not t:
        return None
    mult = Decimal(1)
    if t.endswith("%"):
        t = t[:-1]
    if t.endswith("万") and len(t) > 1 and t[-2].isdigit():
        t, mult = t[:-1], Decimal(10_000)
    elif t.endswith("亿") and len(t) > 1 and t[-2].isdigit():
        t, mult = t[:-1], Decimal(100_000_000)
    if re.fullmatch(r"[+-]?\d{1,3}(,\d{3})+(\.\d+)?|[+-]?\d+(\.\d+)?", t):
        try:
            return Decimal(t.replace(",", "")) * mult
        except InvalidOperation:
            return None
    return cn_to_number(t)


def parse_int_cell(s: str) -> int | None:
    """A table cell as a non-negative or negative integer, or None when it is not an integer."""
    v = parse_number(s)
    if v is None or v != v.to_integral_value():
        return None
    return int(v)


def _digits(s: str) -> str:
    return to_halfwidth(s).replace(",", "")


_APPROX_BEFORE = ("约", "近", "超过", "逾", "大约", "将近", "超", "大概", "差不多")
_APPROX_LAST = frozenset(w[-1] for w in _APPROX_BEFORE)  # cheap pre-test for _approx_before
_APPROX_AFTER = ("余", "多", "来", "几")  # "两百来条", "四十几条"
_PERCENT_RE = re.compile(_PERCENT_WORD)
_UNIT_ALT = "|".join(re.escape(u) for u in sorted(set(UNITS), key=len, reverse=True))
# Patterns below start with a single character class (not a repeat, not an assertion): the regex
# engine then jumps from one candidate character to the next instead of trying every position.
# A Chinese-numeral run counts only before a measure word (optionally 余/多 first): matching that in
# the regex keeps the many 一/十/万 inside ordinary words (一是、进一步、万物) out of the Python loop.
_CN_NUMBER = re.compile(
    f"(?P<run>[{_CN_CHARS}][{_CN_CHARS}]*(?:点[{''.join(CN_DIGITS)}]+[万萬亿]?)?)(?=[ \u3000\t]*(?:[余多来几]|好几)?(?:{_UNIT_ALT}))"
)
# A structured Chinese numeral said without a measure word at the end of a clause ("个人一百二十八，"):
# 十/百/千 inside makes it a number, not a word (一些, 统一, 之一 have none).
# (Written as the same language with one character class first, so that the engine jumps between
# candidate characters: "[digits]*[十百千]…" starts with a repeat and is tried at every position.)
_CN_BARE = re.compile(
    f"(?P<run>[{''.join(CN_DIGITS)}十百千](?:(?<=[十百千])|(?<=[{''.join(CN_DIGITS)}])[{''.join(CN_DIGITS)}]*[十百千])"
    f"[{_CN_CHARS}]*(?:点[{''.join(CN_DIGITS)}]+[万萬亿]?)?)"  # ("收费两百三十六点四万。")
    f"(?=(?:[余多来几][万萬亿]?|出头|左右|上下)?(?:[，,。；;、）)\\s]|$))"  # ("大概三百来万，具体数等我问下财务", "两千出头")
)
# An Arabic number (not right after a digit or a point: the lookbehind stands after the first digit)
# with what may follow it: a 万/亿 multiplier (万元/亿元 are units of money, not multipliers), then
# either a percent sign or 余/多 and a measure word. All of the tail is optional.
_D = "[0-9０-９]"
_ARABIC_TAIL = re.compile(
    rf"(?P<num>{_D}(?<![0-9０-９.．].)(?:{_D}{{0,2}}(?:[,，]{_D}{{3}})+(?!{_D})|{_D}*))"
    rf"(?P<frac>[.．]{_D}+)?"
    r"(?:[ \u3000]*(?P<big>[万亿千])(?!元))?"  # ("1.1千多条": thousands; "5千元" is a unit, not a multiplier)
    rf"(?:[ \u3000]*(?P<pct>[%％])|[ \u3000\t]*(?P<approx>[余多来几])?(?P<unit>{_UNIT_ALT})?)"
)
_HAS_NUMBER = re.compile(f"[0-9０-９{_CN_CHARS}]")
_SPACES = " \u3000\t"
_START = attrgetter("start")


_FORMAL_DIGITS = frozenset("壹贰叁肆伍陆柒捌玖")
# "十七八篇", "四五场", "两三件": two neighbouring digits said together are a range, a guess (not 45)
RANGE_PAIRS = frozenset({"一二", "二三", "两三", "三四", "四五", "五六", "六七", "七八", "八九"})
_RANGE_BEFORE_TENS = re.compile("(?:" + "|".join(RANGE_PAIRS) + ")(?=[十百千万])")
# cn_to_number of each single character that can be a run of _CN_NUMBER (all but 万, 萬, 亿 alone)
_CN_ONE: dict[str, Decimal | None] = {c: cn_to_number(c) for c in _CN_CHARS}


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def _person_column_next(text: str, unit: str, unit_end: int) -> bool:
    """"企业4个人2": 个 begins 个人 (who applied) with its own count after it, not the measure word of 4."""
    return unit == "个" and text[unit_end:unit_end + 1] == "人" and bool(re.match(r"[ \u3000]*[0-9０-９]", text[unit_end + 1:unit_end + 3]))


def _unit_after(text: str, pos: int) -> tuple[str, int, bool]:
    p, n = pos, len(text)
    while p < n and text[p] in _SPACES:
        p += 1
    approx = False
    if p < n and text[p] in _APPROX_AFTER:
        approx = True
        p += 1
    elif text.startswith("好几", p):  # "十好几件": more than ten
        approx = True
        p += 2
    m = _UNIT_RE.match(text, p)
    if m and (_person_column_next(text, m.group(0), m.end()) or (p > pos and text.startswith(NOT_A_UNIT, p)) or (m.group(0) == "起" and (
            text[p + 1:p + 2] in _TOGETHER or (text[pos - 1:pos] == "一" and text[pos - 2:pos - 1] in "加在合放算并到混")))):
        m = None  # (and "一起算", "一起报", "加在一起": together, not one case)
    if m:
        u = m.group(0)
        return ("件" if u in ("余件", "建") else u), m.end(), approx or u == "余件"
    return "", pos, approx


def _approx_before(text: str, start: int) -> bool:
    return text[max(0, start - 2):start].strip().endswith(_APPROX_BEFORE)


def find_numbers(text: str) -> list[NumberMention]:
    """Every number in ``text`` with its span and the measure word after it, left to right."""
    if not _HAS_NUMBER.search(text):
        return []
    return numbers_in(text)


def numbers_in(text: str) -> list[NumberMention]:
    """``find_numbers(text)`` of a text known to hold a digit or a Chinese numeral (one that
    ``MAYBE_NUMBER`` finds something in): the test for one is not made again."""
    out: list[NumberMention] = []
    percent_spans: list[tuple[int, int]] = []

    # Percentages written out: 百分之九十五点五 / 百分之95.5
    if _PERCENT_WORD in text:
        for m in _PERCENT_RE.finditer(text):
            rest_start = m.end()
            am = _ARABIC.match(text, rest_start)
            if am:
                raw = _digits(am.group(0))
                value = Decimal(raw)
                end = am.end()
                decimals = len(raw.partition(".")[2])
                chinese = False
            else:
                cm = _CN_RUN.match(text, rest_start)
                if not cm:
                    continue
                v = cn_to_number(cm.group(0))
                if v is None:
                    continue
                value, end, chinese = v, cm.end(), True
                decimals = len(cm.group(0).partition("点")[2])
            out.append(_number(value, m.start(), end, "%", end, _approx_before(text, m.start()), chinese,
                                     decimals))
            percent_spans.append((m.start(), end))

    for m in _ARABIC_TAIL.finditer(text):
        start = m.start()
        if percent_spans and any(s <= start < e for s, e in percent_spans):
            continue  # the digits of 百分之95
        num, frac, big, pct, approx, unit = m.groups()
        end = start + len(num)  # (the groups by position and length: a name's lookup costs more)
        if not num.isascii():
            num = num.translate(_FULLWIDTH)
        if "," in num:
            num = num.replace(",", "")
        if frac:
            value = Decimal(num + frac.translate(_FULLWIDTH))
            decimals = len(frac) - 1
            end += len(frac)
        else:
            value = Decimal(num)
            decimals = 0
        if big:
            if big != "千":
                value *= CN_BIG[big]
            elif (value := value * 1000) == value.to_integral_value():
                value = Decimal(int(value))  # ("1.1千": 1100, not 1100.0)
            end = m.end(3)
        if pct:
            end = unit_end = m.end(4)
            unit = "%"
            approx = False
        elif unit:
            unit_end = m.end()  # the unit ends the match
            if ((unit[0] in _NOT_A_UNIT_FIRST and unit_end - len(unit) > end and text.startswith(NOT_A_UNIT, unit_end - len(unit)))
                    or (unit == "起" and text[unit_end:unit_end + 1] in _TOGETHER)
                    or (unit == "个" and _person_column_next(text, unit, unit_end))):
                unit, unit_end, approx = "", end, approx is not None
            else:
                approx = approx is not None or unit == "余件"
                if unit == "余件" or unit == "建":
                    unit = "件"
        else:
            unit, unit_end, approx = "", end, approx is not None
        # 约/近/超过 … before it: the exact test only where one of the two characters before could end
        # such a word (at start 1, text[-1] merely costs an exact test)
        if not approx and start and (text[start - 1] in _APPROX_LAST or text[start - 2] in _APPROX_LAST):
            approx = _approx_before(text, start)
        n = _Building()  # (_number, inline: once per number of every text)
        n.value = value
        n.start = start
        n.end = end
        n.unit = unit
        n.unit_end = unit_end
        n.approx = approx
        n.chinese = False
        n.decimals = decimals
        n.__class__ = NumberMention  # type: ignore[assignment]  # the same slots (see _number)
        out.append(n)  # type: ignore[arg-type]

    has_cn = False
    for m in _CN_NUMBER.finditer(text):
        s, e = m.span()
        if any(x.start < e and s < max(x.end, x.unit_end) for x in out):
            continue  # inside a number already found (5万件, 百分之五十件), or its unit ("5千元")
        run = m.group(1)
        # A run that is all big units (万, 亿) is not a number; 第一 is an ordinal; 一件件, 一个个 is
        # "one by one"; "队伍建设" is a word, not 伍 with 件 mistyped. (The tests are pure: the cheap
        # ones first, before the numeral and the unit are read.)
        if len(run) == 1:
            if (run in CN_BIG or (s > 0 and text[s - 1] == "第")
                    or (run == "一" and text[e:e + 2] in ("件件", "条条", "项项", "篇篇", "个个") and text[e + 2:e + 3] != "人")
                    or (run in _FORMAL_DIGITS and s > 0 and _is_cjk(text[s - 1]) and text[e:e + 1] == "建")):
                continue
            read = _CN_ONE[run]  # cn_to_number of one character
        elif all(c in CN_BIG for c in run) or (s > 0 and text[s - 1] == "第"):
            continue
        else:
            read = cn_to_number(run)
        if read is None:
            continue
        value = read
        unit, unit_end, approx = _unit_after(text, e)
        if text.startswith("万元", e - 1) and run.endswith("万"):
            # 五十万元: money in 元 written with 万 — keep as 万元
            value = cn_to_number(run[:-1]) or read
            unit, unit_end = "万元", e + 1
            e -= 1
        if not unit:
            continue
        out.append(_number(value, s, e, unit, unit_end,
                           approx or (s > 0 and (text[s - 1] in _APPROX_LAST or text[s - 2] in _APPROX_LAST)
                                      and _approx_before(text, s)) or (len(run) >= 2 and run[-2:] in RANGE_PAIRS)
                           # ("一百四五十件", "二三十条": two neighbours before a 十/百/千 are a range)
                           or bool(_RANGE_BEFORE_TENS.search(run)),
                           True, _decimals_of(run) if "点" in run else 0))
        has_cn = True
    # (every match holds 十, 百 or 千)
    for m in _CN_BARE.finditer(text) if "十" in text or "百" in text or "千" in text else ():
        s, e = m.start(), m.end()
        if any(x.start < e and s < max(x.end, x.unit_end) for x in out) or (s > 0 and text[s - 1] in "第之十百千万"):
            continue
        if (bare := bare_number(text, m)) is not None:
            out.append(bare)
            has_cn = True

    if has_cn or percent_spans:
        out.sort(key=_START)  # Arabic numbers alone are found in order
    return join_mixed(text, out) if "万" in text or "千" in text or "百" in text else out  # (join_mixed joins only after these)


def bare_number(text: str, m: re.Match[str]) -> NumberMention | None:
    """The number of a ``_CN_BARE`` match (10 or more), or None: "三百多万" is more than 3,000,000, "两千出头"
    a rough 2,000 (shared with the validator's one-scan reader)."""
    read = cn_to_number(m.group("run"))
    if read is None or read < 10:
        return None
    s, e = m.start(), m.end()
    rough = text[e:e + 1] in _APPROX_AFTER or text[e:e + 2] in ("出头", "左右", "上下")
    if rough and text[e + 1:e + 2] in CN_BIG:
        read, e = read * CN_BIG[text[e + 1]], e + 2
    return _number(read, s, e, "", e, rough or _approx_before(text, s), True, 0)


_MIXED_TAIL = re.compile(r"([0-9０-９])\s*([千百])")


def join_mixed(text: str, found: list[NumberMention]) -> list[NumberMention]:
    """"8万6千元": a number in 万 followed by its thousands (or hundreds) is one number."""
    out: list[NumberMention] = []
    i = 0
    while i < len(found):
        n = found[i]
        m = _MIXED_TAIL.match(text, n.end) if text[n.end - 1:n.end] == "万" and not n.unit else None
        if m:
            tail = (Decimal(int(m.group(1).translate(_FULLWIDTH))) * (1000 if m.group(2) == "千" else 100))
            unit, unit_end, approx = _unit_after(text, m.end())
            out.append(_number(n.value + tail, n.start, m.end(), unit, unit_end or m.end(), n.approx or approx,
                                     n.chinese, 0))
            i += 1
            while i < len(found) and found[i].start < m.end():
                i += 1  # the pieces of the tail
            continue
        nxt = found[i + 1] if i + 1 < len(found) else None
        if (nxt is not None and not n.unit and not n.chinese and not nxt.chinese and nxt.start in (n.end, n.end + 1) and (
                big := text[nxt.start - 1]) in "千百" and (n.end == nxt.start or text[n.end] == big) and len(
                digits := text[nxt.start:nxt.end].strip()) == (3 if big == "千" else 2) and digits.isdecimal()):
            # "3千456条", "行政处发1百23件" (voice input's digits around a 千 or 百): one number
            whole = (n.value if n.end == nxt.start else n.value * 100) + nxt.value
            out.append(_number(whole, n.start, nxt.end, nxt.unit, nxt.unit_end, n.approx or nxt.approx, False, 0))
            i += 2
            continue
        out.append(n)
        i += 1
    return out


def years_in(text: str) -> list[NumberMention]:
    """Four-digit years written as 2023年 / 二〇二三年 / 2023 年."""
    return [n for n in find_numbers(text)
            if n.unit == "年" and n.is_int and 1990 <= n.value <= 2100]
