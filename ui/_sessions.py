"""Login sessions that expire. Gradio keeps its sessions in ``app.tokens`` (token → user name) and
looks every request's cookie up there; this dict forgets a token once it has been idle too long or
is too old, so the next request is refused and the page asks for the login again."""

from __future__ import annotations

import threading
import time
from typing import Any, Callable

__all__ = ["ExpiringTokens"]

_MISSING = object()


class ExpiringTokens(dict):
    def __init__(self, idle_s: float, max_age_s: float, clock: Callable[[], float] = time.monotonic):
        super().__init__()
        self.idle_s, self.max_age_s, self._clock = idle_s, max_age_s, clock
        self._times: dict[Any, list[float]] = {}  # token → [issued, last seen]
        self._lock = threading.Lock()

    def __setitem__(self, token, username) -> None:
        with self._lock:
            now = self._clock()
            self._times[token] = [now, now]
            super().__setitem__(token, username)

    def _alive(self, token) -> bool:
        """Whether ``token`` is valid now; touching it counts as activity. Expired ones are dropped."""
        with self._lock:
            times = self._times.get(token)
            if times is None or not super().__contains__(token):
                return False
            now = self._clock()
            if now - times[1] > self.idle_s or now - times[0] > self.max_age_s:
                super().pop(token, None)
                self._times.pop(token, None)
                return False
            times[1] = now
            return True

    def get(self, token, default=None):
        return super().get(token, default) if self._alive(token) else default

    def __getitem__(self, token):
        if not self._alive(token):
            raise KeyError(token)
        return super().__getitem__(token)

    def __contains__(self, token) -> bool:
        return self._alive(token)

    def __delitem__(self, token) -> None:
        with self._lock:
            self._times.pop(token, None)
            super().__delitem__(token)

    def pop(self, token, default=_MISSING):
        with self._lock:
            self._times.pop(token, None)
            return super().pop(token) if default is _MISSING else super().pop(token, default)
