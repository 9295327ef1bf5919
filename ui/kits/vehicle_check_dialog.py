"""Vehicle check dialog: a crew at shift start confirms each kit on board by scanning its label
or ticking it, marks kits missing, expired or opened, and records the check deliberately.
Shows the vehicle's past checks and prints its paper check sheet. Knows rows, not the database.
"""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.common.errors import DomainError
from models.common.wording import counted
from models.kits.rows import KitStockRow
from models.kits.vehicle_check_rows import VehicleCheckEntry, VehicleCheckRow, VehicleCheckSheet
from models.services import Services
from ui.inventory.scanned_lot import scanned_kit_lot
from ui.widgets.error_label import error_label
from ui.widgets.pdf_preview_dialog import PdfPreviewDialog
from ui.widgets.scan_catcher import ScanCatcher
from ui.widgets.scratch import scratch_folder
from ui.widgets.screen_fit import fit_to_screen

ON_BOARD, MISSING, EXPIRED, OPENED = "on board", "missing", "expired", "opened"
FOUND = (ON_BOARD, EXPIRED, OPENED)  # physically found on the vehicle: ticked
COLUMNS = ["Found", "Kit", "Kit lot", "Expiry", "Result"]
MARKS = [("Missing", MISSING), ("Expired", EXPIRED), ("Opened", OPENED), ("Not checked", "")]


