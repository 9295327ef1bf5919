"""Record naloxone used by personnel on scene: loose doses, or doses from a kit they opened."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from models.common.dates import parse_day
from models.common.errors import DomainError, KeptOffline, ValidationError
from models.distributions.recording import COMMENT_LIMIT
from models.distributions.rows import AdministrationEntry, AdministrationRow
from models.services import Services
from ui.widgets.editable_combo import editor_of
from ui.widgets.error_label import error_label
from ui.widgets.input_limits import limit_free_text
from ui.widgets.screen_fit import fit_to_screen


class AdministrationDialog(QDialog):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Record naloxone administered on scene")
        self._services = services
        self.result_row: AdministrationRow | None = None
        intro = QLabel(
            "Doses personnel used on someone at the scene (not left behind). They are counted "
            "apart from leave-behind kits. Opening a kit breaks it: its other contents stay on "
            "the vehicle as loose stock."
        )
        intro.setWordWrap(True)
        self.date = QLineEdit(services.clock.today().isoformat())
        self.date.setToolTip("2026-01-14, 1/14, 't' today, 'y' yesterday")
        self.doses = QSpinBox()
        self.doses.setRange(1, 20)
        self.location = QComboBox()
        for point in services.distributions.list_issue_points():
            text = f"{point.path} — {point.doses} loose doses, {point.kits} kits"
            self.location.addItem(text, point.location_id)
        self.loose = QRadioButton("Loose doses")
        self.from_kit = QRadioButton("From a kit (the kit is opened)")
        self.loose.setChecked(True)
        self._source = QButtonGroup(self)
        self._source.addButton(self.loose)
        self._source.addButton(self.from_kit)
        self.zip = QComboBox()
        self.zip.setEditable(True)
        self.zip.addItem("")
        self.zip.addItems(services.distributions.service_area_zips())
        editor_of(self.zip).setPlaceholderText("optional")
        self.comment = limit_free_text(QLineEdit(), COMMENT_LIMIT)
        self.comment.setPlaceholderText("optional note — no names, phones, addresses, case numbers")
        self.error_label = error_label()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Record")
        source = QHBoxLayout()
        source.addWidget(self.loose)
        source.addWidget(self.from_kit)
        source.addStretch(1)
        form = QFormLayout()
        form.addRow("Date", self.date)
        form.addRow("Doses", self.doses)
        form.addRow("Vehicle / location", self.location)
        form.addRow("Taken from", source)
        form.addRow("ZIP", self.zip)
        form.addRow("Comment", self.comment)
        root = QVBoxLayout(self)
        root.addWidget(intro)
        root.addLayout(form)
        root.addWidget(self.error_label)
        root.addWidget(self.buttons)
        self.buttons.accepted.connect(self._on_accept)
        self.buttons.rejected.connect(self.reject)
        fit_to_screen(self, 560, 330)

    def entry(self) -> AdministrationEntry:
        location_id = self.location.currentData()
        if location_id is None:
            raise ValidationError("Add a vehicle or location first (Settings → Locations).")
        return AdministrationEntry(
            occurred_on=parse_day(self.date.text(), self._services.clock.today()),
            doses=self.doses.value(),
            location_id=location_id,
            from_kit=self.from_kit.isChecked(),
            zip_code=self.zip.currentText().strip() or None,
            comment=self.comment.text(),
        )

    @Slot()
    def _on_accept(self) -> None:
        try:
            self.result_row = self._services.distributions.record_administration(self.entry())
        except KeptOffline as kept:  # not a refusal: it waits on this PC for the server
            QMessageBox.information(self, "Saved on this PC", str(kept))
            self.accept()
            return
        except DomainError as refusal:
            self.error_label.setText(str(refusal))  # nothing was written
            return
        self.accept()
