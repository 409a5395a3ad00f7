"""``OpenAICompatibleModel``: LangChain's ChatOpenAI for every OpenAI-compatible endpoint.

What the endpoint supports comes from its ``ProviderProfile``. Structured output goes through
``with_structured_output(method=profile.structured_method, include_raw=True)`` with a plain JSON
schema, so a malformed answer comes back as a parsing error instead of an exception; pydantic then
validates, and an invalid answer is re-asked with the error (at most ``max_reasks`` times).
HTTP 429/5xx and refused connections are retried with exponential backoff; a timeout is not
retried (a slow model stays slow) and ends in a Chinese message. Every HTTP attempt goes to Python
logging; the call itself is written to the call log by ``LoggedModel``, to which a failed call
tells its outcome, attempts, tokens and the provider's words (``outcome``, ``attempts``, ``usage``
and ``detail`` set on the error). Each request names its task in the ``X-Report-Task`` header
(harmless to providers; the test server routes on it).
"""

from __future__ import annotations

import copy
import email.utils
import ipaddress
import logging
import re
import time
import uuid
from collections.abc import Callable
from functools import partial
from typing import Any
from urllib.parse import urlparse

import httpx
import openai
from langchain_core.messages import AIMessage, AIMessageChunk, BaseMessage, HumanMessage, SystemMessage
from langchain_core.outputs import ChatGenerationChunk
from langchain_openai import ChatOpenAI
from langsmith import tracing_context
from pydantic import BaseModel, SecretStr, ValidationError

from assistant.llm._answer import ThinkFilter, json_answer, looks_refused, merge_tool_args, strip_reasoning
from assistant.llm.calllog import redact
from assistant.llm.errors import (
    LLMAuthError,
    LLMError,
    LLMOutputError,
    LLMRateLimitedError,
    LLMRequestError,
    LLMTimeoutError,
    LLMUnavailableError,
)
from assistant.llm.profiles import ProviderProfile
from assistant.llm.prompts import load_prompt
from assistant.llm.types import LLMRequest, LLMResponse, Usage

__all__ = ["TASK_HEADER", "OpenAICompatibleModel", "is_loopback", "llm_schema"]

log = logging.getLogger("assistant.llm")

TASK_HEADER = "X-Report-Task"

def _inline_refs(node: Any, defs: dict[str, Any]) -> Any:
    # Local servers turn schemas into grammars; not all of them follow $ref.
    if isinstance(node, dict):
        if "$ref" in node and node["$ref"].startswith("#/$defs/"):
            return _inline_refs(copy.deepcopy(defs[node["$ref"].split("/")[-1]]), defs)
        return {k: _inline_refs(v, defs) for k, v in node.items() if k != "$defs"}
    if isinstance(node, list):
        return [_inline_refs(v, defs) for v in node]
    return node


def _strict(node: Any) -> Any:
    # OpenAI's strict mode: every property required, no other properties, no "default" keyword
    # (https://platform.openai.com/docs/guides/structured-outputs#supported-schemas).
    if isinstance(node, list):
        return [_strict(v) for v in node]
    if not isinstance(node, dict):
        return node
    out = {k: _strict(v) for k, v in node.items() if k != "default"}
    if out.get("type") == "object" and isinstance(out.get("properties"), dict):
        out["required"] = list(out["properties"])
        out["additionalProperties"] = False
    return out


def llm_schema(model: type[BaseModel], *, strict: bool = False) -> dict[str, Any]:
    """The JSON schema sent to the endpoint: references inlined, named after the model; for a
    strict endpoint, in the subset strict mode accepts."""
    schema = model.model_json_schema()
    schema = _inline_refs(schema, schema.get("$defs", {}))
    schema["title"] = model.__name__
    schema.setdefault("description", (model.__doc__ or model.__name__).strip().splitlines()[0])
    return _strict(schema) if strict else schema


def _content_of(msg: BaseMessage) -> str:
    content = msg.content
    if isinstance(content, list):
        content = "".join(p.get("text", "") if isinstance(p, dict) else str(p) for p in content)
    return str(content or "")


