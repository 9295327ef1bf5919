"""Disassemble dialog: open kits back into their parts (out-of-date parts go to quarantine),
optionally rebuilding the same number of kits from fresh lots (re-kit), all or nothing.
"""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from models.common.errors import DomainError
from models.kits.rows import DisassemblyResult, KitStockRow
from models.services import Services
from ui.widgets.error_label import error_label
from ui.widgets.input_limits import limit_free_text
from ui.widgets.screen_fit import fit_to_screen


def kit_stock_text(row: KitStockRow) -> str:
    expiry = row.expiry.isoformat() if row.expiry else "no expiry"
    flag = f" — re-kit: {row.rekit_reason}" if row.rekit_reason else ""
    place = f"{row.location_path} ({row.quantity})"
    return f"{row.lot_number} · {row.recipe_name} · exp {expiry} · {place}{flag}"


class DisassembleDialog(QDialog):
    def __init__(
        self,
        services: Services,
        parent: QWidget | None = None,
        selected: KitStockRow | None = None,
        rebuild: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Re-kit or disassemble kits")
        self._services = services
        self.outcome: DisassemblyResult | None = None
        self._rows = services.kits.list_kit_stock()
        self.kits = QComboBox()
        for row in self._rows:
            self.kits.addItem(kit_stock_text(row))
        self.count = QSpinBox()
        self.rebuild = QCheckBox("Rebuild the same number of kits from fresh lots (re-kit)")
        self.rebuild.setChecked(rebuild)
        self.note = limit_free_text(QLineEdit())
        self.note.setPlaceholderText("e.g. replace naloxone expiring next month")
        self.hint = QLabel(
            "Parts come back as loose stock at the kits' location; expired parts go to the "
            "station's quarantine. A re-kit never reuses the parts that made the kits due."
        )
        self.hint.setWordWrap(True)
        self.error_label = error_label()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        form = QFormLayout()
        form.addRow("Kits", self.kits)
        form.addRow("How many", self.count)
        form.addRow("", self.rebuild)
        form.addRow("Note", self.note)
        root = QVBoxLayout(self)
        root.addLayout(form)
        root.addWidget(self.hint)
        root.addWidget(self.error_label)
        root.addWidget(self.buttons)
        self.kits.currentIndexChanged.connect(self._on_kits_changed)
        self.rebuild.toggled.connect(self._on_kits_changed)
        self.buttons.accepted.connect(self._on_accept)
        self.buttons.rejected.connect(self.reject)
        if selected is not None:
            index = next(
                (
                    i
                    for i, r in enumerate(self._rows)
                    if (r.lot_id, r.location_id) == (selected.lot_id, selected.location_id)
                ),
                0,
            )
            self.kits.setCurrentIndex(index)
        self._on_kits_changed()
        fit_to_screen(self, 640, 260)

    def current(self) -> KitStockRow | None:
        index = self.kits.currentIndex()
        return self._rows[index] if 0 <= index < len(self._rows) else None

    @Slot()
    def _on_kits_changed(self) -> None:
        row = self.current()
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if row is None:
            self.error_label.setText("There are no kits to open.")
            ok.setEnabled(False)
            return
        self.count.setRange(1, row.quantity)
        self.count.setValue(row.quantity)
        ok.setText("Re-kit" if self.rebuild.isChecked() else "Disassemble")

    @Slot()
    def _on_accept(self) -> None:
        row = self.current()
        if row is None:
            return
        try:
            self.outcome = self._services.kits.disassemble_kits(
                row.lot_id,
                row.location_id,
                self.count.value(),
                note=self.note.text().strip() or None,
                rebuild=self.rebuild.isChecked(),
            )
        except DomainError as refusal:
            self.error_label.setText(str(refusal))
            return
        self.accept()
