"""What each open page was last sent: the workspace tab it shows and a digest of each tracked view,
per page (a Gradio session of one app). A chat turn then sends only the views that changed, and a panel out of sight
(数据表, 历史) is refreshed when its tab is selected, or after the turn while it is shown.

A memory of the page, never the truth (the database is): bounded, lost on a restart. A page it
does not know counts as showing every panel and having been sent nothing, so it never keeps a view
stale, it only sends more.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Iterable, Mapping
from typing import Any

__all__ = ["LAZY", "PAGES", "TRACKED", "Page", "Pages"]

Page = tuple[int, str]  # (the app's Views serial, the Gradio session): one page of one app

# the panels refreshed only while their tab is shown: tab view name → the views it holds
LAZY: dict[str, tuple[str, ...]] = {
    "tab_grids": ("grid_t2", "grid_t3", "grid_t4", "grid_marks", "grid_base"),
    "tab_history": ("history",),
}
# views whose last value sent is remembered (a turn leaves out the ones that did not change)
TRACKED: frozenset[str] = frozenset({"preview", "findings", "draft_status", "draft_select",
                                     *(n for names in LAZY.values() for n in names)})


class _Digests:
    """A view's digest: a string by its UTF-8 bytes (the preview's 30 KB: a third of the time ``repr``
    took), anything else by ``repr``. The digests of the last strings seen are kept by identity (the
    string held, so its id stays its own; a string never changes): a turn's views are digested to be
    compared (``Pages.changed``) and again once sent (``Pages.record``), and the preview of a revision is
    the same string for every page (``ui._preview.PREVIEWS``). Other values (lists, updates) may be
    changed in place after they were seen: digested every time."""

    def __init__(self, limit: int = 256):
        self._limit = limit
        self._seen: OrderedDict[int, tuple[str, bytes]] = OrderedDict()
        self._lock = threading.Lock()

    def __call__(self, value: Any) -> bytes:
        if not isinstance(value, str):
            return hashlib.blake2b(b"r" + repr(value).encode("utf-8", "surrogatepass"), digest_size=16).digest()
        key = id(value)
        with self._lock:
            hit = self._seen.get(key)
            if hit is not None and hit[0] is value:
                return hit[1]
        digest = hashlib.blake2b(b"s" + value.encode("utf-8", "surrogatepass"), digest_size=16).digest()
        with self._lock:
            self._seen[key] = value, digest
            while len(self._seen) > self._limit:
                self._seen.popitem(last=False)
        return digest


_digest = _Digests()


class _Page:
    __slots__ = ("sent", "tab")

    def __init__(self) -> None:
        self.tab: str | None = None  # None: not known (every lazy panel counts as shown)
        self.sent: dict[str, bytes] = {}


class Pages:
    def __init__(self, limit: int = 10_000):
        self._limit = limit
        self._pages: OrderedDict[Page, _Page] = OrderedDict()
        self._lock = threading.Lock()

    def _page(self, key: Page) -> _Page:
        page = self._pages.get(key)
        if page is None:
            page = self._pages[key] = _Page()
            while len(self._pages) > self._limit:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(key)
        return page

    def show_tab(self, key: Page | None, tab: str) -> None:
        if key:
            with self._lock:
                self._page(key).tab = tab

    def shown(self, key: Page | None) -> tuple[str, ...]:
        """The lazy tabs this page may be showing: the selected one, or all when not known."""
        with self._lock:
            page = self._pages.get(key) if key else None
            tab = page.tab if page is not None else None
        if tab is None:
            return tuple(LAZY)
        return (tab,) if tab in LAZY else ()

    def record(self, key: Page | None, values: Mapping[str, Any]) -> None:
        """The page was sent ``values`` (an update without a value leaves the view as it was)."""
        if not key:
            return
        seen = {n: _digest(v) for n, v in values.items() if n in TRACKED and _sent_value(v)}
        if seen:
            with self._lock:
                self._page(key).sent.update(seen)

    def changed(self, key: Page | None, values: Mapping[str, Any], keep: Iterable[str] = ()) -> dict[str, Any]:
        """``values`` less the tracked ones the page already shows (``keep``: sent whatever)."""
        if not key:
            return dict(values)
        with self._lock:
            page = self._pages.get(key)
            sent = dict(page.sent) if page is not None else {}
        kept = set(keep)
        return {n: v for n, v in values.items()
                if n in kept or n not in TRACKED or sent.get(n) != _digest(v)}


def _sent_value(value: Any) -> bool:
    """False for gr.skip() (an update that changes nothing)."""
    return not (isinstance(value, dict) and value.get("__type__") == "update" and len(value) == 1)


PAGES = Pages()
