"""Migrations 0003 (users, locks, approvals) and 0004 (review moves, login attempts, append-only
record) create exactly the tables the models describe, and can be undone."""

from __future__ import annotations

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text

from assistant.storage._store import MIGRATIONS
from assistant.storage._tables import Base

AUTH_TABLES = {"users", "part_locks", "approvals"}
REVIEW_TABLES = {"draft_transitions", "login_attempts"}


def test_the_migrated_schema_equals_the_models_auth_tables_included(db):
    store = db()
    assert AUTH_TABLES | REVIEW_TABLES <= set(Base.metadata.tables)
    assert AUTH_TABLES | REVIEW_TABLES <= set(inspect(store.engine).get_table_names())
    with store.engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []


def _downgrade(store, to: str) -> None:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with store.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, to)


def test_downgrade_removes_only_each_migrations_tables(db):
    store = db()
    _downgrade(store, "0004")  # 0005: the call log (tests/test_llm_calllog.py)
    before = set(inspect(store.engine).get_table_names())
    _downgrade(store, "0003")
    after_0003 = set(inspect(store.engine).get_table_names())
    assert before - after_0003 == REVIEW_TABLES
    _downgrade(store, "0002")
    assert after_0003 - set(inspect(store.engine).get_table_names()) == AUTH_TABLES


def test_the_change_record_cannot_be_rewritten_in_the_database(db):
    store = db()
    d = store.create_draft("zhang")
    store.save_narrative(d.id, "p5", "初稿", source="template", author="zhang")
    for sql in ("UPDATE narrative_versions SET text = '改写'", "DELETE FROM narrative_versions"):
        with pytest.raises(Exception, match="append-only"):
            with store.engine.begin() as conn:
                conn.execute(text(sql))
    assert [v.text for v in store.narrative_history(d.id, "p5")] == ["初稿"]
    _downgrade(store, "0003")  # the triggers go with their migration
    with store.engine.begin() as conn:
        conn.execute(text("UPDATE narrative_versions SET text = '改写'"))
