"""Alert settings tab: expiry bands per product kind, which rules fire, dwell limits per kind
of place. Reads and saves `AlertRules` through the alert service; refusals show in the tab.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from models.alerts.rules import DWELL_KINDS, MAX_DAYS, AlertRules, parse_bands
from models.common.errors import DomainError
from models.services import Services
from models.stock.entities import ProductKind
from ui.widgets.error_label import ERROR_STYLE

KIND_LABELS = {
    ProductKind.NALOXONE: "Naloxone",
    ProductKind.TEST_STRIP: "Test strips",
    ProductKind.PROTECTIVE: "Face shields, gloves",
    ProductKind.CARD: "Cards, leaflets",
    ProductKind.POUCH: "Pouches",
    ProductKind.CARE_ITEM: "Care items",
    ProductKind.KIT: "Kits (earliest component)",
    ProductKind.OTHER: "Other",
}


def _spin(low: int, high: int, suffix: str, special: str = "") -> QSpinBox:
    box = QSpinBox()
    box.setRange(low, high)
    box.setSuffix(suffix)
    if special:
        box.setSpecialValueText(special)
    box.setMaximumWidth(150)
    return box


class AlertSettingsTab(QWidget):
    data_changed = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.bands = {kind.value: QLineEdit() for kind in ProductKind}
        for edit in self.bands.values():
            edit.setPlaceholderText("no expiry alert")
            edit.setMaximumWidth(150)
        self.expired = QCheckBox("Expired stock outside quarantine")
        self.kits = QCheckBox("Kits expiring (earliest component)")
        self.below_par = QCheckBox("Below par; vehicle restock tasks")
        self.reorder = QCheckBox("Reorder due")
        self.refreshers = QCheckBox("Refreshers due within")
        self.refresher_days = _spin(0, 365, " days")
        self.deadlines = QCheckBox("Partner reports due within")
        self.deadline_days = _spin(0, 365, " days")
        self.at_risk = QCheckBox("At-risk stock (expires before use)")
        self.consumption_days = _spin(7, 730, " days")
        self.horizon_days = _spin(1, MAX_DAYS, " days")
        self.red_percent = _spin(0, 100, " % of par")
        self.check_days = _spin(0, 365, " days", "No check policy")
        self.check_days.setToolTip("Alert when a vehicle has not had its vehicle check this long")
        self.dwell = {kind: _spin(0, MAX_DAYS, " days", "No limit") for kind in DWELL_KINDS}
        self.save_button = QPushButton("Save")
        self.defaults_button = QPushButton("Restore defaults")
        self.message = QLabel()
        self.message.setWordWrap(True)
        self._build_layout()
        self.save_button.clicked.connect(self._on_save)
        self.defaults_button.clicked.connect(lambda: self._show(AlertRules()))

    def _build_layout(self) -> None:
        bands = QGroupBox("Expiry bands: days before expiry")
        form = QFormLayout(bands)
        form.addRow(QLabel("Each band raises the alert again, e.g. 90, 60, 30."))
        for kind, edit in self.bands.items():
            form.addRow(KIND_LABELS.get(ProductKind(kind), kind), edit)
        dwell = QGroupBox("Dwell limit: effective expiry in vehicles")
        dwell_form = QFormLayout(dwell)
        note = QLabel(
            "Stock kept through heat and cold counts as expired this many days after it was "
            "placed there, if that comes before the printed date. It appears on the rotation list."
        )
        note.setWordWrap(True)
        dwell_form.addRow(note)
        for kind, box in self.dwell.items():
            dwell_form.addRow(kind.replace("_", " ").capitalize(), box)
        rules = QGroupBox("Rules")
        rules_form = QFormLayout(rules)
        for check in (self.expired, self.kits, self.below_par, self.reorder):
            rules_form.addRow(check)
        rules_form.addRow(self.refreshers, self.refresher_days)
        rules_form.addRow(self.deadlines, self.deadline_days)
        rules_form.addRow(self.at_risk)
        rules_form.addRow("    Usage measured over", self.consumption_days)
        rules_form.addRow("    Judge stock expiring within", self.horizon_days)
        rules_form.addRow("Vehicle red below", self.red_percent)
        rules_form.addRow("Check every vehicle every", self.check_days)
        left = QVBoxLayout()
        left.addWidget(bands)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(rules)
        right.addWidget(dwell)
        right.addStretch(1)
        columns = QHBoxLayout()
        columns.addLayout(left)
        columns.addLayout(right, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.defaults_button)
        buttons.addStretch(1)
        body = QWidget()
        inner = QVBoxLayout(body)
        inner.addLayout(columns)
        inner.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 4)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)  # outside the scroll area: always in reach
        layout.addWidget(self.message)

    def refresh(self) -> None:
        self._show(self._services.alerts.get_rules())
        self.message.clear()

    def _show(self, rules: AlertRules) -> None:
        for kind, edit in self.bands.items():
            edit.setText(", ".join(str(d) for d in rules.bands_for(kind)))
        self.expired.setChecked(rules.expired_outside_quarantine)
        self.kits.setChecked(rules.kit_expiry)
        self.below_par.setChecked(rules.below_par)
        self.reorder.setChecked(rules.reorder_due)
        self.refreshers.setChecked(rules.refreshers)
        self.refresher_days.setValue(rules.refresher_days)
        self.deadlines.setChecked(rules.deadlines)
        self.deadline_days.setValue(rules.deadline_days)
        self.at_risk.setChecked(rules.at_risk)
        self.consumption_days.setValue(rules.consumption_days)
        self.horizon_days.setValue(rules.at_risk_horizon_days)
        self.red_percent.setValue(rules.readiness_red_percent)
        self.check_days.setValue(rules.vehicle_check_days)
        for kind, box in self.dwell.items():
            box.setValue(rules.dwell_for(kind) or 0)

    def rules(self) -> AlertRules:
        """The rules as entered; bands that cannot be read raise a ValidationError."""
        bands = {}
        for kind, edit in self.bands.items():
            try:
                bands[kind] = parse_bands(edit.text())
            except DomainError as refusal:
                label = KIND_LABELS.get(ProductKind(kind), kind)
                raise type(refusal)(f"{label}: {refusal}") from None
        return replace(
            AlertRules(),
            expiry_bands=bands,
            expired_outside_quarantine=self.expired.isChecked(),
            kit_expiry=self.kits.isChecked(),
            below_par=self.below_par.isChecked(),
            reorder_due=self.reorder.isChecked(),
            refreshers=self.refreshers.isChecked(),
            refresher_days=self.refresher_days.value(),
            deadlines=self.deadlines.isChecked(),
            deadline_days=self.deadline_days.value(),
            at_risk=self.at_risk.isChecked(),
            consumption_days=self.consumption_days.value(),
            at_risk_horizon_days=self.horizon_days.value(),
            readiness_red_percent=self.red_percent.value(),
            vehicle_check_days=self.check_days.value(),
            dwell_days={k: box.value() for k, box in self.dwell.items() if box.value()},
        )

    @Slot()
    def _on_save(self) -> None:
        try:
            saved = self._services.alerts.save_rules(self.rules())
        except DomainError as refusal:
            self.message.setStyleSheet(ERROR_STYLE)
            self.message.setText(str(refusal))
            return
        self._show(saved)
        self.message.setStyleSheet("color: #1b5e20;")
        self.message.setText("Saved. The dashboard uses the new rules from its next refresh.")
        self.data_changed.emit()
