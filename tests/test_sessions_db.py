"""Login sessions in the database (``assistant.auth.SessionStore``), on SQLite and PostgreSQL: only the
token's sha256 is stored; the same expiry as ``ui._sessions.ExpiringTokens`` (idle, max age); a new
password, a deactivation and a logout end every session of the user; two stores on one database (two
server processes) see the same sessions; ``last_seen`` is written at most once a minute."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import event, select
from starlette.testclient import TestClient

from assistant.auth import AuthStore, SessionStore
from assistant.storage import Store
from assistant.storage._store import read_engine
from assistant.storage._tables import LoginSessionRow
from tests.test_ui_login import PASSWORD, _gradio, _login
from ui._gradio_auth import COOKIE, _LoginGate, login_page
from ui._page import APP_TITLE

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


def _at(now: list[dt.datetime]):
    return lambda: now[0]


def test_only_the_hash_of_the_token_is_stored_and_another_process_sees_it(store):
    a = SessionStore(store.engine)
    b = SessionStore(Store(str(store.engine.url.render_as_string(hide_password=False))).engine)  # another process
    a["raw-token-from-the-cookie"] = "zhangsan"
    with store.engine.connect() as c:
        stored = c.execute(select(LoginSessionRow.token_hash, LoginSessionRow.username)).all()
    assert len(stored) == 1 and stored[0].username == "zhangsan"
    assert "raw-token" not in stored[0].token_hash and len(stored[0].token_hash) == 64
    assert b.get("raw-token-from-the-cookie") == "zhangsan" and "raw-token-from-the-cookie" in b
    assert b.get("another-token") is None and b.get("") is None and len(b) == 1
    b.end_user("zhangsan")
    assert a.get("raw-token-from-the-cookie") is None and len(a) == 0
    b.engine.dispose()


def test_sessions_expire_when_idle_or_too_old_as_in_memory(store):
    now = [T0]
    s = SessionStore(store.engine, idle_s=600, max_age_s=3600, touch_s=60, clock=_at(now))
    s["a"], s["b"] = "zhangsan", "lisi"
    now[0] = T0 + dt.timedelta(seconds=480)
    assert s.get("a") == "zhangsan"  # activity, written (older than touch_s)
    now[0] = T0 + dt.timedelta(seconds=900)
    assert "a" in s and s.get("b") is None  # b idle for 900 s > 600
    assert len(s) == 1
    for _ in range(7):  # active every 500 s: never idle, but older than an hour at the end
        now[0] += dt.timedelta(seconds=500)
        if now[0] - T0 <= dt.timedelta(seconds=3600):
            assert s.get("a") == "zhangsan"
    assert s.get("a") is None
    with store.engine.connect() as c:
        assert c.execute(select(LoginSessionRow)).first() is None  # expired rows are deleted


def test_last_seen_is_written_at_most_once_a_minute(store):
    now = [T0]
    s = SessionStore(store.engine, idle_s=600, max_age_s=3600, touch_s=60, clock=_at(now))
    s["a"] = "zhangsan"
    writes: list[str] = []
    _listen(store, "before_cursor_execute",
                 lambda conn, cur, statement, *rest: writes.append(statement) if statement.lstrip().upper().startswith(
                     "UPDATE") else None)
    for k in range(1, 121):  # a request every second for two minutes
        now[0] = T0 + dt.timedelta(seconds=k)
        assert s.get("a") == "zhangsan"
    assert len(writes) == 1, writes  # at 61 s; the next is due after 121 s
    # the cost: idle counts from a last_seen up to a minute stale, so the session ends up to a minute
    # early: here after 542 s of real idleness (last request at 120 s), not 600
    now[0] = T0 + dt.timedelta(seconds=61 + 600 + 1)
    assert s.get("a") is None


def test_a_new_password_and_a_deactivation_end_every_session_of_the_user(store):
    auth = AuthStore(store.engine)
    auth.add_user("wangwu", "初始密码-2024", "supervisor")
    auth.add_user("zhangsan", "初始密码-2024", "staff")
    s = SessionStore(store.engine)
    s["z1"], s["z2"], s["w"] = "zhangsan", "zhangsan", "wangwu"
    auth.set_password("zhangsan", "新的密码-5678")
    assert s.get("z1") is None and s.get("z2") is None and s.get("w") == "wangwu"
    s["z3"] = "zhangsan"
    auth.set_active("zhangsan", False)
    assert s.get("z3") is None and s.get("w") == "wangwu"
    assert s.end_user("wangwu") == 1 and len(s) == 0


def test_the_login_gate_on_the_database_store_logs_in_and_out(store):
    sessions = SessionStore(store.engine)
    gate = _LoginGate(_gradio, login=_login, sessions=sessions, page=login_page(APP_TITLE))
    client, other = (TestClient(gate, base_url="http://127.0.0.1") for _ in range(2))
    for c in (client, other):
        assert c.post("/login", data={"username": "zhangsan", "password": PASSWORD}).status_code == 200
    assert len(sessions) == 2 and "<gradio-app>" in client.get("/").text
    # another process behind the same database: the same cookie is a live session there too
    elsewhere = TestClient(_LoginGate(_gradio, login=_login, sessions=SessionStore(store.engine), page=""),
                           base_url="http://127.0.0.1", cookies={COOKIE: client.cookies[COOKIE]})
    assert "<gradio-app>" in elsewhere.get("/").text
    assert client.get("/logout", follow_redirects=False).status_code == 302
    assert len(sessions) == 0 and "product-name" in other.get("/").text


def test_a_session_read_lately_is_known_without_a_query(store):
    """``cached``: what ``get`` found live less than ``cache_s`` ago, from memory (the login check in
    the event loop); None before a read, after a logout here, after ``cache_s``, without a cache, or
    when the activity is due to be written."""
    now = [T0]
    s = SessionStore(store.engine, idle_s=600, max_age_s=3600, touch_s=60, clock=_at(now), cache_s=5.0)
    s["a"] = "zhangsan"
    queries: list[str] = []
    _listen(store, "before_cursor_execute", lambda conn, cur, statement, *rest: queries.append(statement))
    assert s.cached("a") is None and s.cached(None) is None and s.cached("") is None
    assert s.get("a") == "zhangsan"
    queries.clear()
    assert s.cached("a") == "zhangsan" and s.cached("b") is None and not queries
    now[0] = T0 + dt.timedelta(seconds=61)
    assert s.cached("a") is None  # its activity is due: get writes it
    assert s.get("a") == "zhangsan" and s.cached("a") == "zhangsan"
    s.end_user("zhangsan")
    assert s.cached("a") is None
    assert SessionStore(store.engine, cache_s=0).cached("a") is None
