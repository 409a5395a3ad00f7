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
import json
import logging
import time
import uuid
from collections.abc import Callable
from functools import partial
from typing import Any

import openai
from langchain_core.messages import AIMessage, BaseMessage, HumanMessage, SystemMessage
from langchain_openai import ChatOpenAI
from langsmith import tracing_context
from pydantic import BaseModel, SecretStr, ValidationError

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

__all__ = ["TASK_HEADER", "OpenAICompatibleModel", "llm_schema"]

log = logging.getLogger("assistant.llm")

TASK_HEADER = "X-Report-Task"

# How a profile's tool_choice support becomes with_structured_output keyword arguments.
_TOOL_CHOICE_KWARGS: dict[str, dict[str, Any]] = {
    "named": {},  # LangChain names the schema's tool itself
    "required": {"tool_choice": "required"},
    "auto": {"tool_choice": "auto"},
    "unsupported": {"tool_choice": None},  # None: the field is not sent
}


def _inline_refs(node: Any, defs: dict[str, Any]) -> Any:
    # Local servers turn schemas into grammars; not all of them follow $ref.
    if isinstance(node, dict):
        if "$ref" in node and node["$ref"].startswith("#/$defs/"):
            return _inline_refs(copy.deepcopy(defs[node["$ref"].split("/")[-1]]), defs)
        return {k: _inline_refs(v, defs) for k, v in node.items() if k != "$defs"}
    if isinstance(node, list):
        return [_inline_refs(v, defs) for v in node]
    return node


def llm_schema(model: type[BaseModel]) -> dict[str, Any]:
    """The JSON schema sent to the endpoint: references inlined, named after the model."""
    schema = model.model_json_schema()
    schema = _inline_refs(schema, schema.get("$defs", {}))
    schema["title"] = model.__name__
    schema.setdefault("description", (model.__doc__ or model.__name__).strip().splitlines()[0])
    return schema


def _text_of(msg: AIMessage) -> str:
    """The answer as text: tool-call arguments if there were any, else the content."""
    raw_calls = msg.additional_kwargs.get("tool_calls") or []
    if raw_calls:
        return str(raw_calls[0].get("function", {}).get("arguments", ""))
    if msg.invalid_tool_calls:
        return str(msg.invalid_tool_calls[0].get("args") or "")
    if msg.tool_calls:
        return json.dumps(msg.tool_calls[0]["args"], ensure_ascii=False)
    content = msg.content
    if isinstance(content, list):
        content = "".join(p.get("text", "") if isinstance(p, dict) else str(p) for p in content)
    return str(content)


def _usage_of(msg: BaseMessage | None) -> Usage:
    meta = getattr(msg, "usage_metadata", None) or {}
    return Usage(int(meta.get("input_tokens") or 0), int(meta.get("output_tokens") or 0))


class _Attempt(Exception):
    """Internal: one failed HTTP attempt, classified."""

    def __init__(self, outcome: str, error: LLMError, retryable: bool, wait: float | None = None):
        super().__init__(str(error))
        self.outcome, self.error, self.retryable, self.wait = outcome, error, retryable, wait


