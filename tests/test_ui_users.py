"""Supervisors manage users in the app (the service is the one write path, on SQLite and
PostgreSQL): add staff and editors, reset a password, deactivate (no login, sessions ended) and
reactivate; never themselves deactivated, never the last active supervisor, never another
supervisor's password; staff and editors are refused, in Chinese. And the 用户管理 tab's handlers."""

from __future__ import annotations

import gradio as gr
import pytest

from assistant.app import AppService
from assistant.auth import AccountDisabled, AuthStore, PermissionDenied, UserError
from assistant.config import Settings
from assistant.storage import Store
from tests.test_ui_app import _call
from ui._registry import Views
from ui._sessions import SESSIONS
from ui.app import build_app

PASSWORD = "初始密码-2024"


@pytest.fixture
def ws(database_url):
    service = AppService(store := Store(database_url), AuthStore(store.engine), settings=Settings())
    service.add_user(None, "wangwu", PASSWORD, "supervisor", "王五")
    service.add_user(None, "zhaoliu", PASSWORD, "supervisor", "赵六")
    service.add_user(None, "lisi", PASSWORD, "editor", "李四")
    yield service
    store.close()


def test_a_supervisor_adds_staff_and_editors_and_no_one_else_may(ws):
    added = ws.add_user("wangwu", "zhangsan", PASSWORD, "staff", "张三")
    assert added.role == "staff" and ws.login("zhangsan", PASSWORD)
    ws.add_user("wangwu", "chen", PASSWORD, "editor", "陈七")
    rows = {r[0]: r for r in ws.user_rows("wangwu")}
    assert rows["zhangsan"][1:4] == ["张三", "起草人员", "正常"] and rows["zhangsan"][4] != "从未登录"
    assert rows["chen"][4] == "从未登录" and ws.USER_HEADERS == ["用户名", "姓名", "角色", "状态", "最近登录"]
    with pytest.raises(PermissionDenied, match="无权新建审核人员"):
        ws.add_user("wangwu", "boss", PASSWORD, "supervisor")
    with pytest.raises(UserError, match="已存在"):
        ws.add_user("wangwu", "zhangsan", PASSWORD, "staff")
    with pytest.raises(UserError, match="至少需要8个字符"):
        ws.add_user("wangwu", "short", "1234", "staff")
    for who in ("zhangsan", "lisi"):
        with pytest.raises(PermissionDenied, match="无权"):
            ws.add_user(who, "x1", PASSWORD, "staff")
        with pytest.raises(PermissionDenied, match="无权管理用户"):
            ws.user_rows(who)
        with pytest.raises(PermissionDenied, match="无权管理用户"):
            ws.reset_password(who, "chen", "another-password")
        with pytest.raises(PermissionDenied, match="无权管理用户"):
            ws.set_user_active(who, "chen", False)
    with pytest.raises(PermissionDenied, match="请先登录"):
        ws.user_rows(None)


def test_a_supervisor_resets_a_password_but_not_another_supervisors(ws):
    ws.reset_password("wangwu", "lisi", "新的密码-5678")
    assert not ws.login("lisi", PASSWORD) and ws.login("lisi", "新的密码-5678")
    with pytest.raises(PermissionDenied, match="不能重置其他审核人员的密码"):
        ws.reset_password("wangwu", "zhaoliu", "新的密码-5678")
    ws.reset_password("wangwu", "wangwu", "我的新密码-99")  # one's own
    assert ws.login("wangwu", "我的新密码-99")
    with pytest.raises(UserError, match="至少需要8个字符"):
        ws.reset_password("wangwu", "lisi", "short")
    with pytest.raises(PermissionDenied, match="没有用户“nobody”"):
        ws.reset_password("wangwu", "nobody", "新的密码-5678")


def test_a_deactivated_user_cannot_log_in_or_act_until_reactivated(ws):
    ws.set_user_active("wangwu", "lisi", False)
    with pytest.raises(AccountDisabled, match="已停用"):
        ws.login("lisi", PASSWORD)
    assert not ws.login("lisi", "wrong-password")  # a wrong password says nothing about the account
    with pytest.raises(PermissionDenied, match="请先登录"):
        ws.drafts("lisi")
    assert {r[0]: r[3] for r in ws.user_rows("wangwu")}["lisi"] == "已停用"
    ws.set_user_active("wangwu", "lisi", True)
    assert ws.login("lisi", PASSWORD)


