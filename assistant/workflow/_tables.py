"""ORM table of review-state changes, on the storage's ``Base``. Migration: ``0004_review``."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from assistant.storage._tables import Base

__all__ = ["TransitionRow"]


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


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
