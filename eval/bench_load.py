"""Load benchmark of the web app: simulated members of staff talking to it at the same time.

    python -m eval.bench_load [--users 30] [--turns 10] [--think 0] [--processes N] [--database-url URL]
                              [--json PATH]

The app runs in a child process on a loopback port (``eval.harness.AppServer``: offline engine, its own
database: a new SQLite file unless ``--database-url`` names one, e.g. PostgreSQL). With ``--processes
N``, N app processes on one PostgreSQL (``--database-url``, else REPORT_TEST_POSTGRES_URL) behind
Debian's nginx with deploy/nginx.conf (``eval.harness.Cluster``, as ``scripts/cluster.py``), and the
users talk to nginx.

The simulated users are a light load generator, so that the figures are the server's: one asyncio
loop, one ``httpx.AsyncClient`` (cookie jar) per user, speaking the app's HTTP API as the page does
(POST /login, GET /config once, the page's load event, then per action POST /gradio_api/queue/join and
the event stream GET /gradio_api/queue/data). All log in and open the page first; then all together
create a draft and send their turns
one after the other, by default without pause, as fast as the replies come (the worst case;
``--think`` adds a reading and typing pause between turns).
Every turn carries numbers that belong to that user only, so that after the run the database itself
(read through ``assistant.storage.Store``) shows whether each turn was stored once, in order, in the
sender's draft, and whether each draft's facts are its user's.

Prints the figures (README records them): latency p50/p95, turns/s, server CPU per turn (all app
processes together; nginx apart), client CPU per turn, memory (RSS) per server process, and with
``--processes`` how many users each process served; exits 1 when any turn was lost, stored twice, out
of order, in another user's draft, or failed, or when a draft's facts are not its user's.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import os
import platform
import random
import statistics
import string
import sys
import tempfile
import time
import uuid
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

__all__ = [
    "AppClient", "AppError", "LoadResult", "Step", "UserRun", "Verification", "agency_name", "dialogue", "main",
    "run_load", "server_concurrency", "verify",
]

PASSWORD = "bench-load-password"
TEMPLATES = 10  # distinct turns in one round of the dialogue


# ---- the dialogue --------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Step:
    """One message and the facts it must leave in the sender's draft (field → value)."""

    message: str
    expects: dict[str, Any]


_DIGITS = "零一二三四五六七八九"


def _chinese(n: int) -> str:
    """1 → 一, 21 → 二十一, 105 → 一百零五 (agency names hold no Arabic digits)."""
    if not 0 < n < 10_000:
        raise ValueError(n)
    out, zero = "", False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d, n = divmod(n, value)
        if d:
            out += ("零" if zero else "") + ("" if (value == 10 and d == 1 and not out) else _DIGITS[d]) + unit
            zero = False
        elif out:
            zero = True
    return out


def agency_name(k: int) -> str:
    return f"示例第{_chinese(k)}局"


def _round(name: str, u: int) -> list[Step]:
    """The ten turns of one round; ``u`` makes every number (and so every message) the user's own."""
    return [
        Step(f"我们是{name}，市级单位，要写2023年度的年报。网站公开政务信息{900 + u}条。",
             {"agency_name": name, "agency_level": "municipal", "report_year": 2023, "website_items": 900 + u}),
        Step(f"微信公众号发布{2000 + u}条，独立用户访问总量{30000 + u}个，网站访问总量{300000 + u}次。",
             {"new_media_posts": 2000 + u, "website_visitors": 30000 + u, "website_visits": 300000 + u}),
        Step(f"全年召开新闻发布会{u + 2}场，发布政策解读{100 + u}篇。",
             {"press_conferences": u + 2, "policy_interpretations": 100 + u}),
        Step(f"不对，网站是{1000 + u}条", {"website_items": 1000 + u}),
        Step(f"没有上年结转的申请，本年新收政府信息公开申请{40 + u}件，予以公开{30 + u}件，部分公开10件，"
             f"办结申请{40 + u}件，没有结转下年度的申请。",
             {"t3.new_received.total": 40 + u, "t3.granted.total": 30 + u, "t3.partial.total": 10,
              "t3.total.total": 40 + u, "t3.carried_over.total": 0, "t3.carried_forward.total": 0}),
        Step(f"信息管理：{name}全年清理规范性文件{200 + u}件，动态更新政策文件库。",
             {"management": f"{name}全年清理规范性文件{200 + u}件，动态更新政策文件库。"}),
        Step(f"没有收取信息处理费。今年共承办人大代表建议{u + 5}件和政协提案{u + 3}件，办结率100%，并进行了公开。",
             {"fee_charged": False, "npc_suggestions": u + 5, "cppcc_proposals": u + 3,
              "proposals_completion_rate": 100, "proposals_published": True}),
        Step(f"平台建设：{name}门户网站新设专栏{u + 10}个，优化政策文件库检索。\n监督保障：组织政务公开培训{300 + u}人次。",
             {"platform": f"{name}门户网站新设专栏{u + 10}个，优化政策文件库检索。",
              "oversight": f"组织政务公开培训{300 + u}人次。"}),
        Step(f"本年制发行政规范性文件{u + 1}件，现行有效规范性文件{60 + u}件，行政许可决定{500 + u}件，"
             f"行政处罚决定{20 + u}件。",
             {"t2.normative_docs.issued": u + 1, "t2.normative_docs.in_force": 60 + u,
              "t2.licensing.decisions": 500 + u, "t2.penalty.decisions": 20 + u}),
        Step(f"存在的问题：{name}政策解读形式较为单一，图解、视频解读仅{u}篇。\n改进措施：明年计划新增图解和视频解读{50 + u}篇。",
             {"problems": f"{name}政策解读形式较为单一，图解、视频解读仅{u}篇。",
              "measures": f"明年计划新增图解和视频解读{50 + u}篇。"}),
    ]