class OpenAICompatibleModel:
    engine = "openai-compatible"

    def __init__(
        self, *, base_url: str | None, api_key: str | None, model: str, profile: ProviderProfile,
        timeout_s: float = 60.0, max_retries: int = 3, backoff_s: float = 1.0,
        backoff_max_s: float = 20.0, max_reasks: int = 2, max_tokens: int = 2048,
        temperature: float = 0.2, sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.name = model
        self.profile = profile
        self.base_url = base_url or profile.default_base_url
        self.max_retries, self.backoff_s, self.backoff_max_s = max_retries, backoff_s, backoff_max_s
        self.max_reasks, self.max_tokens, self.timeout_s = max_reasks, max_tokens, timeout_s
        self._secret = api_key or ""
        self._sleep = sleep
        # the documented argument names (aliases of ChatOpenAI's fields, which the pydantic mypy plugin
        # does not see as such)
        self._chat = ChatOpenAI(  # type: ignore[call-arg]
            model=model, base_url=self.base_url,
            # Local servers ignore the key, but the client insists on one.
            api_key=SecretStr(api_key or "not-needed"),
            timeout=timeout_s, max_retries=0, temperature=temperature,
            use_responses_api=False, stream_usage=profile.stream_usage,
        )

    def __repr__(self) -> str:  # never the key
        return f"OpenAICompatibleModel(profile={self.profile.name!r}, model={self.name!r}, base_url={self.base_url!r})"

    # ---- request building ------------------------------------------------------------------
    def _call_kwargs(self, request: LLMRequest) -> dict[str, Any]:
        # extra_headers goes through ChatOpenAI's payload to the openai client's create()
        kw: dict[str, Any] = {"extra_headers": {TASK_HEADER: request.task}}
        n = request.max_tokens or self.max_tokens
        if self.profile.max_tokens_field == "max_completion_tokens":
            kw["max_tokens"] = n  # ChatOpenAI sends it as max_completion_tokens
            if self.profile.extra_body:
                kw["extra_body"] = dict(self.profile.extra_body)
            return kw
        # ChatOpenAI renames a top-level max_tokens; extra_body reaches the wire unchanged.
        kw["extra_body"] = {**self.profile.extra_body, "max_tokens": n}
        return kw

    def _system(self, request: LLMRequest) -> str:
        if request.schema is None:
            return request.system
        p = load_prompt("json_output")
        if self.profile.schema_in_prompt:
            schema = json.dumps(llm_schema(request.schema), ensure_ascii=False, indent=1)
            return request.system + "\n\n" + p.render("with_schema", schema=schema)
        if self.profile.json_word_required:
            return request.system + "\n\n" + p.render("json_only")
        return request.system

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
        if isinstance(exc, openai.APITimeoutError):
            return _Attempt("timeout", LLMTimeoutError(
                f"模型服务（{where}）在{self.timeout_s:g}秒内没有响应，请求已超时。已有内容未作改动，请稍后重试。"), False)
        if isinstance(exc, openai.APIConnectionError):
            return _Attempt("connection_error", LLMUnavailableError(
                f"无法连接模型服务（{where}，{self.base_url}），请检查地址和网络。已有内容未作改动。"), True)
        if isinstance(exc, openai.RateLimitError):
            wait = _retry_after(exc)
            return _Attempt("rate_limited", LLMRateLimitedError(
                f"模型服务（{where}）请求过于频繁（HTTP 429），多次重试后仍未成功，请稍后再试。已有内容未作改动。"), True, wait)
        if isinstance(exc, openai.APIStatusError) and exc.status_code >= 500:
            return _Attempt("server_error", LLMUnavailableError(
                f"模型服务（{where}）暂时不可用（HTTP {exc.status_code}），多次重试后仍未成功。已有内容未作改动。"), True)
        if isinstance(exc, (openai.AuthenticationError, openai.PermissionDeniedError)):
            return _Attempt("auth_error", LLMAuthError(
                f"模型服务（{where}）拒绝了密钥（HTTP {exc.status_code}），请检查 REPORT_LLM_API_KEY。"), False)
        if isinstance(exc, openai.APIStatusError):
            detail = redact(str(getattr(exc, "message", "") or ""), (self._secret,)) or ""
            return _Attempt("request_error", LLMRequestError(
                f"模型服务（{where}）拒绝了请求（HTTP {exc.status_code}）：{detail[:200]}。"
                f"请检查模型名称和接口类型（REPORT_LLM_PROFILE）。"), False)
        if isinstance(exc, openai.LengthFinishReasonError):
            return _Attempt("truncated", LLMOutputError(
                "模型输出超过长度上限被截断，请调大 REPORT_LLM_MAX_TOKENS 后重试。已有内容未作改动。"), False)
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
                    delay = max(delay, min(a.wait, self.backoff_max_s))
                self._sleep(delay)
        raise AssertionError("unreachable")

    def _log_attempt(self, request: LLMRequest, request_id: str, attempt: int, latency_ms: int,
                     outcome: str, error: str | None = None, usage: Usage | None = None) -> None:
        log.info("llm attempt request=%s task=%s profile=%s model=%s attempt=%d tokens=%s/%s latency_ms=%d "
                 "outcome=%s%s", request_id, request.task, self.profile.name, self.name, attempt,
                 usage.input_tokens if usage else None, usage.output_tokens if usage else None, latency_ms,
                 outcome, f" error={redact(error, (self._secret,))}" if error else "")

    # ---- the seam ----------------------------------------------------------------------------
    def complete(self, request: LLMRequest) -> LLMResponse:
        if request.schema is not None:
            return self._structured(request)
        return self._text(request)

    def _text(self, request: LLMRequest) -> LLMResponse:
        request_id, counter, spent = uuid.uuid4().hex, [0], [Usage()]
        runnable = self._chat.bind(**self._call_kwargs(request))
        messages = self._messages(request)
        started = time.monotonic()
        if request.stream:
            emitted: list[str] = []

            def run() -> tuple[str, Usage]:
                usage = Usage()
                for chunk in runnable.stream(messages):
                    piece = chunk.content if isinstance(chunk.content, str) else _text_of(chunk)
                    if piece:
                        emitted.append(piece)
                        if request.on_token:
                            request.on_token(piece)
                    if chunk.usage_metadata:
                        usage = _usage_of(chunk)
                return "".join(emitted), usage

            # Once text reached the caller a retry would repeat it: retry only before that.
            (text, usage), latency = self._with_retries(run, request, request_id, counter, spent,
                                                        retry_allowed=lambda: not emitted)
        else:
            msg, latency = self._with_retries(partial(runnable.invoke, messages), request, request_id, counter,
                                              spent)
            text, usage = _text_of(msg), _usage_of(msg)
        self._log_attempt(request, request_id, counter[0], latency, "ok", usage=usage)
        return LLMResponse(text=text, usage=usage, model=self.name,
                           latency_ms=int((time.monotonic() - started) * 1000), attempts=counter[0])

    def _structured(self, request: LLMRequest) -> LLMResponse:
        assert request.schema is not None
        request_id, counter, spent = uuid.uuid4().hex, [0], [Usage()]
        method = self.profile.structured_method
        kwargs = self._call_kwargs(request)
        if method == "function_calling":
            kwargs.update(_TOOL_CHOICE_KWARGS[self.profile.tool_choice])
            if not self.profile.parallel_tool_calls:
                kwargs["parallel_tool_calls"] = None
        strict = self.profile.strict_schema if method != "json_mode" else None
        runnable = self._chat.with_structured_output(
            llm_schema(request.schema), method=method, include_raw=True, strict=strict, **kwargs)
        messages = self._messages(request)
        reask = load_prompt("reask")
        started = time.monotonic()
        version = self._version(request)
        last_error = ""
        for round_ in range(self.max_reasks + 1):
            out, latency = self._with_retries(partial(runnable.invoke, messages), request, request_id, counter,
                                              spent)
            raw: AIMessage = out["raw"]
            usage = _usage_of(raw)
            spent[0] = spent[0] + usage
            raw_text = _text_of(raw)
            error = None
            parsed_model = None
            if out.get("parsing_error") is not None:
                error = f"输出不是合法的 JSON：{out['parsing_error']}"
            elif out.get("parsed") is None:
                error = "没有按要求返回结构化结果。"
            else:
                try:
                    parsed_model = request.schema.model_validate(out["parsed"])
                except ValidationError as exc:
                    error = f"输出不符合要求的结构：{exc}"
            if error is None:
                self._log_attempt(request, request_id, counter[0], latency, "ok", usage=usage)
                return LLMResponse(
                    text=raw_text, parsed=parsed_model, usage=spent[0], model=self.name,
                    latency_ms=int((time.monotonic() - started) * 1000), attempts=counter[0],
                    reasks=round_, prompt_version=version if version != request.prompt_version else "")
            last_error = error[:1500]
            self._log_attempt(request, request_id, counter[0], latency, "invalid", last_error, usage)
            messages = [*messages, AIMessage(raw_text or "（空）"),
                        HumanMessage(reask.render("text", error=last_error))]
        raise _told(LLMOutputError(
            f"模型{self.max_reasks + 1}次返回的结果都不符合要求，本次未作任何改动。最后一次的问题：{last_error[:200]}"),
            "invalid", counter[0], spent[0], last_error)


def _told(error: LLMError, outcome: str, attempts: int, usage: Usage, detail: str | None) -> LLMError:
    """``error`` carrying what the call log records of a failed call (read by ``LoggedModel``)."""
    error.outcome, error.attempts, error.usage, error.detail = outcome, attempts, usage, detail  # type: ignore[attr-defined]
    return error


def _retry_after(exc: openai.APIStatusError) -> float | None:
    headers = getattr(getattr(exc, "response", None), "headers", None) or {}
    value = headers.get("retry-after")
    try:
        return float(value) if value is not None else None
    except ValueError:
        return None
