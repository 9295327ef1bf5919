"""Hold the domain limits in the schema: quantities, balances, lot numbers (issue 21).

Revision ID: i21_limits
Revises: 0003_merge_areas

PostgreSQL gets CHECK constraints. SQLite cannot add one without rebuilding the table, and
rebuilding `lot` would trip the foreign keys that point at it, so there the same rules are
triggers that abort the statement. Existing rows are kept: if one already breaks a limit the
upgrade stops with a message naming it, before anything changed.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "i21_limits"
down_revision: str | Sequence[str] | None = "0003_merge_areas"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# (table, constraint name, rule, column the rule reads); the numbers mirror models/common/limits.py
# as they were when this revision was written.
RULES: tuple[tuple[str, str, str, str], ...] = (
    ("stock_move", "quantity_within_limit", "quantity <= 100000", "quantity"),
    ("balance", "quantity_within_limit", "quantity BETWEEN -1000000000 AND 1000000000", "quantity"),
    ("lot", "lot_number_length", "length(lot_number) BETWEEN 1 AND 40", "lot_number"),
    ("distribution", "kits_within_limit", "kits <= 100000", "kits"),
    ("administration", "doses_within_limit", "doses <= 100000", "doses"),
)


def upgrade() -> None:
    bind = op.get_bind()
    for table, _name, rule, _column in RULES:
        broken = bind.execute(sa.text(f"SELECT count(*) FROM {table} WHERE NOT ({rule})")).scalar()
        if broken:
            raise RuntimeError(
                f"{broken} row(s) of {table} break the rule {rule}; correct them with the "
                "previous version (a backup was made before this upgrade), then open again."
            )
    for table, name, rule, column in RULES:
        full = f"ck_{table}_{name}"
        if bind.dialect.name == "sqlite":
            for event, suffix in (("INSERT", "insert"), (f"UPDATE OF {column}", "update")):
                op.execute(_sqlite_trigger(full, suffix, event, table, rule, column))
        else:
            op.create_check_constraint(full, table, rule)


def _sqlite_trigger(full: str, suffix: str, event: str, table: str, rule: str, column: str) -> str:
    condition = rule.replace(column, f"NEW.{column}")
    return (
        f"CREATE TRIGGER {full}_{suffix} BEFORE {event} ON {table} "
        f"WHEN NOT ({condition}) BEGIN SELECT RAISE(ABORT, 'CHECK constraint failed: {full}'); END"
    )


def downgrade() -> None:
    bind = op.get_bind()
    for table, name, _rule, _column in RULES:
        full = f"ck_{table}_{name}"
        if bind.dialect.name == "sqlite":
            op.execute(f"DROP TRIGGER IF EXISTS {full}_insert")
            op.execute(f"DROP TRIGGER IF EXISTS {full}_update")
        else:
            op.drop_constraint(full, table, type_="check")
