"""Gradio's look for files in a value, walked without a coroutine per element, hands back what its own
walk hands back: for a value without a file (the chat) the same dicts, lists and leaves, new containers;
a value holding a file goes through Gradio's walk and its file is moved to the cache as before."""

from __future__ import annotations

import asyncio
import inspect
from typing import Any

import gradio as gr
from gradio import processing_utils

from ui._gradio_auth import finds_files_without_awaiting


def _both(data, block, **kw):
    finds_files_without_awaiting()
    mine = processing_utils.async_move_files_to_cache
    original = mine.original  # type: ignore[attr-defined]
    return asyncio.run(mine(data, block, **kw)), asyncio.run(original(data, block, **kw))


def test_a_value_without_a_file_comes_back_as_gradio_s_walk_gives_it():
    chat = gr.Chatbot()
    value = chat.postprocess([{"role": "user", "content": "本年新收申请40件"},
                              {"role": "assistant", "content": "已记录：\n- 新收 40件"}])
    samples: list[Any] = [value, value.model_dump(), {"a": [1, (2, 3), {"b": None}], "c": "x"}, "text", None, [], ()]
    for data in samples:
        mine, theirs = _both(data, chat, postprocess=True)
        assert mine == theirs and type(mine) is type(theirs)
        if isinstance(theirs, (dict, list)) and theirs:
            assert mine is not data  # new containers, as Gradio's walk makes them


def test_a_value_with_a_file_goes_through_gradio_s_walk(tmp_path):
    path = tmp_path / "上年报告.txt"
    path.write_text("上年的报告", encoding="utf-8")
    block = gr.File()
    data = {"files": [{"path": str(path), "meta": {"_type": "gradio.FileData"}, "orig_name": path.name}], "n": 1}
    mine, theirs = _both(data, block, postprocess=True)
    assert mine == theirs and mine["files"][0]["url"].startswith("/gradio_api/file=")
    assert mine["files"][0]["path"] != str(path)  # moved to the block's cache


def test_an_output_left_out_gets_gradio_s_bare_update_each_time():
    from gradio import blocks
    from gradio.state_holder import SessionState

    from ui._gradio_auth import skips_without_rebuilding

    skips_without_rebuilding()
    with gr.Blocks() as demo:
        html, text, box, chat = gr.HTML("a"), gr.Textbox("b"), gr.Textbox("c"), gr.Chatbot()
        button = gr.Button()
        button.click(lambda: {text: "新"}, None, [html, text, box, chat])
    fn = next(iter(demo.fns.values()))
    for _ in range(2):  # (worked out once, then copied: what one answer's consumer changes is its own)
        out = asyncio.run(demo.postprocess_data(fn, {text: "新"}, SessionState(demo)))
        assert out[0] == blocks.postprocess_update_dict(html, {"__type__": "update"}, True) == {
            "props": {"__type__": "update"}, "__type__": "update"}
        assert out[2] == out[3] == {"__type__": "update"} and out[1] == "新"
        out[0]["props"]["x"] = 1


def test_cheap_components_process_values_in_the_loop_and_others_in_a_thread(monkeypatch):
    import threading

    import anyio
    from gradio import blocks

    from ui._gradio_auth import processes_cheap_values_inline

    processes_cheap_values_inline()
    processes_cheap_values_inline()  # once
    shim: Any = blocks.anyio
    assert shim.to_thread is shim and shim.sleep is anyio.sleep  # the rest is anyio's
    where: list[str] = []
    original = gr.Textbox.postprocess

    def postprocess(self, value):
        where.append(threading.current_thread().name)
        return original(self, value)

    monkeypatch.setattr(gr.Textbox, "postprocess", postprocess)
    slider = gr.Slider.postprocess

    def slid(self, value):
        where.append(threading.current_thread().name)
        return slider(self, value)

    monkeypatch.setattr(gr.Slider, "postprocess", slid)  # (not known to be cheap)
    text, chat, other = gr.Textbox(), gr.Chatbot(), gr.Slider()
    messages: Any = [{"role": "user", "content": "你好"}]
    where.clear()  # (a component's constructor processes its value too)

    async def go() -> str:
        assert await shim.to_thread.run_sync(text.postprocess, "文字") == "文字"
        assert await shim.to_thread.run_sync(chat.postprocess, messages) == chat.postprocess(messages)
        await shim.to_thread.run_sync(other.postprocess, 3)
        await shim.to_thread.run_sync(lambda: where.append(threading.current_thread().name))
        return threading.current_thread().name

    loop_thread = asyncio.run(go())
    assert where[0] == loop_thread  # in the loop
    assert where[1] != loop_thread and where[2] != loop_thread  # anything else: a thread, as before


