"""Assemble dialog: recipe, location and number of kits; shows the FEFO plan, lets the user
choose other lots, shows shortfalls and shelf-life warnings before anything is written.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.common.errors import DomainError
from models.kits.rows import AssemblyPlan, AssemblyResult, PlannedLine
from models.services import Services
from models.stock.service import NO_LOT
from ui.widgets.background import BackgroundTask, run_in_background
from ui.widgets.error_label import error_label
from ui.widgets.place_defaults import remember_place, select_default
from ui.widgets.screen_fit import fit_to_screen

BACKGROUND_AT = 100  # kits; larger assemblies run off the GUI thread with progress
WARNING_STYLE = "color: #8a5300;"


def _picks_text(line: PlannedLine) -> str:
    if line.omitted:
        return "left out"
    return ", ".join(
        f"{p.quantity} (no lot)"
        if p.lot_number == NO_LOT
        else f"{p.lot_number} × {p.quantity}" + (f" (exp {p.expiry})" if p.expiry else "")
        for p in line.picks
    )


class AssembleDialog(QDialog):
    def __init__(
        self,
        services: Services,
        parent: QWidget | None = None,
        recipe_id: int | None = None,
        location_id: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Assemble kits")
        self._services = services
        self._overrides: dict[int, list[tuple[int, int]]] = {}
        self._omit: set[int] = set()
        self.plan: AssemblyPlan | None = None
        self.outcome: AssemblyResult | None = None
        self.task: BackgroundTask | None = None
        self.recipe = QComboBox()
        for recipe in services.kits.list_recipes(include_inactive=False):
            self.recipe.addItem(recipe.name, recipe.id)
        self.location = QComboBox()
        places = [
            p
            for p in services.catalog.list_locations(include_inactive=False)
            if p.kind != "quarantine"
        ]
        for place in places:
            self.location.addItem(place.path, place.id)
        select_default(self.location, "assemble", places)  # the supply room, or the last place
        self.count = QSpinBox()
        self.count.setRange(1, 100_000)
        self.count.setValue(10)
        self.lines = QTableWidget(0, 4)
        self.lines.setAccessibleName("Recipe components needed")
        self.lines.setHorizontalHeaderLabels(["Component", "Per kit", "Include", "Lots taken"])
        self.lines.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.lines.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.lines.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.lines.verticalHeader().setVisible(False)
        self.lines.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.lots = QTableWidget(0, 5)
        self.lots.setAccessibleName("Component lots to use")
        self.lots.setHorizontalHeaderLabels(["Lot", "Product", "Expiry", "Available", "Take"])
        self.lots.verticalHeader().setVisible(False)
        self.lots.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.lots_title = QLabel("Select a component to choose its lots.")
        self.fefo_button = QPushButton("Back to first-expiry-first")
        self.warnings = QLabel()
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet(WARNING_STYLE)
        self.error_label = error_label()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self._layout()
        if recipe_id is not None:
            self.recipe.setCurrentIndex(max(self.recipe.findData(recipe_id), 0))
        if location_id is not None:
            self.location.setCurrentIndex(max(self.location.findData(location_id), 0))
        self.recipe.currentIndexChanged.connect(self._on_reset)
        self.location.currentIndexChanged.connect(self._on_reset)
        self.count.valueChanged.connect(self._on_reset)
        self.lines.itemSelectionChanged.connect(self._show_lots)
        self.lines.cellClicked.connect(self._on_line_clicked)
        self.fefo_button.clicked.connect(self._on_fefo)
        self.buttons.accepted.connect(self._on_accept)
        self.buttons.rejected.connect(self.reject)
        self.replan()

    def _layout(self) -> None:
        form = QFormLayout()
        form.addRow("Recipe", self.recipe)
        form.addRow("At location", self.location)
        form.addRow("Number of kits", self.count)
        lots_bar = QHBoxLayout()
        lots_bar.addWidget(self.lots_title, 1)
        lots_bar.addWidget(self.fefo_button)
        root = QVBoxLayout(self)
        root.addLayout(form)
        root.addWidget(self.lines, 2)
        root.addLayout(lots_bar)
        root.addWidget(self.lots, 1)
        root.addWidget(self.warnings)
        root.addWidget(self.error_label)
        root.addWidget(self.buttons)
        fit_to_screen(self, 820, 640)

    def _ids(self) -> tuple[int | None, int | None]:
        return self.recipe.currentData(), self.location.currentData()

    @Slot()
    def _on_reset(self) -> None:
        """A different recipe, place or count: the lots chosen by hand no longer apply."""
        self._overrides.clear()
        self._omit.clear()
        self.replan()

    def replan(self) -> None:
        recipe_id, location_id = self._ids()
        self.plan = None
        self.error_label.clear()
        self.warnings.clear()
        if recipe_id is None or location_id is None:
            self.error_label.setText("Add a kit recipe and a storage location first.")
            self.ok_button.setEnabled(False)
            return
        try:
            self.plan = self._services.kits.plan_assembly(
                recipe_id, location_id, self.count.value(), self._overrides, self._omit
            )
        except DomainError as refusal:
            self.error_label.setText(str(refusal))
        self._fill_lines()
        warnings = self.plan.warnings if self.plan else ()
        self.warnings.setText("\n".join(f"⚠ {w}" for w in warnings))
        self.ok_button.setEnabled(self.plan is not None)
        kits = self.count.value()
        label = f"Assemble {kits} kit{'s' if kits != 1 else ''}"
        self.ok_button.setText(label + (" anyway" if warnings else ""))

    def _fill_lines(self) -> None:
        recipe_id = self.recipe.currentData()
        recipe = self._services.kits.get_recipe(recipe_id) if recipe_id is not None else None
        planned = {line.position: line for line in self.plan.lines} if self.plan else {}
        selected = self.lines.currentRow()
        self.lines.blockSignals(True)
        self.lines.setRowCount(0)
        for line in recipe.lines if recipe else ():
            row = self.lines.rowCount()
            self.lines.insertRow(row)
            name = QTableWidgetItem(line.label + ("" if line.required else " (optional)"))
            name.setData(Qt.ItemDataRole.UserRole, line.position)
            self.lines.setItem(row, 0, name)
            self.lines.setItem(row, 1, QTableWidgetItem(str(line.quantity)))
            include = QTableWidgetItem("required" if line.required else "")
            if not line.required:
                include.setCheckState(
                    Qt.CheckState.Unchecked
                    if line.position in self._omit
                    else Qt.CheckState.Checked
                )
            self.lines.setItem(row, 2, include)
            plan_line = planned.get(line.position)
            text = _picks_text(plan_line) if plan_line else ""
            if line.position in self._overrides:
                text += "  (chosen by hand)"
            self.lines.setItem(row, 3, QTableWidgetItem(text))
        self.lines.resizeColumnsToContents()
        self.lines.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        if 0 <= selected < self.lines.rowCount():
            self.lines.selectRow(selected)
        self.lines.blockSignals(False)

    def _position(self) -> int | None:
        item = self.lines.item(self.lines.currentRow(), 0)
        return None if item is None else item.data(Qt.ItemDataRole.UserRole)

    @Slot(int, int)
    def _on_line_clicked(self, row: int, column: int) -> None:
        item = self.lines.item(row, 2)
        if column != 2 or item is None or item.text() == "required":
            return
        first = self.lines.item(row, 0)
        if first is None:
            return
        self._omit ^= {int(first.data(Qt.ItemDataRole.UserRole))}
        self.replan()

    @Slot()
    def _show_lots(self) -> None:
        position = self._position()
        recipe_id, location_id = self._ids()
        self.lots.setRowCount(0)
        if position is None or recipe_id is None or location_id is None:
            return
        title = self.lines.item(self.lines.currentRow(), 0)
        self.lots_title.setText(f"Lots for {title.text() if title is not None else 'the line'}")
        taken = {}
        if self.plan:
            line = next(x for x in self.plan.lines if x.position == position)
            taken = {p.lot_id: p.quantity for p in line.picks}
        choices = self._services.kits.lot_choices(recipe_id, position, location_id)
        for choice in choices:
            row = self.lots.rowCount()
            self.lots.insertRow(row)
            expiry = choice.expiry.isoformat() if choice.expiry else "—"
            for column, text in enumerate(
                (choice.lot_number, choice.product_name, expiry, str(choice.available))
            ):
                self.lots.setItem(row, column, QTableWidgetItem(text))
            take = QSpinBox()
            take.setRange(0, choice.available)
            take.setValue(taken.get(choice.lot_id, 0))
            take.setProperty("lot_id", choice.lot_id)
            take.valueChanged.connect(self._on_take_changed)
            self.lots.setCellWidget(row, 4, take)
        self.lots.resizeColumnsToContents()
        self.lots.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)

    def take_spin(self, row: int) -> QSpinBox:
        return self.lots.cellWidget(row, 4)  # type: ignore[return-value]

    @Slot()
    def _on_take_changed(self) -> None:
        position = self._position()
        if position is None:
            return
        chosen = []
        for row in range(self.lots.rowCount()):
            spin = self.take_spin(row)
            if spin.value():
                chosen.append((int(spin.property("lot_id")), spin.value()))
        self._overrides[position] = chosen
        self.replan()

    @Slot()
    def _on_fefo(self) -> None:
        position = self._position()
        if position is not None and self._overrides.pop(position, None) is not None:
            self.replan()
            self._show_lots()

    @Slot()
    def _on_accept(self) -> None:
        recipe_id, location_id = self._ids()
        if self.plan is None or recipe_id is None or location_id is None:
            return
        count = self.count.value()
        overrides, omit = dict(self._overrides), set(self._omit)

        def work(progress):  # runs off the GUI thread for big assemblies
            return self._services.kits.assemble_kits(
                recipe_id, location_id, count, overrides, omit, progress=progress
            )

        if count < BACKGROUND_AT:
            try:
                self._on_done(work(None))
            except DomainError as refusal:
                self.error_label.setText(str(refusal))
            return
        self.ok_button.setEnabled(False)
        self.task = run_in_background(
            self, f"Assembling {count} kits", work, self._on_done, self._on_failed
        )

    def _on_done(self, result: AssemblyResult) -> None:
        self.outcome = result
        remember_place("assemble", self.location.currentData())
        self.accept()

    def _on_failed(self, message: str) -> None:
        self.error_label.setText(message)
        self.ok_button.setEnabled(True)
