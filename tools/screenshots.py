"""Screenshots of every screen with the demo agency: `make screenshots` (offscreen Qt).

Usage: python tools/screenshots.py OUT_DIR [WIDTHxHEIGHT ...]
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QThreadPool
from PySide6.QtWidgets import QApplication

from lbn_desktop.database import open_database, sqlite_url
from models.common.clock import SystemClock
from models.services import Services, build_demo
from ui.main_window import PAGES, MainWindow


def settle(app: QApplication) -> None:
    """Let background loading finish and its results reach the widgets."""
    for _ in range(3):
        app.processEvents()
        QThreadPool.globalInstance().waitForDone(30_000)
        app.processEvents()


def main(out: Path, sizes: list[tuple[int, int]]) -> None:
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication([])
    QCoreApplication.setOrganizationName("LBN Quartermaster Screenshots")
    folder = Path(tempfile.mkdtemp())
    database = open_database(sqlite_url(folder / "demo.sqlite3"))
    services = Services.build(database.sessions, SystemClock(), "demo")
    build_demo(services)
    window = MainWindow(services)
    for width, height in sizes:
        window.resize(width, height)
        window.show()
        for title, _page_class in PAGES:
            window.show_page(title)
            settle(app)
            target = out / f"{title.lower()}-{width}x{height}.png"
            window.grab().save(str(target))
            print(target)
    window.close()
    database.dispose()


if __name__ == "__main__":
    size_args = sys.argv[2:] or ["1280x800", "900x600"]
    main(Path(sys.argv[1]), [tuple(int(v) for v in s.split("x")) for s in size_args])  # type: ignore[misc]
