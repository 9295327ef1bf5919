"""Base class of the main window's screens: each gets the services and can refresh itself."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QAbstractItemView, QWidget

if TYPE_CHECKING:  # the window imports this before the database is open: keep it light
    from models.services import Services


class Page(QWidget):
    """A screen of the main window. `data_changed` tells the others the books moved."""

    data_changed = Signal()
    status_message = Signal(str)
    title = "Page"
    # True once the screen shows its figures; screens that load off the GUI thread set it
    # (through `mark_filled`) when the first results are on screen.
    filled = False

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services

    def refresh(self) -> None:
        """Reload what the screen shows from the services."""

    def mark_filled(self) -> None:
        self.filled = True

    def focus_search(self) -> None:
        """Ctrl+F: put the cursor in the screen's filter box, where it has one. Without one,
        the first list in view takes the keys: typing jumps to the row that starts so."""
        lists = [v for v in self.findChildren(QAbstractItemView) if v.isVisible()]
        if lists:
            lists[0].setFocus()
            if lists[0].currentIndex().row() < 0 and lists[0].model() is not None:
                lists[0].setCurrentIndex(lists[0].model().index(0, 0))
            self.status_message.emit("Type the start of a name to jump to its row.")

    def handle_scan(self, text: str) -> bool:
        """A scan caught by the window while this screen shows; False lets the window open
        the scanned lot on the Inventory screen."""
        return False

    def print_page(self) -> bool:
        """Ctrl+P: print what the screen shows; False where printing does not apply."""
        return False
