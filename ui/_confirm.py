"""A confirmation next to the buttons it guards: the button asks (the server writes what will
happen, naming what is wrong), and only 确定 does the action; 取消 closes it. The action keeps its
API name on 确定, so programs call it directly (the service checks everything again)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import gradio as gr

from ui._gradio_auth import user_of
from ui._registry import Views
from ui._runtime import in_thread

__all__ = ["ask", "box", "build", "confirmed"]

Asker = Callable[[str, Any, str, Any], tuple[str, bool]]  # (user, draft, action, extra input) → (text, may go on)


def box(key: str) -> str:
    return f"{key}_confirm"


def build(v: Views, key: str, actions: dict[str, str]) -> None:
    """A hidden box with one 确定 button per guarded action (``action → its label``) and 取消."""
    with v.add(box(key), gr.Group(visible=False, elem_id=f"{key}-confirm", elem_classes=["confirm"])):
        v.add(f"{key}_confirm_text", gr.HTML("", elem_id=f"{key}-confirm-text"))
        with gr.Row():
            for action, label in actions.items():
                v.add(f"{key}_yes_{action}", gr.Button(label, variant="primary", visible=False, scale=0, min_width=140,
                                                       elem_id=f"confirm-{action}"))
            v.add(f"{key}_no", gr.Button("取消", scale=0, min_width=90, elem_id=f"{key}-cancel"))
    v.on(v[f"{key}_no"].click, lambda: {box(key): gr.update(visible=False)}, [], [box(key)], queue=False,
         api_visibility="private")


def ask(v: Views, key: str, trigger: Any, action: str, actions: Sequence[str], extra: str | None,
        asker: Asker) -> None:
    """``trigger`` opens the box for ``action``: its text from ``asker``, its 确定 shown only when
    the action may go on."""
    outputs = [box(key), f"{key}_confirm_text", *(f"{key}_yes_{a}" for a in actions)]

    async def on_ask(draft_id, extra=None, request: gr.Request = None):  # type: ignore[assignment]
        text, go = await in_thread(asker, user_of(request), draft_id, action, extra)
        return {box(key): gr.update(visible=True), f"{key}_confirm_text": text,
                **{f"{key}_yes_{a}": gr.update(visible=go and a == action) for a in actions}}

    v.on(trigger, on_ask, ["draft_select", *([extra] if extra else [])], outputs, api_visibility="private")


def confirmed(v: Views, key: str, action: str) -> Any:
    """The event to wire the action to: 确定 closes the box first, then the action runs."""
    closing = v.on(v[f"{key}_yes_{action}"].click, lambda: {box(key): gr.update(visible=False)}, [], [box(key)],
                   queue=False, api_visibility="private")
    return closing.then
