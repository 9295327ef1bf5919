"""Sessions tab of the Training screen: sessions held, their attendees, sign-in sheets."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QModelIndex, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from models.services import Services
from models.training.elements import ELEMENT_CODES, ELEMENT_TITLES, SessionKind
from models.training.rows import SessionRow
from models.training.sign_in_sheet_pdf import SignInSheet, sheet_for
from ui.training.sign_in_sheet_printer import SignInSheetPrinter
from ui.training.training_session_dialog import TrainingSessionDialog
from ui.widgets.row_table_model import RowColumn, RowTableModel

COLUMNS: list[RowColumn[SessionRow]] = [
    RowColumn("Date", lambda r: r.held_on.isoformat()),
    RowColumn("Type", lambda r: r.kind_label),
    RowColumn("Elements", lambda r: f"{len(r.elements)} of {len(ELEMENT_CODES)}"),
    RowColumn("Trainer", lambda r: r.trainer),
    RowColumn("Roster", lambda r: len(r.attendee_ids), numeric=True),
    RowColumn("Outside", lambda r: r.outside_headcount, numeric=True),
    RowColumn("Total", lambda r: r.total_attendees, numeric=True),
    RowColumn("Notes", lambda r: r.notes),
]


class SessionsTab(QWidget):
    data_changed = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.printer = SignInSheetPrinter(services, self)
        self.model: RowTableModel[SessionRow] = RowTableModel(COLUMNS, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.details = QLabel("Select a session to see who attended.")
        self.details.setWordWrap(True)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.record_button = QPushButton("Record session…")
        self.edit_button = QPushButton("Edit…")
        self.sheet_button = QPushButton("Sign-in sheet…")
        self.blank_button = QPushButton("Blank sign-in sheet…")
        top = QHBoxLayout()
        top.addWidget(self.record_button)
        top.addWidget(self.edit_button)
        top.addStretch(1)
        top.addWidget(self.sheet_button)
        top.addWidget(self.blank_button)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        self.record_button.clicked.connect(lambda: self.open_session(None))
        self.edit_button.clicked.connect(self._on_edit)
        self.sheet_button.clicked.connect(self.print_selected)
        self.blank_button.clicked.connect(self.print_blank)
        self.table.doubleClicked.connect(self._on_double_click)
        self.table.selectionModel().selectionChanged.connect(self._show_details)

    def refresh(self) -> None:
        self.model.set_rows(self._services.training.list_sessions())
        self.table.resizeColumnsToContents()
        self._show_details()

    def selected(self) -> SessionRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def open_session(self, session: SessionRow | None) -> TrainingSessionDialog:
        dialog = TrainingSessionDialog(self._services, session, self)
        dialog.accepted.connect(self._on_saved)
        dialog.open()
        return dialog

    @Slot()
    def print_selected(self) -> bool:
        session = self.selected()
        if session is None:
            return self.print_blank()
        ids = set(session.attendee_ids)
        people = [p for p in self._services.training.list_personnel() if p.id in ids]
        self.printer.show(
            sheet_for(
                session.kind_label, session.held_on, session.trainer, session.elements, people
            )
        )
        return True

    @Slot()
    def print_blank(self) -> bool:
        self.printer.show(SignInSheet(SessionKind.LBN_ROLL_CALL.label))
        return True

    @Slot()
    def _on_edit(self) -> None:
        session = self.selected()
        if session is not None:
            self.open_session(session)

    @Slot(QModelIndex)
    def _on_double_click(self, index: QModelIndex) -> None:
        self.open_session(self.model.row_at(index.row()))

    @Slot()
    def _on_saved(self) -> None:
        self.refresh()
        self.data_changed.emit()

    @Slot()
    def _show_details(self) -> None:
        session = self.selected()
        if session is None:
            self.details.setText("Select a session to see who attended.")
            return
        elements = ", ".join(ELEMENT_TITLES[c] for c in session.elements) or "none recorded"
        people = "; ".join(session.attendee_labels) or "nobody from the roster"
        self.details.setText(
            f"<b>{escape(session.kind_label)}</b>, {session.held_on.isoformat()}"
            f" — {session.total_attendees} attended<br><b>Elements:</b> {escape(elements)}"
            f"<br><b>Roster attendees:</b> {escape(people)}"
            f"<br><b>Outside attendees:</b> {session.outside_headcount}"
        )
