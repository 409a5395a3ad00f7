"""The Gradio app as built: every queued handler is asynchronous (blocking work goes to threads),
the queue runs several events at once, analytics are off, and nothing trusts a role from the client.
Every event's outputs are named views and its handler answers by name, never by position; only
``ui/_gradio_auth.py`` touches Gradio's server internals; login sessions expire."""

from __future__ import annotations

import ast
import asyncio
import inspect
import os
import re
from pathlib import Path

import gradio as gr
import pytest

from assistant.app import AppService
from assistant.config import Settings
from ui._registry import Views
from ui._sessions import ExpiringTokens
from ui.app import build_app, make_app

UI = Path(__file__).resolve().parent.parent / "ui"
ADAPTER = "_gradio_auth.py"


def test_handlers_are_async_and_the_queue_runs_events_concurrently(tmp_path):
    ws = AppService.from_settings(Settings(database_url=f"sqlite:///{tmp_path / 'a.sqlite3'}"))
    demo = make_app(ws, concurrency=16)
    try:
        queued = [f for f in demo.fns.values() if f.queue]
        assert len(queued) >= 15
        for f in queued:
            assert inspect.iscoroutinefunction(f.fn) or inspect.isasyncgenfunction(f.fn), f.name
            assert f.concurrency_limit in ("default", None) or f.concurrency_limit >= 8, f.name
        assert demo._queue.default_concurrency_limit == 16
        assert os.environ["GRADIO_ANALYTICS_ENABLED"] == "False" and demo.analytics_enabled is False
        api = {f.api_name for f in queued}
        assert {"send", "export", "approve", "provenance", "edit_t3", "save_part", "lock_part"} <= api
        # no handler takes a role or a user name from the page: the user comes from the session
        for f in queued:
            params = set(inspect.signature(f.fn).parameters)
            assert not params & {"role", "username", "user"}, f.name
    finally:
        ws.store.close()


@pytest.fixture
def built(tmp_path):
    ws = AppService.from_settings(Settings(database_url=f"sqlite:///{tmp_path / 'a.sqlite3'}"))
    ws.add_user(None, "zhangsan", "app-test-password", "staff", "张三")
    ws.add_user(None, "wangwu", "app-test-password", "supervisor", "王五")
    v = Views()
    demo = build_app(ws, v)
    try:
        yield ws, v, demo, {f.api_name: f for f in demo.fns.values()}
    finally:
        ws.store.close()


def test_every_event_updates_named_views_through_a_keyed_handler(built):
    _, v, demo, _ = built
    registered = {id(b) for b in v.blocks.values()}
    for f in demo.fns.values():
        names = getattr(f.fn, "keyed_outputs", None)
        assert names is not None, f"{f.name}: not wired through Views.on"
        # the outputs are exactly the named views, each once: a handler answers by name
        assert [id(b) for b in f.outputs] == [id(v[n]) for n in names], f.name
        assert len(set(names)) == len(names), f.name
        assert all(id(b) in registered for b in [*f.inputs, *f.outputs]), f.name
    # what a role may see is among what loading the page updates
    load = next(f for f in demo.fns.values() if f.api_name == "load")
    assert set(v.shown_to) <= set(load.fn.keyed_outputs)


def _call(fn, *args, user: str, **kwargs):
    """A handler called as Gradio would, with the session's user; the answers it yields or returns."""
    request = gr.Request(username=user)

    async def run():
        if inspect.isasyncgenfunction(fn):
            return [out async for out in fn(*args, request, **kwargs)]
        return [await fn(*args, request, **kwargs)]

    return asyncio.run(run())


