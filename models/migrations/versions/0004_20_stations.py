"""people at stations: roles and PINs, station on operations, change journal, par level versions

Revision ID: i20_stations
Revises: 0003_merge_areas
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "i20_stations"
down_revision: str | Sequence[str] | None = "0003_merge_areas"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.add_column(sa.Column("app_role", sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column("pin_hash", sa.String(length=200), nullable=True))
    with op.batch_alter_table("operation", schema=None) as batch_op:
        batch_op.add_column(sa.Column("station", sa.String(length=80), nullable=True))
    with op.batch_alter_table("location", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("par_version", sa.Integer(), server_default="0", nullable=False)
        )
        batch_op.add_column(sa.Column("par_changed_at", sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column("par_changed_by", sa.String(length=120), nullable=True))
        batch_op.add_column(sa.Column("par_changed_station", sa.String(length=80), nullable=True))
    op.create_table(
        "change_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("person", sa.String(length=120), nullable=False),
        sa.Column("station", sa.String(length=80), nullable=False),
        sa.Column("tables", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_change_log")),
    )


def downgrade() -> None:
    op.drop_table("change_log")
    with op.batch_alter_table("location", schema=None) as batch_op:
        batch_op.drop_column("par_changed_station")
        batch_op.drop_column("par_changed_by")
        batch_op.drop_column("par_changed_at")
        batch_op.drop_column("par_version")
    with op.batch_alter_table("operation", schema=None) as batch_op:
        batch_op.drop_column("station")
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.drop_column("pin_hash")
        batch_op.drop_column("app_role")
