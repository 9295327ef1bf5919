"""privacy: record of redacted texts; outcome tags on distributions

Revision ID: i16_privacy
Revises: 0003_merge_areas
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "i16_privacy"
down_revision: str | Sequence[str] | None = "0003_merge_areas"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "text_redaction",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("table_name", sa.String(length=40), nullable=False),
        sa.Column("column_name", sa.String(length=40), nullable=False),
        sa.Column("row_id", sa.Integer(), nullable=False),
        sa.Column("reason", sa.String(length=80), nullable=False),
        sa.Column("redacted_at", sa.DateTime(), nullable=False),
        sa.Column("redacted_by", sa.String(length=80), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_text_redaction")),
    )
    with op.batch_alter_table("distribution", schema=None) as batch_op:
        batch_op.add_column(sa.Column("outcomes", sa.String(length=400), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("distribution", schema=None) as batch_op:
        batch_op.drop_column("outcomes")
    op.drop_table("text_redaction")
