"""The one module that knows how Gradio serves and logs in; a Gradio upgrade that changes it breaks here.

Surface (nothing else in ``ui`` touches Gradio's server, its private attributes or FastAPI):

- ``user_of(request)``: the login name of the session that sent an event, or "".
- ``serve(demo, login=…, title=…, sessions=…, **launch_options)``: launch ``demo`` behind our own
  Chinese login page, checked by ``login(name, password)``, with sessions that expire (``sessions``,
  in the database: ``assistant.auth.SessionStore``; it becomes ``ui._sessions.SESSIONS``), and
  block until the server stops.

The login is ours, not Gradio's: Gradio's login page has no title or product name, speaks the
browser's language and shows "Incorrect credentials" whatever the server answered. A middleware
(``_LoginGate``, given to Gradio's FastAPI app through ``launch(app_kwargs={"middleware": …})``)
answers, before Gradio's routes see them:

- ``GET /`` without a live session: the login page (the product's name, Chinese only).
- ``POST /login`` (form fields ``username``, ``password``, as Gradio's and gradio_client's): 200
  ``{"success": true}`` with the session cookie; 400, 403 (deactivated) or 429 (throttled) with the
  Chinese reason in ``detail``, which the page shows.
- ``GET /logout``: ends the user's sessions, back to the login page.
- ``GET /`` with a session: Gradio's page, with a script in its ``<head>`` that makes the browser
  report Chinese before Gradio's bundle starts, so Gradio's own words (upload box, grid menus,
  toasts) are Chinese whatever the browser's language.

What this relies on, read from Gradio 6's source (``gradio/routes.py``, ``blocks.py``, 6.x):

- ``launch(auth_dependency=f)``: every request's user is ``f(request)``, awaited when it is a
  coroutine (``get_current_user``, which fills ``gr.Request.username``); with None the API answers 401
  (``login_check``, a plain function FastAPI runs in a thread: ``checks_login_in_the_loop`` overrides
  it by FastAPI's ``dependency_overrides`` with a coroutine answering the same).
- ``launch(app_kwargs=…)`` is passed to the FastAPI constructor, so our middleware sits inside
  Gradio's own (CORS, Brotli: the page we amend is not yet compressed).
- The frontend picks its locale once, when it starts, from ``navigator.language`` (svelte-i18n);
  Gradio's ``head=`` option is added to the page only after that, too late. ``launch(i18n=…)``
  translations are added to the locale's messages (the keys Gradio's zh-CN lacks: ``GRADIO_ZH_GAPS``).
- ``launch(prevent_thread_lock=True)`` returns; ``block_thread()`` then serves until interrupted.
"""

from __future__ import annotations

import copy
import html
import importlib.util
import inspect
import secrets
import sys
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

import gradio as gr
from starlette.concurrency import run_in_threadpool
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse

from assistant.auth import AccountDisabled, LoginThrottled
from ui._sessions import SESSIONS, Sessions

__all__ = ["COOKIE", "GRADIO_ZH_GAPS", "checks_login_in_the_loop", "finds_files_without_awaiting", "login_page",
           "processes_cheap_values_inline", "serve", "skips_without_rebuilding", "user_of"]

COOKIE = "report-assistant-session"
_WRONG = "用户名或密码不正确。"

# Gradio's frontend reads navigator.language once, as its bundle (a module script, run after the
# document is parsed) starts: this plain script runs before it. A toast's title is not translated
# at all (6.31 writes the type, "Info"/"Warning"/"Error"): it is hidden and said in Chinese.
_CHINESE_ALWAYS = """<script>(() => {
  const lang = "zh-CN";
  for (const [name, value] of [["language", lang], ["languages", Object.freeze([lang])]]) {
    try { Object.defineProperty(Navigator.prototype, name, { get: () => value, configurable: true }); } catch (e) {}
  }
  document.documentElement.lang = lang;
})();</script>
<style>
[data-testid="toast-body"] .toast-title { font-size: 0 !important; }
[data-testid="toast-body"] .toast-title::before { font-size: var(--text-lg); }
[data-testid="toast-body"] .toast-title .toast-count { font-size: var(--text-md); }
[data-testid="toast-body"] .toast-title.info::before { content: "提示"; }
[data-testid="toast-body"] .toast-title.success::before { content: "完成"; }
[data-testid="toast-body"] .toast-title.warning::before { content: "注意"; }
[data-testid="toast-body"] .toast-title.error::before { content: "出错了"; }
</style>""".encode()

