"""Accessibility of every screen and every dialog class under ui/: each input, table and list has a
name a screen reader says, each button a tooltip, and Tab reaches every control.

Dialogs are found by walking the ui package, so a dialog added later is checked without editing
this file; one that needs an argument this file cannot build fails with a message saying so.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QDialog,
    QHeaderView,
    QLineEdit,
    QMainWindow,
    QMenu,
    QRadioButton,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

import ui
from models.reports.rows import Period
from models.reports.service import ReportKind
from models.stock.rows import ReceiveLine
from tests.models.distribution_helpers import entry, receive_kits
from ui.main_window import PAGES, MainWindow
from ui.widgets.accessible_names import (
    install_accessible_names,
    is_part_of_another_widget,
    needs_name,
    plain,
    spoken_name,
)


def dialog_classes() -> Iterator[type[QDialog]]:
    for info in pkgutil.walk_packages(ui.__path__, "ui."):
        module = importlib.import_module(info.name)
        for cls in vars(module).values():
            if (
                inspect.isclass(cls)
                and issubclass(cls, QDialog)
                and cls.__module__ == module.__name__
            ):
                yield cls


DIALOGS = sorted(dialog_classes(), key=lambda c: c.__name__)

# How to build an argument a dialog needs, by parameter name.
Builder = Callable[[Any, Any, Path], Any]
BUILDERS: dict[str, Builder] = {
    "services": lambda services, _agency, _tmp: services,
    "parent": lambda _services, _agency, _tmp: None,
    "held_only": lambda _services, _agency, _tmp: False,
    "snooze": lambda _services, _agency, _tmp: False,
    "alert": lambda services, _agency, _tmp: services.alerts.list_alerts()[0],
    "record": lambda services, agency, _tmp: services.distributions.record_distribution(
        entry(agency)
    ),
    "audit": lambda services, _agency, _tmp: services.text_audit,
    "audited": lambda services, _agency, _tmp: services.partners.prepare_release(
        Period(date(2025, 10, 1), date(2025, 12, 31))
    ),
    "pdf_path": lambda services, _agency, tmp: services.reports.write_report(
        ReportKind.INVENTORY, tmp / "inventory.pdf"
    ),
}


@pytest.fixture(autouse=True)
def namer(qapp: QApplication) -> Iterator[None]:
    installed = install_accessible_names(qapp)
    yield
    qapp.removeEventFilter(installed)


@pytest.fixture
def stocked(services, agency):
    line = ReceiveLine(agency.narcan, "SOON1", date(2026, 2, 10), 6)
    services.stock.receive(agency.room, [line])
    receive_kits(services, agency.vehicle, 3)
    return agency


def build(cls: type[QDialog], services, agency, tmp_path: Path) -> QDialog:
    arguments: dict[str, Any] = {}
    for parameter in list(inspect.signature(cls.__init__).parameters.values())[1:]:
        if parameter.kind in (parameter.VAR_POSITIONAL, parameter.VAR_KEYWORD):
            continue
        if parameter.default is not parameter.empty:
            continue
        if parameter.name not in BUILDERS:
            pytest.fail(
                f"{cls.__module__}.{cls.__name__} needs '{parameter.name}': add a builder for it "
                "to BUILDERS in tests/ui/test_accessibility.py so its accessibility is checked."
            )
        arguments[parameter.name] = BUILDERS[parameter.name](services, agency, tmp_path)
    return cls(**arguments)


def describe(widget: QWidget) -> str:
    """Where a widget is, for a failure message a developer can act on."""
    chain = []
    current: QWidget | None = widget
    while current is not None and not current.isWindow():
        chain.append(current.objectName() or type(current).__name__)
        current = current.parentWidget()
    hint = ""
    if isinstance(widget, QLineEdit) and widget.placeholderText():
        hint = f" placeholder '{widget.placeholderText()}'"
    if isinstance(widget, QAbstractButton):
        hint = f" text '{widget.text()}'"
    attribute = _attribute_name(widget)
    where = f"self.{attribute}" if attribute else " / ".join(reversed(chain))
    return f"{type(widget).__name__} {where}{hint} in {type(widget.window()).__name__}"


def _attribute_name(widget: QWidget) -> str:
    current = widget.parentWidget()
    while current is not None:
        for name, value in vars(current).items():
            if value is widget:
                return f"{name} of {type(current).__name__}"
        current = current.parentWidget()
    return ""


def unnamed(root: QWidget) -> list[str]:
    """Every input, table, list or button under `root` a screen reader could not name."""
    problems = []
    for widget in [root, *root.findChildren(QWidget)]:
        if needs_name(widget) and not spoken_name(widget):
            problems.append(f"{describe(widget)}: no accessible name or label buddy")
        if (
            isinstance(widget, QAbstractItemView)
            and not isinstance(widget, QHeaderView)
            and not is_part_of_another_widget(widget)
            and not widget.accessibleDescription()
        ):
            problems.append(f"{describe(widget)}: no accessible description")
        if (
            isinstance(widget, QAbstractButton)
            and not isinstance(widget, (QCheckBox, QRadioButton))
            and not is_part_of_another_widget(widget)
            and not widget.toolTip()
        ):
            problems.append(f"{describe(widget)}: button without a tooltip")
    return problems


def reachable_by_tab(root: QWidget) -> set[QWidget]:
    """Widgets Tab visits from the first one, walking Qt's focus chain as the keyboard does."""
    seen: set[QWidget] = set()
    current = root.nextInFocusChain()
    for _ in range(2000):
        if current is root or current in seen:
            break
        seen.add(current)
        current = current.nextInFocusChain()
    return {w for w in seen if w.focusPolicy() & w.focusPolicy().TabFocus}


