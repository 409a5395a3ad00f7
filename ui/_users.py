"""Tab 用户管理 (supervisors): the users of the app; add a staff member or an editor with an initial
password, set a new password, deactivate or reactivate a user. The service checks every step (only
supervisors, never oneself deactivated, never the last active supervisor); a deactivated user or one
given a new password is logged out at once. The first user is created at the command line."""

from __future__ import annotations

import gradio as gr

from assistant.app import AppService
from assistant.auth import MIN_PASSWORD, ROLE_LABELS, User
from ui._gradio_auth import user_of
from ui._registry import Views, notice_html
from ui._runtime import in_thread
from ui._sessions import SESSIONS

__all__ = ["build", "wire"]

_ROLES = [(ROLE_LABELS["staff"], "staff"), (ROLE_LABELS["editor"], "editor")]  # a supervisor adds these
# a password for someone else: the browser must not fill in the supervisor's own
_NEW_PASSWORD = gr.InputHTMLAttributes(autocomplete="new-password")


def build(v: Views) -> None:
    # shown to supervisors when the page has loaded (the badge changes); the service checks each action
    with v.add("users_tab", gr.Tab("用户管理", id="tab-users", visible=False, elem_id="tab-users")):
        gr.Markdown("为本单位添加起草人员和编辑，重置密码，停用或恢复账号。停用的账号不能再登录，"
                    "已打开的页面随即失效；重置密码后，该用户需用新密码重新登录。")
        v.add("users_table", gr.Dataframe(headers=AppService.USER_HEADERS, datatype="str", interactive=False,
                                          elem_id="users-table", max_height=320))
        with gr.Accordion("添加用户", open=True, elem_id="add-user"):
            with gr.Row():
                v.add("new_username", gr.Textbox(label="用户名（登录用）", max_length=100, elem_id="new-username"))
                v.add("new_display_name", gr.Textbox(label="姓名", max_length=100, elem_id="new-display-name"))
                v.add("new_role", gr.Radio(_ROLES, value="staff", label="角色", elem_id="new-role"))
            with gr.Row():
                v.add("new_password", gr.Textbox(label=f"初始密码（至少{MIN_PASSWORD}个字符，请当面告知本人）",
                                                 type="password", html_attributes=_NEW_PASSWORD, elem_id="new-password"))
                v.add("add_user", gr.Button("添加用户", variant="primary", scale=0, min_width=120, elem_id="add-user-go"))
        with gr.Accordion("修改已有用户", open=True, elem_id="change-user"):
            with gr.Row():
                v.add("user_pick", gr.Dropdown(label="用户", choices=[], elem_id="user-pick"))
                v.add("reset_to", gr.Textbox(label=f"新密码（至少{MIN_PASSWORD}个字符）", type="password",
                                             html_attributes=_NEW_PASSWORD, elem_id="reset-to"))
            with gr.Row():
                v.add("reset_password", gr.Button("重置密码", scale=0, min_width=110, elem_id="reset-password"))
                v.add("deactivate_user", gr.Button("停用账号", variant="stop", scale=0, min_width=110,
                                                   elem_id="deactivate-user"))
                v.add("reactivate_user", gr.Button("恢复账号", scale=0, min_width=110, elem_id="reactivate-user"))
        v.add("users_notice", gr.HTML("", elem_id="users-notice"))


def _choices(users: list[list[str]]) -> list[tuple[str, str]]:
    # rows as AppService.USER_HEADERS: 用户名, 姓名, 角色, 状态, …
    return [(f"{name or username}（{username}，{role}，{state}）", username) for username, name, role, state, *_ in users]


def _listing(ws: AppService, by: str, pick: str | None = None) -> dict:
    rows = ws.user_rows(by)
    choices = _choices(rows)
    keep = pick if pick in {value for _, value in choices} else None
    return {"users_table": rows, "user_pick": gr.update(choices=choices, value=keep)}


def wire(v: Views, ws: AppService) -> None:
    async def on_shown(request: gr.Request):
        by = user_of(request)

        def work():
            user: User = ws.user(by)
            return _listing(ws, by) if ws.may(user, "manage_users") else None

        listing = await in_thread(work)
        if listing is None:
            return {"users_tab": gr.update(visible=False)}
        return {"users_tab": gr.update(visible=True), **listing}

    v.on(v["user_badge"].change, on_shown, [], ["users_tab", "users_table", "user_pick"], api_visibility="private")

    async def on_list(pick, request: gr.Request):
        return await in_thread(_listing, ws, user_of(request), pick)

    v.on(v["users_tab"].select, on_list, ["user_pick"], ["users_table", "user_pick"], api_name="users")

    async def on_add(new_name, display_name, new_role, password, request: gr.Request):
        by = user_of(request)

        def work():
            added = ws.add_user(by, new_name or "", password or "", new_role or "", display_name or "")
            return added, _listing(ws, by, added.username)

        added, listing = await in_thread(work)
        done = f"已添加{added.role_label}“{added.name}”（用户名 {added.username}），请把初始密码告知本人。"
        return {**listing, "new_username": "", "new_display_name": "", "new_password": "",
                "users_notice": notice_html(done, "done")}

    v.on(v["add_user"].click, on_add, ["new_username", "new_display_name", "new_role", "new_password"],
         ["users_table", "user_pick", "new_username", "new_display_name", "new_password"], api_name="add_user",
         notice="users_notice")

    async def on_reset(pick, password, request: gr.Request):
        by = user_of(request)

        def work():
            target = ws.reset_password(by, pick or "", password or "")
            return target, _listing(ws, by, target.username)

        target, listing = await in_thread(work)
        SESSIONS.end_user(target.username)  # whoever knew the old password is logged out
        done = f"已为“{target.name}”设置新密码，请告知本人；其已打开的页面需要重新登录。"
        return {**listing, "reset_to": "", "users_notice": notice_html(done, "done")}

    v.on(v["reset_password"].click, on_reset, ["user_pick", "reset_to"], ["users_table", "user_pick", "reset_to"],
         api_name="reset_password", notice="users_notice")

    def on_active(active: bool):
        async def handler(pick, request: gr.Request):
            by = user_of(request)

            def work():
                target = ws.set_user_active(by, pick or "", active)
                return target, _listing(ws, by, target.username)

            target, listing = await in_thread(work)
            if not active:
                SESSIONS.end_user(target.username)  # its open pages stop working at once
            return {**listing, "users_notice": notice_html(f"已{'恢复' if active else '停用'}“{target.name}”的账号。", "done")}

        return handler

    v.on(v["deactivate_user"].click, on_active(False), ["user_pick"], ["users_table", "user_pick"],
         api_name="deactivate_user", notice="users_notice")
    v.on(v["reactivate_user"].click, on_active(True), ["user_pick"], ["users_table", "user_pick"],
         api_name="reactivate_user", notice="users_notice")
