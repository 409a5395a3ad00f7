"""Where the key goes, which body each model gets, and ``report-assistant llm check``.

- a model name alone finds its provider's documented URL; an unknown one is refused;
- a provider's own key variable is sent only to that provider's host;
- a loopback endpoint is reached even with an office proxy set;
- per profile, the request body carries what the provider's documentation (cited in the profile)
  asks for: structured-output method, thinking switch, token field, temperature. The expected
  values are written here from the documentation, not read back from the profile.
"""

from __future__ import annotations

import os

import pytest

from assistant.cli import main
from assistant.config import Settings
from assistant.drafting import draft_part, extract
from assistant.llm import PROFILES, LLMConfigError
from assistant.models import make_model, resolve_endpoint
from schemas.facts import Facts
from tests.fakellm import fake_llm, reply_structured, reply_text  # noqa: F401 - the fixture

DS_KEY = "sk-deepseek-SECRET-11111"
OPS = {"ops": [{"field": "website_items", "value": 148, "quote": "网站公开政务信息148条", "op": "set"}]}


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch, tmp_path):
    for var in list(os.environ):
        if var.startswith("REPORT_") or var.endswith("_API_KEY"):
            monkeypatch.delenv(var)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("REPORT_DATA_DIR", str(tmp_path))


# ---- endpoints and keys ------------------------------------------------------------------------
@pytest.mark.parametrize("model,url,var", [
    ("deepseek-chat", "https://api.deepseek.com", "DEEPSEEK_API_KEY"),
    ("deepseek-reasoner", "https://api.deepseek.com", "DEEPSEEK_API_KEY"),
    ("qwen-plus", "https://dashscope.aliyuncs.com/compatible-mode/v1", "DASHSCOPE_API_KEY"),
    ("qwq-plus", "https://dashscope.aliyuncs.com/compatible-mode/v1", "DASHSCOPE_API_KEY"),
    ("glm-4.5", "https://open.bigmodel.cn/api/paas/v4", "ZHIPUAI_API_KEY"),
    ("moonshot-v1-8k", "https://api.moonshot.cn/v1", "MOONSHOT_API_KEY"),
    ("kimi-k2-turbo-preview", "https://api.moonshot.cn/v1", "MOONSHOT_API_KEY"),
    ("gpt-4o-mini", "https://api.openai.com/v1", "OPENAI_API_KEY"),
    ("o3-mini", "https://api.openai.com/v1", "OPENAI_API_KEY"),
])
def test_a_model_name_and_its_providers_key_find_the_providers_url(monkeypatch, model, url, var):
    monkeypatch.setenv("REPORT_LLM_MODEL", model)
    monkeypatch.setenv(var, DS_KEY)
    e = resolve_endpoint(Settings())
    assert (e.base_url, e.api_key, e.key_name, e.how) == (url, DS_KEY, var, "按模型名称识别")
    assert make_model(Settings()).inner.base_url == url


def test_deepseek_chat_with_the_generic_key_goes_to_deepseek_not_openai(monkeypatch):
    monkeypatch.setenv("REPORT_LLM_MODEL", "deepseek-chat")
    monkeypatch.setenv("REPORT_LLM_API_KEY", DS_KEY)
    assert resolve_endpoint(Settings()).base_url == "https://api.deepseek.com"


@pytest.mark.parametrize("model", ["my-model", "Baichuan4", "yi-large", "local"])
def test_an_unknown_model_without_a_url_is_refused_and_no_key_leaves(monkeypatch, model):
    monkeypatch.setenv("REPORT_LLM_MODEL", model)
    monkeypatch.setenv("REPORT_LLM_API_KEY", DS_KEY)
    with pytest.raises(LLMConfigError, match=r"无法根据模型名称.*REPORT_LLM_BASE_URL"):
        make_model(Settings())


def test_a_provider_key_is_not_sent_to_another_host(fake_llm, monkeypatch):
    monkeypatch.setenv("REPORT_LLM_MODEL", "deepseek-chat")
    monkeypatch.setenv("REPORT_LLM_BASE_URL", fake_llm.base_url)  # e.g. a local gateway
    monkeypatch.setenv("DEEPSEEK_API_KEY", DS_KEY)
    fake_llm.push(reply_structured(OPS))
    extract("网站公开政务信息148条。", Facts(), make_model(Settings()))
    assert DS_KEY not in fake_llm.requests[0].headers["authorization"]


def test_a_needed_key_is_asked_for_by_both_names(monkeypatch):
    monkeypatch.setenv("REPORT_LLM_MODEL", "qwen-plus")
    with pytest.raises(LLMConfigError, match="REPORT_LLM_API_KEY 或 DASHSCOPE_API_KEY"):
        make_model(Settings())


