"""Review stored texts that look like personal data and redact them, one selected row at a time.

Shows the text itself to the quartermaster on this screen only (the command-line check and the
logs never print it); knows the text-audit service, not the database.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.common.errors import DomainError
from models.common.text_audit import Finding, TextAuditService
from models.common.wording import noun
from ui.widgets.error_label import error_label
from ui.widgets.screen_fit import fit_to_screen

HEADERS = ["Where", "No.", "Looks like", "Text"]


class PersonalDataDialog(QDialog):
    def __init__(self, audit: TextAuditService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Personal data in stored texts")
        self._audit = audit
        self.findings: list[Finding] = []
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, len(HEADERS))
        self.table.setHorizontalHeaderLabels(HEADERS)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.redact_button = QPushButton("Redact selected…")
        self.redact_button.setToolTip("Replace the text with [redacted]; the removal is recorded")
        close_button = QPushButton("Close")
        self.error_label = error_label()
        buttons = QHBoxLayout()
        buttons.addWidget(self.error_label, 1)
        buttons.addWidget(self.redact_button)
        buttons.addWidget(close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.redact_button.clicked.connect(self._on_redact)
        close_button.clicked.connect(self.accept)
        self.table.itemSelectionChanged.connect(self._update_button)
        fit_to_screen(self, 900, 420)
        self.refresh()

    def refresh(self) -> None:
        self.findings = self._audit.find_personal_data()
        count = len(self.findings)
        self.summary.setText(
            f"{count} stored {noun(count, 'text')} {'looks' if count == 1 else 'look'} like "
            "personal data. LBN records are anonymous: redact what identifies someone."
            if count
            else "No stored text looks like personal data."
        )
        self.table.setRowCount(count)
        for row, found in enumerate(self.findings):
            values = [found.label, str(found.row_id), found.reason, found.text]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                self.table.setItem(row, column, item)
        self._update_button()

    @Slot()
    def _update_button(self) -> None:
        self.redact_button.setEnabled(bool(self.table.selectionModel().selectedRows()))

    @Slot()
    def _on_redact(self) -> None:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        if not rows:
            return
        answer = QMessageBox.question(
            self,
            "Redact",
            f"Remove {len(rows)} {noun(len(rows), 'text')} for good? This cannot be undone; "
            "the removal is recorded with your name.",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            for row in rows:
                found = self.findings[row]
                self._audit.redact(found.table, found.column, found.row_id)
        except DomainError as refusal:
            self.error_label.setText(str(refusal))
        self.refresh()
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
