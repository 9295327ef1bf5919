"""The program's common outcomes as tags a responder ticks instead of typing a note.

Knows the tag list it is given (codes and labels from Settings → Distributions); not the database.
"""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QPushButton, QWidget

COLUMNS = 3  # fits 1024 px: long labels ("Bystanders shown how to use naloxone") stay whole


class OutcomeTags(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.buttons: dict[str, QPushButton] = {}
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setHorizontalSpacing(4)
        self._grid.setVerticalSpacing(2)

    def set_tags(self, tags: list[tuple[str, str]]) -> None:
        """Show one toggle per (label, code); ticks on tags that remain are kept."""
        ticked = set(self.ticked())
        for button in self.buttons.values():
            self._grid.removeWidget(button)
            button.deleteLater()
        self.buttons = {}
        for index, (label, code) in enumerate(tags):
            button = QPushButton(label)
            button.setCheckable(True)
            button.setChecked(code in ticked)
            button.setToolTip("Tick instead of typing a note (Space toggles)")
            self._grid.addWidget(button, index // COLUMNS, index % COLUMNS)
            self.buttons[code] = button
        self.setVisible(bool(tags))

    def ticked(self) -> tuple[str, ...]:
        return tuple(code for code, button in self.buttons.items() if button.isChecked())

    def clear(self) -> None:
        for button in self.buttons.values():
            button.setChecked(False)
