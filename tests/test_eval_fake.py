"""The eval on the fake OpenAI-compatible server, over real HTTP: ``report-assistant eval --provider
vllm`` against a plausible but imperfect scripted model (``tests/fakellm/responders.py``), with the
one-prompt baseline beside the pipeline and the thresholds of eval/thresholds.toml [fake].

The model invents facts during extraction, puts figures into the wrong field, and adds invented
numbers to drafts; the pipeline's guards must keep every invented number out of the finished
report, while the baseline (one prompt, no guards) lets its invented number and wrong cell through.
"""

from __future__ import annotations

import json

from assistant.cli import main
from eval._tokens import count_tokens
from tests.fakellm import fake_llm  # noqa: F401 - the fixture
from tests.fakellm.responders import PlausibleModel, install

DIALOGUES = 4  # a subset keeps this test short; the CLI runs all of them


def test_the_eval_runs_against_an_endpoint_with_the_baseline(fake_llm, monkeypatch, tmp_path, capsys):
    # the reader explains most messages, so the model sees few extraction requests: it invents on
    # every one of them
    model = PlausibleModel(invent_every=1)
    install(fake_llm, model)
    fake_llm.count_tokens = count_tokens  # usage as a provider would bill it, not the scripted figures
    monkeypatch.chdir(tmp_path)  # no .env
    monkeypatch.setenv("REPORT_LLM_BASE_URL", fake_llm.base_url)
    monkeypatch.setenv("REPORT_LLM_MODEL", "fake-plausible")
    monkeypatch.setenv("REPORT_LLM_MAX_RETRIES", "0")
    monkeypatch.delenv("REPORT_LLM_API_KEY", raising=False)
    out = tmp_path / "eval.json"

    rc = main(["eval", "--provider", "vllm", "--limit", str(DIALOGUES), "--thresholds", "fake", "--check",
               "--json", str(out)])
    printed = capsys.readouterr()
    with capsys.disabled():
        print("\n" + printed.out)
    assert rc == 0, printed.err

    data = json.loads(out.read_text(encoding="utf-8"))
    m, b = data["metrics"], data["baseline"]
    assert data["engine"] == "openai-compatible:fake-plausible" and len(data["dialogues"]) == DIALOGUES
    assert fake_llm.unscripted == 0 and model.counts.get("unknown", 0) == 0
    # the model did misbehave, and every request went over HTTP
    assert model.counts["invented_number"] and model.counts["repair"]
    # the reader explains these dialogues' messages: the model is asked to extract only what it could
    # not place, and every invented fact it then proposes is refused
    assert model.counts.get("extract", 0) == model.counts.get("invented_fact", 0)
    assert len(fake_llm.requests) == sum(model.counts.get(k, 0) for k in ("extract", "draft", "repair", "baseline"))
    assert model.counts["baseline"] == DIALOGUES
    # the pipeline's guards: invented facts refused, invented numbers repaired away
    invented = [e for e in data["details"]["final_errors"] if e.split()[1].startswith("website_items")]
    assert invented == []
    assert m["drafting.ungrounded_per_1000"] == 0 and m["report.validator_errors_per_report"] == 0
    # the baseline: the same measures, and its mistakes show
    assert b["drafting.ungrounded_per_1000"] > 0
    assert b["report.validator_errors_per_report"] > 0 and b["report.cell_accuracy"] < 1
    assert b["cost.calls_per_report"] == 1 and m["cost.calls_per_report"] > 10
    assert m["cost.tokens_per_report"] > 0 and b["cost.tokens_per_report"] > 0
    assert "基线（一次成文）" in printed.out
