"""Issue 19's third round: validate reads the years of a text only where rule F5 may report one for
the report's year (``_years_wanted``). Checked against the analysis of every year, kept as the
reference (``_facts`` without a year), on generated texts and on reports."""

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
           "二〇二三年", "十二件", "其中", "予以公开", "建议", "网站", "发布", "信息处理费", "未收取"]
_KINDS = ("", "on_request", "fees", "meta.title", "preamble")


def _texts(n: int, seed: int, longest: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(_PIECES) for _ in range(rng.randrange(0, longest))) for _ in range(n)]


def _reported(years: tuple[T.YearUse, ...], year: int | None) -> list[T.YearUse]:
    """The years rule F5 does not pass over in a report of ``year`` (see _f4_to_f7)."""
    if year is None:
        return []
    return [y for y in years if not (y.year == year and y.kind not in ST._CARRY_YEAR)]


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
                if lean is T._NO_FACTS and full is not T._NO_FACTS:  # (a text with years alone, none reported)
                    assert not _reported(full.years, year) and full.years and not (
                        full.mentions or full.percents or full.breakdowns or full.phrases or full.fee), (t, kind, year)
                    lean_years += 1
                    continue
                if lean is T._NO_FACTS:
                    assert full is T._NO_FACTS
                    continue
                # the same analysis, and all of its years or none: none only where F5 reports none
                assert lean.years in (full.years, ()), (t, kind, year)
                assert _reported(lean.years, year) == _reported(full.years, year), (t, kind, year)
                assert (lean.mentions, lean.percents, lean.lists, lean.breakdowns, lean.phrases, lean.fee, lean.stated) == (
                    full.mentions, full.percents, full.lists, full.breakdowns, full.phrases, full.fee, full.stated), (t, kind, year)
                lean_years += lean.years != full.years
    assert lean_years > 1000  # (the generated texts do reach the shortcut)


def test_validate_finds_what_it_found_reading_every_year(monkeypatch):
    rng = random.Random(5)
    reports = []
    for seed in range(8):
        report = consistent_report(seed)
        for address, text in list(iter_narrative(report)):
            if rng.random() < 0.5:
                set_text(report, address, "".join(rng.choice(_PIECES) for _ in range(12)) + text)
        reports.append(report)
        reports.append(report.model_copy(update={"meta": report.meta.model_copy(update={"report_year": None})}))
    clear_cache()
    found = [validate(r) for r in reports]
    assert any(f.rule == "F5" for fs in found for f in fs)
    full_of = V._facts.__wrapped__
    monkeypatch.setattr(V, "_facts", lambda text, kind, year=0: full_of(text, kind))  # every year read
    assert [validate(r) for r in reports] == found
