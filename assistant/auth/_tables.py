"""ORM tables of users, part locks and approvals, on the storage's ``Base`` so one metadata (and
one Alembic history) describes the whole database. Migration: ``0003_users``."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from assistant.storage._tables import Base

__all__ = ["ApprovalRow", "LoginAttemptRow", "PartLockRow", "UserRow"]


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


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
