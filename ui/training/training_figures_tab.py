"""Figures tab of the Training screen: sessions per quarter and the refreshers falling due."""

from __future__ import annotations

from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QTableView, QVBoxLayout, QWidget

from models.services import Services
from models.training.rows import QuarterFigures
from models.training.service import RefresherDue
from ui.widgets.row_table_model import RowColumn, RowTableModel

QUARTERS = 8
QUARTER_COLUMNS: list[RowColumn[QuarterFigures]] = [
    RowColumn("Quarter", lambda r: r.label),
    RowColumn("Sessions", lambda r: r.figures.sessions, numeric=True),
    RowColumn(
        "Personnel trained",
        lambda r: r.figures.personnel_trained,
        numeric=True,
        tooltip="Different roster people at a session that counts as training",
    ),
    RowColumn("Roster attendances", lambda r: r.figures.personnel_attendances, numeric=True),
    RowColumn("Outside attendees", lambda r: r.figures.outside_attendees, numeric=True),
    RowColumn("Total attendees", lambda r: r.figures.total_attendees, numeric=True),
]
DUE_COLUMNS: list[RowColumn[RefresherDue]] = [
    RowColumn("Name", lambda r: r.name),
    RowColumn("Refresher due", lambda r: r.due_on.isoformat()),
    RowColumn("", lambda r: "overdue" if r.overdue else "due soon"),
]


def _table(model: RowTableModel) -> QTableView:
    table = QTableView()
    table.setModel(model)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setStretchLastSection(True)
    table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    return table


class TrainingFiguresTab(QWidget):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.quarter_model: RowTableModel[QuarterFigures] = RowTableModel(QUARTER_COLUMNS, self)
        self.due_model: RowTableModel[RefresherDue] = RowTableModel(DUE_COLUMNS, self)
        self.quarter_table = _table(self.quarter_model)
        self.due_table = _table(self.due_model)
        self.quarter_box = QGroupBox(f"Sessions per quarter (last {QUARTERS})")
        QVBoxLayout(self.quarter_box).addWidget(self.quarter_table)
        self.due_box = QGroupBox("Refreshers due or overdue")
        QVBoxLayout(self.due_box).addWidget(self.due_table)
        layout = QHBoxLayout(self)
        layout.addWidget(self.quarter_box, 3)
        layout.addWidget(self.due_box, 2)

    def refresh(self) -> None:
        training = self._services.training
        self.quarter_model.set_rows(training.sessions_per_quarter(QUARTERS)[::-1])
        self.due_model.set_rows(training.list_refreshers_due(None))
        self.due_box.setTitle(
            f"Refreshers due within {training.refresher_policy()[1]} days or overdue"
        )
        for table in (self.quarter_table, self.due_table):
            table.resizeColumnsToContents()