def test_the_queue_s_summary_runs_in_the_loop_until_it_is_due(monkeypatch):
    import threading

    from gradio import queueing

    from ui._gradio_auth import processes_cheap_values_inline

    processes_cheap_values_inline()
    where: list[str] = []

    def compute_analytics_summary(self, records):
        where.append(threading.current_thread().name)
        return {"kept": True}

    monkeypatch.setattr(queueing.Queue, "compute_analytics_summary", compute_analytics_summary)
    q: Any = queueing.Queue.__new__(queueing.Queue)
    q.ANAYLTICS_CACHE_FREQUENCY, q.event_count_at_last_cache = 1000, 0

    async def go() -> str:
        for recorded in (1, 999, 1000):
            q.events_recorded = recorded
            assert await queueing.run_sync(q.compute_analytics_summary, []) == {"kept": True}
        return threading.current_thread().name

    loop_thread = asyncio.run(go())
    assert where[:2] == [loop_thread] * 2 and where[2] != loop_thread  # due: in a thread, as before


def test_a_handler_that_yields_is_made_in_the_loop():
    """``Blocks.call_function`` hands a handler that is not a coroutine function to ``anyio.to_thread``
    (an async generator function too); the shim calls it in the loop (its call only makes the generator)."""
    import inspect
    import threading

    from gradio import blocks, utils

    from ui._gradio_auth import processes_cheap_values_inline

    processes_cheap_values_inline()
    src = inspect.getsource(blocks.Blocks.call_function)
    assert "inspect.iscoroutinefunction(fn)" in src and "anyio.to_thread.run_sync(" in src  # Gradio's way
    where: list[str] = []

    async def handler(x):
        where.append(threading.current_thread().name)
        yield x

    with gr.Blocks() as demo:
        box = gr.Textbox()
        box.submit(handler, box, box)
    fn = next(iter(demo.fns.values()))
    wrapped = utils.get_function_with_locals(fn=fn.fn, blocks=demo, event_id=None, in_event_listener=False,
                                             request=None, state=None)
    assert inspect.isasyncgenfunction(wrapped)  # what call_function sees

    async def go() -> str:
        made = await blocks.anyio.to_thread.run_sync(wrapped, "字")
        assert inspect.isasyncgen(made) and not where  # made, not yet run
        assert [x async for x in made] == ["字"]
        return threading.current_thread().name

    assert where == [asyncio.run(go())]


def _served(user_of):
    """Gradio's FastAPI app for a small page, with ``user_of`` as its ``auth_dependency``."""
    from gradio.routes import App

    with gr.Blocks() as demo:
        gr.Textbox()
    demo.queue()
    demo.auth_message = None  # (set by launch)
    return App.create_app(demo, auth_dependency=user_of)


def test_gradio_awaits_an_async_auth_dependency():
    from starlette.testclient import TestClient

    async def user_of(request):
        return request.cookies.get("who")

    client = TestClient(_served(user_of))
    assert client.get("/config").status_code == 401
    client.cookies.set("who", "zhangsan")
    assert client.get("/config").status_code == 200


def test_the_login_check_runs_in_the_loop_and_refuses_as_gradio_does(monkeypatch):
    """Gradio's ``login_check`` (a plain function: FastAPI runs it in a thread on every request) is
    overridden by a coroutine: with a user nothing, without one Gradio's own 401."""
    from fastapi.dependencies import utils as dep_utils
    from starlette.testclient import TestClient

    from ui._gradio_auth import _gradio_login_check, checks_login_in_the_loop

    async def user_of(request):
        return request.cookies.get("who")

    before = TestClient(_served(user_of)).get("/config")
    app = _served(user_of)
    original = _gradio_login_check(app)
    assert original.__name__ == "login_check" and not inspect.iscoroutinefunction(original)
    checks_login_in_the_loop(app)
    calls: list[str] = []
    hop = dep_utils.run_in_threadpool  # how FastAPI runs a plain dependency

    async def counted(fn, *args, **kwargs):
        calls.append(getattr(fn, "__name__", str(fn)))
        return await hop(fn, *args, **kwargs)

    monkeypatch.setattr(dep_utils, "run_in_threadpool", counted)
    client = TestClient(app)
    refused = client.get("/config")
    assert (refused.status_code, refused.json()) == (before.status_code, before.json())
    assert refused.status_code == 401 and refused.json()["detail"]["error"] == "Not authenticated"
    client.cookies.set("who", "zhangsan")
    assert client.get("/config").status_code == 200
    assert "login_check" not in calls  # no thread for it any more
    monkeypatch.undo()
    calls.clear()
    monkeypatch.setattr(dep_utils, "run_in_threadpool", counted)
    plain = TestClient(_served(user_of))
    plain.cookies.set("who", "zhangsan")
    assert plain.get("/config").status_code == 200 and "login_check" in calls  # Gradio's own: a thread
