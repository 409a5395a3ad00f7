"""The Gradio app: chat on the left; preview, tables, findings, history, editor and supervisor
workspaces on the right. Handlers are thin: they take the user from the login session
(``gr.Request.username``), call ``AppService`` in a worker thread and turn its answers into updates.
Permissions are checked there, in the server, for every call, whatever the page shows.
"""

from __future__ import annotations

import os

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")  # before gradio is imported: no phoning home

import asyncio
import concurrent.futures
import functools
import queue
from pathlib import Path
from typing import Any

import gradio as gr

from assistant.config import Settings
from assistant.auth import LoginThrottled
from assistant.errors import ReportAssistantError
from ui import views
from ui._sessions import ExpiringTokens
from assistant.app import EXPORT_CHOICES, UPLOAD_TYPES, CellConflict, EditConflict, AppService

__all__ = ["APP_CSS", "APP_JS", "APP_TITLE", "build_app", "launch", "make_app"]

APP_TITLE = "政府信息公开工作年度报告起草助手"
_NO_DRAFT = '<div class="empty">还没有可以查看的报告。</div>'
_PROVENANCE_HINT = "点击预览中带下划线的数字或表格中的数字，查看它的来源。"
_STREAM_STEPS = 3  # the reply appears in a few steps; each step re-sends the chat to the page


class _Pool:
    """The threads that run the blocking work of the handlers. asyncio's default pool has only
    cpu_count + 4 threads, which would cap concurrent turns below the queue's concurrency (a turn
    waiting for a model holds its thread); ``make_app`` sizes this to the concurrency."""

    def __init__(self, workers: int = 16):
        self.executor = concurrent.futures.ThreadPoolExecutor(max_workers=workers, thread_name_prefix="ra-work")

    def resize(self, workers: int) -> None:
        if workers != self.executor._max_workers:
            old, self.executor = self.executor, concurrent.futures.ThreadPoolExecutor(
                max_workers=workers, thread_name_prefix="ra-work")
            old.shutdown(wait=False)


_POOL = _Pool()


async def _in_thread(fn, *args):
    return await asyncio.get_running_loop().run_in_executor(_POOL.executor, functools.partial(fn, *args))

APP_CSS = """
.gradio-container { max-width: 1600px !important; }
#app-header h2 { margin: 0; }
#user-badge { text-align: right; }
#preview { max-height: 72vh; overflow-y: auto; background: #f3f3f3; padding: 12px; border-radius: 8px; }
#preview .preview-page main.report { box-sizing: border-box; max-width: 820px; margin: 0 auto; padding: 40px 48px;
  background: #fff; color: #000; box-shadow: 0 1px 4px rgba(0,0,0,.15);
  font: 16px/1.9 "Noto Serif CJK SC", "Source Han Serif SC", "SimSun", serif; text-align: justify; }
#preview main.report h1 { font: 24px/1.5 "Noto Serif CJK SC", serif; font-weight: 700; text-align: center;
  margin: 0 0 20px; }
#preview main.report h2 { font: 17px/1.9 "Noto Sans CJK SC", sans-serif; font-weight: 700; margin: 14px 0 0;
  text-indent: 2em; }
#preview main.report h3 { font: 16px/1.9 "Noto Serif CJK SC", serif; font-weight: 700; margin: 6px 0 0;
  text-indent: 2em; }
#preview main.report p { margin: 0; text-indent: 2em; }
#preview main.report .run-in { font-weight: 700; }
#preview main.report table { border-collapse: collapse; width: 100%; table-layout: fixed; margin: 8px 0 16px;
  font: 12px/1.5 "Noto Sans CJK SC", sans-serif; text-align: center; }
#preview main.report th, #preview main.report td { border: 1px solid #333; padding: 2px 3px; font-weight: normal;
  word-break: break-all; }
#preview main.report th.label { text-align: left; }
#preview td[data-address], #preview .num { cursor: pointer; }
#preview td[data-address]:hover { outline: 2px solid #1e6fd9; outline-offset: -2px; }
#preview .num { border-bottom: 1px dashed #1e6fd9; }
#preview .num:hover { background: #e3efff; }
#provenance { border-left: 4px solid #1e6fd9; padding-left: 12px; background: #f7faff; }
.findings .summary { font-weight: 700; margin: 4px 0 10px; }
.findings .ok { color: #1b7d3a; font-weight: 700; font-size: 16px; }
.findings ol { padding-left: 1.4em; }
.findings li { margin: 0 0 10px; padding: 8px 10px; border-radius: 6px; background: #fafafa; }
.findings li.error { border-left: 4px solid #c62828; }
.findings li.warning { border-left: 4px solid #e0a000; }
.findings .badge { display: inline-block; padding: 0 6px; border-radius: 4px; color: #fff; font-size: 12px; }
.findings .badge.error { background: #c62828; }
.findings .badge.warning { background: #c88a00; }
.findings .rule { font-weight: 700; margin: 0 4px; }
.findings .where { color: #444; }
.findings .msg { margin-top: 4px; }
.findings .snippet { margin-top: 4px; color: #555; font-size: 13px; }
.findings mark { background: #ffe08a; }
.empty { color: #666; padding: 24px; text-align: center; }
#review-bar { align-items: center; }
.diff { line-height: 1.9; padding: 10px; background: #fff; border: 1px solid #ddd; border-radius: 6px; }
.diff del { background: #fde2e2; color: #a11; }
.diff ins { background: #dff5e1; color: #135e22; text-decoration: underline; }
.conflict { border: 2px solid #c62828; border-radius: 8px; padding: 8px 12px; background: #fff8f8; }
.conflict .sides { display: flex; gap: 12px; }
.conflict .side { flex: 1; min-width: 0; }
.conflict .side .text { background: #fff; border: 1px solid #ddd; padding: 8px; white-space: pre-wrap; }
"""

