"""Recipes panel of the Kits screen: the recipes, the lines of the chosen one, and actions."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from models.common.errors import DomainError
from models.kits.rows import RecipeLineRow, RecipeRow
from models.services import Services
from ui.kits.recipe_dialog import RecipeDialog
from ui.widgets.row_table_model import RowColumn, RowTableModel

LINE_COLUMNS: list[RowColumn[RecipeLineRow]] = [
    RowColumn("Component", lambda r: r.label),
    RowColumn("Per kit", lambda r: r.quantity, numeric=True),
    RowColumn("Required", lambda r: "required" if r.required else "optional"),
]


class RecipesPanel(QWidget):
    recipes_changed = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._rows: list[RecipeRow] = []
        self.recipes = QListWidget()
        self.lines_model = RowTableModel(LINE_COLUMNS, self)
        self.lines = QTableView()
        self.lines.setModel(self.lines_model)
        self.lines.verticalHeader().setVisible(False)
        self.lines.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.new_button = QPushButton("New recipe…")
        self.edit_button = QPushButton("Edit…")
        self.retire_button = QPushButton("Retire")
        self.error_label = QLabel()
        self.error_label.setStyleSheet("color: #b00020;")
        bar = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.retire_button):
            bar.addWidget(button)
        bar.addStretch(1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.details)
        right_layout.addWidget(self.lines, 1)
        splitter = QSplitter()
        splitter.addWidget(self.recipes)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 3)
        root = QVBoxLayout(self)
        root.addLayout(bar)
        root.addWidget(splitter, 1)
        root.addWidget(self.error_label)
        self.recipes.currentRowChanged.connect(self._on_recipe_chosen)
        self.new_button.clicked.connect(lambda: self._open(None))
        self.edit_button.clicked.connect(lambda: self._open(self.current()))
        self.retire_button.clicked.connect(self._on_retire)

    def refresh(self) -> None:
        chosen = self.current()
        self._rows = self._services.kits.list_recipes()
        self.recipes.blockSignals(True)
        self.recipes.clear()
        for row in self._rows:
            item = QListWidgetItem(row.name + ("" if row.active else " (retired)"))
            if not row.active:
                item.setForeground(Qt.GlobalColor.gray)
            self.recipes.addItem(item)
        self.recipes.blockSignals(False)
        index = next((i for i, r in enumerate(self._rows) if chosen and r.id == chosen.id), 0)
        self.recipes.setCurrentRow(index if self._rows else -1)
        self._on_recipe_chosen(self.recipes.currentRow())

    def current(self) -> RecipeRow | None:
        index = self.recipes.currentRow()
        return self._rows[index] if 0 <= index < len(self._rows) else None

    @Slot(int)
    def _on_recipe_chosen(self, _index: int) -> None:
        recipe = self.current()
        self.lines_model.set_rows(list(recipe.lines) if recipe else [])
        self.edit_button.setEnabled(recipe is not None)
        self.retire_button.setEnabled(recipe is not None)
        if recipe is None:
            self.details.setText("No kit recipe yet: add one with New recipe….")
            return
        self.retire_button.setText("Retire" if recipe.active else "Reactivate")
        self.details.setText(
            f"<b>{escape(recipe.name)}</b> — {recipe.kits_assembled} kits assembled so far"
            + (f"<br>{escape(recipe.notes)}" if recipe.notes else "")
        )

    def _open(self, recipe: RecipeRow | None) -> None:
        dialog = RecipeDialog(self._services, self, recipe)
        if dialog.exec():
            self.refresh()
            self.recipes_changed.emit()

    @Slot()
    def _on_retire(self) -> None:
        recipe = self.current()
        if recipe is None:
            return
        try:
            self._services.kits.set_recipe_active(recipe.id, not recipe.active)
        except DomainError as refusal:
            self.error_label.setText(str(refusal))
            return
        self.refresh()
        self.recipes_changed.emit()
