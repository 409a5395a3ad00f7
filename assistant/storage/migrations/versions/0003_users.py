"""Users with roles and hashed passwords; narrative part locks; supervisors' approvals.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "users",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("username", sa.String(100), nullable=False, unique=True),
        sa.Column("display_name", sa.String(100), nullable=False),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("password_hash", sa.String(300), nullable=False),
        sa.Column("active", sa.Boolean, nullable=False),
        sa.Column("created_at", TS, nullable=False),
    )
    op.create_table(
        "part_locks",
        sa.Column("draft_id", sa.Integer, sa.ForeignKey("drafts.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("part", sa.String(40), primary_key=True),
        sa.Column("locked_by", sa.String(100), nullable=False),
        sa.Column("locked_at", TS, nullable=False),
    )
    op.create_table(
        "approvals",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("draft_id", sa.Integer, sa.ForeignKey("drafts.id", ondelete="CASCADE"), nullable=False),
        sa.Column("revision", sa.Integer, nullable=False),
        sa.Column("approved_by", sa.String(100), nullable=False),
        sa.Column("warnings_json", sa.Text, nullable=False),
        sa.Column("approved_at", TS, nullable=False),
    )
    op.create_index("ix_approvals_draft_id", "approvals", ["draft_id"])


def downgrade() -> None:
    op.drop_index("ix_approvals_draft_id", "approvals")
    for table in ("approvals", "part_locks", "users"):
        op.drop_table(table)
