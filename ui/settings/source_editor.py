"""Form for one free naloxone source (who supplies what, how to order, lead time, cap).

It reads and fills `SourceRow` values; saving is the Sources tab's business.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from models.stock.rows import SourceRow

PROGRAM_TYPES = {
    "state_oopp": "State Opioid Overdose Prevention Program (OOPP)",
    "county_program": "County program / OEM",
    "regional_ems": "Regional EMS council",
    "city_health_department": "City health department",
    "state_agency": "State agency",
    "harm_reduction": "Harm-reduction partner",
    "manufacturer": "Manufacturer program",
    "other": "Other",
}
ORDERING_METHODS = {
    "email": "E-mail",
    "phone": "Phone",
    "form": "Paper or PDF form",
    "portal": "Online portal",
    "pickup": "Pick-up in person",
    "other": "Other",
}
LINE_FIELDS = {
    "name": "Name",
    "contact_name": "Contact",
    "phone": "Phone",
    "email": "E-mail",
    "registration_number": "Our registration no.",
}


def _choice_combo(choices: dict[str, str]) -> QComboBox:
    combo = QComboBox()
    for code, label in choices.items():
        combo.addItem(label, code)
    return combo


def _text_box(lines: int, placeholder: str) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setPlaceholderText(placeholder)
    box.setFixedHeight(box.fontMetrics().height() * lines + 12)
    return box


class SourceEditor(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lines = {key: QLineEdit() for key in LINE_FIELDS}
        self.lines["registration_number"].setPlaceholderText("e.g. OOPP registration number")
        self.program_type = _choice_combo(PROGRAM_TYPES)
        self.ordering_method = _choice_combo(ORDERING_METHODS)
        self.supplies = _text_box(2, "What it supplies, e.g. Narcan 4 mg for registered programs")
        self.address = _text_box(2, "Postal address")
        self.notes = _text_box(3, "How to request, what the request must carry…")
        self.lead_time = QSpinBox()
        self.lead_time.setRange(0, 365)
        self.lead_time.setSuffix(" days")
        self.cap = QSpinBox()
        self.cap.setRange(0, 100_000)
        self.cap.setSpecialValueText("no cap")
        self.cap.setSuffix(" packages")
        form = QFormLayout(self)
        form.addRow("Name", self.lines["name"])
        form.addRow("Program type", self.program_type)
        form.addRow("Supplies", self.supplies)
        for key in ("contact_name", "phone", "email"):
            form.addRow(LINE_FIELDS[key], self.lines[key])
        form.addRow("Address", self.address)
        form.addRow("Ordering method", self.ordering_method)
        form.addRow(LINE_FIELDS["registration_number"], self.lines["registration_number"])
        form.addRow("Lead time", self.lead_time)
        form.addRow("Allocation cap", self.cap)
        form.addRow("Notes", self.notes)

    def load(self, source: SourceRow | None) -> None:
        """Fill the form from a source, or empty it for a new one."""
        for key, field in self.lines.items():
            field.setText(str(getattr(source, key) or "") if source else "")
        _set_choice(self.program_type, source.program_type if source else "other")
        _set_choice(self.ordering_method, source.ordering_method if source else "email")
        self.supplies.setPlainText(source.supplies or "" if source else "")
        self.address.setPlainText(source.address or "" if source else "")
        self.notes.setPlainText(source.notes or "" if source else "")
        self.lead_time.setValue(source.lead_time_days if source else 14)
        self.cap.setValue(source.allocation_cap_packages or 0 if source else 0)

    def values(self) -> dict[str, Any]:
        """The form as `CatalogService.save_source` keywords (empty text becomes None)."""
        values: dict[str, Any] = {
            key: field.text().strip() or None for key, field in self.lines.items()
        }
        values["name"] = values["name"] or ""
        values["program_type"] = self.program_type.currentData()
        values["ordering_method"] = self.ordering_method.currentData()
        for key, box in (
            ("supplies", self.supplies),
            ("address", self.address),
            ("notes", self.notes),
        ):
            values[key] = box.toPlainText().strip() or None
        values["lead_time_days"] = self.lead_time.value()
        values["allocation_cap_packages"] = self.cap.value() or None
        return values


def _set_choice(combo: QComboBox, code: str) -> None:
    """Select `code`; a code typed elsewhere (older data, imports) is kept as its own entry."""
    index = combo.findData(code)
    if index < 0:
        combo.addItem(code.replace("_", " "), code)
        index = combo.count() - 1
    combo.setCurrentIndex(index)
