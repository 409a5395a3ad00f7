"""The real ChatOpenAI path against a local fake OpenAI-compatible server (real HTTP, 127.0.0.1).

Extraction and drafting round-trip for every shipped profile; malformed or invalid structured
output is re-asked; 429 and 5xx are retried; a timeout ends in a Chinese message with the facts
unchanged; an invented number in a draft is repaired or flagged; a patch whose number is not in
the user's words is rejected; the API key never reaches the call log or the logs.
"""

from __future__ import annotations

import json
import logging

import pytest
from fakellm import Reply, fake_llm, reply_status, reply_stream, reply_structured, reply_text  # noqa: F401  (fixture)

from assistant.config import Settings
from assistant.drafting import Drafts, UnacknowledgedFlagsError, draft_part, extract, revise_part
from assistant.llm import (
    PROFILES,
    CallLog,
    LLMAuthError,
    LLMOutputError,
    LLMRateLimitedError,
    LLMTimeoutError,
    LLMUnavailableError,
)
from assistant.llm.openai_compat import OpenAICompatibleModel
from assistant.models import make_model
from schemas.facts import Facts

KEY = "sk-test-SECRET-0123456789abcdef"
MESSAGE = "网站公开政务信息148条，微信公众号发布59条。"
GOOD_OPS = {"ops": [
    {"field": "website_items", "value": 148, "quote": "网站公开政务信息148条", "op": "set"},
    {"field": "new_media_posts", "value": "59", "quote": "微信公众号发布59条", "op": "set"},
]}


@pytest.fixture(autouse=True)
def _no_report_env(monkeypatch):
    import os

    for var in list(os.environ):
        if var.startswith("REPORT_"):
            monkeypatch.delenv(var)


def settings_for(fake, tmp_path, profile="openai", **kw) -> Settings:
    values = dict(llm_base_url=fake.base_url, llm_api_key=KEY, llm_model="test-model", llm_profile=profile,
                  llm_timeout_s=2.0, llm_max_retries=2, llm_backoff_s=0.001, llm_backoff_max_s=0.01,
                  llm_max_reasks=2, database_url=f"sqlite:///{tmp_path / 'calls.sqlite3'}")
    values.update(kw)
    return Settings(_env_file=None, **values)


def model_for(fake, tmp_path, profile="openai", **kw):
    model = make_model(settings_for(fake, tmp_path, profile, **kw))
    assert isinstance(model.inner, OpenAICompatibleModel)
    return model


def rows(tmp_path) -> list[dict]:
    """The call log: one row per call, in the database the settings name."""
    return CallLog.for_url(f"sqlite:///{tmp_path / 'calls.sqlite3'}").rows()


# ---- extraction round trip, per profile -------------------------------------------------------
@pytest.mark.parametrize("profile", sorted(PROFILES))
def test_extraction_round_trip_per_profile(fake_llm, tmp_path, profile):
    fake_llm.push(reply_structured(GOOD_OPS))
    model = model_for(fake_llm, tmp_path, profile)
    out = extract(MESSAGE, Facts(), model)
    assert out.facts.website_items == 148 and out.facts.new_media_posts == 59
    assert not out.result.rejected
    assert out.facts.quotes["website_items"] == "网站公开政务信息148条"

    (req,) = fake_llm.requests
    body, p = req.body, PROFILES[profile]
    assert req.path == "/v1/chat/completions"
    assert body["model"] == "test-model"
    assert req.headers["authorization"] == f"Bearer {KEY}"
    assert req.headers["x-report-task"] == "extract"  # what the test server routes on
    # structured-output method of the profile
    if p.structured_method == "json_schema":
        assert body["response_format"]["type"] == "json_schema"
        assert body["response_format"]["json_schema"]["name"] == "Patch"
        assert body["response_format"]["json_schema"].get("strict", False) is p.strict_schema
        assert "tools" not in body
    elif p.structured_method == "json_mode":
        assert body["response_format"] == {"type": "json_object"}
        assert "tools" not in body
    # the word "json" where the endpoint insists on it, with the schema when it cannot take one
    if p.json_word_required:
        assert "json" in req.system.lower()
    if p.schema_in_prompt:
        assert '"ops"' in req.system and '"quote"' in req.system
    # how max tokens is sent
    assert p.max_tokens_field in body and body[p.max_tokens_field] == 2048
    other = {"max_tokens", "max_completion_tokens"} - {p.max_tokens_field}
    assert not other & set(body)
    for k, v in p.extra_body.items():
        assert body[k] == v
    # the call log
    (row,) = rows(tmp_path)
    assert (row["task"], row["outcome"], row["profile"], row["model"]) == ("extract", "ok", profile, "test-model")
    assert row["prompt_version"].startswith("extract@2")
    if p.stream_usage:  # the provider's own count
        assert (row["input_tokens"], row["output_tokens"]) == (11, 7)
    else:  # no usage in the stream: an estimate, never 0
        assert row["input_tokens"] > 500 and row["output_tokens"] > 10
    assert row["latency_ms"] >= 0


