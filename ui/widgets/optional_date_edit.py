"""A date that may be absent ("not trained yet"): a check box in front of a date field."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal, Slot
from PySide6.QtWidgets import QCheckBox, QDateEdit, QHBoxLayout, QWidget


class OptionalDateEdit(QWidget):
    """Unticked means no date; the date field is disabled until the box is ticked."""

    changed = Signal()

    def __init__(self, label: str, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.check = QCheckBox(label)
        self.edit = QDateEdit(QDate(today))
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("yyyy-MM-dd")
        self.edit.setMaximumDate(QDate(today))
        self.edit.setEnabled(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.check)
        layout.addWidget(self.edit, 1)
        self.check.toggled.connect(self._on_toggled)
        self.edit.dateChanged.connect(self.changed)

    def value(self) -> date | None:
        return self.edit.date().toPython() if self.check.isChecked() else None  # type: ignore[return-value]

    def set_value(self, day: date | None) -> None:
        self.check.setChecked(day is not None)
        if day is not None:
            self.edit.setDate(QDate(day))

    @Slot(bool)
    def _on_toggled(self, checked: bool) -> None:
        self.edit.setEnabled(checked)
        self.changed.emit()


def day_of(edit: QDateEdit) -> date:
    """The day a date edit shows, as a `date` (Qt's toPython is typed as any object)."""
    value = edit.date().toPython()
    assert isinstance(value, date)
    return value