# what Gradio's own zh-CN translation lacks (6.31) among the components this app uses, which would
# show in English: the grid's filter menu and import errors, a chat message's copy button, …
# (flat keys: svelte-i18n looks a dotted key up as it is before walking the nesting)
GRADIO_ZH_GAPS = {
    "dataframe.filter": "筛选",
    "dataframe.clear_filter": "清除筛选",
    "dataframe.import_empty_file": "拖入的文件是空的。",
    "dataframe.import_no_column_names": "拖入的文件没有列名。",
    "dataframe.import_ragged_row": "文件第{line}行有{fields}个字段，表头有{columns}个。",
    "dataframe.import_static_columns": "这个表格有只读列，不能导入文件。",
    "dataframe.import_fixed_columns": "这个表格应有{expected}列，文件有{actual}列。",
    "dataframe.import_fixed_rows": "这个表格应有{expected}行，文件有{actual}行。",
    "chatbot.copy_message": "复制消息",
    "chatbot.copied_message": "已复制消息",
    "chatbot.complete": "完成",
    "common.complete": "完成",
    "common.download_all": "全部下载",
    "common.progress": "进度",
    "status.queue_position": "排队中：第{position}位，共{size}位",
}

Send = Callable[[MutableMapping[str, Any]], Awaitable[None]]


def user_of(request: gr.Request | None) -> str:
    """The user name Gradio found for the request's session cookie ("" without one)."""
    return (request.username or "") if request is not None else ""


def login_page(title: str) -> str:
    """The login page: the product's name in the page and the browser's title, Chinese only; the
    server's reason (wrong password, deactivated, throttled) shown under the fields."""
    t = html.escape(title)
    return f"""<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{t} · 登录</title>
<style>
  * {{ box-sizing: border-box; }}
  body {{ margin: 0; min-height: 100vh; display: flex; align-items: center; justify-content: center;
         background: #eef2f7; color: #1f2937;
         font: 15px/1.6 "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif; }}
  main {{ width: 440px; max-width: calc(100vw - 32px); background: #fff; border-radius: 10px; padding: 36px 36px 28px;
         box-shadow: 0 2px 12px rgba(15, 23, 42, .12); border-top: 4px solid #1d4ed8; }}
  h1 {{ margin: 0 0 6px; font-size: 21px; line-height: 1.4; text-align: center; }}
  .lead {{ margin: 0 0 24px; color: #4b5563; text-align: center; }}
  label {{ display: block; margin: 14px 0 6px; font-weight: 600; }}
  input {{ width: 100%; padding: 9px 11px; font: inherit; border: 1px solid #cbd5e1; border-radius: 6px; }}
  input:focus {{ outline: 2px solid #93c5fd; border-color: #1d4ed8; }}
  .message {{ min-height: 1.6em; margin: 14px 0 4px; color: #b91c1c; }}
  .message:empty {{ visibility: hidden; }}
  button {{ width: 100%; padding: 10px; font: inherit; font-weight: 600; color: #fff; background: #1d4ed8;
           border: 0; border-radius: 6px; cursor: pointer; }}
  button:hover {{ background: #1e40af; }}
  button:disabled {{ background: #93a5d8; cursor: wait; }}
  .help {{ margin: 18px 0 0; color: #6b7280; font-size: 13px; text-align: center; }}
</style>
</head>
<body>
<main>
  <h1 id="product-name">{t}</h1>
  <p class="lead">请使用本单位分配给您的账号登录</p>
  <form id="login-form" method="post" action="login" novalidate>
    <label for="username">用户名</label>
    <input id="username" name="username" autocomplete="username" autofocus>
    <label for="password">密码</label>
    <input id="password" name="password" type="password" autocomplete="current-password">
    <p id="login-message" class="message" role="alert"></p>
    <button type="submit" id="login-button">登录</button>
  </form>
  <p class="help">忘记密码或还没有账号，请联系本单位的审核人员。</p>
</main>
<script>
(() => {{
  const form = document.getElementById("login-form");
  const message = document.getElementById("login-message");
  const button = document.getElementById("login-button");
  form.addEventListener("submit", async (event) => {{
    event.preventDefault();
    if (!form.username.value.trim() || !form.password.value) {{
      message.textContent = "请输入用户名和密码。";
      return;
    }}
    button.disabled = true;
    message.textContent = "";
    try {{
      const answer = await fetch("login", {{ method: "POST", body: new URLSearchParams(new FormData(form)),
                                            credentials: "same-origin" }});
      if (answer.ok) {{ window.location.reload(); return; }}
      let detail = "";
      try {{ detail = (await answer.json()).detail; }} catch (e) {{}}
      message.textContent = typeof detail === "string" && detail ? detail : "登录没有成功，请稍后再试。";
      form.password.value = "";
      form.password.focus();
    }} catch (e) {{
      message.textContent = "无法连接服务器，请检查网络后再试。";
    }} finally {{
      button.disabled = false;
    }}
  }});
}})();
</script>
</body>
</html>
"""


