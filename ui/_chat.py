"""The chat column: messages to the assistant (with progress while it works), drafting every
narrative part, and the upload of last year's report."""

from __future__ import annotations

import asyncio
import html
import queue
import threading
from contextlib import nullcontext
from pathlib import Path
from typing import Any

import gradio as gr

from assistant.app import UPLOAD_TYPES, AppError, AppService
from assistant.errors import ReportAssistantError
from ui import _confirm, views
from ui._gradio_auth import user_of
from ui._refresh import TURN_OUTPUTS, VIEW_OUTPUTS, Shown, chat_of, refresh, turn_views
from ui._registry import Views, notice_html, page_of
from ui._runtime import CPU, POOL, in_thread

__all__ = ["build", "no_draft_sentence", "wire"]

# drafting under way, by (user, draft): the event that stops it (transient, never the truth)
_RUNNING: dict[tuple[str, str], threading.Event] = {}


_PLACEHOLDER = "可以一次说好几项，也可以直接粘贴表格（Excel、WPS 或网页上复制的）"
# what the page leaves the chat at 1366×768 with the message box and 发送 still in view (the header,
# the draft's line and its status bar above, the box and the buttons below)
CHAT_HEIGHT = "max(300px, calc(100vh - 350px))"


def build(v: Views) -> None:
    # a role without the chat (审核人员, 编辑) is told what it is for instead, on load
    v.add("role_note", gr.HTML("", visible=False, elem_id="role-note"))
    # the message box and 发送 stay in view at 1366×768: the chat takes what the page leaves
    v.add("chat", gr.Chatbot(label="对话", show_label=False, height=CHAT_HEIGHT, elem_id="chat",
                             feedback_options=None,
                             buttons=["copy"], placeholder="正在加载对话……"))
    v.add("message", gr.Textbox(label="消息", show_label=False, placeholder=_PLACEHOLDER,
                                lines=2, max_lines=12, elem_id="chat-input"), shown_to="chat")
    with gr.Row():
        v.add("send", gr.Button("发送", variant="primary", elem_id="send"), shown_to="chat")
        v.add("draft_all", gr.Button("起草全部正文", elem_id="draft-all"), shown_to="draft")
        v.add("stop_draft", gr.Button("停止起草", elem_id="stop-draft", variant="secondary"), shown_to="draft")
    _confirm.build(v, "draft", {"draft_all": "确定起草"})
    v.add("chat_notice", gr.HTML("", elem_id="chat-notice"))
    # why the draft can no longer be changed here (submitted, final): the controls above are disabled
    v.add("write_note", gr.HTML("", elem_id="write-note"))
    with v.add("import_box", gr.Accordion("导入上年报告", open=False, visible=False, elem_id="import-box"),
               shown_to="import_previous"):
        # the formats said above the box: in its label they covered the upload icon
        gr.Markdown(f"上年的年度报告文件（{'、'.join(t.lstrip('.') for t in UPLOAD_TYPES)}）：")
        v.add("upload", gr.File(label="上年报告", file_types=list(UPLOAD_TYPES),
                                type="filepath", height=140, elem_id="previous-upload"))
        v.add("import", gr.Button("导入", elem_id="import-previous"))
    v.renders(("message", "send", "draft_all", "stop_draft", "write_note"), _show_controls)


def no_draft_sentence(ws: AppService, username: str) -> str:
    """What a page without a draft open says, by role (新建 only to a role that has the button) and by
    whether there is any draft to choose."""
    user = ws.user(username)
    if ws.may(user, "new_draft"):
        return "请先在上方的报告列表中选择或新建一份报告。" if ws.drafts(username) else "还没有报告：点上方的“新建报告”开始。"
    if ws.drafts(username):
        return "请先在上方的报告列表中选择一份报告。"
    return ("现在还没有报告可以审阅。起草人员新建报告并提交审核后，报告会出现在页面上方的“待办”中，"
            "也可以在上方的报告列表中选择；审核、退回、定稿和导出都在那之后进行。")


