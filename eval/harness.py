"""Run the app in a child process on a loopback port with its own database, and drive it with
headless Chromium (Debian's, never a downloaded one). Used by the browser tests and by
``python -m tests.screenshots``. ``Cluster``: several app processes on one database behind
Debian's nginx (``deploy/nginx.conf``), as ``scripts/cluster.py`` and ``eval.bench_load
--processes`` start them."""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

__all__ = [
    "CHROMIUM_ARGS",
    "AppServer",
    "Cluster",
    "Proxy",
    "add_users",
    "edit_cell",
    "find_chromium",
    "free_port",
    "launch_chromium",
    "login",
    "send_message",
    "shown_revision",
    "wait_for_new_revision",
]

ROOT = Path(__file__).resolve().parent.parent
# headless on a machine without network, GPU or a large /dev/shm
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
TIMEOUT_MS = 30_000


def find_chromium() -> str | None:
    for candidate in (os.environ.get("REPORT_CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium"),
                      shutil.which("chromium-browser")):
        if candidate and Path(candidate).exists():
            return candidate
    return None


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def add_users(database_url: str, users: Iterable[tuple[str, str, str, str]]) -> None:
    """(username, password, role, display name) each, into the database at ``database_url``."""
    from assistant.auth import AuthStore
    from assistant.storage import Store

    store = Store(database_url)
    try:
        auth = AuthStore(store.engine)
        for username, password, role, name in users:
            auth.add_user(username, password, role, name)
    finally:
        store.close()


class AppServer:
    """``python -m ui serve`` in a child process; ``with AppServer(db_url, workdir) as url: …``."""

    def __init__(self, database_url: str, workdir: Path, *, port: int | None = None, startup_s: float = 90,
                 env: dict[str, str] | None = None, offline: bool = True, name: str = "server"):
        self.database_url, self.workdir = database_url, Path(workdir)
        self.extra_env = dict(env or {})
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self.startup_s, self.offline = startup_s, offline
        self.process: subprocess.Popen | None = None
        self.log_path = self.workdir / f"{name}.log"

    def __enter__(self) -> str:
        self.start()
        return self.wait_ready()

    def start(self) -> None:
        env = dict(os.environ, REPORT_DATABASE_URL=self.database_url,
                   GRADIO_ANALYTICS_ENABLED="False", PYTHONPATH=str(ROOT), NO_PROXY="127.0.0.1,localhost")
        if self.offline:
            for key in ("REPORT_LLM_MODEL", "REPORT_LLM_BASE_URL"):  # the offline engine, whatever the shell has
                env.pop(key, None)
        env.update(self.extra_env)
        self.workdir.mkdir(parents=True, exist_ok=True)
        log = self.log_path.open("ab")
        self.process = subprocess.Popen([sys.executable, "-m", "ui", "serve", "--port", str(self.port)],
                                        cwd=self.workdir, env=env, stdout=log, stderr=subprocess.STDOUT)

    def wait_ready(self) -> str:
        assert self.process is not None
        deadline = time.monotonic() + self.startup_s
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"服务没有启动：\n{self.log()}")
            try:
                with urllib.request.urlopen(self.url, timeout=2) as r:
                    if r.status == 200:
                        return self.url
            except (urllib.error.URLError, OSError):
                time.sleep(0.3)
        self.__exit__(None, None, None)
        raise RuntimeError(f"服务在 {self.startup_s} 秒内没有启动：\n{self.log()}")

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace") if self.log_path.exists() else ""

    def __exit__(self, *exc: Any) -> None:
        _stop(self.process)


def _stop(process: subprocess.Popen | None) -> None:
    if process is not None and process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


NGINX_CONF = ROOT / "deploy" / "nginx.conf"


def find_nginx() -> str | None:
    for candidate in (os.environ.get("REPORT_NGINX"), shutil.which("nginx"), "/usr/sbin/nginx"):
        if candidate and Path(candidate).exists():
            return candidate
    return None


