"""Migration 0003 creates exactly the tables the auth models describe, and can be undone."""

from __future__ import annotations

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from sqlalchemy import inspect

import assistant.auth._tables  # noqa: F401  (registers the auth tables on the shared metadata)
from assistant.storage._store import MIGRATIONS
from assistant.storage._tables import Base

AUTH_TABLES = {"users", "part_locks", "approvals"}


def test_the_migrated_schema_equals_the_models_auth_tables_included(db):
    store = db()
    assert AUTH_TABLES <= set(Base.metadata.tables)
    assert AUTH_TABLES <= set(inspect(store.engine).get_table_names())
    with store.engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []


def test_downgrade_to_0002_removes_only_the_auth_tables(db):
    store = db()
    before = set(inspect(store.engine).get_table_names())
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with store.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0002")
    after = set(inspect(store.engine).get_table_names())
    assert before - after == AUTH_TABLES
