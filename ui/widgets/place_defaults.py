"""Where a dialog's place starts: the place used last for that action, else the supply room.

Knows location rows (path, kind) and QSettings; not what the action does with the place.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QComboBox

# Kinds in the order a quartermaster expects stock to arrive and be worked on.
WORK_KINDS = ("room", "cabinet", "station")


class Place(Protocol):
    @property
    def id(self) -> int: ...
    @property
    def kind(self) -> str: ...


def _key(action: str) -> str:
    return f"places/{action}"


def default_place(action: str, places: Sequence[Place]) -> int | None:
    """The last place used for `action` if it is still offered, else the first supply room."""
    remembered = QSettings().value(_key(action))
    ids = {p.id for p in places}
    if remembered is not None and int(remembered) in ids:
        return int(remembered)
    for kind in WORK_KINDS:
        found = next((p.id for p in places if p.kind == kind), None)
        if found is not None:
            return found
    return places[0].id if places else None


def remember_place(action: str, location_id: int | None) -> None:
    if location_id is not None:
        QSettings().setValue(_key(action), int(location_id))


def select_default(combo: QComboBox, action: str, places: Sequence[Place]) -> None:
    """Point a place combo (item data = location id) at the default place for `action`."""
    wanted = default_place(action, places)
    index = combo.findData(wanted) if wanted is not None else -1
    if index >= 0:
        combo.setCurrentIndex(index)
