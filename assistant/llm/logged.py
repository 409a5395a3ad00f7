"""``LoggedModel``: the one place where model calls are logged, whatever the engine.

It wraps any ``Model`` and writes one ``CallRecord`` per ``complete``: task, prompt version
(the engine's if it used other text than the request's), engine, profile, model, tokens,
attempts and re-asks, latency, and the outcome (``ok`` or the error mapped to a name) with the
redacted error text. An engine may say more about a failure by setting ``outcome``, ``attempts``,
``usage`` and ``detail`` (the provider's own words) on the ``LLMError`` it raises.
"""

from __future__ import annotations

import time
import uuid

from assistant.llm.calllog import CallLog, CallRecord
from assistant.llm.errors import (
    LLMAuthError,
    LLMConfigError,
    LLMError,
    LLMOutputError,
    LLMRateLimitedError,
    LLMRequestError,
    LLMTimeoutError,
    LLMUnavailableError,
    OfflineUnsupportedError,
)
from assistant.llm.types import LLMRequest, LLMResponse, Model, Usage

__all__ = ["LoggedModel", "outcome_of"]

# most specific first
_OUTCOMES: tuple[tuple[type[BaseException], str], ...] = (
    (LLMTimeoutError, "timeout"), (LLMRateLimitedError, "rate_limited"), (LLMUnavailableError, "unavailable"),
    (LLMAuthError, "auth_error"), (LLMRequestError, "request_error"), (LLMOutputError, "invalid"),
    (OfflineUnsupportedError, "unsupported"), (LLMConfigError, "config_error"), (LLMError, "error"),
)


def outcome_of(exc: BaseException) -> str:
    """The call log's name for a failure."""
    refined = getattr(exc, "outcome", None)
    if isinstance(refined, str) and refined:
        return refined
    return next((name for cls, name in _OUTCOMES if isinstance(exc, cls)), "error")


class LoggedModel:
    """``inner`` with every call written to ``call_log``. ``engine`` and ``name`` are the inner's."""

    def __init__(self, inner: Model, call_log: CallLog) -> None:
        self.inner = inner
        self.call_log = call_log
        self.engine: str = inner.engine
        self.name: str = inner.name

    def __repr__(self) -> str:  # the inner's repr never holds the key
        return f"LoggedModel({self.inner!r})"

    def _profile(self) -> str | None:
        return getattr(getattr(self.inner, "profile", None), "name", None)

    def complete(self, request: LLMRequest) -> LLMResponse:
        request_id, started = uuid.uuid4().hex, time.monotonic()
        try:
            response = self.inner.complete(request)
        except Exception as exc:
            attempts, detail = getattr(exc, "attempts", None), getattr(exc, "detail", None)
            spent = getattr(exc, "usage", None)  # tokens of re-asks that still failed cost money too
            spent = spent if isinstance(spent, Usage) else None
            self.call_log.write(CallRecord(
                request_id, attempts if isinstance(attempts, int) else 1, request.task, request.prompt_version,
                self.engine, self._profile(), self.name,
                spent.input_tokens if spent is not None else None, spent.output_tokens if spent is not None else None,
                int((time.monotonic() - started) * 1000), outcome_of(exc),
                detail if isinstance(detail, str) and detail else f"{type(exc).__name__}: {exc}",
                cached_tokens=spent.cached_tokens if spent is not None else None,
                reasoning_tokens=spent.reasoning_tokens if spent is not None else None))
            raise
        self.call_log.write(CallRecord(
            request_id, response.attempts, request.task, response.prompt_version or request.prompt_version,
            self.engine, self._profile(), response.model or self.name, response.usage.input_tokens,
            response.usage.output_tokens, int((time.monotonic() - started) * 1000), "ok",
            reasks=response.reasks, cached_tokens=response.usage.cached_tokens,
            reasoning_tokens=response.usage.reasoning_tokens))
        return response
