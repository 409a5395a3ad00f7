"""Tab 历史: every change (who, when, source, before and after), and two versions of the narrative
part chosen in 正文编辑 compared, or an old one restored as a new version."""

from __future__ import annotations

import gradio as gr

from assistant.app import AppService
from ui import views
from ui._gradio_auth import user_of
from ui._refresh import VIEW_OUTPUTS, Shown, refresh
from ui._registry import Views, notice_html
from ui._runtime import in_thread

__all__ = ["build", "wire"]


def build(v: Views) -> None:
    with v.add("tab_history", gr.Tab("历史", id="tab-history")):
        gr.Markdown("每一次修改都有记录：谁、什么时候、改了什么、修改前后，以及来自对话、模型起草、"
                    "模板、手工修改还是导入。记录只增不改。")
        v.add("history", gr.Dataframe(headers=AppService.HISTORY_HEADERS, datatype="str", interactive=False, wrap=True,
                                      elem_id="history", max_height=500,
                                      column_widths=["13%", "8%", "10%", "17%", "20%", "20%", "12%"]))
        # versions are compared for the part chosen in 正文编辑: only those who have that tab see this
        with v.add("compare_box", gr.Column(visible=False, elem_id="compare-box"), shown_to="edit_narrative"):
            gr.Markdown("**正文版本比较**（在“正文编辑”中选择部分）")
            with gr.Row():
                v.add("version_a", gr.Dropdown(label="旧版本", choices=[], elem_id="version-a"))
                v.add("version_b", gr.Dropdown(label="新版本", choices=[], elem_id="version-b"))
                v.add("compare", gr.Button("比较", scale=0, min_width=80, elem_id="compare"))
                v.add("restore", gr.Button("恢复“旧版本”为新版本", scale=0, min_width=160, visible=False, elem_id="restore"),
                      shown_to="edit_narrative")
            v.add("history_notice", gr.HTML("", elem_id="history-notice"))
            v.add("diff", gr.HTML("", elem_id="diff"))
    v.renders(("history",), _show_record)
    v.renders(("version_a", "version_b"), _show_versions)


def _show_record(d: Shown) -> dict:
    if d.empty:
        return {"history": []}
    # the record is read twice (the rows carry excerpts only): a change is told from a no-op on full values
    records = d.ws.change_record(d.username, d.draft_id)
    return {"history": views.history_rows(records, d.ws.history(d.username, d.draft_id))}


def _show_versions(d: Shown) -> dict:
    if d.empty:
        return {"version_a": gr.update(choices=[]), "version_b": gr.update(choices=[])}
    versions = views.version_choices(d.ws.part_versions(d.username, d.draft_id, d.part))
    # the one before the newest against the newest
    return {"version_a": gr.update(choices=versions, value=versions[1][1] if len(versions) > 1 else None),
            "version_b": gr.update(choices=versions, value=versions[0][1] if versions else None)}


def wire(v: Views, ws: AppService) -> None:
    async def on_compare(draft_id, part, old, new, request: gr.Request):
        segments = await in_thread(ws.part_diff, user_of(request), draft_id, part, old or 0, new or 0)
        return {"diff": views.diff_html(segments)}

    v.on(v["compare"].click, on_compare, ["draft_select", "part", "version_a", "version_b"], ["diff"],
         api_name="compare_versions", notice="history_notice")

    async def on_restore(draft_id, part, old, request: gr.Request):
        username = user_of(request)

        def work():
            restored = ws.restore_part(username, draft_id, part, old)
            return refresh(v, ws, username, draft_id, part), restored

        out, restored = await in_thread(work)
        return {**out, "history_notice": notice_html(f"已把第{old}版恢复为第{restored.version}版。", "done")}

    v.on(v["restore"].click, on_restore, ["draft_select", "part", "version_a"], VIEW_OUTPUTS,
         api_name="restore_version", notice="history_notice")
