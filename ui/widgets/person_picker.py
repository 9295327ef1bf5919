"""Dialog where the person at the keyboard picks their name from the roster (and types a PIN).

Knows the people service; not how long a station remembers the choice.
"""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.common.errors import DomainError
from models.services import Services
from ui.widgets.error_label import error_label
from ui.widgets.screen_fit import fit_to_screen

PersonRole = 256  # Qt.ItemDataRole.UserRole


class PersonPickerDialog(QDialog):
    """Choose who you are; Cancel leaves the station looking only (viewer)."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.setWindowTitle("Who is at the keyboard?")
        self.people = QListWidget()
        for choice in services.people.list_choices():
            lock = " (PIN)" if choice.has_pin else ""
            item = QListWidgetItem(f"{choice.name} - {choice.role.label}{lock}")
            item.setData(PersonRole, choice.person_id)
            self.people.addItem(item)
        self.people.setCurrentRow(0)
        self.pin = QLineEdit()
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setPlaceholderText("PIN, if you have one")
        self.error = error_label()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Sign in")
        buttons.accepted.connect(self._on_accept)
        buttons.rejected.connect(self.reject)
        self.people.itemDoubleClicked.connect(lambda _item: self._on_accept())
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Pick your name. What you record is saved under it."))
        layout.addWidget(self.people)
        layout.addWidget(self.pin)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        fit_to_screen(self, 420, 380)

    @Slot()
    def _on_accept(self) -> None:
        item = self.people.currentItem()
        if item is None:
            self.error.setText("Pick your name first.")
            return
        try:
            self._services.people.sign_in(int(item.data(PersonRole)), self.pin.text())
        except DomainError as refusal:
            self.error.setText(str(refusal))
            self.pin.clear()
            return
        self.accept()
