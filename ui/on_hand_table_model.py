"""Table model of on-hand rows (lot × location); knows rows, not the database."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from models.rows import OnHandRow
from ui.expiry_style import days_left_text, expiry_brush


class Column(IntEnum):
    PRODUCT = 0
    LOT = 1
    EXPIRY = 2
    DAYS_LEFT = 3
    LOCATION = 4
    QUANTITY = 5


HEADERS = {
    Column.PRODUCT: "Product",
    Column.LOT: "Lot",
    Column.EXPIRY: "Expiry",
    Column.DAYS_LEFT: "Days left",
    Column.LOCATION: "Location",
    Column.QUANTITY: "On hand",
}


def _expiry_key(r: OnHandRow) -> tuple[bool, int]:
    return (r.expiry is None, r.expiry.toordinal() if r.expiry else 0)


_SORT_KEYS = {
    Column.PRODUCT: lambda r: (r.product_name.lower(), _expiry_key(r)),
    Column.LOT: lambda r: r.lot_number.lower(),
    Column.EXPIRY: _expiry_key,
    Column.DAYS_LEFT: lambda r: (r.days_left is None, r.days_left or 0),
    Column.LOCATION: lambda r: r.location_path.lower(),
    Column.QUANTITY: lambda r: r.quantity,
}

Index = QModelIndex | QPersistentModelIndex


class OnHandTableModel(QAbstractTableModel):
    RowRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[OnHandRow] = []
        self._bands: tuple[int, int] = (30, 90)

    def set_rows(self, rows: list[OnHandRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

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
        if role == Qt.ItemDataRole.BackgroundRole:
            if row.quarantined:
                return None
            return expiry_brush(row.days_left, self._bands)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
            Column.QUANTITY,
            Column.DAYS_LEFT,
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and row.quarantined:
            return "In quarantine: never issued"
        if role == self.RowRole:
            return row
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        self._rows.sort(
            key=_SORT_KEYS[Column(column)], reverse=order == Qt.SortOrder.DescendingOrder
        )
        self.layoutChanged.emit()


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
