"""Model calls: the input tokens served from the provider's prompt cache and the output tokens
spent on reasoning, as the provider's usage reports them (billed differently, never shown).

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

TABLE = "llm_calls"


def upgrade() -> None:
    op.add_column(TABLE, sa.Column("cached_tokens", sa.Integer, nullable=True))
    op.add_column(TABLE, sa.Column("reasoning_tokens", sa.Integer, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table(TABLE) as batch:
        batch.drop_column("reasoning_tokens")
        batch.drop_column("cached_tokens")