def test_a_loopback_endpoint_ignores_the_office_proxy(fake_llm, monkeypatch):
    # a proxy that refuses everything: a request sent through it would fail to connect
    for var in ("HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "ALL_PROXY"):
        monkeypatch.setenv(var, "http://127.0.0.1:9")
    for var in ("NO_PROXY", "no_proxy"):
        monkeypatch.delenv(var, raising=False)
    fake_llm.push(reply_structured(OPS))
    model = make_model(Settings(llm_base_url=fake_llm.base_url, llm_model="qwen3:8b", llm_profile="ollama",
                                llm_max_retries=0))
    assert extract("网站公开政务信息148条。", Facts(), model).facts.website_items == 148
    assert len(fake_llm.requests) == 1


# ---- the request body per profile, as each provider documents it ------------------------------------
# (profile, model): method, body fields that must be there, fields that must not be there
DOCUMENTED = {
    # https://platform.openai.com/docs/guides/structured-outputs; max_tokens deprecated
    ("openai", "gpt-4o-mini"): ("json_schema", {"max_completion_tokens": 2048, "temperature": 0.2},
                                ("max_tokens",)),
    # o-series: only the default temperature (openai-python issue 2104)
    ("openai", "o3-mini"): ("json_schema", {"max_completion_tokens": 2048}, ("max_tokens", "temperature")),
    # https://api-docs.deepseek.com/guides/json_mode, guides/thinking_mode
    ("deepseek", "deepseek-chat"): ("json_object", {"max_tokens": 2048, "thinking": {"type": "disabled"},
                                                    "temperature": 0.2}, ("max_completion_tokens",)),
    # reasoning_model: the thinking mode; temperature has no effect
    ("deepseek", "deepseek-reasoner"): ("json_object", {"max_tokens": 2048}, ("thinking", "temperature")),
    # https://help.aliyun.com/zh/model-studio/json-mode, deep-thinking
    ("qwen", "qwen-plus"): ("json_object", {"max_tokens": 2048, "enable_thinking": False}, ()),
    # docs.bigmodel.cn glm-4.5: thinking.type disabled
    ("zhipu", "glm-4.5"): ("json_object", {"max_tokens": 2048, "thinking": {"type": "disabled"}}, ()),
    ("moonshot", "kimi-k2-turbo-preview"): ("json_object", {"max_tokens": 2048}, ("thinking",)),
    # docs.vllm.ai reasoning_outputs: chat_template_kwargs.enable_thinking
    ("vllm", "Qwen/Qwen3-8B"): ("json_schema", {"max_tokens": 2048,
                                                "chat_template_kwargs": {"enable_thinking": False}}, ()),
    # ollama openai-compatibility: reasoning_effort none, no tool_choice
    ("ollama", "qwen3:8b"): ("json_schema", {"max_tokens": 2048, "reasoning_effort": "none"}, ("tool_choice",)),
    # llama.cpp server README: chat_template_kwargs
    ("llamacpp", "qwen3-8b"): ("json_schema", {"max_tokens": 2048,
                                              "chat_template_kwargs": {"enable_thinking": False}}, ()),
    # lmstudio structured-output: json_schema
    ("lmstudio", "qwen3-8b"): ("json_schema", {"max_tokens": 2048}, ()),
    ("generic", "any-model"): ("json_object", {"max_tokens": 2048}, ()),
}


def test_every_profile_has_a_documented_case_and_cites_its_sources():
    assert {p for p, _ in DOCUMENTED} == set(PROFILES)
    for p in PROFILES.values():
        if p.name != "generic":
            assert p.docs and all(d.startswith("https://") for d in p.docs), p.name


@pytest.mark.parametrize("case", sorted(DOCUMENTED), ids=lambda c: f"{c[0]}-{c[1]}")
def test_the_request_body_follows_the_providers_documentation(fake_llm, tmp_path, case):
    profile, model_name = case
    method, present, absent = DOCUMENTED[case]
    fake_llm.push(reply_structured(OPS), reply_text("本机关通过门户网站主动公开政务信息148条。"))
    model = make_model(Settings(_env_file=None, llm_base_url=fake_llm.base_url, llm_api_key="sk-x",
                                llm_model=model_name, llm_profile=profile, llm_max_retries=0,
                                database_url=f"sqlite:///{tmp_path / 'c.sqlite3'}"))
    extract("网站公开政务信息148条。", Facts(), model)
    draft_part("p1.active", Facts(report_year=2024, website_items=148), model)
    for body in fake_llm.bodies:
        assert body["stream"] is True and body["model"] == model_name
        for k, v in present.items():
            assert body.get(k) == v, (k, body.get(k))
        for k in absent:
            assert k not in body, k
    extraction, drafting = fake_llm.bodies
    fmt = extraction.get("response_format", {}).get("type")
    assert fmt == method
    assert "response_format" not in drafting and "tools" not in drafting
    if method == "json_schema" and profile == "openai":  # strict: no "default", all required
        schema = extraction["response_format"]["json_schema"]
        assert schema["strict"] is True and '"default"' not in str(schema).replace("'", '"')
    if method == "json_object":  # the word json and the shape, in the prompt
        system = extraction["messages"][0]["content"]
        assert "json" in system.lower() and '"ops"' in system


# ---- llm check ---------------------------------------------------------------------------------------
def test_llm_check_prints_what_was_found(fake_llm, monkeypatch, capsys):
    monkeypatch.setenv("REPORT_LLM_BASE_URL", fake_llm.base_url)
    monkeypatch.setenv("REPORT_LLM_MODEL", "qwen3:8b")
    monkeypatch.setenv("REPORT_LLM_PROFILE", "ollama")
    fake_llm.push(reply_structured({"ops": [
        {"field": "t3.new_received.total", "value": 3, "quote": "收到政府信息公开申请3件", "op": "set"}]}))
    assert main(["llm", "check"]) == 0
    out = capsys.readouterr().out
    for line in ("服务商：Ollama", f"接口地址：{fake_llm.base_url}", "模型：qwen3:8b", "JSON Schema",
                 "思考模式：已关闭（reasoning_effort=none）", "响应时间：", "结构化输出：正常"):
        assert line in out, line
    assert len(fake_llm.requests) == 1


def test_llm_check_refuses_an_unknown_model_and_says_why(monkeypatch, capsys):
    monkeypatch.setenv("REPORT_LLM_MODEL", "my-model")
    assert main(["llm", "check"]) == 2
    assert "REPORT_LLM_BASE_URL" in capsys.readouterr().err


def test_llm_check_without_a_model_says_offline(capsys):
    assert main(["llm", "check"]) == 0
    assert "离线引擎" in capsys.readouterr().out


def test_llm_check_names_a_failure_in_chinese(fake_llm, monkeypatch, capsys):
    from tests.fakellm import reply_status

    monkeypatch.setenv("REPORT_LLM_BASE_URL", fake_llm.base_url)
    monkeypatch.setenv("REPORT_LLM_MODEL", "deepseek-chat")
    monkeypatch.setenv("REPORT_LLM_API_KEY", "sk-x")
    monkeypatch.setenv("REPORT_LLM_MAX_RETRIES", "0")
    fake_llm.push(reply_status(402, "Insufficient Balance"))
    assert main(["llm", "check"]) == 1
    assert "余额不足" in capsys.readouterr().err


@pytest.mark.parametrize("url", ["127.0.0.1:11434/v1", "api.deepseek.com", "localhost:8000/v1"])
def test_a_url_without_its_scheme_is_refused_with_the_fix(monkeypatch, url):
    monkeypatch.setenv("REPORT_LLM_MODEL", "qwen3:8b")
    monkeypatch.setenv("REPORT_LLM_BASE_URL", url)
    with pytest.raises(LLMConfigError, match=f"缺少开头的 http:// 或 https://.*http://{url}"):
        make_model(Settings())


def test_llm_check_says_a_key_without_a_model_is_not_used(monkeypatch, capsys):
    monkeypatch.setenv("DEEPSEEK_API_KEY", DS_KEY)
    assert main(["llm", "check"]) == 0
    out = capsys.readouterr().out
    assert "离线引擎" in out and "已设置 DEEPSEEK_API_KEY，但没有设置 REPORT_LLM_MODEL" in out and DS_KEY not in out


def test_the_proxy_bypass_prints_no_library_warning(fake_llm, monkeypatch, capsys, caplog):
    monkeypatch.setenv("HTTP_PROXY", "http://127.0.0.1:9")
    monkeypatch.delenv("NO_PROXY", raising=False)
    fake_llm.push(reply_structured(OPS))
    with _no_warnings():
        model = make_model(Settings(llm_base_url=fake_llm.base_url, llm_model="qwen3:8b", llm_max_retries=0))
        extract("网站公开政务信息148条。", Facts(), model)
    captured = capsys.readouterr()
    assert "langchain" not in (captured.out + captured.err + caplog.text).lower()


def _no_warnings():
    import warnings

    class _Guard:
        def __enter__(self):
            self._cm = warnings.catch_warnings(record=True)
            self.caught = self._cm.__enter__()
            warnings.simplefilter("always")
            return self

        def __exit__(self, *exc):
            self._cm.__exit__(*exc)
            assert not [w for w in self.caught if "langchain" in str(w.message).lower()], self.caught

    return _Guard()