# Clicking a number in the preview asks the server for its provenance through two hidden components.
APP_JS = """
() => {
  document.addEventListener('click', (ev) => {
    const hit = ev.target.closest('#preview [data-fact], #preview td[data-address]');
    if (!hit) return;
    const key = hit.dataset.fact || hit.dataset.address;
    const box = document.querySelector('#provenance-key textarea, #provenance-key input');
    const go = document.querySelector('#provenance-go');
    if (!box || !go) return;
    box.value = key;
    box.dispatchEvent(new Event('input', { bubbles: true }));
    setTimeout(() => go.click(), 60);
  });
}
"""


def _theme() -> gr.themes.Base:
    # system fonts only: the default theme would fetch web fonts from the internet
    return gr.themes.Default(
        primary_hue="blue", neutral_hue="slate",
        font=["Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", "sans-serif"],
        font_mono=["Noto Sans Mono CJK SC", "DejaVu Sans Mono", "monospace"],
    )


def _guard(fn):
    """Core errors (permission, validation, storage) become a Chinese message in the page."""

    @functools.wraps(fn)
    async def wrapper(*args, **kwargs):
        try:
            return await fn(*args, **kwargs)
        except ReportAssistantError as exc:
            raise gr.Error(str(exc), title="无法完成") from exc

    return wrapper