# Deliberately outside the Tab order, with the reason.
NOT_IN_TAB_ORDER = {
    ("QuickEntryWidget", "lines"): "lines already entered, shown for reading: a scan or Tab "
    "must never land in them; the entry fields above take every keystroke",
}


# Toolbar commands a menu offers under another name, with where.
TOOLBAR_IN_MENUS = {"Receive": "Stock → New receipt… (Ctrl+R)"}


def _menu_texts(window: QWidget) -> set[str]:
    bar = window.menuBar() if isinstance(window, QMainWindow) else None
    if bar is None:
        return set()
    menus = [a.menu() for a in bar.actions() if isinstance(a.menu(), QMenu)]
    return {plain(a.text()) for m in menus for a in m.actions()}


def _keyboard_elsewhere(widget: QWidget, reached: set[QWidget], menus: set[str]) -> bool:
    """Reached another way: a radio of a reached group (arrows), a toolbar action in a menu."""
    if isinstance(widget, QRadioButton):
        return any(isinstance(w, QRadioButton) and w.parentWidget() is widget.parentWidget()
                   for w in reached)  # fmt: skip
    if isinstance(widget, QToolButton) and isinstance(widget.parentWidget(), QToolBar):
        action = widget.defaultAction()
        return action is not None and (
            not action.shortcut().isEmpty()
            or plain(action.text()) in menus
            or plain(action.text()) in TOOLBAR_IN_MENUS
            or any(plain(action.text()) in m for m in menus)
        )  # fmt: skip
    owner = _attribute_name(widget).split(" of ")
    return len(owner) == 2 and (owner[1], owner[0]) in NOT_IN_TAB_ORDER


def unreachable(root: QWidget) -> list[str]:
    reached = reachable_by_tab(root)
    menus = _menu_texts(root.window())
    return [
        f"{describe(w)}: not reachable with Tab"
        for w in root.findChildren(QWidget)
        if (needs_name(w) or isinstance(w, QAbstractButton))
        and not is_part_of_another_widget(w)
        and w.isVisibleTo(root)
        and w.isEnabled()
        and w not in reached
        and not _keyboard_elsewhere(w, reached, menus)
    ]


@pytest.mark.parametrize("cls", DIALOGS, ids=lambda c: c.__name__)
def test_every_dialog_names_its_inputs_tables_and_buttons(
    qtbot, services, stocked, tmp_path, cls
) -> None:
    dialog = build(cls, services, stocked, tmp_path)
    qtbot.addWidget(dialog)
    dialog.show()
    problems = unnamed(dialog) + unreachable(dialog)
    assert not problems, "\n".join(problems)


def test_every_screen_names_its_inputs_tables_and_buttons(qtbot, services, stocked) -> None:
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    problems: list[str] = []
    for title, _page_class in PAGES:
        page = window.show_page(title)
        problems += [f"{title}: {p}" for p in unnamed(page) + unreachable(page)]
    problems += unnamed(window)
    assert not problems, "\n".join(problems)


def test_a_new_field_without_a_label_is_reported_by_name(qtbot) -> None:
    class NewDialog(QDialog):
        def __init__(self) -> None:
            super().__init__()
            self.quantity = QLineEdit()
            QVBoxLayout(self).addWidget(self.quantity)

    dialog = NewDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    assert unnamed(dialog) == [
        "QLineEdit self.quantity of NewDialog in NewDialog: no accessible name or label buddy"
    ]


def test_expiry_bands_carry_an_icon_and_words_besides_their_colour(qtbot, services, stocked):
    from PySide6.QtCore import Qt

    from ui.inventory.on_hand_table_model import Column, OnHandTableModel

    model = OnHandTableModel()
    model.set_rows(services.stock.list_on_hand(location_id=stocked.room))
    soon = next(
        r
        for r in range(model.rowCount())
        if model.data(model.index(r, 0)) == "Narcan 4 mg nasal spray"
    )
    index = model.index(soon, Column.DAYS_LEFT)
    assert model.data(index, Qt.ItemDataRole.BackgroundRole) is not None
    assert model.data(index, Qt.ItemDataRole.DecorationRole) is not None
    assert model.data(index, Qt.ItemDataRole.ToolTipRole) == "Expires within 30 days"


def test_type_sizes_follow_the_system_font(qtbot, qapp) -> None:
    from PySide6.QtGui import QFont

    from ui.widgets.system_look import scaled_font

    before = QFont(qapp.font())
    try:
        larger = QFont(before)
        larger.setPointSizeF(16)
        qapp.setFont(larger)
        assert scaled_font(1.5).pointSizeF() == 24
    finally:
        qapp.setFont(before)


def test_high_contrast_lets_the_system_palette_replace_fixed_colours(qtbot) -> None:
    from ui.widgets.error_label import error_label
    from ui.widgets.system_look import use_system_colours

    label = error_label()
    qtbot.addWidget(label)
    use_system_colours(label)
    assert label.styleSheet() == "font-weight: bold;"
