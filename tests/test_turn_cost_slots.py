"""Chat turns compute two at a time, first come first served (``ui._runtime.CPU``): a slot freed goes to
the turn that waited longest, never to one arriving meanwhile; with the offline engine the whole turn
holds a slot, and the views after it too."""

from __future__ import annotations

import threading
import time

import pytest

from ui._runtime import CPU, FifoSlots


@pytest.mark.parametrize("n", [1, 2])
def test_at_most_n_hold_a_slot_and_the_waiters_get_it_in_the_order_they_came(n):
    slots = FifoSlots(n)
    holding, most, order = 0, 0, []
    lock = threading.Lock()
    gate = threading.Event()

    def work(k: int) -> None:
        nonlocal holding, most
        with slots.held():
            with lock:
                holding += 1
                most = max(most, holding)
                order.append(k)
            gate.wait(5)
            time.sleep(0.01)
            with lock:
                holding -= 1

    threads = []
    for k in range(8):
        t = threading.Thread(target=work, args=(k,))
        t.start()
        threads.append(t)
        deadline = time.monotonic() + 10
        while len(order) + len(slots._waiters) < k + 1 and time.monotonic() < deadline:
            time.sleep(0.001)  # each arrives after the one before: they queue in this order
    gate.set()
    for t in threads:
        t.join(10)
    assert most == n
    if n == 1:
        assert order == list(range(8))
    else:  # two handed on at once may start in either order, never far from their turn
        assert all(abs(k - i) <= 1 for i, k in enumerate(order))
    assert slots._free == n and not slots._waiters  # all free again
    with pytest.raises(ValueError):
        FifoSlots(0)


def test_an_offline_turn_and_its_views_hold_a_slot(monkeypatch, tmp_path):
    import asyncio

    import gradio as gr

    from assistant.app import AppService
    from assistant.config import Settings
    from ui import _chat
    from ui._registry import Views
    from ui.app import build_app

    ws = AppService.from_settings(Settings(database_url=f"sqlite:///{tmp_path / 'a.sqlite3'}"))
    try:
        ws.add_user(None, "zhang", "password-123456", "staff", "张三")
        v = Views()
        demo = build_app(ws, v)
        send = next(f for f in demo.fns.values() if f.api_name == "send")
        draft = ws.default_draft("zhang").id
        held: list[int] = []
        real_send, real_views = ws.send, _chat.turn_views

        def sending(*args, **kwargs):
            held.append(CPU._free)
            return real_send(*args, **kwargs)

        def viewing(*args, **kwargs):
            held.append(CPU._free)
            return real_views(*args, **kwargs)

        monkeypatch.setattr(ws, "send", sending)
        monkeypatch.setattr(_chat, "turn_views", viewing)

        async def go() -> list:
            request = gr.Request(username="zhang", session_hash="page-1")
            return [out async for out in send.fn("网站公开政务信息148条", draft, [], "p1.active", request)]

        asyncio.run(go())
        assert held == [CPU.n - 1, CPU.n - 1]  # one slot taken, through the turn and the views
        assert CPU._free == CPU.n  # and given back
    finally:
        ws.close()
