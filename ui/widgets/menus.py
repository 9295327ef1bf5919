"""The main window's menu bar and toolbar in desktop conventions; knows actions, not screens.

File, Edit, View, Stock, Tools and Help. Each action calls a method of the window (MenuTarget),
so the window decides what a command does and this module only decides where it sits.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QApplication, QMainWindow, QToolBar

# Stock actions of the Inventory screen, also offered in the Stock menu (after Receive).
STOCK_MENU = ["transfer", "count", "count_place", "quarantine", "dispose", "reverse", "history"]
# The stock actions' names, shared by the Stock menu and the Inventory toolbar.
STOCK_LABELS = {
    "receive": "Receive",
    "transfer": "Transfer",
    "count": "Count",
    "count_place": "Count a place",
    "quarantine": "Quarantine",
    "dispose": "Dispose",
    "reverse": "Reverse",
    "history": "History",
}
EDIT_COMMANDS = [
    ("&Undo", QKeySequence.StandardKey.Undo, "undo"),
    ("&Redo", QKeySequence.StandardKey.Redo, "redo"),
    (None, None, ""),
    ("Cu&t", QKeySequence.StandardKey.Cut, "cut"),
    ("&Copy", QKeySequence.StandardKey.Copy, "copy"),
    ("&Paste", QKeySequence.StandardKey.Paste, "paste"),
    ("Select &all", QKeySequence.StandardKey.SelectAll, "selectAll"),
]


class MenuTarget(Protocol):
    """What the window offers the menus."""

    def new_receipt(self) -> None: ...
    def import_tally_sheet(self) -> None: ...
    def export_partner_workbook(self) -> None: ...
    def print_current(self) -> None: ...
    def back_up_now(self) -> None: ...
    def find_on_screen(self) -> None: ...
    def refresh_current(self) -> None: ...
    def go_to(self, row: int) -> None: ...
    def stock_action(self, name: str) -> None: ...
    def recall_trace(self) -> None: ...
    def vehicle_check(self) -> None: ...
    def show_guide(self, page: str | None = None) -> None: ...
    def show_about(self) -> None: ...


def _action(window: QMainWindow, text: str, slot, shortcut=None, tip: str = "") -> QAction:
    action = QAction(text, window)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    if tip:
        action.setStatusTip(tip)
    action.triggered.connect(lambda _=False: slot())
    return action


def build_menus(window: QMainWindow, target: MenuTarget, screens: list[str]) -> dict[str, QAction]:
    """Fill the window's menu bar; returns the actions by name (for the toolbar and tests)."""
    bar = window.menuBar()
    a: dict[str, QAction] = {
        "receive": _action(
            window, "&New receipt…", target.new_receipt, "Ctrl+R", "Receive a delivery into stock"
        ),
        "import_tally": _action(window, "&Import tally sheet…", target.import_tally_sheet),
        "export_partner": _action(
            window, "&Export partner workbook…", target.export_partner_workbook
        ),
        "print": _action(window, "&Print…", target.print_current, QKeySequence.StandardKey.Print),
        "backup": _action(window, "&Back up now", target.back_up_now),
        "quit": _action(window, "&Quit", window.close, QKeySequence.StandardKey.Quit),
        "find": _action(window, "&Find", target.find_on_screen, QKeySequence.StandardKey.Find),
        "refresh": _action(window, "&Refresh", target.refresh_current, "F5"),
        "recall": _action(window, "&Recall trace…", target.recall_trace),
        "vehicle_check": _action(
            window,
            "&Vehicle check…",
            target.vehicle_check,
            tip="Check the kits on board a vehicle at shift start",
        ),
        "guide": _action(
            window, "&User guide", target.show_guide, QKeySequence.StandardKey.HelpContents
        ),
        "shortcuts": _action(
            window, "&Keyboard shortcuts", lambda: target.show_guide("keyboard-shortcuts")
        ),
        "words": _action(window, "&Words used in the app", lambda: target.show_guide("words")),
        "about": _action(window, "&About LBN Quartermaster", target.show_about),
    }
    a["guide"].setShortcuts([QKeySequence("F1")])
    a["quit"].setMenuRole(QAction.MenuRole.QuitRole)
    a["about"].setMenuRole(QAction.MenuRole.AboutRole)
    _fill(
        bar.addMenu("&File"),
        a,
        "receive",
        "import_tally",
        "export_partner",
        "-",
        "print",
        "-",
        "backup",
        "-",
        "quit",
    )
    edit = bar.addMenu("&Edit")
    for text, key, method in EDIT_COMMANDS:
        if text is None:
            edit.addSeparator()
            continue
        a[method] = _action(window, text, lambda m=method: _edit(m), key)
        a[method].setShortcutContext(Qt.ShortcutContext.WidgetShortcut)  # widgets keep their keys
        edit.addAction(a[method])
    edit.addSeparator()
    edit.addAction(a["find"])
    view = bar.addMenu("&View")
    for row, title in enumerate(screens):
        a[f"screen:{title}"] = _action(
            window, title, lambda r=row: target.go_to(r), f"Ctrl+{row + 1}"
        )
        view.addAction(a[f"screen:{title}"])
    view.addSeparator()
    view.addAction(a["refresh"])
    stock = bar.addMenu("&Stock")
    stock.addAction(a["receive"])
    for name in STOCK_MENU:
        a[name] = _action(
            window,
            f"{STOCK_LABELS[name]}…",
            lambda n=name: target.stock_action(n),
            tip="Acts on the line selected in Inventory",
        )
        stock.addAction(a[name])
    stock.addSeparator()
    stock.addAction(a["vehicle_check"])
    _fill(bar.addMenu("&Tools"), a, "recall", "backup")
    _fill(bar.addMenu("&Help"), a, "guide", "shortcuts", "words", "-", "about")
    return a


def build_toolbar(window: QMainWindow, actions: dict[str, QAction]) -> QToolBar:
    toolbar = window.addToolBar("Main")
    toolbar.setObjectName("main-toolbar")
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    toolbar.setMovable(False)
    for name in ("receive", "refresh", "find", "print", "guide"):
        toolbar.addAction(actions[name])
    return toolbar


def _fill(menu, actions: dict[str, QAction], *names: str) -> None:
    for name in names:
        if name == "-":
            menu.addSeparator()
        else:
            menu.addAction(actions[name])


def _edit(method: str) -> None:
    """Undo, copy, paste… on whatever has the keyboard focus; tables copy their selected cells."""
    widget = QApplication.focusWidget()
    if isinstance(widget, QAbstractItemView) and method == "copy":
        QGuiApplication.clipboard().setText(_selected_text(widget))
        return
    command = getattr(widget, method, None)
    if callable(command):
        command()


def _selected_text(view: QAbstractItemView) -> str:
    """Selected cells as tab-separated lines, ready to paste into a spreadsheet."""
    indexes = sorted(view.selectedIndexes(), key=lambda i: (i.row(), i.column()))
    lines: dict[int, list[str]] = {}
    for index in indexes:
        lines.setdefault(index.row(), []).append(str(index.data() or ""))
    return "\n".join("\t".join(cells) for cells in lines.values())
