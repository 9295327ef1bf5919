"""operation.effective_on: the day a movement took effect (back-dated entries keep their day)

Revision ID: i22_effective_dates
Revises: 0003_merge_areas
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "i22_effective_dates"
down_revision: str | Sequence[str] | None = "0003_merge_areas"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Distributions and administrations carry the day they happened; everything else took effect
# when it was recorded.
BACKFILL = (
    "UPDATE operation SET effective_on = COALESCE("
    "(SELECT MIN(d.occurred_on) FROM distribution d WHERE d.operation_id = operation.id),"
    "(SELECT MIN(a.occurred_on) FROM administration a WHERE a.operation_id = operation.id),"
    "{day_of_at})"
)


def upgrade() -> None:
    with op.batch_alter_table("operation", schema=None) as batch_op:
        batch_op.add_column(sa.Column("effective_on", sa.Date(), nullable=True))
        batch_op.create_index(
            batch_op.f("ix_operation_effective_on"), ["effective_on"], unique=False
        )
    postgres = op.get_bind().dialect.name == "postgresql"
    op.execute(BACKFILL.format(day_of_at="CAST(at AS DATE)" if postgres else "date(at)"))


def downgrade() -> None:
    with op.batch_alter_table("operation", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_operation_effective_on"))
        batch_op.drop_column("effective_on")
