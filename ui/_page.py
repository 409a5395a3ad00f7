"""The top of the page: who is logged in, the draft selector (open, new, reload), the revision the
page shows, and what the page last showed; loading the page after the login."""

from __future__ import annotations

import gradio as gr

from assistant.app import AppService
from ui import views
from ui._chat import no_draft_sentence
from ui._gradio_auth import user_of
from ui._preview import PROVENANCE_HINT
from ui._refresh import LAZY_OUTPUTS, VIEW_OUTPUTS, Shown, chat_of, in_sight, lazy_views, refresh
from ui._registry import Views, notice_html, page_of
from ui._runtime import in_thread
from ui._sent import LAZY, PAGES

__all__ = ["APP_TITLE", "LOAD_OUTPUTS", "TABS", "build_header", "build_memory", "wire"]

APP_TITLE = "政府信息公开工作年度报告起草助手"

# the results of /load, in this order; role-dependent visibility (Views.shown_to) among them
LOAD_OUTPUTS: tuple[str, ...] = (
    "user_badge", "role_note", "chat", "message", "send", "new_draft", "draft_all", "stop_draft", "editor_tab", "export_tab",
    "import_box", "ledger_box", "llm_tab", "restore", "compare_box", *VIEW_OUTPUTS,
)


# the workspace's tabs by view name (the users' tab is left out: nothing there follows a draft)
TABS: tuple[str, ...] = ("tab_preview", "tab_grids", "tab_findings", "tab_history", "editor_tab", "export_tab",
                         "llm_tab")


def build_header(v: Views) -> None:
    with gr.Row(elem_id="app-header"):
        gr.Markdown(f"## {APP_TITLE}", elem_id="app-title")
        v.add("user_badge", gr.Markdown("", elem_id="user-badge"))
        gr.Button("退出登录", link="/logout", size="sm", scale=0, min_width=100, elem_id="logout")
    # one line, no label box: the height goes to the chat at 1366×768 (the choices say what they are)
    with gr.Row(elem_id="draft-row", equal_height=True):
        v.add("draft_select", gr.Dropdown(label="报告", show_label=False, container=False, choices=[],
                                          allow_custom_value=True, interactive=True, scale=4, elem_id="draft-select"))
        v.add("new_draft", gr.Button("新建报告", scale=0, min_width=110, elem_id="new-draft"), shown_to="new_draft")
        v.add("reload", gr.Button("刷新", scale=0, min_width=80))
    v.add("todo", gr.HTML("", elem_id="todo"))
    # a click on a to-do item opens that draft (the page's script fills the key and clicks the button)
    v.add("todo_key", gr.Textbox(visible="hidden", elem_id="todo-key"))
    v.add("todo_go", gr.Button("打开", visible="hidden", elem_id="todo-go"))
    v.add("page_notice", gr.HTML("", elem_id="page-notice"))
    # the draft's revision as last shown: tests wait on it to know every view was refreshed
    v.add("revision", gr.HTML("", visible="hidden", elem_id="revision"))
    v.renders(("revision", "draft_select"), _show)
    v.renders(("todo",), lambda d: {"todo": views.todo_html(d.ws.todo(d.username), d.draft_id, d.name_of)})


def build_memory(v: Views) -> None:
    # what this page last showed: the base of optimistic saves (never the truth, which is the database)
    v.add("part_version", gr.Number(value=0, precision=0, visible="hidden", elem_id="part-version"))
    v.add("grid_base", gr.State({}))
    # set after a chat turn while a lazy panel (数据表, 历史) is shown: its change sends that panel
    v.add("panels_due", gr.State(""))


def _show(d: Shown) -> dict:
    if d.empty:
        return {"revision": "", "draft_select": gr.skip()}
    s = d.snap.draft
    return {
        "revision": f'<span data-draft="{s.id}" data-revision="{s.revision}" data-status="{s.status}"></span>',
        # the labels carry each draft's state, which an action may have changed
        "draft_select": gr.update(choices=views.draft_choices(d.ws.drafts(d.username), d.name_of)),
    }


