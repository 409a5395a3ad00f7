"""Fact changes remember the change they replaced, so undo restores a value with its provenance.

A plain column, no database-level foreign key: on SQLite adding one would need a table copy, which
the references from ``facts`` forbid; the store writes only ids of existing changes.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("fact_changes", sa.Column("previous_change_id", sa.Integer, nullable=True))


def downgrade() -> None:
    op.drop_column("fact_changes", "previous_change_id")
