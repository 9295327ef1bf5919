"""Agency settings tab: the agency's name and contacts (they head every report and request)
and the expiry colour bands used by every stock table."""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from models.common.errors import DomainError
from models.common.settings import AgencyProfile
from models.services import Services
from ui.widgets.error_label import error_label
from ui.widgets.expiry_style import bands_of, legend_html

# Setting key -> label of the text fields (the address is a multi-line field of its own).
TEXT_FIELDS = {
    "agency_name": "Agency name",
    "agency_phone": "Phone",
    "agency_email": "E-mail",
    "program_director": "Program director",
    "clinical_director": "Clinical director",
}

# Field -> the AgencyProfile attribute it edits.
PROFILE_FIELDS = {
    "agency_name": "name",
    "agency_phone": "phone",
    "agency_email": "email",
    "program_director": "program_director",
    "clinical_director": "clinical_director",
}


class AgencySettingsTab(QWidget):
    data_changed = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.fields = {key: QLineEdit() for key in TEXT_FIELDS}
        self.fields["agency_name"].setPlaceholderText("e.g. Demo County Sheriff's Office")
        self.address = QPlainTextEdit()
        self.address.setPlaceholderText("Street, town, ZIP (ship-to address for requests)")
        self.address.setFixedHeight(self.fontMetrics().height() * 4)
        self.first_band = QSpinBox()
        self.second_band = QSpinBox()
        for spin in (self.first_band, self.second_band):
            spin.setRange(1, 3650)
            spin.setSuffix(" days")
            spin.setMaximumWidth(140)
        self.legend = QLabel()
        self.save_button = QPushButton("Save")
        self.error_label = error_label()
        self.saved_label = QLabel()
        self.saved_label.setStyleSheet("color: #2e6b30;")
        self._layout()
        self.save_button.clicked.connect(self._on_save)
        self.first_band.valueChanged.connect(self._update_legend)
        self.second_band.valueChanged.connect(self._update_legend)

    def _layout(self) -> None:
        agency = QGroupBox("Agency (printed on reports, reorder requests and cards)")
        form = QFormLayout(agency)
        form.addRow(TEXT_FIELDS["agency_name"], self.fields["agency_name"])
        form.addRow("Address", self.address)
        for key in list(TEXT_FIELDS)[1:]:
            form.addRow(TEXT_FIELDS[key], self.fields[key])
        bands = QGroupBox("Expiry colours in stock tables")
        band_form = QFormLayout(bands)
        band_form.addRow("Orange: expires within", self.first_band)
        band_form.addRow("Yellow: expires within", self.second_band)
        band_form.addRow("Legend", self.legend)
        band_form.addRow(QLabel("Expired stock is always red."))
        buttons = QHBoxLayout()
        buttons.addWidget(self.saved_label, 1)
        buttons.addWidget(self.save_button)
        column = QWidget()
        column.setMaximumWidth(760)  # a form, not a banner: keep labels near their fields
        box = QVBoxLayout(column)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(agency)
        box.addWidget(bands)
        box.addWidget(self.error_label)
        box.addLayout(buttons)
        root = QVBoxLayout(self)
        root.addWidget(column)
        root.addStretch(1)

    def refresh(self) -> None:
        settings = self._services.settings
        profile = settings.agency_profile()
        for key, field in self.fields.items():
            field.setText(getattr(profile, PROFILE_FIELDS[key]))
        self.address.setPlainText(profile.address)
        first, second = bands_of(self._services)
        self.first_band.setValue(first)
        self.second_band.setValue(second)
        self.error_label.clear()
        self.saved_label.clear()
        self._update_legend()

    @Slot()
    def _update_legend(self) -> None:
        self.legend.setText(legend_html((self.first_band.value(), self.second_band.value())))

    @Slot()
    def _on_save(self) -> None:
        self.saved_label.clear()
        try:
            texts = {PROFILE_FIELDS[key]: field.text() for key, field in self.fields.items()}
            self._services.settings.save_agency(
                AgencyProfile(
                    **texts,
                    address=self.address.toPlainText(),
                    bands=(self.first_band.value(), self.second_band.value()),
                )
            )
        except DomainError as refusal:
            self.error_label.setText(str(refusal))  # nothing was saved
            return
        self.error_label.clear()
        self.saved_label.setText("Saved.")
        self.data_changed.emit()
