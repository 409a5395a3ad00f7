"""The review bar: the draft's state and the review moves (提交审核, 退回修改, 审核定稿, 重新打开) this
user may make now, with the reason the service asks for."""

from __future__ import annotations

import html
from typing import Any

import gradio as gr

from assistant.app import AppService
from assistant.workflow import MOVES
from ui import _confirm, views
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
    _confirm.build(v, "review", {a: f"确定{m.label}" for a, m in MOVES.items()})
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


def _asker(ws: AppService):
    def asker(username: str, draft_id: Any, action: str, reason: Any) -> tuple[str, bool]:
        """What the move will do, and what stands in its way, said before it is done."""
        snap = ws.snapshot(username, draft_id)
        t = views.triage(snap)
        reason = (reason or "").strip()
        owner = ws.name_of(snap.draft.owner)
        if MOVES[action].needs_reason and not reason:
            return _text(f"请先在“理由”中写明为什么{MOVES[action].label}，{owner}会看到它。"), False
        if action == "submit":
            lines = ["提交后，起草人员不能再修改这份报告（编辑仍可修改正文），审核人员会看到它。"]
            stale = views.stale_sentence(snap)
            if stale:
                lines.append(stale)
            if t.errors or not t.complete:
                wrong = [f"报告还有 {t.errors} 处错误。"] if t.errors else []
                todo = [f"报告还没有填完：{t.todo_sentence()[:-1]}（空格按0核对，审核时会算作错误）。"] if not t.complete else []
                lines += [*wrong, *[f"· {f.message}" for f in t.problems if f.severity == "error"][:3], *todo,
                          "有错误的报告审核人员不能审核定稿，会退回修改。仍要提交吗？"]
            elif stale:
                lines.append("校验没有发现错误。仍要提交吗？")
            else:
                lines.append("校验没有发现错误。确定提交审核吗？")
            return _text(*lines), True
        if action == "approve":
            decision = ws.gate(snap)
            if decision.errors:
                return _text(f"报告还有 {len(decision.errors)} 处错误（见“校验”），改正后才能审核定稿；"
                             "可以写明理由后退回修改。"), False
            warned = list(dict.fromkeys(f"· {w.finding.message}" for w in decision.warnings))
            head = "审核定稿后报告只读，可以导出。"
            if warned:
                return _text(head, f"审核通过即表示确认以下 {len(warned)} 条警告：", *warned[:5],
                             *(["……"] if len(warned) > 5 else []), "确定审核定稿吗？"), True
            return _text(head, "确定审核定稿吗？"), True
        if action == "return":
            return _text(f"退回给{owner}修改，理由：{reason}", "确定退回吗？"), True
        return _text(f"重新打开后报告回到“起草中”，审核定稿要重新做。理由：{reason}", "确定重新打开吗？"), True

    return asker


def _text(*lines: str) -> str:
    return "".join(f"<p>{html.escape(line)}</p>" for line in lines)


def wire(v: Views, ws: AppService) -> None:
    asker = _asker(ws)
    for action in MOVES:
        _confirm.ask(v, "review", v[_button(action)].click, action, list(MOVES), "move_reason", asker)

    async def on_approve(draft_id, part, request: gr.Request):
        username = user_of(request)

        def work():
            ws.approve(username, draft_id)
            return refresh(v, ws, username, draft_id, part)

        out = await in_thread(work)
        return {**out, "review_notice": notice_html("已审核定稿，报告现在只读，可以导出。", "done")}

    v.on(_confirm.confirmed(v, "review", "approve"), on_approve, ["draft_select", "part"], VIEW_OUTPUTS,
         api_name="approve", notice="review_notice")

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
            v.on(_confirm.confirmed(v, "review", action), move_handler(action), ["draft_select", "part", "move_reason"],
                 VIEW_OUTPUTS,
                 api_name=f"move_{action}", notice="review_notice")
