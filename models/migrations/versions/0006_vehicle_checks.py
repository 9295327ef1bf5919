"""Vehicle checks: a crew's shift-start check of the kits on board, with one line per kit lot.

Revision ID: i17_vehicle_checks
Revises: 0005_merge_round_two
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "i17_vehicle_checks"
down_revision: str | Sequence[str] | None = "0005_merge_round_two"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Two new tables; nothing existing changes."""
    op.create_table(
        "vehicle_check",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("location_id", sa.Integer(), nullable=False),
        sa.Column("checked_at", sa.DateTime(), nullable=False),
        sa.Column("checked_by", sa.String(length=80), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["location_id"], ["location.id"], name=op.f("fk_vehicle_check_location_id_location")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_vehicle_check")),
    )
    op.create_index(
        op.f("ix_vehicle_check_location_id"), "vehicle_check", ["location_id"], unique=False
    )
    op.create_table(
        "vehicle_check_line",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("check_id", sa.Integer(), nullable=False),
        sa.Column("lot_id", sa.Integer(), nullable=False),
        sa.Column("location_id", sa.Integer(), nullable=False),
        sa.Column("expected", sa.Integer(), nullable=False),
        sa.Column("on_board", sa.Integer(), nullable=False),
        sa.Column("missing", sa.Integer(), nullable=False),
        sa.Column("expired", sa.Integer(), nullable=False),
        sa.Column("opened", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "on_board >= 0 AND missing >= 0 AND expired >= 0 AND opened >= 0",
            name=op.f("ck_vehicle_check_line_counts_not_negative"),
        ),
        sa.ForeignKeyConstraint(
            ["check_id"],
            ["vehicle_check.id"],
            name=op.f("fk_vehicle_check_line_check_id_vehicle_check"),
        ),
        sa.ForeignKeyConstraint(
            ["lot_id"], ["lot.id"], name=op.f("fk_vehicle_check_line_lot_id_lot")
        ),
        sa.ForeignKeyConstraint(
            ["location_id"],
            ["location.id"],
            name=op.f("fk_vehicle_check_line_location_id_location"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_vehicle_check_line")),
    )
    op.create_index(
        op.f("ix_vehicle_check_line_check_id"), "vehicle_check_line", ["check_id"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_vehicle_check_line_check_id"), table_name="vehicle_check_line")
    op.drop_table("vehicle_check_line")
    op.drop_index(op.f("ix_vehicle_check_location_id"), table_name="vehicle_check")
    op.drop_table("vehicle_check")
