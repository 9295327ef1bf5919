"""First-run wizard: agency name, stations with their vehicles, the default catalog; or the
demo agency. Shown when the database has no storage places and setup was never finished."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from models.common.errors import DomainError
from models.common.settings import FIRST_RUN_DONE
from models.services import Services
from models.stock.catalog_service import StationPlan
from ui.widgets.error_label import error_label
from ui.widgets.screen_fit import fit_to_screen

START, AGENCY, STATIONS, CATALOG = range(4)


class _StartPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle("Welcome to LBN Quartermaster")
        self.setSubTitle("Three short steps and the app is ready to receive stock.")
        self.set_up = QRadioButton("Set up my agency (name, stations, vehicles, product catalog)")
        self.demo = QRadioButton("Load the demo agency, to look around with realistic sample data")
        self.empty = QRadioButton("Start empty; I will set everything up in Settings")
        self.set_up.setChecked(True)
        self.error_label = error_label()
        box = QVBoxLayout(self)
        for widget in (self.set_up, self.demo, self.empty):
            box.addWidget(widget)
        box.addStretch(1)
        box.addWidget(self.error_label)
        for choice in (self.set_up, self.demo, self.empty):
            # Demo and empty need no further page: Finish right here.
            choice.toggled.connect(lambda: self.setFinalPage(not self.set_up.isChecked()))

    def nextId(self) -> int:
        return AGENCY if self.set_up.isChecked() else -1


class _AgencyPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle("Your agency")
        self.setSubTitle("The name heads every report and reorder request.")
        self.name = QLineEdit()
        self.name.setPlaceholderText("e.g. Saratoga County Sheriff's Office")
        self.address = QPlainTextEdit()
        self.address.setPlaceholderText("Street, town, ZIP (optional)")
        self.address.setFixedHeight(self.fontMetrics().height() * 4)
        self.registerField("agency_name*", self.name)
        form = QFormLayout(self)
        form.addRow("Agency name", self.name)
        form.addRow("Address", self.address)


class _StationsPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle("Stations and vehicles")
        self.setSubTitle(
            "One line per station; list its vehicles separated by commas. "
            "Rooms, cabinets and bags can be added later in Settings → Locations."
        )
        self.rows: list[tuple[QLineEdit, QLineEdit]] = []
        self.grid = QGridLayout()
        self.grid.addWidget(QLabel("<b>Station</b>"), 0, 0)
        self.grid.addWidget(QLabel("<b>Vehicles</b>"), 0, 1)
        self.add_button = QPushButton("Add another station")
        self.supply_room = QCheckBox("Give each station a supply room (where deliveries go)")
        self.supply_room.setChecked(True)
        self.error_label = error_label()
        box = QVBoxLayout(self)
        box.addLayout(self.grid)
        box.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)
        box.addWidget(self.supply_room)
        box.addStretch(1)
        box.addWidget(self.error_label)
        self.add_button.clicked.connect(lambda: self.add_row())
        self.add_row("Station 1", "")

    def add_row(self, name: str = "", vehicles: str = "") -> None:
        station, fleet = QLineEdit(name), QLineEdit(vehicles)
        station.setPlaceholderText("e.g. Central Station")
        fleet.setPlaceholderText("e.g. Patrol 11, Patrol 12, Medic 31")
        row = len(self.rows) + 1
        self.grid.addWidget(station, row, 0)
        self.grid.addWidget(fleet, row, 1)
        self.grid.setColumnStretch(1, 2)
        self.rows.append((station, fleet))
        station.setFocus()

    def plans(self) -> list[StationPlan]:
        plans = []
        for station, fleet in self.rows:
            name = station.text().strip()
            vehicles = tuple(v.strip() for v in fleet.text().split(",") if v.strip())
            if name:
                plans.append(StationPlan(name, vehicles, self.supply_room.isChecked()))
        return plans

    def validatePage(self) -> bool:
        if not self.plans():
            self.error_label.setText("Name at least one station.")
            return False
        self.error_label.clear()
        return True


class _CatalogPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle("Product catalog")
        self.setSubTitle("What the agency stocks. Products can be added or edited later.")
        self.use_defaults = QCheckBox(
            "Use the default catalog: OTC and Rx naloxone, fentanyl and xylazine test strips, "
            "face shields, gloves, cards, pouches and the standard LBN kit"
        )
        self.use_defaults.setChecked(True)
        self.error_label = error_label()
        box = QVBoxLayout(self)
        box.addWidget(self.use_defaults)
        box.addStretch(1)
        box.addWidget(self.error_label)


class FirstRunWizard(QWizard):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.setWindowTitle("Set up LBN Quartermaster")
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.start_page = _StartPage()
        self.agency_page = _AgencyPage()
        self.stations_page = _StationsPage()
        self.catalog_page = _CatalogPage()
        for page_id, page in enumerate(
            (self.start_page, self.agency_page, self.stations_page, self.catalog_page)
        ):
            self.setPage(page_id, page)
        self.setStartId(START)
        fit_to_screen(self, 640, 440)

    @staticmethod
    def needed(services: Services) -> bool:
        """No storage place yet and setup never finished (or skipped)."""
        return not services.catalog.list_locations() and not services.settings.get(FIRST_RUN_DONE)

    def accept(self) -> None:
        page = self.currentPage()
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self._finish()
        except DomainError as refusal:
            page.error_label.setText(str(refusal))  # type: ignore[attr-defined]
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        super().accept()

    def _finish(self) -> None:
        if self.start_page.demo.isChecked():
            from models.services import build_demo

            build_demo(self._services)
        elif self.start_page.empty.isChecked():
            self._services.settings.set(FIRST_RUN_DONE, True)
        else:
            self._services.catalog.set_up_agency(
                self.agency_page.name.text(),
                self.stations_page.plans(),
                address=self.agency_page.address.toPlainText(),
                load_defaults=self.catalog_page.use_defaults.isChecked(),
            )
