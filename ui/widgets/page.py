"""Base class of the main window's screens: each gets the services and can refresh itself."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from models.services import Services


class Page(QWidget):
    """A screen of the main window. `data_changed` tells the others the books moved."""

    data_changed = Signal()
    status_message = Signal(str)
    title = "Page"

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services

    def refresh(self) -> None:
        """Reload what the screen shows from the services."""

    def focus_search(self) -> None:
        """Ctrl+F: put the cursor in the screen's filter box, where it has one."""

    def handle_scan(self, text: str) -> bool:
        """A scan caught by the window while this screen shows; False lets the window open
        the scanned lot on the Inventory screen."""
        return False

    def print_page(self) -> bool:
        """Ctrl+P: print what the screen shows; False where printing does not apply."""
        return False
