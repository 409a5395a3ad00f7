"""Two app processes on one PostgreSQL (behind Debian's nginx with deploy/nginx.conf when nginx is
installed; else each client talks to a process directly): users log in once and draft; one process
is killed (SIGKILL) in the middle of their turns. No turn that was answered is lost, none is stored
twice, and the killed process's users go on through the other one with the same session cookie,
without logging in again. A turn cut off by the kill is looked up in the draft (as a person reloading
the page would) and sent again only if it was not stored."""

from __future__ import annotations

import asyncio
import os
import signal
import uuid

import pytest

from assistant.storage import Store
from eval.bench_load import PASSWORD, AppClient, AppError, UserRun, _last_user_text, dialogue, verify
from eval.harness import AppServer, Cluster, add_users, find_nginx
from tests.conftest import postgres_schema

pytestmark = pytest.mark.timeout(300)

USERS, TURNS = 4, 8
KILL_AFTER = 6  # answered turns in all before the kill: the others are mid-run


@pytest.fixture
def pg_url():
    """A schema of its own on the test PostgreSQL (skipped without it; CI has it)."""
    yield from postgres_schema("未设置 REPORT_TEST_POSTGRES_URL：两个进程共用的数据库应为 PostgreSQL")


def _user_texts(chat) -> list[str]:
    return [t for t in (_last_user_text([m]) for m in (chat or [])) if t is not None]


async def _user(client: AppClient, run: UserRun, answered: list[int], killed: asyncio.Event,
                after_kill: list[str], first: dict[str, str], reroute) -> None:
    out = await client.call("new_draft", ["p1.active"])
    run.draft_id = int(client.output("new_draft", out, "draft-select"))
    first[run.username] = client.upstream  # the process this user's cookie sticks to
    for step in run.steps:
        for _attempt in range(20):
            try:
                await client.call("send", [step.message, run.draft_id, [], "p1.active"])
                break
            except AppError as exc:  # the process died under this turn: reload the page, look, resend
                run.errors.append(str(exc))
                reroute(client)
                await asyncio.sleep(0.5)
                try:
                    await client.open_page()
                    shown = client.output("open_draft", await client.call("open_draft", [run.draft_id, "p1.active"]),
                                          "chat")
                except AppError:
                    continue
                if step.message in _user_texts(shown):
                    break
        else:
            raise AssertionError(f"{run.username}: 「{step.message[:20]}」 never went through")
        run.sent.append(step.message)
        run.upstreams.append(client.upstream)
        answered[0] += 1
        if killed.is_set():
            after_kill.append(run.username)
        await asyncio.sleep(0.05)  # let the others in: the kill comes with turns in flight


async def _scenario(base_urls: list[str], runs: list[UserRun], kill) -> dict:
    clients = [AppClient(base_urls[k % len(base_urls)], timeout=60) for k in range(len(runs))]
    answered, killed, after_kill = [0], asyncio.Event(), []
    try:
        for c, r in zip(clients, runs, strict=True):
            await c.login(r.username, PASSWORD)
        config = None
        for c in clients:
            config = await c.load_config(config)
            await c.open_page()
        cookies = [dict(c.http.cookies) for c in clients]
        first: dict[str, str] = {}

        async def killer():
            while answered[0] < KILL_AFTER:
                await asyncio.sleep(0.02)
            kill(clients)
            killed.set()

        def reroute(client: AppClient) -> None:
            if len(base_urls) > 1:  # no proxy: the client goes to the surviving process itself
                client.http.base_url = base_urls[-1]

        await asyncio.gather(killer(), *(_user(c, r, answered, killed, after_kill, first, reroute)
                                         for c, r in zip(clients, runs, strict=True)))
        return {"cookies_before": cookies, "cookies_after": [dict(c.http.cookies) for c in clients],
                "first": first, "after_kill": after_kill, "clients": clients}
    finally:
        await asyncio.gather(*(c.close() for c in clients))


def test_killing_one_of_two_processes_loses_no_turn_and_logs_nobody_out(pg_url, tmp_path):
    names = [f"k{uuid.uuid4().hex[:4]}u{k}" for k in range(1, USERS + 1)]
    add_users(pg_url, [(n, PASSWORD, "staff", f"用户{k}") for k, n in enumerate(names, 1)])
    runs = [UserRun(n, dialogue(k, TURNS, USERS)) for k, n in enumerate(names, 1)]
    victim: dict = {}
    if find_nginx():
        cluster = Cluster(pg_url, tmp_path, processes=2)
        with cluster as base:
            ports = {f"127.0.0.1:{s.port}": s for s in cluster.servers}

            def kill(clients):
                # the process serving the first user: it has users to lose
                server = ports[clients[0].upstream]
                victim["upstream"] = clients[0].upstream
                os.kill(server.process.pid, signal.SIGKILL)

            result = asyncio.run(_scenario([base], runs, kill))
            victim["survivor"] = next(u for u in ports if u != victim["upstream"])
    else:  # each client on one process; the killed one's clients move to the other by themselves
        servers = [AppServer(pg_url, tmp_path, name=f"app{k}") for k in (1, 2)]
        Store(pg_url).close()  # migrations once, before both start
        try:
            for s in servers:
                s.start()
            urls = [s.wait_ready() for s in servers]

            def kill(clients):
                os.kill(servers[0].process.pid, signal.SIGKILL)

            result = asyncio.run(_scenario(urls, runs, kill))
        finally:
            for s in servers:
                s.__exit__()
    # nobody logged in again: the cookie each user got at the start is the one it ends with
    assert result["cookies_before"] == result["cookies_after"]
    store = Store(pg_url)
    try:
        check = verify(store, runs)
    finally:
        store.close()
    assert check.failures == 0, check.details
    assert all(len(r.sent) == TURNS for r in runs)
    if victim:  # through nginx: the victim's users were answered by the survivor after the kill
        moved = [r for r in runs if result["first"][r.username] == victim["upstream"]]
        assert moved and all(r.upstreams[-1] == victim["survivor"] for r in moved), [r.upstreams for r in runs]
    assert set(result["after_kill"]) == set(names)  # everyone went on after the kill