def dialogue(k: int, turns: int, users: int) -> list[Step]:
    """User ``k``'s (1-based, of ``users``) first ``turns`` messages. Past ten turns the round starts
    again with other numbers: round r uses u = k + r·users, unique to (user, round)."""
    steps: list[Step] = []
    r = 0
    while len(steps) < turns:
        steps += _round(agency_name(k), k + r * users)
        r += 1
    return steps[:turns]


def expected_facts(steps: Sequence[Step]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for s in steps:
        out.update(s.expects)
    return out


# ---- the light client ----------------------------------------------------------------------------
class AppError(Exception):
    """An action the app did not complete (refused, failed, or the connection broke)."""


class AppClient:
    """One browser's worth of the app's HTTP API, without a browser: the login cookie in its jar, one
    Gradio session (``session_hash``), and ``call(api_name, inputs)`` through the queue as the page
    does. What it needs of an answer is whether the action completed, and a few outputs by
    component (``elem_id``), never by position: handlers may leave outputs unchanged."""

    def __init__(self, base: str, *, timeout: float = 300.0):
        import httpx

        self.http = httpx.AsyncClient(base_url=base, timeout=httpx.Timeout(timeout, connect=10.0),
                                      trust_env=False)
        self.config: dict[str, Any] = {}
        self.upstream = ""  # which app process answered last (X-Report-Upstream, set by the bench's nginx)
        self.new_session()

    def new_session(self) -> None:
        """A fresh Gradio session, as a page reload makes (the login cookie stays)."""
        self.session_hash = "".join(random.choices(string.ascii_lowercase + string.digits, k=11))

    async def open_page(self) -> None:
        """What a page does when it opens: a new session and the page's load event (the server then
        knows which tab the page shows and sends the panels out of sight only when they are shown)."""
        self.new_session()
        if "load" in self._deps:
            await self.call("load", ["p1.active"])

    async def close(self) -> None:
        await self.http.aclose()

    async def login(self, username: str, password: str) -> None:
        r = await self.http.post("login", data={"username": username, "password": password})
        if r.status_code != 200:
            raise AppError(f"login {r.status_code}: {r.text[:200]}")
        self.upstream = r.headers.get("x-report-upstream", "")

    async def load_config(self, config: dict[str, Any] | None = None) -> dict[str, Any]:
        """The page's config (GET /config), or one already read by another client of the same app."""
        if config is None:
            r = await self.http.get("config")
            if r.status_code != 200:
                raise AppError(f"config {r.status_code}")
            config = r.json()
        self.config = config
        self._deps = {d["api_name"]: d for d in config["dependencies"] if d.get("api_name")}
        self._by_elem = {c["props"].get("elem_id"): c["id"] for c in config["components"]
                         if c.get("props", {}).get("elem_id")}
        self._types = {c["id"]: c.get("type") for c in config["components"]}
        return config

    def output(self, api_name: str, data: list[Any], elem_id: str) -> Any:
        """The value of the component ``elem_id`` in an answer of ``api_name`` (an update's value),
        or None when the answer leaves it unchanged."""
        outputs = self._deps[api_name]["outputs"]
        cid = self._by_elem.get(elem_id)
        if cid not in outputs:
            return None
        value = data[outputs.index(cid)]
        if isinstance(value, dict) and value.get("__type__") == "update":
            return value.get("value")
        return value

    async def call(self, api_name: str, inputs: list[Any]) -> list[Any]:
        """Run ``api_name`` with ``inputs`` (State inputs left out, as gradio_client takes them) and
        wait for it to complete; its outputs, or ``AppError``."""
        import httpx

        try:
            return await self._call(api_name, inputs)
        except httpx.HTTPError as exc:  # refused, cut off, timed out: the action's fate is unknown
            raise AppError(f"{api_name}: {type(exc).__name__}: {exc}") from exc

    async def _call(self, api_name: str, inputs: list[Any]) -> list[Any]:
        dep = self._deps[api_name]
        given = iter(inputs)
        data = [None if self._types.get(i) == "state" else next(given) for i in dep["inputs"]]
        r = await self.http.post("gradio_api/queue/join", json={
            "data": data, "fn_index": dep["id"], "session_hash": self.session_hash, "event_data": None,
            "trigger_id": None})
        if r.status_code != 200:
            raise AppError(f"{api_name}: join {r.status_code}: {r.text[:200]}")
        self.upstream = r.headers.get("x-report-upstream", self.upstream)
        event_id = r.json()["event_id"]
        async with self.http.stream("GET", "gradio_api/queue/data",
                                    params={"session_hash": self.session_hash}) as stream:
            if stream.status_code != 200:
                raise AppError(f"{api_name}: stream {stream.status_code}")
            async for line in stream.aiter_lines():
                if not line.startswith("data:"):
                    continue
                if '"process_completed"' not in line and '"unexpected_error"' not in line:
                    continue  # estimation, process_starts, process_generating, heartbeat: not parsed
                msg = json.loads(line[5:])
                if msg.get("msg") == "unexpected_error":
                    raise AppError(f"{api_name}: {str(msg.get('message'))[:200]}")
                if msg.get("msg") == "process_completed" and msg.get("event_id") == event_id:
                    output = msg.get("output") or {}
                    if not msg.get("success"):
                        raise AppError(f"{api_name}: {str(output.get('error') or output)[:200]}")
                    return list(output.get("data") or [])
        raise AppError(f"{api_name}: the event stream ended before the answer")


# ---- one simulated user --------------------------------------------------------------------------
@dataclass
class UserRun:
    username: str
    steps: list[Step]
    draft_id: int | None = None
    sent: list[str] = field(default_factory=list)  # every message whose /send was called, in order
    latencies: list[float] = field(default_factory=list)  # seconds, of the turns that succeeded
    errors: list[str] = field(default_factory=list)
    wrong_view: int = 0  # replies whose conversation does not end with the message just sent
    started: float = 0.0
    finished: float = 0.0
    upstreams: list[str] = field(default_factory=list)  # the app process of each answered turn (with a proxy)


def _last_user_text(chat: Any) -> str | None:
    """The last user message of a Chatbot value (messages format)."""
    for m in reversed(chat if isinstance(chat, list) else []):
        if isinstance(m, dict) and m.get("role") == "user":
            content = m.get("content")
            if isinstance(content, list):  # [{"type": "text", "text": …}]
                return "".join(str(c.get("text", "")) if isinstance(c, dict) else str(c) for c in content)
            return str(content)
    return None


async def _simulate(client: AppClient, run: UserRun, think: float = 0.0) -> None:
    pause = random.Random(run.username)  # reproducible pauses, different per user
    run.started = time.perf_counter()
    try:
        out = await client.call("new_draft", ["p1.active"])
        run.draft_id = int(client.output("new_draft", out, "draft-select"))
    except Exception as exc:
        run.errors.append(f"new_draft: {type(exc).__name__}: {exc}")
        run.finished = time.perf_counter()
        return
    for i, step in enumerate(run.steps):
        if think and i:
            await asyncio.sleep(pause.uniform(0.5 * think, 1.5 * think))  # reading the reply, typing the next one
        run.sent.append(step.message)
        t0 = time.perf_counter()
        try:
            out = await client.call("send", [step.message, run.draft_id, [], "p1.active"])
        except Exception as exc:
            run.errors.append(f"send: {type(exc).__name__}: {str(exc)[:200]}")
            continue
        run.latencies.append(time.perf_counter() - t0)
        run.upstreams.append(client.upstream)
        chat = client.output("send", out, "chat")
        if chat is not None and _last_user_text(chat) != step.message:
            run.wrong_view += 1
    run.finished = time.perf_counter()


# ---- checking the database -----------------------------------------------------------------------
@dataclass
class Verification:
    lost: int = 0  # sent, not stored in the sender's draft
    misattributed: int = 0  # stored in a draft other than the sender's
    duplicated: int = 0  # stored more than once in the sender's draft
    out_of_order: int = 0  # users whose stored turns are not in the order sent
    foreign: int = 0  # user turns in a benchmark draft that no simulated user sent
    unanswered: int = 0  # user turns not followed by the assistant's reply
    facts_wrong: int = 0  # expected facts missing or not the user's value
    details: list[str] = field(default_factory=list)

    @property
    def failures(self) -> int:
        return (self.lost + self.misattributed + self.duplicated + self.out_of_order + self.foreign
                + self.unanswered + self.facts_wrong)


def verify(store, runs: Sequence[UserRun], *, since_draft_id: int = 0) -> Verification:
    """Compare what each user sent with what the database holds, in every draft created after
    ``since_draft_id`` (all drafts of a fresh database)."""
    from schemas.facts import TEXT_FIELDS

    v = Verification()
    places: dict[str, list[int]] = {}  # user text → draft id, once per stored copy
    stored_user_texts: dict[int, list[str]] = {}
    for d in store.list_drafts():
        if d.id <= since_draft_id:
            continue
        turns = store.turns(d.id)
        stored_user_texts[d.id] = [t.text for t in turns if t.role == "user"]
        for t in stored_user_texts[d.id]:
            places.setdefault(t, []).append(d.id)
        for i, t in enumerate(turns):
            if t.role == "user" and (i + 1 == len(turns) or turns[i + 1].role != "assistant"):
                v.unanswered += 1
                v.details.append(f"没有回复：草稿{d.id}「{t.text[:30]}」")
    everything_sent = {m for r in runs for m in r.sent}
    for run in runs:
        own = run.draft_id
        for text in run.sent:
            where = places.get(text, [])
            mine = where.count(own) if own is not None else 0
            if mine == 0:
                v.lost += 1
                v.details.append(f"丢失：{run.username}「{text[:30]}」")
            v.duplicated += max(0, mine - 1)
            if len(where) > mine:
                v.misattributed += len(where) - mine
                v.details.append(f"串稿：{run.username}「{text[:30]}」存入草稿{sorted(set(where) - {own})}")
        if own is None:
            continue
        stored = stored_user_texts.get(own, [])
        v.foreign += sum(1 for t in stored if t not in everything_sent)
        sent = set(run.sent)
        # first copies only: a duplicate is counted above, not as disorder
        if list(dict.fromkeys(t for t in stored if t in sent)) != [t for t in run.sent if t in set(stored)]:
            v.out_of_order += 1
            v.details.append(f"顺序不对：{run.username}")
        facts = store.facts(own)
        for name, want in expected_facts(run.steps[:len(run.sent)]).items():
            got = facts.get(name)
            ok = got is not None and got.state == "set" and (
                got.value == want and (name not in TEXT_FIELDS or isinstance(got.value, str)))
            if not ok:
                v.facts_wrong += 1
                v.details.append(f"事实不符：{run.username} {name} 应为{want!r}，实为{got.value if got else None!r}")
    return v


# ---- the run -------------------------------------------------------------------------------------
def server_concurrency() -> int:
    """The queue's concurrency limit of ``python -m ui serve`` as AppServer starts it (no option)."""
    from ui.cli_commands import add_commands

    p = argparse.ArgumentParser()
    add_commands(p.add_subparsers(dest="command"))
    return p.parse_args(["serve"]).concurrency


@dataclass
class LoadResult:
    users: int
    turns_per_user: int
    think_s: float  # mean pause between a reply and the next message
    turns: int  # sent
    turns_ok: int
    lost: int
    misattributed: int
    duplicated: int
    out_of_order: int
    foreign: int
    unanswered: int
    facts_wrong: int
    errors: int
    wrong_view: int
    p50_s: float | None
    p95_s: float | None
    max_s: float | None
    mean_s: float | None
    throughput_per_s: float
    wall_s: float
    concurrency: int
    server_cpu_s: float | None  # CPU time of the app processes together during the load (Linux)
    client_cpu_s: float | None  # CPU time of this process (the simulated users) during the load
    database: str
    cpus: int
    python: str
    error_samples: list[str]
    details: list[str]
    processes: int = 1  # app processes
    proxy: bool = False  # through nginx
    proxy_cpu_s: float | None = None  # nginx's master and workers during the load
    rss_mb: list[float] = field(default_factory=list)  # each app process at the end of the load
    peak_rss_mb: list[float] = field(default_factory=list)  # each app process's high-water mark
    users_per_process: list[int] = field(default_factory=list)  # users whose turns each process answered
    load_average: str = ""  # /proc/loadavg when the load started: the machine's other work

    @property
    def ok(self) -> bool:
        return not (self.lost or self.misattributed or self.duplicated or self.out_of_order or self.foreign
                    or self.unanswered or self.facts_wrong or self.errors or self.wrong_view)


def _percentile(xs: Sequence[float], q: float) -> float | None:
    if not xs:
        return None
    s = sorted(xs)
    return s[max(0, math.ceil(q * len(s)) - 1)]  # nearest rank


def _cpu_seconds(pid: int) -> float | None:
    """User + system CPU time of a process (Linux /proc); None elsewhere."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None


def _cpu_total(pids: Sequence[int]) -> float | None:
    times = [_cpu_seconds(p) for p in pids]
    return None if not times or any(t is None for t in times) else sum(t for t in times if t is not None)


def _rss_mb(pid: int) -> tuple[float, float] | None:
    """(resident now, high-water mark) of a process in MB (Linux /proc)."""
    try:
        status = dict(line.split(":", 1) for line in Path(f"/proc/{pid}/status").read_text().splitlines() if ":" in line)
        return int(status["VmRSS"].split()[0]) / 1024, int(status["VmHWM"].split()[0]) / 1024
    except (OSError, KeyError, ValueError):
        return None


def _load_average() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return ""


def _users(database_url: str, n: int, tag: str) -> list[str]:
    from eval.harness import add_users

    names = [f"bench{tag}u{k:03d}" for k in range(1, n + 1)]
    add_users(database_url, [(u, PASSWORD, "staff", f"压测用户{k}") for k, u in enumerate(names, 1)])
    return names


async def _drive(base: str, runs: list[UserRun], timeout: float, think: float, mark: Any) -> None:
    """Log every user in, then (``mark``: the load starts) run them all at once."""
    clients = [AppClient(base, timeout=timeout) for _ in runs]
    try:
        async def login(client: AppClient, run: UserRun) -> bool:
            try:
                await client.login(run.username, PASSWORD)
                return True
            except Exception as exc:
                run.errors.append(f"login: {type(exc).__name__}: {exc}")
                return False

        logged = await asyncio.gather(*(login(c, r) for c, r in zip(clients, runs, strict=True)))
        config = None
        for client, ok in zip(clients, logged, strict=True):
            if ok:  # the page's config once (the same app in every process), as a cached page would
                config = await client.load_config(config)

        async def open_page(client: AppClient, run: UserRun) -> bool:
            try:
                await client.open_page()
                return True
            except Exception as exc:
                run.errors.append(f"load: {type(exc).__name__}: {exc}")
                return False

        opened = iter(await asyncio.gather(*(open_page(c, r) for c, r, ok in zip(clients, runs, logged, strict=True)
                                             if ok)))
        logged = [ok and next(opened) for ok in logged]  # one answer per logged-in user, in order
        mark()
        await asyncio.gather(*(_simulate(c, r, think) for c, r, ok in zip(clients, runs, logged, strict=True) if ok))
    finally:
        await asyncio.gather(*(c.close() for c in clients))


def run_load(users: int = 30, turns: int = 10, *, database_url: str | None = None, workdir: Path | None = None,
             timeout: float = 300.0, think: float = 0.0, processes: int = 0) -> LoadResult:
    """Start the app (``processes`` ≥ 1: that many behind nginx, on the PostgreSQL ``database_url``),
    run the simulated users, stop it, and check the database."""
    from assistant.storage import Store
    from eval.harness import AppServer, Cluster

    with tempfile.TemporaryDirectory(prefix="bench-load-") as tmp:
        work = Path(workdir or tmp)
        url = database_url or f"sqlite:///{work / 'bench.sqlite3'}"
        store = Store(url)  # creates the schema; also the reader afterwards
        try:
            since = max((d.id for d in store.list_drafts()), default=0)
            # a tag keeps the names free in a database that already holds an earlier run
            names = _users(url, users, uuid.uuid4().hex[:6] if database_url else "")
            runs = [UserRun(u, dialogue(k, turns, users)) for k, u in enumerate(names, 1)]
            server: AppServer | Cluster = Cluster(url, work, processes=processes) if processes else AppServer(url, work)
            app_pids: list[int] = []
            marks: dict[str, Any] = {}

            def mark() -> None:  # every user is logged in: the load starts
                marks["server"], marks["client"] = _cpu_total(app_pids), time.process_time()
                marks["proxy"] = _cpu_total(server.proxy.pids()) if isinstance(server, Cluster) else None
                marks["load"] = _load_average()

            with server as base:
                apps = server.servers if isinstance(server, Cluster) else [server]
                app_pids += [a.process.pid for a in apps if a.process is not None]
                asyncio.run(_drive(base, runs, timeout, think, mark))
                server_end, client_end = _cpu_total(app_pids), time.process_time()
                proxy_end = _cpu_total(server.proxy.pids()) if isinstance(server, Cluster) else None
                memory = [_rss_mb(p) or (0.0, 0.0) for p in app_pids]
                ports = {f"127.0.0.1:{a.port}": k for k, a in enumerate(apps)}
            check = verify(store, runs, since_draft_id=since)
        finally:
            store.close()
    lat = [x for r in runs for x in r.latencies]
    started = [r.started for r in runs if r.started]
    finished = [r.finished for r in runs if r.finished]
    wall = (max(finished) - min(started)) if started and finished else 0.0
    errors = [e for r in runs for e in r.errors]
    per_process = [0] * len(app_pids)
    for r in runs:  # a user counts for the process that answered most of its turns
        if r.upstreams and processes:
            top = Counter(r.upstreams).most_common(1)[0][0]
            if top in ports:
                per_process[ports[top]] += 1

    def spent(end: float | None, key: str) -> float | None:
        return end - marks[key] if end is not None and marks.get(key) is not None else None

    return LoadResult(
        users=users, turns_per_user=turns, think_s=think, turns=sum(len(r.steps) for r in runs), turns_ok=len(lat),
        lost=check.lost + sum(len(r.steps) - len(r.sent) for r in runs),  # never sent: login or draft failed
        misattributed=check.misattributed, duplicated=check.duplicated, out_of_order=check.out_of_order,
        foreign=check.foreign, unanswered=check.unanswered, facts_wrong=check.facts_wrong, errors=len(errors),
        wrong_view=sum(r.wrong_view for r in runs),
        p50_s=_percentile(lat, 0.50), p95_s=_percentile(lat, 0.95), max_s=max(lat) if lat else None,
        mean_s=statistics.fmean(lat) if lat else None,
        throughput_per_s=len(lat) / wall if wall else 0.0, wall_s=wall, concurrency=server_concurrency(),
        server_cpu_s=spent(server_end, "server"), client_cpu_s=spent(client_end, "client"),
        database=url.split(":", 1)[0].split("+")[0] if database_url else "sqlite (new file)", cpus=os.cpu_count() or 0,
        python=platform.python_version(), error_samples=errors[:10], details=check.details[:20],
        processes=max(1, processes), proxy=bool(processes), proxy_cpu_s=spent(proxy_end, "proxy"),
        rss_mb=[round(m[0], 1) for m in memory], peak_rss_mb=[round(m[1], 1) for m in memory],
        users_per_process=per_process if processes else [], load_average=marks.get("load", ""))


def _report(r: LoadResult) -> str:
    def s(x: float | None) -> str:
        return "—" if x is None else f"{x:.2f} s"

    setup = f"{r.processes} app process{'es' if r.processes > 1 else ''}" + (" behind nginx" if r.proxy else "")
    lines = [
        f"# report-assistant load benchmark — Python {r.python}, {r.cpus} CPUs, {r.database}, offline engine, {setup}",
        f"machine load           {r.load_average or '—'} (1/5/15-min load average as the load started)",
        f"users                  {r.users} (staff, concurrent, "
        + (f"pausing {r.think_s:g} s on average between turns)" if r.think_s else "no pause between turns)"),
        f"turns                  {r.turns} ({r.turns_per_user} per user), {r.turns_ok} answered",
        f"lost                   {r.lost}",
        f"misattributed          {r.misattributed}",
        f"duplicated             {r.duplicated}",
        f"out of order (users)   {r.out_of_order}",
        f"foreign turns          {r.foreign}",
        f"unanswered             {r.unanswered}",
        f"facts not the user's   {r.facts_wrong}",
        f"wrong draft shown      {r.wrong_view}",
        f"errors                 {r.errors}",
        f"turn latency           p50 {s(r.p50_s)}   p95 {s(r.p95_s)}   max {s(r.max_s)}   mean {s(r.mean_s)}",
        f"throughput             {r.throughput_per_s:.2f} turns/s",
        f"wall time              {r.wall_s:.1f} s",
        f"server concurrency     {r.concurrency} per process (queue default_concurrency_limit of `ui serve`)",
    ]
    if r.server_cpu_s is not None and r.wall_s and r.turns_ok:
        lines.append(f"server CPU per turn    {1000 * r.server_cpu_s / r.turns_ok:.1f} ms "
                     f"({r.server_cpu_s:.1f} s in all app processes = {r.server_cpu_s / r.wall_s:.0%} of one core)")
    if r.proxy_cpu_s is not None and r.turns_ok:
        lines.append(f"nginx CPU per turn     {1000 * r.proxy_cpu_s / r.turns_ok:.1f} ms")
    if r.client_cpu_s is not None and r.wall_s and r.turns_ok:
        lines.append(f"client CPU per turn    {1000 * r.client_cpu_s / r.turns_ok:.1f} ms "
                     f"({r.client_cpu_s:.1f} s = {r.client_cpu_s / r.wall_s:.0%} of one core; the simulated users, "
                     "same machine)")
    if r.rss_mb:
        lines.append("memory per process     " + ", ".join(
            f"{now:.0f} MB (peak {peak:.0f} MB)" for now, peak in zip(r.rss_mb, r.peak_rss_mb, strict=True))
            + " resident")
    if r.users_per_process:
        lines.append("users per process      " + " / ".join(map(str, r.users_per_process))
                     + " (the process that answered most of each user's turns)")
    lines += [f"  ! {e}" for e in r.error_samples] + [f"  ! {d}" for d in r.details]
    return "\n".join(lines)


def _write_json(path: Path, r: LoadResult) -> None:
    data = asdict(r) | {"ok": r.ok}
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    tmp.replace(path)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--users", type=int, default=30, help="同时在线的模拟用户数（默认 30）")
    ap.add_argument("--turns", type=int, default=10, help="每个用户发送的对话轮数（默认 10）")
    ap.add_argument("--database-url", help="数据库地址（默认在临时目录新建 SQLite 文件），例如 PostgreSQL")
    ap.add_argument("--processes", type=int, default=0,
                    help="启动几个应用进程，经 nginx 访问，数据库用 PostgreSQL（--database-url，"
                         "或环境变量 REPORT_TEST_POSTGRES_URL）；默认不经 nginx，只起一个进程")
    ap.add_argument("--think", type=float, default=0.0,
                    help="两轮之间的平均停顿（秒，在 0.5–1.5 倍之间随机），模拟阅读回复和输入；默认 0：不停顿")
    ap.add_argument("--timeout", type=float, default=300.0, help="单轮对话的最长等待时间（秒）")
    ap.add_argument("--json", type=Path, help="另将结果写入此 JSON 文件")
    args = ap.parse_args(argv)
    if args.users < 1 or args.turns < 1 or args.think < 0 or args.processes < 0:
        ap.error("--users 和 --turns 至少为 1，--think 和 --processes 不能为负数")
    url = args.database_url
    if args.processes:
        url = url or os.environ.get("REPORT_TEST_POSTGRES_URL")
        if not url or not url.startswith("postgresql"):
            ap.error("--processes 需要 PostgreSQL：请用 --database-url 或 REPORT_TEST_POSTGRES_URL 指定"
                     "（scripts/ci_postgres.sh 可在本机启动一个）")
    result = run_load(args.users, args.turns, database_url=url, timeout=args.timeout,
                      think=args.think, processes=args.processes)
    print(_report(result), flush=True)
    if args.json:
        _write_json(args.json, result)
    return 0 if result.ok else 1


if __name__ == "__main__":
    sys.exit(main())
