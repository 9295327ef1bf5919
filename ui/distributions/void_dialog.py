"""Void a distribution or an administration with a reason; the stock goes back, history stays."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from models.common.errors import DomainError
from models.common.wording import noun
from models.distributions.rows import AdministrationRow, DistributionRow
from models.services import Services
from ui.widgets.error_label import error_label
from ui.widgets.input_limits import limit_free_text
from ui.widgets.screen_fit import fit_to_screen


def describe(record: DistributionRow | AdministrationRow) -> str:
    if isinstance(record, DistributionRow):
        return (
            f"Distribution no. {record.id} of {record.occurred_on:%Y-%m-%d}: "
            f"{record.kits} {noun(record.kits, 'kit')} "
            f"from {record.location_path}, ZIP {record.zip_code}, {record.setting_label}, "
            f"{record.relationship_label}."
        )
    source = "from an opened kit" if record.from_kit else "loose doses"
    return (
        f"Administration no. {record.id} of {record.occurred_on:%Y-%m-%d}: "
        f"{record.doses} {noun(record.doses, 'dose')}, {source}, {record.location_path}."
    )


class VoidDialog(QDialog):
    def __init__(
        self,
        services: Services,
        record: DistributionRow | AdministrationRow,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Void record")
        self._services, self._record = services, record
        self.result_row: DistributionRow | AdministrationRow | None = None
        summary = QLabel(describe(record))
        summary.setWordWrap(True)
        what = "kits" if isinstance(record, DistributionRow) else "doses (and any opened kit)"
        explanation = QLabel(
            f"Voiding puts the {what} back where they came from with a reversing movement. "
            "The record stays in the log, marked voided, and leaves all figures."
        )
        explanation.setWordWrap(True)
        self.reason = limit_free_text(QLineEdit())
        self.reason.setPlaceholderText("e.g. entered twice, wrong vehicle")
        self.error_label = error_label()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Void record")
        form = QFormLayout()
        form.addRow("Reason", self.reason)
        root = QVBoxLayout(self)
        root.addWidget(summary)
        root.addWidget(explanation)
        root.addLayout(form)
        root.addWidget(self.error_label)
        root.addWidget(self.buttons)
        self.buttons.accepted.connect(self._on_accept)
        self.buttons.rejected.connect(self.reject)
        fit_to_screen(self, 480, 220)

    @Slot()
    def _on_accept(self) -> None:
        distributions = self._services.distributions
        try:
            if isinstance(self._record, DistributionRow):
                self.result_row = distributions.void_distribution(
                    self._record.id, self.reason.text()
                )
            else:
                self.result_row = distributions.void_administration(
                    self._record.id, self.reason.text()
                )
        except DomainError as refusal:
            self.error_label.setText(str(refusal))  # nothing was written
            return
        self.accept()
