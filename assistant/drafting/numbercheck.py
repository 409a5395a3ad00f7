"""Every number in a draft must come from the facts, the tables, or an explicit derivation.

Accepted: any stated fact or cell; the table aggregates of ``factsheet`` (category sums, 一+二,
行政诉讼 direct + after review, …); the sum of 人大建议 and 政协提案; any number written in the
staff's own free-text facts; the report year; a percentage that equals a stated count over a
stated base at its written precision. Skipped: months and days (统计期限 1月1日至12月31日) and
document citations such as 〔2021〕30号.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from assistant.drafting.factsheet import t3_aggregates, t4_aggregates
from assistant.numbers import find_numbers
from schemas.facts import FACT_SPECS, Facts

__all__ = ["NumberViolation", "allowed_numbers", "check_numbers", "style_problems"]

_CITATION = re.compile(r"[〔\[［][0-9０-９]{4}[〕\]］]\s*[0-9０-９]+\s*号")
_MARKDOWN = re.compile(r"(^|\n)\s*(#{1,6}\s|[-*+]\s|\d+\.\s)|\*\*|__|`|\|")
_PLACEHOLDER = re.compile(r"××+|＊＊+|(?<![A-Za-z])[Xx]{2,}(?![A-Za-z])")
_LATIN = re.compile(r"[A-Za-z][A-Za-z@.\-_]*")


@dataclass(frozen=True, slots=True)
class NumberViolation:
    text: str  # the number as written, with its unit
    start: int
    end: int
    value: Decimal
    # set when the value is a fact's but the draft gives it another meaning (the fact's label, unit)
    meant: tuple[str, str] | None = None


# measure words that may stand for one another when a draft restates a fact ("政策解读23篇/条")
_SAME_MEASURE: tuple[frozenset[str], ...] = (
    frozenset({"件", "个", "项", "宗", "起", "例", "份", "件次"}),
    frozenset({"条", "篇", "则", "期"}),
    frozenset({"场", "次", "场次", "期"}),
    frozenset({"次", "人次"}),
    frozenset({"个", "人", "名", "人次", "户", "家"}),
)
_ANY = "*"  # a source whose measure word is not known (a number inside the staff's own words)


def _fits(unit: str, source_unit: str) -> bool:
    return source_unit in (_ANY, unit) or any(unit in g and source_unit in g for g in _SAME_MEASURE)


def _meanings(facts: Facts) -> dict[Decimal, list[tuple[str, str]]]:
    """Every value a draft may state, with what it means: (label, measure word) of each source."""
    out: dict[Decimal, list[tuple[str, str]]] = {}

    def add(value, label: str, unit: str) -> None:
        if isinstance(value, (int, Decimal)) and not isinstance(value, bool):
            out.setdefault(Decimal(value), []).append((label, unit))

    for name, spec in FACT_SPECS.items():
        if spec.kind in ("count", "money_yuan"):
            add(getattr(facts, name), spec.label, spec.unit or _ANY)
        elif spec.kind in ("percent", "year"):
            add(getattr(facts, name), spec.label, _ANY)
    for address, v in facts.cells.items():
        add(v, address, "万元" if address.endswith(".amount") else "件")
    for agg in [*t3_aggregates(facts).values(), *t4_aggregates(facts).values()]:
        add(agg, "申请和复议诉讼的统计数", "件")
    for text in [*facts.texts().values(), facts.agency_name or ""]:
        for m in find_numbers(text):
            add(m.value, "工作人员的原话", _ANY)
    return out


def _vals(*xs) -> set[Decimal]:
    return {Decimal(x) for x in xs if isinstance(x, (int, Decimal)) and not isinstance(x, bool)}


def allowed_numbers(facts: Facts) -> tuple[set[Decimal], set[Decimal]]:
    """(values, percent bases): numbers a draft may state, and the counts percentages may use."""
    values: set[Decimal] = set()
    for name, spec in FACT_SPECS.items():
        v = getattr(facts, name)
        if spec.kind in ("count", "percent", "money_yuan", "year"):
            values |= _vals(v)
    values |= _vals(*facts.cells.values())
    t3, t4 = t3_aggregates(facts), t4_aggregates(facts)
    counts = _vals(*t3.values()) | _vals(*t4.values())
    values |= counts
    n, c = t3.get("new_received"), t3.get("carried_over")
    if n is not None and c is not None:
        values.add(Decimal(n + c))
    g, p = t3.get("granted"), t3.get("partial")
    if g is not None and p is not None:
        values.add(Decimal(g + p))
    if facts.npc_suggestions is not None and facts.cppcc_proposals is not None:
        values.add(Decimal(facts.npc_suggestions + facts.cppcc_proposals))
    a, b = facts.cell_int("t2.regulations.issued"), facts.cell_int("t2.normative_docs.issued")
    if a is not None and b is not None:
        values.add(Decimal(a + b))
    for text in [*facts.texts().values(), facts.agency_name or ""]:
        values |= {m.value for m in find_numbers(text)}
    return values, counts | _vals(*facts.cells.values())


def _percent_ok(m_value: Decimal, decimals: int, counts: set[Decimal]) -> bool:
    q = Decimal(1).scaleb(-decimals)
    bases = [b for b in counts if b > 0]
    return any((c * 100 / b).quantize(q, ROUND_HALF_UP) == m_value for b in bases for c in counts if c <= b)


def check_numbers(text: str, facts: Facts) -> list[NumberViolation]:
    """The numbers in ``text`` that have no source in ``facts``."""
    values, counts = allowed_numbers(facts)
    meanings = _meanings(facts)
    skip = [(m.start(), m.end()) for m in _CITATION.finditer(text)]
    out: list[NumberViolation] = []
    for m in find_numbers(text):
        if any(s <= m.start < e for s, e in skip):
            continue
        if m.unit in ("月", "日", "号"):
            continue
        end = max(m.end, m.unit_end)
        if m.value in values:
            sources = meanings.get(m.value)
            # a stated fact's number under another measure word ("新闻发布会148场" when 148 is the
            # number of website items) is presented as something it is not
            if m.unit and m.unit not in ("年", "%") and sources and not any(_fits(m.unit, u) for _, u in sources):
                out.append(NumberViolation(text[m.start:end], m.start, end, m.value, sources[0]))
            continue
        if m.percent and _percent_ok(m.value, m.decimals, counts):
            continue
        out.append(NumberViolation(text[m.start:end], m.start, end, m.value))
    return out


def style_problems(text: str, facts: Facts) -> list[tuple[int, int, str]]:
    """Markdown symbols and English words the facts did not contain: (start, end, Chinese reason)."""
    out: list[tuple[int, int, str]] = []
    for m in _MARKDOWN.finditer(text):
        out.append((m.start(), m.end(), "含有 Markdown 符号或列表标记，公文正文不应使用"))
    for m in _PLACEHOLDER.finditer(text):
        out.append((m.start(), m.end(), f"含有占位符“{m.group(0)}”（照抄了示范），请换成事实中的内容或删除"))
    source = " ".join([*facts.texts().values(), facts.agency_name or ""])
    for m in _LATIN.finditer(text):
        if m.group(0) not in source:
            out.append((m.start(), m.end(), f"含有英文“{m.group(0)}”，公文正文不应使用英文"))
    return out
