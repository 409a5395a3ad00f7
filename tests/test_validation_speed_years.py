"""Issue 19's third round: validate reads the years of a text only where rule F5 may report one for
the report's year (``_years_wanted``), and keeps no mention of a text whose numbers, dates aside, have
no measure word (a telephone number) where no rule can read them. Checked against the analysis of
every year and mention, kept as the reference (``_facts`` without a year), on generated texts and on
reports."""

from __future__ import annotations

import random

import assistant.validation as V
import assistant.validation._structure as ST
import assistant.validation._text as T
from assistant.validation import clear_cache, validate
from eval.synthetic import consistent_report
from schemas.layout import iter_narrative, set_text

_PIECES = ["2022年", "2023年", "2024 年", "２０２３年", "2023年度", "2023.5年", "约2023年", "1月", "1日", "3件", "12条", "5%",
           "2023", "年", "，", "。", "；", "\n", " ", "在", "于", "全年", "本机关", "我局", "共", "收到", "申请", "信息公开申请",
           "结转", "上年结转", "结转至", "结转下年度", "转入", "延续至", "顺延", "转", "延", "统计期限", "统计", "自", "起至", "止",
           "政府信息公开工作年度报告", "将", "计划", "获评", "优秀", "修订", "《条例》", "（", "）", "行政许可", "的", "度",
           "二〇二三年", "十二件", "其中", "予以公开", "建议", "网站", "发布", "信息处理费", "未收取",
           # numbers without a measure word, and what makes them read
           "电话：", "0535-6693206", "12345", "-", "6", "40", "包括", "包含", "共", "合计", "%", "件", "申请人", "信访"]
_KINDS = ("", "on_request", "fees", "meta.title", "preamble")


def _texts(n: int, seed: int, longest: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(_PIECES) for _ in range(rng.randrange(0, longest))) for _ in range(n)]


def _reported(years: tuple[T.YearUse, ...], year: int | None) -> list[T.YearUse]:
    """The years rule F5 does not pass over in a report of ``year`` (see _f4_to_f7)."""
    if year is None:
        return []
    return [y for y in years if not (y.year == year and y.kind not in ST._CARRY_YEAR)]


def _same_but_unread_mentions(lean: T.TextFacts, full: T.TextFacts, t: str, kind: str) -> None:
    """The lean analysis is the full one, but for mentions no rule reads: those of numbers without a
    measure word, in a text with no fact word, no list opener, no share, not the 信息处理费 item."""
    rest = (full.percents, full.lists, full.breakdowns, full.phrases, full.fee, full.stated)
    assert (lean.percents, lean.lists, lean.breakdowns, lean.phrases, lean.fee, lean.stated) == rest, (t, kind)
    if lean.mentions != full.mentions:
        assert lean.mentions == () and all(m.unit == "" and m.claim is None for m in full.mentions), (t, kind)
        assert not (T._fact_word(t) or "其中" in t or "包" in t or kind == "fees" or any(rest)), (t, kind)
        _unread[0] += 1


_unread = [0]


def test_years_read_for_a_report_are_those_f5_may_report():
    full_of = V._facts.__wrapped__
    texts = _texts(4000, seed=19, longest=14) + _texts(600, seed=20, longest=40)
    lean_years = 0
    for t in texts:
        for kind in _KINDS:
            full = full_of(t, kind)
            assert full == full_of(t, kind, 0) == T.analyse.__wrapped__(t, kind)  # 0: every year (the default)
            for year in (2022, 2023, None):
                lean = full_of(t, kind, year)
                if lean is T._NO_FACTS and full is not T._NO_FACTS:  # (years and unread mentions alone)
                    assert not _reported(full.years, year), (t, kind, year)
                    _same_but_unread_mentions(lean, full, t, kind)
                    lean_years += 1
                    continue
                if lean is T._NO_FACTS:
                    assert full is T._NO_FACTS
                    continue
                # the same analysis, and all of its years or none: none only where F5 reports none
                assert lean.years in (full.years, ()), (t, kind, year)
                assert _reported(lean.years, year) == _reported(full.years, year), (t, kind, year)
                _same_but_unread_mentions(lean, full, t, kind)
                lean_years += lean.years != full.years
    assert lean_years > 1000 and _unread[0] > 200  # (the generated texts do reach the shortcuts)


def test_validate_finds_what_it_found_reading_every_year(monkeypatch):
    rng = random.Random(5)
    reports = []
    for seed in range(12):
        report = consistent_report(seed)
        for address, text in list(iter_narrative(report)):
            if rng.random() < 0.5:
                set_text(report, address, "".join(rng.choice(_PIECES) for _ in range(12)) + text)
            elif rng.random() < 0.3:
                set_text(report, address, "".join(rng.choice(_PIECES) for _ in range(8)))
        reports.append(report)
        reports.append(report.model_copy(update={"meta": report.meta.model_copy(update={"report_year": None})}))
    clear_cache()
    found = [validate(r) for r in reports]
    assert any(f.rule == "F5" for fs in found for f in fs)
    full_of = V._facts.__wrapped__
    monkeypatch.setattr(V, "_facts", lambda text, kind, year=0: full_of(text, kind))  # every year read
    assert [validate(r) for r in reports] == found
