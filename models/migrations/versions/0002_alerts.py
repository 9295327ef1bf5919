"""alert decisions (acknowledge, snooze)

Revision ID: 0002_alerts
Revises: 0001_foundation
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002_alerts"
down_revision: str | Sequence[str] | None = "0001_foundation"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "alert_decision",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("alert_key", sa.String(length=200), nullable=False),
        sa.Column("fingerprint", sa.String(length=200), nullable=False),
        sa.Column("action", sa.String(length=16), nullable=False),
        sa.Column("until", sa.Date(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("user", sa.String(length=80), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_alert_decision")),
    )
    with op.batch_alter_table("alert_decision", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_alert_decision_alert_key"), ["alert_key"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("alert_decision", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_alert_decision_alert_key"))
    op.drop_table("alert_decision")
