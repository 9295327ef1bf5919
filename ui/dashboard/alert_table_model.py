"""Table model of alerts: what, where, how much, when, status; knows rows, not the database."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from models.alerts.rows import AlertRow, AlertStatus, Severity
from ui.widgets.row_table_model import RowColumn, RowTableModel, sort_rows

SEVERITY_COLOURS = {
    Severity.CRITICAL: QColor("#f4b6b6"),
    Severity.WARNING: QColor("#ffd8a8"),
    Severity.NOTICE: QColor("#fff3b0"),
}
INK = QColor("#1a1a1a")
DECIDED = QColor("#7a7a7a")


def when_text(alert: AlertRow) -> str:
    if alert.when is None:
        return "now"
    return f"{alert.when:%Y-%m-%d}"


def status_text(alert: AlertRow) -> str:
    if alert.status is AlertStatus.SNOOZED and alert.until is not None:
        return f"Snoozed to {alert.until:%Y-%m-%d}"
    if alert.status is AlertStatus.ACKNOWLEDGED:
        return "Acknowledged"
    return alert.action.label.rstrip("…").replace("Open ", "→ ")


COLUMNS: list[RowColumn[AlertRow]] = [
    RowColumn(
        "Alert",
        lambda a: a.kind.label,
        tooltip="Coloured by priority: red critical, orange warning, yellow notice",
    ),
    RowColumn("What", lambda a: a.what),
    RowColumn("Where", lambda a: a.where),
    RowColumn("How much", lambda a: a.how_much, numeric=True),
    RowColumn("When", when_text, tooltip="Expiry, rotation or due date"),
    RowColumn("Next step", status_text),
]


class AlertTableModel(RowTableModel[AlertRow]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(COLUMNS, parent)

    def extra_data(self, row: AlertRow, column: int, role: int) -> Any:
        decided = row.status is not AlertStatus.OPEN
        if role == Qt.ItemDataRole.BackgroundRole and column == 0 and not decided:
            return QBrush(SEVERITY_COLOURS[row.severity])
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(DECIDED if decided else INK) if decided or column == 0 else None
        if role == Qt.ItemDataRole.ToolTipRole and column == 0:
            return f"{row.severity.label}: {row.detail}"
        if role == Qt.ItemDataRole.ToolTipRole:
            note = f"\n\n{row.status.value.capitalize()}: {row.status_note}" if decided else ""
            return row.detail + note
        return None

    def _sort_rows(self, column: int, order: Qt.SortOrder) -> None:
        if column != 0:
            super()._sort_rows(column, order)
            return
        sort_rows(self, self._rows, lambda a: (a.severity, a.when or date.max), order)
