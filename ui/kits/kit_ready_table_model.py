"""Table model of kits ready per location against par, banded by expiry; knows rows only."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush

from models.kits.rows import KitReadyRow
from ui.kits.kit_stock_table_model import date_text
from ui.widgets.expiry_style import BAND_1, BAND_2, EXPIRED, INK, SHORT
from ui.widgets.row_table_model import RowColumn, RowTableModel

READY_COLUMNS: list[RowColumn[KitReadyRow]] = [
    RowColumn("Location", lambda r: r.location_path),
    RowColumn("Kit", lambda r: r.kit_name),
    RowColumn("Ready", lambda r: r.ready, numeric=True, tooltip="Not expired, not quarantined"),
    RowColumn("Par", lambda r: r.par, numeric=True),
    RowColumn("Short", lambda r: r.short or "", numeric=True, tooltip="Par minus ready kits"),
    RowColumn("≤ band 1", lambda r: r.within_first_band or "", numeric=True),
    RowColumn("≤ band 2", lambda r: r.within_second_band or "", numeric=True),
    RowColumn("Expired", lambda r: r.expired or "", numeric=True),
    RowColumn("Needs re-kit", lambda r: r.needs_rekit or "", numeric=True),
    RowColumn("Quarantined", lambda r: r.quarantined or "", numeric=True),
    RowColumn("Earliest expiry", lambda r: date_text(r.earliest_expiry)),
]


class KitReadyTableModel(RowTableModel[KitReadyRow]):
    """Kits ready per location against par; short (below par) and expiry cells are coloured."""

    def __init__(self, parent: Any = None, bands: tuple[int, int] = (30, 90)) -> None:
        super().__init__(READY_COLUMNS, parent)
        self.set_bands(bands)

    def set_bands(self, bands: tuple[int, int]) -> None:
        self.bands = bands
        self._columns[5] = RowColumn(
            f"≤ {bands[0]} d",
            READY_COLUMNS[5].value,
            numeric=True,
            tooltip="Ready kits expiring soon",
        )
        self._columns[6] = RowColumn(
            f"≤ {bands[1]} d", READY_COLUMNS[6].value, numeric=True, tooltip="Ready kits expiring"
        )
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 5, 6)

    def extra_data(self, row: KitReadyRow, column: int, role: int) -> Any:
        if role not in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole):
            return None
        colour = None
        if column == 4 and row.short:
            colour = SHORT
        elif column == 5 and row.within_first_band:
            colour = BAND_1
        elif column == 6 and row.within_second_band:
            colour = BAND_2
        elif column in (7, 8) and (row.expired if column == 7 else row.needs_rekit):
            colour = EXPIRED
        if colour is None:
            return None
        return QBrush(colour) if role == Qt.ItemDataRole.BackgroundRole else QBrush(INK)
