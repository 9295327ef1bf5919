"""A row of labelled fields that folds into two rows when the window is narrow.

Knows widgets and widths only. Used by quick entry, whose seven fields do not fit one row of a
900-pixel window without cutting the choices short.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget


class FieldGrid(QWidget):
    """Labels above their fields; below `wide` pixels the fields from `split` on go below."""

    def __init__(
        self,
        fields: Sequence[tuple[str, QWidget]],
        *,
        split: int,
        wide: int,
        stretch: Sequence[int] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._pairs: list[tuple[QLabel, QWidget]] = []
        for title, widget in fields:
            label = QLabel(title)
            label.setBuddy(widget)
            self._pairs.append((label, widget))
        self._split, self._wide, self._stretch = split, wide, set(stretch)
        self._rows = (QGridLayout(), QGridLayout())
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        for grid in self._rows:
            box.addLayout(grid)
        self.two_rows: bool | None = None
        self._arrange(two_rows=False)

    def _arrange(self, two_rows: bool) -> None:
        if two_rows == self.two_rows:
            return
        self.two_rows = two_rows
        split = self._split if two_rows else len(self._pairs)
        for grid in self._rows:
            for label, widget in self._pairs:
                grid.removeWidget(label)
                grid.removeWidget(widget)
            for column in range(len(self._pairs)):
                grid.setColumnStretch(column, 0)
        for index, (label, widget) in enumerate(self._pairs):
            grid, column = (
                (self._rows[0], index) if index < split else (self._rows[1], index - split)
            )
            grid.addWidget(label, 0, column)
            grid.addWidget(widget, 1, column)
            if index in self._stretch:
                grid.setColumnStretch(column, 2)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._arrange(two_rows=event.size().width() < self._wide)
        super().resizeEvent(event)
