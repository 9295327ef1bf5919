"""The menu bar in desktop conventions, the guide on F1 and an About that says where data is."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt

from ui.main_window import PAGES, MainWindow
from ui.widgets.guide_dialog import SCREEN_PAGES, guide_folder, page_names

TASK_PAGES = [
    "receive-a-delivery",
    "make-kits",
    "stock-a-vehicle",
    "record-a-leave-behind",
    "handle-an-expiring-lot",
    "reorder",
    "send-the-partner-workbook",
    "train-personnel",
]


def _menu_texts(window: MainWindow) -> dict[str, list[str]]:
    menus = {}
    for action in window.menuBar().actions():
        title = action.text().replace("&", "")
        menus[title] = [a.text().replace("&", "") for a in action.menu().actions() if a.text()]
    return menus


def test_menu_bar_has_file_edit_view_tools_help_with_the_usual_commands(qtbot, services) -> None:
    window = MainWindow(services)
    qtbot.addWidget(window)
    menus = _menu_texts(window)
    assert list(menus) == ["File", "Edit", "View", "Stock", "Tools", "Help"]
    assert menus["File"] == [
        "New receipt…",
        "Import tally sheet…",
        "Export partner workbook…",
        "Print…",
        "Back up now",
        "Quit",
    ]
    assert {"Undo", "Copy", "Paste", "Find"} <= set(menus["Edit"])
    assert menus["View"][: len(PAGES)] == [title for title, _page_class in PAGES]
    assert menus["Help"] == [
        "User guide",
        "Keyboard shortcuts",
        "Words used in the app",
        "About LBN Quartermaster",
    ]
    shortcuts = {window.menu_actions[f"screen:{t}"].shortcut().toString() for t, _p in PAGES}
    assert shortcuts == {f"Ctrl+{n}" for n in range(1, 9)}


def test_view_shortcut_opens_the_screen(qtbot, services) -> None:
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    window.menu_actions["screen:Kits"].trigger()
    assert window.current_title() == "Kits"


def test_f1_opens_the_guide_page_of_the_current_screen(qtbot, services) -> None:
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    window.show_page("Reorders")
    window.menu_actions["guide"].trigger()
    guide = window.commands.guide
    assert guide is not None and guide.isVisible()
    assert guide.current_page() == "reorder"
    assert "average monthly consumption" in guide.browser.toPlainText()
    assert "F1" in [k.toString() for k in window.menu_actions["guide"].shortcuts()]


def test_guide_has_a_page_for_every_task_and_screen_and_its_images_exist() -> None:
    assert set(TASK_PAGES) <= set(page_names())
    assert set(SCREEN_PAGES.values()) <= set(page_names())
    for page in page_names():
        text = (guide_folder() / f"{page}.md").read_text(encoding="utf-8")
        for image in [
            w.split("(")[1].rstrip(")") for w in text.split() if w.startswith("](images/")
        ]:
            assert (guide_folder() / image).is_file(), f"{page} shows a missing {image}"


def test_guide_links_between_pages_stay_inside(qtbot) -> None:
    from PySide6.QtCore import QUrl

    from ui.widgets.guide_dialog import GuideDialog

    guide = GuideDialog()
    qtbot.addWidget(guide)
    guide.browser.anchorClicked.emit(QUrl("make-kits.md"))
    assert guide.current_page() == "make-kits"
    assert "first-expiry-first-out" in guide.browser.toPlainText()


def test_about_names_the_version_the_database_and_the_log(qtbot, services) -> None:
    window = MainWindow(services, log_path="/tmp/logs/lbn.log")
    qtbot.addWidget(window)
    text = window.commands.about_text()
    assert "Version " in text and "/tmp/logs/lbn.log" in text and "Data:" in text


def test_ctrl_f_on_the_dashboard_puts_the_cursor_in_its_filter(qtbot, services, agency) -> None:
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    window.show_page("Dashboard")
    window.find_action.trigger()
    qtbot.waitUntil(lambda: window.focusWidget() is not None)
    assert window.current_page().isAncestorOf(window.focusWidget())


def test_window_without_services_shows_at_once_and_fills_in_on_attach(qtbot, services) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    window.show_as_remembered()
    assert window.isVisible() and window.windowState() & Qt.WindowState.WindowMaximized
    assert window.current_page() is None
    window.attach(services)
    window.start()
    qtbot.waitUntil(lambda: window.current_page() is not None)
    assert window.current_title() == "Dashboard"


def test_window_reopens_at_its_last_size_not_maximized(qtbot, services) -> None:
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.resize(700, 500)
    window.show()
    window.close()
    assert QSettings().value("main_window/geometry") is not None
    again = MainWindow(services)
    qtbot.addWidget(again)
    again.show_as_remembered()
    assert not again.windowState() & Qt.WindowState.WindowMaximized
    assert again.size().width() == 700


def test_ctrl_f_on_a_screen_without_a_filter_box_goes_to_its_list(qtbot, services, agency) -> None:
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    page = window.show_page("Reorders")
    window.find_action.trigger()
    from PySide6.QtWidgets import QAbstractItemView

    qtbot.waitUntil(lambda: isinstance(window.focusWidget(), QAbstractItemView))
    assert page.isAncestorOf(window.focusWidget())
