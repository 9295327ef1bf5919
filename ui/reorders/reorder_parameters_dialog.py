"""Reorder parameters: the consumption window and the maximum and minimum months of stock."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from models.common.errors import DomainError
from models.reorders.calc import (
    DEFAULT_MAX_MONTHS,
    DEFAULT_MIN_MONTHS,
    DEFAULT_WINDOW_MONTHS,
    METHOD_NOTE,
    Parameters,
)
from models.services import Services
from ui.widgets.error_label import ERROR_STYLE
from ui.widgets.screen_fit import fit_to_screen


class ReorderParametersDialog(QDialog):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Reorder parameters")
        self._services = services
        current = services.reorders.parameters()
        self.window_months = QSpinBox()
        self.window_months.setRange(1, 36)
        self.window_months.setSuffix(" months")
        self.window_months.setValue(current.window_months)
        self.max_months = _months(current.max_months)
        self.min_months = _months(current.min_months)
        note = QLabel(
            METHOD_NOTE + f"\n\nDefaults: average over {DEFAULT_WINDOW_MONTHS} months, maximum "
            f"{DEFAULT_MAX_MONTHS:g} and minimum {DEFAULT_MIN_MONTHS:g} months of stock."
        )
        note.setWordWrap(True)
        self.error_label = QLabel()
        self.error_label.setObjectName("error")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(ERROR_STYLE)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.RestoreDefaults
        )
        buttons.accepted.connect(self._on_accept)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults).clicked.connect(
            self._on_defaults
        )
        form = QFormLayout()
        form.addRow("Average consumption over the last", self.window_months)
        form.addRow("Maximum stock", self.max_months)
        form.addRow("Minimum stock (reorder point)", self.min_months)
        root = QVBoxLayout(self)
        root.addLayout(form)
        root.addWidget(note)
        root.addWidget(self.error_label)
        root.addWidget(buttons)
        fit_to_screen(self, 520, 360)

    @Slot()
    def _on_defaults(self) -> None:
        self.window_months.setValue(DEFAULT_WINDOW_MONTHS)
        self.max_months.setValue(DEFAULT_MAX_MONTHS)
        self.min_months.setValue(DEFAULT_MIN_MONTHS)

    @Slot()
    def _on_accept(self) -> None:
        try:
            self._services.reorders.save_parameters(
                Parameters(
                    self.window_months.value(), self.max_months.value(), self.min_months.value()
                )
            )
        except DomainError as refusal:
            self.error_label.setText(str(refusal))
            return
        self.accept()


def _months(value: float) -> QDoubleSpinBox:
    spin = QDoubleSpinBox()
    spin.setRange(0.5, 24)
    spin.setSingleStep(0.5)
    spin.setDecimals(1)
    spin.setSuffix(" months")
    spin.setValue(value)
    return spin
