"""Table model of stock per product (usable / expiring / expired / quarantined); rows only."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush

from models.common.settings import DEFAULT_BANDS
from models.stock.rows import ProductTotalRow
from ui.widgets.expiry_style import BAND_2, EXPIRED, INK, QUARANTINE
from ui.widgets.row_table_model import RowColumn, RowTableModel


class Column(IntEnum):
    PRODUCT = 0
    KIND = 1
    USABLE = 2
    EXPIRING = 3
    EXPIRED = 4
    QUARANTINED = 5
    TOTAL = 6


def _columns(warning_days: int) -> list[RowColumn[ProductTotalRow]]:
    return [
        RowColumn("Product", lambda r: r.product_name),
        RowColumn("Kind", lambda r: r.kind.replace("_", " ")),
        RowColumn("Usable", lambda r: r.usable, True, "Not expired and not in quarantine"),
        RowColumn(
            f"of which ≤ {warning_days} d",
            lambda r: r.expiring,
            True,
            f"Usable units that expire within {warning_days} days: issue these first",
        ),
        RowColumn("Expired", lambda r: r.expired, True, "Expired, not yet quarantined"),
        RowColumn("Quarantined", lambda r: r.quarantined, True, "Set aside; never issued"),
        RowColumn("Total", lambda r: r.total, True),
    ]


_CELL_COLOURS = {Column.EXPIRING: BAND_2, Column.EXPIRED: EXPIRED, Column.QUARANTINED: QUARANTINE}
_CELL_VALUES = {
    Column.EXPIRING: lambda r: r.expiring,
    Column.EXPIRED: lambda r: r.expired,
    Column.QUARANTINED: lambda r: r.quarantined,
}


class ProductTotalsTableModel(RowTableModel[ProductTotalRow]):
    """Colours a cell only where it needs action: expiring, expired or quarantined units."""

    def __init__(self, parent: Any = None, warning_days: int = DEFAULT_BANDS[1]) -> None:
        super().__init__(_columns(warning_days), parent)
        self.warning_days = warning_days

    def set_warning_days(self, warning_days: int) -> None:
        if warning_days != self.warning_days:
            self.warning_days = warning_days
            self._columns = _columns(warning_days)
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(Column) - 1)

    def extra_data(self, row: ProductTotalRow, column: int, role: int) -> Any:
        if column not in _CELL_COLOURS or not _CELL_VALUES[Column(column)](row):
            if role == Qt.ItemDataRole.ForegroundRole and column == Column.USABLE:
                # No usable naloxone at all is the one zero that matters.
                return QBrush(EXPIRED.darker(250)) if row.usable == 0 else None
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(_CELL_COLOURS[Column(column)])
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(INK)
        return None
