"""The numbers of a narrative text for the validator: ``assistant.numbers.numbers_in`` in one scan.

``numbers_in`` scans a text for Arabic numbers and again for Chinese numerals before a measure
word; the validator scanned it a third time for traditional characters (``_reading``) and a fourth
for whether it may hold a number at all. A scan of the regex engine costs about as much per
character whatever it looks for, so here one pattern finds all of them: a character that can
start any of them, then what follows for its kind (``_SCAN``). The patterns' parts are
``assistant.numbers``'s own; ``tests/test_validation_fast_paths.py`` checks that the numbers are
``numbers_in``'s, and that the parts are still those of ``assistant.numbers``.
"""

from __future__ import annotations

import re
from decimal import Decimal

from assistant import _script
from assistant import numbers as _N
from assistant.numbers import NumberMention

__all__ = ["read_numbers"]

_D = "[0-9０-９]"
_CN = _N._CN_CHARS
_TRADITIONAL = "".join(sorted(_script._TRADITIONAL))
_UNIT_FIRST = "".join(sorted({u[0] for u in _N.UNITS}))
_APPROX_LAST_CLASS = "[" + "".join(sorted(_N._APPROX_LAST)) + "]"
# The parts of numbers_in's patterns (tests/test_validation_fast_paths.py builds them again from these).
_NUM_REST = f"{_D}{{0,2}}(?:[,，]{_D}{{3}})+(?!{_D})|{_D}*"  # the digits after the first one
_ARABIC_AFTER = (rf"(?P<frac>[.．]{_D}+)?"
                 r"(?:[ \u3000]*(?P<big>[万亿千])(?!元))?"
                 rf"(?:[ \u3000]*(?P<pct>[%％])|[ \u3000\t]*(?P<approx>[余多来几])?(?P<unit>{_N._UNIT_ALT})?)")
_RUN_REST = f"[{_CN}]*(?:点[{''.join(_N.CN_DIGITS)}]+[万萬亿]?)?"  # the numerals after the first one
_UNIT_AHEAD = f"(?=[ \u3000\t]*(?:[余多来几]|好几)?(?:{_N._UNIT_ALT}))"


def _without_repeats(pattern: str, optional: tuple[str, ...]) -> str:
    """``pattern`` with each optional part ``X?`` written ``(?:X|)``: the same matches, tried in the same
    order (X first, then nothing). The regex engine runs an optional group (or an optional part of
    more than one character) as a repeat: it allocates a repeat context and matches all that follows
    from inside it, copying the groups' marks at every choice; an alternation with an empty branch
    is a plain choice. (About a sixth of the regex work of a number.)"""
    for part in optional:
        assert pattern.count(part + "?") == 1, part
        pattern = pattern.replace(part + "?", f"(?:{part}|)")
    return pattern


# The same parts as the scan uses them (tests/test_validation_speed_scans.py compares the scans).
# A number with digit groups (1,234) needs a comma within its first three digits: looked ahead for
# first, so that the engine does not enter the repeat of the groups at every number.
_NUM_REST_SCAN = f"(?={_D}{{0,2}}[,，]){_NUM_REST}"
_ARABIC_AFTER_SCAN = _without_repeats(_ARABIC_AFTER, (rf"(?P<frac>[.．]{_D}+)", r"(?:[ \u3000]*(?P<big>[万亿千])(?!元))",
                                                      "(?P<approx>[余多来几])", f"(?P<unit>{_N._UNIT_ALT})"))
_RUN_REST_SCAN = _without_repeats(_RUN_REST, (f"(?:点[{''.join(_N.CN_DIGITS)}]+[万萬亿]?)",))
# After the first digit: numbers_in's _ARABIC_TAIL (its lookbehind stands after the first digit too).
# near: an approximating word may end one or two characters before the first digit (约5件, 超过 5件),
# the two characters numbers_in tests before it asks _approx_before.
_ARABIC_REST = (rf"(?:(?P<near>(?<={_APPROX_LAST_CLASS}.)|(?<={_APPROX_LAST_CLASS}[\s\S].))|)"
                rf"(?<![0-9０-９.．].)(?P<num>{_NUM_REST_SCAN}){_ARABIC_AFTER_SCAN}")
