"""A chat turn and the views after it run in one worker thread: the page gets the chat and the views as
before; a refused turn gives the message back and records nothing; a failure of the views after a
recorded turn is raised to the page, the turn stays recorded."""

from __future__ import annotations

import asyncio

import gradio as gr
import pytest
from gradio.state_holder import SessionState

from assistant.app import AppError, AppService
from assistant.auth import AuthStore
from assistant.offline import OfflineModel
from eval.bench_turn import _event
from ui import _chat
from ui._registry import Views
from ui.app import build_app

PW = "password-123"


@pytest.fixture
def page(db, tmp_path):
    store = db()
    AuthStore(store.engine).add_user("zhang", PW, "staff", "张三")
    ws = AppService(store, AuthStore(store.engine), OfflineModel(), export_dir=tmp_path / "exports")
    v = Views()
    demo = build_app(ws, v)
    return ws, v, demo


def _send(demo, v, draft, message):
    fn = next(f for f in demo.fns.values() if f.api_name == "send")
    request = gr.Request(username="zhang", session_hash="page-1")
    out = asyncio.run(_event(demo, fn, [message, draft, [], "p1.active"], SessionState(demo), request))
    return dict(zip([o._id for o in fn.outputs], out["data"], strict=True))


def test_the_chat_and_views_after_a_turn(page):
    ws, v, demo = page
    draft = ws.default_draft("zhang").id
    out = _send(demo, v, draft, "网站公开政务信息148条")
    chat = out[v["chat"]._id]["value"] if isinstance(out[v["chat"]._id], dict) else out[v["chat"]._id]
    assert "网站公开政务信息148条" in str(chat)
    assert f'data-revision="{ws.store.get_draft(draft).revision}"' in str(out[v["preview"]._id])  # after the turn
    assert ws.snapshot("zhang", draft).facts.website_items == 148


def test_a_refused_turn_and_a_failure_of_the_views(page, monkeypatch):
    ws, v, demo = page
    draft = ws.default_draft("zhang").id
    with pytest.raises(Exception, match="太长"):
        _send(demo, v, draft, "字" * (ws.settings.max_message_chars + 1))
    assert ws.store.turns(draft) == []  # nothing recorded

    def broken(*args, **kwargs):
        raise AppError("视图出错")

    monkeypatch.setattr(_chat, "turn_views", broken)
    with pytest.raises(Exception, match="视图出错"):
        _send(demo, v, draft, "网站公开政务信息148条")
    assert ws.store.turns(draft)[0].text == "网站公开政务信息148条"  # the turn stands
