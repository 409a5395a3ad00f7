"""Benchmark of the core: validations per second and text imports per second, on one core.

    python -m eval.bench_core [--seconds 3] [--cpu]

Prints one line per measurement; README records the figures.
"""

from __future__ import annotations

import argparse
import os
import platform
import time
from pathlib import Path

from assistant.importing import parse_text
from assistant.validation import clear_cache, validate
from eval.synthetic import consistent_report, previous_year_of

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "tests" / "fixtures" / "yantai-jgswj-2023.txt"


def rate(fn, seconds: float, clock=time.perf_counter) -> tuple[float, int]:
    fn()  # warm caches and lazy imports
    n, start = 0, clock()
    deadline = start + seconds
    while True:
        for _ in range(20):
            fn()
        n += 20
        now = clock()
        if now >= deadline:
            return n / (now - start), n


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--seconds", type=float, default=3.0, help="每项测量的时长（秒）")
    ap.add_argument("--cpu", action="store_true",
                    help="按本进程占用的CPU时间计（机器繁忙时，不计等待CPU的时间）")
    args = ap.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})  # one core, as the target says
    text = SAMPLE.read_text(encoding="utf-8")
    sample = parse_text(text)
    rich = consistent_report(7)
    prev = previous_year_of(rich)
    clock = time.process_time if args.cpu else time.perf_counter  # CPU time: a busy machine's waits left out
    print(f"# report-assistant core benchmark — Python {platform.python_version()}, {platform.machine()}, 1 core"
          + (", CPU time" if args.cpu else ""))
    def cold(report, previous=None):
        clear_cache()
        return validate(report, previous)

    # warm: texts already analysed, as when a report is re-validated after each edit (the UI);
    # cold: a report seen for the first time (import, batch audit)
    for name, fn in [
        ("validate(sample), warm", lambda: validate(sample)),
        ("validate(sample), cold", lambda: cold(sample)),
        ("validate(rich report + previous year), warm", lambda: validate(rich, prev)),
        ("validate(rich report + previous year), cold", lambda: cold(rich, prev)),
        ("parse_text(sample)", lambda: parse_text(text)),
        ("parse_text(sample) + validate, cold", lambda: cold(parse_text(text))),
    ]:
        per_s, n = rate(fn, args.seconds, clock)
        print(f"{name:45s} {per_s:10,.0f} /s   ({n} runs, {1e6 / per_s:,.0f} µs each)")


if __name__ == "__main__":
    main()
