"""Server CPU of one chat turn, in-process: the web app's /send event as the server runs it.

    python -m eval.bench_turn [--turns 20] [--warmup 4] [--database-url URL] [--json PATH]

The app is built on a new SQLite database (or the one ``--database-url`` names, e.g. PostgreSQL; a new
user each run) with the offline engine. One page (one Gradio session)
loads, then sends the load benchmark's dialogue (``eval.bench_load.dialogue``) turn after turn
through Gradio's own ``process_api``: inputs read, handler, outputs written and diffed, every step of
the reply's stream, as for a browser, with the chat the page holds sent back each turn. Each turn's
CPU is ``time.process_time`` over it (every thread of the process: the handler's work runs in a pool).
No HTTP, no queue: ``eval.bench_load`` measures those.

Scenarios: the page on the 报告预览 tab (what a turn always costs), and on the 数据表 tab (the
grids follow each turn through the page's "panels_due" event, counted in the turn). Each with the
caches (the preview per revision, the snapshot's content per revision) on and off. Prints p50, p95
(nearest rank), mean and max per turn in ms, SQL statements per turn, and the machine's load.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import math
import os
import platform
import statistics
import sys
import tempfile
import time
import uuid
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

for _k in [k for k in os.environ if k.startswith("REPORT_LLM_")]:  # the offline engine, whatever is configured
    del os.environ[_k]
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

__all__ = ["Result", "main", "run"]

TARGET_MS = 20.0  # issue 19: server CPU per offline turn
USER, PASSWORD = "bench", "bench-turn-password"


@dataclass
class Result:
    scenario: str
    caches: bool
    turns: int
    p50_ms: float
    mean_ms: float
    max_ms: float
    events_per_turn: float
    p95_ms: float = 0.0  # nearest rank
    statements_per_turn: float = 0.0  # SQL statements the turn ran (every connection of the app's engine)


async def _event(demo, fn, inputs: list, state, request) -> dict:
    """One event through Gradio's processing, streamed to its end: its last answer, with the states
    any step changed (the page fires their change events)."""
    out = await demo.process_api(fn, inputs, state=state, request=request, session_hash=request.session_hash,
                                 event_id="bench")
    changed = set(out["changed_state_ids"])
    while out["is_generating"]:
        out = await demo.process_api(fn, [], state=state, request=request, iterator=out["iterator"],
                                     session_hash=request.session_hash, event_id="bench")
        changed.update(out["changed_state_ids"])
    return {**out, "changed_state_ids": changed}


def run(scenario: str, turns: int, warmup: int, caches: bool, database_url: str | None = None) -> Result:
    import gradio as gr
    from gradio.state_holder import SessionState
    from sqlalchemy import event

    from assistant.app import AppService
    from assistant.config import Settings
    from assistant.storage._store import read_engine
    from eval.bench_load import dialogue
    from ui import _preview
    from ui._registry import Views
    from ui.app import build_app

    work = Path(tempfile.mkdtemp(prefix="bench-turn-"))
    ws = AppService.from_settings(Settings(database_url=database_url or f"sqlite:///{work / 'app.sqlite3'}"))
    user = f"{USER}{uuid.uuid4().hex[:8]}" if database_url else USER  # a database that holds earlier runs
    statements = 0

    def count(*_args: Any) -> None:
        nonlocal statements
        statements += 1

    # one engine for writes (auth and workflow share it), and on PostgreSQL one for reads
    engines = list({id(e): e for e in (ws.store.engine, read_engine(ws.store.engine))}.values())
    for e in engines:
        event.listen(e, "before_cursor_execute", count)
    if ws.settings.llm_configured:
        sys.exit("bench_turn: a model is configured; this benchmark measures the offline engine")
    previews = getattr(_preview, "PREVIEWS", None)  # (absent before the caches: the bench runs on older code too)
    saved = getattr(ws, "_CONTENTS", 0), getattr(previews, "_limit", 0)
    if not caches:
        ws._CONTENTS = 0
        if previews is not None:
            previews._limit = 0
    try:
        ws.add_user(None, user, PASSWORD, "staff", "测试")
        v = Views()
        demo = build_app(ws, v)
        gc.collect()  # what is built by now is out of the cyclic collector's sight, as ``ui.app.launch`` leaves it
        gc.freeze()
        fns = {f.api_name: f for f in demo.fns.values() if f.api_name}
        by_trigger = {(t[0], t[1]): f for f in demo.fns.values() for t in f.targets}
        session = f"bench-{scenario}-{caches}"
        request = gr.Request(username=user, session_hash=session)
        state = SessionState(demo)
        times: list[float] = []
        events = ran = 0

        async def go() -> None:
            nonlocal events, ran
            loaded = await _event(demo, fns["load"], ["p1.active"], state, request)
            names = getattr(fns["load"].fn, "keyed_outputs", ())
            draft = loaded["data"][names.index("draft_select")]["value"]
            if scenario == "grids":
                await _event(demo, by_trigger[(v["tab_grids"]._id, "select")], [draft, "p1.active"], state, request)
            chat = v["chat"].postprocess(ws.conversation(user, draft)).model_dump()
            panels = v.blocks.get("panels_due")
            due = by_trigger[(panels._id, "change")] if panels is not None else None
            for i, step in enumerate(dialogue(1, warmup + turns, 1)):
                t0, n0 = time.process_time(), statements
                out = await _event(demo, fns["send"], [step.message, draft, chat, "p1.active"], state, request)
                n = 1
                if panels is not None and panels._id in out["changed_state_ids"]:  # the page fires its change
                    await _event(demo, due, [draft, "p1.active", state[panels._id]], state, request)
                    n += 1
                spent, sql = time.process_time() - t0, statements - n0
                # the chat as the page holds it now, sent back with the next message (not timed: the browser's)
                chat = v["chat"].postprocess(ws.conversation(user, draft)).model_dump()
                if i >= warmup:
                    times.append(spent)
                    events += n
                    ran += sql

        asyncio.run(go())
    finally:
        ws._CONTENTS = saved[0]
        if previews is not None:
            previews._limit = saved[1]
        for e in engines:
            event.remove(e, "before_cursor_execute", count)
        ws.close()
    ms = [t * 1000 for t in times]
    p95 = sorted(ms)[max(0, math.ceil(0.95 * len(ms)) - 1)]
    return Result(scenario, caches, len(ms), round(statistics.median(ms), 1), round(statistics.fmean(ms), 1),
                  round(max(ms), 1), round(events / len(ms), 2), round(p95, 1), round(ran / len(ms), 1))


def _has_tab_events() -> bool:
    import ui._page

    return hasattr(ui._page, "TABS")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--turns", type=int, default=20, help="timed turns per scenario")
    ap.add_argument("--warmup", type=int, default=4, help="turns sent first, not timed (imports, first reads)")
    ap.add_argument("--database-url", help="the app's database (default: a new SQLite file), e.g. PostgreSQL")
    ap.add_argument("--scenario", choices=("preview", "grids"), action="append",
                    help="only this scenario (repeatable; default: both)")
    ap.add_argument("--caches", choices=("on", "off"), action="append", help="only with the caches on/off")
    ap.add_argument("--json", type=Path, help="also write the figures here")
    args = ap.parse_args(argv)
    load = os.getloadavg() if hasattr(os, "getloadavg") else (0.0, 0.0, 0.0)
    print(f"# report-assistant turn benchmark — Python {platform.python_version()}, {platform.machine()}, "
          f"{os.cpu_count()} cores, load {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    print(f"# server CPU per offline chat turn, in-process through Gradio's processing (target ≤ {TARGET_MS:g} ms)")
    results = []
    scenarios = ("preview", "grids") if _has_tab_events() else ("preview",)  # older code: no tab events
    db = "SQLite (new file)" if not args.database_url else args.database_url.split(":", 1)[0]
    print(f"# database: {db}")
    for scenario in args.scenario or scenarios:
        for caches in [c == "on" for c in args.caches or ("on", "off")]:
            r = run(scenario, args.turns, args.warmup, caches, args.database_url)
            results.append(r)
            tab = "报告预览" if scenario == "preview" else "数据表"
            print(f"page on {tab} tab ({scenario}), caches {'on ' if caches else 'off'}: "
                  f"p50 {r.p50_ms:6.1f} ms  p95 {r.p95_ms:6.1f} ms  mean {r.mean_ms:6.1f} ms  max {r.max_ms:6.1f} ms  "
                  f"({r.turns} turns, {r.events_per_turn:g} events/turn, {r.statements_per_turn:g} SQL/turn)")
    load = os.getloadavg() if hasattr(os, "getloadavg") else (0.0, 0.0, 0.0)
    print(f"# load after: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    if args.json:
        doc: dict[str, Any] = {"load": load, "results": [asdict(r) for r in results]}
        args.json.write_text(json.dumps(doc, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