def test_no_one_deactivates_themselves_or_the_last_active_supervisor(ws):
    with pytest.raises(PermissionDenied, match="不能停用自己的账号"):
        ws.set_user_active("wangwu", "wangwu", False)
    ws.set_user_active("wangwu", "zhaoliu", False)  # another supervisor: allowed while one remains
    with pytest.raises(PermissionDenied, match="请先登录"):
        ws.set_user_active("zhaoliu", "wangwu", False)  # a deactivated supervisor manages nothing
    with pytest.raises(UserError, match="最后一名在用的审核人员"):  # the store's own rule
        ws.auth.set_active("wangwu", False)
    assert ws.user("wangwu").active


@pytest.fixture
def built(tmp_path):
    ws = AppService.from_settings(Settings(database_url=f"sqlite:///{tmp_path / 'a.sqlite3'}"))
    ws.add_user(None, "wangwu", PASSWORD, "supervisor", "王五")
    ws.add_user(None, "zhangsan", PASSWORD, "staff", "张三")
    v = Views()
    demo = build_app(ws, v)
    try:
        yield ws, v, {f.api_name: f for f in demo.fns.values()}
    finally:
        ws.store.close()


def test_the_tab_shows_to_supervisors_and_its_actions_end_sessions(built):
    ws, v, api = built
    shown = next(f for f in api.values() if "users_tab" in f.fn.keyed_outputs and f.api_name != "users")
    hidden = _call(shown.fn, user="zhangsan")[0]
    assert hidden[v["users_tab"]]["visible"] is False and v["users_table"] not in hidden
    opened = _call(shown.fn, user="wangwu")[0]
    assert opened[v["users_tab"]]["visible"] is True and [r[0] for r in opened[v["users_table"]]] == [
        "zhangsan", "wangwu"]

    added = _call(api["add_user"].fn, "liuba", "刘八", "editor", PASSWORD, user="wangwu")[0]
    assert "liuba" in [r[0] for r in added[v["users_table"]]] and added[v["new_password"]] == ""
    assert added[v["user_pick"]]["value"] == "liuba" and ws.user("liuba").role == "editor"

    SESSIONS["page-of-zhangsan"] = "zhangsan"
    _call(api["reset_password"].fn, "zhangsan", "新的密码-5678", user="wangwu")
    assert "page-of-zhangsan" not in SESSIONS and ws.login("zhangsan", "新的密码-5678")
    SESSIONS["page-of-zhangsan"] = "zhangsan"
    out = _call(api["deactivate_user"].fn, "zhangsan", user="wangwu")[0]
    assert "page-of-zhangsan" not in SESSIONS
    assert {r[0]: r[3] for r in out[v["users_table"]]}["zhangsan"] == "已停用"
    _call(api["reactivate_user"].fn, "zhangsan", user="wangwu")
    assert ws.user("zhangsan").active

    # refused in Chinese (to a program an error; in the page a warning, as every refusal)
    with pytest.raises(gr.Error, match="不能停用自己的账号"):
        _call(api["deactivate_user"].fn, "wangwu", user="wangwu")
    with pytest.raises(gr.Error, match="起草人员无权管理用户"):
        _call(api["deactivate_user"].fn, "wangwu", user="zhangsan")
    with pytest.raises(gr.Error, match="起草人员无权新建编辑"):
        _call(api["add_user"].fn, "x2", "", "editor", PASSWORD, user="zhangsan")


def test_a_user_added_without_a_name_is_listed_by_the_user_name(ws):
    """The trial of session 17: a supervisor made at the command line without --name showed a blank 姓名
    in 用户管理, though the command's help says the name defaults to the user name."""
    ws.add_user(None, "王科长", PASSWORD, "supervisor")
    ws.add_user("wangwu", "lina", PASSWORD, "staff", "  ")
    rows = {r[0]: r for r in ws.user_rows("wangwu")}
    assert rows["王科长"][1] == "王科长" and rows["lina"][1] == "lina"