# After the first numeral: numbers_in's _CN_NUMBER, its measure word first tested by its first
# character (which most numerals inside words fail: 一是, 进一步).
_CN_REST = f"(?P<run>{_RUN_REST_SCAN})(?=[ \u3000\t]*(?:[余多来几]|好几)?[{_UNIT_FIRST}]){_UNIT_AHEAD}"
# One character class first (the engine then jumps from one such character to the next), and what
# follows for its kind; a traditional character is reported (see read_numbers).
_SCAN = re.compile(f"[0-9０-９{_CN}{_TRADITIONAL}]"
                   f"(?:(?<=[0-9０-９]){_ARABIC_REST}|(?<=[{_CN}]){_CN_REST}|(?<=[{_TRADITIONAL}])(?P<trad>))")
_FULLWIDTH = _N._FULLWIDTH
# measure words read by _arabic, not by the short way: those numbers_in changes or drops after a
# number ("余件", "建", "起" of 一起算) and those ending with a numeral (see _hidden_after)
_UNUSUAL_UNITS = frozenset({"余件", "建", "起"} | {u for u in _N.UNITS if u[-1] in _N._CN_CHARS})
_NOT_A_UNIT = _N.NOT_A_UNIT
_NOT_A_UNIT_FIRST = _N._NOT_A_UNIT_FIRST
_TOGETHER = _N._TOGETHER
_APPROX_LAST = _N._APPROX_LAST
_CN_BIG = _N.CN_BIG
_CN_ONE = _N._CN_ONE
_FORMAL_DIGITS = _N._FORMAL_DIGITS
_CN_CHARS = frozenset(_CN)
_CN_NUMBER = _N._CN_NUMBER
_CN_BARE = _N._CN_BARE
_Building = _N._Building
_START = _N._START
_person_column_next = _N._person_column_next
_approx_before = _N._approx_before
_unit_after = _N._unit_after
_cn_to_number = _N.cn_to_number
_decimals_of = _N._decimals_of
_number = _N._number


def _hidden_after(text: str, start: int, end: int) -> int:
    """Where ``numbers_in``'s scan for Chinese numerals goes on after an Arabic number ending with a
    numeral (``text[start:end]``, unit included): the end of a run it reads from inside the number
    when that run goes past it (0 when none does). "6亿四类": it reads 亿四, drops it (inside 6亿)
    and goes on after it: the 四 is no number of its own."""
    p = end - 1
    while p > start and text[p - 1] in _CN_CHARS:
        p -= 1
    while p < end:  # (finditer from the first numeral of the run, as the scan meets it)
        m = _CN_NUMBER.match(text, p)
        if m is None:
            p += 1
        elif m.end() > end:
            return m.end()
        else:
            p = m.end()
    return 0


def _arabic(text: str, m: re.Match, start: int, num: str) -> tuple[NumberMention, int]:
    """The number of an Arabic match of ``_SCAN`` as ``numbers_in`` reads it, and where its scan for
    Chinese numerals goes on when that is past the match (see ``_hidden_after``; else 0)."""
    _, _, frac, big, pct, approx, unit, _, _ = m.groups()
    end = start + len(num)
    hidden = _hidden_after(text, start, m.end()) if text[m.end() - 1] in _CN_CHARS else 0
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
            value *= _CN_BIG[big]
        elif (value := value * 1000) == value.to_integral_value():
            value = Decimal(int(value))
        end = m.end(4)
    if pct:
        end = unit_end = m.end(5)
        unit = "%"
        approx = False
    elif unit:
        unit_end = m.end()
        if ((unit[0] in _NOT_A_UNIT_FIRST and unit_end - len(unit) > end
             and text.startswith(_NOT_A_UNIT, unit_end - len(unit)))
                or (unit == "起" and text[unit_end:unit_end + 1] in _TOGETHER)
                or (unit == "个" and _person_column_next(text, unit, unit_end))):
            unit, unit_end, approx = "", end, approx is not None
        else:
            approx = approx is not None or unit == "余件"
            if unit == "余件" or unit == "建":
                unit = "件"
    else:
        unit, unit_end, approx = "", end, approx is not None
    if not approx and start and (text[start - 1] in _APPROX_LAST or text[start - 2] in _APPROX_LAST):
        approx = _approx_before(text, start)
    return _number(value, start, end, unit, unit_end, approx, False, decimals), hidden


