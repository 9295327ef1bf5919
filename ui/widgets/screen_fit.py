"""Caps a dialog to the screen it opens on; knows screen geometry, not what the dialog holds.

A dialog asks for its preferred size; it gets at most SCREEN_SHARE of the available screen
(the desktop less its taskbar). Where its content needs more room than that, the content
scrolls inside the dialog and the dialog's buttons stay in view below it.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFrame,
    QLayoutItem,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

SCREEN_SHARE = 0.9
SCROLLED_NAME = "screen-fit-scroll"
# Rough room a window frame takes (title bar, borders) outside the client area.
FRAME_ALLOWANCE = QSize(16, 40)


def available_geometry(widget: QWidget | None = None) -> QRect:
    """The room on the screen a widget is (or will be) on, without taskbars and docks."""
    screen = widget.screen() if widget is not None else None
    screen = screen or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def size_cap(available: QRect | QSize) -> QSize:
    """The largest client size a dialog may take on a screen with this much room."""
    size = available.size() if isinstance(available, QRect) else available
    return QSize(
        int(size.width() * SCREEN_SHARE) - FRAME_ALLOWANCE.width(),
        int(size.height() * SCREEN_SHARE) - FRAME_ALLOWANCE.height(),
    )


def fit_to_screen(
    dialog: QWidget, width: int, height: int, available: QRect | QSize | None = None
) -> None:
    """Resize to width × height or less; scroll the content where even its minimum is too big."""
    cap = size_cap(available if available is not None else available_geometry(dialog))
    minimum = dialog.minimumSizeHint()
    if minimum.height() > cap.height() or minimum.width() > cap.width():
        _scroll_content(dialog)
    dialog.resize(min(width, cap.width()), min(height, cap.height()))


def _scroll_content(dialog: QWidget) -> None:
    """Move the dialog's layout into a scroll area; its button boxes stay outside, below."""
    layout = dialog.layout()
    if layout is None or dialog.findChild(QScrollArea, SCROLLED_NAME) is not None:
        return
    rows = [i for i in range(layout.count()) if _holds_buttons(layout.itemAt(i))]
    buttons = [layout.takeAt(i) for i in reversed(rows)][::-1]  # a box, or the row holding it
    content = QWidget()
    content.setLayout(layout)  # takes the layout (and its widgets) from the dialog
    area = QScrollArea()
    area.setObjectName(SCROLLED_NAME)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(content)
    outer = QVBoxLayout(dialog)
    outer.setContentsMargins(0, 0, 0, 0)
    outer.addWidget(area, 1)
    for item in buttons:
        box, row = (item.widget(), item.layout()) if item is not None else (None, None)
        if box is not None:
            outer.addWidget(box)
            box.setContentsMargins(9, 0, 9, 9)
        elif row is not None:
            row.setContentsMargins(9, 0, 9, 9)
            outer.addLayout(row)


def _holds_buttons(item: QLayoutItem | None) -> bool:
    """A dialog's button box, or a row of the layout that holds one (with other buttons)."""
    if item is None:
        return False
    if isinstance(item.widget(), QDialogButtonBox):
        return True
    inner = item.layout()
    return inner is not None and any(_holds_buttons(inner.itemAt(i)) for i in range(inner.count()))


def scrollable(content: QWidget) -> QScrollArea:
    """A frameless scroll area around `content`: it grows with the room, scrolls when short."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(content)
    return area
