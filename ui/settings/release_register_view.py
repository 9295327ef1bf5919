"""The release register under Settings → Partners: every workbook that left, newest first.

Read-only; knows the rows the partner service lists, not how they were checked.
"""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QLabel, QTableView, QVBoxLayout, QWidget

from models.partners.release_register import ReleaseRow
from models.services import Services
from ui.widgets.row_table_model import RowColumn, RowTableModel

COLUMNS: list[RowColumn[ReleaseRow]] = [
    RowColumn("Sent", lambda r: f"{r.released_at:%Y-%m-%d %H:%M}"),
    RowColumn("Partner", lambda r: r.partner_name),
    RowColumn("Period", lambda r: f"{r.period.start:%Y-%m-%d} to {r.period.end:%Y-%m-%d}"),
    RowColumn("Figures", lambda r: r.published, True, "Figures published"),
    RowColumn("Hidden", lambda r: r.hidden, True, "Figures marked S"),
    RowColumn("By", lambda r: r.released_by),
    RowColumn("From", lambda r: r.channel),
    RowColumn("File", lambda r: r.file_name),
]
NOTE = (
    "<b>Workbooks released</b> (kept for good; each new workbook is checked against all of "
    "them). Workbooks sent before this register existed are not in it."
)


class ReleaseRegisterView(QWidget):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.model: RowTableModel[ReleaseRow] = RowTableModel(COLUMNS, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setMinimumHeight(60)  # a few rows; the tab must fit 600 pixels high
        self.note = QLabel(NOTE)
        self.note.setWordWrap(True)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.note)
        box.addWidget(self.table, 1)

    def refresh(self) -> None:
        self.model.set_rows(self._services.partners.list_releases())
        self.table.resizeColumnsToContents()
