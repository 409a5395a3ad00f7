"""Narrative faithfulness of drafted text against the facts it was drafted from.

- ungrounded numbers: ``check_numbers`` (the drafting guard's own definition of a grounded number);
- required facts missing: the figures and statements each part must carry (below);
- style violations of section 4 of the format reference: first person, English, Markdown marks,
  a year other than the report year (or the year before, or one the staff wrote themselves).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from assistant.drafting.factsheet import t3_aggregates
from assistant.drafting.numbercheck import check_numbers
from assistant.numbers import find_numbers
from schemas.facts import Facts

__all__ = ["PartScore", "required_mentions", "score_part", "style_violations"]

# 我局、我单位、我市 … are the formal self-reference; 我们/咱们/a bare 我 are first person.
_FIRST_PERSON = re.compile(r"我们|咱们|我(?![局厅委办部市县区省单院署镇乡街校所司站队处会])")
_ENGLISH = re.compile(r"[A-Za-z]{2,}")
_MARKDOWN = re.compile(r"\*\*|__|`|^\s{0,3}#{1,6}\s|^\s*[-*+]\s|\|", re.M)
_YEAR = re.compile(r"(?<![0-9〔\[［])((?:19|20)[0-9]{2})\s*年")
_ZERO_WORDS = ("未", "没有", "无", "零")
_NEGATED_FEE = re.compile(r"(未|没有|不)(?:实际)?收取")


@dataclass
class PartScore:
    chars: int = 0
    ungrounded: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    style: list[str] = field(default_factory=list)


def _numbers(text: str) -> set[Decimal]:
    return {m.value for m in find_numbers(text)}


def _bigram_recall(source: str, text: str) -> float:
    grams = {source[i:i + 2] for i in range(len(source) - 1)} - {"，", "。"}
    if not grams:
        return 1.0
    return sum(g in text for g in grams) / len(grams)


def required_mentions(part: str, facts: Facts) -> list[tuple[str, object]]:
    """(label, expectation) pairs a part must satisfy: an int (that number, or a zero wording for
    0), ``("fee", bool)`` for the fee statement, or a staff text to be carried over."""
    req: list[tuple[str, object]] = []
    if part == "p1.active" and facts.website_items is not None:
        req.append(("门户网站主动公开政务信息", facts.website_items))
    if part == "p1.on_request":
        agg = t3_aggregates(facts)
        for key, label in (("new_received", "本年新收申请"), ("total", "办结总数")):
            if agg.get(key) is not None:
                req.append((label, agg[key]))
    if part == "p6.fees" and facts.fee_charged is not None:
        req.append(("信息处理费收取情况", ("fee", facts.fee_charged)))
        if facts.fee_charged and facts.fee_amount is not None:
            req.append(("信息处理费金额", facts.fee_amount))
    if part == "p6.proposals":
        for name, label in (("npc_suggestions", "人大代表建议"), ("cppcc_proposals", "政协提案")):
            v = getattr(facts, name)
            if v is not None:
                req.append((label, v))
    texts = {"p1.management": ("management",), "p1.platform": ("platform",), "p1.oversight": ("oversight",),
             "p5": ("problems", "measures"), "p6.work_points": ("work_points",), "p6.innovation": ("innovation",)}
    for name in texts.get(part, ()):
        v = getattr(facts, name)
        if v:
            req.append((name, str(v)))
    return req


def _satisfied(text: str, expect: object) -> bool:
    if isinstance(expect, tuple):  # ("fee", charged)
        negated = bool(_NEGATED_FEE.search(text))
        return ("收取" in text or "收费" in text) and (negated != expect[1])
    if isinstance(expect, str):  # the staff's own words, possibly rephrased
        return _bigram_recall(re.sub(r"\s+", "", expect), text) >= 0.3
    value = Decimal(expect)  # type: ignore[arg-type]
    if value == 0 and any(w in text for w in _ZERO_WORDS):
        return True
    return value in _numbers(text)


def style_violations(text: str, facts: Facts) -> list[str]:
    """Each violation of section 4 as a short Chinese note."""
    source = " ".join([*facts.texts().values(), facts.agency_name or ""])
    out = [f"第一人称“{m.group(0)}”" for m in _FIRST_PERSON.finditer(text)]
    out += [f"英文“{m.group(0)}”" for m in _ENGLISH.finditer(text) if m.group(0) not in source]
    out += [f"Markdown 符号“{m.group(0).strip()}”" for m in _MARKDOWN.finditer(text)]
    year = facts.report_year
    if year:
        allowed = {year, year - 1} | {int(y) for y in _YEAR.findall(source)}
        out += [f"年份“{y}年”" for y in _YEAR.findall(text) if int(y) not in allowed]
    return out


def score_part(part: str, text: str, facts: Facts) -> PartScore:
    s = PartScore(chars=len(text))
    s.ungrounded = [v.text for v in check_numbers(text, facts)]
    s.missing = [label for label, expect in required_mentions(part, facts) if not _satisfied(text, expect)]
    s.style = style_violations(text, facts)
    return s
