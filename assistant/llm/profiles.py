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

__all__ = ["PROFILES", "ProviderProfile", "StructuredMethod", "get_profile", "infer_profile"]

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
    structured_method: StructuredMethod
    strict_schema: bool = False
    json_word_required: bool = Field(False, description="提示词中必须出现 json 字样")
    schema_in_prompt: bool = Field(False, description="接口不接收 schema，须写进提示词")
    max_tokens_field: MaxTokensField = "max_tokens"
    tool_choice: ToolChoice = "named"
    parallel_tool_calls: bool = Field(False, description="是否可以发送 parallel_tool_calls 字段")
    stream_usage: bool = Field(False, description="流式输出时可请求用量（stream_options.include_usage）")
    api_key_required: bool = True
    extra_body: dict[str, Any] = Field(default_factory=dict)


PROFILES: dict[str, ProviderProfile] = {p.name: p for p in (
    ProviderProfile(
        name="openai", title="OpenAI", default_base_url="https://api.openai.com/v1",
        hosts=("openai.com",), structured_method="json_schema", strict_schema=True,
        max_tokens_field="max_completion_tokens", tool_choice="named", parallel_tool_calls=True,
        stream_usage=True,
    ),
    ProviderProfile(
        # JSON Output needs response_format json_object and the word "json" in the prompt.
        name="deepseek", title="DeepSeek", default_base_url="https://api.deepseek.com/v1",
        hosts=("deepseek.com",), structured_method="json_mode", json_word_required=True,
        schema_in_prompt=True, tool_choice="named", stream_usage=True,
    ),
    ProviderProfile(
        # DashScope compatible mode: JSON mode needs "json" in the prompt; Qwen3 thinking must be
        # off for non-streamed calls.
        name="qwen", title="通义千问（DashScope 兼容模式）",
        default_base_url="https://dashscope.aliyuncs.com/compatible-mode/v1",
        hosts=("dashscope.aliyuncs.com", "dashscope-intl.aliyuncs.com", "aliyuncs.com"),
        structured_method="json_mode", json_word_required=True, schema_in_prompt=True,
        tool_choice="auto", stream_usage=True, extra_body={"enable_thinking": False},
    ),
    ProviderProfile(
        # Guided decoding enforces response_format json_schema.
        name="vllm", title="vLLM", default_base_url="http://localhost:8000/v1", ports=(8000,),
        structured_method="json_schema", tool_choice="named", stream_usage=True,
        api_key_required=False,
    ),
    ProviderProfile(
        name="ollama", title="Ollama", default_base_url="http://localhost:11434/v1", ports=(11434,),
        structured_method="json_schema", tool_choice="unsupported", stream_usage=True,
        api_key_required=False,
    ),
    ProviderProfile(
        # llama-server turns response_format json_schema into a grammar; tools need --jinja.
        name="llamacpp", title="llama.cpp server", default_base_url="http://localhost:8080/v1",
        ports=(8080,), structured_method="json_schema", tool_choice="required",
        api_key_required=False,
    ),
    ProviderProfile(
        # Unknown endpoints: the most widely supported path.
        name="generic", title="其他 OpenAI 兼容接口", structured_method="json_mode",
        json_word_required=True, schema_in_prompt=True, tool_choice="auto", api_key_required=False,
    ),
)}


def get_profile(name: str) -> ProviderProfile:
    try:
        return PROFILES[name.strip().lower()]
    except KeyError:
        known = "、".join(PROFILES)
        raise LLMConfigError(f"未知的接口类型“{name}”（REPORT_LLM_PROFILE），可选：{known}。") from None


def infer_profile(base_url: str | None) -> ProviderProfile:
    """The profile a base URL most likely needs: by host, then by a local server's usual port."""
    if not base_url:
        return PROFILES["openai"]
    parsed = urlparse(base_url if "//" in base_url else f"http://{base_url}")
    host = (parsed.hostname or "").lower()
    for profile in PROFILES.values():
        if any(host == h or host.endswith("." + h) for h in profile.hosts):
            return profile
    for profile in PROFILES.values():
        if parsed.port is not None and parsed.port in profile.ports:
            return profile
    return PROFILES["generic"]
