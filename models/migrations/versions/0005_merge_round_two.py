"""Join this round's feature migrations into one line of history.

Revision ID: 0005_merge_round_two
Revises: the 0004_* revisions (each written on top of 0003_merge_areas)
"""

from collections.abc import Sequence

revision: str = "0005_merge_round_two"
down_revision: str | Sequence[str] | None = (
    "i15_release_register",
    "i16_privacy",
    "i17_scanner_first",
    "i19_reorder_line_basis",
    "i20_stations",
    "i21_limits",
    "i22_effective_dates",
)
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Nothing to change: the branches touch different tables."""


def downgrade() -> None:
    """Nothing to undo."""
