"""Main window: navigation without a gap, remembered geometry, shortcuts, the Stock menu."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from ui.inventory.inventory_view import InventoryView
from ui.main_window import MainWindow


def _window(qtbot, services, width: int = 1280, height: int = 800) -> MainWindow:
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.resize(width, height)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_screen_starts_right_after_the_navigation(qtbot, services) -> None:
    for width, height in ((1280, 800), (900, 600)):
        window = _window(qtbot, services, width, height)
        nav, stack = window.navigation, window.stack
        gap = stack.geometry().left() - nav.geometry().right()
        assert gap <= window.splitter.handleWidth() + 1
        assert nav.width() < 260  # the screen gets the room, not the list
        assert window.width() <= width  # every screen fits the smaller size
        window.close()


def test_geometry_and_splitter_are_remembered(qtbot, services) -> None:
    window = _window(qtbot, services, 760, 560)  # within the offscreen screen
    window.splitter.setSizes([200, 560])
    window.close()
    restored = MainWindow(services)
    qtbot.addWidget(restored)
    restored.show()
    assert (restored.width(), restored.height()) == (760, 560)
    assert abs(restored.splitter.sizes()[0] - 200) <= 2


def test_standard_shortcuts_are_bound(qtbot, services) -> None:
    window = _window(qtbot, services)
    assert QKeySequence("F5") in window.refresh_action.shortcuts()
    assert window.find_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Find)
    assert window.print_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Print)


def test_ctrl_f_puts_the_cursor_in_the_inventory_search(qtbot, services, agency) -> None:
    window = _window(qtbot, services)
    inventory = window.show_page("Inventory")
    assert isinstance(inventory, InventoryView)
    window.activateWindow()
    qtbot.waitActive(window)
    window.find_action.trigger()
    qtbot.waitUntil(inventory.filters.search.hasFocus, timeout=2000)


def test_stock_menu_acts_on_the_inventory_selection(qtbot, monkeypatch, services, agency) -> None:
    window = _window(qtbot, services)
    inventory = window.show_page("Inventory")
    seen: list[str] = []
    monkeypatch.setattr(inventory, "run_action", lambda name: seen.append(name))
    window.show_page("Settings")
    window.stock_actions["history"].trigger()
    assert seen == ["history"] and window.current_page() is inventory
    window.receive_action.trigger()
    assert seen == ["history", "receive"]


def test_title_follows_the_agency_name(qtbot, services) -> None:
    window = _window(qtbot, services)
    settings = window.show_page("Settings")
    tab = settings.show_tab("Agency")
    tab.fields["agency_name"].setText("Town Police")
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert window.windowTitle() == "LBN Quartermaster — Town Police"