@pytest.mark.parametrize("profile,tool_choice", [
    ("vllm", {"type": "function", "function": {"name": "Patch"}}),
    ("llamacpp", "required"),
    ("qwen", "auto"),
    ("ollama", None),
])
def test_function_calling_sends_the_profiles_tool_choice(fake_llm, tmp_path, profile, tool_choice):
    fake_llm.push(reply_structured(GOOD_OPS))
    model = model_for(fake_llm, tmp_path, profile, llm_structured_method="function_calling")
    out = extract(MESSAGE, Facts(), model)
    assert out.facts.website_items == 148
    body = fake_llm.bodies[0]
    assert body["tools"][0]["function"]["name"] == "Patch"
    assert body.get("tool_choice") == tool_choice
    assert "response_format" not in body
    assert "parallel_tool_calls" not in body  # only OpenAI is known to accept it


# ---- re-ask on invalid structured output ------------------------------------------------------
def test_malformed_json_is_reasked_with_the_error(fake_llm, tmp_path):
    fake_llm.push(reply_text('{"ops": [{"field": "website_items", '), reply_structured(GOOD_OPS))
    model = model_for(fake_llm, tmp_path, "deepseek")
    out = extract(MESSAGE, Facts(), model)
    assert out.facts.website_items == 148 and out.response.reasks == 1
    assert len(fake_llm.requests) == 2
    second = fake_llm.requests[1].body["messages"]
    assert second[-2]["role"] == "assistant" and second[-2]["content"].startswith('{"ops"')
    assert "上一次的输出无法使用" in second[-1]["content"] and "JSON" in second[-1]["content"]
    assert [(r["outcome"], r["attempt"], r["reasks"]) for r in rows(tmp_path)] == [("ok", 2, 1)]
    assert rows(tmp_path)[0]["input_tokens"] == 22  # both rounds were paid for


def test_schema_violation_is_reasked(fake_llm, tmp_path):
    fake_llm.push(reply_structured({"ops": [{"field": "website_items"}]}), reply_structured(GOOD_OPS))
    model = model_for(fake_llm, tmp_path, "vllm", llm_structured_method="function_calling")
    out = extract(MESSAGE, Facts(), model)
    assert out.facts.website_items == 148
    assert "value" in fake_llm.requests[1].body["messages"][-1]["content"]


def test_reasks_are_bounded_and_leave_the_facts_unchanged(fake_llm, tmp_path):
    fake_llm.push(*[reply_text("这不是JSON") for _ in range(3)])
    model = model_for(fake_llm, tmp_path, "openai", llm_max_reasks=2)
    before = Facts(website_items=7)
    with pytest.raises(LLMOutputError) as err:
        extract(MESSAGE, before, model)
    assert len(fake_llm.requests) == 3
    assert "不符合要求的格式" in str(err.value)
    assert before.website_items == 7 and before.quotes == {}
    (row,) = rows(tmp_path)
    assert (row["outcome"], row["attempt"], row["input_tokens"]) == ("invalid", 3, 33)


