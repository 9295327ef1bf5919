"""Tree model of storage places (stations, rooms, cabinets, vehicles, bags) with their totals.

Fed with `LocationTotalRow`s in tree order; each index carries its location id. Knows rows only.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QFont

from models.stock.rows import LocationTotalRow
from ui.widgets.expiry_style import EXPIRED, INK, QUARANTINE
from ui.widgets.row_table_model import INACTIVE

Index = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    NAME = 0
    KIND = 1
    USABLE = 2
    EXPIRED = 3
    QUARANTINED = 4
    TOTAL = 5


HEADERS = ["Location", "Kind", "Usable", "Expired", "Quarantined", "Total"]


def _total(row: LocationTotalRow) -> int:
    return row.usable + row.expired + row.quarantined


_VALUES = {
    Column.USABLE: lambda r: r.usable,
    Column.EXPIRED: lambda r: r.expired,
    Column.QUARANTINED: lambda r: r.quarantined,
    Column.TOTAL: _total,
}


class LocationTreeModel(QAbstractItemModel):
    RowRole = Qt.ItemDataRole.UserRole + 1
    IdRole = Qt.ItemDataRole.UserRole + 2

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: dict[int, LocationTotalRow] = {}
        self._children: dict[int | None, list[int]] = {None: []}
        self._parent: dict[int, int | None] = {}
        self._position: dict[int, int] = {}

    def set_rows(self, rows: Sequence[LocationTotalRow]) -> None:
        """Rows in tree order; a row whose parent is missing becomes a top-level item."""
        self.beginResetModel()
        self._rows = {r.location_id: r for r in rows}
        self._children = {None: []}
        self._parent = {}
        for row in rows:
            parent = row.parent_id if row.parent_id in self._rows else None
            self._parent[row.location_id] = parent
            siblings = self._children.setdefault(parent, [])
            self._position[row.location_id] = len(siblings)
            siblings.append(row.location_id)
        self.endResetModel()

    def row_for(self, location_id: int) -> LocationTotalRow | None:
        return self._rows.get(location_id)

    def index_of(self, location_id: int, column: int = 0) -> QModelIndex:
        if location_id not in self._rows:
            return QModelIndex()
        return self.createIndex(self._position[location_id], column, location_id)

    # --- QAbstractItemModel -------------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        key = parent.internalId() if parent.isValid() else None
        siblings = self._children.get(key, [])
        if not (0 <= row < len(siblings) and 0 <= column < len(Column)):
            return QModelIndex()
        return self.createIndex(row, column, siblings[row])

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        above = self._parent.get(index.internalId())
        if above is None:
            return QModelIndex()
        return self.createIndex(self._position[above], 0, above)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid():
            return 0 if parent.column() != 0 else len(self._children.get(parent.internalId(), []))
        return len(self._children.get(None, []))

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return len(Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section] if 0 <= section < len(HEADERS) else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.internalId()]
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            if column is Column.NAME:
                return row.name
            if column is Column.KIND:
                return row.kind.replace("_", " ") + ("" if row.active else " (inactive)")
            return _VALUES[column](row)
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= Column.USABLE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and not row.active:
            font = QFont()
            font.setItalic(True)
            return font
        return self._colours(row, column, role)

    def _colours(self, row: LocationTotalRow, column: Column, role: int) -> Any:
        if role == self.RowRole:
            return row
        if role == self.IdRole:
            return row.location_id
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.path + ("" if row.active else " — inactive")
        flagged = {
            Column.EXPIRED: (row.expired, EXPIRED),
            Column.QUARANTINED: (row.quarantined, QUARANTINE),
        }
        if column in flagged and flagged[column][0]:
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(flagged[column][1])
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(INK)
        if role == Qt.ItemDataRole.ForegroundRole and not row.active:
            return QBrush(INACTIVE)
        return None
