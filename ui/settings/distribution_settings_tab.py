"""Distribution settings: the agency's settings, relationships, times of day and service-area ZIPs.

Categories keep a stable code, so renaming relabels history; a category records use can be
retired (no longer offered) but not deleted.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models.common.errors import DomainError
from models.distributions.categories import Category, CategoryKind, new_code
from models.services import Services
from ui.widgets.error_label import error_label

CodeRole = Qt.ItemDataRole.UserRole + 1
KIND_TITLES = {
    CategoryKind.SETTING: "Settings (where the kit was left)",
    CategoryKind.RELATIONSHIP: "Recipient relationship",
    CategoryKind.TIME_BAND: "Time of day (optional on each record)",
    CategoryKind.OUTCOME: "Outcome tags (ticked in quick entry instead of a note)",
}


class DistributionSettingsTab(QWidget):
    data_changed = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.lists: dict[CategoryKind, QListWidget] = {}
        intro = QLabel(
            "The lists follow the toolkit's inclusive definition of <i>at-risk</i>: anyone met "
            "at an overdose scene or in any other setting, their family, friends and bystanders. "
            "Double-click to rename; untick to retire a category (old records keep it)."
        )
        intro.setWordWrap(True)
        columns = QGridLayout()
        for number, (kind, title) in enumerate(KIND_TITLES.items()):
            columns.addWidget(self._category_box(kind, title), number // 2, number % 2)
        self.zips = QPlainTextEdit()
        self.zips.setPlaceholderText("12866\n12831")
        # The hint sits in the title: with the outcome tags the tab still fits 900×600.
        zip_box = QGroupBox(
            "Service-area ZIP codes: offered first when entering a distribution "
            "(one per line or comma-separated)"
        )
        zip_layout = QVBoxLayout(zip_box)
        zip_layout.addWidget(self.zips, 1)
        columns.addWidget(zip_box, 2, 0, 1, 2)
        self.save_button = QPushButton("Save distribution settings")
        self.error_label = error_label()
        self.saved_label = QLabel()
        bottom = QHBoxLayout()
        bottom.addWidget(self.error_label, 1)
        bottom.addWidget(self.saved_label)
        bottom.addWidget(self.save_button)
        root = QVBoxLayout(self)
        root.addWidget(intro)
        root.addLayout(columns, 1)
        root.addLayout(bottom)
        self.save_button.clicked.connect(self.save)

    def _category_box(self, kind: CategoryKind, title: str) -> QGroupBox:
        box = QGroupBox(title)
        items = QListWidget()
        items.itemDoubleClicked.connect(lambda item: self._rename(item))
        self.lists[kind] = items
        add = QPushButton("Add…")
        up = QPushButton("▲")
        down = QPushButton("▼")
        up.setToolTip("Move up")
        down.setToolTip("Move down")
        remove = QPushButton("Remove")
        remove.setToolTip("Only for categories no record uses; retire the others by unticking")
        add.clicked.connect(lambda: self._add(kind))
        up.clicked.connect(lambda: self._move(kind, -1))
        down.clicked.connect(lambda: self._move(kind, 1))
        remove.clicked.connect(lambda: self._remove(kind))
        buttons = QHBoxLayout()
        for button in (add, up, down, remove):
            buttons.addWidget(button)
        for arrow in (up, down):
            arrow.setMaximumWidth(36)
        layout = QVBoxLayout(box)
        layout.addWidget(items, 1)
        layout.addLayout(buttons)
        return box

    def refresh(self) -> None:
        distributions = self._services.distributions
        for kind, items in self.lists.items():
            items.clear()
            for category in distributions.list_categories(kind):
                self._append(items, category)
        self.zips.setPlainText("\n".join(distributions.service_area_zips()))
        self.error_label.clear()
        self.saved_label.clear()

    @staticmethod
    def _append(items: QListWidget, category: Category) -> None:
        item = QListWidgetItem(category.label)
        item.setData(CodeRole, category.code)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if category.active else Qt.CheckState.Unchecked)
        items.addItem(item)

    def categories(self, kind: CategoryKind) -> list[Category]:
        items = self.lists[kind]
        return [
            Category(
                items.item(i).data(CodeRole),
                items.item(i).text(),
                items.item(i).checkState() == Qt.CheckState.Checked,
            )
            for i in range(items.count())
        ]

    def _add(self, kind: CategoryKind) -> None:
        label, ok = QInputDialog.getText(self, "Add", f"New {kind.label.lower()}:")
        if ok and label.strip():
            taken = {c.code for c in self.categories(kind)}
            self._append(self.lists[kind], Category(new_code(label, taken), label.strip()))

    def _rename(self, item: QListWidgetItem) -> None:
        label, ok = QInputDialog.getText(self, "Rename", "Name:", text=item.text())
        if ok and label.strip():
            item.setText(label.strip())

    def _move(self, kind: CategoryKind, step: int) -> None:
        items = self.lists[kind]
        row = items.currentRow()
        if row < 0 or not 0 <= row + step < items.count():
            return
        item = items.takeItem(row)
        items.insertItem(row + step, item)
        items.setCurrentRow(row + step)

    def _remove(self, kind: CategoryKind) -> None:
        items = self.lists[kind]
        if items.currentRow() >= 0:
            items.takeItem(items.currentRow())  # refused on save if records use it

    @Slot()
    def save(self) -> None:
        distributions = self._services.distributions
        text = self.zips.toPlainText().replace(",", "\n")
        try:
            distributions.save_configuration(
                {kind: self.categories(kind) for kind in self.lists}, text.split("\n")
            )
        except DomainError as refusal:
            self.error_label.setText(str(refusal))
            self.saved_label.clear()
            return
        self.refresh()
        self.saved_label.setText("Saved.")
        self.data_changed.emit()
