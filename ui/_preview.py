"""Tab 报告预览: the whole report as it will be published, and where a clicked number came from
(the page's script fills a hidden key and clicks a hidden button: ``ui._style.APP_JS``)."""

from __future__ import annotations

import threading
from collections import OrderedDict

import gradio as gr

from assistant.app import AppService
from ui import views
from ui._export import WAITING
from ui._gradio_auth import user_of
from ui._refresh import NO_DRAFT, Shown
from ui._registry import Views, notice_html
from ui._runtime import in_thread

__all__ = ["PREVIEWS", "PROVENANCE_HINT", "build", "wire"]

PROVENANCE_HINT = "点击预览中带虚线的数字或表格中的数字，它的来源就显示在数字旁边。"


def build(v: Views) -> None:
    with v.add("tab_preview", gr.Tab("报告预览", id="tab-preview")):
        gr.Markdown(PROVENANCE_HINT, elem_id="provenance-hint")
        # the answer the page's script shows in a card next to the number (kept out of sight here)
        v.add("provenance", gr.Markdown(PROVENANCE_HINT, elem_id="provenance"))
        v.add("preview", gr.HTML(NO_DRAFT, elem_id="preview"))
        # anyone who sees the draft may take a copy marked 草稿 (the final export is a supervisor's)
        with gr.Row(elem_id="draft-copy-row"):
            v.add("draft_copy_docx", gr.Button("下载草稿（Word）", size="sm", scale=0, min_width=150, elem_id="draft-copy-docx"))
            v.add("draft_copy_pdf", gr.Button("下载草稿（PDF）", size="sm", scale=0, min_width=150, elem_id="draft-copy-pdf"))
            # shown once there is a file (empty, it looked like an upload box); the page's script downloads it
            v.add("draft_copy", gr.File(label="草稿文件（每页页眉标有“草稿”）", interactive=False, height=70, scale=2,
                                        visible=False, elem_id="draft-copy"))
        v.add("draft_copy_notice", gr.HTML("", elem_id="draft-copy-notice"))
        v.add("provenance_key", gr.Textbox(visible="hidden", elem_id="provenance-key"))
        v.add("provenance_go", gr.Button("查看来源", visible="hidden", elem_id="provenance-go"))
    v.renders(("preview",), _show)
    v.renders(("draft_copy_docx", "draft_copy_pdf"), _show_copy)


class _Rendered:
    """The preview HTML by (service, draft, revision, role), so that a revision is rendered once whoever
    looks at it. Every write bumps the draft's revision in the database, so an entry is never stale; the
    service is in the key for a process that serves more than one database (tests), the role in case
    the preview comes to differ by role (today it does not). The snapshot it comes from was read
    through the service, which checked that this user may see the draft."""

    def __init__(self, limit: int = 256):
        self._limit = limit
        self._html: OrderedDict[tuple, str] = OrderedDict()
        self._lock = threading.Lock()

    def __call__(self, d: Shown) -> str:
        snap = d.snap  # read (and permission checked) first, whatever is cached
        key = (d.ws, snap.draft.id, snap.draft.revision, snap.user.role)  # bounded: holding the service is fine
        with self._lock:
            if key in self._html:
                self._html.move_to_end(key)
                return self._html[key]
        html = views.preview_html(snap)
        with self._lock:
            self._html[key] = html
            while len(self._html) > self._limit:
                self._html.popitem(last=False)
        return html


PREVIEWS = _Rendered()


def _show(d: Shown) -> dict:
    return {"preview": NO_DRAFT if d.empty else PREVIEWS(d)}


def _show_copy(d: Shown) -> dict:
    shown = gr.update(visible=not d.empty)  # nothing to download without a draft
    return {"draft_copy_docx": shown, "draft_copy_pdf": shown}


def wire(v: Views, ws: AppService) -> None:
    async def on_provenance(key, draft_id, request: gr.Request):
        return {"provenance": await in_thread(ws.provenance, user_of(request), draft_id, key)}

    def copier(fmt: str):
        async def on_copy(draft_id, request: gr.Request):
            # said in Chinese while it works (Gradio's own progress reads "processing | 3.1/8.5s")
            yield {"draft_copy_notice": notice_html(WAITING[fmt], "info")}
            path = await in_thread(ws.export_draft, user_of(request), draft_id, fmt)
            yield {"draft_copy": gr.update(value=str(path), visible=True), "draft_copy_notice": ""}

        return on_copy

    for fmt in ("docx", "pdf"):
        v.on(v[f"draft_copy_{fmt}"].click, copier(fmt), ["draft_select"], ["draft_copy"],
             api_name=f"draft_copy_{fmt}", notice="draft_copy_notice", show_progress="hidden")

    v.on(v["provenance_go"].click, on_provenance, ["provenance_key", "draft_select"], ["provenance"],
         api_name="provenance", notice="provenance")
