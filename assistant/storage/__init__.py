"""Persistence: SQLite by default, PostgreSQL through ``REPORT_DATABASE_URL``; migrations by Alembic."""

from assistant.storage._store import (
    DEFAULT_DATABASE_URL, ChangeSet, DraftFinalisedError, DraftInfo, FactChange, FactHistoryEntry, NarrativeDraft, NarrativeVersion,
    StaleDraftError, StorageError, Store, StoredFact, Turn, TurnResult, UndoPreview, decode_value, encode_value,
    make_engine, migrate,
)

__all__ = [
    "DEFAULT_DATABASE_URL", "ChangeSet", "DraftFinalisedError", "DraftInfo", "FactChange", "FactHistoryEntry", "NarrativeDraft",
    "NarrativeVersion", "StaleDraftError", "StorageError", "Store", "StoredFact", "Turn", "TurnResult",
    "UndoPreview", "decode_value", "encode_value", "make_engine", "migrate",
]
