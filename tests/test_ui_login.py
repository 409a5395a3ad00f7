"""Our login in front of Gradio (``ui/_gradio_auth.py``), without a browser: the page at / is the
Chinese login page until a session exists (the product's name in it and in its title, no English,
no command-line hint); /login answers 400, 403 or 429 with the Chinese reason and sets the session
cookie; Gradio's page gets the script that makes its own words Chinese; /logout and expiry end
sessions. And what this relies on, against the installed Gradio."""

from __future__ import annotations

import asyncio
import inspect
import re

import gradio as gr
import pytest
from starlette.middleware import Middleware
from starlette.testclient import TestClient

from assistant.auth import AccountDisabled, LoginThrottled
from ui._gradio_auth import COOKIE, _LoginGate, _session_user, login_page
from ui._page import APP_TITLE
from ui._sessions import ExpiringTokens

PASSWORD = "正确的密码-1"
GRADIO_PAGE = b"<!doctype html><html lang=\"en\"><head><title></title></head><body><gradio-app></gradio-app></body></html>"


def _login(username: str, password: str) -> bool:
    if username == "busy":
        raise LoginThrottled("登录失败次数过多，已暂停登录，请15分钟后再试；忘记密码请联系本单位的审核人员。")
    if username == "gone" and password == PASSWORD:
        raise AccountDisabled("该账号已停用，不能登录；如有疑问请联系本单位的审核人员。")
    return username == "zhangsan" and password == PASSWORD


async def _gradio(scope, receive, send):
    """Stands for Gradio's app behind the gate: its page, and who the API thinks is calling."""
    await send({"type": "http.response.start", "status": 200,
                "headers": [(b"content-type", b"text/html; charset=utf-8"),
                            (b"content-length", str(len(GRADIO_PAGE)).encode())]})
    await send({"type": "http.response.body", "body": GRADIO_PAGE})


@pytest.fixture
def gate():
    sessions = ExpiringTokens(idle_s=60, max_age_s=3600)
    app = _LoginGate(_gradio, login=_login, sessions=sessions, page=login_page(APP_TITLE))
    yield TestClient(app, base_url="http://127.0.0.1"), sessions


def test_the_login_page_is_chinese_with_the_product_name_and_no_command_line(gate):
    client, _ = gate
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    title = re.search(r"<title>(.*?)</title>", page.text).group(1)
    assert APP_TITLE in title and f'id="product-name">{APP_TITLE}<' in page.text
    text = re.sub(r"<(script|style)>.*?</\1>|<[^>]+>", " ", page.text, flags=re.S)
    assert "用户名" in text and "密码" in text and "登录" in text
    assert not re.search(r"[A-Za-z]{3,}", text), text  # no English word shown
    assert "report-assistant" not in page.text and "user add" not in page.text
    assert "Cache-Control" in page.headers and client.head("/").status_code == 200


def test_a_login_answers_with_the_chinese_reason_or_a_session(gate):
    client, sessions = gate
    wrong = client.post("/login", data={"username": "zhangsan", "password": "wrong"})
    assert wrong.status_code == 400 and wrong.json()["detail"] == "用户名或密码不正确。"
    assert client.post("/login", data={"username": "", "password": ""}).status_code == 400
    busy = client.post("/login", data={"username": "busy", "password": PASSWORD})
    assert busy.status_code == 429 and "登录失败次数过多" in busy.json()["detail"]
    gone = client.post("/login", data={"username": "gone", "password": PASSWORD})
    assert gone.status_code == 403 and "已停用" in gone.json()["detail"]
    assert COOKIE not in client.cookies and len(sessions) == 0
    ok = client.post("/login", data={"username": " zhangsan ", "password": PASSWORD})
    assert ok.status_code == 200 and ok.json() == {"success": True}
    assert "httponly" in ok.headers["set-cookie"].lower() and "samesite=lax" in ok.headers["set-cookie"].lower()
    assert list(sessions.values()) == ["zhangsan"]
    # Gradio's page now, with the script that fixes its language ahead of its own scripts
    page = client.get("/")
    assert page.status_code == 200 and page.text.startswith("<!doctype html><html lang=\"en\"><head><script>")
    assert 'Navigator.prototype' in page.text and '"zh-CN"' in page.text and "<gradio-app>" in page.text
    assert int(page.headers["content-length"]) == len(page.content)
    # a GET of /login (a bookmark) goes to the page
    assert client.get("/login", follow_redirects=False).status_code == 303


def test_logout_and_expiry_bring_the_login_page_back(gate):
    client, sessions = gate
    other = TestClient(client.app, base_url="http://127.0.0.1")
    for c in (client, other):
        assert c.post("/login", data={"username": "zhangsan", "password": PASSWORD}).status_code == 200
    assert len(sessions) == 2
    out = client.get("/logout", follow_redirects=False)
    assert out.status_code == 302 and COOKIE in out.headers["set-cookie"]
    assert len(sessions) == 0  # every session of the user, as Gradio's own logout did
    assert "product-name" in other.get("/").text
    # an idle session ends: the page asks for the login again
    now = [0.0]
    short = ExpiringTokens(idle_s=10, max_age_s=100, clock=lambda: now[0])
    app = _LoginGate(_gradio, login=_login, sessions=short, page=login_page(APP_TITLE))
    c = TestClient(app, base_url="http://127.0.0.1")
    c.post("/login", data={"username": "zhangsan", "password": PASSWORD})
    assert "<gradio-app>" in c.get("/").text
    now[0] = 11
    assert "product-name" in c.get("/").text


def test_the_session_store_ends_all_sessions_of_one_user():
    tokens = ExpiringTokens(idle_s=60, max_age_s=3600)
    tokens["a"], tokens["b"], tokens["c"] = "zhangsan", "zhangsan", "lisi"
    assert tokens.end_user("zhangsan") == 2 and dict(tokens.items()) == {"c": "lisi"}
    assert tokens.end_user("nobody") == 0


def test_gradio_asks_the_session_for_the_user():
    tokens = ExpiringTokens(idle_s=60, max_age_s=3600)
    tokens["t"] = "zhangsan"
    user = _session_user(tokens)

    class FakeRequest:
        def __init__(self, cookies):
            self.cookies = cookies

    async def ask(cookies):
        return await user(FakeRequest(cookies))

    assert asyncio.run(ask({COOKIE: "t"})) == "zhangsan"
    assert asyncio.run(ask({COOKIE: "x"})) is None and asyncio.run(ask({})) is None


def test_what_the_adapter_relies_on_holds_for_the_installed_gradio():
    """``launch`` takes ``auth_dependency`` and passes ``app_kwargs`` (our middleware) to FastAPI."""
    params = inspect.signature(gr.Blocks.launch).parameters
    assert {"auth_dependency", "app_kwargs", "prevent_thread_lock"} <= set(params)
    from gradio.routes import App

    app = App(middleware=[Middleware(_LoginGate, login=_login, sessions=ExpiringTokens(1, 1), page="")])
    assert [m.cls for m in app.user_middleware] == [_LoginGate]
