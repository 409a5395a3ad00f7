"""Settings (environment and .env), provider profiles, and the offline default with no network."""

from __future__ import annotations

import json
import os
import socket

import pytest

from assistant.config import Settings
from assistant.drafting import draft_all, extract
from assistant.llm import PROFILES, LLMConfigError, get_profile, infer_profile
from assistant.llm.openai_compat import OpenAICompatibleModel
from assistant.models import make_model
from assistant.offline import OfflineModel
from schemas.facts import Facts

KEY = "sk-config-SECRET-987654321"


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch, tmp_path):
    for var in list(os.environ):
        if var.startswith("REPORT_"):
            monkeypatch.delenv(var)
    monkeypatch.chdir(tmp_path)  # a developer's own .env must not leak in
    monkeypatch.setenv("REPORT_DATA_DIR", str(tmp_path))  # where the call log's database goes


def test_nothing_configured_means_offline():
    s = Settings()
    assert not s.llm_configured
    assert isinstance(make_model(s).inner, OfflineModel)


def test_offline_engine_makes_no_network_call(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("network call attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    model = make_model(Settings())  # the call log is a SQLite file: no network either
    facts = extract("网站公开政务信息148条，今年没有收到申请。", Facts(report_year=2023), model).facts
    drafts = draft_all(facts, model)
    assert "148条" in drafts.text("p1.active")
    assert "未收到新的政府信息公开申请" in drafts.text("p1.on_request")
    assert all("None" not in d.text for d in drafts.parts.values())
    assert {r["task"] for r in model.call_log.rows()} >= {"extract", "draft.p1.active"}


def test_environment_variables(monkeypatch, tmp_path):
    monkeypatch.setenv("REPORT_LLM_BASE_URL", "https://api.deepseek.com/v1")
    monkeypatch.setenv("REPORT_LLM_API_KEY", KEY)
    monkeypatch.setenv("REPORT_LLM_MODEL", "deepseek-chat")
    s = Settings()
    assert s.llm_configured and s.api_key_value() == KEY
    m = make_model(s)
    assert isinstance(m.inner, OpenAICompatibleModel)
    assert m.inner.profile.name == "deepseek" and m.name == "deepseek-chat"


def test_dotenv_file(tmp_path):
    (tmp_path / ".env").write_text(
        "REPORT_LLM_BASE_URL=http://localhost:11434/v1\nREPORT_LLM_MODEL=qwen2.5:7b\n"
        "REPORT_LLM_PROFILE=ollama\nREPORT_LLM_API_KEY=\nREPORT_DATABASE_URL=sqlite:///data/app.db\n",
        encoding="utf-8")
    s = Settings()
    assert s.llm_base_url == "http://localhost:11434/v1" and s.llm_profile == "ollama"
    assert s.llm_api_key is None and s.database_url == "sqlite:///data/app.db"
    m = make_model(s)
    assert isinstance(m.inner, OpenAICompatibleModel) and m.inner.profile.name == "ollama"


def test_empty_values_in_dotenv_mean_offline(tmp_path):
    (tmp_path / ".env").write_text("REPORT_LLM_BASE_URL=\nREPORT_LLM_MODEL=\n", encoding="utf-8")
    assert isinstance(make_model(Settings()).inner, OfflineModel)


@pytest.mark.parametrize("url,profile", [
    ("https://api.openai.com/v1", "openai"),
    ("https://api.deepseek.com", "deepseek"),
    ("https://dashscope.aliyuncs.com/compatible-mode/v1", "qwen"),
    ("http://gpu-box:8000/v1", "vllm"),
    ("http://localhost:11434/v1", "ollama"),
    ("http://127.0.0.1:8080/v1", "llamacpp"),
    ("https://llm.example.gov.cn/v1", "generic"),
    (None, "generic"),  # no URL: the model name decides (see test_llm_endpoints.py)
])
def test_profile_inferred_from_the_base_url(url, profile):
    assert infer_profile(url).name == profile


def test_the_six_endpoint_kinds_are_shipped():
    assert {"openai", "deepseek", "qwen", "vllm", "ollama", "llamacpp"} <= set(PROFILES)
    methods = {p.structured_method for p in PROFILES.values()}
    assert methods <= {"json_schema", "function_calling", "json_mode"}
    for p in PROFILES.values():
        if p.structured_method == "json_mode":
            assert p.schema_in_prompt, p.name  # json_object takes no schema: the prompt must carry it


def test_configuration_errors_are_chinese():
    with pytest.raises(LLMConfigError, match="未知的接口类型"):
        get_profile("azure-foo")
    with pytest.raises(LLMConfigError, match="REPORT_LLM_MODEL"):
        make_model(Settings(llm_base_url="https://api.deepseek.com"))
    with pytest.raises(LLMConfigError, match="REPORT_LLM_API_KEY"):
        make_model(Settings(llm_model="gpt-4o-mini"))
    # local servers need no key
    m = make_model(Settings(llm_model="local", llm_profile="vllm"))
    assert m.inner.base_url == "http://localhost:8000/v1"


def test_structured_method_can_be_overridden():
    m = make_model(Settings(llm_model="m", llm_profile="vllm", llm_structured_method="function_calling"))
    assert m.inner.profile.structured_method == "function_calling"
    assert PROFILES["vllm"].structured_method == "json_schema"


def test_the_key_is_hidden_everywhere():
    s = Settings(llm_model="gpt-4o-mini", llm_api_key=KEY)
    assert KEY not in repr(s) and KEY not in str(s)
    assert KEY not in json.dumps(s.model_dump(mode="json"))
    assert KEY not in repr(make_model(s))