class _LoginGate:
    """ASGI middleware: the login page, ``/login``, ``/logout``, and Gradio's page made Chinese."""

    def __init__(self, app: Any, *, login: Callable[[str, str], bool], sessions: Sessions, page: str):
        self.app, self.login, self.sessions, self.page = app, login, sessions, page

    async def __call__(self, scope: MutableMapping[str, Any], receive: Any, send: Send) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        path, method = scope["path"], scope["method"]
        if path in ("/login", "/login/"):
            if method == "POST":
                answer = await self._login(Request(scope, receive))
                return await answer(scope, receive, send)
            return await RedirectResponse("./", status_code=303)(scope, receive, send)
        if path in ("/logout", "/logout/") and method == "GET":
            return await self._logout(Request(scope))(scope, receive, send)
        if path == "/" and method in ("GET", "HEAD"):
            if self.user(Request(scope)) is None:
                page = HTMLResponse(self.page, headers={"Cache-Control": "no-store"})
                return await page(scope, receive, send)
            if method == "GET":
                return await self.app(scope, receive, _amended(send, _CHINESE_ALWAYS))
        return await self.app(scope, receive, send)

    def user(self, request: Request) -> str | None:
        token = request.cookies.get(COOKIE)
        return self.sessions.get(token) if token else None

    async def _login(self, request: Request) -> JSONResponse:
        form = await request.form()
        username = str(form.get("username") or "").strip()
        password = str(form.get("password") or "")
        try:
            ok = bool(username) and await run_in_threadpool(self.login, username, password)  # scrypt: not in the loop
        except LoginThrottled as exc:  # too many failures: the reason, not a bare refusal
            return JSONResponse({"detail": str(exc)}, status_code=429)
        except AccountDisabled as exc:
            return JSONResponse({"detail": str(exc)}, status_code=403)
        if not ok:
            return JSONResponse({"detail": _WRONG}, status_code=400)
        token = secrets.token_urlsafe(32)
        self.sessions[token] = username
        answer = JSONResponse({"success": True})
        answer.set_cookie(COOKIE, token, httponly=True, samesite="lax", path="/")
        return answer

    def _logout(self, request: Request) -> RedirectResponse:
        user = self.user(request)
        if user is not None:  # every session of the user, as Gradio's /logout did
            self.sessions.end_user(user)
        answer = RedirectResponse("./", status_code=302)
        answer.delete_cookie(COOKIE, path="/")
        return answer


