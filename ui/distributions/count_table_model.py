"""Table model of distribution counts per ZIP, setting, relationship, vehicle or month."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from models.distributions.rows import CountRow

Index = QModelIndex | QPersistentModelIndex


class CountTableModel(QAbstractTableModel):
    RowRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[CountRow] = []
        self._title = "Group"

    def set_rows(self, rows: list[CountRow], title: str) -> None:
        self.beginResetModel()
        self._rows, self._title = list(rows), title
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return [self._title, "Distributions", "Kits", "Share of kits"][section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            total = sum(r.kits for r in self._rows) or 1
            share = f"{100 * row.kits / total:.0f} %"
            return [row.label, row.distributions, row.kits, share][index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == self.RowRole:
            return row
        return None
