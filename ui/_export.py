"""Tab 审核与导出 (supervisors): what the export gate says, and the export of a finalised draft."""

from __future__ import annotations

import gradio as gr

from assistant.app import EXPORT_CHOICES, AppService
from ui import views
from ui._gradio_auth import user_of
from ui._refresh import Shown
from ui._registry import Views, notice_html
from ui._runtime import in_thread

__all__ = ["WAITING", "build", "wire"]

# what a file takes to make, by format: a PDF is laid out by LibreOffice (measured: 2–3 s on an idle
# office PC, 13–17 s on a busy two-core machine)
WAITING = {
    "pdf": "正在生成 PDF：逐页排版，通常需要几秒，电脑忙时可能要十几秒，请稍候……",
    "docx": "正在生成 Word 文档，请稍候……",
    "json": "正在生成 JSON 文件，请稍候……",
}


def build(v: Views) -> None:
    with v.add("export_tab", gr.Tab("审核与导出", id="tab-export", visible=False), shown_to="export"):
        v.add("gate", gr.Markdown("", elem_id="gate"))
        v.add("export_format", gr.Radio(label="导出格式", choices=[(label, k) for k, label in EXPORT_CHOICES.items()],
                                        value="docx", elem_id="export-format"))
        v.add("export", gr.Button("导出", elem_id="export"))
        v.add("export_notice", gr.HTML("", elem_id="export-notice"))
        v.add("export_file", gr.File(label="下载", interactive=False, height=90, elem_id="export-file"))
    v.renders(("gate",), _show)


def _show(d: Shown) -> dict:
    return {"gate": "还没有可以审核的报告。" if d.empty else views.gate_markdown(d.snap, d.ws.gate(d.snap))}


def wire(v: Views, ws: AppService) -> None:
    async def on_export(draft_id, fmt_value, request: gr.Request):
        username = user_of(request)
        # said in Chinese next to the button while it works (Gradio's own progress reads "processing | 3.1/8.5s")
        yield {"export_notice": notice_html(WAITING.get(fmt_value, WAITING["docx"]), "info"), "export_file": None}
        path = await in_thread(ws.export, username, draft_id, fmt_value)
        yield {"export_file": str(path), "export_notice": ""}

    v.on(v["export"].click, on_export, ["draft_select", "export_format"], ["export_file"], api_name="export",
         notice="export_notice", show_progress="hidden")
