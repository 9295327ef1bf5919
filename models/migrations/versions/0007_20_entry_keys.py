"""Entry keys: each quick entry or administration may carry the key its station gave it.

A station that lost the server's confirmation posts the entry again from its outbox; the key,
unique per table, lets the server recognise it as already recorded instead of recording it twice.
Existing rows keep everything and have no key.

Revision ID: i20_entry_keys
Revises: i17_vehicle_checks
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "i20_entry_keys"
down_revision: str | Sequence[str] | None = "i17_vehicle_checks"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ("distribution", "administration")


def upgrade() -> None:
    """One nullable column and a unique index per table; no existing row changes."""
    for table in TABLES:
        op.add_column(table, sa.Column("entry_key", sa.String(length=32), nullable=True))
        op.create_index(op.f(f"ix_{table}_entry_key"), table, ["entry_key"], unique=True)


def downgrade() -> None:
    for table in TABLES:
        op.drop_index(op.f(f"ix_{table}_entry_key"), table_name=table)
        with op.batch_alter_table(table) as batch:
            batch.drop_column("entry_key")
