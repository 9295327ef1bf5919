"""Table model of distribution records; voided ones greyed and struck through, never hidden."""

from __future__ import annotations

from enum import IntEnum
from typing import Any, Protocol

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont

from models.distributions.rows import DistributionRow
from ui.widgets.row_table_model import RowColumn, RowTableModel

VOIDED = QColor("#808080")


class Column(IntEnum):
    NUMBER = 0
    DATE = 1
    TIME = 2
    KITS = 3
    FROM = 4
    ZIP = 5
    SETTING = 6
    RELATIONSHIP = 7
    NALOXONE = 8
    INFO = 9
    STATUS = 10  # before the comment: the comment column stretches and may be cut
    COMMENT = 11


def _yes(value: bool) -> str:
    return "yes" if value else "no"


class Voidable(Protocol):
    @property
    def voided(self) -> bool: ...

    @property
    def void_reason(self) -> str | None: ...


def void_status(row: Voidable) -> str:
    return f"voided: {row.void_reason}" if row.voided else ""


def voided_style(row: Voidable, column: int, role: int, status_column: int) -> Any:
    """Grey and struck through (all but the status) for a voided record; None otherwise."""
    if role == Qt.ItemDataRole.ForegroundRole and row.voided:
        return QBrush(VOIDED)
    if role == Qt.ItemDataRole.FontRole and row.voided:
        font = QFont()
        font.setStrikeOut(column != status_column)
        return font
    return None


COLUMNS: list[RowColumn[DistributionRow]] = [
    RowColumn("No.", lambda r: r.id, numeric=True),
    RowColumn("Date", lambda r: r.occurred_on.isoformat()),
    RowColumn("Time of day", lambda r: r.time_band_label or "—"),
    RowColumn("Kits", lambda r: r.kits, numeric=True),
    RowColumn("From", lambda r: r.location_path),
    RowColumn("ZIP", lambda r: r.zip_code),
    RowColumn("Setting", lambda r: r.setting_label),
    RowColumn("Relationship", lambda r: r.relationship_label),
    RowColumn("Naloxone given", lambda r: _yes(r.naloxone_administered)),
    RowColumn("Info offered", lambda r: _yes(r.services_offered)),
    RowColumn("Status", void_status),
    RowColumn("Comment", lambda r: r.comment or ""),
]
HEADERS = [c.header for c in COLUMNS]


class DistributionTableModel(RowTableModel[DistributionRow]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(COLUMNS, parent)

    def extra_data(self, row: DistributionRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole:
            lots = f"Kit lots: {row.kit_lots}" if row.kit_lots else ""
            recorded = f"Recorded {row.recorded_at:%Y-%m-%d %H:%M} by {row.recorded_by}"
            return "\n".join(x for x in (recorded, lots, void_status(row)) if x)
        return voided_style(row, column, role, Column.STATUS)
