"""Login sessions in the project database, shared by every server process.

The browser's cookie holds a random token; the table holds only its sha256, so a copy of the
database lets nobody in. A session ends after ``idle_s`` seconds without a request or ``max_age_s``
seconds in all (REPORT_SESSION_IDLE_MINUTES, REPORT_SESSION_MAX_HOURS), and at once when its user
logs out, is deactivated or is given a new password (``end_user``).

Cheap to check: a request reads one row by its key; ``last_seen`` is written only when it is more
than ``touch_s`` (60 s) old, so an active user costs one write a minute, not one per request. The
price: the idle timeout counts from a ``last_seen`` up to ``touch_s`` stale, so a session may end
up to a minute before ``idle_s`` of real idleness — never later.

``cache_s`` (0: off; the server uses a few seconds): a session found live is taken as read for that
long without reading its row again (a chat turn is several requests). The expiry is still checked
against the row's times as read, so it never comes later; a logout or a deactivation in this process
forgets it at once, one in another process is seen within ``cache_s``.

The same mapping-like surface as ``ui._sessions.ExpiringTokens`` (``store[token] = user``,
``get``, ``in``, ``del``, ``end_user``, ``len``), so the login gate takes either."""

from __future__ import annotations

import datetime as dt
import hashlib
import threading
import time
from collections.abc import Callable
from typing import cast

from sqlalchemy import Table, delete, func, insert, or_, select, update
from sqlalchemy.engine import Engine

from assistant.storage._store import read_engine
from assistant.storage._tables import LoginSessionRow

__all__ = ["SessionStore", "token_hash"]

_T = cast(Table, LoginSessionRow.__table__)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _aware(t: dt.datetime) -> dt.datetime:
    return t if t.tzinfo else t.replace(tzinfo=dt.UTC)  # SQLite returns naive UTC


class SessionStore:
    """Thread-safe and process-safe: every call is its own short transaction."""

    _CACHED = 10_000  # sessions remembered at most (then all forgotten: a re-read costs one query each)

    def __init__(self, engine: Engine, idle_s: float = 30 * 60, max_age_s: float = 12 * 3600, *,
                 touch_s: float = 60.0, clock: Callable[[], dt.datetime] = _utcnow, cache_s: float = 0.0):
        self.engine, self.idle_s, self.max_age_s, self.touch_s = engine, idle_s, max_age_s, touch_s
        self._clock, self.cache_s = clock, cache_s
        # reads, and single-statement writes each committed at once (PostgreSQL: without BEGIN and ROLLBACK)
        self._reader = read_engine(engine)
        # token hash → (user, created, last seen, when read: time.monotonic)
        self._live: dict[str, tuple[str, dt.datetime, dt.datetime, float]] = {}
        self._lock = threading.Lock()

    def _forget(self, key: str | None = None, username: str | None = None) -> None:
        with self._lock:
            if key is not None:
                self._live.pop(key, None)
            if username is not None:
                for k in [k for k, v in self._live.items() if v[0] == username]:
                    del self._live[k]

    def _cached(self, key: str, now: dt.datetime) -> str | None:
        """The user of a session read live less than ``cache_s`` ago, still live by the times read, and
        not due for a touch."""
        hit = self._live.get(key) if self.cache_s > 0 else None
        if hit is None:
            return None
        username, created, seen, read_at = hit
        if time.monotonic() - read_at > self.cache_s or self._expired(created, seen, now) \
                or (now - _aware(seen)).total_seconds() > self.touch_s:
            return None
        return username

    def _expired(self, created: dt.datetime, seen: dt.datetime, now: dt.datetime) -> bool:
        return (now - _aware(seen)).total_seconds() > self.idle_s or (now - _aware(created)).total_seconds() > self.max_age_s

    def _stale(self, now: dt.datetime):
        """Rows expired at ``now``."""
        return or_(_T.c.last_seen < now - dt.timedelta(seconds=self.idle_s),
                   _T.c.created_at < now - dt.timedelta(seconds=self.max_age_s))

    def __setitem__(self, token: str, username: str) -> None:
        """A new session (at login); expired ones of anyone are swept on the way, logins being rare."""
        now = self._clock()
        with self.engine.begin() as c:
            c.execute(delete(_T).where(self._stale(now)))
            c.execute(insert(_T).values(token_hash=token_hash(token), username=username, created_at=now,
                                        last_seen=now))

    def cached(self, token: str | None) -> str | None:
        """The user of a session ``get`` found live less than ``cache_s`` ago and still live, from this
        process's memory (no query, so cheap enough to ask in an event loop); None when it must be read."""
        return self._cached(token_hash(token), self._clock()) if token and self.cache_s > 0 else None

    def get(self, token: str | None, default: str | None = None) -> str | None:
        """The user of a live session (this counts as activity), else ``default``; an expired one is
        deleted."""
        if not token:
            return default
        key, now = token_hash(token), self._clock()
        cached = self._cached(key, now)
        if cached is not None:
            return cached
        with self._reader.connect() as c:
            row = c.execute(select(_T.c.username, _T.c.created_at, _T.c.last_seen)
                            .where(_T.c.token_hash == key)).first()
            if row is None:
                self._forget(key)
                return default
            if self._expired(row.created_at, row.last_seen, now):
                c.execute(delete(_T).where(_T.c.token_hash == key))
                c.commit()
                self._forget(key)
                return default
            seen = row.last_seen
            if (now - _aware(row.last_seen)).total_seconds() > self.touch_s:
                c.execute(update(_T).where(_T.c.token_hash == key).values(last_seen=now))
                c.commit()
                seen = now
        if self.cache_s > 0:
            with self._lock:
                if len(self._live) >= self._CACHED:
                    self._live.clear()
                self._live[key] = (row.username, row.created_at, seen, time.monotonic())
        return row.username

    def __getitem__(self, token: str) -> str:
        user = self.get(token)
        if user is None:
            raise KeyError(token)
        return user

    def __contains__(self, token: object) -> bool:
        return isinstance(token, str) and self.get(token) is not None

    def __delitem__(self, token: str) -> None:
        if not self.pop(token):
            raise KeyError(token)

    def pop(self, token: str, default: object = None) -> object:
        self._forget(token_hash(token))
        with self.engine.begin() as c:
            gone = c.execute(delete(_T).where(_T.c.token_hash == token_hash(token)).returning(_T.c.username)).first()
        return gone.username if gone else default

    def end_user(self, username: str) -> int:
        """End every session of ``username`` (logout, deactivation, new password); how many."""
        self._forget(username=username)
        with self.engine.begin() as c:
            return c.execute(delete(_T).where(_T.c.username == username)).rowcount

    def __len__(self) -> int:
        """Live sessions."""
        now = self._clock()
        with self._reader.connect() as c:
            return c.execute(select(func.count()).select_from(_T).where(~self._stale(now))).scalar_one()
