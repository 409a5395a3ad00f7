"""Tab 校验: the findings of every rule, each pointing at its cell or text."""

from __future__ import annotations

import gradio as gr

from ui import views
from ui._refresh import NO_DRAFT, Shown
from ui._registry import Views

__all__ = ["build"]


def build(v: Views) -> None:
    with v.add("tab_findings", gr.Tab("校验", id="tab-findings")):
        v.add("findings", gr.HTML(NO_DRAFT, elem_id="findings"))
    v.renders(("findings",), _show)


def _show(d: Shown) -> dict:
    return {"findings": NO_DRAFT if d.empty else views.findings_html(d.snap)}