def build_app(ws: AppService) -> gr.Blocks:
    def name_of(username: str) -> str:
        return ws.name_of(username)

    def chat_of(username: str, draft_id: Any) -> list[dict[str, str]]:
        return views.chat_messages(ws.conversation(username, draft_id))

    def view_values(username: str, draft_id: Any, part: str | None) -> list[Any]:
        """Preview, grids, findings, history, supervisor gate and editor of one draft, from the database."""
        if draft_id in (None, ""):
            empty = [[]]
            hidden = [gr.update(visible=False)] * len(_MOVE_BUTTONS)
            return [_NO_DRAFT, empty, empty, empty, "", _NO_DRAFT, [], "还没有可以审核的报告。", "", "",
                    "", "", 0, {}, *hidden, gr.update(visible=False), "", [], gr.update(choices=[]),
                    gr.update(choices=[]), gr.skip()]
        snap = ws.snapshot(username, draft_id)
        part = part or views.part_choices()[0][1]
        version = snap.narrative.get(part)
        grids_now = {k: views.grid_rows(snap, k) for k in ("t2", "t3", "t4")}
        moves = {m.action for m in ws.moves(username, draft_id)}
        reason_needed = any(a in moves for a in ("return", "reopen"))
        if snap.user.role == "supervisor":
            calls = ws.llm_calls(username, draft_id)
            llm_md, llm_df = views.llm_summary(calls), views.llm_rows(calls)
        else:
            llm_md, llm_df = "", []
        versions = views.version_choices(ws.part_versions(username, draft_id, part))
        return [
            views.preview_html(snap),
            grids_now["t2"], grids_now["t3"], grids_now["t4"],
            views.grid_marks_css(snap),
            views.findings_html(snap),
            ws.history(username, draft_id),
            views.gate_markdown(snap, ws.gate(snap)),
            version.text if version else "",
            views.part_status(snap, part, name_of),
            f'<span data-draft="{snap.draft.id}" data-revision="{snap.draft.revision}"'
            f' data-status="{snap.draft.status}"></span>',
            views.status_markdown(snap, ws.transitions(username, draft_id), name_of),
            version.version if version else 0,
            grids_now,
            *(gr.update(visible=a in moves) for a in _MOVE_BUTTONS),
            gr.update(visible=reason_needed),
            llm_md, llm_df,
            gr.update(choices=versions, value=versions[1][1] if len(versions) > 1 else None),
            gr.update(choices=versions, value=versions[0][1] if versions else None),
            gr.update(choices=views.draft_choices(ws.drafts(username), name_of)),
        ]

    with gr.Blocks(title=APP_TITLE, analytics_enabled=False, fill_width=True) as demo:
        with gr.Row(elem_id="app-header"):
            gr.Markdown(f"## {APP_TITLE}", elem_id="app-title")
            user_badge = gr.Markdown("", elem_id="user-badge")
            gr.Button("退出登录", link="/logout", size="sm", scale=0, min_width=100, elem_id="logout")
        with gr.Row():
            draft_dd = gr.Dropdown(label="报告", choices=[], allow_custom_value=True, interactive=True, scale=4,
                                   elem_id="draft-select")
            new_btn = gr.Button("新建报告", scale=0, min_width=110, elem_id="new-draft")
            reload_btn = gr.Button("刷新", scale=0, min_width=80)
        # the draft's revision as last shown: tests wait on it to know every view was refreshed
        revision = gr.HTML("", visible="hidden", elem_id="revision")
        with gr.Row(elem_id="review-bar"):
            status_md = gr.Markdown("", elem_id="draft-status")
            reason_box = gr.Textbox(label="理由（退回修改、重新打开时必填）", scale=2, visible=False, max_length=500,
                                    elem_id="move-reason")
            move_btns = {a: gr.Button(label, scale=0, min_width=110, visible=False, elem_id=f"move-{a}",
                                      variant="primary" if a in ("submit", "approve") else "secondary")
                         for a, label in _MOVE_BUTTONS.items()}
        # what this page last showed: the base of optimistic saves (never the truth, which is the database)
        part_version = gr.Number(value=0, precision=0, visible="hidden", elem_id="part-version")
        grid_base = gr.State({})
        with gr.Row(equal_height=False):
            with gr.Column(scale=4, min_width=380):
                chatbot = gr.Chatbot(label="对话", show_label=False, height=600, elem_id="chat", feedback_options=None,
                                     buttons=["copy"], placeholder="正在加载对话……")
                msg = gr.Textbox(label="消息", placeholder="可以一次说好几项，也可以直接粘贴表格（Excel、WPS 或网页上复制的）",
                                 lines=3, max_lines=12, elem_id="chat-input")
                with gr.Row():
                    send_btn = gr.Button("发送", variant="primary", elem_id="send")
                    draft_btn = gr.Button("起草全部正文", elem_id="draft-all")
                with gr.Accordion("导入上年报告", open=False, visible=False, elem_id="import-box") as import_box:
                    upload = gr.File(label=f"上年报告（{'、'.join(UPLOAD_TYPES)}）", file_types=list(UPLOAD_TYPES),
                                     type="filepath", height=90, elem_id="previous-upload")
                    import_btn = gr.Button("导入", elem_id="import-previous")
            with gr.Column(scale=6, min_width=520):
                with gr.Tabs(elem_id="workspace-tabs"):
                    with gr.Tab("报告预览", id="tab-preview"):
                        provenance = gr.Markdown(_PROVENANCE_HINT, elem_id="provenance")
                        preview = gr.HTML(_NO_DRAFT, elem_id="preview")
                        prov_key = gr.Textbox(visible="hidden", elem_id="provenance-key")
                        prov_go = gr.Button("查看来源", visible="hidden", elem_id="provenance-go")
                    with gr.Tab("数据表", id="tab-grids"):
                        gr.Markdown("直接修改单元格（双击编辑，回车确认）：修改立即保存，并记录修改人。"
                                    "空白表示未填写，“/”表示原表留空；未通过校验的单元格标为红色。")
                        grid_status = gr.Markdown("", elem_id="grid-status")
                        grid_marks = gr.HTML("", elem_id="grid-marks")
                        grids = {}
                        for key in ("t3", "t2", "t4"):
                            g = views.GRIDS[key]
                            grids[key] = gr.Dataframe(
                                headers=g.headers, datatype="str", type="array", interactive=True,
                                static_columns=g.static_columns, label=g.title, elem_id=f"grid-{key}",
                                wrap=True, max_height=900 if key == "t3" else 420, buttons=["fullscreen"],
                                column_widths=g.widths,
                            )
                    with gr.Tab("校验", id="tab-findings"):
                        findings = gr.HTML(_NO_DRAFT, elem_id="findings")
                    with gr.Tab("历史", id="tab-history"):
                        gr.Markdown("每一次修改都有记录：谁、什么时候、改了什么、修改前后，以及来自对话、模型起草、"
                                    "模板、手工修改还是导入。记录只增不改。")
                        history = gr.Dataframe(headers=AppService.HISTORY_HEADERS, datatype="str",
                                               interactive=False, wrap=True, elem_id="history", max_height=500,
                                               column_widths=["13%", "8%", "10%", "17%", "20%", "20%", "12%"])
                        gr.Markdown("**正文版本比较**（在“正文编辑”中选择部分）")
                        with gr.Row():
                            ver_a = gr.Dropdown(label="旧版本", choices=[], elem_id="version-a")
                            ver_b = gr.Dropdown(label="新版本", choices=[], elem_id="version-b")
                            compare_btn = gr.Button("比较", scale=0, min_width=80, elem_id="compare")
                            restore_btn = gr.Button("恢复“旧版本”为新版本", scale=0, min_width=160, visible=False,
                                                    elem_id="restore")
                        diff_view = gr.HTML("", elem_id="diff")
                    with gr.Tab("正文编辑", id="tab-editor", visible=False) as editor_tab:
                        part_dd = gr.Dropdown(label="正文部分", choices=views.part_choices(),
                                              value=views.part_choices()[0][1], elem_id="part-select")
                        part_status = gr.Markdown("", elem_id="part-status")
                        conflict = gr.HTML("", elem_id="conflict")
                        part_text = gr.Textbox(label="正文", lines=10, max_lines=30, elem_id="part-text")
                        with gr.Row():
                            save_btn = gr.Button("保存修改", variant="primary", elem_id="part-save")
                            lock_btn = gr.Button("锁定", elem_id="part-lock")
                            unlock_btn = gr.Button("解锁", elem_id="part-unlock")
                        instruction = gr.Textbox(label="重写要求", placeholder="例如：更简洁；更具体；补充：开展政务公开培训2次",
                                                 elem_id="revise-instruction")
                        with gr.Row():
                            revise_btn = gr.Button("按要求重写", elem_id="part-revise")
                            concise_btn = gr.Button("更简洁", size="sm")
                            specific_btn = gr.Button("更具体", size="sm")
                            add_btn = gr.Button("补充某项措施…", size="sm")
                    with gr.Tab("审核与导出", id="tab-export", visible=False) as export_tab:
                        gate_md = gr.Markdown("", elem_id="gate")
                        fmt = gr.Radio(label="导出格式", choices=[(v, k) for k, v in EXPORT_CHOICES.items()],
                                       value="docx", elem_id="export-format")
                        export_btn = gr.Button("导出", elem_id="export")
                        export_file = gr.File(label="下载", interactive=False, height=90, elem_id="export-file")
                    with gr.Tab("模型调用", id="tab-llm", visible=False) as llm_tab:
                        llm_md = gr.Markdown("", elem_id="llm-summary")
                        llm_df = gr.Dataframe(headers=["时间", "任务", "操作人", "引擎/模型", "输入词元", "输出词元",
                                                       "用时（毫秒）", "结果"], datatype="str", interactive=False,
                                              elem_id="llm-calls", max_height=500)

        view_outputs = [preview, grids["t2"], grids["t3"], grids["t4"], grid_marks, findings, history, gate_md,
                        part_text, part_status, revision, status_md, part_version, grid_base,
                        *move_btns.values(), reason_box, llm_md, llm_df, ver_a, ver_b, draft_dd]

        def _user(request: gr.Request) -> str:
            return request.username if request else ""

        # ---- loading ---------------------------------------------------------------------------
        @_guard
        async def on_load(part, request: gr.Request):
            username = _user(request)

            def work():
                user = ws.user(username)
                current = ws.default_draft(username)
                choices = views.draft_choices(ws.drafts(username), name_of)
                draft_id = current.id if current else None
                chat = chat_of(username, draft_id) if draft_id else []
                return user, choices, draft_id, chat, view_values(username, draft_id, part)

            user, choices, draft_id, chat, values = await _in_thread(work)
            can = {a: a in _GRANTS_SHOWN[user.role] for a in ("chat", "new_draft", "draft", "editor", "export")}
            values[-1] = gr.update(choices=choices, value=draft_id)
            return [f"**{user.name}**（{user.role_label}）", chat,
                    gr.update(visible=can["chat"]), gr.update(visible=can["chat"]),
                    gr.update(visible=can["new_draft"]), gr.update(visible=can["draft"]),
                    gr.update(visible=can["editor"]), gr.update(visible=can["export"]),
                    gr.update(visible=user.role != "supervisor"), gr.update(visible=can["export"]),
                    gr.update(visible=can["editor"]), *values]

        load_outputs = [user_badge, chatbot, msg, send_btn, new_btn, draft_btn, editor_tab, export_tab,
                        import_box, llm_tab, restore_btn, *view_outputs]
        demo.load(on_load, [part_dd], load_outputs, api_name="load")

        @_guard
        async def on_open(draft_id, part, request: gr.Request):
            username = _user(request)

            def work():
                return chat_of(username, draft_id), view_values(username, draft_id, part)

            chat, values = await _in_thread(work)
            return [chat, _PROVENANCE_HINT, *values]

        open_outputs = [chatbot, provenance, *view_outputs]
        draft_dd.input(on_open, [draft_dd, part_dd], open_outputs, api_name="open_draft")
        reload_btn.click(on_open, [draft_dd, part_dd], open_outputs, api_visibility="undocumented")

        @_guard
        async def on_new(part, request: gr.Request):
            username = _user(request)

            def work():
                draft = ws.new_draft(username)
                choices = views.draft_choices(ws.drafts(username), name_of)
                return draft.id, choices, chat_of(username, draft.id), view_values(username, draft.id, part)

            draft_id, choices, chat, values = await _in_thread(work)
            values[-1] = gr.update(choices=choices, value=draft_id)
            return [chat, *values]

        new_btn.click(on_new, [part_dd], [chatbot, *view_outputs], api_name="new_draft")

        # ---- chat --------------------------------------------------------------------------------
        async def _run_with_progress(history: list, fn, *args):
            """Run ``fn(*args, progress)`` in a thread, showing its progress in the last chat message.
            Yields the history while waiting; the result (or the error) is in the last yielded tuple."""
            updates: queue.Queue = queue.Queue()
            loop = asyncio.get_running_loop()
            future = loop.run_in_executor(_POOL.executor, lambda: fn(*args, lambda d, t, w: updates.put((d, t, w))))
            while not future.done():
                await asyncio.sleep(0.1)
                latest = None
                while not updates.empty():
                    latest = updates.get_nowait()
                if latest is not None:
                    done, total, what = latest
                    history[-1] = {"role": "assistant", "content": f"{what}……（{done}/{total}）"}
                    yield history, None
            try:
                yield history, ("ok", future.result())
            except ReportAssistantError as exc:
                yield history, ("error", exc)

        async def on_send(message, draft_id, history, part, request: gr.Request):
            username = _user(request)
            skip = [gr.skip()] * len(view_outputs)
            message = (message or "").strip()
            if not message:
                yield [gr.skip(), gr.skip(), *skip]
                return
            history = list(history or []) + [{"role": "user", "content": message},
                                             {"role": "assistant", "content": "正在处理……"}]
            yield [history, "", *skip]
            outcome = None
            async for history, outcome in _run_with_progress(history, ws.send, username, draft_id, message):
                if outcome is None:
                    yield [history, gr.skip(), *skip]
            kind, result = outcome
            if kind == "error":  # nothing was recorded: give the message back, and say why
                yield [history[:-2], message, *skip]
                raise gr.Error(str(result), title="无法完成")
            text = result.text
            for i in range(1, _STREAM_STEPS):
                history[-1] = {"role": "assistant", "content": text[: len(text) * i // _STREAM_STEPS]}
                yield [history, gr.skip(), *skip]
                await asyncio.sleep(0.03)

            def work():
                return chat_of(username, draft_id), view_values(username, draft_id, part)

            chat, values = await _in_thread(work)
            yield [chat, gr.skip(), *values]

        send_outputs = [chatbot, msg, *view_outputs]
        send_btn.click(on_send, [msg, draft_dd, chatbot, part_dd], send_outputs, api_name="send")
        msg.submit(on_send, [msg, draft_dd, chatbot, part_dd], send_outputs, api_visibility="undocumented")

        @_guard
        async def on_draft_all(draft_id, part, request: gr.Request, progress=gr.Progress()):
            username = _user(request)
            progress(0, desc="准备起草……")

            def step(done: int, total: int, what: str) -> None:
                progress((done, total), desc=what)

            def work():
                ws.draft_all(username, draft_id, step)
                return chat_of(username, draft_id), view_values(username, draft_id, part)

            chat, values = await _in_thread(work)
            return [chat, *values]

        draft_btn.click(on_draft_all, [draft_dd, part_dd], [chatbot, *view_outputs], api_name="draft_all")

        # ---- tables ------------------------------------------------------------------------------
        def grid_handler(key: str):
            @_guard
            async def on_grid(rows, draft_id, part, base, request: gr.Request):
                username = _user(request)

                def work():
                    snap = ws.snapshot(username, draft_id)
                    try:
                        edits, shown = views.grid_edits(key, rows or [], snap, (base or {}).get(key))
                    except ReportAssistantError as exc:
                        return f"⚠️ {exc}", view_values(username, draft_id, part)
                    if not edits:  # the grid fires again when the edit box closes: nothing new
                        return gr.skip(), view_values(username, draft_id, part)
                    try:
                        done = ws.set_cells(username, draft_id, edits, shown)
                        # an overlapping second event of the same edit finds nothing new: keep the note
                        note = ("已保存：" + "；".join(done)) if done else gr.skip()
                    except ReportAssistantError as exc:
                        note = f"⚠️ 没有保存：{exc}"
                    return note, view_values(username, draft_id, part)

                note, values = await _in_thread(work)
                return [note, *values]

            return on_grid

        for key, grid in grids.items():
            grid.input(grid_handler(key), [grid, draft_dd, part_dd, grid_base], [grid_status, *view_outputs],
                       api_name=f"edit_{key}")

        # ---- provenance --------------------------------------------------------------------------
        @_guard
        async def on_provenance(key, draft_id, request: gr.Request):
            return await _in_thread(ws.provenance, _user(request), draft_id, key)

        prov_go.click(on_provenance, [prov_key, draft_dd], [provenance], api_name="provenance")

        # ---- editor ------------------------------------------------------------------------------
        @_guard
        async def on_part(part, draft_id, request: gr.Request):
            values = await _in_thread(view_values, _user(request), draft_id, part)
            at = view_outputs.index
            return [values[at(part_text)], values[at(part_status)], values[at(part_version)], "",
                    values[at(ver_a)], values[at(ver_b)]]

        part_dd.input(on_part, [part_dd, draft_dd], [part_text, part_status, part_version, conflict, ver_a, ver_b],
                      api_visibility="undocumented")

        def editor_action(action):
            @_guard
            async def handler(draft_id, part, value, request: gr.Request):
                username = _user(request)

                def work():
                    action(username, draft_id, part, value)
                    return view_values(username, draft_id, part)

                return await _in_thread(work)

            return handler

        @_guard
        async def on_save(draft_id, part, text, base_version, request: gr.Request):
            username = _user(request)

            def work():
                try:
                    ws.save_part(username, draft_id, part, text, base_version)
                except EditConflict as exc:  # nothing saved: keep the editor's text, show both versions
                    values = view_values(username, draft_id, part)
                    values[view_outputs.index(part_text)] = gr.skip()
                    return values, views.conflict_html(exc.mine, exc.theirs.text, ws.name_of(exc.theirs.author),
                                                       exc.theirs.version), str(exc)
                return view_values(username, draft_id, part), "", None

            values, shown, warning = await _in_thread(work)
            if warning:
                gr.Warning(warning, title="没有保存")
            return [*values, shown]

        save_btn.click(on_save, [draft_dd, part_dd, part_text, part_version], [*view_outputs, conflict],
                       api_name="save_part")
        revise_btn.click(editor_action(ws.revise_part), [draft_dd, part_dd, instruction], view_outputs,
                         api_name="revise_part")
        for button, words in ((concise_btn, "更简洁"), (specific_btn, "更具体")):
            button.click(_const(words), None, instruction, queue=False, api_visibility="private").then(
                editor_action(ws.revise_part), [draft_dd, part_dd, instruction], view_outputs,
                api_visibility="private")
        add_btn.click(_const("补充："), None, instruction, queue=False, api_visibility="private")
        lock_btn.click(editor_action(lambda u, d, p, _: ws.set_lock(u, d, p, True)),
                       [draft_dd, part_dd, part_text], view_outputs, api_name="lock_part")
        unlock_btn.click(editor_action(lambda u, d, p, _: ws.set_lock(u, d, p, False)),
                         [draft_dd, part_dd, part_text], view_outputs, api_name="unlock_part")

        # ---- supervisor --------------------------------------------------------------------------
        @_guard
        async def on_approve(draft_id, part, request: gr.Request):
            username = _user(request)

            def work():
                ws.approve(username, draft_id)
                return view_values(username, draft_id, part)

            values = await _in_thread(work)
            gr.Info("已审核定稿，报告现在只读，可以导出。")
            return values

        move_btns["approve"].click(on_approve, [draft_dd, part_dd], view_outputs, api_name="approve")

        # ---- review moves ------------------------------------------------------------------------
        def move_handler(action: str):
            @_guard
            async def on_move(draft_id, part, reason, request: gr.Request):
                username = _user(request)

                def work():
                    ws.move(username, draft_id, action, reason or "")
                    return view_values(username, draft_id, part)

                values = await _in_thread(work)
                gr.Info(f"已{_MOVE_BUTTONS[action]}。")
                return [*values, ""]

            return on_move

        for action, button in move_btns.items():
            if action == "approve":
                continue
            button.click(move_handler(action), [draft_dd, part_dd, reason_box], [*view_outputs, reason_box],
                         api_name=f"move_{action}")

        # ---- history: compare and restore --------------------------------------------------------
        @_guard
        async def on_compare(draft_id, part, old, new, request: gr.Request):
            segments = await _in_thread(ws.part_diff, _user(request), draft_id, part, old or 0, new or 0)
            return views.diff_html(segments)

        compare_btn.click(on_compare, [draft_dd, part_dd, ver_a, ver_b], [diff_view], api_name="compare_versions")

        @_guard
        async def on_restore(draft_id, part, old, request: gr.Request):
            username = _user(request)

            def work():
                restored = ws.restore_part(username, draft_id, part, old)
                return view_values(username, draft_id, part), restored

            values, restored = await _in_thread(work)
            gr.Info(f"已把第{old}版恢复为第{restored.version}版。")
            return values

        restore_btn.click(on_restore, [draft_dd, part_dd, ver_a], view_outputs, api_name="restore_version")

        # ---- last year's report ------------------------------------------------------------------
        @_guard
        async def on_import(draft_id, path, part, request: gr.Request):
            username = _user(request)
            if not path:
                raise gr.Error("请先选择上年报告文件。", title="无法完成")

            def work():
                ws.import_previous(username, draft_id, path, Path(path).name)
                return chat_of(username, draft_id), view_values(username, draft_id, part)

            chat, values = await _in_thread(work)
            return [chat, None, *values]

        import_btn.click(on_import, [draft_dd, upload, part_dd], [chatbot, upload, *view_outputs],
                         api_name="import_previous")

        @_guard
        async def on_export(draft_id, fmt_value, request: gr.Request, progress=gr.Progress()):
            username = _user(request)

            def step(done: int, total: int, what: str) -> None:
                progress((done, total), desc=what)

            path = await _in_thread(ws.export, username, draft_id, fmt_value, step)
            return str(path)

        export_btn.click(on_export, [draft_dd, fmt], [export_file], api_name="export")

    return demo


_MOVE_BUTTONS = {"submit": "提交审核", "return": "退回修改", "approve": "审核定稿", "reopen": "重新打开"}


def _const(value: str):
    return lambda: value


# what each role is shown; the server checks every action again (assistant.auth)
_GRANTS_SHOWN = {
    "staff": {"chat", "new_draft", "draft"},
    "editor": {"draft", "editor"},
    "supervisor": {"export"},
}


def make_app(ws: AppService, *, concurrency: int = 16) -> gr.Blocks:
    """The app with its queue: handlers are async and run their blocking work in threads, and up to
    ``concurrency`` events of each handler run at once, so users do not wait for each other."""
    demo = build_app(ws)
    _POOL.resize(concurrency)
    demo.queue(default_concurrency_limit=concurrency)
    return demo


def _login(ws: AppService):
    """Gradio's login check. Too many failures answer 429 with the Chinese reason, not a bare refusal."""
    from fastapi import HTTPException

    def check(username: str, password: str) -> bool:
        try:
            return ws.login(username, password)
        except LoginThrottled as exc:
            raise HTTPException(status_code=429, detail=str(exc)) from None

    return check


def launch(ws: AppService | None = None, *, host: str | None = None, port: int | None = None,
           concurrency: int = 16, quiet: bool = False) -> None:
    """Serve the app (blocking). Loopback only unless ``host`` (or REPORT_HOST) says otherwise.
    Sessions expire after REPORT_SESSION_IDLE_MINUTES without activity and REPORT_SESSION_MAX_HOURS
    in all; uploads are limited to REPORT_MAX_UPLOAD_MB."""
    ws = ws or AppService.from_settings()
    settings = ws.settings
    demo = make_app(ws, concurrency=concurrency)
    ws.export_dir.mkdir(parents=True, exist_ok=True)
    demo.launch(
        server_name=host or settings.host, server_port=port or settings.port, auth=_login(ws),
        auth_message="请使用分配给您的账号登录。没有账号请联系管理员（report-assistant user add）。",
        share=False, ssr_mode=False, mcp_server=False, footer_links=[], quiet=quiet, show_error=True,
        allowed_paths=[str(Path(ws.export_dir).resolve())], theme=_theme(), css=APP_CSS, js=APP_JS,
        max_file_size=f"{int(settings.max_upload_mb * 1024)}kb", prevent_thread_lock=True,
    )
    # before anyone can have logged in: from now on sessions expire
    demo.server_app.tokens = ExpiringTokens(settings.session_idle_minutes * 60, settings.session_max_hours * 3600)
    demo.block_thread()
