"""Tab 正文编辑 (editors): one narrative part at a time, saved against the version this page showed
(a stale save is refused with both texts side by side), regenerated with an instruction, locked.
Only the rewrites the engine can do are offered: offline, a hint says which instructions it follows
instead of the 更简洁/更具体 buttons. A refused rewrite leaves the editor's text as it is."""

from __future__ import annotations

import html

import gradio as gr

from assistant.app import AppService, EditConflict
from assistant.drafting import part_title
from ui import _confirm, views
from ui._gradio_auth import user_of
from ui._refresh import VIEW_OUTPUTS, Shown, refresh
from ui._registry import Views, notice_html
from ui._runtime import in_thread

__all__ = ["build", "wire"]


def build(v: Views) -> None:
    with v.add("editor_tab", gr.Tab("正文编辑", id="tab-editor", visible=False), shown_to="edit_narrative"):
        v.add("part", gr.Dropdown(label="正文部分", choices=views.part_choices(), value=views.part_choices()[0][1],
                                  elem_id="part-select"))
        v.add("part_status", gr.Markdown("", elem_id="part-status"))
        v.add("conflict", gr.HTML("", elem_id="conflict"))
        v.add("part_text", gr.Textbox(label="正文", lines=10, max_lines=30, elem_id="part-text"))
        with gr.Row():
            v.add("part_save", gr.Button("保存修改", variant="primary", elem_id="part-save"))
            v.add("part_lock", gr.Button("锁定", elem_id="part-lock"))
            v.add("part_unlock", gr.Button("解锁", elem_id="part-unlock"))
            v.add("part_redraft", gr.Button("按事实重新起草这一部分", elem_id="part-redraft"))
        _confirm.build(v, "part", {"redraft": "确定重新起草"})
        v.add("instruction", gr.Textbox(label="重写要求", placeholder=_PLACEHOLDER[True], elem_id="revise-instruction"))
        with gr.Row():
            v.add("part_revise", gr.Button("按要求重写", elem_id="part-revise"))
            v.add("concise", gr.Button("更简洁", size="sm", elem_id="revise-concise"))
            v.add("specific", gr.Button("更具体", size="sm", elem_id="revise-specific"))
            v.add("add_measure", gr.Button("补充某项措施…", size="sm"))
        v.add("editor_notice", gr.HTML("", elem_id="editor-notice"))
        v.add("revise_hint", gr.Markdown("", visible=False, elem_id="revise-hint"))
    v.renders(("part_text", "part_status", "part_version"), _show)


_PLACEHOLDER = {True: "例如：更简洁；更具体；补充：全年开展政务公开培训2次",  # with a model
                False: "例如：补充：全年开展政务公开培训2次；把“加强”改成“持续加强”；删去最后一句"}
_QUICK = (("concise", "更简洁"), ("specific", "更具体"))


def _offer(v: Views, ws: AppService) -> None:
    """Show only the rewrites this engine can do. The engine is fixed when the app is built, so the
    components are set up once, before the page is served."""
    offers, hint = ws.rewrite_offers()
    for button, words in _QUICK:
        v[button].visible = words in offers
    v["instruction"].placeholder = _PLACEHOLDER[bool(offers)]
    v["revise_hint"].value, v["revise_hint"].visible = hint, bool(hint)


def _show(d: Shown) -> dict:
    if d.empty:
        return {"part_text": "", "part_status": "", "part_version": 0}
    version = d.snap.narrative.get(d.part)
    return {"part_text": version.text if version else "",
            "part_status": views.part_status(d.snap, d.part, d.name_of),
            "part_version": version.version if version else 0}


def _instruction(words: str):
    def fill():
        return {"instruction": words}

    return fill


