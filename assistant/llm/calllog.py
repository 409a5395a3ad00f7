"""Every model call, logged: to Python logging and to a small SQLite table.

The audit trail and the cost figures come from here. Rows hold the task, prompt version, engine,
profile, model, tokens, latency and outcome — never a prompt, never the API key. Error texts
are passed through ``redact`` before they are stored or logged.
"""

from __future__ import annotations

import contextvars
import datetime as dt
import logging
import re
import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path
from contextlib import contextmanager
from typing import Iterable, Iterator

__all__ = ["CallLog", "CallRecord", "call_context", "redact"]

log = logging.getLogger("assistant.llm")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS llm_calls (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    ts TEXT NOT NULL,
    request_id TEXT NOT NULL,
    attempt INTEGER NOT NULL,
    task TEXT NOT NULL,
    prompt_version TEXT NOT NULL,
    engine TEXT NOT NULL,
    profile TEXT,
    model TEXT NOT NULL,
    input_tokens INTEGER,
    output_tokens INTEGER,
    latency_ms INTEGER NOT NULL,
    outcome TEXT NOT NULL,
    error TEXT,
    draft_id INTEGER,
    username TEXT
)
"""
# files written before calls were tied to a draft
_ADD_COLUMNS = ("ALTER TABLE llm_calls ADD COLUMN draft_id INTEGER", "ALTER TABLE llm_calls ADD COLUMN username TEXT")

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
    attempt: int
    task: str
    prompt_version: str
    engine: str
    profile: str | None
    model: str
    input_tokens: int | None
    output_tokens: int | None
    latency_ms: int
    outcome: str  # ok, parse_error, invalid, rate_limited, server_error, timeout, connection_error, error
    error: str | None = None


class CallLog:
    """Writes ``CallRecord``s. ``path=None`` logs to Python logging only."""

    def __init__(self, path: Path | str | None, *, secrets: Iterable[str] = ()) -> None:
        self.path = Path(path) if path is not None else None
        self._secrets = tuple(s for s in secrets if s)
        self._lock = threading.Lock()
        if self.path is not None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self._connect() as db:
                db.execute(_SCHEMA)
                columns = {r[1] for r in db.execute("PRAGMA table_info(llm_calls)")}
                for sql in _ADD_COLUMNS:
                    if sql.split()[-2] not in columns:
                        db.execute(sql)

    def _connect(self) -> sqlite3.Connection:
        return sqlite3.connect(self.path, timeout=5)

    def write(self, rec: CallRecord) -> None:
        error = redact(rec.error, self._secrets)
        log.info(
            "llm call task=%s prompt=%s engine=%s profile=%s model=%s attempt=%d tokens=%s/%s "
            "latency_ms=%d outcome=%s%s",
            rec.task, rec.prompt_version, rec.engine, rec.profile, rec.model, rec.attempt,
            rec.input_tokens, rec.output_tokens, rec.latency_ms, rec.outcome,
            f" error={error}" if error else "",
        )
        if self.path is None:
            return
        draft_id, username = _CONTEXT.get()
        row = (
            dt.datetime.now(dt.timezone.utc).isoformat(timespec="milliseconds"), rec.request_id,
            rec.attempt, rec.task, rec.prompt_version, rec.engine, rec.profile, rec.model,
            rec.input_tokens, rec.output_tokens, rec.latency_ms, rec.outcome, error, draft_id, username,
        )
        with self._lock, self._connect() as db:
            db.execute(
                "INSERT INTO llm_calls (ts, request_id, attempt, task, prompt_version, engine, profile,"
                " model, input_tokens, output_tokens, latency_ms, outcome, error, draft_id, username)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                row,
            )

    def rows(self, draft_id: int | None = None) -> list[dict]:
        """All rows (or a draft's), oldest first (for the audit view and tests)."""
        if self.path is None or not self.path.exists():
            return []
        with self._connect() as db:
            db.row_factory = sqlite3.Row
            if draft_id is None:
                return [dict(r) for r in db.execute("SELECT * FROM llm_calls ORDER BY id")]
            return [dict(r) for r in db.execute("SELECT * FROM llm_calls WHERE draft_id = ? ORDER BY id",
                                                (int(draft_id),))]

    def totals(self) -> dict[str, int]:
        """Token totals by model, for the cost figures."""
        if self.path is None or not self.path.exists():
            return {}
        with self._connect() as db:
            return {
                f"{model}:{kind}": int(n or 0)
                for model, i, o in db.execute(
                    "SELECT model, SUM(input_tokens), SUM(output_tokens) FROM llm_calls GROUP BY model")
                for kind, n in (("input", i), ("output", o))
            }