def _amended(send: Send, head: bytes) -> Send:
    """``send`` with ``head`` added at the start of an HTML answer's ``<head>``."""
    start: MutableMapping[str, Any] | None = None
    chunks: list[bytes] = []

    async def amended(message: MutableMapping[str, Any]) -> None:
        nonlocal start
        if message["type"] == "http.response.start":
            headers = {k.lower(): v for k, v in message.get("headers", [])}
            if headers.get(b"content-type", b"").startswith(b"text/html") and b"content-encoding" not in headers:
                start = message
                return
        elif message["type"] == "http.response.body" and start is not None:
            chunks.append(message.get("body", b""))
            if message.get("more_body"):
                return
            body = b"".join(chunks).replace(b"<head>", b"<head>" + head, 1)
            kept = [(k, v) for k, v in start.get("headers", []) if k.lower() != b"content-length"]
            await send({**start, "headers": [*kept, (b"content-length", str(len(body)).encode())]})
            await send({"type": "http.response.body", "body": body})
            return
        await send(message)

    return amended


def _session_user(sessions: Sessions) -> Callable[[Any], Awaitable[str | None]]:
    """Gradio's ``auth_dependency``: the user of the request's session cookie. Awaited by Gradio
    (``get_current_user``) in its event loop: a session read lately is found there without a thread
    (``cached``); otherwise its row is read in a thread (and its activity written, at most once a
    minute), not in the loop every request waits on."""
    async def user(request: Any) -> str | None:
        token = request.cookies.get(COOKIE)
        if not token:
            return None
        known = sessions.cached(token)
        if known is not None:
            return known
        return await run_in_threadpool(sessions.get, token)

    return user


def _gradio_login_check(app: Any) -> Callable[..., Any]:
    """Gradio's ``login_check``, the dependency of its routes that answers 401 without a user; it is
    a plain function, which FastAPI runs in a worker thread: a thread hop on each request of the page
    (two a chat turn: the queue's join and its event stream)."""
    found: dict[int, Callable[..., Any]] = {}

    def walk(routes: Any) -> None:
        for route in routes:
            for dep in getattr(route, "dependencies", None) or ():
                fn = getattr(dep, "dependency", None)
                if fn is not None and getattr(fn, "__name__", "") == "login_check":
                    found[id(fn)] = fn
            inner = getattr(route, "original_router", None) or getattr(route, "router", None)
            if inner is not None and inner is not route:
                walk(getattr(inner, "routes", ()))

    walk(app.routes)
    if len(found) != 1:
        raise RuntimeError(f"Gradio 的 login_check 找不到或不止一个（{len(found)}）：Gradio 升级后改了路由")
    return next(iter(found.values()))


def checks_login_in_the_loop(app: Any) -> None:
    """Gradio's ``login_check`` replaced (FastAPI's ``dependency_overrides``) by a coroutine that
    answers the same: nothing with a user, Gradio's own 401 without one (the original is called for
    it). The user is Gradio's ``get_current_user`` as before (the same dependency, cached per request)."""
    original = _gradio_login_check(app)
    current_user = inspect.signature(original).parameters["user"].default  # Depends(get_current_user)

    async def login_check(user: Any = current_user) -> None:
        if user is None:
            original(user)  # raises Gradio's HTTPException (401, its message)

    app.dependency_overrides[original] = login_check


