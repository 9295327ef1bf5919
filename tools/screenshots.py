"""Screenshots of every screen and every dialog with the demo agency: `make screenshots`.

Usage: python tools/screenshots.py OUT_DIR [WIDTHxHEIGHT ...] [--guide IMAGES_DIR]
Each screen size runs in its own offscreen Qt whose screen is that size less a 40-pixel
taskbar, so dialogs cap themselves exactly as on the station PC. With --guide, the pictures
the user guide shows are also written (scaled down) into IMAGES_DIR.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TASKBAR = 40
TITLE_BAR = 30
SIZE_ENV = "LBN_SHOT_SIZE"
DEFAULT_SIZES = ["1024x600", "1366x768"]
GUIDE_SIZE = "1366x768"
GUIDE_WIDTH = 720
# Pictures of the user guide: file name in resources/guide/images -> shot name.
GUIDE_SHOTS = {
    "dashboard.png": "screen-dashboard",
    "inventory.png": "screen-inventory",
    "distributions.png": "screen-distributions",
    "reorders.png": "screen-reorders",
    "dialog-receive.png": "dialog-receive",
    "dialog-assemble.png": "dialog-assemble",
    "dialog-kit-transfer.png": "dialog-kit-transfer",
    "dialog-partner-preview.png": "dialog-partner-preview",
    "dialog-training-session.png": "dialog-training-session",
}


def _screen_config(width: int, height: int) -> Path:
    screen = {"name": "station", "x": 0, "y": 0, "width": width, "height": height - TASKBAR}
    screen |= {"logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}
    path = Path(tempfile.mkdtemp()) / "screen.json"
    path.write_text(json.dumps({"screens": [screen]}))
    return path


def main(out: Path, sizes: list[str], guide: Path | None) -> None:
    """One child process per screen size; then the guide's pictures from the guide size."""
    out.mkdir(parents=True, exist_ok=True)
    for size in sizes:
        width, height = (int(v) for v in size.split("x"))
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": f"offscreen:configfile={_screen_config(width, height)}",
            SIZE_ENV: size,
            "PYTHONPATH": str(ROOT),
        }
        subprocess.run([sys.executable, __file__, str(out)], env=env, cwd=ROOT, check=True)
    if guide is not None:
        _guide_images(out, guide)


def _guide_images(out: Path, guide: Path) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage

    guide.mkdir(parents=True, exist_ok=True)
    for target, shot in GUIDE_SHOTS.items():
        image = QImage(str(out / f"{shot}-{GUIDE_SIZE}.png"))
        if image.width() > GUIDE_WIDTH:
            image = image.scaledToWidth(GUIDE_WIDTH, Qt.TransformationMode.SmoothTransformation)
        image = image.convertToFormat(QImage.Format.Format_Indexed8)  # small files in git
        image.save(str(guide / target), "PNG", 9)
        print(guide / target)


def shoot(out: Path, size: str) -> None:
    """In the child: every screen at the window's size, then every dialog as it opens."""
    from PySide6.QtCore import QCoreApplication, QThreadPool
    from PySide6.QtWidgets import QApplication

    from lbn_desktop.database import open_database, sqlite_url
    from models.common.clock import SystemClock
    from models.services import Services, build_demo
    from tools.dialog_catalog import DIALOGS
    from ui.main_window import PAGES, MainWindow
    from ui.settings.settings_view import TABS

    app = QApplication.instance() or QApplication([])
    QCoreApplication.setOrganizationName("LBN Quartermaster Screenshots")

    def settle() -> None:
        for _ in range(3):
            app.processEvents()
            QThreadPool.globalInstance().waitForDone(30_000)
            app.processEvents()

    database = open_database(sqlite_url(Path(tempfile.mkdtemp()) / "demo.sqlite3"))
    services = Services.build(database.sessions, SystemClock(), "demo")
    build_demo(services)
    width, height = (int(v) for v in size.split("x"))
    window = MainWindow(services)
    window.resize(width, height - TASKBAR - TITLE_BAR)
    window.show()
    for title, _page_class in PAGES:
        window.show_page(title)
        settle()
        _save(window, out / f"screen-{title.lower()}-{size}.png")
    for tab, _tab_class in TABS[1:]:  # the first is on the Settings shot already
        window.page("Settings").show_tab(tab)  # type: ignore[attr-defined]
        settle()
        _save(window, out / f"screen-settings-{tab.lower()}-{size}.png")
    for name, factory in DIALOGS.items():
        dialog = factory(services)
        dialog.show()
        settle()
        _save(dialog, out / f"dialog-{name}-{size}.png")
        dialog.close()
        dialog.deleteLater()
    window.close()
    app.processEvents()
    database.dispose()


def _save(widget, target: Path) -> None:
    widget.grab().save(str(target))
    print(f"{target}  {widget.width()}x{widget.height()}")


if __name__ == "__main__":
    if os.environ.get(SIZE_ENV):
        sys.path.insert(0, str(ROOT))
        shoot(Path(sys.argv[1]), os.environ[SIZE_ENV])
    else:
        args = sys.argv[1:]
        guide_dir = None
        if "--guide" in args:
            at = args.index("--guide")
            guide_dir = Path(args[at + 1])
            del args[at : at + 2]
        main(Path(args[0]), args[1:] or DEFAULT_SIZES, guide_dir)
