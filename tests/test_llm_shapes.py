"""Every response shape real providers return, replayed over HTTP by the fake server.

Each cassette in ``tests/cassettes/`` is written from the provider documentation it cites: reasoning
in the content or beside it, JSON in a fence or in prose, tool-call arguments in fragments or over
two calls, blank, refused, truncated and filtered replies, HTTP errors, keep-alive lines. The same
cassette is played to extraction and to drafting; each must either record exactly what the user
said (and no word of the model's reasoning) or save nothing and say why in Chinese, with the
outcome and the provider's own words in the call log.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from assistant.config import Settings
from assistant.drafting import draft_all, extract
from assistant.llm import CallLog, LLMError
from assistant.models import make_model
from schemas.facts import Facts
from tests.fakellm import Reply, fake_llm, reply_status  # noqa: F401 - the fixture

CASSETTES = sorted((Path(__file__).parent / "cassettes").glob("*.json"))
KEY = "sk-shapes-SECRET-24680"
MESSAGE = "网站公开政务信息148条，新媒体发布信息59条。"
OPS = [{"field": "website_items", "value": 148, "quote": "网站公开政务信息148条", "op": "set"},
       {"field": "new_media_posts", "value": 59, "quote": "新媒体发布信息59条", "op": "set"}]
DRAFT = "本机关通过门户网站主动公开政务信息148条，政务新媒体发布信息59条。"
# names a message may show the user (the configured model, variables to set, the provider's term for the stop reason)
_ALLOWED = re.compile(r"test-model|REPORT_LLM_\w+|OLLAMA_\w+|HTTP|content_filter|finish_reason|length|JSON|DeepSeek|"
                      r"DashScope|OpenAI|Ollama|vLLM|llama\.cpp|GLM|Kimi|token")


@pytest.fixture(autouse=True)
def _no_report_env(monkeypatch):
    for var in list(os.environ):
        if var.startswith("REPORT_"):
            monkeypatch.delenv(var)


def load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _fill(text: str, answers: dict[str, str]) -> str:
    for k, v in answers.items():
        text = text.replace("{" + k + "}", v)
    return text


def replies(cassette: dict, answers: dict[str, str]) -> list[Reply]:
    out = []
    for r in cassette["replies"]:
        r = dict(r)
        if "status" in r:
            out.append(reply_status(r.pop("status"), r.pop("message"), **r))
            continue
        for k in ("content", "refusal"):
            if isinstance(r.get(k), str):
                r[k] = _fill(r[k], answers)
        if r.get("tool_calls"):
            r["tool_calls"] = [_fill(a, answers) for a in r["tool_calls"]]
        out.append(Reply(**r))
    return out


def model_for(fake, tmp_path, cassette: dict, sleeps: list[float]):
    settings = Settings(
        _env_file=None, llm_base_url=fake.base_url, llm_api_key=KEY, llm_model="test-model",
        llm_profile=cassette["profile"], llm_structured_method=cassette.get("structured_method"),
        llm_timeout_s=1.0, llm_max_retries=1, llm_max_reasks=0,
        database_url=f"sqlite:///{tmp_path / 'calls.sqlite3'}")
    return make_model(settings, sleep=sleeps.append)


def rows(tmp_path) -> list[dict]:
    return CallLog.for_url(f"sqlite:///{tmp_path / 'calls.sqlite3'}").rows()


def assert_told_in_chinese(message: str, cassette: dict) -> None:
    assert len(re.findall(r"[\u4e00-\u9fff]", message)) >= 8, message  # a Chinese sentence
    leftover = _ALLOWED.sub("", message)
    assert not re.search(r"[A-Za-z]{4,}", leftover), message  # no English from the provider or the client
    for r in cassette["replies"]:
        if r.get("message"):
            assert r["message"] not in message
    assert KEY not in message


def test_every_cassette_cites_its_source():
    assert len(CASSETTES) >= 20
    for path in CASSETTES:
        c = load(path)
        assert c["sources"] and all(s.startswith("https://") for s in c["sources"]), path.name
        assert c["what"] and c["replies"] and set(c["expect"]) == {"extract", "draft"}, path.name


@pytest.mark.parametrize("path", CASSETTES, ids=lambda p: p.stem)
def test_extraction(fake_llm, tmp_path, path):
    cassette = load(path)
    answer = json.dumps({"ops": OPS}, ensure_ascii=False)
    fake_llm.push(*replies(cassette, {
        "answer": answer, "answer_cut": answer[:40],
        "answer_1": json.dumps({"ops": OPS[:1]}, ensure_ascii=False),
        "answer_2": json.dumps({"ops": OPS[1:]}, ensure_ascii=False)}))
    sleeps: list[float] = []
    model = model_for(fake_llm, tmp_path, cassette, sleeps)
    expected = cassette["expect"]["extract"]
    if expected == "ok":
        out = extract(MESSAGE, Facts(), model)
        assert (out.facts.website_items, out.facts.new_media_posts) == (148, 59)
        assert out.facts.press_conferences is None  # the reasoning's "148场新闻发布会" is not an answer
        assert not out.result.rejected
        assert rows(tmp_path)[-1]["outcome"] == "ok"
    else:
        with pytest.raises(LLMError) as err:
            extract(MESSAGE, Facts(), model)
        assert_told_in_chinese(str(err.value), cassette)
        (row,) = rows(tmp_path)
        assert row["outcome"] == expected
        assert row["error"]  # the provider's own words are kept for whoever reads the log
        assert KEY not in row["error"]
    if "Retry-After" in json.dumps(cassette):
        waits = [float(r.get("headers", {}).get("Retry-After", 0)) for r in cassette["replies"]]
        assert sleeps == ([max(waits)] if expected == "ok" else [])


@pytest.mark.parametrize("path", [p for p in CASSETTES if load(p)["expect"]["draft"] is not None],
                         ids=lambda p: p.stem)
def test_drafting(fake_llm, tmp_path, path):
    cassette = load(path)
    fake_llm.push(*replies(cassette, {"answer": DRAFT, "answer_cut": DRAFT[:12]}))
    model = model_for(fake_llm, tmp_path, cassette, [])
    facts = Facts(agency_name="某某镇人民政府", report_year=2024, website_items=148, new_media_posts=59)
    shown: list[str] = []
    drafts = draft_all(facts, model, parts=["p1.active"], on_token=lambda part, piece: shown.append(piece))
    expected = cassette["expect"]["draft"]
    if expected == "ok":
        text = drafts.text("p1.active")
        assert text == DRAFT and not drafts.failed
        assert not drafts.parts["p1.active"].flags
        # the saved text holds no word of the reasoning; nor does the screen, where the reasoning
        # came apart from the text or opened the reply (a reply holding only "</think>" cannot be
        # told from the answer until the tag arrives: the saved text then replaces what was shown)
        for r in cassette["replies"]:
            content = r.get("content", "")
            for thought in (r.get("reasoning"), content.split("</think>")[0] if "</think>" in content else None):
                if thought:
                    thought = thought.replace("<think>", "").strip()
                    assert thought not in text
                    if r.get("reasoning") or content.lstrip().startswith("<think>"):
                        assert thought not in "".join(shown)
        assert "<think>" not in "".join(shown)
    else:
        assert not drafts.parts
        assert_told_in_chinese(drafts.failed["p1.active"], cassette)
        assert rows(tmp_path)[-1]["outcome"] == expected


@pytest.mark.parametrize("profile,usage", [
    ("openai", {"prompt_tokens_details": {"cached_tokens": 8}, "completion_tokens_details": {"reasoning_tokens": 5}}),
    ("deepseek", {"prompt_cache_hit_tokens": 8, "prompt_cache_miss_tokens": 3,
                  "completion_tokens_details": {"reasoning_tokens": 5}}),
])
def test_cache_hits_and_reasoning_tokens_are_logged_apart(fake_llm, tmp_path, profile, usage):
    """The provider's usage, as each reports it: cached input (OpenAI's cached_tokens, DeepSeek's
    prompt_cache_hit_tokens) and reasoning output go to their own columns of the call log."""
    fake_llm.push(Reply(content=json.dumps({"ops": OPS}, ensure_ascii=False), usage=(11, 7), usage_details=usage))
    model = model_for(fake_llm, tmp_path, {"profile": profile}, [])
    extract(MESSAGE, Facts(), model)
    (row,) = rows(tmp_path)
    assert (row["input_tokens"], row["output_tokens"], row["cached_tokens"], row["reasoning_tokens"]) == (11, 7, 8, 5)


def test_cost_bills_cached_input_at_the_cache_price():
    from decimal import Decimal

    from assistant.llm.prices import cost_of, listed_price

    price = listed_price("deepseek-chat")
    assert price is not None and price.cached is not None and price.source.startswith("https://")
    full = cost_of(price, 1_000_000, 0)
    half_cached = cost_of(price, 1_000_000, 0, cached_tokens=500_000)
    assert full == price.input and half_cached == (price.input + price.cached) / 2
    assert cost_of(price, 0, 1_000_000) == price.output and half_cached < full
    assert isinstance(full, Decimal)
