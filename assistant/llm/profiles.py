"""What each kind of OpenAI-compatible endpoint supports, as data rather than if-branches.

A profile answers: which structured-output method to use, whether the prompt must contain the
word "json", which field carries the token limit, how ``tool_choice`` may be sent, whether
streamed usage can be requested, and which extra body fields the endpoint wants.
"""

from __future__ import annotations

from typing import Any, Literal
from urllib.parse import urlparse

from pydantic import BaseModel, ConfigDict, Field

from assistant.llm.errors import LLMConfigError

__all__ = [
    "MODEL_RULES", "PROFILES", "ProviderProfile", "StructuredMethod", "get_profile", "infer_profile",
    "is_provider_host", "profile_for_model", "profile_from_model",
]

StructuredMethod = Literal["json_schema", "function_calling", "json_mode"]
# named: {"type": "function", "function": {"name": ...}}; required/auto: that string;
# unsupported: the field is never sent.
ToolChoice = Literal["named", "required", "auto", "unsupported"]
MaxTokensField = Literal["max_tokens", "max_completion_tokens"]


class ProviderProfile(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str
    title: str = Field(..., description="中文名称，用于界面和文档")
    default_base_url: str | None = None
    hosts: tuple[str, ...] = Field((), description="据此从接口地址识别类型的主机名后缀")
    ports: tuple[int, ...] = Field((), description="本地服务的常用端口，用于识别类型")
    model_prefixes: tuple[str, ...] = Field((), description="没有接口地址时，据模型名称前缀识别服务商")
    key_env: str | None = Field(None, description="服务商自己的密钥变量，如 DEEPSEEK_API_KEY")
    structured_method: StructuredMethod
    strict_schema: bool = False
    json_word_required: bool = Field(False, description="提示词中必须出现 json 字样")
    schema_in_prompt: bool = Field(False, description="接口不接收 schema，须写进提示词")
    max_tokens_field: MaxTokensField = "max_tokens"
    tool_choice: ToolChoice = "named"
    parallel_tool_calls: bool = Field(False, description="是否可以发送 parallel_tool_calls 字段")
    stream_usage: bool = Field(False, description="流式输出时可请求用量（stream_options.include_usage）")
    api_key_required: bool = True
    fixed_temperature: bool = Field(False, description="模型只接受默认温度：请求中不发送 temperature")
    thinking: str = Field("不思考", description="思考（推理）模式如何处理，用于 llm check 的说明")
    context_tokens: int | None = Field(None, description="服务默认的上下文长度（token），超过时拒绝发送")
    extra_body: dict[str, Any] = Field(default_factory=dict)
    docs: tuple[str, ...] = Field((), description="以上每项选择所依据的服务商文档")


# Each choice below cites the provider's documentation it follows (also in ``docs``).
PROFILES: dict[str, ProviderProfile] = {p.name: p for p in (
    ProviderProfile(
        # Structured Outputs: json_schema with strict (every property required, no "default");
        # max_tokens is deprecated for max_completion_tokens; stream_options.include_usage.
        name="openai", title="OpenAI", default_base_url="https://api.openai.com/v1",
        hosts=("openai.com",), model_prefixes=("gpt-", "o1", "o3", "o4", "chatgpt-"), key_env="OPENAI_API_KEY",
        structured_method="json_schema", strict_schema=True,
        max_tokens_field="max_completion_tokens", tool_choice="named", parallel_tool_calls=True,
        stream_usage=True,
        docs=("https://platform.openai.com/docs/guides/structured-outputs",
              "https://platform.openai.com/docs/api-reference/chat/create"),
    ),
    ProviderProfile(
        # JSON Output: response_format json_object, the word "json" and an example in the prompt;
        # the content may come back blank, to be retried (guides/json_mode). Thinking is on by
        # default for the current models and turned off by thinking.type=disabled (guides/thinking_mode);
        # deepseek-chat is the non-thinking mode. Token limit: max_tokens. Errors: 402 = 余额不足
        # (quick_start/error_codes). While waiting, ": keep-alive" lines (quick_start/rate_limit).
        name="deepseek", title="DeepSeek", default_base_url="https://api.deepseek.com",
        hosts=("deepseek.com",), model_prefixes=("deepseek",), key_env="DEEPSEEK_API_KEY",
        structured_method="json_mode", json_word_required=True,
        schema_in_prompt=True, tool_choice="named", stream_usage=True,
        extra_body={"thinking": {"type": "disabled"}}, thinking="已关闭（thinking.type=disabled）",
        docs=("https://api-docs.deepseek.com/guides/json_mode",
              "https://api-docs.deepseek.com/guides/thinking_mode",
              "https://api-docs.deepseek.com/quick_start/error_codes",
              "https://api-docs.deepseek.com/quick_start/rate_limit"),
    ),
    ProviderProfile(
        # DashScope compatible mode: json_object needs "JSON" in the prompt and works in non-thinking
        # mode only (json-mode); hybrid Qwen3 models take enable_thinking in the body, which must be
        # false for non-streamed calls (deep-thinking, error-code).
        name="qwen", title="通义千问（DashScope 兼容模式）",
        default_base_url="https://dashscope.aliyuncs.com/compatible-mode/v1",
        hosts=("dashscope.aliyuncs.com", "dashscope-intl.aliyuncs.com", "aliyuncs.com"),
        model_prefixes=("qwen", "qwq"), key_env="DASHSCOPE_API_KEY",
        structured_method="json_mode", json_word_required=True, schema_in_prompt=True,
        tool_choice="auto", stream_usage=True, extra_body={"enable_thinking": False},
        thinking="已关闭（enable_thinking=false）",
        docs=("https://help.aliyun.com/zh/model-studio/json-mode",
              "https://help.aliyun.com/en/model-studio/deep-thinking",
              "https://alibabacloud.com/help/en/model-studio/error-code"),
    ),
    ProviderProfile(
        # Zhipu BigModel: OpenAI-compatible at /api/paas/v4; GLM-4.5 and later think unless
        # thinking.type is "disabled" (models/text/glm-4.5). json_object only, tool_choice auto
        # only, max_tokens (from an adapter's notes; the official page was not found).
        name="zhipu", title="智谱 GLM", default_base_url="https://open.bigmodel.cn/api/paas/v4",
        hosts=("bigmodel.cn",), model_prefixes=("glm-",), key_env="ZHIPUAI_API_KEY",
        structured_method="json_mode", json_word_required=True, schema_in_prompt=True, tool_choice="auto",
        stream_usage=False, extra_body={"thinking": {"type": "disabled"}},
        thinking="已关闭（thinking.type=disabled）",
        docs=("https://docs.bigmodel.cn/cn/guide/models/text/glm-4.5",
              "https://java.agentscope.io/v2/en/integration/model/glm"),
    ),
    ProviderProfile(
        # Moonshot (Kimi): compatible with the OpenAI SDK (api/chat). Its JSON mode page was not
        # found: json_object with the schema in the prompt, the most widely accepted path.
        name="moonshot", title="月之暗面 Kimi", default_base_url="https://api.moonshot.cn/v1",
        hosts=("moonshot.cn", "moonshot.ai"), model_prefixes=("moonshot-", "kimi-"), key_env="MOONSHOT_API_KEY",
        structured_method="json_mode", json_word_required=True, schema_in_prompt=True, tool_choice="auto",
        stream_usage=True,
        docs=("https://platform.moonshot.cn/docs/api/chat",),
    ),
    ProviderProfile(
        # Structured outputs (guided decoding) for response_format json_schema; Qwen3 thinks unless
        # chat_template_kwargs.enable_thinking is false (reasoning_outputs); named tool_choice works
        # without server flags, auto does not (tool_calling).
        name="vllm", title="vLLM", default_base_url="http://localhost:8000/v1", ports=(8000,),
        structured_method="json_schema", tool_choice="named", stream_usage=True,
        api_key_required=False, extra_body={"chat_template_kwargs": {"enable_thinking": False}},
        thinking="已关闭（chat_template_kwargs.enable_thinking=false）",
        docs=("https://docs.vllm.ai/en/stable/features/reasoning_outputs/",
              "https://docs.vllm.ai/en/latest/features/tool_calling/",
              "https://docs.vllm.ai/en/v0.8.1/serving/openai_compatible_server.html"),
    ),
    ProviderProfile(
        # OpenAI compatibility: response_format json_schema, no tool_choice, reasoning_effort
        # "none" = think false (api/openai-compatibility; openai/openai.go). "The OpenAI API does not
        # have a way of setting the context size": 4096 by default (faq), so a prompt that will not
        # fit is refused with the way to raise it.
        name="ollama", title="Ollama", default_base_url="http://localhost:11434/v1", ports=(11434,),
        structured_method="json_schema", tool_choice="unsupported", stream_usage=True,
        api_key_required=False, extra_body={"reasoning_effort": "none"}, context_tokens=4096,
        thinking="已关闭（reasoning_effort=none）",
        docs=("https://github.com/ollama/ollama/blob/main/docs/api/openai-compatibility.mdx",
              "https://github.com/ollama/ollama/blob/main/openai/openai.go",
              "https://github.com/ollama/ollama/blob/main/docs/faq.mdx"),
    ),
    ProviderProfile(
        # llama-server turns response_format json_schema into a grammar; tools need --jinja; the
        # chat template reads chat_template_kwargs.enable_thinking; --ctx-size 4096 by default.
        name="llamacpp", title="llama.cpp 本地服务", default_base_url="http://localhost:8080/v1",
        ports=(8080,), structured_method="json_schema", tool_choice="required",
        api_key_required=False, extra_body={"chat_template_kwargs": {"enable_thinking": False}},
        thinking="已关闭（chat_template_kwargs.enable_thinking=false）",
        context_tokens=None,
        docs=("https://github.com/ggml-org/llama.cpp/blob/master/tools/server/README.md",),
    ),
    ProviderProfile(
        # LM Studio: response_format json_schema, "same format as OpenAI's Structured Output API"
        # (advanced/structured-output); json_object is refused (an adapter's notes).
        name="lmstudio", title="LM Studio", default_base_url="http://localhost:1234/v1", ports=(1234,),
        structured_method="json_schema", tool_choice="auto", stream_usage=True, api_key_required=False,
        docs=("https://lmstudio.ai/docs/advanced/structured-output", "https://lmstudio.ai/docs/api/openai-api"),
    ),
    ProviderProfile(
        # Unknown endpoints: the most widely supported path.
        name="generic", title="其他 OpenAI 兼容接口", structured_method="json_mode",
        json_word_required=True, schema_in_prompt=True, tool_choice="auto", api_key_required=False,
    ),
)}

# Per-model rules over a provider's profile: (provider, model name prefixes, changed fields).
MODEL_RULES: tuple[tuple[str, tuple[str, ...], dict[str, Any]], ...] = (
    # Reasoning models accept only the default temperature ("Only the default (1) value is
    # supported", https://github.com/openai/openai-python/issues/2104) and max_completion_tokens
    # (max_tokens "is not compatible with o-series models", completion_create_params.py).
    ("openai", ("o1", "o3", "o4", "gpt-5"), {"fixed_temperature": True, "thinking": "模型总在思考（推理内容不显示、不保存）"}),
    # deepseek-reasoner is the thinking mode: temperature has no effect, reasoning comes in
    # reasoning_content: https://api-docs.deepseek.com/zh-cn/guides/reasoning_model
    ("deepseek", ("deepseek-reasoner",), {"fixed_temperature": True, "extra_body": {},
                                          "thinking": "模型总在思考（reasoning_content 不读取、不保存）"}),
    # QwQ and the *-thinking models always think and answer only when streamed:
    # https://help.aliyun.com/zh/model-studio/deep-thinking
    ("qwen", ("qwq", "qwen3-235b-a22b-thinking", "qwen3-30b-a3b-thinking"),
     {"extra_body": {}, "thinking": "模型总在思考（推理内容不显示、不保存）"}),
)


def profile_for_model(profile: ProviderProfile, model: str | None) -> ProviderProfile:
    """``profile`` with the rules of ``model`` applied (reasoning models, fixed temperature …)."""
    name = (model or "").strip().lower()
    for provider, prefixes, changes in MODEL_RULES:
        if provider == profile.name and name.startswith(prefixes):
            return profile.model_copy(update=changes)
    return profile


def profile_from_model(model: str | None) -> ProviderProfile | None:
    """The provider a model name belongs to (deepseek-chat → DeepSeek …), or None."""
    name = (model or "").strip().lower()
    for profile in PROFILES.values():
        if profile.model_prefixes and name.startswith(profile.model_prefixes):
            return profile
    return None


def get_profile(name: str) -> ProviderProfile:
    try:
        return PROFILES[name.strip().lower()]
    except KeyError:
        known = "、".join(PROFILES)
        raise LLMConfigError(f"未知的接口类型“{name}”（REPORT_LLM_PROFILE），可选：{known}。") from None


def infer_profile(base_url: str | None) -> ProviderProfile:
    """The profile a base URL most likely needs: by host, then by a local server's usual port;
    ``generic`` when neither says (no URL: ``generic`` too; the model name decides then)."""
    if not base_url:
        return PROFILES["generic"]
    parsed = urlparse(base_url if "//" in base_url else f"http://{base_url}")
    host = (parsed.hostname or "").lower()
    for profile in PROFILES.values():
        if any(host == h or host.endswith("." + h) for h in profile.hosts):
            return profile
    for profile in PROFILES.values():
        if parsed.port is not None and parsed.port in profile.ports:
            return profile
    return PROFILES["generic"]


def is_provider_host(profile: ProviderProfile, base_url: str | None) -> bool:
    """True when ``base_url`` is on one of the provider's own hosts (its documented endpoint)."""
    if not base_url:
        return True
    host = (urlparse(base_url if "//" in base_url else f"http://{base_url}").hostname or "").lower()
    return any(host == h or host.endswith("." + h) for h in profile.hosts)
