"""Every view of one draft, from the database, after any action: each panel renders its own part
from a ``Shown`` (``Views.renders``); ``refresh`` asks the panels for the names an event updates."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cached_property
from typing import Any

from assistant.app import AppService, Snapshot
from ui import views
from ui._registry import Views
from ui._sent import LAZY, PAGES, Page

__all__ = ["LAZY_OUTPUTS", "NO_DRAFT", "TURN_OUTPUTS", "VIEW_OUTPUTS", "Shown", "chat_of", "in_sight", "lazy_views",
           "refresh", "turn_views"]

NO_DRAFT = '<div class="empty">还没有可以查看的报告。</div>'

# What every action on a draft refreshes, in the order API callers receive them after the event's
# own outputs (e.g. /open_draft: chat, provenance, then these; the draft selector is always last).
VIEW_OUTPUTS: tuple[str, ...] = (
    "preview", "grid_t2", "grid_t3", "grid_t4", "grid_marks", "findings", "history", "gate",
    "part_text", "part_status", "revision", "draft_status", "part_version", "grid_base",
    "move_submit", "move_return", "move_approve", "move_reopen", "move_reason",
    "llm_summary", "llm_calls", "version_a", "version_b",
    "message", "send", "draft_all", "stop_draft", "write_note", "draft_copy_docx", "draft_copy_pdf", "todo",
    "draft_select",
)


# What a chat turn may change besides the chat, in the order API callers receive them after "chat" and
# "message" (the draft selector last: a turn that names the agency changes its label). The grids and
# the change record follow through "panels_due" (``lazy_views``) only while their tab is shown. The
# rest a turn cannot change (the review state, the controls) or only roles without the chat see (the
# editor, the gate, the model calls).
TURN_OUTPUTS: tuple[str, ...] = ("preview", "findings", "revision", "draft_status", "panels_due", "draft_select")
LAZY_OUTPUTS: tuple[str, ...] = tuple(n for names in LAZY.values() for n in names)


class Shown:
    """One draft as this user may see it now. Read from the service on first use, once per event:
    a refresh that leaves a panel out does not read what only that panel needs."""

    def __init__(self, ws: AppService, username: str, draft_id: Any, part: str | None):
        self.ws, self.username, self.draft_id = ws, username, draft_id
        self.part = part or views.part_choices()[0][1]

    @property
    def empty(self) -> bool:
        return self.draft_id in (None, "")

    @cached_property
    def snap(self) -> Snapshot:
        return self.ws.snapshot(self.username, self.draft_id)

    @cached_property
    def moves(self) -> list:
        """The review moves this user may make now."""
        return self.ws.moves(self.username, self.draft_id)

    def may(self, action: str) -> bool:
        return self.ws.may(self.snap.user, action)

    def name_of(self, username: str) -> str:
        return self.ws.name_of(username)


def refresh(v: Views, ws: AppService, username: str, draft_id: Any, part: str | None,
            names: Sequence[str] = VIEW_OUTPUTS) -> dict[str, Any]:
    with ws.one_read():  # the panels read the same user and draft rows: once
        return v.render(Shown(ws, username, draft_id, part), names)


def in_sight(names: Sequence[str], page: Page | None) -> tuple[str, ...]:
    """``names`` less the lazy panels out of this page's sight: their tab's selection sends them,
    compared with what the page was last sent (``lazy_views``). A page not known keeps them all."""
    shown = PAGES.shown(page)
    hidden = {n for tab, panel in LAZY.items() if tab not in shown for n in panel}
    return tuple(n for n in names if n not in hidden)


def chat_of(ws: AppService, username: str, draft_id: Any) -> list[dict[str, str]]:
    with ws.one_read():
        return views.chat_messages(ws.conversation(username, draft_id))


def turn_views(v: Views, ws: AppService, username: str, draft_id: Any, part: str | None,
               page: Page | None) -> dict[str, Any]:
    """The views of ``TURN_OUTPUTS`` that changed since this page last got them; "panels_due" set when
    a lazy panel's tab is shown (its change event then sends that panel, ``lazy_views``)."""
    shown = Shown(ws, username, draft_id, part)
    names = [n for n in TURN_OUTPUTS if n != "panels_due"]
    with ws.one_read():
        out = PAGES.changed(page, v.render(shown, names))
    if not shown.empty and PAGES.shown(page):
        out["panels_due"] = f"{shown.draft_id}:{shown.snap.draft.revision}"
    return out


def lazy_views(v: Views, ws: AppService, username: str, draft_id: Any, part: str | None, page: Page | None,
               tabs: Sequence[str]) -> dict[str, Any]:
    """The panels of the lazy ``tabs`` that changed since this page last got them."""
    names = [n for t in tabs for n in LAZY.get(t, ())]
    if not names:
        return {}
    return PAGES.changed(page, refresh(v, ws, username, draft_id, part, names))
