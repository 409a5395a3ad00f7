"""Review states and their moves; login attempts; the change record made append-only in the database.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

TS = sa.DateTime(timezone=True)
# the record of who changed what: rows are added, never changed or removed
APPEND_ONLY = ("turns", "fact_changes", "narrative_versions", "draft_transitions", "approvals")


def upgrade() -> None:
    op.create_table(
        "draft_transitions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("draft_id", sa.Integer, sa.ForeignKey("drafts.id", ondelete="CASCADE"), nullable=False),
        sa.Column("action", sa.String(20), nullable=False),
        sa.Column("from_status", sa.String(20), nullable=False),
        sa.Column("to_status", sa.String(20), nullable=False),
        sa.Column("actor", sa.String(100), nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("revision", sa.Integer, nullable=False),
        sa.Column("created_at", TS, nullable=False),
    )
    op.create_index("ix_draft_transitions_draft_id", "draft_transitions", ["draft_id"])
    op.create_table(
        "login_attempts",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("username", sa.String(100), nullable=False),
        sa.Column("ok", sa.Boolean, nullable=False),
        sa.Column("created_at", TS, nullable=False),
    )
    op.create_index("ix_login_attempts_username", "login_attempts", ["username"])
    op.create_index("ix_login_attempts_created_at", "login_attempts", ["created_at"])
    dialect = op.get_bind().dialect.name
    if dialect == "postgresql":
        op.execute("CREATE OR REPLACE FUNCTION report_append_only() RETURNS trigger AS $$ BEGIN "
                   "RAISE EXCEPTION 'append-only table %: rows cannot be changed or removed', TG_TABLE_NAME; "
                   "END $$ LANGUAGE plpgsql")
    for table in APPEND_ONLY:
        if dialect == "postgresql":
            op.execute(f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
                       "FOR EACH ROW EXECUTE FUNCTION report_append_only()")
        elif dialect == "sqlite":
            for event in ("UPDATE", "DELETE"):
                op.execute(f"CREATE TRIGGER {table}_no_{event.lower()} BEFORE {event} ON {table} BEGIN "
                           f"SELECT RAISE(ABORT, 'append-only table {table}: rows cannot be changed or removed'); END")


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    for table in APPEND_ONLY:
        if dialect == "postgresql":
            op.execute(f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}")
        elif dialect == "sqlite":
            for event in ("update", "delete"):
                op.execute(f"DROP TRIGGER IF EXISTS {table}_no_{event}")
    if dialect == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS report_append_only()")
    op.drop_index("ix_login_attempts_created_at", "login_attempts")
    op.drop_index("ix_login_attempts_username", "login_attempts")
    op.drop_table("login_attempts")
    op.drop_index("ix_draft_transitions_draft_id", "draft_transitions")
    op.drop_table("draft_transitions")
