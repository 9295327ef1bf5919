"""Acknowledge or snooze an alert with a reason; refusals show in the dialog."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from models.alerts.rows import AlertRow
from models.common.errors import DomainError
from models.services import Services
from ui.widgets.input_limits import limit_free_text
from ui.widgets.screen_fit import fit_to_screen


class AlertDecisionDialog(QDialog):
    """Acknowledge (hidden while the condition stays) or snooze (hidden for some days)."""

    def __init__(
        self, services: Services, alert: AlertRow, snooze: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._services, self._alert, self._snooze = services, alert, snooze
        self.setWindowTitle("Snooze alert" if snooze else "Acknowledge alert")
        summary = QLabel(f"<b>{alert.what}</b><br>{alert.where}")
        summary.setWordWrap(True)
        explain = QLabel(
            "It comes back after these days, or sooner if the situation changes."
            if snooze
            else "It stays hidden while the situation stays as it is now; "
            "it comes back if it changes (e.g. a nearer expiry band, a different quantity)."
        )
        explain.setWordWrap(True)
        self.reason = limit_free_text(QLineEdit())
        self.reason.setPlaceholderText("e.g. kept for training, order already placed")
        self.days = QSpinBox()
        self.days.setRange(1, 365)
        self.days.setValue(7)
        self.days.setSuffix(" days")
        self.error_label = QLabel()
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._on_accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow("Reason", self.reason)
        if snooze:
            form.addRow("Snooze for", self.days)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(explain)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        fit_to_screen(self, 440, self.sizeHint().height())

    @Slot()
    def _on_accept(self) -> None:
        alerts, a = self._services.alerts, self._alert
        try:
            if self._snooze:
                alerts.snooze(a.key, a.fingerprint, self.days.value(), self.reason.text())
            else:
                alerts.acknowledge(a.key, a.fingerprint, self.reason.text())
        except DomainError as refusal:
            self.error_label.setText(str(refusal))
            return
        self.accept()
