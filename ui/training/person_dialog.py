"""Add or edit a roster line: name, ID/badge, station, unit, role, active, training dates."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from models.common.errors import DomainError
from models.services import Services
from models.stock.entities import LocationKind
from models.training.rows import PersonRow
from models.training.rules import refresher_due
from ui.widgets.error_label import error_label
from ui.widgets.optional_date_edit import OptionalDateEdit
from ui.widgets.screen_fit import fit_to_screen

ROLES = ["Officer", "Sergeant", "Lieutenant", "Detective", "Firefighter", "EMT", "Paramedic"]


class PersonDialog(QDialog):
    """Refusals (empty name, badge already used) show in the dialog; nothing is saved then."""

    def __init__(
        self, services: Services, person: PersonRow | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Edit person" if person else "Add person")
        self._services = services
        self._person = person
        self.result_row: PersonRow | None = None
        self._months = services.training.refresher_policy()[0]
        today = services.clock.today()
        self.name = QLineEdit()
        self.name.setPlaceholderText("e.g. Dana Reyes")
        self.badge = QLineEdit()
        self.badge.setPlaceholderText("agency ID or badge number")
        self.station = QComboBox()
        self.station.addItem("(no station)", None)
        for place in services.catalog.list_locations(include_inactive=False):
            if place.kind == LocationKind.STATION:
                self.station.addItem(place.name, place.id)
        self.unit = QLineEdit()
        self.unit.setPlaceholderText("e.g. B platoon, Shift 2")
        self.role = QComboBox()
        self.role.setEditable(True)
        self.role.addItems(["", *ROLES])
        self.active = QCheckBox("Active (counts in personnel trained)")
        self.active.setChecked(True)
        self.lbn = OptionalDateEdit("Completed on", today)
        self.od = OptionalDateEdit("Completed on", today)
        self.due_label = QLabel()
        self.error_label = error_label()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        form = QFormLayout()
        form.addRow("Name", self.name)
        form.addRow("ID / badge", self.badge)
        form.addRow("Station", self.station)
        form.addRow("Unit", self.unit)
        form.addRow("Role", self.role)
        form.addRow("", self.active)
        form.addRow("LBN training", self.lbn)
        form.addRow("Overdose / naloxone training", self.od)
        form.addRow("Refresher due", self.due_label)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        hint = QLabel(
            "Recording a session updates these dates. Change them here only for training held "
            "before sessions were recorded, or to correct a mistake."
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        layout.addWidget(hint)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.lbn.changed.connect(self._show_due)
        self.od.changed.connect(self._show_due)
        self.buttons.accepted.connect(self._on_accept)
        self.buttons.rejected.connect(self.reject)
        if person is not None:
            self._load(person)
        self._show_due()
        fit_to_screen(self, 460, self.sizeHint().height())

    def _load(self, person: PersonRow) -> None:
        self.name.setText(person.name)
        self.badge.setText(person.badge or "")
        index = self.station.findData(person.station_id)
        if index < 0 and person.station_id is not None:  # an inactive station stays selectable
            self.station.addItem(person.station_name or "?", person.station_id)
            index = self.station.count() - 1
        self.station.setCurrentIndex(max(index, 0))
        self.unit.setText(person.unit or "")
        self.role.setCurrentText(person.role or "")
        self.active.setChecked(person.active)
        self.lbn.set_value(person.lbn_trained_on)
        self.od.set_value(person.od_trained_on)

    @Slot()
    def _show_due(self) -> None:
        due = refresher_due(self.lbn.value(), self.od.value(), self._months)
        self.due_label.setText(due.isoformat() if due else "— (no LBN training yet)")

    @Slot()
    def _on_accept(self) -> None:
        try:
            self.result_row = self._services.training.save_person(
                self._person.id if self._person else None,
                self.name.text(),
                self.badge.text(),
                station_id=self.station.currentData(),
                unit=self.unit.text(),
                role=self.role.currentText(),
                active=self.active.isChecked(),
                lbn_trained_on=self.lbn.value(),
                od_trained_on=self.od.value(),
            )
        except DomainError as refusal:
            self.error_label.setText(str(refusal))
            return
        self.accept()
