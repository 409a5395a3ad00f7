"""Login sessions in the database (hashed tokens), so any server process can serve any logged-in
user and a restart logs nobody out.

Revision ID: 0008
Revises: 0007
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "login_sessions",
        sa.Column("token_hash", sa.String(64), primary_key=True),
        sa.Column("username", sa.String(100), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("last_seen", TS, nullable=False),
    )
    op.create_index("ix_login_sessions_username", "login_sessions", ["username"])
    op.create_index("ix_login_sessions_last_seen", "login_sessions", ["last_seen"])


def downgrade() -> None:
    op.drop_index("ix_login_sessions_last_seen", "login_sessions")
    op.drop_index("ix_login_sessions_username", "login_sessions")
    op.drop_table("login_sessions")
