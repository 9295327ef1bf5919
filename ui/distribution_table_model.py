"""Table model of distribution records; voided ones greyed and struck through, never hidden."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from models.distribution_rows import DistributionRow


class Column(IntEnum):
    NUMBER = 0
    DATE = 1
    TIME = 2
    KITS = 3
    FROM = 4
    ZIP = 5
    SETTING = 6
    RELATIONSHIP = 7
    NALOXONE = 8
    INFO = 9
    STATUS = 10  # before the comment: the comment column stretches and may be cut
    COMMENT = 11


HEADERS = ["No.", "Date", "Time of day", "Kits", "From", "ZIP", "Setting", "Relationship",
           "Naloxone given", "Info offered", "Status", "Comment"]  # fmt: skip
Index = QModelIndex | QPersistentModelIndex


def _yes(value: bool) -> str:
    return "yes" if value else "no"


def _display(row: DistributionRow, column: Column) -> str | int:
    values: dict[Column, str | int] = {
        Column.NUMBER: row.id,
        Column.DATE: row.occurred_on.isoformat(),
        Column.TIME: row.time_band_label or "—",
        Column.KITS: row.kits,
        Column.FROM: row.location_path,
        Column.ZIP: row.zip_code,
        Column.SETTING: row.setting_label,
        Column.RELATIONSHIP: row.relationship_label,
        Column.NALOXONE: _yes(row.naloxone_administered),
        Column.INFO: _yes(row.services_offered),
        Column.COMMENT: row.comment or "",
        Column.STATUS: f"voided: {row.void_reason}" if row.voided else "",
    }
    return values[column]


class DistributionTableModel(QAbstractTableModel):
    RowRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[DistributionRow] = []

    def set_rows(self, rows: list[DistributionRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> DistributionRow:
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
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (Column.NUMBER, Column.KITS):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            lots = f"Kit lots: {row.kit_lots}" if row.kit_lots else ""
            recorded = f"Recorded {row.recorded_at:%Y-%m-%d %H:%M} by {row.recorded_by}"
            return "\n".join(x for x in (recorded, lots, _display(row, Column.STATUS)) if x)
        if role == self.RowRole:
            return row
        return None
