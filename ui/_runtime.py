"""Where handlers run their blocking work: threads of a pool sized to the queue's concurrency."""

from __future__ import annotations

import asyncio
import collections
import concurrent.futures
import ctypes
import functools
import os
import platform
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

__all__ = ["CPU", "POOL", "FifoSlots", "few_malloc_arenas", "in_thread"]


class _Pool:
    """asyncio's default pool has only cpu_count + 4 threads, which would cap concurrent turns below
    the queue's concurrency (a turn waiting for a model holds its thread); ``make_app`` sizes this
    to the concurrency."""

    def __init__(self, workers: int = 16):
        self.workers = workers
        self.executor = concurrent.futures.ThreadPoolExecutor(max_workers=workers, thread_name_prefix="ra-work")

    def resize(self, workers: int) -> None:
        if workers != self.workers:
            old, self.workers = self.executor, workers
            self.executor = concurrent.futures.ThreadPoolExecutor(max_workers=workers, thread_name_prefix="ra-work")
            old.shutdown(wait=False)


POOL = _Pool()


class FifoSlots:
    """At most ``n`` holders at once, the others waiting in the order they came (a slot freed goes to
    the first waiter, never to a thread arriving meanwhile): for work that only needs the CPU, which
    under the GIL gains nothing from running many at once. Sixteen turns computing together took
    turns at the GIL and all finished late (p95 1.5–1.8 s at 30 users × 10 turns, a few over 4 s),
    and the event loop, waiting its turn for the GIL behind them, answered the page late too; two
    at a time, first come first served, finish in the order they came."""

    def __init__(self, n: int):
        if n < 1:
            raise ValueError(n)
        self.n = n
        self._free = n
        self._waiters: collections.deque[threading.Lock] = collections.deque()
        self._lock = threading.Lock()

    @contextmanager
    def held(self) -> Iterator[None]:
        with self._lock:
            if self._free > 0 and not self._waiters:
                self._free -= 1
                mine = None
            else:
                mine = threading.Lock()
                mine.acquire()
                self._waiters.append(mine)
        if mine is not None:
            mine.acquire()  # released by the holder that hands its slot on
        try:
            yield
        finally:
            with self._lock:
                if self._waiters:
                    self._waiters.popleft().release()
                else:
                    self._free += 1


# the CPU-bound part of a chat turn (all of it with the offline engine): two at a time, so one
# computes while another waits for its commit to reach the disk
CPU = FifoSlots(2)


async def in_thread(fn: Callable[..., Any], *args: Any) -> Any:
    return await asyncio.get_running_loop().run_in_executor(POOL.executor, functools.partial(fn, *args))


def few_malloc_arenas(arenas: int = 2) -> bool:
    """glibc gives each thread that allocates while another does an arena of its own (up to 8 a core)
    and rarely hands their memory back: with the pool's 16 threads a process grew from ~240 MB to
    ~760 MB over 30 users' turns, ~430 MB with 2 arenas (threads mostly hold the GIL: they seldom
    allocate at once). Before the threads start; MALLOC_ARENA_MAX in the environment decides if set.
    True when applied."""
    if "MALLOC_ARENA_MAX" in os.environ or platform.system() != "Linux" or platform.libc_ver()[0] != "glibc":
        return False
    try:
        return bool(ctypes.CDLL(None).mallopt(-8, arenas))  # M_ARENA_MAX
    except (OSError, AttributeError):
        return False
