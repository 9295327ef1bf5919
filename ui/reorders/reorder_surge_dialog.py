"""Demand surges: raise reorder targets for a station (or the agency) during a spike."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QDate, Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models.common.errors import DomainError
from models.reorders.rows import SurgeRow
from models.services import Services
from ui.widgets.error_label import ERROR_STYLE
from ui.widgets.input_limits import limit_free_text
from ui.widgets.optional_date_edit import day_of
from ui.widgets.screen_fit import fit_to_screen


class ReorderSurgeDialog(QDialog):
    """Lists current and coming surges; adds one, or ends the selected one early."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Demand surges")
        self._services = services
        self.changed = False
        today = services.clock.today()
        self.surges = QListWidget()
        self.surges.setAccessibleName("Demand surges")
        self.surges.setWordWrap(True)
        self.end_button = QPushButton("End selected surge")
        self.station = QComboBox()
        self.station.addItem("Whole agency", None)
        for place in services.catalog.list_locations(include_inactive=False):
            if place.kind == "station":
                self.station.addItem(place.name, place.id)
        self.factor = QDoubleSpinBox()
        self.factor.setRange(1.05, 5.0)
        self.factor.setSingleStep(0.25)
        self.factor.setValue(1.5)
        self.factor.setPrefix("× ")
        self.starts_on = _date_edit(QDate(today))
        self.ends_on = _date_edit(QDate(today + timedelta(days=30)))
        self.reason = limit_free_text(QLineEdit())
        self.reason.setPlaceholderText("e.g. overdose spike reported by the county (no names)")
        self.add_button = QPushButton("Add surge")
        self.error_label = QLabel()
        self.error_label.setObjectName("error")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(ERROR_STYLE)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow("For", self.station)
        form.addRow("Factor", self.factor)
        period = QHBoxLayout()
        period.addWidget(self.starts_on)
        period.addWidget(QLabel("to"))
        period.addWidget(self.ends_on)
        period.addStretch(1)
        form.addRow("From", period)
        form.addRow("Reason", self.reason)
        intro = QLabel(
            "A surge multiplies the maximum and minimum stock while it lasts (e.g. during an "
            "overdose spike); it is shown on every reorder sheet made meanwhile."
        )
        intro.setWordWrap(True)
        root = QVBoxLayout(self)
        root.addWidget(intro)
        root.addWidget(self.surges, 1)
        root.addWidget(self.end_button)
        root.addLayout(form)
        root.addWidget(self.add_button)
        root.addWidget(self.error_label)
        root.addWidget(buttons)
        self.add_button.clicked.connect(self._on_add)
        self.end_button.clicked.connect(self._on_end)
        fit_to_screen(self, 560, 480)
        self._reload()

    def _reload(self) -> None:
        self.surges.clear()
        for row in self._services.reorders.list_surges():
            item = QListWidgetItem(_describe(row))
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            self.surges.addItem(item)
        if not self.surges.count():
            self.surges.addItem("No current or planned surge.")
        self.end_button.setEnabled(self.surges.item(0).data(Qt.ItemDataRole.UserRole) is not None)

    @Slot()
    def _on_add(self) -> None:
        try:
            self._services.reorders.add_surge(
                round(self.factor.value(), 2),
                day_of(self.starts_on),
                day_of(self.ends_on),
                self.reason.text(),
                station_id=self.station.currentData(),
            )
        except DomainError as refusal:
            self.error_label.setText(str(refusal))
            return
        self.error_label.clear()
        self.reason.clear()
        self.changed = True
        self._reload()

    @Slot()
    def _on_end(self) -> None:
        item = self.surges.currentItem()
        surge_id = item.data(Qt.ItemDataRole.UserRole) if item else None
        if surge_id is None:
            self.error_label.setText("Select a surge to end.")
            return
        try:
            self._services.reorders.end_surge(surge_id)
        except DomainError as refusal:
            self.error_label.setText(str(refusal))
            return
        self.changed = True
        self._reload()


def _describe(row: SurgeRow) -> str:
    state = "active" if row.active else "planned"
    return (
        f"{row.station_name}: ×{row.factor:g} from {row.starts_on:%Y-%m-%d} to "
        f"{row.ends_on:%Y-%m-%d} ({state}) — {row.reason}"
    )


def _date_edit(day: QDate) -> QDateEdit:
    edit = QDateEdit(day)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit
