"""The Gradio app: chat on the left; preview, tables, findings, history, editor and supervisor
workspaces on the right. ``build_app`` lays the page out and lets each panel (``ui._page``,
``_review``, ``_chat``, ``_preview``, ``_tables``, ``_findings``, ``_history``, ``_editor``,
``_export``, ``_calls``) build its components and wire its events through one ``Views`` registry:
handlers answer ``{output name: value}``, never a positional list.

Handlers are thin: they take the user from the login session, call ``AppService`` in a worker thread
and turn its answers into updates. Permissions are checked there, in the server, for every call,
whatever the page shows.
"""

from __future__ import annotations

import gc
import os

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")  # before gradio is imported: no phoning home

from pathlib import Path

import gradio as gr

from assistant.app import AppService
from ui import _calls, _chat, _editor, _export, _findings, _history, _page, _preview, _review, _tables, _users
from ui._gradio_auth import (
    finds_files_without_awaiting,
    processes_cheap_values_inline,
    serve,
    skips_without_rebuilding,
)
from ui._page import APP_TITLE
from ui._registry import Views
from ui._runtime import POOL, few_malloc_arenas
from ui._style import APP_CSS, APP_JS, theme

__all__ = ["APP_CSS", "APP_JS", "APP_TITLE", "build_app", "launch", "make_app"]

_TABS = (_preview, _tables, _findings, _history, _editor, _export, _calls, _users)  # left to right


def build_app(ws: AppService, views: Views | None = None) -> gr.Blocks:
    """The page; ``views`` (optional) receives every named component, for tests."""
    v = views if views is not None else Views()
    skips_without_rebuilding()
    finds_files_without_awaiting()
    processes_cheap_values_inline()
    with gr.Blocks(title=APP_TITLE, analytics_enabled=False, fill_width=True) as demo:
        _page.build_header(v)
        _review.build(v)
        _page.build_memory(v)
        with gr.Row(equal_height=False):
            with gr.Column(scale=4, min_width=380):
                _chat.build(v)
            with gr.Column(scale=6, min_width=520):
                with v.add("workspace", gr.Tabs(elem_id="workspace-tabs")):
                    for tab in _TABS:
                        tab.build(v)
        # every component exists now: events may read and update any panel's
        _page.wire(v, ws, demo)
        for panel in (_chat, _tables, _preview, _editor, _review, _history, _export, _users):
            panel.wire(v, ws)
    return demo


def make_app(ws: AppService, *, concurrency: int = 16) -> gr.Blocks:
    """The app with its queue: handlers are async and run their blocking work in threads, and up to
    ``concurrency`` events of each handler run at once, so users do not wait for each other."""
    demo = build_app(ws)
    POOL.resize(concurrency)
    # Gradio's queue summarises its event log (pandas, up to 10,000 events) after every event, for a
    # monitoring page this app does not serve: every 1,000th is enough
    os.environ.setdefault("GRADIO_ANALYTICS_CACHE_FREQUENCY", "1000")
    demo.queue(default_concurrency_limit=concurrency)
    return demo


def launch(ws: AppService | None = None, *, host: str | None = None, port: int | None = None,
           concurrency: int = 16, quiet: bool = False) -> None:
    """Serve the app (blocking). Loopback only unless ``host`` (or REPORT_HOST) says otherwise.
    Sessions live in the database (any process of a cluster serves any user; a restart logs nobody
    out) and expire after REPORT_SESSION_IDLE_MINUTES without activity and REPORT_SESSION_MAX_HOURS
    in all; uploads are limited to REPORT_MAX_UPLOAD_MB."""
    from assistant.auth import SessionStore

    few_malloc_arenas()
    ws = ws or AppService.from_settings()
    settings = ws.settings
    demo = make_app(ws, concurrency=concurrency)
    ws.export_dir.mkdir(parents=True, exist_ok=True)
    # a live session is taken as read for 5 s (a turn is several requests); a logout here forgets it at once
    sessions = SessionStore(ws.store.engine, idle_s=settings.session_idle_minutes * 60,
                            max_age_s=settings.session_max_hours * 3600, cache_s=5.0)
    # what is built by now (modules, Gradio's blocks and configs: most of the heap) lives as long as the
    # process: out of the cyclic collector's sight, a full collection under load looks at the turns' objects
    # only (it looked at all, ~0.1-0.2 s each, a few ms a turn on average)
    gc.collect()
    gc.freeze()
    serve(
        demo, login=ws.login, title=APP_TITLE, sessions=sessions,
        server_name=host or settings.host, server_port=port or settings.port,
        share=False, ssr_mode=False, mcp_server=False, footer_links=[], quiet=quiet, show_error=True,
        allowed_paths=[str(Path(ws.export_dir).resolve())], theme=theme(), css=APP_CSS, js=APP_JS,
        max_file_size=f"{int(settings.max_upload_mb * 1024)}kb",
    )