def skips_without_rebuilding() -> None:
    """An answer that leaves an output out (``gr.skip()``, which Gradio puts in for every output a
    ``{component: value}`` answer does not name) changes nothing in the page, yet Gradio 6
    (``Blocks.postprocess_data``) builds a new component from the old one's arguments for it, with
    its config, on every answer: most of a chat turn's outputs are left out. Here the outputs named
    go through Gradio as before and each one left out gets what Gradio sends for a bare update
    (``postprocess_update_dict``), without the rebuilt component. Installed once, for every app."""
    from gradio import blocks

    original = blocks.Blocks.postprocess_data
    if getattr(original, "skips_without_rebuilding", False):
        return

    async def postprocess_data(self, block_fn, predictions, state):
        outputs = list(block_fn.outputs)
        if (block_fn.is_validator_function or len(outputs) < 2 or not isinstance(predictions, dict)
                or not predictions or not all(isinstance(k, blocks.Block) for k in predictions)):
            return await original(self, block_fn, predictions, state)
        named = {k._id for k in predictions}
        kept = [b for b in outputs if b._id in named or b.stateful]  # a State left out: Gradio's own way
        if len(kept) == len(outputs) or len(kept) < 2:  # (one output: Gradio reads the answer as its value)
            return await original(self, block_fn, predictions, state)
        part = copy.copy(block_fn)
        part.outputs = kept
        values = iter(await original(self, part, predictions, state))
        return [next(values) if b._id in named or b.stateful else bare(b) for b in outputs]

    bare_updates: dict[type, dict] = {}

    def bare(b: Any) -> dict:
        """Gradio's bare update for ``b``: the same for every block of its class (without a value it reads
        no attribute but ``__type__``, which blocks lack), worked out once (an HTML's took a signature)."""
        made = bare_updates.get(type(b))
        if made is None:
            made = bare_updates[type(b)] = blocks.postprocess_update_dict(b, {"__type__": "update"}, True)
        return {k: dict(v) if isinstance(v, dict) else v for k, v in made.items()}  # a copy: Gradio's to change

    postprocess_data.skips_without_rebuilding = True  # type: ignore[attr-defined]
    blocks.Blocks.postprocess_data = postprocess_data  # type: ignore[method-assign]


class _InlineCheap:
    """What ``gradio.blocks`` sees as ``anyio``: the same, but a component's own pre- or postprocessing
    of a value, for the components whose processing is a few steps of plain Python (text, HTML, a
    choice, the chat's messages), runs at once in the event loop instead of in a worker thread: a thread
    hop per input and per output of every event (eight or so a chat turn) cost more than the work; the
    rest (files, tables, handlers) still goes to a thread. So does the call of a handler that yields
    (``Blocks.call_function`` sends every handler that is not a coroutine function to a thread, an
    async generator function too, whose call only makes the generator: a hop a chat turn for nothing)."""

    def __init__(self, anyio: Any, cheap: tuple[type, ...]):
        self._anyio, self._cheap = anyio, cheap
        self.to_thread = self

    def __getattr__(self, name: str) -> Any:
        return getattr(self._anyio, name)

    async def run_sync(self, func: Any, *args: Any, **kwargs: Any) -> Any:
        if getattr(func, "__name__", "") in ("preprocess", "postprocess") and type(getattr(func, "__self__", None)) \
                in self._cheap:
            return func(*args)
        if inspect.isasyncgenfunction(func):  # (a handler that yields: the call only makes the generator)
            return func(*args)
        return await self._anyio.to_thread.run_sync(func, *args, **kwargs)


def processes_cheap_values_inline() -> None:
    """Install ``_InlineCheap`` for ``gradio.blocks``; and the queue's call after every event for its
    monitoring summary, which only hands back the one it keeps until the 1,000th event (``make_app``),
    runs in the event loop too (a thread hop an event for nothing). Once, for every app."""
    import anyio
    from gradio import blocks, queueing

    if isinstance(getattr(blocks, "anyio", None), _InlineCheap):
        return
    cheap = (gr.Textbox, gr.HTML, gr.Markdown, gr.Dropdown, gr.Chatbot, gr.Button, gr.State, gr.Radio,
             gr.Checkbox, gr.Number)
    blocks.anyio = _InlineCheap(anyio, cheap)  # type: ignore[assignment]
    in_thread = queueing.run_sync

    async def run_sync(func: Any, *args: Any, **kwargs: Any) -> Any:
        q = getattr(func, "__self__", None)
        if getattr(func, "__name__", "") == "compute_analytics_summary" and isinstance(q, queueing.Queue) \
                and q.events_recorded - q.event_count_at_last_cache < q.ANAYLTICS_CACHE_FREQUENCY:
            return func(*args)  # not due: the summary kept, no work
        return await in_thread(func, *args, **kwargs)

    queueing.run_sync = run_sync  # type: ignore[assignment]


