"""Drafts, turns, fact changes with provenance, current facts, narrative versions, last year's report.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "drafts",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("owner", sa.String(100), nullable=False),
        sa.Column("agency_name", sa.String(200), nullable=False),
        sa.Column("report_year", sa.Integer, nullable=True),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("revision", sa.Integer, nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
    )
    op.create_index("ix_drafts_owner", "drafts", ["owner"])
    op.create_table(
        "turns",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("draft_id", sa.Integer, sa.ForeignKey("drafts.id", ondelete="CASCADE"), nullable=False),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("role", sa.String(10), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("author", sa.String(100), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.UniqueConstraint("draft_id", "seq"),
    )
    op.create_index("ix_turns_draft_id", "turns", ["draft_id"])
    op.create_table(
        "change_groups",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("draft_id", sa.Integer, sa.ForeignKey("drafts.id", ondelete="CASCADE"), nullable=False),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("source", sa.String(20), nullable=False),
        sa.Column("turn_id", sa.Integer, sa.ForeignKey("turns.id"), nullable=True),
        sa.Column("author", sa.String(100), nullable=False),
        sa.Column("note", sa.Text, nullable=False),
        sa.Column("undone", sa.Boolean, nullable=False),
        sa.Column("undo_of", sa.Integer, sa.ForeignKey("change_groups.id"), nullable=True),
        sa.Column("created_at", TS, nullable=False),
        sa.UniqueConstraint("draft_id", "seq"),
    )
    op.create_index("ix_change_groups_draft_id", "change_groups", ["draft_id"])
    op.create_table(
        "fact_changes",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("draft_id", sa.Integer, sa.ForeignKey("drafts.id", ondelete="CASCADE"), nullable=False),
        sa.Column("group_id", sa.Integer, sa.ForeignKey("change_groups.id", ondelete="CASCADE"), nullable=False),
        sa.Column("field", sa.String(120), nullable=False),
        sa.Column("state", sa.String(10), nullable=False),
        sa.Column("value_json", sa.Text, nullable=True),
        sa.Column("previous_state", sa.String(10), nullable=True),
        sa.Column("previous_json", sa.Text, nullable=True),
        sa.Column("quote", sa.Text, nullable=False),
        sa.Column("created_at", TS, nullable=False),
    )
    op.create_index("ix_fact_changes_draft_id", "fact_changes", ["draft_id"])
    op.create_index("ix_fact_changes_group_id", "fact_changes", ["group_id"])
    op.create_table(
        "facts",
        sa.Column("draft_id", sa.Integer, sa.ForeignKey("drafts.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("field", sa.String(120), primary_key=True),
        sa.Column("state", sa.String(10), nullable=False),
        sa.Column("value_json", sa.Text, nullable=True),
        sa.Column("change_id", sa.Integer, sa.ForeignKey("fact_changes.id"), nullable=False),
    )
    op.create_table(
        "narrative_versions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("draft_id", sa.Integer, sa.ForeignKey("drafts.id", ondelete="CASCADE"), nullable=False),
        sa.Column("part", sa.String(40), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("source", sa.String(20), nullable=False),
        sa.Column("author", sa.String(100), nullable=False),
        sa.Column("flags_json", sa.Text, nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.UniqueConstraint("draft_id", "part", "version"),
    )
    op.create_index("ix_narrative_versions_draft_id", "narrative_versions", ["draft_id"])
    op.create_table(
        "previous_reports",
        sa.Column("draft_id", sa.Integer, sa.ForeignKey("drafts.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("filename", sa.String(300), nullable=False),
        sa.Column("report_json", sa.Text, nullable=False),
        sa.Column("imported_at", TS, nullable=False, server_default=sa.func.now()),
    )


def downgrade() -> None:
    for table in ("previous_reports", "narrative_versions", "facts", "fact_changes", "change_groups",
                  "turns", "drafts"):
        op.drop_table(table)
