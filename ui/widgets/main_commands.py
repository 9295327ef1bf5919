"""What the menu commands do: each opens the screen that owns the task and starts it there.

Knows the main window's screens by title and their public methods; no database, no layout.
"""

from __future__ import annotations

import sys
from importlib import metadata
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QMessageBox

from ui.widgets.guide_dialog import SCREEN_PAGES, GuideDialog

if TYPE_CHECKING:
    from ui.main_window import MainWindow

STATUS_MS = 6000


def app_version() -> str:
    try:
        return metadata.version("lbn-quartermaster")
    except metadata.PackageNotFoundError:
        return "development copy"


class MainCommands(QObject):
    """The menu bar's commands (ui.widgets.menus.MenuTarget) for one main window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.guide: GuideDialog | None = None

    def _tell(self, text: str) -> None:
        self._window.statusBar().showMessage(text, STATUS_MS)

    @Slot()
    def new_receipt(self) -> None:
        self.stock_action("receive")

    def stock_action(self, name: str) -> None:
        self._window.show_page("Inventory").run_action(name)  # type: ignore[attr-defined]

    @Slot()
    def import_tally_sheet(self) -> None:
        self._window.show_page("Distributions").open_import()  # type: ignore[attr-defined]

    @Slot()
    def export_partner_workbook(self) -> None:
        self._window.show_page("Reports").export_button.click()  # type: ignore[attr-defined]

    @Slot()
    def print_current(self) -> None:
        page = self._window.current_page()
        if page is None or not page.print_page():
            self._tell("Nothing to print on this screen; Reports prints every report.")

    @Slot()
    def back_up_now(self) -> None:
        settings = self._window.show_page("Settings")
        settings.show_tab("Backups").backup_button.click()  # type: ignore[attr-defined]

    @Slot()
    def find_on_screen(self) -> None:
        page = self._window.current_page()
        if page is not None:
            page.focus_search()

    @Slot()
    def refresh_current(self) -> None:
        self._window.refresh_current()

    def go_to(self, row: int) -> None:
        self._window.navigation.setCurrentRow(row)

    @Slot()
    def recall_trace(self) -> None:
        self._window.show_page("Kits").open_recall()  # type: ignore[attr-defined]

    @Slot()
    def vehicle_check(self) -> None:
        self._window.show_page("Kits").open_vehicle_check()  # type: ignore[attr-defined]

    def show_guide(self, page: str | None = None) -> None:
        """F1: the page for the screen on view, unless a page is named."""
        name = page or SCREEN_PAGES.get(self._window.current_title(), "index")
        if self.guide is None:
            self.guide = GuideDialog(name, self._window)
        else:
            self.guide.show_page(name)
        self.guide.show()
        self.guide.raise_()
        self.guide.activateWindow()

    @Slot()
    def show_about(self) -> None:
        QMessageBox.about(self._window, "About LBN Quartermaster", self.about_text())

    def about_text(self) -> str:
        services = self._window.services
        maintenance = services.maintenance if services is not None else None
        where = maintenance.describe() if maintenance is not None else "not shown"
        logs = self._window.log_path or "not written"
        return (
            "<b>LBN Quartermaster</b><br>Supply side of a Leave-Behind Naloxone program."
            f"<br><br>Version {app_version()} (Python {sys.version.split()[0]})"
            f"<br>Data: {where}<br>Log file: {logs}"
        )
