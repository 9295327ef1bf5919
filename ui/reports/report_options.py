"""The choices a report takes: period (with quick presets), locations, and partner."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QWidget,
)

from models.reports.rows import Period, last_quarter
from models.services import Services
from models.stock.entities import LocationKind

CUSTOM = "Custom"


def presets(today: date) -> dict[str, Period]:
    """Periods partners and supervisors usually ask for, relative to today."""
    month_start = today.replace(day=1)
    last_month_end = month_start - timedelta(days=1)
    quarter_start = date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)
    return {
        "Last quarter": last_quarter(today),
        "This quarter so far": Period(quarter_start, today),
        "Last month": Period(last_month_end.replace(day=1), last_month_end),
        "This year so far": Period(date(today.year, 1, 1), today),
        "Last year": Period(date(today.year - 1, 1, 1), date(today.year - 1, 12, 31)),
    }


class ReportOptions(QWidget):
    """Period, locations and partner; parts that a report does not use are disabled."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.preset = QComboBox()
        self.start = QDateEdit()
        self.end = QDateEdit()
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.locations = QListWidget()
        self.locations.setToolTip("Tick places to report on; none ticked means all locations")
        self.partner = QComboBox()
        self.partner.setToolTip("Whose suppression threshold and name the summary uses")
        self.location_hint = QLabel("None ticked: all locations")
        dates = QHBoxLayout()
        dates.addWidget(self.start)
        dates.addWidget(QLabel("to"))
        dates.addWidget(self.end)
        dates.addStretch(1)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow("Period", self.preset)
        form.addRow("", dates)
        form.addRow("Partner", self.partner)
        form.addRow("Locations", self.location_hint)
        form.addRow(self.locations)
        self.preset.currentTextChanged.connect(self._on_preset)
        self.start.dateChanged.connect(self._on_date_edited)
        self.end.dateChanged.connect(self._on_date_edited)
        self.locations.itemChanged.connect(self._on_location_ticked)
        self._presets = presets(services.clock.today())
        self.preset.addItems([*self._presets, CUSTOM])

    def refresh(self) -> None:
        ticked = set(self.location_ids() or [])
        self.locations.blockSignals(True)
        self.locations.clear()
        for place in self._services.catalog.list_locations(include_inactive=False):
            if LocationKind(place.kind).is_virtual:
                continue
            depth = place.path.count(" / ")
            item = QListWidgetItem("    " * depth + place.name)
            item.setData(Qt.ItemDataRole.UserRole, place.id)
            item.setToolTip(place.path)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = place.id in ticked
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.locations.addItem(item)
        self.locations.blockSignals(False)
        self._on_location_ticked()
        chosen = self.partner.currentData()
        self.partner.clear()
        self.partner.addItem("No partner (hide counts 1-9)", None)
        for p in self._services.partners.list_partners(include_inactive=False):
            self.partner.addItem(f"{p.name} (hide 1-{p.suppression_threshold - 1})", p.id)
        self.partner.setCurrentIndex(max(self.partner.findData(chosen), 0))
        if self.preset.currentText() != CUSTOM:
            self._on_preset(self.preset.currentText())

    def period(self) -> Period:
        return Period(self.start.date().toPython(), self.end.date().toPython())  # type: ignore[arg-type]

    def location_ids(self) -> list[int] | None:
        ids = [
            int(self.locations.item(k).data(Qt.ItemDataRole.UserRole))
            for k in range(self.locations.count())
            if self.locations.item(k).checkState() == Qt.CheckState.Checked
        ]
        return ids or None

    def partner_id(self) -> int | None:
        return self.partner.currentData()

    def partner_label(self) -> str:
        return "" if self.partner_id() is None else self.partner.currentText().split(" (")[0]

    def set_period(self, period: Period) -> None:
        self.preset.setCurrentText(CUSTOM)
        self.start.setDate(QDate(period.start))
        self.end.setDate(QDate(period.end))

    def enable(self, period: bool, locations: bool, partner: bool) -> None:
        for widget in (self.preset, self.start, self.end):
            widget.setEnabled(period)
        self.locations.setEnabled(locations)
        self.location_hint.setEnabled(locations)
        self.partner.setEnabled(partner)

    @Slot(str)
    def _on_preset(self, name: str) -> None:
        chosen = self._presets.get(name)
        if chosen is None:
            return
        for edit, day in ((self.start, chosen.start), (self.end, chosen.end)):
            edit.blockSignals(True)
            edit.setDate(QDate(day))
            edit.blockSignals(False)

    @Slot()
    def _on_date_edited(self) -> None:
        self.preset.blockSignals(True)
        self.preset.setCurrentText(CUSTOM)
        self.preset.blockSignals(False)

    @Slot()
    def _on_location_ticked(self) -> None:
        count = len(self.location_ids() or [])
        self.location_hint.setText(
            "None ticked: all locations" if not count else f"{count} ticked (with what is inside)"
        )
