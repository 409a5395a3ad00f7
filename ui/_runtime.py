"""Where handlers run their blocking work: threads of a pool sized to the queue's concurrency."""

from __future__ import annotations

import asyncio
import concurrent.futures
import ctypes
import functools
import os
import platform
from collections.abc import Callable
from typing import Any

__all__ = ["POOL", "few_malloc_arenas", "in_thread"]


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
