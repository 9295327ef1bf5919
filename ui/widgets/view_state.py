"""Keeps what the user was doing across a refresh: selected rows, scroll positions, half-typed text.

Knows item views and line edits under a widget; not what the screen shows or where data comes from.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QAbstractItemModel, QItemSelectionModel, QModelIndex, QTimer
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QWidget

Key = tuple[object, ...]


@dataclass
class _ViewPlace:
    view: QAbstractItemView
    current: Key | None
    vertical: int
    horizontal: int


def keep_view_state(root: QWidget, refresh: Callable[[], None]) -> None:
    """Run `refresh`, then put selections, scroll bars and typed text back where they were."""
    places = [_remember(view) for view in root.findChildren(QAbstractItemView)]
    typed = [
        (edit, edit.text(), edit.cursorPosition())
        for edit in root.findChildren(QLineEdit)
        if edit.isModified() and edit.text()
    ]
    refresh()
    for edit, text, cursor in typed:
        if edit.text() != text:
            edit.setText(text)
            edit.setCursorPosition(cursor)
            edit.setModified(True)
    for place in places:
        _restore(place)
    # Scroll ranges are recomputed on the next layout pass; set the positions again after it.
    QTimer.singleShot(0, lambda: _restore_scrolls(places))


def _remember(view: QAbstractItemView) -> _ViewPlace:
    current = view.currentIndex()
    key = _key(view.model(), current) if current.isValid() else None
    return _ViewPlace(
        view, key, view.verticalScrollBar().value(), view.horizontalScrollBar().value()
    )


def _key(model: QAbstractItemModel, index: QModelIndex) -> Key:
    """A row is recognised by its first two columns' text and its parents' (trees)."""
    columns = min(2, model.columnCount(index.parent()))
    own = tuple(model.index(index.row(), c, index.parent()).data() for c in range(columns))
    parent = index.parent()
    return (_key(model, parent) if parent.isValid() else (), *own)


def _find(model: QAbstractItemModel, key: Key, parent: QModelIndex) -> QModelIndex:
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        if _key(model, index) == key:
            return index
        if model.hasChildren(index):
            found = _find(model, key, index)
            if found.isValid():
                return found
    return QModelIndex()


def _restore(place: _ViewPlace) -> None:
    view, model = place.view, place.view.model()
    if model is None or place.current is None or view.currentIndex().isValid():
        _restore_scroll(place)
        return
    index = _find(model, place.current, QModelIndex())
    selection = view.selectionModel()
    if index.isValid() and selection is not None:
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
        if view.selectionBehavior() == QAbstractItemView.SelectionBehavior.SelectRows:
            flags |= QItemSelectionModel.SelectionFlag.Rows
        selection.setCurrentIndex(index, flags)
    _restore_scroll(place)


def _restore_scroll(place: _ViewPlace) -> None:
    if place.view.isVisible() or place.view.verticalScrollBar().maximum() > 0:
        place.view.verticalScrollBar().setValue(place.vertical)
        place.view.horizontalScrollBar().setValue(place.horizontal)


__all__ = ["keep_view_state"]


def _restore_scrolls(places: list[_ViewPlace]) -> None:
    for place in places:
        _restore_scroll(place)
