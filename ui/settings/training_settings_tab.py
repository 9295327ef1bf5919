"""Training settings tab: refresher interval and the warning window before a refresher is due."""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from models.common.errors import DomainError
from models.services import Services
from models.training.rules import MAX_REFRESHER_MONTHS, MAX_WARNING_DAYS
from ui.widgets.error_label import ERROR_STYLE


class TrainingSettingsTab(QWidget):
    data_changed = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.months = QSpinBox()
        self.months.setRange(1, MAX_REFRESHER_MONTHS)
        self.months.setSuffix(" months")
        self.warning_days = QSpinBox()
        self.warning_days.setRange(0, MAX_WARNING_DAYS)
        self.warning_days.setSuffix(" days")
        for box in (self.months, self.warning_days):
            box.setMaximumWidth(160)
        self.save_button = QPushButton("Save")
        self.message = QLabel()
        self.message.setWordWrap(True)
        explanation = QLabel(
            "A refresher falls due this long after a person's LBN training, or after their "
            "overdose-recognition/naloxone training if that is older. Personnel count as trained "
            "until the day the refresher is due; from the day after they are overdue. The warning "
            "window decides when the dashboard and the roster start showing 'due soon'."
        )
        explanation.setWordWrap(True)
        form = QFormLayout()
        form.addRow("Refresher interval", self.months)
        form.addRow("Warn before due", self.warning_days)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addStretch(1)
        self.save_button.clicked.connect(self._on_save)

    def refresh(self) -> None:
        months, days = self._services.training.refresher_policy()
        self.months.setValue(months)
        self.warning_days.setValue(days)
        self.message.clear()

    @Slot()
    def _on_save(self) -> None:
        try:
            self._services.training.set_refresher_policy(
                self.months.value(), self.warning_days.value()
            )
        except DomainError as refusal:
            self.message.setStyleSheet(ERROR_STYLE)
            self.message.setText(str(refusal))
            return
        self.message.setStyleSheet("color: #1b5e20;")
        self.message.setText("Saved. Due dates on the roster use the new interval.")
        self.data_changed.emit()