# ---- retries, timeout, errors -----------------------------------------------------------------
def test_429_is_retried_then_succeeds(fake_llm, tmp_path):
    fake_llm.push(reply_status(429, headers={"retry-after": "0"}), reply_status(429), reply_structured(GOOD_OPS))
    slept: list[float] = []
    model = make_model(settings_for(fake_llm, tmp_path), sleep=slept.append)
    out = extract(MESSAGE, Facts(), model)
    assert out.facts.website_items == 148
    assert len(fake_llm.requests) == 3 and len(slept) == 2
    assert slept[1] > slept[0]  # exponential backoff
    assert [(r["outcome"], r["attempt"]) for r in rows(tmp_path)] == [("ok", 3)]


def test_500_is_retried_and_then_reported_in_chinese(fake_llm, tmp_path):
    fake_llm.push(*[reply_status(500) for _ in range(3)])
    model = model_for(fake_llm, tmp_path, "qwen", llm_max_retries=2)
    before = Facts()
    with pytest.raises(LLMUnavailableError) as err:
        extract(MESSAGE, before, model)
    assert len(fake_llm.requests) == 3
    assert "HTTP 500" in str(err.value) and "暂时不可用" in str(err.value)
    assert before == Facts()
    assert [(r["outcome"], r["attempt"]) for r in rows(tmp_path)] == [("server_error", 3)]


def test_rate_limit_that_does_not_end_is_reported(fake_llm, tmp_path):
    fake_llm.push(*[reply_status(429) for _ in range(2)])
    model = model_for(fake_llm, tmp_path, llm_max_retries=1)
    with pytest.raises(LLMRateLimitedError, match="请求过于频繁"):
        extract(MESSAGE, Facts(), model)


def test_timeout_gives_a_clear_chinese_message_and_unchanged_facts(fake_llm, tmp_path):
    fake_llm.push(Reply(structured=GOOD_OPS, delay=1.5))
    model = model_for(fake_llm, tmp_path, llm_timeout_s=0.3)
    before = Facts(report_year=2023)
    snapshot = before.model_dump()
    with pytest.raises(LLMTimeoutError) as err:
        extract(MESSAGE, before, model)
    assert "超时" in str(err.value) and "稍后重试" in str(err.value)
    assert before.model_dump() == snapshot
    assert len(fake_llm.requests) == 1  # a slow model stays slow: no retry
    assert rows(tmp_path)[-1]["outcome"] == "timeout"


def test_bad_key_is_not_retried_and_never_shown(fake_llm, tmp_path):
    fake_llm.push(reply_status(401, message=f"Incorrect API key provided: {KEY}"))
    model = model_for(fake_llm, tmp_path)
    with pytest.raises(LLMAuthError) as err:
        extract(MESSAGE, Facts(), model)
    assert len(fake_llm.requests) == 1
    assert KEY not in str(err.value) and "REPORT_LLM_API_KEY" in str(err.value)


# ---- grounding of the model's patch ---------------------------------------------------------
def test_patch_whose_number_is_not_in_the_users_words_is_rejected(fake_llm, tmp_path):
    fake_llm.push(reply_structured({"ops": [
        {"field": "website_items", "value": 150, "quote": "网站公开政务信息148条", "op": "set"},
        {"field": "new_media_posts", "value": 59, "quote": "公众号发了59条", "op": "set"},
        {"field": "website_visits", "value": 3000, "quote": "微信公众号发布59条", "op": "set"},
    ]}))
    out = extract(MESSAGE, Facts(), model_for(fake_llm, tmp_path))
    assert out.facts.website_items is None and out.facts.new_media_posts is None
    assert out.facts.website_visits is None
    reasons = out.result.messages
    assert len(reasons) == 3
    assert "150" in reasons[0] and "找不到" in reasons[0]
    assert "不在您这条消息中" in reasons[1]
    assert "3000" in reasons[2]