def wire(v: Views, ws: AppService) -> None:
    async def on_part(part, draft_id, request: gr.Request):
        names = ("part_text", "part_status", "part_version", "version_a", "version_b")
        out = await in_thread(refresh, v, ws, user_of(request), draft_id, part, names)
        return {**out, "conflict": ""}

    v.on(v["part"].input, on_part, ["part", "draft_select"],
         ["part_text", "part_status", "part_version", "conflict", "version_a", "version_b"],
         api_visibility="undocumented")

    def editor_action(action):
        async def handler(draft_id, part, value, request: gr.Request):
            username = user_of(request)

            def work():
                action(username, draft_id, part, value)
                return refresh(v, ws, username, draft_id, part)

            return await in_thread(work)

        return handler

    async def on_save(draft_id, part, text, base_version, request: gr.Request):
        username = user_of(request)

        def work():
            try:
                ws.save_part(username, draft_id, part, text, base_version)
            except EditConflict as exc:  # nothing saved: keep the editor's text, show both versions
                out = refresh(v, ws, username, draft_id, part)
                del out["part_text"]
                shown = views.conflict_html(exc.mine, exc.theirs.text, ws.name_of(exc.theirs.author),
                                            exc.theirs.version)
                return {**out, "conflict": shown}, str(exc)
            return {**refresh(v, ws, username, draft_id, part), "conflict": ""}, None

        out, _ = await in_thread(work)  # a refused save is said by the conflict box, next to the text
        return out

    v.on(v["part_save"].click, on_save, ["draft_select", "part", "part_text", "part_version"],
         (*VIEW_OUTPUTS, "conflict"), api_name="save_part")
    _offer(v, ws)

    async def on_revise(draft_id, part, instruction, shown, request: gr.Request):
        # a refusal (the engine cannot, nothing would change, unsaved edits) is an AppError: the
        # page keeps every component as it is, the editor's text included, and says why
        username = user_of(request)

        def work():
            version = ws.revise_part(username, draft_id, part, instruction, shown=shown)
            return refresh(v, ws, username, draft_id, part), version

        out, version = await in_thread(work)
        words = instruction.strip() if len(instruction.strip()) <= 30 else instruction.strip()[:30] + "……"
        done = f"已按“{words}”重写，保存为第{version.version}版。"
        return {**out, "editor_notice": notice_html(done, "done")}

    revise_inputs = ["draft_select", "part", "instruction", "part_text"]
    v.on(v["part_revise"].click, on_revise, revise_inputs, VIEW_OUTPUTS, api_name="revise_part",
         notice="editor_notice")
    for button, words in _QUICK:
        filled = v.on(v[button].click, _instruction(words), [], ["instruction"], queue=False, api_visibility="private")
        v.on(filled.then, on_revise, revise_inputs, VIEW_OUTPUTS, api_visibility="private", notice="editor_notice")
    v.on(v["add_measure"].click, _instruction("补充："), [], ["instruction"], queue=False, api_visibility="private")
    def redraft_asker(username: str, draft_id, action: str, part) -> tuple[str, bool]:
        """Redrafting replaces what is there: say whose text it is before it goes."""
        snap = ws.snapshot(username, draft_id)
        why = ws.refusal(username, draft_id, "draft")
        lock = snap.locks.get(part)
        if lock is not None:
            why = why or f"{part_title(part)}已由{lock.locked_by}锁定，解锁后才能重新起草。"
        if why:
            return html.escape(why), False
        version = snap.narrative.get(part)
        now = ""
        if version is not None and version.text.strip():
            who = ws.name_of(version.author) or "系统"
            now = f"现在的文字（第{version.version}版，{who}保存）会被替换，旧版本在“历史”中可以恢复。"
        return (f"<p>按已记录的事实重新起草“{html.escape(part_title(part))}”。{html.escape(now)}</p>"
                "<p>确定重新起草吗？</p>"), True

    _confirm.ask(v, "part", v["part_redraft"].click, "redraft", ["redraft"], "part", redraft_asker)

    async def on_redraft(draft_id, part, request: gr.Request):
        username = user_of(request)

        def work():
            ws.redraft_part(username, draft_id, part)
            return refresh(v, ws, username, draft_id, part)

        out = await in_thread(work)
        return {**out, "editor_notice": notice_html(f"已按事实重新起草“{part_title(part)}”，保存为新版本。", "done")}

    v.on(_confirm.confirmed(v, "part", "redraft"), on_redraft, ["draft_select", "part"], VIEW_OUTPUTS,
         api_name="redraft_part", notice="editor_notice")
    v.on(v["part_lock"].click, editor_action(lambda u, d, p, _: ws.set_lock(u, d, p, True)),
         ["draft_select", "part", "part_text"], VIEW_OUTPUTS, api_name="lock_part", notice="editor_notice")
    v.on(v["part_unlock"].click, editor_action(lambda u, d, p, _: ws.set_lock(u, d, p, False)),
         ["draft_select", "part", "part_text"], VIEW_OUTPUTS, api_name="unlock_part", notice="editor_notice")
