"""Distributions screen: quick entry, the anonymous log, administrations, breakdowns and trend.

Knows services and rows only; every figure comes from DistributionService (voided excluded).
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from models.distributions.rows import DistributionRow
from models.services import Services
from ui.distributions.administration_dialog import AdministrationDialog
from ui.distributions.administration_table_model import AdministrationTableModel
from ui.distributions.count_table_model import CountTableModel
from ui.distributions.distribution_chart import DistributionChart
from ui.distributions.distribution_table_model import DistributionTableModel
from ui.distributions.quick_entry_widget import QuickEntryWidget
from ui.distributions.tally_import_dialog import TallyImportDialog
from ui.distributions.void_dialog import VoidDialog
from ui.widgets.page import Page

PRESETS = ["This month", "Last month", "This quarter", "This year", "Last 12 months", "Custom"]
GROUPS = [("ZIP code", "zip"), ("Setting", "setting"), ("Relationship", "relationship"),
          ("Vehicle / location", "location"), ("Time of day", "time_band"),
          ("Month", "month"), ("Outcome tag", "outcome")]  # fmt: skip


def months_back(day: date, months: int) -> date:
    """The first day of the month `months` before the month of `day`."""
    index = day.year * 12 + day.month - 1 - months
    return date(index // 12, index % 12 + 1, 1)


def preset_period(name: str, today: date) -> tuple[date, date]:
    first = today.replace(day=1)
    if name == "Last month":
        end = first - timedelta(days=1)
        return end.replace(day=1), end
    if name == "This quarter":
        return first.replace(month=3 * ((today.month - 1) // 3) + 1), today
    if name == "This year":
        return date(today.year, 1, 1), today
    if name == "Last 12 months":
        return months_back(today, 11), today
    return first, today


def _table(model: object) -> QTableView:
    table = QTableView()
    table.setModel(model)  # type: ignore[arg-type]
    table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _date_edit(day: date) -> QDateEdit:
    edit = QDateEdit(QDate(day.year, day.month, day.day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


class DistributionsView(Page):
    title = "Distributions"

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(services, parent)
        today = services.clock.today()
        self.preset = QComboBox()
        self.preset.addItems(PRESETS)
        start, end = preset_period("This month", today)
        self.start, self.end = _date_edit(start), _date_edit(end)
        self.administration_button = QPushButton("Record administration…")
        self.administration_button_2 = QPushButton("Record administration…")
        self.import_button = QPushButton("Import tally sheet…")
        self.void_button = QPushButton("Void selected…")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.quick_entry = QuickEntryWidget(services)
        self.log_model = DistributionTableModel(self)
        self.log_table = _table(self.log_model)
        self.search = QLineEdit()
        self.search.setPlaceholderText("Filter by ZIP, setting, relationship, vehicle (Ctrl+F)")
        self.search.setClearButtonEnabled(True)
        self.administration_model = AdministrationTableModel(self)
        self.administration_table = _table(self.administration_model)
        self.group = QComboBox()
        for label, key in GROUPS:
            self.group.addItem(label, key)
        self.count_model = CountTableModel(self)
        self.count_table = _table(self.count_model)
        self.count_table.horizontalHeader().setStretchLastSection(False)
        self.chart = DistributionChart()
        self.tabs = QTabWidget()
        self._layout()
        self._connect()

    def _layout(self) -> None:
        period = QHBoxLayout()
        period.addWidget(QLabel("Period"))
        period.addWidget(self.preset)
        period.addWidget(QLabel("from"))
        period.addWidget(self.start)
        period.addWidget(QLabel("to"))
        period.addWidget(self.end)
        period.addStretch(1)
        period.addWidget(self.void_button)
        entry = QWidget()
        entry_layout = QVBoxLayout(entry)
        entry_actions = QHBoxLayout()
        entry_actions.addWidget(QLabel("<b>After the shift</b>: type each leave-behind below, or"))
        entry_actions.addWidget(self.import_button)
        entry_actions.addStretch(1)
        entry_actions.addWidget(self.administration_button)
        entry_layout.addLayout(entry_actions)
        entry_layout.addWidget(self.quick_entry, 1)
        log = QWidget()
        log_layout = QVBoxLayout(log)
        log_layout.addWidget(self.search)
        log_layout.addWidget(self.log_table, 1)
        administrations = QWidget()
        administrations_layout = QVBoxLayout(administrations)
        administrations_row = QHBoxLayout()
        administrations_row.addWidget(
            QLabel("Naloxone used by personnel on scene; counted apart from kits left behind.")
        )
        administrations_row.addStretch(1)
        administrations_row.addWidget(self.administration_button_2)
        administrations_layout.addLayout(administrations_row)
        administrations_layout.addWidget(self.administration_table, 1)
        breakdown = QWidget()
        breakdown_layout = QVBoxLayout(breakdown)
        group_row = QHBoxLayout()
        group_row.addWidget(QLabel("Group by"))
        group_row.addWidget(self.group)
        group_row.addStretch(1)
        breakdown_layout.addLayout(group_row)
        breakdown_layout.addWidget(self.count_table, 1)
        self.tabs.addTab(entry, "Quick entry")
        self.tabs.addTab(log, "Log")
        self.tabs.addTab(administrations, "Administrations")
        self.tabs.addTab(breakdown, "Breakdown")
        self.tabs.addTab(self.chart, "Monthly trend")
        root = QVBoxLayout(self)
        root.addLayout(period)
        root.addWidget(self.summary)
        root.addWidget(self.tabs, 1)

    def _connect(self) -> None:
        self.preset.currentTextChanged.connect(self._on_preset)
        self.start.dateChanged.connect(self._on_dates_edited)
        self.end.dateChanged.connect(self._on_dates_edited)
        self.search.textChanged.connect(self._fill_log)
        self.group.currentIndexChanged.connect(self._fill_breakdown)
        self.administration_button.clicked.connect(self.open_administration)
        self.administration_button_2.clicked.connect(self.open_administration)
        self.import_button.clicked.connect(self.open_import)
        self.void_button.clicked.connect(self.void_selected)
        self.quick_entry.distribution_recorded.connect(self._on_recorded)

    # --- period -------------------------------------------------------------------------

    def period(self) -> tuple[date, date]:
        return self.start.date().toPython(), self.end.date().toPython()  # type: ignore[return-value]

    @Slot(str)
    def _on_preset(self, name: str) -> None:
        if name == "Custom":
            return
        start, end = preset_period(name, self._services.clock.today())
        for edit, day in ((self.start, start), (self.end, end)):
            edit.blockSignals(True)
            edit.setDate(QDate(day.year, day.month, day.day))
            edit.blockSignals(False)
        self.refresh()

    @Slot()
    def _on_dates_edited(self) -> None:
        self.preset.blockSignals(True)
        self.preset.setCurrentText("Custom")
        self.preset.blockSignals(False)
        self.refresh()

    # --- filling ------------------------------------------------------------------------

    def refresh(self) -> None:
        start, end = self.period()
        if end < start:
            self.summary.setText("The period ends before it starts.")
            return
        distributions = self._services.distributions
        self._rows = distributions.list_distributions(start, end)
        self._fill_log()
        self.administration_model.set_rows(distributions.list_administrations(start, end))
        self.administration_table.resizeColumnsToContents()
        self._fill_breakdown()
        chart_start = min(start, months_back(end, 11))  # at least a year of trend
        months = distributions.monthly_counts(chart_start, end)
        self.chart.set_months(months, f"Per month, {chart_start:%b %Y} – {end:%b %Y}")
        self._show_summary(start, end)
        self.quick_entry.reload_choices()

    def _fill_log(self) -> None:
        needle = self.search.text().strip().lower()
        rows = [r for r in getattr(self, "_rows", []) if not needle or needle in _haystack(r)]
        self.log_model.set_rows(rows)
        self.log_table.resizeColumnsToContents()

    def _fill_breakdown(self) -> None:
        start, end = self.period()
        if end < start:
            return
        counts = self._services.distributions.counts_by(self.group.currentData(), start, end)
        self.count_model.set_rows(counts, self.group.currentText())
        self.count_table.resizeColumnsToContents()

    def _show_summary(self, start: date, end: date) -> None:
        s = self._services.distributions.summary(start, end)
        voided = f"; {s.voided} voided (not counted)" if s.voided else ""
        self.summary.setText(
            f"<b>{start:%Y-%m-%d} to {end:%Y-%m-%d}:</b> {_count(s.kits, 'kit')} left behind in "
            f"{_count(s.distributions, 'distribution')} ({s.encounters_with_naloxone} where the "
            f"responder also gave naloxone, information offered "
            f"{_count(s.services_offered, 'time')}); {_count(s.doses, 'dose')} administered by "
            f"personnel in {_count(s.administrations, 'encounter')} "
            f"({s.doses_from_kits} from opened kits){voided}."
        )

    # --- actions ------------------------------------------------------------------------

    @Slot(object)
    def _on_recorded(self, row: DistributionRow) -> None:
        self.status_message.emit(f"Saved distribution no. {row.id}.")
        self.data_changed.emit()
        start, end = self.period()
        if start <= row.occurred_on <= end:
            self.refresh()

    @Slot()
    def open_administration(self) -> None:
        dialog = AdministrationDialog(self._services, self)
        if dialog.exec() and dialog.result_row is not None:
            self.status_message.emit(f"Recorded administration no. {dialog.result_row.id}.")
            self._after_change()

    @Slot()
    def open_import(self) -> None:
        dialog = TallyImportDialog(self._services, self)
        dialog.exec()
        if dialog.imported is not None:
            self._after_change()

    @Slot()
    def void_selected(self) -> None:
        on_administrations = self.tabs.currentIndex() == 2
        table = self.administration_table if on_administrations else self.log_table
        model = self.administration_model if on_administrations else self.log_model
        selected = table.selectionModel().selectedRows()
        if not selected:
            self.tabs.setCurrentIndex(2 if on_administrations else 1)
            self.status_message.emit("Select a record in the Log or Administrations tab first.")
            return
        record = model.row_at(selected[0].row())
        if record.voided:
            self.status_message.emit(f"Record no. {record.id} is already voided.")
            return
        dialog = VoidDialog(self._services, record, self)
        if dialog.exec():
            self.status_message.emit(f"Voided record no. {record.id}; the stock is back.")
            self._after_change()

    def _after_change(self) -> None:
        self.refresh()
        self.data_changed.emit()

    def focus_search(self) -> None:
        self.tabs.setCurrentIndex(1)
        self.search.setFocus()
        self.search.selectAll()


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _haystack(row: DistributionRow) -> str:
    return " ".join(
        [row.zip_code, row.setting_label, row.relationship_label, row.location_path,
         row.time_band_label, row.comment or "", row.occurred_on.isoformat()]
    ).lower()  # fmt: skip
