"""Kit settings tab: minimum shelf life for assembly warnings, and the resource card content
(local services directory and Good Samaritan summary, English and Spanish).
"""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.common.errors import DomainError
from models.kits.resource_card_pdf import CardContent, CardEntry, default_content
from models.services import Services
from ui.widgets.error_label import error_label
from ui.widgets.pdf_preview_dialog import PdfPreviewDialog
from ui.widgets.scratch import scratch_folder

ENTRY_FIELDS = [
    ("heading_en", "Heading"),
    ("heading_es", "Heading (Spanish)"),
    ("name", "Service"),
    ("name_es", "Service (Spanish)"),
    ("contact", "Phone / web"),
    ("contact_es", "Phone / web (Spanish)"),
]


class KitSettingsTab(QWidget):
    data_changed = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.min_shelf = QSpinBox()
        self.min_shelf.setRange(0, 1825)
        self.min_shelf.setSuffix(" days")
        self.title_en = QLineEdit()
        self.title_es = QLineEdit()
        self.entries = QTableWidget(0, len(ENTRY_FIELDS))
        self.entries.setHorizontalHeaderLabels([label for _f, label in ENTRY_FIELDS])
        self.entries.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.entries.verticalHeader().setVisible(False)
        self.law_en = QPlainTextEdit()
        self.law_es = QPlainTextEdit()
        for box in (self.law_en, self.law_es):
            box.setMaximumHeight(70)
        self.valid_months = QSpinBox()
        self.valid_months.setRange(1, 36)
        self.valid_months.setSuffix(" months")
        self.add_button = QPushButton("Add service")
        self.remove_button = QPushButton("Remove service")
        self.defaults_button = QPushButton("Restore defaults")
        self.preview_button = QPushButton("Preview card…")
        self.save_button = QPushButton("Save")
        self.error_label = error_label()
        self.saved_label = QLabel()
        self._layout()
        self.add_button.clicked.connect(lambda: self._add_entry(None))
        self.remove_button.clicked.connect(self._on_remove)
        self.defaults_button.clicked.connect(lambda: self._show(default_content()))
        self.preview_button.clicked.connect(self._on_preview)
        self.save_button.clicked.connect(self._on_save)

    def _layout(self) -> None:
        assembly = QGroupBox("Assembly")
        form = QFormLayout(assembly)
        form.addRow("Warn when a component expires within", self.min_shelf)
        card = QGroupBox("Local resource card (wallet size, English front, Spanish back)")
        card_layout = QVBoxLayout(card)
        titles = QFormLayout()
        titles.addRow("Title", self.title_en)
        titles.addRow("Title (Spanish)", self.title_es)
        titles.addRow("Information valid for", self.valid_months)
        card_layout.addLayout(titles)
        card_layout.addWidget(self.entries, 1)
        entry_bar = QHBoxLayout()
        entry_bar.addStretch(1)
        entry_bar.addWidget(self.add_button)
        entry_bar.addWidget(self.remove_button)
        card_layout.addLayout(entry_bar)
        law = QFormLayout()
        law.addRow("Good Samaritan summary", self.law_en)
        law.addRow("(Spanish)", self.law_es)
        card_layout.addLayout(law)
        bar = QHBoxLayout()
        bar.addWidget(self.saved_label, 1)
        for button in (self.defaults_button, self.preview_button, self.save_button):
            bar.addWidget(button)
        # The card editor is taller than a 600-pixel window allows: it scrolls, the buttons stay.
        content = QWidget()
        inner = QVBoxLayout(content)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(assembly)
        inner.addWidget(card, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(content)
        root = QVBoxLayout(self)
        root.addWidget(scroll, 1)
        root.addWidget(self.error_label)
        root.addLayout(bar)

    def refresh(self) -> None:
        self.min_shelf.setValue(self._services.kits.min_shelf_days())
        self._show(self._services.kits.card_content())
        self.error_label.clear()

    def _show(self, content: CardContent) -> None:
        self.title_en.setText(content.title_en)
        self.title_es.setText(content.title_es)
        self.valid_months.setValue(content.valid_months)
        self.entries.setRowCount(0)
        for entry in content.entries:
            self._add_entry(entry)
        self.law_en.setPlainText(content.good_samaritan_en)
        self.law_es.setPlainText(content.good_samaritan_es)

    def _add_entry(self, entry: CardEntry | None) -> None:
        row = self.entries.rowCount()
        self.entries.insertRow(row)
        for column, (name, _label) in enumerate(ENTRY_FIELDS):
            value = getattr(entry, name) if entry else ""
            self.entries.setItem(row, column, QTableWidgetItem(value))

    def content(self) -> CardContent:
        entries = []
        for row in range(self.entries.rowCount()):
            values = {
                name: (item.text() if (item := self.entries.item(row, c)) else "")
                for c, (name, _l) in enumerate(ENTRY_FIELDS)
            }
            if any(v.strip() for v in values.values()):
                entries.append(CardEntry(**{k: v.strip() for k, v in values.items()}))
        return CardContent(
            self.title_en.text().strip(),
            self.title_es.text().strip(),
            tuple(entries),
            self.law_en.toPlainText().strip(),
            self.law_es.toPlainText().strip(),
            self.valid_months.value(),
        )

    @Slot()
    def _on_remove(self) -> None:
        row = self.entries.currentRow()
        if row >= 0:
            self.entries.removeRow(row)

    @Slot()
    def _on_save(self) -> None:
        self.error_label.clear()
        try:
            self._services.kits.set_min_shelf_days(self.min_shelf.value())
            self._services.kits.save_card_content(self.content())
        except DomainError as refusal:
            self.error_label.setText(str(refusal))
            return
        self.saved_label.setText("Saved.")
        self.data_changed.emit()

    @Slot()
    def _on_preview(self) -> None:
        path = scratch_folder("card") / "resource-card-preview.pdf"
        self._services.kits.preview_resource_cards(path, self.content())
        PdfPreviewDialog(path, self, "Resource card preview").exec()
