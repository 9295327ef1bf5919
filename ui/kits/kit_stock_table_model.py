"""Table model of kit stock (kits by kit lot and location); knows rows, not the database."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush

from models.kits.rows import KitStockRow
from ui.widgets.expiry_style import INK, QUARANTINE, band_colour, band_icon, band_text
from ui.widgets.row_table_model import RowColumn, RowTableModel


def date_text(value: Any) -> str:
    return value.isoformat() if value else "—"


STOCK_COLUMNS: list[RowColumn[KitStockRow]] = [
    RowColumn("Kit batch", lambda r: r.lot_number),
    RowColumn("Recipe", lambda r: r.recipe_name),
    RowColumn("Expiry", lambda r: date_text(r.expiry)),
    RowColumn("Days left", lambda r: r.days_left, numeric=True),
    RowColumn("Kits", lambda r: r.quantity, numeric=True),
    RowColumn("Needs re-kit", lambda r: r.rekit_reason or ""),
    RowColumn("Location", lambda r: r.location_path),
]

DAYS_LEFT_COLUMN = next(k for k, c in enumerate(STOCK_COLUMNS) if c.header == "Days left")


class KitStockTableModel(RowTableModel[KitStockRow]):
    """Kits by kit lot and location; the row colour is the kit's expiry band."""

    def __init__(self, parent: Any = None, bands: tuple[int, int] = (30, 90)) -> None:
        super().__init__(STOCK_COLUMNS, parent)
        self.bands = bands

    def extra_data(self, row: KitStockRow, column: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole):
            colour = QUARANTINE if row.quarantined else band_colour(row.days_left, self.bands)
            if colour is None:
                return None
            return QBrush(colour) if role == Qt.ItemDataRole.BackgroundRole else QBrush(INK)
        days_column = column == DAYS_LEFT_COLUMN and not row.quarantined
        if role == Qt.ItemDataRole.DecorationRole and days_column:
            return band_icon(row.days_left, self.bands)
        if role == Qt.ItemDataRole.ToolTipRole and days_column and not row.rekit_reason:
            return band_text(row.days_left, self.bands)
        if role == Qt.ItemDataRole.ToolTipRole and row.rekit_reason:
            return f"Re-kit: {row.rekit_reason}"
        return None
