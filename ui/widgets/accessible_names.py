"""Gives every input, table and button of a window a name a screen reader can say.

Names come from what the window already shows: a form label (made the field's buddy, so its
mnemonic works too), a label just before the field, a placeholder, a group box or tab title.
Buttons get a tooltip from their text or name. Installed once on the application, it names each
window and screen when it is shown, so dialogs added later are covered without editing them.
Knows widgets and layouts only; nothing about the screens.
"""

from __future__ import annotations

import logging
import re

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QCalendarWidget,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QStackedWidget,
    QTabBar,
    QTableView,
    QTabWidget,
    QTextEdit,
    QTreeView,
    QWidget,
)

from ui.widgets.system_look import high_contrast, use_system_colours

MAX_CELL_ROWS = 500  # editors beyond this many rows are named when the window is next shown
INPUTS = (QLineEdit, QAbstractSpinBox, QComboBox, QTextEdit, QPlainTextEdit)
_TAGS = re.compile(r"<[^>]+>")


def plain(text: str) -> str:
    """Label text as spoken: no markup, mnemonics, trailing colon or ellipsis."""
    text = _TAGS.sub("", text).replace("&&", "\0").replace("&", "").replace("\0", "&")
    return text.replace("&nbsp;", " ").strip().rstrip(":").rstrip("…").strip()


def is_part_of_another_widget(widget: QWidget) -> bool:
    """Editors inside spin boxes and combo boxes, calendar parts, headers: named by their owner."""
    if widget.objectName().startswith("qt_") or isinstance(widget, QHeaderView):
        return True
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, (QAbstractSpinBox, QComboBox, QCalendarWidget, QLineEdit, QTabBar)):
            return True
        parent = parent.parentWidget()
    return False


def needs_name(widget: QWidget) -> bool:
    return isinstance(widget, (*INPUTS, QAbstractItemView)) and not is_part_of_another_widget(
        widget
    )


def spoken_name(widget: QWidget) -> str:
    """The accessible name, else the text of a label whose buddy the widget is."""
    if widget.accessibleName():
        return widget.accessibleName()
    window = widget.window()
    for label in window.findChildren(QLabel):
        if label.buddy() is widget and plain(label.text()):
            return plain(label.text())
    return ""


def name_widgets(root: QWidget) -> None:
    """Name every input, table and list under `root` and give every button a tooltip."""
    for layout in [root.layout(), *root.findChildren(QLayout)]:
        if isinstance(layout, QFormLayout):
            _name_form_fields(layout)
    for label in root.findChildren(QLabel):
        buddy = label.buddy()
        if buddy is not None and not buddy.accessibleName() and plain(label.text()):
            buddy.setAccessibleName(plain(label.text()))
    for view in root.findChildren(QAbstractItemView):
        _name_cell_widgets(view)
    for widget in root.findChildren(QWidget):
        if needs_name(widget) and not widget.accessibleName():
            name = _name_from_surroundings(widget)
            if name:
                widget.setAccessibleName(name)
        if (
            isinstance(widget, QAbstractItemView)
            and not isinstance(widget, QHeaderView)
            and not widget.accessibleDescription()
        ):
            widget.setAccessibleDescription(_describe_view(widget))
        if isinstance(widget, QAbstractButton) and not widget.toolTip():
            tip = plain(widget.text()) or widget.accessibleName()
            if tip and not is_part_of_another_widget(widget):
                widget.setToolTip(tip)


def _name_cell_widgets(view: QAbstractItemView) -> None:
    """Editors placed in table cells are named by their column and the row's first cell."""
    model = view.model()
    if model is None or isinstance(view, QHeaderView):
        return
    columns = view.horizontalHeader().count() if isinstance(view, QTableView) else 1
    for row in range(min(model.rowCount(), MAX_CELL_ROWS)):
        for column in range(columns):
            cell = view.indexWidget(model.index(row, column))
            if cell is None:
                continue
            editors = [cell] if needs_name(cell) else cell.findChildren(QWidget)
            header = plain(str(model.headerData(column, Qt.Orientation.Horizontal) or ""))
            first = str(model.index(row, 0).data() or f"row {row + 1}")
            for editor in editors:
                if needs_name(editor) and not editor.accessibleName():
                    editor.setAccessibleName(f"{header or 'Value'}, {first}")


