"""Where handlers run their blocking work: threads of a pool sized to the queue's concurrency."""

from __future__ import annotations

import asyncio
import concurrent.futures
import functools
from collections.abc import Callable
from typing import Any

__all__ = ["POOL", "in_thread"]


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
