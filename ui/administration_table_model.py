"""Table model of on-scene administrations; voided ones greyed and struck through."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from models.distribution_rows import AdministrationRow


class Column(IntEnum):
    NUMBER = 0
    DATE = 1
    DOSES = 2
    SOURCE = 3
    FROM = 4
    ZIP = 5
    LOTS = 6
    STATUS = 7  # before the comment: the comment column stretches and may be cut
    COMMENT = 8


HEADERS = ["No.", "Date", "Doses", "Taken from", "Vehicle / location", "ZIP", "Lots",
           "Status", "Comment"]  # fmt: skip
Index = QModelIndex | QPersistentModelIndex


def _display(row: AdministrationRow, column: Column) -> str | int:
    values: dict[Column, str | int] = {
        Column.NUMBER: row.id,
        Column.DATE: row.occurred_on.isoformat(),
        Column.DOSES: row.doses,
        Column.SOURCE: "opened kit" if row.from_kit else "loose doses",
        Column.FROM: row.location_path,
        Column.ZIP: row.zip_code or "—",
        Column.LOTS: row.lots,
        Column.COMMENT: row.comment or "",
        Column.STATUS: f"voided: {row.void_reason}" if row.voided else "",
    }
    return values[column]


class AdministrationTableModel(QAbstractTableModel):
    RowRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[AdministrationRow] = []

    def set_rows(self, rows: list[AdministrationRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> AdministrationRow:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(row, column)
        if role == Qt.ItemDataRole.ForegroundRole and row.voided:
            return QBrush(QColor("#808080"))
        if role == Qt.ItemDataRole.FontRole and row.voided:
            font = QFont()
            font.setStrikeOut(column != Column.STATUS)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (Column.NUMBER, Column.DOSES):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"Recorded {row.recorded_at:%Y-%m-%d %H:%M} by {row.recorded_by}"
        if role == self.RowRole:
            return row
        return None
