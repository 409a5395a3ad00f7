"""Tab 模型调用 (supervisors): every model call made for the draft, with the totals."""

from __future__ import annotations

import gradio as gr

from ui import views
from ui._refresh import Shown
from ui._registry import Views

__all__ = ["build"]

_HEADERS = ["时间", "任务", "操作人", "模型", "输入词元", "输出词元", "用时（毫秒）", "结果", "费用"]


def build(v: Views) -> None:
    with v.add("llm_tab", gr.Tab("模型调用", id="tab-llm", visible=False), shown_to="llm_log"):
        v.add("llm_summary", gr.Markdown("", elem_id="llm-summary"))
        v.add("llm_calls", gr.Dataframe(headers=_HEADERS, datatype="str", interactive=False, elem_id="llm-calls",
                                        max_height=500, wrap=True,
                                        column_widths=["14%", "17%", "8%", "15%", "8%", "8%", "9%", "10%", "11%"]))
    v.renders(("llm_summary", "llm_calls"), _show)


def _show(d: Shown) -> dict:
    if d.empty or not d.may("llm_log"):
        return {"llm_summary": "", "llm_calls": []}
    calls = d.ws.llm_calls(d.username, d.draft_id)
    return {"llm_summary": views.llm_summary(calls), "llm_calls": views.llm_rows(calls)}
