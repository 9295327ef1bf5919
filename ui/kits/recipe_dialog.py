"""Recipe dialog: a kit's bill of materials (products or interchangeable groups, quantity per
kit, required or optional). Saving never changes kits already assembled.
"""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from models.common.errors import DomainError
from models.kits.rows import RecipeLineInput, RecipeRow
from models.services import Services
from ui.widgets.error_label import error_label
from ui.widgets.screen_fit import fit_to_screen


class RecipeDialog(QDialog):
    def __init__(
        self, services: Services, parent: QWidget | None = None, recipe: RecipeRow | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Edit kit recipe" if recipe else "New kit recipe")
        self._services = services
        self._recipe = recipe
        self.outcome: RecipeRow | None = None
        # Components: "g:<group>" for any product of a group, "p:<id>" for one product.
        self._choices: list[tuple[str, str]] = [
            (g.label + f"  ({len(g.product_names)} products)", f"g:{g.name}")
            for g in services.kits.list_groups()
        ]
        self._choices += [
            (p.name, f"p:{p.id}")
            for p in services.catalog.list_products(active_only=True)
            if p.kind != "kit"
        ]
        self.name = QLineEdit(recipe.name if recipe else "")
        self.notes = QLineEdit(recipe.notes or "" if recipe else "")
        self.lines = QTableWidget(0, 3)
        self.lines.setAccessibleName("Recipe components")
        self.lines.setHorizontalHeaderLabels(["Component", "Per kit", "Required"])
        self.lines.verticalHeader().setVisible(False)
        self.lines.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.add_button = QPushButton("Add line")
        self.remove_button = QPushButton("Remove line")
        made = recipe.kits_assembled if recipe else 0
        self.info = QLabel(
            f"{made} kits were already assembled from this recipe; they keep the contents they "
            "were made with."
            if made
            else "Kits assembled later follow this recipe."
        )
        self.info.setWordWrap(True)
        self.error_label = error_label()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        form = QFormLayout()
        form.addRow("Name", self.name)
        form.addRow("Notes", self.notes)
        bar = QHBoxLayout()
        bar.addStretch(1)
        bar.addWidget(self.add_button)
        bar.addWidget(self.remove_button)
        root = QVBoxLayout(self)
        root.addLayout(form)
        root.addWidget(self.lines, 1)
        root.addLayout(bar)
        root.addWidget(self.info)
        root.addWidget(self.error_label)
        root.addWidget(self.buttons)
        for line in recipe.lines if recipe else ():
            self.add_line(line.as_input())
        self.add_button.clicked.connect(lambda: self.add_line(None))
        self.remove_button.clicked.connect(self._on_remove)
        self.buttons.accepted.connect(self._on_accept)
        self.buttons.rejected.connect(self.reject)
        fit_to_screen(self, 620, 480)

    def add_line(self, line: RecipeLineInput | None) -> int:
        row = self.lines.rowCount()
        self.lines.insertRow(row)
        component = QComboBox()
        for text, key in self._choices:
            component.addItem(text, key)
        if line is not None:
            key = f"p:{line.product_id}" if line.product_id else f"g:{line.interchange_group}"
            component.setCurrentIndex(max(component.findData(key), 0))
        quantity = QSpinBox()
        quantity.setRange(1, 100)
        quantity.setValue(line.quantity if line else 1)
        required = QCheckBox()
        required.setChecked(line.required if line else True)
        self.lines.setCellWidget(row, 0, component)
        self.lines.setCellWidget(row, 1, quantity)
        self.lines.setCellWidget(row, 2, required)
        return row

    def line_inputs(self) -> list[RecipeLineInput]:
        out = []
        for row in range(self.lines.rowCount()):
            choice, count, needed = (self.lines.cellWidget(row, c) for c in range(3))
            assert isinstance(choice, QComboBox) and isinstance(count, QSpinBox)
            assert isinstance(needed, QCheckBox)
            kind, value = str(choice.currentData()).split(":", 1)
            quantity, required = count.value(), needed.isChecked()
            if kind == "p":
                out.append(RecipeLineInput(int(value), None, quantity, required))
            else:
                out.append(RecipeLineInput(None, str(value), quantity, required))
        return out

    @Slot()
    def _on_remove(self) -> None:
        row = self.lines.currentRow()
        self.lines.removeRow(row if row >= 0 else self.lines.rowCount() - 1)

    @Slot()
    def _on_accept(self) -> None:
        try:
            self.outcome = self._services.kits.save_recipe(
                self._recipe.id if self._recipe else None,
                self.name.text(),
                self.line_inputs(),
                self.notes.text(),
            )
        except DomainError as refusal:
            self.error_label.setText(str(refusal))
            return
        self.accept()
