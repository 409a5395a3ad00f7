"""The one module that knows how Gradio handles logins; a Gradio upgrade that changes them breaks here.

Surface (nothing else in ``ui`` touches Gradio's server, its private attributes or FastAPI):

- ``user_of(request)``: the login name of the session that sent an event, or "".
- ``serve(demo, login=…, idle_s=…, max_age_s=…, **launch_options)``: launch ``demo`` behind a login
  form checked by ``login(name, password)`` (a throttled login answers HTTP 429 with its Chinese
  reason), with sessions that expire, and block until the server stops.

What this relies on, read from Gradio 6's source (``gradio/routes.py``, 6.x):

- ``Blocks.launch(auth=callable)`` stores the callable; ``POST /login`` calls it and lets an
  ``HTTPException`` it raises through as the response.
- ``App.tokens`` is the session store, a dict token → user name. ``POST /login`` writes
  ``tokens[token] = name``; every request reads ``tokens.get(cookie)`` (``get_current_user``, which
  fills ``gr.Request.username``); ``/logout`` walks ``list(tokens.keys())``, reads ``tokens[t]`` and
  deletes with ``del`` (or tests ``in``). ``App.configure_app`` (run by ``launch``) resets it to
  ``{}``, so the expiring store is installed after ``launch`` returns.
- ``launch(prevent_thread_lock=True)`` returns ``(App, local_url, share_url)``; ``block_thread()``
  then serves until interrupted.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import gradio as gr

from assistant.auth import LoginThrottled
from ui._sessions import ExpiringTokens

__all__ = ["serve", "user_of"]


def user_of(request: gr.Request | None) -> str:
    """The user name Gradio found for the request's session cookie ("" without one)."""
    return (request.username or "") if request is not None else ""


def _password_check(login: Callable[[str, str], bool]) -> Callable[[str, str], bool]:
    from fastapi import HTTPException

    def check(username: str, password: str) -> bool:
        try:
            return login(username, password)
        except LoginThrottled as exc:  # too many failures: 429 with the reason, not a bare refusal
            raise HTTPException(status_code=429, detail=str(exc)) from None

    return check


def _expire_sessions(server: Any, idle_s: float, max_age_s: float) -> None:
    old = getattr(server, "tokens", None)
    if not isinstance(old, dict):  # fail closed: never serve with sessions that silently never expire
        raise RuntimeError("这个版本的 Gradio 不再用 App.tokens 保存登录会话，无法让会话过期；请检查 ui/_gradio_auth.py。")
    tokens = ExpiringTokens(idle_s, max_age_s)
    for token, username in list(old.items()):  # a login in the instant since launch
        tokens[token] = username
    server.tokens = tokens


def serve(demo: gr.Blocks, *, login: Callable[[str, str], bool], idle_s: float, max_age_s: float,
          **launch_options: Any) -> None:
    """Serve ``demo`` (blocking) behind ``login``, sessions ending after ``idle_s`` seconds without
    a request or ``max_age_s`` seconds in all."""
    server, _, _ = demo.launch(auth=_password_check(login), prevent_thread_lock=True, **launch_options)
    _expire_sessions(server, idle_s, max_age_s)
    demo.block_thread()
