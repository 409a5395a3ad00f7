"""Gradio's look for files in a value, walked without a coroutine per element, hands back what its own
walk hands back: for a value without a file (the chat) the same dicts, lists and leaves, new containers;
a value holding a file goes through Gradio's walk and its file is moved to the cache as before."""

from __future__ import annotations

import asyncio
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