def test_free_text_must_be_the_users_own_words(fake_llm, tmp_path):
    msg = "存在的问题：政策解读的形式比较单一，群众不太爱看。"
    fake_llm.push(reply_structured({"ops": [
        {"field": "problems", "value": "政策解读形式单一，吸引力不足", "quote": msg, "op": "set"}]}))
    out = extract(msg, Facts(), model_for(fake_llm, tmp_path))
    assert out.facts.problems is None
    assert "原话" in out.result.messages[0]


# ---- drafting ------------------------------------------------------------------------------
FACTS = Facts(agency_name="示例市某某局", report_year=2023, website_items=148, new_media_posts=59)


def test_draft_streams_and_logs_usage(fake_llm, tmp_path):
    text = "2023年，本机关在门户网站主动公开政务信息148条，通过政务新媒体发布信息59条。"
    fake_llm.push(reply_stream(text, pieces=5, usage=(120, 40)))
    pieces: list[str] = []
    d = draft_part("p1.active", FACTS, model_for(fake_llm, tmp_path), on_token=pieces.append)
    assert d.text == text and "".join(pieces) == text and len(pieces) >= 3
    assert d.flags == [] and not d.repaired
    body = fake_llm.bodies[0]
    assert body["stream"] is True and body["stream_options"] == {"include_usage": True}
    assert "148条" in body["messages"][1]["content"]  # the facts are in the prompt
    assert "不使用任何 Markdown 符号" in body["messages"][0]["content"]  # style rules of section 4
    (row,) = rows(tmp_path)
    assert row["task"] == "draft.p1.active" and row["prompt_version"] == "draft.p1.active@2+style@2"
    assert (row["input_tokens"], row["output_tokens"]) == (120, 40)


def test_invented_number_is_repaired(fake_llm, tmp_path):
    fake_llm.push(
        reply_text("2023年，本机关主动公开政务信息148条，召开新闻发布会6场，政务新媒体发布信息59条。"),
        reply_text("2023年，本机关主动公开政务信息148条，政务新媒体发布信息59条。"),
    )
    d = draft_part("p1.active", FACTS, model_for(fake_llm, tmp_path, "deepseek"))
    assert d.repaired and d.flags == []
    assert "6场" not in d.text
    repair = fake_llm.requests[1].body["messages"]
    assert "“6场”" in repair[-1]["content"]
    assert [r["task"] for r in rows(tmp_path)] == ["draft.p1.active", "repair.p1.active"]


def test_invented_number_that_survives_repair_is_flagged_and_blocks_export(fake_llm, tmp_path):
    bad = "2023年，本机关主动公开政务信息150条。"
    fake_llm.push(reply_text(bad), reply_text(bad))
    d = draft_part("p1.active", FACTS, model_for(fake_llm, tmp_path))
    assert d.repaired and len(d.flags) == 1
    flag = d.flags[0]
    assert flag.rule == "G1" and flag.severity == "warning" and flag.location.address == "p1.active"
    assert bad[flag.location.span[0]:flag.location.span[1]] == "150条"
    drafts = Drafts(parts={"p1.active": d})
    assert drafts.findings() == [flag]
    with pytest.raises(UnacknowledgedFlagsError, match="主动公开情况"):
        drafts.ensure_exportable()
    drafts.acknowledge("p1.active")
    drafts.ensure_exportable()
    assert drafts.findings() == []


def test_derived_numbers_and_percentages_are_accepted(fake_llm, tmp_path):
    facts = Facts(report_year=2023, cells={
        "t3.new_received.total": 8, "t3.carried_over.total": 2, "t3.granted.total": 5, "t3.partial.total": 1,
        "t3.total.total": 10, "t3.carried_forward.total": 0})
    fake_llm.push(reply_text("2023年，本机关新收申请8件，上年结转2件，共计10件，予以公开和部分公开6件，"
                             "予以公开占50%，部分公开占10.0%。"))
    d = draft_part("p1.on_request", facts, model_for(fake_llm, tmp_path))
    assert d.flags == [] and not d.repaired


