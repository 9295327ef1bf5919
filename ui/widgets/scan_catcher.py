"""Catches keyboard-wedge scans for the whole application, whichever widget has focus.

A scanner types far faster than a person and ends with Enter or Tab (some send CR+LF or two
CRs), often after a symbology prefix such as `]d2`. Keys pass through as typed; when a burst
that looks like a barcode ends, the field it landed in gets its text back, the Enter/Tab is
eaten (so no default button fires) and the raw text goes to the handler registered for the
focused widget's window. Knows key timing and widgets, not barcodes' meaning or the database.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import shiboken6
from PySide6.QtCore import QDateTime, QEvent, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDateTimeEdit,
    QDoubleSpinBox,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTextEdit,
    QToolTip,
    QWidget,
)

GS = "\x1d"
MAX_GAP_S = 0.05  # a person needs ~100 ms between keys; scanners send one every few ms
AFTER_SCAN_S = 0.06  # a second CR or an LF this soon after a scan belongs to it
ACCEPTS_SCANS = "accepts_scans"  # widget property: a barcode box that takes scans as typed
MIN_SCAN_CHARS = 8
_TERMINATORS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab)
_SYMBOLOGY = re.compile(r"\][A-Za-z][0-9A-Za-z]")
_LOOKS_LIKE_BARCODE = re.compile(r"(?:[0-9]{8}|\([0-9]{2}|https?://|LBNKIT:)", re.IGNORECASE)
ScanHandler = Callable[[str], None]
_CATCHER_NAME = "lbn-scan-catcher"


def looks_like_scan(text: str) -> bool:
    """A symbology prefix, or a start only barcodes have (8+ digits, "(01)", a link, a kit)."""
    return bool(_SYMBOLOGY.match(text)) or (
        len(text) >= MIN_SCAN_CHARS and bool(_LOOKS_LIKE_BARCODE.match(text))
    )


@dataclass
class _Burst:
    """Keys typed in quick succession, and the state of the field they started in."""

    widget: QWidget | None = None
    restore: Callable[[], None] | None = None
    text: str = ""
    last: float = 0.0
    typed_keys: list[int] = field(default_factory=list)


class ScanCatcher(QObject):
    """One per application (`ScanCatcher.install()`); windows register a handler for scans."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.setObjectName(_CATCHER_NAME)
        self._handlers: dict[int, tuple[QWidget, ScanHandler]] = {}
        self._burst = _Burst()
        self._last_scan = -1.0
        self.clock: Callable[[], float] = time.monotonic  # seconds; tests pace a scanner
        app.installEventFilter(self)

    @classmethod
    def install(cls) -> ScanCatcher:
        """The application's catcher, created on first use."""
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        found = app.findChild(ScanCatcher, _CATCHER_NAME)
        return found if isinstance(found, ScanCatcher) else cls(app)

    def register(self, window: QWidget, handler: ScanHandler) -> None:
        """Scans typed anywhere inside `window` (not in a child window) go to `handler`."""
        key = id(window)
        self._handlers[key] = (window, handler)
        window.destroyed.connect(lambda _=None, k=key: self._handlers.pop(k, None))

    def handler_for(self, widget: QWidget | None) -> ScanHandler | None:
        """The nearest registered ancestor's handler within the widget's own window, else
        the handler of a visible registered widget in that window (its scan field)."""
        while widget is not None:
            entry = self._handlers.get(id(widget))
            if entry is not None and entry[0] is widget:
                return entry[1]
            if widget.isWindow():
                break
            widget = widget.parentWidget()
        for registered, handler in list(self._handlers.values()):
            if not shiboken6.isValid(registered):
                continue
            if widget is not None and registered.window() is widget and registered.isVisible():
                return handler
        return None

    # --- key handling -------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(watched, QWidget):
            return False
        window = watched.window()
        if watched is not (window.focusWidget() or window):
            return False  # the same key propagating to a parent (or inside a spin box)
        assert isinstance(event, QKeyEvent)
        return self._on_key(watched, event)

    def _on_key(self, widget: QWidget, event: QKeyEvent) -> bool:
        now = self.clock()
        text = event.text()
        control = event.modifiers() & Qt.KeyboardModifier.ControlModifier
        if control and event.key() == Qt.Key.Key_BracketRight:
            text = GS  # how scanners emulating a US keyboard send ASCII 29
        is_terminator = event.key() in _TERMINATORS or text in ("\r", "\n")
        if is_terminator and now - self._last_scan <= AFTER_SCAN_S and not self._burst.text:
            self._last_scan = now
            return True  # the LF of CR+LF, or the second CR: part of the scan just handled
        burst = self._burst
        if burst.text and now - burst.last > MAX_GAP_S:
            burst = self._burst = _Burst()
        if is_terminator:
            self._burst = _Burst()
            if burst.widget is not None and burst.widget.property(ACCEPTS_SCANS):
                return False
            if burst.text and looks_like_scan(burst.text):
                self._take_scan(widget, burst, now)
                return True
            return False
        if not text or not (text.isprintable() or text == GS):
            return False
        if not burst.text:
            burst.widget, burst.restore = widget, _snapshot(widget)
        burst.text += text
        burst.last = now
        return False

    def _take_scan(self, widget: QWidget, burst: _Burst, now: float) -> None:
        if burst.restore is not None:
            burst.restore()
        if widget is not burst.widget:
            _cancel_cell_editor(widget)  # a table opened an editor for the first digit
        self._last_scan = now
        handler = self.handler_for(burst.widget or widget)
        if handler is None:
            QToolTip.showText(
                widget.mapToGlobal(widget.rect().center()), "This window does not take scans."
            )
            QApplication.beep()
            return
        handler(burst.text)


def _snapshot(widget: QWidget) -> Callable[[], None] | None:
    """A way to put the widget's value back as it was before the burst."""
    if isinstance(widget, QSpinBox | QDoubleSpinBox):
        value = widget.value()
        return lambda: _restore_spin(widget, value)
    if isinstance(widget, QDateTimeEdit):
        moment = QDateTime(widget.dateTime())
        return lambda: widget.setDateTime(moment)
    if isinstance(widget, QComboBox):
        edit = widget.lineEdit()
        if widget.isEditable() and edit is not None:
            return _snapshot(edit)
        index = widget.currentIndex()  # typing into a closed list searches it
        return lambda: widget.setCurrentIndex(index)
    if isinstance(widget, QAbstractItemView):
        current = QPersistentModelIndex(widget.currentIndex())
        return lambda: widget.setCurrentIndex(widget.model().index(current.row(), current.column()))
    if isinstance(widget, QLineEdit):
        text, cursor = widget.text(), widget.cursorPosition()

        def restore_line() -> None:
            widget.setText(text)
            widget.setCursorPosition(cursor)

        return restore_line
    if isinstance(widget, QPlainTextEdit | QTextEdit):
        plain = widget.toPlainText()
        return lambda: widget.setPlainText(plain)
    return None


def _restore_spin(widget: QSpinBox | QDoubleSpinBox, value: float) -> None:
    widget.lineEdit().setText(widget.textFromValue(value))  # type: ignore[arg-type]
    widget.setValue(value)  # type: ignore[arg-type]
    if isinstance(widget, QAbstractSpinBox):
        widget.selectAll()


def _cancel_cell_editor(widget: QWidget) -> None:
    parent = widget.parentWidget()
    view = parent.parentWidget() if parent is not None else None
    if isinstance(view, QAbstractItemView):
        escape = Qt.Key.Key_Escape
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, escape, Qt.KeyboardModifier.NoModifier))
