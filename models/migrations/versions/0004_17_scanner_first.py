"""Scanner first: packaging levels (units one scan of a barcode stands for) and place counts
(stocktakes) that can be paused and resumed.

Revision ID: i17_scanner_first
Revises: 0003_merge_areas
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "i17_scanner_first"
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
    op.create_table(
        "stock_count",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("location_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("blind", sa.Boolean(), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("started_by", sa.String(length=80), nullable=False),
        sa.Column("operation_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["location_id"], ["location.id"], name=op.f("fk_stock_count_location_id_location")
        ),
        sa.ForeignKeyConstraint(
            ["operation_id"], ["operation.id"], name=op.f("fk_stock_count_operation_id_operation")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stock_count")),
    )
    op.create_index(op.f("ix_stock_count_status"), "stock_count", ["status"], unique=False)
    op.create_table(
        "stock_count_line",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("count_id", sa.Integer(), nullable=False),
        sa.Column("lot_id", sa.Integer(), nullable=False),
        sa.Column("location_id", sa.Integer(), nullable=False),
        sa.Column("expected", sa.Integer(), nullable=False),
        sa.Column("counted", sa.Integer(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.CheckConstraint(
            "counted IS NULL OR counted >= 0", name=op.f("ck_stock_count_line_counted_not_negative")
        ),
        sa.ForeignKeyConstraint(
            ["count_id"], ["stock_count.id"], name=op.f("fk_stock_count_line_count_id_stock_count")
        ),
        sa.ForeignKeyConstraint(
            ["lot_id"], ["lot.id"], name=op.f("fk_stock_count_line_lot_id_lot")
        ),
        sa.ForeignKeyConstraint(
            ["location_id"], ["location.id"], name=op.f("fk_stock_count_line_location_id_location")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stock_count_line")),
        sa.UniqueConstraint(
            "count_id", "lot_id", "location_id", name=op.f("uq_stock_count_line_count_id")
        ),
    )


def downgrade() -> None:
    op.drop_table("stock_count_line")
    op.drop_index(op.f("ix_stock_count_status"), table_name="stock_count")
    op.drop_table("stock_count")
    with op.batch_alter_table("barcode") as batch:
        batch.drop_constraint(op.f("ck_barcode_units_positive"), type_="check")
        batch.drop_column("units")
