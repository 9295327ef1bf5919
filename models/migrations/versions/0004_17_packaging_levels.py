"""Packaging levels: how many units one scan of a product's barcode stands for.

Revision ID: i17_packaging_levels
Revises: 0003_merge_areas
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "i17_packaging_levels"
down_revision: str | Sequence[str] | None = "0003_merge_areas"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Existing barcodes keep meaning one package (NULL units)."""
    with op.batch_alter_table("barcode") as batch:
        batch.add_column(sa.Column("units", sa.Integer(), nullable=True))
        batch.create_check_constraint(
            op.f("ck_barcode_units_positive"), "units IS NULL OR units >= 1"
        )


def downgrade() -> None:
    with op.batch_alter_table("barcode") as batch:
        batch.drop_constraint(op.f("ck_barcode_units_positive"), type_="check")
        batch.drop_column("units")
