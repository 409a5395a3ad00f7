"""The server's short memory of live sessions (``SessionStore(cache_s=…)``): a session read live is not
read again for ``cache_s``; it still expires on time; a logout or a deactivation in this process
forgets it at once; one in another process is seen after ``cache_s``."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import event

from assistant.auth import SessionStore
from assistant.storage import Store
from assistant.storage._store import read_engine

T0 = dt.datetime(2026, 1, 5, 9, 0, tzinfo=dt.UTC)


def _listen(store: Store, name: str, fn) -> None:
    """``fn`` on every statement of the store's database: its writes' pool and (PostgreSQL) its reads'."""
    for engine in {id(e): e for e in (store.engine, read_engine(store.engine))}.values():
        event.listen(engine, name, fn)


@pytest.fixture
def store(database_url):
    s = Store(database_url)
    yield s
    s.close()


def _reads(store: Store) -> list[str]:
    seen: list[str] = []
    _listen(store, "before_cursor_execute",
                 lambda conn, cur, statement, *rest: seen.append(statement) if "login_sessions" in statement else None)
    return seen


def test_a_live_session_is_read_once_within_the_cache_time_and_still_expires_on_time(store):
    now = [T0]
    s = SessionStore(store.engine, idle_s=600, max_age_s=3600, touch_s=60, clock=lambda: now[0], cache_s=3600)
    s["a"] = "zhangsan"
    reads = _reads(store)
    for k in range(1, 30):
        now[0] = T0 + dt.timedelta(seconds=k)
        assert s.get("a") == "zhangsan"
    assert len(reads) == 1
    now[0] = T0 + dt.timedelta(seconds=601)  # idle by the times read (no touch was due): gone, never later
    assert s.get("a") is None


def test_a_logout_or_deactivation_here_forgets_at_once_and_another_process_is_seen_after_cache_s(store):
    s = SessionStore(store.engine, cache_s=3600)
    s["a"], s["b"], s["c"] = "zhangsan", "lisi", "wangwu"
    assert s.get("a") == "zhangsan" and s.get("b") == "lisi" and s.get("c") == "wangwu"
    s.end_user("zhangsan")
    s.pop("b")
    assert s.get("a") is None and s.get("b") is None
    other = SessionStore(store.engine)  # another process
    other.end_user("wangwu")
    assert s.get("c") == "wangwu"  # remembered here for cache_s
    s.cache_s = 0.0
    assert s.get("c") is None