def test_revision_by_instruction(fake_llm, tmp_path):
    fake_llm.push(reply_text("本机关全年主动公开政务信息148条。"))
    d = revise_part("p1.active", "全年主动公开政务信息148条。", "主语改为本机关", FACTS, model_for(fake_llm, tmp_path))
    assert d.text == "本机关全年主动公开政务信息148条。" and d.flags == []
    user = fake_llm.bodies[0]["messages"][-1]["content"]
    assert "主语改为本机关" in user and "全年主动公开政务信息148条。" in user


# ---- the key is never stored, logged or shown ---------------------------------------------------
def test_api_key_never_reaches_log_db_or_repr(fake_llm, tmp_path, caplog):
    caplog.set_level(logging.DEBUG)
    fake_llm.push(reply_structured(GOOD_OPS), reply_status(500, message=f"upstream said {KEY}"),
                  reply_status(400, message=f"bad request for key {KEY}"))
    settings = settings_for(fake_llm, tmp_path, llm_max_retries=1)
    model = make_model(settings)
    extract(MESSAGE, Facts(), model)
    with pytest.raises(Exception) as err:
        extract(MESSAGE, Facts(), model)
    assert KEY not in str(err.value)
    db = b"".join(p.read_bytes() for p in tmp_path.glob("calls.sqlite3*"))  # the WAL file too
    assert KEY.encode() not in db
    assert b"bad request for key ***" in db  # the error was stored, the key masked
    assert [r["outcome"] for r in rows(tmp_path)] == ["ok", "request_error"]
    assert "upstream said ***" in caplog.text  # the retried attempt went to the log, masked too
    assert KEY not in caplog.text
    assert KEY not in repr(settings) and KEY not in str(settings) and KEY not in repr(model)
    assert KEY not in json.dumps(settings.model_dump(mode="json"))
    assert fake_llm.requests[0].headers["authorization"] == f"Bearer {KEY}"  # it was used, though


def test_prompts_go_to_the_endpoint_and_nowhere_else(fake_llm, tmp_path, monkeypatch):
    # LangSmith tracing switched on in the environment, pointed at the fake server: report content
    # must still not be traced anywhere.
    import time

    monkeypatch.setenv("LANGSMITH_TRACING", "true")
    monkeypatch.setenv("LANGSMITH_API_KEY", "ls-test")
    monkeypatch.setenv("LANGSMITH_ENDPOINT", fake_llm.base_url.removesuffix("/v1"))
    fake_llm.push(reply_structured(GOOD_OPS), reply_stream("本机关主动公开政务信息148条。"))
    model = model_for(fake_llm, tmp_path)
    extract(MESSAGE, Facts(), model)
    draft_part("p1.active", FACTS, model, on_token=lambda piece: None)
    time.sleep(1.0)  # the tracer sends from a background thread
    assert [r.path for r in fake_llm.requests] == ["/v1/chat/completions"] * 2


def test_last_years_text_is_background_and_its_numbers_are_flagged(fake_llm, tmp_path):
    last_year = "2022年，本机关主动公开政务信息120条。"
    copied = "2023年，本机关主动公开政务信息120条。"  # last year's number, not this year's fact
    fake_llm.push(reply_text(copied), reply_text(copied))
    d = draft_part("p1.active", FACTS, model_for(fake_llm, tmp_path), previous=last_year)
    user = fake_llm.bodies[0]["messages"][1]["content"]
    assert last_year in user and "不得照抄" in user and "148条" in user
    assert [f.rule for f in d.flags] == ["G1"] and "120条" in d.flags[0].message
    (first, _repair) = rows(tmp_path)
    assert first["prompt_version"] == "draft.p1.active@2+style@2+previous_context@1"


def test_without_last_years_text_the_prompt_has_no_such_section(fake_llm, tmp_path):
    fake_llm.push(reply_text("2023年，本机关主动公开政务信息148条。"))
    draft_part("p1.active", FACTS, model_for(fake_llm, tmp_path))
    assert "上年度报告" not in fake_llm.bodies[0]["messages"][1]["content"]