def _show_controls(d: Shown) -> dict:
    """发送 and 起草全部正文 work only where the draft's state lets this user change it; otherwise
    they are disabled and the reason is said under them (the service checks again on every action)."""
    if d.empty:  # the chat box says what to do (on load); the disabled box says it again
        chat = draft = no_draft_sentence(d.ws, d.username)
        why = ""
    else:
        chat = d.ws.refusal(d.username, d.draft_id, "chat") if d.may("chat") else ""
        draft = d.ws.refusal(d.username, d.draft_id, "draft") if d.may("draft") else ""
        why = chat or draft
    return {"message": gr.update(interactive=not chat, placeholder=chat or _PLACEHOLDER),
            "send": gr.update(interactive=not chat), "draft_all": gr.update(interactive=not draft),
            "stop_draft": gr.update(interactive=not draft),
            "write_note": notice_html(why, "info") if why else ""}


_QUICK_S = 0.1  # a turn done sooner is answered at once; a slower one shows its message and progress first
# the offline engine waits for no model: a turn slower than _QUICK_S is one queued behind others (every
# answer costs Gradio a pass over each output), so within the second it is still answered once
_QUICK_OFFLINE_S = 1.0


async def _run_with_progress(history: list, fn, *args, quick: float = _QUICK_S):
    """Run ``fn(*args, progress)`` in a thread, showing its progress in the last chat message.
    Yields the history while waiting (once after ``quick`` seconds whatever the progress, then on each
    step); the result (or the error) is in the last yielded tuple."""
    updates: queue.Queue = queue.Queue()
    loop = asyncio.get_running_loop()
    future = loop.run_in_executor(POOL.executor, lambda: fn(*args, lambda d, t, w: updates.put((d, t, w))))
    waited = False
    while not future.done():
        await asyncio.wait((future,), timeout=_QUICK_S if waited else quick)  # back as soon as it is done
        if future.done():
            break
        latest = None
        while not updates.empty():
            latest = updates.get_nowait()
        if latest is not None:
            done, total, what = latest
            history[-1] = {"role": "assistant", "content": f"{what}……（{done}/{total}）"}
        if latest is not None or not waited:
            waited = True
            yield history, None
    try:
        yield history, ("ok", future.result())
    except ReportAssistantError as exc:
        yield history, ("error", exc)


def _draft_asker(ws: AppService):
    def asker(username: str, draft_id: Any, action: str, _: Any) -> tuple[str, bool]:
        """Which parts drafting will write and which it leaves (a person's text, a lock), before it starts."""
        why = ws.refusal(username, draft_id, "draft")
        if why:
            return html.escape(why), False
        snap = ws.snapshot(username, draft_id)
        kept = views.kept_parts(snap, ws.name_of)
        lines = ["按已记录的事实起草正文各部分，起草的内容保存为新版本（旧版本在“历史”中可以恢复）。"]
        if kept:
            lines.append("以下部分有人改过或已锁定，不会被替换：" + "、".join(kept) + "。")
        todo = views.triage(snap).todo_sentence()
        if todo and "还要填写" in todo:
            lines.append(todo.split("；")[0] + "；相关部分先按已有事实起草，说完后可以再起草一次。")
        lines.append("确定现在起草吗？")
        return "".join(f"<p>{html.escape(line)}</p>" for line in lines), True

    return asker


