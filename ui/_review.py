"""The review bar: the draft's state and the review moves (提交审核, 退回修改, 审核定稿, 重新打开) this
user may make now, with the reason the service asks for."""

from __future__ import annotations

import gradio as gr

from assistant.app import AppService
from assistant.workflow import MOVES
from ui import views
from ui._gradio_auth import user_of
from ui._refresh import VIEW_OUTPUTS, Shown, refresh
from ui._registry import Views, notice_html
from ui._runtime import in_thread

__all__ = ["build", "wire"]


def _button(action: str) -> str:
    return f"move_{action}"


def build(v: Views) -> None:
    with gr.Row(elem_id="review-bar"):
        v.add("draft_status", gr.Markdown("", elem_id="draft-status"))
        v.add("move_reason", gr.Textbox(label="理由（退回修改、重新打开时必填）", scale=2, visible=False, max_length=500,
                                        elem_id="move-reason"))
        for action, move in MOVES.items():
            v.add(_button(action), gr.Button(
                move.label, scale=0, min_width=110, visible=False, elem_id=f"move-{action}",
                variant="primary" if action in ("submit", "approve") else "secondary"))
    v.add("review_notice", gr.HTML("", elem_id="review-notice"))
    v.renders(("draft_status", "move_reason", *map(_button, MOVES)), _show)


def _show(d: Shown) -> dict:
    if d.empty:
        return {"draft_status": "", "move_reason": gr.update(visible=False),
                **{_button(a): gr.update(visible=False) for a in MOVES}}
    moves = d.moves
    status = views.status_markdown(d.snap, d.ws.transitions(d.username, d.draft_id), d.name_of)
    return {"draft_status": status, "move_reason": gr.update(visible=any(m.needs_reason for m in moves)),
            **{_button(a): gr.update(visible=any(m.action == a for m in moves)) for a in MOVES}}


def wire(v: Views, ws: AppService) -> None:
    async def on_approve(draft_id, part, request: gr.Request):
        username = user_of(request)

        def work():
            ws.approve(username, draft_id)
            return refresh(v, ws, username, draft_id, part)

        out = await in_thread(work)
        return {**out, "review_notice": notice_html("已审核定稿，报告现在只读，可以导出。", "done")}

    v.on(v["move_approve"].click, on_approve, ["draft_select", "part"], VIEW_OUTPUTS, api_name="approve",
         notice="review_notice")

    def move_handler(action: str):
        async def on_move(draft_id, part, reason, request: gr.Request):
            username = user_of(request)

            def work():
                ws.move(username, draft_id, action, reason or "")
                return refresh(v, ws, username, draft_id, part)

            out = await in_thread(work)
            out["move_reason"] = {**out["move_reason"], "value": ""}  # the reason was used: clear it
            return {**out, "review_notice": notice_html(f"已{MOVES[action].label}。", "done")}

        return on_move

    for action in MOVES:
        if action != "approve":
            v.on(v[_button(action)].click, move_handler(action), ["draft_select", "part", "move_reason"], VIEW_OUTPUTS,
                 api_name=f"move_{action}", notice="review_notice")