def read_numbers(text: str, reading: bool = False) -> list[NumberMention] | None:
    """``numbers_in(text) if MAYBE_NUMBER.search(text) else []``, the numbers the validator reads in a
    text. (Without a digit, and without a numeral before a measure word, a bare numeral such as
    "十二" is not read.) ``reading``: None as soon as a traditional character is met (the text is
    then read as ``_reading`` reads it), and for a text with 百分之 (read by ``numbers_in`` itself)."""
    if "百分之" in text:
        return None if reading else _N.numbers_in(text)  # (MAYBE_NUMBER finds 百分之)
    out: list[NumberMention] = []
    sort = False
    hidden = 0
    seen = False  # a digit, or a numeral before a measure word: MAYBE_NUMBER finds something
    for m in _SCAN.finditer(text):
        near, num, frac, big, pct, approx, unit, run, trad = m.groups()
        if trad is None:
            seen = True
        if num is not None:
            start = m.start()
            end = start + 1 + len(num)  # (m.end(2): the group starts after the first digit, see _ARABIC_REST)
            num = text[start:end]
            if frac or big or pct or not num.isdecimal() or not num.isascii() or (
                    unit is not None and (unit in _UNUSUAL_UNITS or (
                        unit[0] in _NOT_A_UNIT_FIRST and m.start(7) != end and text.startswith(_NOT_A_UNIT, m.start(7))))):
                number, h = _arabic(text, m, start, num)
                out.append(number)
                if h:
                    hidden = h
                continue
            # digits, and a measure word right after them or none (most numbers): _arabic, shorter
            approx = approx is not None
            if unit is None or (unit == "个" and text.startswith("人", m.end())
                                and _person_column_next(text, unit, m.end())):
                unit = ""
                unit_end = end
            else:
                unit_end = m.end()
            if near is not None and not approx:
                approx = _approx_before(text, start)
            b = _Building()
            b.value = Decimal(num)
            b.start = start
            b.end = end
            b.unit = unit
            b.unit_end = unit_end
            b.approx = approx
            b.chinese = False
            b.decimals = 0
            b.__class__ = NumberMention  # type: ignore[assignment]  # the same slots (see assistant.numbers)
            out.append(b)  # type: ignore[arg-type]
            continue
        if trad is not None:
            if reading:
                return None
            continue
        s, e = m.span()
        run = text[s:e]
        if s < hidden:
            continue
        # (only a number found before can hold it: a later one starts after its unit)
        if any(x.start < e and s < max(x.end, x.unit_end) for x in out):
            continue
        if len(run) == 1:
            if (run in _CN_BIG or (s > 0 and text[s - 1] == "第")
                    or (run == "一" and text[e:e + 2] in ("件件", "条条", "项项", "篇篇", "个个") and text[e + 2:e + 3] != "人")
                    or (run in _FORMAL_DIGITS and s > 0 and "\u4e00" <= text[s - 1] <= "\u9fff" and text[e:e + 1] == "建")):
                continue
            read = _CN_ONE[run]
        elif all(c in _CN_BIG for c in run) or (s > 0 and text[s - 1] == "第"):
            continue
        else:
            read = _cn_to_number(run)
        if read is None:
            continue
        value = read
        unit, unit_end, approx_ = _unit_after(text, e)
        if text.startswith("万元", e - 1) and run.endswith("万"):
            value = _cn_to_number(run[:-1]) or read
            unit, unit_end = "万元", e + 1
            e -= 1
        if not unit:
            continue
        out.append(_number(value, s, e, unit, unit_end,
                           approx_ or (s > 0 and (text[s - 1] in _APPROX_LAST or text[s - 2] in _APPROX_LAST)
                                       and _approx_before(text, s)) or (len(run) >= 2 and run[-2:] in _N.RANGE_PAIRS)
                           or bool(_N._RANGE_BEFORE_TENS.search(run)),
                           True, _decimals_of(run) if "点" in run else 0))
    if ("十" in text or "百" in text or "千" in text) and (seen or _N.MAYBE_NUMBER.search(text)):
        for m in _CN_BARE.finditer(text):
            s, e = m.start(), m.end()
            if any(x.start < e and s < max(x.end, x.unit_end) for x in out) or (s > 0 and text[s - 1] in "第之十百千万"):
                continue
            if (bare := _N.bare_number(text, m)) is not None:
                out.append(bare)
                sort = True
    if sort:
        out.sort(key=_START)
    return _N.join_mixed(text, out) if "万" in text or "千" in text or "百" in text else out
