"""Reorder lines keep what a source checks: units inside ready kits, the days the AMC is based
on, and why the quantity is what it is (calculated, capped, changed by the quartermaster).

Revision ID: i19_reorder_line_basis
Revises: 0003_merge_areas
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "i19_reorder_line_basis"
down_revision: str | Sequence[str] | None = "0003_merge_areas"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Lines made before this revision keep their figures; the new ones read 0 / unknown."""
    with op.batch_alter_table("reorder_line") as batch:
        batch.add_column(sa.Column("in_kits", sa.Integer(), nullable=False, server_default="0"))
        batch.add_column(sa.Column("history_days", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("quantity_note", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("reorder_line") as batch:
        batch.drop_column("quantity_note")
        batch.drop_column("history_days")
        batch.drop_column("in_kits")