def wire(v: Views, ws: AppService, demo: gr.Blocks) -> None:
    def selector(username: str, draft_id):
        return gr.update(choices=views.draft_choices(ws.drafts(username), ws.name_of), value=draft_id)

    async def on_load(part, request: gr.Request):
        username = user_of(request)
        PAGES.show_tab(page_of(v, request), TABS[0])  # a page opens on its first tab

        def work():
            user = ws.user(username)
            current = ws.default_draft(username)
            draft_id = current.id if current else None
            choices = selector(username, draft_id)
            chat = chat_of(ws, username, draft_id) if draft_id else []
            return user, {**refresh(v, ws, username, draft_id, part), "chat": chat, "draft_select": choices}

        user, out = await in_thread(work)
        # the chat's "正在加载对话……" is only for while the page loads
        empty = ("这份报告还没有对话。" if out["draft_select"].get("value") is not None
                 else await in_thread(no_draft_sentence, ws, username))
        out["chat"] = gr.update(value=out["chat"], placeholder=empty)
        out["user_badge"] = f"**{user.name}**（{user.role_label}）"
        note = ws.role_note(user)
        out["role_note"] = gr.update(value=notice_html(note, "info"), visible=bool(note))
        for name, action in v.shown_to.items():  # on top of what the draft's state says (enabled or not)
            out[name] = {**(out.get(name) or {}), **gr.update(visible=ws.may(user, action))}
        return out

    v.on(demo.load, on_load, ["part"], LOAD_OUTPUTS, api_name="load", notice="page_notice")
    _wire_tabs(v, ws)

    async def on_open(draft_id, part, request: gr.Request):
        username = user_of(request)

        def work():
            return {"chat": chat_of(ws, username, draft_id), **refresh(v, ws, username, draft_id, part)}

        return {**await in_thread(work), "provenance": PROVENANCE_HINT}

    open_outputs = ("chat", "provenance", *VIEW_OUTPUTS)
    v.on(v["draft_select"].input, on_open, ["draft_select", "part"], open_outputs, api_name="open_draft",
         notice="page_notice")
    v.on(v["reload"].click, on_open, ["draft_select", "part"], open_outputs, api_visibility="undocumented",
         notice="page_notice")

    async def on_todo(draft_id, part, request: gr.Request):
        username = user_of(request)

        def work():
            ws.open_draft(username, draft_id)  # may this user see it (the list is theirs; the check is the service's)
            return {"chat": chat_of(ws, username, draft_id), **refresh(v, ws, username, draft_id, part),
                    "draft_select": selector(username, int(draft_id))}

        return {**await in_thread(work), "provenance": PROVENANCE_HINT}

    v.on(v["todo_go"].click, on_todo, ["todo_key", "part"], open_outputs, api_visibility="private",
         notice="page_notice")

    async def on_new(part, request: gr.Request):
        username = user_of(request)
        # the grids and the change record of the new draft only while their tab is shown (as after a turn)
        names = in_sight(VIEW_OUTPUTS, page_of(v, request))

        def work():
            draft = ws.new_draft(username)
            choices = selector(username, draft.id)
            return {"chat": chat_of(ws, username, draft.id), **refresh(v, ws, username, draft.id, part, names),
                    "draft_select": choices}

        return await in_thread(work)

    v.on(v["new_draft"].click, on_new, ["part"], ("chat", *VIEW_OUTPUTS), api_name="new_draft", notice="page_notice")


def _wire_tabs(v: Views, ws: AppService) -> None:
    """A tab selected: the server remembers it for this page (a chat turn refreshes only the panels in
    sight), and a lazy panel (数据表, 历史) gets what changed while it was out of sight."""
    def selected(tab: str):
        async def on_tab(draft_id, part, request: gr.Request):
            page = page_of(v, request)
            PAGES.show_tab(page, tab)
            if tab not in LAZY or draft_id in (None, ""):
                return {}
            return await in_thread(lazy_views, v, ws, user_of(request), draft_id, part, page, (tab,))

        return on_tab

    for tab in TABS:
        v.on(v[tab].select, selected(tab), ["draft_select", "part"], LAZY.get(tab, ()), api_visibility="private",
             show_progress="hidden")

    async def on_due(draft_id, part, due, request: gr.Request):
        if not due:
            return {}
        page = page_of(v, request)
        return await in_thread(lazy_views, v, ws, user_of(request), draft_id, part, page, PAGES.shown(page))

    v.on(v["panels_due"].change, on_due, ["draft_select", "part", "panels_due"], LAZY_OUTPUTS,
         api_visibility="private", show_progress="hidden")