def _tool_args_of(msg: AIMessageChunk) -> list[str]:
    """The argument strings of every tool call, pieces of one call joined in stream order."""
    by_index: dict[int, str] = {}
    for c in msg.tool_call_chunks:
        index = c.get("index")
        i = index if isinstance(index, int) else len(by_index)
        by_index[i] = by_index.get(i, "") + (c.get("args") or "")
    return [by_index[i] for i in sorted(by_index)]


def _usage_of(msg: BaseMessage | None) -> Usage:
    meta: Any = getattr(msg, "usage_metadata", None) or {}
    cached = (meta.get("input_token_details") or {}).get("cache_read") or 0
    reasoning = (meta.get("output_token_details") or {}).get("reasoning") or 0
    return Usage(int(meta.get("input_tokens") or 0), int(meta.get("output_tokens") or 0), int(cached),
                 int(reasoning))


class _Attempt(Exception):
    """Internal: one failed HTTP attempt, classified."""

    def __init__(self, outcome: str, error: LLMError, retryable: bool, wait: float | None = None):
        super().__init__(str(error))
        self.outcome, self.error, self.retryable, self.wait = outcome, error, retryable, wait


class _ChatOpenAI(ChatOpenAI):
    """ChatOpenAI keeping two things of a streamed chunk that it drops: a refusal (OpenAI's
    ``delta.refusal``) and DeepSeek's ``prompt_cache_hit_tokens`` (its name for cached input)."""

    def _convert_chunk_to_generation_chunk(self, chunk: dict, default_chunk_class: type,
                                           base_generation_info: dict | None) -> ChatGenerationChunk | None:
        out = super()._convert_chunk_to_generation_chunk(chunk, default_chunk_class, base_generation_info)
        if out is None or not isinstance(out.message, AIMessageChunk):
            return out
        choices = chunk.get("choices") or []
        delta = (choices[0].get("delta") or {}) if choices else {}
        if isinstance(delta.get("refusal"), str) and delta["refusal"]:
            out.message.additional_kwargs["refusal"] = delta["refusal"]
        usage = chunk.get("usage") or {}
        hit = usage.get("prompt_cache_hit_tokens")
        meta = out.message.usage_metadata
        if isinstance(hit, int) and meta is not None and not (meta.get("input_token_details") or {}).get("cache_read"):
            meta["input_token_details"] = {**(meta.get("input_token_details") or {}), "cache_read": hit}
        return out


class _Unanswered(Exception):
    """Internal: a reply that came back but holds no usable answer (never saved, never re-asked)."""

    def __init__(self, outcome: str, message: str):
        super().__init__(message)
        self.outcome, self.message = outcome, message


_UNANSWERED = {
    "length": ("truncated", "模型输出达到长度上限被截断（finish_reason=length），这次的结果没有采用。"
                            "可调大 REPORT_LLM_MAX_TOKENS 后重试。"),
    "content_filter": ("filtered", "模型服务的内容审核拦截了这次回答（content_filter），这次的结果没有采用。"
                                   "可稍后重试，或换一种说法。"),
    "empty": ("empty", "模型返回了空内容，请重试。"),
    "thinking_only": ("truncated", "模型在思考阶段就用完了输出长度，没有给出回答。"
                                   "可调大 REPORT_LLM_MAX_TOKENS，或换用不思考的模型。"),
    "refused": ("refused", "模型拒绝回答了这次请求，可换一种说法后重试。"),
}


def _unanswered(kind: str) -> _Unanswered:
    outcome, message = _UNANSWERED[kind]
    return _Unanswered(outcome, message)


