"""Generic table model over frozen rows, described by a list of columns; knows no database.

Used for the settings lists (products, sources, par levels), the product totals, the kit,
distribution and reorder tables; it sorts its own rows so no proxy model sits between the view
and the data.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

R = TypeVar("R")
Index = QModelIndex | QPersistentModelIndex
INACTIVE = QColor("#8a8a8a")
HIGHLIGHT = QBrush(QColor("#fde2e1"))  # a row that needs attention (e.g. a reorder due)


@dataclass(frozen=True)
class RowColumn(Generic[R]):
    header: str
    value: Callable[[R], Any]
    numeric: bool = False
    tooltip: str = ""


def _sort_key(value: Any) -> tuple[int, Any]:
    if value is None:
        return (1, "")
    if isinstance(value, str):
        return (0, value.lower())
    return (0, value)


class RowTableModel(QAbstractTableModel, Generic[R]):
    RowRole = Qt.ItemDataRole.UserRole + 1

    def __init__(
        self,
        columns: Sequence[RowColumn[R]],
        parent: Any = None,
        *,
        is_active: Callable[[R], bool] | None = None,
        highlight: Callable[[R], bool] | None = None,
        empty: str = "",
    ) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._rows: list[R] = []
        self._is_active = is_active
        self._highlight = highlight
        self._empty = empty  # what a None value shows as ("" or "—")
        self._sort: tuple[int, Qt.SortOrder] | None = None

    def set_rows(self, rows: Sequence[R]) -> None:
        """Replace the rows; a sort chosen by the user is kept."""
        self.beginResetModel()
        self._rows = list(rows)
        if self._sort is not None:
            value = self._columns[self._sort[0]].value
            self._rows.sort(
                key=lambda r: _sort_key(value(r)),
                reverse=self._sort[1] == Qt.SortOrder.DescendingOrder,
            )
        self.endResetModel()

    def rows(self) -> list[R]:
        return list(self._rows)

    def row_at(self, row: int) -> R:
        return self._rows[row]

    def row_of(self, predicate: Callable[[R], bool]) -> int:
        """Index of the first row matching, or -1."""
        return next((i for i, r in enumerate(self._rows) if predicate(r)), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._columns[section].header
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._columns[section].tooltip or None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            value = column.value(row)
            return self._empty if value is None else value
        if role == Qt.ItemDataRole.TextAlignmentRole and column.numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and self._is_active and not self._is_active(row):
            return QBrush(INACTIVE)
        if role == Qt.ItemDataRole.BackgroundRole and self._highlight and self._highlight(row):
            return HIGHLIGHT
        if role == self.RowRole:
            return row
        return self.extra_data(row, index.column(), role)

    def extra_data(self, row: R, column: int, role: int) -> Any:
        """Subclasses add roles (colours, tooltips) here."""
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self._columns):
            return
        self.layoutAboutToBeChanged.emit()
        self._sort = (column, order)
        self._sort_rows(column, order)
        self.layoutChanged.emit()

    def _sort_rows(self, column: int, order: Qt.SortOrder) -> None:
        value = self._columns[column].value
        sort_rows(self, self._rows, lambda r: _sort_key(value(r)), order)


def sort_rows(
    model: QAbstractTableModel, rows: list[Any], key: Callable[[Any], Any], order: Qt.SortOrder
) -> None:
    """Sort `rows` in place and move the model's persistent indexes (selection) with them."""
    old = model.persistentIndexList()
    held = [rows[i.row()] for i in old if 0 <= i.row() < len(rows)]
    rows.sort(key=key, reverse=order == Qt.SortOrder.DescendingOrder)
    if not held:
        return
    position = {id(r): n for n, r in enumerate(rows)}
    model.changePersistentIndexList(
        old, [model.index(position[id(r)], i.column()) for r, i in zip(held, old, strict=True)]
    )
