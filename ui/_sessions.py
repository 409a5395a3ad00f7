"""Login sessions that expire: a mapping token → user name that forgets a token once it has been
idle too long or is too old, so the next request with it is refused and the page asks for the
login again. ``ExpiringTokens`` keeps them in this process (plain Python, for tests and a bare
``serve``); ``assistant.auth.SessionStore`` keeps them in the database, with the same surface and
the same expiry, so that any server process can serve any user and a restart logs nobody out.

``SESSIONS`` is the server's store: ``ui._gradio_auth`` logs users in and out through it (``serve``
gives it the database's), the user-management tab ends a deactivated user's sessions in it."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any, Protocol

__all__ = ["SESSIONS", "ExpiringTokens", "Sessions", "SessionsInUse"]

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

    def _expired(self, times: list[float], now: float) -> bool:
        return now - times[1] > self.idle_s or now - times[0] > self.max_age_s

    def _purge(self) -> None:
        """Drop every expired token (without counting as activity for the others)."""
        with self._lock:
            now = self._clock()
            for token in [t for t, times in self._times.items() if self._expired(times, now)]:
                super().pop(token, None)
                self._times.pop(token, None)

    def _alive(self, token) -> bool:
        """Whether ``token`` is valid now; touching it counts as activity. Expired ones are dropped."""
        with self._lock:
            times = self._times.get(token)
            if times is None or not super().__contains__(token):
                return False
            now = self._clock()
            if self._expired(times, now):
                super().pop(token, None)
                self._times.pop(token, None)
                return False
            times[1] = now
            return True

    def get(self, token, default=None):
        return super().get(token, default) if self._alive(token) else default

    def cached(self, token):
        """As ``get``: in this process's memory anyway."""
        return self.get(token)

    def __getitem__(self, token):
        if not self._alive(token):
            raise KeyError(token)
        return super().__getitem__(token)

    def __contains__(self, token) -> bool:
        return self._alive(token)

    def end_user(self, username: str) -> int:
        """Forget every session of ``username`` (logout, deactivation, new password); how many."""
        with self._lock:
            gone = [t for t, name in super().items() if name == username]
            for token in gone:
                super().pop(token, None)
                self._times.pop(token, None)
        return len(gone)

    def __delitem__(self, token) -> None:
        with self._lock:
            self._times.pop(token, None)
            super().__delitem__(token)

    def pop(self, token, default=_MISSING):
        with self._lock:
            self._times.pop(token, None)
            return super().pop(token) if default is _MISSING else super().pop(token, default)

    # listing shows live sessions only: a logout walks keys() and reads each token, which must not
    # fail on one that expired meanwhile
    def keys(self):
        self._purge()
        return super().keys()

    def __iter__(self):
        self._purge()
        return super().__iter__()

    def __len__(self) -> int:
        self._purge()
        return super().__len__()

    def items(self):
        self._purge()
        return super().items()

    def values(self):
        self._purge()
        return super().values()


class Sessions(Protocol):
    """What the login gate needs of a session store."""

    def __setitem__(self, token: str, username: str) -> None: ...
    def get(self, token: str, default: Any = None) -> Any: ...
    def cached(self, token: str) -> str | None: ...
    def end_user(self, username: str) -> int: ...
    def __len__(self) -> int: ...


class SessionsInUse:
    """The store the server uses, swapped by ``use`` (modules import ``SESSIONS`` once)."""

    def __init__(self, store: Any):
        self.store = store

    def use(self, store: Any) -> None:
        self.store = store

    def __setitem__(self, token: str, username: str) -> None:
        self.store[token] = username

    def __getitem__(self, token: str) -> str:
        return self.store[token]

    def __delitem__(self, token: str) -> None:
        del self.store[token]

    def __contains__(self, token: object) -> bool:
        return token in self.store

    def __len__(self) -> int:
        return len(self.store)

    def get(self, token: str, default: Any = None) -> Any:
        return self.store.get(token, default)

    def cached(self, token: str) -> str | None:
        """The user of ``token`` if the store knows it without a query (``SessionStore.cached``)."""
        return self.store.cached(token)

    def pop(self, token: str, default: Any = None) -> Any:
        return self.store.pop(token, default)

    def end_user(self, username: str) -> int:
        return self.store.end_user(username)


# in this process until ``serve`` gives it the database's store
SESSIONS = SessionsInUse(ExpiringTokens(idle_s=30 * 60, max_age_s=12 * 3600))
