"""Log program feedback: date, who it came from, category and what was said (screened)."""

from __future__ import annotations

from PySide6.QtCore import QDate, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from models.common.errors import DomainError
from models.services import Services
from models.training.elements import FEEDBACK_CATEGORIES, FEEDBACK_SOURCES
from models.training.rows import FeedbackRow
from ui.widgets.error_label import error_label
from ui.widgets.screen_fit import fit_to_screen


class FeedbackDialog(QDialog):
    """Text with a phone number, address, e-mail or birth date is refused in the dialog."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Log feedback")
        self._services = services
        self.result_row: FeedbackRow | None = None
        today = QDate(services.clock.today())
        self.received_on = QDateEdit(today)
        self.received_on.setCalendarPopup(True)
        self.received_on.setDisplayFormat("yyyy-MM-dd")
        self.received_on.setMaximumDate(today)
        self.source = QComboBox()
        for code, label in FEEDBACK_SOURCES.items():
            self.source.addItem(label, code)
        self.category = QComboBox()
        for code, label in FEEDBACK_CATEGORIES.items():
            self.category.addItem(label, code)
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText(
            "What happened or what was suggested. Leave out names, addresses, phone numbers and "
            "anything else that could identify a recipient."
        )
        self.error_label = error_label()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        form = QFormLayout()
        form.addRow("Received on", self.received_on)
        form.addRow("From", self.source)
        form.addRow("Category", self.category)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self._on_accept)
        self.buttons.rejected.connect(self.reject)
        fit_to_screen(self, 520, 360)

    @Slot()
    def _on_accept(self) -> None:
        try:
            self.result_row = self._services.training.add_feedback(
                self.received_on.date().toPython(),  # type: ignore[arg-type]
                self.source.currentData(),
                self.category.currentData(),
                self.text.toPlainText(),
            )
        except DomainError as refusal:
            self.error_label.setText(str(refusal))
            return
        self.accept()