class _FileFound(Exception):
    pass


def finds_files_without_awaiting() -> None:
    """Gradio looks for files in every input and output value (``processing_utils.
    async_move_files_to_cache``) by walking it with one coroutine per dict, list and leaf: the whole
    chat, on the way in and out of every turn (about a tenth of a turn's CPU). Here a value is walked
    once without coroutines and handed back as Gradio's walk hands it back when it holds no file (new
    dicts and lists, the same leaves); a value holding a file goes through Gradio's walk. Installed
    once, for every app."""
    from gradio import processing_utils
    from gradio.data_classes import GradioModel, GradioRootModel
    from gradio_client.utils import is_file_obj_with_meta as is_file

    original = processing_utils.async_move_files_to_cache
    if getattr(original, "finds_files_without_awaiting", False):
        return

    def plain(obj: Any) -> Any:  # ``gradio_client.utils.async_traverse`` finding no file
        if is_file(obj):
            raise _FileFound
        if isinstance(obj, dict):
            return {k: plain(v) for k, v in obj.items()}
        if isinstance(obj, (list, tuple)):
            return [plain(v) for v in obj]
        return obj

    async def move_files_to_cache(data: Any, block: Any, postprocess: bool = False, check_in_upload_folder: bool = False,
                                  keep_in_cache: bool = False) -> Any:
        try:
            return plain(data.model_dump() if isinstance(data, (GradioRootModel, GradioModel)) else data)
        except _FileFound:
            return await original(data, block, postprocess, check_in_upload_folder, keep_in_cache)

    move_files_to_cache.finds_files_without_awaiting = True  # type: ignore[attr-defined]
    move_files_to_cache.original = original  # type: ignore[attr-defined]
    processing_utils.async_move_files_to_cache = move_files_to_cache


def _matplotlib_absent() -> None:
    """Gradio imports matplotlib around every event (``route_utils.call_process_api``, to set its
    backend) and passes on ImportError; not installed, each try searched the whole path again, twice an
    event (about 2% of a turn's CPU). Marked absent, the import fails at once, as it did. Likewise
    polars, which Gradio's Dataframe looks for (``importlib.util.find_spec``, about 20 µs) several times
    in each grid's answer: marked absent, ``find_spec`` answers None at once, as it did."""
    for name in ("matplotlib", "polars"):
        if name not in sys.modules and importlib.util.find_spec(name) is None:
            sys.modules[name] = None  # type: ignore[assignment]


def serve(demo: gr.Blocks, *, login: Callable[[str, str], bool], title: str, sessions: Sessions,
          **launch_options: Any) -> None:
    """Serve ``demo`` (blocking) behind ``login`` (``LoginThrottled``: 429 with its reason;
    ``AccountDisabled``: 403), with ``sessions`` (which end by themselves: idle or too old)."""
    _matplotlib_absent()
    SESSIONS.use(sessions)  # the user-management tab ends sessions in the same store
    gate = Middleware(_LoginGate, login=login, sessions=SESSIONS, page=login_page(title))
    demo.launch(auth_dependency=_session_user(SESSIONS), app_kwargs={"middleware": [gate]}, prevent_thread_lock=True,
                i18n=gr.I18n(**{"zh-CN": GRADIO_ZH_GAPS}), **launch_options)
    checks_login_in_the_loop(demo.server_app)
    demo.block_thread()