def wire(v: Views, ws: AppService) -> None:
    async def on_send(message, draft_id, history, part, request: gr.Request):
        username = user_of(request)
        message = (message or "").strip()
        if not message:
            yield {}
            return
        history = list(history or []) + [{"role": "user", "content": message},
                                         {"role": "assistant", "content": "正在处理……"}]
        # every answer re-sends the whole chat and costs Gradio a rebuild of each output: a quick turn
        # (offline, most of them) is answered once, its message shown with the reply
        cleared = False
        outcome: tuple[str, Any] | None = None
        offline = ws.service.model.engine == "offline"
        quick = _QUICK_OFFLINE_S if offline else _QUICK_S
        page = page_of(v, request)

        def turn(progress) -> tuple[Any, Any]:
            """The turn, then the views after it, in the same thread (a second hop cost more than it
            saved); the turn's refusal is the outcome's error, a failure of the views is raised below.
            Offline the whole turn only computes: it waits for a CPU slot first (``ui._runtime.CPU``);
            a turn that waits for a model takes a slot only for the views."""
            with CPU.held() if offline else nullcontext():
                reply = ws.send(username, draft_id, message, progress)
                try:
                    with CPU.held() if not offline else nullcontext(), ws.one_read():
                        # after the turn's write: the chat and the views read the user and draft once
                        return reply, {"chat": chat_of(ws, username, draft_id),
                                       **turn_views(v, ws, username, draft_id, part, page)}
                except Exception as exc:  # (raised where the views were awaited, as before)
                    return reply, exc

        async for _, outcome in _run_with_progress(history, turn, quick=quick):
            if outcome is None:  # the same list, its last message showing the progress
                yield {"chat": history, **({} if cleared else {"message": ""})}
                cleared = True
        assert outcome is not None  # the last one carries the result
        kind, result = outcome
        if kind == "error":  # nothing was recorded: give the message back, and say why
            yield {"chat": history[:-2], "message": message}
            raise result  # a refusal: the page says it, the components keep their content
        views = result[1]
        if isinstance(views, Exception):
            raise views
        yield {**views, **({} if cleared else {"message": ""})}

    send_inputs, send_outputs = ["message", "draft_select", "chat", "part"], ("chat", "message", *TURN_OUTPUTS)
    v.on(v["send"].click, on_send, send_inputs, send_outputs, api_name="send", notice="chat_notice")
    v.on(v["message"].submit, on_send, send_inputs, send_outputs, api_visibility="undocumented", notice="chat_notice")

    # Gradio finds the progress bar by the parameter's default
    async def on_draft_all(draft_id, part, request: gr.Request, progress=gr.Progress()):  # noqa: B008
        username = user_of(request)
        progress(0, desc="准备起草……")
        history = await in_thread(lambda: chat_of(ws, username, draft_id))
        snap = await in_thread(lambda: ws.snapshot(username, draft_id))
        history = [*history, {"role": "user", "content": "起草全部正文"},
                   {"role": "assistant", "content": "准备起草……"}]
        yield {"chat": history}
        written: dict[str, str] = {}  # part → its text so far (the worker thread appends, this loop reads)
        cancel = threading.Event()
        _RUNNING[(username, str(draft_id))] = cancel

        def step(done: int, total: int, what: str) -> None:
            progress((done, total), desc=what)

        def on_text(p: str, piece: str) -> None:
            written[p] = written.get(p, "") + piece

        loop = asyncio.get_running_loop()
        future = loop.run_in_executor(POOL.executor, lambda: ws.draft_all(username, draft_id, step, on_text, cancel))
        shown = ""
        try:
            while not future.done():
                await asyncio.sleep(0.2)
                writing = dict(written)
                now = views.drafting_text(writing)
                if now and now != shown:
                    shown = now
                    history[-1] = {"role": "assistant", "content": now}
                    yield {"chat": history, "preview": views.preview_html(snap, writing)}
            future.result()  # a refusal propagates: the page says it, the components keep their content
        finally:
            _RUNNING.pop((username, str(draft_id)), None)

        def work():
            return {"chat": chat_of(ws, username, draft_id), **refresh(v, ws, username, draft_id, part)}

        yield await in_thread(work)

    _confirm.ask(v, "draft", v["draft_all"].click, "draft_all", ["draft_all"], None, _draft_asker(ws))
    v.on(_confirm.confirmed(v, "draft", "draft_all"), on_draft_all, ["draft_select", "part"], ("chat", *VIEW_OUTPUTS),
         api_name="draft_all",
         notice="chat_notice")

    async def on_stop(draft_id, request: gr.Request):
        cancel = _RUNNING.get((user_of(request), str(draft_id)))
        if cancel is None:
            return {"chat_notice": notice_html("现在没有正在进行的起草。", "info")}
        cancel.set()
        return {"chat_notice": notice_html("正在停止：已写好的部分会保存，其余部分保留原来的版本。", "info")}

    v.on(v["stop_draft"].click, on_stop, ["draft_select"], (), api_name="stop_draft", notice="chat_notice")

    async def on_import(draft_id, path, part, request: gr.Request):
        username = user_of(request)
        if not path:
            raise AppError("请先选择上年报告文件。")

        def work():
            ws.import_previous(username, draft_id, path, Path(path).name)
            return {"chat": chat_of(ws, username, draft_id), **refresh(v, ws, username, draft_id, part)}

        return {**await in_thread(work), "upload": None}

    v.on(v["import"].click, on_import, ["draft_select", "upload", "part"], ("chat", "upload", *VIEW_OUTPUTS),
         api_name="import_previous", notice="chat_notice")