def nginx_conf(upstreams: Iterable[int], port: int, workdir: Path) -> str:
    """``deploy/nginx.conf`` for loopback: these app ports, this port, files under ``workdir``, and
    a header naming the process that answered (the load benchmark counts users per process)."""
    site = NGINX_CONF.read_text(encoding="utf-8")
    head, rest = site.split("    # upstreams: begin\n", 1)
    _, tail = rest.split("    # upstreams: end\n", 1)
    servers = "".join(f"    server 127.0.0.1:{p} max_fails=1 fail_timeout=10s;\n" for p in upstreams)
    site = (head + servers + tail).replace("listen 80;", f"listen 127.0.0.1:{port};\n"
                                           "    add_header X-Report-Upstream $upstream_addr always;")
    if site.count(f"listen 127.0.0.1:{port};") != 1:
        raise RuntimeError("deploy/nginx.conf 的格式变了：找不到 listen 80;")
    user = f"user {pwd.getpwuid(os.getuid()).pw_name};\n" if os.getuid() == 0 else ""  # workers read workdir
    w = str(workdir)
    return (f"{user}worker_processes 1;\ndaemon off;\npid {w}/nginx.pid;\nerror_log {w}/nginx-error.log warn;\n"
            "events { worker_connections 4096; }\n"
            f"http {{\n  access_log off;\n  client_body_temp_path {w}/body;\n  proxy_temp_path {w}/proxy;\n"
            f"  fastcgi_temp_path {w}/fastcgi;\n  uwsgi_temp_path {w}/uwsgi;\n  scgi_temp_path {w}/scgi;\n"
            f"{site}\n}}\n")


class Proxy:
    """Debian's nginx in the foreground on a loopback port, in front of ``upstreams`` (app ports)."""

    def __init__(self, upstreams: Iterable[int], workdir: Path, *, port: int | None = None):
        self.upstreams, self.workdir = list(upstreams), Path(workdir)
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self.process: subprocess.Popen | None = None

    def __enter__(self) -> str:
        nginx = find_nginx()
        if nginx is None:
            raise RuntimeError("找不到 nginx（Debian 软件包 nginx-light 或 nginx）。")
        self.workdir.mkdir(parents=True, exist_ok=True)
        conf = self.workdir / "nginx.conf"
        conf.write_text(nginx_conf(self.upstreams, self.port, self.workdir), encoding="utf-8")
        log = (self.workdir / "nginx.log").open("ab")
        self.process = subprocess.Popen([nginx, "-p", str(self.workdir), "-c", str(conf)], stdout=log,
                                        stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("nginx 没有启动：\n" + _tail(self.workdir / "nginx-error.log", self.workdir / "nginx.log"))
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    return self.url
            except OSError:
                time.sleep(0.1)
        self.__exit__()
        raise RuntimeError("nginx 在 20 秒内没有启动。")

    def pids(self) -> list[int]:
        """The master and its workers."""
        if self.process is None:
            return []
        return [self.process.pid, *_children(self.process.pid)]

    def __exit__(self, *exc: Any) -> None:
        _stop(self.process)


def _children(pid: int) -> list[int]:
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def _tail(*paths: Path) -> str:
    return "\n".join(p.read_text(errors="replace")[-3000:] for p in paths if p.exists())


class Cluster:
    """``processes`` app processes on one database (PostgreSQL, for real) behind nginx:
    ``with Cluster(url, workdir, processes=2) as proxy_url: …``. The schema is brought up to date
    once, before the processes start (each would otherwise race to migrate it)."""

    def __init__(self, database_url: str, workdir: Path, *, processes: int = 2, port: int | None = None,
                 env: dict[str, str] | None = None, offline: bool = True):
        self.database_url, self.workdir = database_url, Path(workdir)
        self.servers = [AppServer(database_url, self.workdir, env=env, offline=offline, name=f"app{k}")
                        for k in range(1, processes + 1)]
        self.proxy = Proxy([s.port for s in self.servers], self.workdir / "nginx", port=port)

    @property
    def url(self) -> str:
        return self.proxy.url

    def __enter__(self) -> str:
        from assistant.storage import Store

        Store(self.database_url).close()  # migrations, once
        try:
            for s in self.servers:
                s.start()
            for s in self.servers:
                s.wait_ready()
            return self.proxy.__enter__()
        except BaseException:
            self.__exit__()
            raise

    def __exit__(self, *exc: Any) -> None:
        self.proxy.__exit__()
        for s in self.servers:
            s.__exit__()


def launch_chromium(playwright, executable: str | None = None):
    path = executable or find_chromium()
    if path is None:
        raise RuntimeError("找不到 Chromium（Debian 软件包 chromium）。")
    return playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS, headless=True)


