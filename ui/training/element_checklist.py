"""Check boxes for the roll-call training elements, with the document's wording as tooltips."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QGroupBox, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from models.training.elements import ELEMENTS


class ElementChecklist(QGroupBox):
    """One box per element in the source document's order; `changed` on every tick."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Elements covered", parent)
        self.boxes: dict[str, QCheckBox] = {}
        layout = QVBoxLayout(self)
        for element in ELEMENTS:
            box = QCheckBox(element.title)
            box.setToolTip(element.description)
            box.toggled.connect(self.changed)
            self.boxes[element.code] = box
            layout.addWidget(box)
        self.all_button = QPushButton("All")
        self.none_button = QPushButton("None")
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.all_button)
        row.addWidget(self.none_button)
        layout.addLayout(row)
        self.all_button.clicked.connect(lambda: self.set_codes(self.boxes))
        self.none_button.clicked.connect(lambda: self.set_codes(()))

    def codes(self) -> tuple[str, ...]:
        return tuple(code for code, box in self.boxes.items() if box.isChecked())

    def set_codes(self, codes: Iterable[str]) -> None:
        wanted = set(codes)
        for code, box in self.boxes.items():
            box.setChecked(code in wanted)