def test_handlers_answer_with_components_of_their_outputs_only(built):
    _, v, _, api = built
    answers = []
    loaded = _call(api["load"].fn, "p1.active", user="zhangsan")[0]
    answers.append((api["load"], loaded))
    draft = loaded[v["draft_select"]]["value"]
    assert loaded[v["user_badge"]] == "**张三**（起草人员）"
    assert loaded[v["send"]]["visible"] is True and loaded[v["export_tab"]]["visible"] is False
    sent = _call(api["send"].fn, "网站公开政务信息148条", draft, [], "p1.active", user="zhangsan")
    answers += [(api["send"], out) for out in sent]
    final = sent[-1]
    # the box is cleared once: with the reply when the turn is quick, else with the first answer (and
    # not again at the end: typing goes on meanwhile); whether it may be used, a turn does not change
    assert "148" in str(final[v["chat"]][-2:])
    assert [out[v["message"]] for out in sent if v["message"] in out] == [""]
    assert 'data-revision="' in final[v["revision"]]
    new = _call(api["new_draft"].fn, "p1.active", user="zhangsan")[0]
    answers.append((api["new_draft"], new))
    assert new[v["draft_select"]]["value"] not in (None, draft)
    opened = _call(api["open_draft"].fn, draft, "p5", user="wangwu")[0]
    answers.append((api["open_draft"], opened))
    assert opened[v["llm_summary"]].startswith("没有配置大模型")  # a supervisor sees the (offline) calls
    for f, out in answers:
        assert isinstance(out, dict) and out, f.api_name
        assert {id(k) for k in out} <= {id(b) for b in f.outputs}, f.api_name
    with pytest.raises(gr.Error, match="起草人员无权导出报告"):  # core errors: a Chinese message
        _call(api["export"].fn, draft, "docx", user="zhangsan")


def test_a_handler_answering_by_position_is_refused(built):
    _, v, _, _ = built
    from ui._registry import keyed

    async def positional():
        return ["x"]

    async def stranger():
        return {"preview": "x"}

    with pytest.raises(TypeError, match="must return"):
        asyncio.run(keyed(positional, {"diff": v["diff"]})())
    with pytest.raises(KeyError, match="preview"):
        asyncio.run(keyed(stranger, {"diff": v["diff"]})())


# Gradio's server: its modules, its App's attributes, FastAPI below it
_INTERNAL_MODULES = ("gradio.", "fastapi", "starlette", "uvicorn")
_INTERNAL_ATTRIBUTES = {"tokens", "server_app", "auth", "auth_message", "cookie_id", "state_holder", "block_thread",
                        "fns", "get_config_file"}


def _internals(path: Path) -> list[str]:
    found = []
    text = path.read_text(encoding="utf-8")
    for m in re.finditer(r"gradio\.routes|route_utils|\.tokens\b", text):
        found.append(f"{path.name}: {m.group()}")
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
            found += [f"{path.name}:{node.lineno}: import {n}" for n in names if n.startswith(_INTERNAL_MODULES)]
        elif isinstance(node, ast.Attribute):
            private = node.attr.startswith("_") and not node.attr.startswith("__")
            own = isinstance(node.value, ast.Name) and node.value.id in ("self", "cls")
            if node.attr in _INTERNAL_ATTRIBUTES or (private and not own):
                found.append(f"{path.name}:{node.lineno}: .{node.attr}")
    return found


def test_only_the_adapter_touches_gradio_internals():
    files = sorted(UI.glob("*.py"))
    assert ADAPTER in {p.name for p in files}
    wrong = [hit for p in files if p.name != ADAPTER for hit in _internals(p)]
    assert not wrong, "Gradio internals outside ui/_gradio_auth.py:\n" + "\n".join(wrong)
    # the check sees what it is meant to: the adapter itself does touch them
    assert _internals(UI / ADAPTER)


def test_sessions_expire_and_a_logout_walk_survives_expired_ones():
    now = [0.0]
    tokens = ExpiringTokens(idle_s=10, max_age_s=100, clock=lambda: now[0])
    tokens["a"], tokens["b"] = "zhangsan", "lisi"
    now[0] = 8
    assert tokens.get("a") == "zhangsan"  # activity
    now[0] = 15
    assert "a" in tokens and tokens.get("b") is None  # b idle for 15 s
    # Gradio's /logout: for t in list(tokens.keys()): if tokens[t] == user: del tokens[t]
    tokens["c"] = "lisi"
    now[0] = 30
    for t in list(tokens.keys()):
        if tokens[t] == "zhangsan":
            del tokens[t]
    assert len(tokens) == 0
    tokens["d"] = "lisi"
    for _ in range(10):
        now[0] += 9
        assert tokens["d"] == "lisi"
    now[0] += 20  # older than max_age_s in all, though active
    assert "d" not in tokens
