"""reorders: requests to free sources, lines, status history, receipts, demand surges

Revision ID: 0002_reorders
Revises: 0001_foundation
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002_reorders"
down_revision: str | Sequence[str] | None = "0001_foundation"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "demand_surge",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("station_id", sa.Integer(), nullable=True),
        sa.Column("factor", sa.Float(), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=80), nullable=False),
        sa.CheckConstraint("ends_on >= starts_on", name=op.f("ck_demand_surge_period_ordered")),
        sa.CheckConstraint("factor > 0", name=op.f("ck_demand_surge_factor_positive")),
        sa.ForeignKeyConstraint(
            ["station_id"], ["location.id"], name=op.f("fk_demand_surge_station_id_location")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_demand_surge")),
    )
    op.create_table(
        "reorder",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("station_id", sa.Integer(), nullable=True),
        sa.Column("ship_to", sa.Text(), nullable=True),
        sa.Column("contact", sa.Text(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("include_trained_count", sa.Boolean(), nullable=False),
        sa.Column("trained_count", sa.Integer(), nullable=True),
        sa.Column("window_months", sa.Integer(), nullable=False),
        sa.Column("max_months", sa.Float(), nullable=False),
        sa.Column("min_months", sa.Float(), nullable=False),
        sa.Column("lead_time_days", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=80), nullable=False),
        sa.Column("sent_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["source_id"], ["source.id"], name=op.f("fk_reorder_source_id_source")
        ),
        sa.ForeignKeyConstraint(
            ["station_id"], ["location.id"], name=op.f("fk_reorder_station_id_location")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reorder")),
    )
    with op.batch_alter_table("reorder", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_reorder_source_id"), ["source_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_reorder_status"), ["status"], unique=False)

    op.create_table(
        "reorder_line",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("reorder_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("product_id", sa.Integer(), nullable=True),
        sa.Column("interchange_group", sa.String(length=64), nullable=True),
        sa.Column("label", sa.String(length=200), nullable=False),
        sa.Column("ndc", sa.String(length=120), nullable=True),
        sa.Column("unit", sa.String(length=30), nullable=False),
        sa.Column("package_name", sa.String(length=30), nullable=False),
        sa.Column("units_per_package", sa.Integer(), nullable=False),
        sa.Column("packages", sa.Integer(), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("basis", sa.String(length=20), nullable=False),
        sa.Column("amc", sa.Float(), nullable=False),
        sa.Column("distributed", sa.Integer(), nullable=False),
        sa.Column("administered", sa.Integer(), nullable=False),
        sa.Column("expired", sa.Integer(), nullable=False),
        sa.Column("lost", sa.Integer(), nullable=False),
        sa.Column("on_hand", sa.Integer(), nullable=False),
        sa.Column("expiring", sa.Integer(), nullable=False),
        sa.Column("usable", sa.Integer(), nullable=False),
        sa.Column("on_order", sa.Integer(), nullable=False),
        sa.Column("max_units", sa.Integer(), nullable=False),
        sa.Column("min_units", sa.Integer(), nullable=False),
        sa.Column("surge", sa.Float(), nullable=False),
        sa.Column("months_of_stock", sa.Float(), nullable=True),
        sa.Column("steps", sa.Text(), nullable=False),
        sa.CheckConstraint("packages > 0", name=op.f("ck_reorder_line_packages_positive")),
        sa.CheckConstraint(
            "product_id IS NOT NULL OR interchange_group IS NOT NULL",
            name=op.f("ck_reorder_line_product_or_group"),
        ),
        sa.ForeignKeyConstraint(
            ["product_id"], ["product.id"], name=op.f("fk_reorder_line_product_id_product")
        ),
        sa.ForeignKeyConstraint(
            ["reorder_id"], ["reorder.id"], name=op.f("fk_reorder_line_reorder_id_reorder")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reorder_line")),
    )
    with op.batch_alter_table("reorder_line", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_reorder_line_reorder_id"), ["reorder_id"], unique=False
        )

    op.create_table(
        "reorder_status_change",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("reorder_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("user", sa.String(length=80), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["reorder_id"], ["reorder.id"], name=op.f("fk_reorder_status_change_reorder_id_reorder")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reorder_status_change")),
    )
    with op.batch_alter_table("reorder_status_change", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_reorder_status_change_reorder_id"), ["reorder_id"], unique=False
        )

    op.create_table(
        "reorder_receipt",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("reorder_line_id", sa.Integer(), nullable=False),
        sa.Column("operation_id", sa.Integer(), nullable=False),
        sa.Column("product_id", sa.Integer(), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("user", sa.String(length=80), nullable=False),
        sa.CheckConstraint("quantity > 0", name=op.f("ck_reorder_receipt_quantity_positive")),
        sa.ForeignKeyConstraint(
            ["operation_id"],
            ["operation.id"],
            name=op.f("fk_reorder_receipt_operation_id_operation"),
        ),
        sa.ForeignKeyConstraint(
            ["product_id"], ["product.id"], name=op.f("fk_reorder_receipt_product_id_product")
        ),
        sa.ForeignKeyConstraint(
            ["reorder_line_id"],
            ["reorder_line.id"],
            name=op.f("fk_reorder_receipt_reorder_line_id_reorder_line"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reorder_receipt")),
    )
    with op.batch_alter_table("reorder_receipt", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_reorder_receipt_operation_id"), ["operation_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_reorder_receipt_reorder_line_id"), ["reorder_line_id"], unique=False
        )

    with op.batch_alter_table("source", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("asks_trained_count", sa.Boolean(), server_default="0", nullable=False)
        )

    # The state OOPP request asks for the number of trained responders (domain.md section 3).
    source = sa.table(
        "source", sa.column("program_type", sa.String), sa.column("asks_trained_count", sa.Boolean)
    )
    op.execute(
        source.update().where(source.c.program_type == "state_oopp").values(asks_trained_count=True)
    )


def downgrade() -> None:
    with op.batch_alter_table("source", schema=None) as batch_op:
        batch_op.drop_column("asks_trained_count")

    with op.batch_alter_table("reorder_receipt", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_reorder_receipt_reorder_line_id"))
        batch_op.drop_index(batch_op.f("ix_reorder_receipt_operation_id"))

    op.drop_table("reorder_receipt")
    with op.batch_alter_table("reorder_status_change", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_reorder_status_change_reorder_id"))

    op.drop_table("reorder_status_change")
    with op.batch_alter_table("reorder_line", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_reorder_line_reorder_id"))

    op.drop_table("reorder_line")
    with op.batch_alter_table("reorder", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_reorder_status"))
        batch_op.drop_index(batch_op.f("ix_reorder_source_id"))

    op.drop_table("reorder")
    op.drop_table("demand_surge")
