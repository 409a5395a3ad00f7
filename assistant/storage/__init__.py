"""Persistence: SQLite by default, PostgreSQL through ``REPORT_DATABASE_URL``; migrations by Alembic."""

from assistant.storage._store import (
    ChangeSet,
    DraftFinalisedError,
    DraftInfo,
    FactChange,
    FactHistoryEntry,
    NarrativeDraft,
    NarrativeVersion,
    PartLockedError,
    StaleDraftError,
    StorageError,
    Store,
    StoredFact,
    Turn,
    TurnResult,
    UndoPreview,
    Written,
    decode_value,
    encode_value,
    make_engine,
    migrate,
    ride_along,
    writes_together,
)

__all__ = [
    "ChangeSet", "DraftFinalisedError", "DraftInfo", "FactChange", "FactHistoryEntry", "NarrativeDraft",
    "NarrativeVersion", "PartLockedError", "StaleDraftError", "StorageError", "Store", "StoredFact", "Turn", "TurnResult",
    "UndoPreview", "Written", "decode_value", "encode_value", "make_engine", "migrate", "ride_along", "writes_together",
]
