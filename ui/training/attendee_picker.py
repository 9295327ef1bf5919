"""Tick attendees from the roster, filtered by text or station; knows rows, not the database."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models.training.rows import PersonRow

IdRole = Qt.ItemDataRole.UserRole + 1


class AttendeePicker(QWidget):
    """A checkable list; filtering hides lines but never unticks them."""

    changed = Signal()

    def __init__(self, people: Sequence[PersonRow], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._people = {p.id: p for p in people}
        self.search = QLineEdit()
        self.search.setPlaceholderText("Filter by name, badge or unit")
        self.search.setClearButtonEnabled(True)
        self.station = QComboBox()
        self.station.addItem("All stations", None)
        for name in sorted({p.station_name for p in people if p.station_name}):
            self.station.addItem(name, name)
        self.list = QListWidget()
        for person in people:
            text = (
                f"{person.label} — {person.station_name}" if person.station_name else person.label
            )
            item = QListWidgetItem(text + ("" if person.active else " (inactive)"))
            item.setData(IdRole, person.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.tick_shown = QPushButton("Tick shown")
        self.clear = QPushButton("Untick all")
        self.count_label = QLabel()
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.station)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label, 1)
        bottom.addWidget(self.tick_shown)
        bottom.addWidget(self.clear)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.list, 1)
        layout.addLayout(bottom)
        self.search.textChanged.connect(self._apply_filter)
        self.station.currentIndexChanged.connect(self._apply_filter)
        self.list.itemChanged.connect(self._on_item_changed)
        self.tick_shown.clicked.connect(lambda: self._tick(shown_only=True, state=True))
        self.clear.clicked.connect(lambda: self._tick(shown_only=False, state=False))
        self._on_item_changed()

    def items(self) -> list[QListWidgetItem]:
        return [self.list.item(i) for i in range(self.list.count())]

    def ticked_ids(self) -> list[int]:
        return [
            item.data(IdRole) for item in self.items() if item.checkState() == Qt.CheckState.Checked
        ]

    def ticked_people(self) -> list[PersonRow]:
        return [self._people[i] for i in self.ticked_ids()]

    def set_ticked(self, ids: Iterable[int]) -> None:
        wanted = set(ids)
        for item in self.items():
            checked = item.data(IdRole) in wanted
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def _tick(self, shown_only: bool, state: bool) -> None:
        for item in self.items():
            if not shown_only or not item.isHidden():
                item.setCheckState(Qt.CheckState.Checked if state else Qt.CheckState.Unchecked)

    @Slot()
    def _apply_filter(self) -> None:
        text = self.search.text().strip().lower()
        station = self.station.currentData()
        for item in self.items():
            person = self._people[item.data(IdRole)]
            haystack = " ".join(filter(None, (person.name, person.badge, person.unit))).lower()
            visible = (not text or text in haystack) and (
                station is None or person.station_name == station
            )
            item.setHidden(not visible)

    @Slot()
    def _on_item_changed(self) -> None:
        self.count_label.setText(f"{len(self.ticked_ids())} ticked")
        self.changed.emit()
