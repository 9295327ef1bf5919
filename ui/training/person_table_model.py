"""Roster table model: person rows with the training status as a colour; knows no database."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from models.training.rows import PersonRow, Status
from ui.widgets.expiry_style import BAND_1, EXPIRED, INK
from ui.widgets.row_table_model import RowColumn, RowTableModel

UNTRAINED = QColor("#dbe7f5")
STATUS_COLOURS = {Status.OVERDUE: EXPIRED, Status.DUE: BAND_1, Status.UNTRAINED: UNTRAINED}


def _day(value: Any) -> str | None:
    return value.isoformat() if value else None


COLUMNS: list[RowColumn[PersonRow]] = [
    RowColumn("Name", lambda r: r.name),
    RowColumn("ID / badge", lambda r: r.badge),
    RowColumn("Status", lambda r: r.status),
    RowColumn("Refresher due", lambda r: _day(r.due_on), tooltip="Earlier lapse of the two"),
    RowColumn("LBN training", lambda r: _day(r.lbn_trained_on)),
    RowColumn("Overdose / naloxone", lambda r: _day(r.od_trained_on)),
    RowColumn("Station", lambda r: r.station_name),
    RowColumn("Unit", lambda r: r.unit),
    RowColumn("Role", lambda r: r.role),
    RowColumn("Sessions", lambda r: r.sessions_attended, numeric=True),
]
STATUS_COLUMN, DUE_COLUMN = 2, 3  # first after the name: visible on a small screen


class PersonTableModel(RowTableModel[PersonRow]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(COLUMNS, parent, is_active=lambda r: r.active)

    def extra_data(self, row: PersonRow, column: int, role: int) -> Any:
        colour = STATUS_COLOURS.get(row.status)
        if colour is None or column not in (STATUS_COLUMN, DUE_COLUMN):
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(colour)
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(INK)
        return None