class OpenAICompatibleModel:
    """Every call is streamed: a slow local model keeps the connection busy instead of running into
    the read timeout, drafts reach the screen as they are written, and one code path reads every
    provider's reply. Structured output is sent in the request body (``response_format`` or
    ``tools``) and read here, not by a client-side parser, so that reasoning, fences, prose and
    split tool calls are handled the same way for every provider."""

    engine = "openai-compatible"

    def __init__(
        self, *, base_url: str | None, api_key: str | None, model: str, profile: ProviderProfile,
        timeout_s: float = 60.0, max_retries: int = 3, backoff_s: float = 1.0,
        backoff_max_s: float = 20.0, max_reasks: int = 2, max_tokens: int = 2048,
        temperature: float = 0.2, sleep: Callable[[float], None] = time.sleep,
        retry_after_max_s: float = 120.0, key_name: str = "REPORT_LLM_API_KEY",
    ) -> None:
        self.name = model
        self.profile = profile
        self.base_url = base_url or profile.default_base_url
        self.max_retries, self.backoff_s, self.backoff_max_s = max_retries, backoff_s, backoff_max_s
        self.max_reasks, self.max_tokens, self.timeout_s = max_reasks, max_tokens, timeout_s
        self.retry_after_max_s = retry_after_max_s
        self.key_name = key_name
        self._secret = api_key or ""
        self._sleep = sleep
        extra: dict[str, Any] = {}
        if is_loopback(self.base_url):
            # A local server is never behind the office proxy: HTTP(S)_PROXY must not apply to it.
            extra["http_client"] = httpx.Client(trust_env=False, timeout=timeout_s)
            extra["http_socket_options"] = ()  # our client as it is: no transport of LangChain's, no warning
        # the documented argument names (aliases of ChatOpenAI's fields, which the pydantic mypy plugin
        # does not see as such)
        self._chat = _ChatOpenAI(  # type: ignore[call-arg]
            model=model, base_url=self.base_url,
            # Local servers ignore the key, but the client insists on one.
            api_key=SecretStr(api_key or "not-needed"),
            timeout=timeout_s, max_retries=0,
            temperature=None if profile.fixed_temperature else temperature,
            use_responses_api=False, stream_usage=profile.stream_usage, **extra,
        )

    def __repr__(self) -> str:  # never the key
        return f"OpenAICompatibleModel(profile={self.profile.name!r}, model={self.name!r}, base_url={self.base_url!r})"

    # ---- request building ------------------------------------------------------------------
    def request_body(self, request: LLMRequest) -> dict[str, Any]:
        """The fields this request adds to the wire body besides model, messages and stream: the
        token limit under the profile's name, the profile's own fields (thinking off …) and, for
        structured output, ``response_format`` or ``tools``. Sent as ``extra_body`` so the client
        passes them unchanged."""
        body: dict[str, Any] = {**self.profile.extra_body,
                                self.profile.max_tokens_field: request.max_tokens or self.max_tokens}
        if request.schema is None:
            return body
        schema = llm_schema(request.schema, strict=self.profile.strict_schema)
        name = request.schema.__name__
        method = self.profile.structured_method
        if method == "json_mode":
            body["response_format"] = {"type": "json_object"}
        elif method == "json_schema":
            spec: dict[str, Any] = {"name": name, "schema": schema}
            if self.profile.strict_schema:
                spec["strict"] = True
            body["response_format"] = {"type": "json_schema", "json_schema": spec}
        else:
            function: dict[str, Any] = {"name": name, "description": schema.get("description", name),
                                        "parameters": schema}
            if self.profile.strict_schema:
                function["strict"] = True
            body["tools"] = [{"type": "function", "function": function}]
            choice = {"named": {"type": "function", "function": {"name": name}}, "required": "required",
                      "auto": "auto"}.get(self.profile.tool_choice)
            if choice is not None:
                body["tool_choice"] = choice
            if self.profile.parallel_tool_calls:
                body["parallel_tool_calls"] = False
        return body

    def _system(self, request: LLMRequest) -> str:
        # The task prompt describes the JSON shape with an example (what json_object endpoints get
        # instead of a schema); some endpoints also insist on the word "json".
        if request.schema is None or not (self.profile.schema_in_prompt or self.profile.json_word_required):
            return request.system
        return request.system + "\n\n" + load_prompt("json_output").render("json_only")

    def _messages(self, request: LLMRequest) -> list[BaseMessage]:
        out: list[BaseMessage] = [SystemMessage(self._system(request))]
        for m in request.messages:
            out.append(HumanMessage(m.content) if m.role == "user" else AIMessage(m.content))
        return out

    def _version(self, request: LLMRequest) -> str:
        if request.schema is None or not (self.profile.schema_in_prompt or self.profile.json_word_required):
            return request.prompt_version
        p = load_prompt("json_output")
        return f"{request.prompt_version}+{p.id}@{p.version}"

    # ---- one HTTP attempt, classified ---------------------------------------------------------
    def _classify(self, exc: Exception) -> _Attempt:
        where = self.profile.title
        if isinstance(exc, _Unanswered):
            # a blank reply is retried (DeepSeek: "handle blank content and retry"); the others not
            return _Attempt(exc.outcome, LLMOutputError(exc.message), exc.outcome == "empty")
        if isinstance(exc, openai.APITimeoutError):
            return _Attempt("timeout", LLMTimeoutError(
                f"模型服务（{where}）在{self.timeout_s:g}秒内没有响应，请求已超时，请稍后重试。"), False)
        if isinstance(exc, openai.APIConnectionError):
            return _Attempt("connection_error", LLMUnavailableError(
                f"无法连接模型服务（{where}，{self.base_url}），请检查地址和网络。"), True)
        if isinstance(exc, openai.RateLimitError):
            wait = _retry_after(exc)
            if wait is not None and wait > self.retry_after_max_s:
                return _Attempt("rate_limited", LLMRateLimitedError(
                    f"模型服务（{where}）请求过于频繁（HTTP 429），服务要求{_seconds(wait)}后再试。"), False)
            return _Attempt("rate_limited", LLMRateLimitedError(
                f"模型服务（{where}）请求过于频繁（HTTP 429），多次重试后仍未成功，请稍后再试。"), True, wait)
        if isinstance(exc, openai.APIStatusError):
            status = exc.status_code
            text = str(getattr(exc, "message", "") or "") + " " + str(getattr(exc, "body", "") or "")
            if status >= 500:
                return _Attempt("server_error", LLMUnavailableError(
                    f"模型服务（{where}）暂时不可用（HTTP {status}），多次重试后仍未成功。"), True)
            if status == 401:
                return _Attempt("auth_error", LLMAuthError(
                    f"模型服务（{where}）拒绝了密钥（HTTP 401），请检查 {self.key_name}。"), False)
            if status == 402 or _BALANCE.search(text):
                return _Attempt("insufficient_balance", LLMRequestError(
                    f"模型服务（{where}）账户余额不足（HTTP {status}），请充值后重试。"), False)
            if status == 403:
                return _Attempt("auth_error", LLMAuthError(
                    f"模型服务（{where}）拒绝访问（HTTP 403）：这个密钥没有使用模型“{self.name}”的权限。"), False)
            if status == 404:
                return _Attempt("request_error", LLMRequestError(
                    f"模型服务（{where}）找不到模型“{self.name}”或接口地址（HTTP 404），"
                    f"请检查 REPORT_LLM_MODEL 和 REPORT_LLM_BASE_URL。"), False)
            if _CONTEXT_TOO_LONG.search(text):
                return _Attempt("context_too_long", LLMRequestError(
                    f"这次发给模型的内容超过了模型“{self.name}”的上下文长度（HTTP {status}）。"
                    "可换用上下文更长的模型，或把内容分几次发送。"), False)
            return _Attempt("request_error", LLMRequestError(
                f"模型服务（{where}）拒绝了请求（HTTP {status}），详细原因已记入模型调用记录。"
                f"请检查模型名称和接口类型（REPORT_LLM_PROFILE）。"), False)
        if isinstance(exc, openai.LengthFinishReasonError):
            return self._classify(_unanswered("length"))
        if isinstance(exc, openai.ContentFilterFinishReasonError):
            return self._classify(_unanswered("content_filter"))
        raise exc

    def _with_retries(self, fn: Callable[[], Any], request: LLMRequest, request_id: str,
                      counter: list[int], usage: list[Usage], *,
                      retry_allowed: Callable[[], bool] = lambda: True):
        """Run ``fn`` (one HTTP call) with retries. Returns (result, latency_ms)."""
        for n in range(self.max_retries + 1):
            counter[0] += 1
            t0 = time.monotonic()
            try:
                with tracing_context(enabled=False):  # drafts never go to a tracing service
                    result = fn()
                return result, int((time.monotonic() - t0) * 1000)
            except Exception as exc:  # classified below; anything unknown re-raises
                a = self._classify(exc)
                detail = redact(f"{type(exc).__name__}: {exc}", (self._secret,))
                self._log_attempt(request, request_id, counter[0], int((time.monotonic() - t0) * 1000),
                                  a.outcome, detail)
                if not (a.retryable and n < self.max_retries and retry_allowed()):
                    raise _told(a.error, a.outcome, counter[0], usage[0], detail) from None
                delay = min(self.backoff_max_s, self.backoff_s * (2 ** n))
                if a.wait is not None:
                    delay = max(delay, a.wait)  # the provider said how long: wait that long
                self._sleep(delay)
        raise AssertionError("unreachable")

    def _log_attempt(self, request: LLMRequest, request_id: str, attempt: int, latency_ms: int,
                     outcome: str, error: str | None = None, usage: Usage | None = None) -> None:
        log.info("llm attempt request=%s task=%s profile=%s model=%s attempt=%d tokens=%s/%s cached=%s "
                 "reasoning=%s latency_ms=%d outcome=%s%s", request_id, request.task, self.profile.name, self.name,
                 attempt, usage.input_tokens if usage else None, usage.output_tokens if usage else None,
                 usage.cached_tokens if usage else None, usage.reasoning_tokens if usage else None, latency_ms,
                 outcome, f" error={redact(error, (self._secret,))}" if error else "")

    # ---- the seam ----------------------------------------------------------------------------
    def _stream(self, request: LLMRequest, messages: list[BaseMessage],
                on_text: Callable[[str], None] | None, shown: list[str]) -> AIMessageChunk:
        """One streamed call, its chunks added up; ``on_text`` gets the visible text as it comes."""
        total: AIMessageChunk | None = None
        think = ThinkFilter()
        kwargs: dict[str, Any] = {"extra_headers": {TASK_HEADER: request.task},
                                  "extra_body": self.request_body(request)}
        for chunk in self._chat.stream(messages, **kwargs):
            if not isinstance(chunk, AIMessageChunk):
                continue
            total = chunk if total is None else total + chunk
            piece = _content_of(chunk)
            if piece and on_text is not None:
                visible = think.feed(piece)
                if visible:
                    shown.append(visible)
                    on_text(visible)
        return total if total is not None else AIMessageChunk(content="")

    def _check_fits(self, request: LLMRequest, messages: list[BaseMessage]) -> None:
        """Refuse before sending what a server with a small fixed context would cut silently."""
        limit = self.profile.context_tokens
        if not limit:
            return
        need = sum(estimate_tokens(_content_of(m)) for m in messages) + (request.max_tokens or self.max_tokens)
        if need > limit:
            raise _told(LLMRequestError(
                f"这次要发给模型的内容约{need}个 token（含回答上限），超过了{self.profile.title}的上下文长度{limit}，"
                f"发出去会被截断，所以没有发送。请让{self.profile.title}使用更长的上下文"
                "（Ollama：启动前设置 OLLAMA_CONTEXT_LENGTH=16384），并设置 REPORT_LLM_CONTEXT_TOKENS=16384。"),
                "context_too_long", 0, Usage(), f"estimated {need} tokens > context {limit}")

    def complete(self, request: LLMRequest) -> LLMResponse:
        request_id, counter, spent = uuid.uuid4().hex, [0], [Usage()]
        messages = self._messages(request)
        self._check_fits(request, messages)
        started = time.monotonic()
        version = self._version(request)
        reask = load_prompt("reask")
        last_error = ""
        for round_ in range(self.max_reasks + 1 if request.schema is not None else 1):
            shown: list[str] = []
            on_text = request.on_token if request.schema is None and request.stream else None
            msg, latency = self._with_retries(
                partial(self._checked, request, messages, on_text, shown, spent), request, request_id, counter,
                spent, retry_allowed=partial(_nothing_shown, shown))  # text already shown is never repeated
            usage = _usage_of(msg)
            if request.schema is None:
                text = strip_reasoning(_content_of(msg))
                self._log_attempt(request, request_id, counter[0], latency, "ok", usage=usage)
                return LLMResponse(text=text, usage=spent[0], model=self.name,
                                   latency_ms=int((time.monotonic() - started) * 1000), attempts=counter[0])
            raw_text, parsed, error = self._parse(msg, request.schema)
            if parsed is not None:
                self._log_attempt(request, request_id, counter[0], latency, "ok", usage=usage)
                return LLMResponse(
                    text=raw_text, parsed=parsed, usage=spent[0], model=self.name,
                    latency_ms=int((time.monotonic() - started) * 1000), attempts=counter[0],
                    reasks=round_, prompt_version=version if version != request.prompt_version else "")
            last_error = error[:1500]
            self._log_attempt(request, request_id, counter[0], latency, "invalid", last_error, usage)
            messages = [*messages, AIMessage(raw_text or "（空）"),
                        HumanMessage(reask.render("text", error=last_error))]
        raise _told(LLMOutputError(
            f"模型{self.max_reasks + 1}次返回的结果都不符合要求的格式，详细原因已记入模型调用记录。"),
            "invalid", counter[0], spent[0], last_error)

    def _checked(self, request: LLMRequest, messages: list[BaseMessage], on_text: Callable[[str], None] | None,
                 shown: list[str], spent: list[Usage]) -> AIMessageChunk:
        """One call whose reply holds an answer: a truncated, filtered, refused or empty reply raises
        ``_Unanswered`` (what it cost is counted first)."""
        msg = self._stream(request, messages, on_text, shown)
        if not msg.usage_metadata:
            # no usage in the stream (a server that cannot report it): estimate rather than count 0
            prompt = sum(estimate_tokens(_content_of(m)) for m in messages)
            answer = estimate_tokens(_content_of(msg) + "".join(_tool_args_of(msg)))
            msg.usage_metadata = {"input_tokens": prompt, "output_tokens": answer, "total_tokens": prompt + answer}
        spent[0] = spent[0] + _usage_of(msg)
        finish = (msg.response_metadata or {}).get("finish_reason")
        if finish in ("length", "content_filter"):
            raise _unanswered(str(finish))
        if msg.additional_kwargs.get("refusal"):
            raise _unanswered("refused")
        content = _content_of(msg)
        if _tool_args_of(msg):
            return msg
        text = strip_reasoning(content)
        if not text:
            raise _unanswered("thinking_only" if content.strip() else "empty")
        if looks_refused(text):
            raise _unanswered("refused")
        return msg

    def _parse(self, msg: AIMessageChunk, schema: type[BaseModel]) -> tuple[str, BaseModel | None, str]:
        """(the answer as text, the validated object or None, the Chinese reason it is None)."""
        calls = _tool_args_of(msg)
        raw_text = "\n".join(calls) if calls else strip_reasoning(_content_of(msg))
        try:
            value = merge_tool_args(calls) if calls else json_answer(raw_text)
        except ValueError as exc:
            return raw_text, None, f"输出不是合法的 JSON：{exc}"
        try:
            return raw_text, schema.model_validate(value), ""
        except ValidationError as exc:
            return raw_text, None, f"输出不符合要求的结构：{exc}"


