"""Table model of a place count: expected lots, what was counted, the difference and why;
knows count rows, not the database."""

from __future__ import annotations

from dataclasses import replace
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from models.stock.count_rows import CountEntry, CountLineRow

Index = QModelIndex | QPersistentModelIndex
DIFFERS = QBrush(QColor("#fde2e1"))
NO_REASON = QBrush(QColor("#fff4ce"))


class Column(IntEnum):
    PLACE = 0
    PRODUCT = 1
    LOT = 2
    EXPIRY = 3
    EXPECTED = 4
    COUNTED = 5
    DIFFERENCE = 6
    REASON = 7


HEADERS = ("Place", "Product", "Lot", "Expiry", "Expected", "Counted", "Difference", "Reason")


class CountTableModel(QAbstractTableModel):
    """Counted and Reason are editable; a blind count hides Expected and Difference."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[CountLineRow] = []
        self._where: dict[tuple[int, int], int] = {}
        self.blind = False

    def set_rows(self, rows: list[CountLineRow], blind: bool) -> None:
        self.beginResetModel()
        self._rows, self.blind = list(rows), blind
        self._where = {(r.lot_id, r.location_id): i for i, r in enumerate(self._rows)}
        self.endResetModel()

    def rows(self) -> list[CountLineRow]:
        return list(self._rows)

    def row_of(self, lot_id: int, location_id: int) -> int:
        return self._where.get((lot_id, location_id), -1)

    def rows_of_lot(self, lot_id: int) -> list[int]:
        return [i for (lot, _place), i in self._where.items() if lot == lot_id]

    def add_row(self, row: CountLineRow) -> int:
        """A lot found that was not expected here."""
        number = len(self._rows)
        self.beginInsertRows(QModelIndex(), number, number)
        self._rows.append(row)
        self._where[(row.lot_id, row.location_id)] = number
        self.endInsertRows()
        return number

    def add_counted(self, number: int, units: int) -> None:
        """A scan: one more package counted on this line."""
        row = self._rows[number]
        self._update(number, replace(row, counted=(row.counted or 0) + units))

    def entries(self) -> list[CountEntry]:
        """What was counted (and said) so far, for a draft or the posting."""
        return [
            CountEntry(r.lot_id, r.location_id, r.counted, r.reason)
            for r in self._rows
            if r.counted is not None or r.reason
        ]

    def _update(self, number: int, row: CountLineRow) -> None:
        self._rows[number] = row
        self.dataChanged.emit(self.index(number, 0), self.index(number, len(Column) - 1))

    # --- Qt -----------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(HEADERS):
            return HEADERS[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and index.column() in (Column.COUNTED, Column.REASON):
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], Column(index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._text(row, column, role == Qt.ItemDataRole.EditRole)
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._brush(row, column)
        if (
            role == Qt.ItemDataRole.TextAlignmentRole
            and Column.EXPECTED <= column <= Column.DIFFERENCE
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, row: CountLineRow, column: Column, editing: bool) -> Any:
        hidden = self.blind and column in (Column.EXPECTED, Column.DIFFERENCE)
        if hidden:
            return "—"
        values = {
            Column.PLACE: row.place,
            Column.PRODUCT: row.product_name,
            Column.LOT: row.lot_number,
            Column.EXPIRY: row.expiry.isoformat() if row.expiry else "",
            Column.EXPECTED: row.expected,
            Column.COUNTED: "" if row.counted is None else row.counted,
            Column.DIFFERENCE: _signed(row.variance),
            Column.REASON: row.reason or "",
        }
        value = values[column]
        return str(value) if editing else value

    def _brush(self, row: CountLineRow, column: Column) -> QBrush | None:
        differs = row.variance not in (None, 0)
        if column == Column.REASON and differs and not row.reason and not self.blind:
            return NO_REASON
        if column == Column.DIFFERENCE and differs and not self.blind:
            return DIFFERS
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        row = self._rows[index.row()]
        text = str(value).strip()
        if index.column() == Column.COUNTED:
            if text and not (text.isascii() and text.isdigit()):
                return False  # refused: a count is a whole number, 0 or more
            self._update(index.row(), replace(row, counted=int(text) if text else None))
            return True
        if index.column() == Column.REASON:
            self._update(index.row(), replace(row, reason=text or None))
            return True
        return False


def _signed(variance: int | None) -> str:
    if variance is None:
        return ""
    return f"+{variance}" if variance > 0 else str(variance)
