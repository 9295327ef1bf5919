"""Table model of on-scene administrations; voided ones greyed and struck through."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import Qt

from models.distributions.rows import AdministrationRow
from ui.distributions.distribution_table_model import void_status, voided_style
from ui.widgets.row_table_model import RowColumn, RowTableModel


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


COLUMNS: list[RowColumn[AdministrationRow]] = [
    RowColumn("No.", lambda r: r.id, numeric=True),
    RowColumn("Date", lambda r: r.occurred_on.isoformat()),
    RowColumn("Doses", lambda r: r.doses, numeric=True),
    RowColumn("Taken from", lambda r: "opened kit" if r.from_kit else "loose doses"),
    RowColumn("Vehicle / location", lambda r: r.location_path),
    RowColumn("ZIP", lambda r: r.zip_code or "—"),
    RowColumn("Lots", lambda r: r.lots),
    RowColumn("Status", void_status),
    RowColumn("Comment", lambda r: r.comment or ""),
]


class AdministrationTableModel(RowTableModel[AdministrationRow]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(COLUMNS, parent)

    def extra_data(self, row: AdministrationRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"Recorded {row.recorded_at:%Y-%m-%d %H:%M} by {row.recorded_by}"
        return voided_style(row, column, role, Column.STATUS)