_BALANCE = re.compile(r"insufficient[ _]balance|insufficient_quota|余额不足|Arrearage|欠费", re.I)
_CONTEXT_TOO_LONG = re.compile(
    r"context[ _](?:length|size)|maximum context|context window|too many tokens|prompt is too long|上下文长度|超出.*长度",
    re.I)


def _nothing_shown(shown: list[str]) -> bool:
    return not shown


def estimate_tokens(text: str) -> int:
    """A generous estimate without the model's tokenizer: a CJK character is at most about one
    token in the Qwen, DeepSeek and Llama vocabularies, other text about four characters a token."""
    cjk = sum(1 for ch in text if ord(ch) >= 0x2E80)
    return cjk + (len(text) - cjk + 3) // 4 + 4


def _seconds(s: float) -> str:
    return f"{int(s // 60)}分钟" if s >= 120 else f"{int(s)}秒"


def is_loopback(url: str | None) -> bool:
    """True for an endpoint on this machine (localhost, 127.x, ::1)."""
    if not url:
        return False
    host = (urlparse(url if "//" in url else f"http://{url}").hostname or "").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _told(error: LLMError, outcome: str, attempts: int, usage: Usage, detail: str | None) -> LLMError:
    """``error`` carrying what the call log records of a failed call (read by ``LoggedModel``)."""
    error.outcome, error.attempts, error.usage, error.detail = outcome, attempts, usage, detail  # type: ignore[attr-defined]
    return error


def _retry_after(exc: openai.APIStatusError) -> float | None:
    headers = getattr(getattr(exc, "response", None), "headers", None) or {}
    value = headers.get("retry-after")
    if value is None:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:  # an HTTP date
        when = email.utils.parsedate_to_datetime(value)
        return max(0.0, when.timestamp() - time.time())
    except (TypeError, ValueError):
        return None
