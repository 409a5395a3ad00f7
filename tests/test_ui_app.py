"""The Gradio app as built: every queued handler is asynchronous (blocking work goes to threads),
the queue runs several events at once, analytics are off, and nothing trusts a role from the client."""

from __future__ import annotations

import inspect
import os

from assistant.config import Settings
from assistant.app import AppService
from ui.app import make_app


def test_handlers_are_async_and_the_queue_runs_events_concurrently(tmp_path):
    ws = AppService.from_settings(Settings(database_url=f"sqlite:///{tmp_path / 'a.sqlite3'}", llm_call_log=None))
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