class VehicleCheckDialog(QDialog):
    def __init__(
        self, services: Services, parent: QWidget | None = None, location_id: int | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Vehicle check")
        self._services = services
        self.outcome: VehicleCheckRow | None = None
        self.preview: PdfPreviewDialog | None = None
        self.sheet: VehicleCheckSheet | None = None
        self._kits: list[KitStockRow] = []  # one per kit (a lot of three kits: three rows)
        self._states: list[str] = []
        self.vehicle = QComboBox()
        for place in services.catalog.list_locations(include_inactive=False):
            if place.kind in ("vehicle", "bag"):
                self.vehicle.addItem(place.path, place.id)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setAccessibleName("Kits on board")
        self.table.setAccessibleDescription(
            "One row per kit: tick it, or mark it missing, expired or opened"
        )
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.mark_buttons = {word: QPushButton(text) for text, word in MARKS}
        self.note = QLineEdit()
        self.note.setPlaceholderText(
            "What is known about missing kits (needed when one is missing)"
        )
        self.summary = QLabel()
        self.error_label = error_label()
        self.history = QTableWidget(0, 3)
        self.history.setHorizontalHeaderLabels(["Checked", "By", "Result"])
        self.history.verticalHeader().hide()
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.horizontalHeader().setStretchLastSection(True)
        self.history.setMaximumHeight(84)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.print_button = QPushButton("Print check sheet…")
        self.record_button = QPushButton("Record check")
        for button in (self.print_button, self.record_button):
            button.setAutoDefault(False)  # Enter, or a scanner's Enter, never records
            button.setDefault(False)
        self.buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.record_button, QDialogButtonBox.ButtonRole.ActionRole)
        self._build_layout()
        self.vehicle.currentIndexChanged.connect(self._load)
        self.table.itemChanged.connect(self._on_item_changed)
        for word, button in self.mark_buttons.items():
            button.setAutoDefault(False)
            button.clicked.connect(lambda _=False, w=word: self.mark_selected(w))
        self.print_button.clicked.connect(self.print_sheet)
        self.record_button.clicked.connect(self._on_record)
        self.buttons.rejected.connect(self.reject)
        if location_id is not None and (index := self.vehicle.findData(location_id)) >= 0:
            self.vehicle.setCurrentIndex(index)
        self._load()
        fit_to_screen(self, 760, 600)
        ScanCatcher.install().register(self, self._on_scan)

    def _build_layout(self) -> None:
        form = QFormLayout()
        form.addRow("Vehicle", self.vehicle)
        hint = QLabel("Scan each kit's label, or tick it. Select kits that are not there or not "
                      "usable and mark them.")  # fmt: skip
        hint.setWordWrap(True)
        marks = QHBoxLayout()
        marks.addWidget(QLabel("Mark selected:"))
        for button in self.mark_buttons.values():
            marks.addWidget(button)
        marks.addStretch(1)
        root = QVBoxLayout(self)
        root.addLayout(form)
        root.addWidget(hint)
        root.addWidget(self.table, 1)
        root.addLayout(marks)
        root.addWidget(self.note)
        root.addWidget(self.summary)
        root.addWidget(self.error_label)
        root.addWidget(QLabel("<b>Past checks</b>"))
        root.addWidget(self.history)
        root.addWidget(self.buttons)

    # --- loading ------------------------------------------------------------------------

    def current_vehicle(self) -> int | None:
        data = self.vehicle.currentData()
        return int(data) if data is not None else None

    @Slot()
    def _load(self) -> None:
        vehicle = self.current_vehicle()
        self.error_label.clear()
        self.record_button.setEnabled(vehicle is not None)
        self.print_button.setEnabled(vehicle is not None)
        if vehicle is None:
            self.error_label.setText("No vehicles or bags yet: add them in Settings → Locations.")
            return
        self.sheet = self._services.vehicle_checks.sheet(vehicle)
        self._kits = [k for k in self.sheet.kits for _ in range(k.quantity)]
        self._states = [""] * len(self._kits)
        self._fill_table()
        self._fill_history(self.sheet.history)
        counting = self._services.counts.open_count_covering(vehicle)
        if counting is not None:
            self.error_label.setText(
                f"{self.sheet.name} is being counted (count no. {counting.id}); post or abandon "
                "that count before the check can be recorded."
            )

    def _fill_table(self) -> None:
        today = self._services.clock.today()
        self.table.blockSignals(True)
        self.table.setRowCount(len(self._kits))
        for row, kit in enumerate(self._kits):
            tick = QTableWidgetItem()
            tick.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled
                          | Qt.ItemFlag.ItemIsSelectable)  # fmt: skip
            self.table.setItem(row, 0, tick)
            expiry = f"{kit.expiry:%Y-%m-%d}" if kit.expiry else ""
            if kit.expiry is not None and kit.expiry < today:
                expiry += " (expired)"
            for column, text in enumerate((kit.recipe_name, kit.lot_number, expiry), start=1):
                self.table.setItem(row, column, QTableWidgetItem(text))
            self.table.setItem(row, 4, QTableWidgetItem())
            self._show_state(row)
        self.table.blockSignals(False)
        self._update_summary()

    def _fill_history(self, checks: tuple[VehicleCheckRow, ...]) -> None:
        self.history.setRowCount(len(checks))
        for row, check in enumerate(checks):
            cells = (f"{check.checked_at:%Y-%m-%d %H:%M}", check.checked_by, check.result)
            for column, text in enumerate(cells):
                self.history.setItem(row, column, QTableWidgetItem(text))
        self.history.resizeColumnToContents(0)
        self.history.resizeColumnToContents(1)

    # --- marking ------------------------------------------------------------------------

    def set_state(self, row: int, state: str) -> None:
        self._states[row] = state
        self.table.blockSignals(True)
        self._show_state(row)
        self.table.blockSignals(False)
        self._update_summary()

    def _show_state(self, row: int) -> None:
        state = self._states[row]
        found = Qt.CheckState.Checked if state in FOUND else Qt.CheckState.Unchecked
        tick, result = self.table.item(row, 0), self.table.item(row, 4)
        assert tick is not None and result is not None  # made in _fill_table
        tick.setCheckState(found)
        result.setText(state.capitalize() if state else "—")

    def mark_selected(self, state: str) -> None:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        if not rows:
            self.error_label.setText("Select the kits to mark first.")
            return
        for row in rows:
            self.set_state(row, state)
        self.error_label.clear()

    def _confirm(self, row: int) -> str:
        """A kit found on board; an expired one is marked so it comes off the vehicle."""
        kit = self._kits[row]
        expired = kit.expiry is not None and kit.expiry < self._services.clock.today()
        self.set_state(row, EXPIRED if expired else ON_BOARD)
        return EXPIRED if expired else ON_BOARD

    @Slot(QTableWidgetItem)
    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        if item.column() != 0:
            return
        if item.checkState() == Qt.CheckState.Checked:
            self._confirm(item.row())
        else:
            self.set_state(item.row(), "")

    def _on_scan(self, text: str) -> None:
        """A kit label ticks the next unticked kit of its lot; never records the check."""
        lot, problem = scanned_kit_lot(self._services, text)
        rows = [r for r, k in enumerate(self._kits) if k.lot_number == lot]
        open_rows = [r for r in rows if not self._states[r]]
        if lot is not None and not rows:
            problem = (f"Kit lot {lot} is not on this vehicle by the books; record the check, "
                       "then transfer the kit here on the Kits screen.")  # fmt: skip
        elif lot is not None and not open_rows:
            problem = f"Every kit of lot {lot} on board is already checked."
        if problem:
            self.error_label.setText(problem)
            return
        row = open_rows[0]
        state = self._confirm(row)
        self.table.selectRow(row)
        self.error_label.setText(
            f"Kit lot {lot} expired: marked Expired, take it off the vehicle."
            if state == EXPIRED
            else ""
        )

    def _update_summary(self) -> None:
        tally = Counter(self._states)
        done = len(self._kits) - tally[""]
        parts = [f"{tally[w]} {w}" for w in (ON_BOARD, MISSING, EXPIRED, OPENED) if tally[w]]
        self.summary.setText(
            f"{done} of {counted(len(self._kits), 'kit')} checked"
            + (": " + ", ".join(parts) if parts else "")
            if self._kits
            else "No kits on board by the books."
        )

    # --- recording ----------------------------------------------------------------------

    def entries(self) -> list[VehicleCheckEntry]:
        """What was found, per kit lot and place on board."""
        found: dict[tuple[int, int], Counter[str]] = {}
        for kit, state in zip(self._kits, self._states, strict=True):
            found.setdefault((kit.lot_id, kit.location_id), Counter())[state] += 1
        return [
            VehicleCheckEntry(lot, place, c[ON_BOARD], c[MISSING], c[EXPIRED], c[OPENED])
            for (lot, place), c in found.items()
        ]

    @Slot()
    def _on_record(self) -> None:
        vehicle = self.current_vehicle()
        if vehicle is None:
            return
        left = self._states.count("")
        if left:
            self.error_label.setText(
                f"{counted(left, 'kit')} not checked yet: scan or tick each kit, "
                "or mark what is missing, expired or opened."
            )
            return
        try:
            self.outcome = self._services.vehicle_checks.record_check(
                vehicle, self.entries(), self.note.text()
            )
        except DomainError as refusal:
            self.error_label.setText(str(refusal))
            return
        self.accept()

    @Slot()
    def print_sheet(self) -> None:
        vehicle = self.current_vehicle()
        if vehicle is None:
            return
        path = scratch_folder("kits") / f"vehicle-check-{vehicle}.pdf"
        try:
            self._services.vehicle_checks.write_check_sheet(path, vehicle)
        except (DomainError, OSError) as problem:
            self.error_label.setText(f"The check sheet could not be written: {problem}")
            return
        name = self.sheet.name if self.sheet else "vehicle"
        self.preview = PdfPreviewDialog(path, self, f"Vehicle check sheet — {name}")
        self.preview.open()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter confirms nothing here: recording a check is a click on Record check."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            return
        super().keyPressEvent(event)
