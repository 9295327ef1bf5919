"""Screenshots of the inventory views, the reference-data settings tabs and the first-run wizard.

Usage: python tools/inventory_screenshots.py OUT_DIR [WIDTHxHEIGHT ...]   (offscreen Qt)
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QWidget

from lbn_desktop.database import open_database, sqlite_url
from models.common.clock import SystemClock
from models.services import Services, build_demo
from ui.main_window import MainWindow
from ui.settings.first_run_wizard import FirstRunWizard

VIEWS = ["lots", "products", "locations"]
TABS = ["Agency", "Catalog", "Locations", "Sources"]


def _save(app: QApplication, widget: QWidget, target: Path) -> None:
    app.processEvents()
    widget.grab().save(str(target))
    print(target)


def main(out: Path, sizes: list[tuple[int, int]]) -> None:
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication([])
    QCoreApplication.setOrganizationName("LBN Quartermaster Screenshots")
    folder = Path(tempfile.mkdtemp())
    database = open_database(sqlite_url(folder / "demo.sqlite3"))
    services = Services.build(database.sessions, SystemClock(), "demo")
    wizard = FirstRunWizard(services)
    for page in range(4):
        wizard.show()
        if page:
            wizard.next()
        _save(app, wizard, out / f"wizard-{page}.png")
    wizard.close()
    build_demo(services)
    window = MainWindow(services)
    for width, height in sizes:
        window.resize(width, height)
        window.show()
        inventory = window.show_page("Inventory")
        for number, name in enumerate(VIEWS):
            inventory.show_view(number)  # type: ignore[attr-defined]
            _save(app, window, out / f"inventory-{name}-{width}x{height}.png")
        inventory.show_view(0)  # type: ignore[attr-defined]
        settings = window.show_page("Settings")
        for title in TABS:
            tab = settings.show_tab(title)  # type: ignore[attr-defined]
            if title == "Locations":
                tab.select(services.catalog.list_locations()[0].id)
            _save(app, window, out / f"settings-{title.lower()}-{width}x{height}.png")
    window.close()
    database.dispose()


if __name__ == "__main__":
    size_args = sys.argv[2:] or ["1280x800", "900x600"]
    main(Path(sys.argv[1]), [tuple(int(v) for v in s.split("x")) for s in size_args])  # type: ignore[misc]
