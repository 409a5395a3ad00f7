"""The model-call log in the main database (it was a separate SQLite file), append-only.

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

TS = sa.DateTime(timezone=True)
TABLE = "llm_calls"


def upgrade() -> None:
    op.create_table(
        TABLE,
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("request_id", sa.String(40), nullable=False),
        sa.Column("attempt", sa.Integer, nullable=False),
        sa.Column("reasks", sa.Integer, nullable=False),
        sa.Column("task", sa.String(60), nullable=False),
        sa.Column("prompt_version", sa.String(300), nullable=False),
        sa.Column("engine", sa.String(40), nullable=False),
        sa.Column("profile", sa.String(40), nullable=True),
        sa.Column("model", sa.String(200), nullable=False),
        sa.Column("input_tokens", sa.Integer, nullable=True),
        sa.Column("output_tokens", sa.Integer, nullable=True),
        sa.Column("latency_ms", sa.Integer, nullable=False),
        sa.Column("outcome", sa.String(30), nullable=False),
        sa.Column("error", sa.Text, nullable=True),
        sa.Column("draft_id", sa.Integer, nullable=True),
        sa.Column("username", sa.String(100), nullable=True),
    )
    op.create_index("ix_llm_calls_created_at", TABLE, ["created_at"])
    op.create_index("ix_llm_calls_draft_id", TABLE, ["draft_id"])
    # the same guard as the change record (0004 created report_append_only() on PostgreSQL)
    dialect = op.get_bind().dialect.name
    if dialect == "postgresql":
        op.execute(f"CREATE TRIGGER {TABLE}_append_only BEFORE UPDATE OR DELETE ON {TABLE} "
                   "FOR EACH ROW EXECUTE FUNCTION report_append_only()")
    elif dialect == "sqlite":
        for event in ("UPDATE", "DELETE"):
            op.execute(f"CREATE TRIGGER {TABLE}_no_{event.lower()} BEFORE {event} ON {TABLE} BEGIN "
                       f"SELECT RAISE(ABORT, 'append-only table {TABLE}: rows cannot be changed or removed'); END")


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "postgresql":
        op.execute(f"DROP TRIGGER IF EXISTS {TABLE}_append_only ON {TABLE}")
    elif dialect == "sqlite":
        for event in ("update", "delete"):
            op.execute(f"DROP TRIGGER IF EXISTS {TABLE}_no_{event}")
    op.drop_index("ix_llm_calls_draft_id", TABLE)
    op.drop_index("ix_llm_calls_created_at", TABLE)
    op.drop_table(TABLE)
