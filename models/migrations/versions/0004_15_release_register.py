"""release register: every partner workbook that left, with its figures (append-only)

Revision ID: i15_release_register
Revises: 0003_merge_areas

Workbooks sent before this revision were never recorded, so the register starts empty.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "i15_release_register"
down_revision: str | Sequence[str] | None = "0003_merge_areas"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "partner_release",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("partner_id", sa.Integer(), nullable=True),
        sa.Column("partner_name", sa.String(length=200), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("period_end", sa.Date(), nullable=False),
        sa.Column("threshold", sa.Integer(), nullable=False),
        sa.Column("released_at", sa.DateTime(), nullable=False),
        sa.Column("released_by", sa.String(length=80), nullable=False),
        sa.Column("channel", sa.String(length=20), nullable=False),
        sa.Column("file_name", sa.String(length=260), nullable=False),
        sa.Column("published", sa.Integer(), nullable=False),
        sa.Column("hidden", sa.Integer(), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.CheckConstraint(
            "period_end >= period_start", name=op.f("ck_partner_release_period_ordered")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_partner_release")),
    )
    with op.batch_alter_table("partner_release", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_partner_release_period_start"), ["period_start"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("partner_release", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_partner_release_period_start"))
    op.drop_table("partner_release")
