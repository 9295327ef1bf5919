"""QA: the screens fit a 900-pixel-wide window, and Reorders shows only buttons for its tab."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel

from ui.main_window import MainWindow
from ui.reorders.reorders_view import ReordersView
from ui.settings.settings_view import TABS

SMALL_WIDTH = 900
SMALL_HEIGHT = 600


@pytest.mark.parametrize("title", ["Reorders", "Settings"])
def test_screen_fits_a_small_window(qtbot, services, agency, title) -> None:
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.resize(SMALL_WIDTH, 600)
    window.show()
    page = window.show_page(title)
    if title == "Settings":
        page.show_tab("Locations")  # type: ignore[attr-defined]
    qtbot.wait(1)
    assert window.minimumSizeHint().width() <= SMALL_WIDTH
    assert window.width() <= SMALL_WIDTH


@pytest.mark.parametrize("tab", [title for title, _tab_class in TABS])
def test_every_settings_tab_fits_900_by_600(qtbot, services, agency, tab) -> None:
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.resize(SMALL_WIDTH, SMALL_HEIGHT)
    window.show()
    window.show_page("Settings").show_tab(tab)  # type: ignore[attr-defined]
    qtbot.wait(1)
    assert window.minimumSizeHint().height() <= SMALL_HEIGHT
    assert window.minimumSizeHint().width() <= SMALL_WIDTH
    assert window.height() <= SMALL_HEIGHT


def test_reorder_buttons_follow_the_tab(qtbot, services, agency) -> None:
    view = ReordersView(services)
    qtbot.addWidget(view)
    view.show()
    view.refresh()
    request_buttons = [
        view.sent_button,
        view.receive_button,
        view.preview_button,
        view.xlsx_button,
        view.cancel_button,
    ]
    assert view.tabs.currentWidget() is view.position
    assert not any(b.isVisible() for b in request_buttons)
    assert view.surge_button.isVisible() and view.parameters_button.isVisible()
    assert view.new_button.isVisible()
    view.tabs.setCurrentWidget(view.requests)
    assert all(b.isVisible() for b in request_buttons)
    assert not view.surge_button.isVisible() and not view.parameters_button.isVisible()
    assert view.new_button.isVisible()


def test_stock_position_names_the_source_choice_plainly(qtbot, services, agency) -> None:
    view = ReordersView(services)
    qtbot.addWidget(view)
    view.refresh()
    assert view.position.source.itemText(0) == "Any source (lead time 14 days)"
    labels = [w.text() for w in view.position.findChildren(QLabel)]
    assert "Ordering from" in labels and "Lead time of" not in labels
