"""ORM tables. Changes are append-only; ``facts`` is the current value per field, kept in step
with ``fact_changes`` inside the same transaction."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
    func,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class DraftRow(Base):
    __tablename__ = "drafts"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    owner: Mapped[str] = mapped_column(String(100), index=True)
    agency_name: Mapped[str] = mapped_column(String(200), default="")
    report_year: Mapped[int | None] = mapped_column(Integer, nullable=True)
    status: Mapped[str] = mapped_column(String(20), default="drafting")
    # bumped by every write: the first statement of a write transaction, so it also takes the row lock
    revision: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)


class TurnRow(Base):
    __tablename__ = "turns"
    __table_args__ = (UniqueConstraint("draft_id", "seq"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    draft_id: Mapped[int] = mapped_column(ForeignKey("drafts.id", ondelete="CASCADE"), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    role: Mapped[str] = mapped_column(String(10))  # user | assistant
    text: Mapped[str] = mapped_column(Text)
    author: Mapped[str] = mapped_column(String(100), default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)


class ChangeGroupRow(Base):
    """The fact changes made by one action (a chat turn, an import, an edit): the unit of undo."""

    __tablename__ = "change_groups"
    __table_args__ = (UniqueConstraint("draft_id", "seq"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    draft_id: Mapped[int] = mapped_column(ForeignKey("drafts.id", ondelete="CASCADE"), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    source: Mapped[str] = mapped_column(String(20))  # chat | import | derivation | manual | undo
    turn_id: Mapped[int | None] = mapped_column(ForeignKey("turns.id"), nullable=True)
    author: Mapped[str] = mapped_column(String(100), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    undone: Mapped[bool] = mapped_column(Boolean, default=False)
    undo_of: Mapped[int | None] = mapped_column(ForeignKey("change_groups.id"), nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)


class FactChangeRow(Base):
    __tablename__ = "fact_changes"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    draft_id: Mapped[int] = mapped_column(ForeignKey("drafts.id", ondelete="CASCADE"), index=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("change_groups.id", ondelete="CASCADE"), index=True)
    field: Mapped[str] = mapped_column(String(120))
    state: Mapped[str] = mapped_column(String(10))  # set | pending | cleared
    value_json: Mapped[str | None] = mapped_column(Text, nullable=True)
    previous_state: Mapped[str | None] = mapped_column(String(10), nullable=True)
    previous_json: Mapped[str | None] = mapped_column(Text, nullable=True)
    quote: Mapped[str] = mapped_column(Text, default="")  # the user's words, or what the value came from
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)
    # the change that set the value this one replaced: undo points the fact back at it, so a
    # restored value keeps its own provenance (turn, words, source) instead of "undo"
    previous_change_id: Mapped[int | None] = mapped_column(Integer, nullable=True)


class FactRow(Base):
    __tablename__ = "facts"
    draft_id: Mapped[int] = mapped_column(ForeignKey("drafts.id", ondelete="CASCADE"), primary_key=True)
    field: Mapped[str] = mapped_column(String(120), primary_key=True)
    state: Mapped[str] = mapped_column(String(10))
    value_json: Mapped[str | None] = mapped_column(Text, nullable=True)
    change_id: Mapped[int] = mapped_column(ForeignKey("fact_changes.id"))


class NarrativeVersionRow(Base):
    __tablename__ = "narrative_versions"
    __table_args__ = (UniqueConstraint("draft_id", "part", "version"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    draft_id: Mapped[int] = mapped_column(ForeignKey("drafts.id", ondelete="CASCADE"), index=True)
    part: Mapped[str] = mapped_column(String(40))  # p1.active … p5, p6.fees …
    version: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    source: Mapped[str] = mapped_column(String(20))  # llm | template | manual | restore | import
    author: Mapped[str] = mapped_column(String(100), default="")
    flags_json: Mapped[str] = mapped_column(Text, default="[]")  # grounding problems left for the editor
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)


class PreviousReportRow(Base):
    __tablename__ = "previous_reports"
    draft_id: Mapped[int] = mapped_column(ForeignKey("drafts.id", ondelete="CASCADE"), primary_key=True)
    filename: Mapped[str] = mapped_column(String(300), default="")
    report_json: Mapped[str] = mapped_column(Text)
    imported_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now,
                                                     server_default=func.now())

# ---- users, part locks, approvals, login attempts (assistant.auth; migrations 0003, 0004) ----

class UserRow(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(100), unique=True)
    display_name: Mapped[str] = mapped_column(String(100), default="")
    role: Mapped[str] = mapped_column(String(20))  # staff | editor | supervisor
    password_hash: Mapped[str] = mapped_column(String(300))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)


class PartLockRow(Base):
    """A narrative part an editor locked: nobody redrafts or edits it until it is unlocked."""

    __tablename__ = "part_locks"
    draft_id: Mapped[int] = mapped_column(ForeignKey("drafts.id", ondelete="CASCADE"), primary_key=True)
    part: Mapped[str] = mapped_column(String(40), primary_key=True)
    locked_by: Mapped[str] = mapped_column(String(100))
    locked_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)


class ApprovalRow(Base):
    """A supervisor approved the draft as it was at ``revision``, accepting these warnings."""

    __tablename__ = "approvals"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    draft_id: Mapped[int] = mapped_column(ForeignKey("drafts.id", ondelete="CASCADE"), index=True)
    revision: Mapped[int] = mapped_column(Integer)
    approved_by: Mapped[str] = mapped_column(String(100))
    warnings_json: Mapped[str] = mapped_column(Text, default="[]")
    approved_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)


class LoginAttemptRow(Base):
    """Every login attempt, kept for rate limiting (and for the record); never the password."""

    __tablename__ = "login_attempts"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(100), index=True)
    ok: Mapped[bool] = mapped_column(Boolean)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now, index=True)

# ---- review moves (assistant.workflow; migration 0004) ----

class TransitionRow(Base):
    """One move of a draft between 起草中, 待审核 and 已定稿 (append-only)."""

    __tablename__ = "draft_transitions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    draft_id: Mapped[int] = mapped_column(ForeignKey("drafts.id", ondelete="CASCADE"), index=True)
    action: Mapped[str] = mapped_column(String(20))  # submit | return | approve | reopen
    from_status: Mapped[str] = mapped_column(String(20))
    to_status: Mapped[str] = mapped_column(String(20))
    actor: Mapped[str] = mapped_column(String(100))  # username
    reason: Mapped[str] = mapped_column(Text, default="")
    revision: Mapped[int] = mapped_column(Integer)  # the draft's revision the move was made on
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)

# ---- model calls (assistant.llm.calllog; migration 0005) ----

class LLMCallRow(Base):
    """One model call of any engine (append-only): never a prompt, never the API key."""

    __tablename__ = "llm_calls"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now, index=True)
    request_id: Mapped[str] = mapped_column(String(40))
    attempt: Mapped[int] = mapped_column(Integer)  # HTTP attempts, retries and re-asks included
    reasks: Mapped[int] = mapped_column(Integer, default=0)
    task: Mapped[str] = mapped_column(String(60))  # extract | draft.p1.active | repair.p5 …
    prompt_version: Mapped[str] = mapped_column(String(300))
    engine: Mapped[str] = mapped_column(String(40))
    profile: Mapped[str | None] = mapped_column(String(40), nullable=True)
    model: Mapped[str] = mapped_column(String(200))
    input_tokens: Mapped[int | None] = mapped_column(Integer, nullable=True)
    output_tokens: Mapped[int | None] = mapped_column(Integer, nullable=True)
    # migration 0006: of the input, served from the prompt cache; of the output, spent reasoning
    cached_tokens: Mapped[int | None] = mapped_column(Integer, nullable=True)
    reasoning_tokens: Mapped[int | None] = mapped_column(Integer, nullable=True)
    latency_ms: Mapped[int] = mapped_column(Integer)
    outcome: Mapped[str] = mapped_column(String(30))  # ok | invalid | timeout | rate_limited …
    error: Mapped[str | None] = mapped_column(Text, nullable=True)  # redacted
    # a plain id, not a foreign key: writing a call's record never waits on or fails for the draft
    draft_id: Mapped[int | None] = mapped_column(Integer, nullable=True, index=True)
    username: Mapped[str | None] = mapped_column(String(100), nullable=True)

# ---- ledger column choices (assistant.ledger; migration 0007) ----

class LedgerColumnsRow(Base):
    """The columns a person picked in an agency's ledger (role → header text), remembered for the
    next upload of that agency's ledger of this kind (applications | reviews)."""

    __tablename__ = "ledger_columns"
    agency: Mapped[str] = mapped_column(String(200), primary_key=True)
    kind: Mapped[str] = mapped_column(String(20), primary_key=True)
    columns_json: Mapped[str] = mapped_column(Text)
    updated_by: Mapped[str] = mapped_column(String(100))
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=_now)

# ---- login sessions (assistant.auth.SessionStore; migration 0008) ----

class LoginSessionRow(Base):
    """One logged-in browser: the sha256 of its cookie's token (never the token), whose it is, when
    it logged in and when it was last seen (to within ``SessionStore.touch_s``)."""

    __tablename__ = "login_sessions"
    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    username: Mapped[str] = mapped_column(String(100), index=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    last_seen: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), index=True)