@contextmanager
def logged_in_page(url: str, username: str, password: str, *, width: int = 1366, height: int = 768,
                   locale: str = "zh-CN") -> Iterator[Any]:
    """A Chromium page at ``width``×``height`` (an office PC's screen by default), logged in."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = launch_chromium(p)
        try:
            page = browser.new_context(locale=locale, viewport={"width": width, "height": height}).new_page()
            login(page, url, username, password)
            yield page
        finally:
            browser.close()


def login(page, url: str, username: str, password: str) -> None:
    """Log in through the login page (``ui._gradio_auth``); a refused login raises with its reason."""
    page.goto(url)
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(password)
    page.get_by_role("button", name="登录").click()
    # the badge is filled by the load event: the session is in and the views are loaded
    page.wait_for_function("() => (document.querySelector('#user-badge') || {}).innerText?.includes('（')"
                           " || (document.querySelector('#login-message') || {}).textContent", timeout=TIMEOUT_MS)
    refused = page.locator("#login-message")
    if refused.count() and refused.text_content():
        raise RuntimeError(f"登录没有成功（{username}）：{refused.text_content()}")


def shown_revision(page) -> str | None:
    return page.evaluate("() => { const p = document.querySelector('#revision [data-revision]');"
                         " return p ? p.dataset.revision : null; }")


def wait_for_new_revision(page, before: str | None, timeout_ms: int = TIMEOUT_MS) -> str:
    """Wait until the page shows a revision of the draft other than ``before`` (the action is saved
    and every view was refreshed from the database)."""
    page.wait_for_function(
        "(before) => { const p = document.querySelector('#revision [data-revision]');"
        " return p && p.dataset.revision !== before; }", arg=before, timeout=timeout_ms)
    return shown_revision(page)


def open_new_draft(page, timeout_ms: int = TIMEOUT_MS) -> None:
    """新建 and wait until the page shows the new draft (a message sent while the page still applies
    the new draft's views may find 发送 not yet live, and not be taken)."""
    before = page.evaluate("() => { const p = document.querySelector('#revision [data-draft]');"
                           " return p ? p.dataset.draft : null; }")
    page.locator("#new-draft").click()
    page.wait_for_function("(before) => { const p = document.querySelector('#revision [data-draft]');"
                           " return p && p.dataset.draft !== before; }", arg=before, timeout=timeout_ms)


def send_message(page, text: str, timeout_ms: int = TIMEOUT_MS) -> None:
    before = shown_revision(page)
    page.locator("#chat-input textarea").fill(text)
    page.locator("#send").click()
    wait_for_new_revision(page, before, timeout_ms)


def edit_cell(page, grid: str, row: int, col: int, value: str, timeout_ms: int = TIMEOUT_MS) -> None:
    """Type ``value`` into a cell of a data grid (``t2``, ``t3``, ``t4``) and wait until it is saved."""
    before = shown_revision(page)
    page.locator(f'#grid-{grid} [data-testid="cell-{row}-{col}"]').dblclick()
    editor = page.locator(f'#grid-{grid} textarea[aria-label="Edit cell"]')
    editor.wait_for(state="visible", timeout=timeout_ms)
    editor.fill(value)
    editor.press("Enter")
    wait_for_new_revision(page, before, timeout_ms)
