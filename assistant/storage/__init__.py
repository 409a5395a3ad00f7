"""Persistence: SQLite by default, PostgreSQL through ``REPORT_DATABASE_URL``; migrations by Alembic."""

from assistant.storage._store import (
    DEFAULT_DATABASE_URL, DraftInfo, FactChange, FactHistoryEntry, NarrativeVersion, StorageError, Store,
    StoredFact, Turn, TurnResult, decode_value, encode_value, make_engine, migrate,
)

__all__ = [
    "DEFAULT_DATABASE_URL", "DraftInfo", "FactChange", "FactHistoryEntry", "NarrativeVersion", "StorageError",
    "Store", "StoredFact", "Turn", "TurnResult", "decode_value", "encode_value", "make_engine", "migrate",
]
