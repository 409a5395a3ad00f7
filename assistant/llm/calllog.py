"""Every model call, logged: to Python logging and to ``llm_calls`` in the main database.

The audit trail and the cost figures come from here. Rows hold the task, prompt version, engine,
profile, model, tokens, latency and outcome — never a prompt, never the API key. Error texts
are passed through ``redact`` before they are stored or logged. The table is append-only (triggers
of migration 0005), and being in the main database, a call made by one process is seen by all.
``LoggedModel`` (assistant.llm.logged) writes the rows; the engines themselves do not.
"""

from __future__ import annotations

import contextvars
import datetime as dt
import logging
import re
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import func, insert, select
from sqlalchemy.engine import Engine

from assistant.storage import ride_along
from assistant.storage._tables import LLMCallRow

__all__ = ["CallLog", "CallRecord", "call_context", "redact"]

log = logging.getLogger("assistant.llm")

# which draft and user the calls being made now are for (set by the app around each action)
_CONTEXT: contextvars.ContextVar[tuple[int | None, str | None]] = contextvars.ContextVar(
    "llm_call_context", default=(None, None))


@contextmanager
def call_context(draft_id: int | None, username: str | None = None) -> Iterator[None]:
    """Calls made inside are recorded against this draft and user."""
    token = _CONTEXT.set((draft_id, username))
    try:
        yield
    finally:
        _CONTEXT.reset(token)

# Things that look like keys in provider error messages ("Incorrect API key provided: sk-…").
_KEYLIKE = re.compile(r"\b(sk|pk|ak|key)[-_][A-Za-z0-9_\-*]{6,}")


def redact(text: str | None, secrets: Iterable[str] = ()) -> str | None:
    """``text`` with every secret and anything key-like replaced by ***."""
    if text is None:
        return None
    for s in secrets:
        if s:
            text = text.replace(s, "***")
    return _KEYLIKE.sub("***", text)


@dataclass(frozen=True, slots=True)
class CallRecord:
    request_id: str
    attempt: int  # HTTP attempts of the call, retries and re-asks included (1 for the offline engine)
    task: str
    prompt_version: str
    engine: str
    profile: str | None
    model: str
    input_tokens: int | None
    output_tokens: int | None
    latency_ms: int
    # ok, invalid, truncated, rate_limited, server_error, connection_error, unavailable, timeout,
    # auth_error, request_error, unsupported, config_error, error
    outcome: str
    error: str | None = None
    reasks: int = 0
    cached_tokens: int | None = None  # of input_tokens, served from the provider's prompt cache
    reasoning_tokens: int | None = None  # of output_tokens, spent reasoning


def _aware(value: dt.datetime) -> dt.datetime:
    # SQLite hands back naive datetimes; they were written in UTC
    return value if value.tzinfo is not None else value.replace(tzinfo=dt.UTC)


class CallLog:
    """Writes ``CallRecord``s to ``llm_calls`` through ``engine`` (its schema migrated, as a
    ``Store`` leaves it) and to Python logging; ``CallLog(None)`` logs to Python logging only.
    ``CallLog.for_url(url)`` opens and migrates the database on first use, not before."""

    def __init__(self, engine: Engine | None, *, secrets: Iterable[str] = ()) -> None:
        self._engine = engine
        self._opener: Callable[[], Engine] | None = None
        self._secrets = tuple(s for s in secrets if s)
        self._lock = threading.Lock()

    @classmethod
    def for_url(cls, url: str | None, *, secrets: Iterable[str] = ()) -> CallLog:
        """The log in the database at ``url`` (None: the one the settings name)."""

        def open_() -> Engine:
            from assistant.storage import make_engine, migrate

            engine = make_engine(url)
            migrate(engine)
            return engine

        out = cls(None, secrets=secrets)
        out._opener = open_
        return out

    @property
    def engine(self) -> Engine | None:
        if self._engine is None and self._opener is not None:
            with self._lock:
                if self._engine is None:
                    self._engine = self._opener()
        return self._engine

    def write(self, rec: CallRecord) -> None:
        error = redact(rec.error, self._secrets)
        draft_id, username = _CONTEXT.get()
        log.info(
            "llm call task=%s prompt=%s engine=%s profile=%s model=%s attempts=%d reasks=%d tokens=%s/%s "
            "cached=%s reasoning=%s latency_ms=%d outcome=%s draft=%s%s",
            rec.task, rec.prompt_version, rec.engine, rec.profile, rec.model, rec.attempt, rec.reasks,
            rec.input_tokens, rec.output_tokens, rec.cached_tokens, rec.reasoning_tokens, rec.latency_ms,
            rec.outcome, draft_id,
            f" error={error}" if error else "",
        )
        if self._engine is None and self._opener is None:
            return

        def failed(exc: Exception) -> None:  # the user's action stands even if its record cannot be written
            log.error("call log: the row for task=%s was not written: %s",
                      rec.task, redact(f"{type(exc).__name__}: {exc}", self._secrets))

        try:
            engine = self.engine
            assert engine is not None
            values = dict(
                created_at=dt.datetime.now(dt.UTC), request_id=rec.request_id,
                attempt=rec.attempt, reasks=rec.reasks, task=rec.task,
                prompt_version=rec.prompt_version[:300], engine=rec.engine, profile=rec.profile,
                model=rec.model, input_tokens=rec.input_tokens, output_tokens=rec.output_tokens,
                cached_tokens=rec.cached_tokens, reasoning_tokens=rec.reasoning_tokens,
                latency_ms=rec.latency_ms, outcome=rec.outcome, error=error,
                draft_id=draft_id, username=username)
            # within a chat turn (``writes_together``): committed with the turn, not on its own
            if ride_along(engine, LLMCallRow, values, failed):
                return
            with engine.begin() as conn:
                conn.execute(insert(LLMCallRow).values(**values))
        except Exception as exc:
            failed(exc)

    def rows(self, draft_id: int | None = None) -> list[dict]:
        """All rows (or a draft's), oldest first, as dicts of the columns; ``ts`` is ``created_at``
        as ISO text (for the audit view and tests)."""
        engine = self.engine
        if engine is None:
            return []
        q = select(LLMCallRow.__table__).order_by(LLMCallRow.id)
        if draft_id is not None:
            q = q.where(LLMCallRow.draft_id == int(draft_id))
        with engine.connect() as conn:
            out = [dict(r._mapping) for r in conn.execute(q)]
        for r in out:
            r["created_at"] = _aware(r["created_at"])
            r["ts"] = r["created_at"].isoformat(timespec="milliseconds")
        return out

    def totals(self) -> dict[str, int]:
        """Token totals by model, for the cost figures."""
        engine = self.engine
        if engine is None:
            return {}
        q = select(LLMCallRow.model, func.sum(LLMCallRow.input_tokens), func.sum(LLMCallRow.output_tokens)
                   ).group_by(LLMCallRow.model)
        with engine.connect() as conn:
            return {f"{model}:{kind}": int(n or 0)
                    for model, i, o in conn.execute(q) for kind, n in (("input", i), ("output", o))}
