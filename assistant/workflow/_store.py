"""Moves between review states, and the change record of a draft read back in one list.

A move is one transaction: the draft's state changes only if it is still in the move's source state
(and, when given, still at the revision the actor looked at), the move is recorded, and an approval
is recorded with it. Moves do not bump the revision: the revision counts changes of content, and an
approval is tied to the content it approved.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import bindparam, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.orm import sessionmaker

from assistant.auth import PermissionDenied, User
from assistant.errors import ReportAssistantError
from assistant.storage import decode_value
from assistant.storage._store import read_engine
from assistant.storage._tables import (
    ApprovalRow,
    ChangeGroupRow,
    DraftRow,
    FactChangeRow,
    NarrativeVersionRow,
    TransitionRow,
)
from assistant.workflow._states import MOVES, STATE_LABELS

__all__ = ["ChangeRecord", "Transition", "WorkflowError", "WorkflowStore"]

MAX_REASON = 500


class WorkflowError(ReportAssistantError):
    """A move that cannot be made (message in Chinese)."""


@dataclass(frozen=True, slots=True)
class Transition:
    draft_id: int
    action: str
    from_status: str
    to_status: str
    actor: str
    reason: str
    revision: int
    created_at: dt.datetime


@dataclass(frozen=True, slots=True)
class ChangeRecord:
    """One entry of the change record: who, when, what, before and after, and where it came from."""

    at: dt.datetime
    author: str  # username
    kind: str  # fact | cell | narrative | state
    target: str  # field name or cell address, narrative part, or "status"
    before: Any
    after: Any
    source: str  # chat | import | derivation | manual | undo | llm | template | restore | review
    note: str = ""  # the user's words, the reason of a move, …
    version: int | None = None  # narrative version number


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


_MOVED = TransitionRow.__table__.c
_TRANSITIONS = (select(_MOVED.draft_id, _MOVED.action, _MOVED.from_status, _MOVED.to_status, _MOVED.actor, _MOVED.reason,
                       _MOVED.revision, _MOVED.created_at)
                .where(_MOVED.draft_id == bindparam("d")).order_by(_MOVED.id))


def _transition(r: TransitionRow) -> Transition:
    return Transition(r.draft_id, r.action, r.from_status, r.to_status, r.actor, r.reason, r.revision, r.created_at)


class WorkflowStore:
    """Thread-safe: each call uses its own session; the schema comes with ``Store``'s migrations."""

    def __init__(self, engine: Engine):
        self._engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        # reads only, as the storage layer reads (PostgreSQL: the autocommit pool, without BEGIN and ROLLBACK)
        self._reader = read_engine(engine)
        self._read_sessions = sessionmaker(self._reader, expire_on_commit=False)

    def move(self, draft_id: int, action: str, user: User, *, reason: str = "",
             expected_revision: int | None = None, warnings: list[str] | tuple[str, ...] = ()) -> Transition:
        m = MOVES.get(action)
        if m is None:
            raise WorkflowError(f"没有“{action}”这种操作。")
        if user.role not in m.roles:
            raise PermissionDenied(f"{user.role_label}无权{m.label}。")
        reason = " ".join((reason or "").split())
        if m.needs_reason and not reason:
            raise WorkflowError(f"{m.label}需要写明理由。")
        if len(reason) > MAX_REASON:
            raise WorkflowError(f"理由不能超过{MAX_REASON}字。")
        with self._sessions.begin() as s:
            q = update(DraftRow).where(DraftRow.id == draft_id, DraftRow.status == m.source)
            if expected_revision is not None:
                q = q.where(DraftRow.revision == expected_revision)
            if s.execute(q.values(status=m.target)).rowcount != 1:  # type: ignore[attr-defined]
                row = s.get(DraftRow, draft_id)
                if row is None:
                    raise WorkflowError(f"找不到编号为 {draft_id} 的报告草稿。")
                if row.status != m.source:
                    raise WorkflowError(f"报告现在是“{STATE_LABELS.get(row.status, row.status)}”，"
                                        f"只有“{STATE_LABELS[m.source]}”的报告才能{m.label}。")
                raise WorkflowError(f"报告刚被其他人修改过，请刷新查看最新内容后再{m.label}。")
            revision = s.scalar(select(DraftRow.revision).where(DraftRow.id == draft_id))
            now = _utcnow()
            moved = TransitionRow(draft_id=draft_id, action=action, from_status=m.source, to_status=m.target,
                                  actor=user.username, reason=reason, revision=revision, created_at=now)
            s.add(moved)
            if action == "approve":
                s.add(ApprovalRow(draft_id=draft_id, revision=revision, approved_by=user.name,
                                  warnings_json=json.dumps(list(warnings), ensure_ascii=False), approved_at=now))
            s.flush()
            return _transition(moved)

    def transitions(self, draft_id: int) -> list[Transition]:
        # plain columns on a pooled connection, not mapped rows in a session: read after every chat turn
        # (the state line names the last move), mostly to find none
        with self._reader.connect() as c:
            return [Transition(*r) for r in c.execute(_TRANSITIONS, {"d": draft_id})]

    def change_record(self, draft_id: int) -> list[ChangeRecord]:
        """Every change of the draft, oldest first: facts and cells (with the value before), narrative
        versions (with the text before), and moves between review states."""
        out: list[ChangeRecord] = []
        with self._read_sessions() as s:
            rows = s.execute(select(FactChangeRow, ChangeGroupRow)
                             .join(ChangeGroupRow, FactChangeRow.group_id == ChangeGroupRow.id)
                             .where(FactChangeRow.draft_id == draft_id).order_by(FactChangeRow.id))
            for c, g in rows:
                before = decode_value(c.previous_json) if c.previous_state == "set" else None
                after = decode_value(c.value_json) if c.state == "set" else None
                kind = "cell" if c.field[:3] in ("t2.", "t3.", "t4.") else "fact"
                out.append(ChangeRecord(c.created_at, g.author, kind, c.field, before, after, g.source,
                                        c.quote or g.note))
            last: dict[str, str] = {}
            for v in s.scalars(select(NarrativeVersionRow).where(NarrativeVersionRow.draft_id == draft_id)
                               .order_by(NarrativeVersionRow.id)):
                out.append(ChangeRecord(v.created_at, v.author, "narrative", v.part, last.get(v.part), v.text,
                                        v.source, version=v.version))
                last[v.part] = v.text
            for t in s.scalars(select(TransitionRow).where(TransitionRow.draft_id == draft_id)
                               .order_by(TransitionRow.id)):
                out.append(ChangeRecord(t.created_at, t.actor, "state", "status", t.from_status, t.to_status,
                                        "review", t.reason))
        out.sort(key=lambda r: _aware(r.at))
        return out


def _aware(t: dt.datetime) -> dt.datetime:
    return t if t.tzinfo else t.replace(tzinfo=dt.UTC)
