"""Join the feature areas' first migrations into one line of history.

Revision ID: 0003_merge_areas
Revises: 0002_alerts, 0002_partners, 0002_reorders
"""

from collections.abc import Sequence

revision: str = "0003_merge_areas"
down_revision: str | Sequence[str] | None = ("0002_alerts", "0002_partners", "0002_reorders")
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Nothing to change: the branches touch different tables."""


def downgrade() -> None:
    """Nothing to undo."""