def _name_form_fields(form: QFormLayout) -> None:
    for row in range(form.rowCount()):
        label_item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
        field_item = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
        label = label_item.widget() if label_item else None
        field = _first_input(field_item.widget() or field_item.layout()) if field_item else None
        if isinstance(label, QLabel) and field is not None and plain(label.text()):
            if label.buddy() is None:
                label.setBuddy(field)
            if not field.accessibleName():
                field.setAccessibleName(plain(label.text()))


def _first_input(item: QWidget | QLayout | None) -> QWidget | None:
    if isinstance(item, QWidget):
        if needs_name(item):
            return item
        found = [w for w in item.findChildren(QWidget) if needs_name(w)]
        return found[0] if found else None
    if isinstance(item, QLayout):
        for k in range(item.count()):
            child = item.itemAt(k)
            if child is None:
                continue
            inner = _first_input(child.widget() or child.layout())
            if inner is not None:
                return inner
    return None


def _name_from_surroundings(widget: QWidget) -> str:
    label = _label_before(widget)
    if label is not None:
        if label.buddy() is None:
            label.setBuddy(widget)
        return plain(label.text())
    placeholder = getattr(widget, "placeholderText", None)
    if callable(placeholder) and placeholder():
        return str(placeholder())
    editor = widget.lineEdit() if isinstance(widget, QComboBox) else None
    if editor is not None and editor.placeholderText():
        return editor.placeholderText()
    if widget.toolTip():
        return plain(widget.toolTip())
    return _container_title(widget)


def _label_before(widget: QWidget) -> QLabel | None:
    """A short label placed just before the widget in the same layout."""
    parent = widget.parentWidget()
    if parent is None:
        return None
    for layout in [parent.layout(), *parent.findChildren(QLayout)]:
        if layout is None:
            continue
        index = layout.indexOf(widget)
        if index > 0:
            previous = layout.itemAt(index - 1)
            before = previous.widget() if previous is not None else None
            if isinstance(before, QLabel) and 0 < len(plain(before.text())) <= 60:
                return before
    return None


def _container_title(widget: QWidget) -> str:
    """The group box or tab the widget sits in, for a table or list on its own."""
    child, parent = widget, widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QGroupBox) and plain(parent.title()):
            return plain(parent.title())
        if isinstance(parent, QStackedWidget) and isinstance(parent.parentWidget(), QTabWidget):
            tabs = parent.parentWidget()
            assert isinstance(tabs, QTabWidget)
            index = tabs.indexOf(child)
            if index >= 0 and plain(tabs.tabText(index)):
                return plain(tabs.tabText(index))
        child, parent = parent, parent.parentWidget()
    return ""


def _describe_view(view: QAbstractItemView) -> str:
    model = view.model()
    if isinstance(view, QTableView) and model is not None:
        columns = [
            str(model.headerData(c, Qt.Orientation.Horizontal) or "")
            for c in range(view.horizontalHeader().count())
        ]
        named = [c for c in columns if c]
        if named:
            return f"Table with columns: {', '.join(named)}"
    if isinstance(view, QTreeView):
        return "Tree; use the arrow keys to move, right and left to open and close"
    return "List; use the arrow keys to move between entries"


class AccessibleNamer(QObject):
    """Application event filter: names a window's widgets whenever it or a screen is shown
    (and under a high-contrast setting lets the system palette replace our fixed colours)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QWidget):
            parent = watched.parentWidget()
            if watched.isWindow() or isinstance(parent, QStackedWidget):
                try:
                    name_widgets(watched)
                    if high_contrast():
                        use_system_colours(watched)
                except Exception:  # naming must never break a window; the test suite checks it
                    logging.getLogger(__name__).exception("Could not name widgets")
        return False


def install_accessible_names(app: QCoreApplication) -> AccessibleNamer:
    """Name widgets of every window the application shows from now on; keep the result alive."""
    namer = AccessibleNamer(app)
    app.installEventFilter(namer)
    return namer
