"""Table model of on-hand rows (lot × location); knows rows, not the database.

It sorts its own plain rows (no proxy model), and keeps the chosen order when rows are replaced,
so the header's sort indicator always tells the truth.
"""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush

from models.common.settings import DEFAULT_BANDS
from models.stock.rows import OnHandRow
from ui.widgets.expiry_style import (
    INK,
    QUARANTINE,
    band_colour,
    band_icon,
    band_text,
    days_left_text,
)
from ui.widgets.row_table_model import sort_rows


class Column(IntEnum):
    PRODUCT = 0
    LOT = 1
    EXPIRY = 2
    DAYS_LEFT = 3
    QUANTITY = 4
    LOCATION = 5  # last: it takes the spare width


HEADERS = {
    Column.PRODUCT: "Product",
    Column.LOT: "Lot",
    Column.EXPIRY: "Expiry",
    Column.DAYS_LEFT: "Days left",
    Column.QUANTITY: "On hand",
    Column.LOCATION: "Location",
}


def _expiry_key(r: OnHandRow) -> tuple[bool, int]:
    return (r.expiry is None, r.expiry.toordinal() if r.expiry else 0)


_SORT_KEYS = {
    Column.PRODUCT: lambda r: (r.product_name.lower(), _expiry_key(r)),
    Column.LOT: lambda r: (r.lot_number.lower(), r.location_path.lower()),
    Column.EXPIRY: lambda r: (_expiry_key(r), r.product_name.lower(), r.location_path.lower()),
    Column.DAYS_LEFT: lambda r: (r.days_left is None, r.days_left or 0, r.product_name.lower()),
    Column.LOCATION: lambda r: (r.location_path.lower(), r.product_name.lower(), _expiry_key(r)),
    Column.QUANTITY: lambda r: r.quantity,
}

Index = QModelIndex | QPersistentModelIndex


class OnHandTableModel(QAbstractTableModel):
    RowRole = Qt.ItemDataRole.UserRole + 1

    # The order list_on_hand returns rows in: earliest expiry first.
    DEFAULT_SORT = (Column.EXPIRY, Qt.SortOrder.AscendingOrder)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[OnHandRow] = []
        self._bands: tuple[int, int] = DEFAULT_BANDS
        self._sort: tuple[int, Qt.SortOrder] = self.DEFAULT_SORT

    def set_rows(self, rows: list[OnHandRow]) -> None:
        """Replace the rows, keeping the current sort order."""
        self.beginResetModel()
        column, order = self._sort
        self._rows = sorted(
            rows, key=_SORT_KEYS[Column(column)], reverse=order == Qt.SortOrder.DescendingOrder
        )
        self.endResetModel()

    def rows(self) -> list[OnHandRow]:
        """The rows in the order shown."""
        return list(self._rows)

    @property
    def sort_state(self) -> tuple[int, Qt.SortOrder]:
        return self._sort

    def set_bands(self, bands: tuple[int, int]) -> None:
        self._bands = bands
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, len(Column) - 1)
            )

    def row_at(self, row: int) -> OnHandRow:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[Column(section)]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(row, column)
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole):
            colour = QUARANTINE if row.quarantined else band_colour(row.days_left, self._bands)
            if colour is None:
                return None
            return QBrush(colour if role == Qt.ItemDataRole.BackgroundRole else INK)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
            Column.QUANTITY,
            Column.DAYS_LEFT,
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.DecorationRole and column == Column.DAYS_LEFT:
            return None if row.quarantined else band_icon(row.days_left, self._bands)
        if role == Qt.ItemDataRole.ToolTipRole:
            if row.quarantined:
                return "In quarantine: never issued"
            if column == Column.DAYS_LEFT:
                return band_text(row.days_left, self._bands)
            full = {Column.PRODUCT: row.product_name, Column.LOCATION: row.location_path}
            return full.get(column)
        if role == self.RowRole:
            return row
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(Column):
            return
        self.layoutAboutToBeChanged.emit()
        self._sort = (column, order)
        self._sort_rows()
        self.layoutChanged.emit()

    def _sort_rows(self) -> None:
        column, order = self._sort
        sort_rows(self, self._rows, _SORT_KEYS[Column(column)], order)


def _display(row: OnHandRow, column: Column) -> str | int:
    if column is Column.PRODUCT:
        return row.product_name
    if column is Column.LOT:
        return row.lot_number
    if column is Column.EXPIRY:
        return row.expiry.isoformat() if row.expiry else "—"
    if column is Column.DAYS_LEFT:
        return "quarantined" if row.quarantined else days_left_text(row.days_left)
    if column is Column.LOCATION:
        return row.location_path
    return row.quantity
