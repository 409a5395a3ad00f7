"""The eval harness: its datasets, its metrics, and the offline run that CI enforces.

``test_offline_eval_meets_the_thresholds`` runs ``report-assistant eval --check`` on the offline
engine over every dataset, prints the table to the terminal (outside pytest's capture, so CI's log
shows it) and fails when any metric in eval/thresholds.toml [offline] drops.
"""

from __future__ import annotations

import json
from collections import Counter

import pytest

from assistant.cli import main
from assistant.dialogue import plan
from eval import runner
from eval._data import load_dialogues
from eval._dialogues import answer_question, same_value, score_facts
from eval._faithfulness import score_part, style_violations
from eval.datasets.generate import LEVELS, SITUATIONS
from schemas.facts import Facts

LEVEL_SITUATIONS = {"zero", "many", "review_pending", "fees", "previous"}


@pytest.fixture(scope="module")
def dialogues():
    return load_dialogues()


def test_the_dataset_covers_every_level_and_situation(dialogues):
    assert len(dialogues) >= 30
    assert len({d.id for d in dialogues}) == len(dialogues)
    levels = Counter(d.level for d in dialogues)
    situations = Counter(s for d in dialogues for s in d.situations)
    assert set(levels) == set(LEVELS) and set(situations) == set(SITUATIONS) == LEVEL_SITUATIONS
    pairs = {(d.level, s) for d in dialogues for s in d.situations}
    assert all((lv, s) in pairs for lv in LEVELS for s in SITUATIONS)
    assert sum(d.source == "hand" for d in dialogues) >= 5
    for d in dialogues:
        assert plan(d.gold).complete, d.id  # every gold set is a complete fact set
        assert len(d.gold.cells) == 200, d.id
        if "previous" in d.situations:
            assert any(not isinstance(s, str) and s.exists() for s in d.steps), d.id
    texts = "\n".join(s for d in dialogues for s in d.steps if isinstance(s, str))
    for phrase in ("不对", "跳过", "全部为0", "| --- |", "\t", "十二", "还缺什么"):
        assert phrase in texts, phrase


def test_extraction_scoring_counts_wrong_missing_and_extra_facts(dialogues):
    gold = dialogues[0].gold
    counts, errors = score_facts(gold, gold)
    assert sum(c.tp for c in counts.values()) == sum(gold.get(n) is not None for n in counts)
    assert not errors
    got = gold.model_copy(update={"website_items": gold.website_items + 1, "agency_name": None,
                                  "press_conferences": 3 if gold.press_conferences is None else None})
    counts, errors = score_facts(got, gold)
    assert (counts["website_items"].fp, counts["website_items"].fn) == (1, 1)
    assert counts["agency_name"].fn == 1 and counts["agency_name"].fp == 0
    assert counts["press_conferences"].fp + counts["press_conferences"].fn == 1
    assert len(errors) == 3
    assert same_value("management", "本机关健全制度。", "本机关健全制度")
    assert not same_value("management", "本机关健全制度。", "全年未发生责任追究情况，并定期开展自查。")


def test_the_simulated_staff_member_answers_from_the_gold(dialogues):
    d = next(d for d in dialogues if "zero" in d.situations)
    q = plan(Facts(agency_name="某局")).questions[0]
    assert q.key == "agency_level"
    assert answer_question(q, d.gold) in ("国务院部门", "省级机关", "市级机关", "县级机关", "乡镇机关")
    t3 = plan(d.gold.model_copy(update={"cells": {a: v for a, v in d.gold.cells.items()
                                                  if not a.startswith("t3.")}})).questions[0]
    assert t3.key == "t3" and answer_question(t3, d.gold) == "都是0"


def test_faithfulness_flags_invented_numbers_missing_facts_and_style(dialogues):
    facts = next(d for d in dialogues if d.gold.website_items and "many" in d.situations).gold
    y = facts.report_year
    good = f"{y}年，本机关在门户网站主动公开政务信息{facts.website_items}条。"
    s = score_part("p1.active", good, facts)
    assert (s.ungrounded, s.missing, s.style) == ([], [], [])
    bad = f"**{y - 3}年**，我们在 website 上公开了信息{facts.website_items + 7}条。"
    s = score_part("p1.active", bad, facts)
    assert s.ungrounded and s.missing == ["门户网站主动公开政务信息"]
    assert {v.split("“")[0] for v in s.style} == {"第一人称", "英文", "Markdown 符号", "年份"}
    assert style_violations("我局和我单位按要求办理。", facts) == []
    fee = score_part("p6.fees", "本年度收取信息处理费。", facts.model_copy(update={"fee_charged": False}))
    assert fee.missing == ["信息处理费收取情况"]


def test_check_reports_every_metric_past_its_threshold(tmp_path):
    path = tmp_path / "t.toml"
    path.write_text('[x]\n"a" = { min = 0.9 }  # c\n"b" = { max = 0 }\n"c" = { min = 1 }\n', encoding="utf-8")
    limits = runner.thresholds("x", path)
    result = runner.EvalResult(engine="test", metrics={"a": 0.95, "b": 2, "c": None})
    assert runner.check(result, limits) == ["b = 2，阈值 ≤ 0", "c = —，阈值 ≥ 1"]
    with pytest.raises(KeyError):
        runner.thresholds("nope", path)
    # every threshold of the repository names a metric the runner computes
    keys = {k for k, _, _ in runner.METRICS}
    for section in ("offline", "fake"):
        assert set(runner.thresholds(section)) <= keys, section


def test_the_cli_exits_1_when_a_metric_drops(tmp_path, monkeypatch, capsys):
    path = tmp_path / "thresholds.toml"
    path.write_text('[offline]\n"dialogue.turns_mean" = { max = 1 }  # impossible\n', encoding="utf-8")
    monkeypatch.setattr(runner, "THRESHOLDS", path)
    assert main(["eval", "--limit", "1", "--check"]) == 1
    out = capsys.readouterr()
    assert "未达标" in out.out and "dialogue.turns_mean" in out.err


def test_a_provider_without_a_configured_model_is_refused_in_chinese(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)  # no .env here
    for var in ("REPORT_LLM_MODEL", "REPORT_LLM_BASE_URL", "REPORT_LLM_API_KEY", "REPORT_LLM_PROFILE"):
        monkeypatch.delenv(var, raising=False)
    assert main(["eval", "--provider", "deepseek"]) == 1
    assert "没有配置模型" in capsys.readouterr().err
    assert main(["eval", "--provider", "nosuch"]) == 1
    assert "未知的评测对象" in capsys.readouterr().err


def test_offline_eval_meets_the_thresholds(tmp_path, capsys):
    out = tmp_path / "eval.json"
    rc = main(["eval", "--check", "--json", str(out)])
    printed = capsys.readouterr()
    with capsys.disabled():  # the table in CI's log
        print("\n" + printed.out)
    assert rc == 0, printed.err
    data = json.loads(out.read_text(encoding="utf-8"))
    m = data["metrics"]
    assert len(data["dialogues"]) >= 30 and data["failures"] == []
    assert m["drafting.ungrounded_per_1000"] == 0
    assert m["validator.detection.A"] == 1.0 and m["validator.false_positives"] == 0
    assert data["baseline"] is None and "离线引擎没有基线模型" in printed.out
