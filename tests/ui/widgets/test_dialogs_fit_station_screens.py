"""Every dialog fits a 1024×600 laptop and a 1366×768 station PC, buttons in view."""

from __future__ import annotations

import re
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QDialogButtonBox, QScrollArea, QWidget

from lbn_desktop.database import open_database, sqlite_url
from models.common.clock import SystemClock
from models.services import Services, build_demo
from tools.dialog_catalog import DIALOGS
from ui.widgets.screen_fit import SCROLLED_NAME, fit_to_screen, size_cap

TASKBAR = 40
# Screens a quartermaster uses, less a Windows taskbar.
SCREENS = {"1024x600": QSize(1024, 600 - TASKBAR), "1366x768": QSize(1366, 768 - TASKBAR)}


@pytest.fixture(scope="module")
def demo_services() -> Iterator[Services]:
    database = open_database(sqlite_url(Path(tempfile.mkdtemp()) / "demo.sqlite3"))
    services = Services.build(database.sessions, SystemClock(), "demo")
    build_demo(services)
    yield services
    database.dispose()


@pytest.mark.parametrize("screen", list(SCREENS))
@pytest.mark.parametrize("name", list(DIALOGS))
def test_dialog_fits_the_screen_with_its_buttons_in_view(
    qtbot, demo_services, name, screen
) -> None:
    available = SCREENS[screen]
    dialog = DIALOGS[name](demo_services)
    qtbot.addWidget(dialog)
    fit_to_screen(dialog, 5000, 5000, available)
    dialog.show()
    cap = size_cap(available)
    assert dialog.width() <= cap.width() and dialog.height() <= cap.height()
    minimum = dialog.minimumSizeHint()
    assert minimum.width() <= cap.width() and minimum.height() <= cap.height()
    scroll = dialog.findChild(QScrollArea, SCROLLED_NAME)
    for box in dialog.findChildren(QDialogButtonBox):
        if box.isVisible() and scroll is not None:
            assert not scroll.isAncestorOf(box)  # Save / Close never scroll away
        _assert_inside(box, dialog)


def _assert_inside(widget: QWidget, dialog: QWidget) -> None:
    if not widget.isVisible():
        return
    bottom_right = widget.mapTo(dialog, widget.rect().bottomRight())
    assert bottom_right.y() <= dialog.height() and bottom_right.x() <= dialog.width()


def test_every_dialog_of_the_app_is_in_the_catalog() -> None:
    """A new dialog joins tools/dialog_catalog.py, so its size is tested and it is shot."""
    root = Path(__file__).resolve().parents[3]
    catalog = (root / "tools" / "dialog_catalog.py").read_text(encoding="utf-8")
    found = re.findall(
        r"^class (\w+)\((?:QDialog|QWizard|LotDialog)\)", _ui_sources(root / "ui"), re.M
    )
    missing = [name for name in found if name != "LotDialog" and name not in catalog]
    assert not missing, f"add to tools/dialog_catalog.py: {missing}"


def _ui_sources(folder: Path) -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(folder.rglob("*.py")))
