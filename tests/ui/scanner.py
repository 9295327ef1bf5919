"""Simulated keyboard-wedge scanner for pytest-qt: types a scan into a widget, then Enter.

QTest cannot type ASCII 29, so the group separator is sent as a real scanner sends it on a US
keyboard layout: the key Ctrl+] carrying the text "\\x1d". Everything else is `keyClicks`.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from models.common.gtin import check_digit, gtin12_from_ndc
from ui.widgets.scan_catcher import ScanCatcher

GS = "\x1d"
KLOXXADO_UPC = gtin12_from_ndc("59467-679-01")  # 359467679015
KLOXXADO_GTIN = KLOXXADO_UPC.zfill(14)
NARCAN_UPC = gtin12_from_ndc("69547-627-02")
NARCAN_GTIN = NARCAN_UPC.zfill(14)
UNKNOWN_UPC = "3" + "1234512345" + check_digit("3" + "1234512345")


def send_group_separator(widget: QWidget) -> None:
    control = Qt.KeyboardModifier.ControlModifier
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_BracketRight, control, GS))


SUFFIXES = ("\r", "\r\n", "\r\r", "\t")  # what scanners are set up to send after the data


def send_char(widget: QWidget, char: str) -> None:
    """One printable key as a keyboard sends it. Not QTest.keyClick: in PySide6 6.12 each
    QTest key call drops a reference to None, and thousands of them crash the interpreter."""
    key = Qt.Key(ord(char.upper())) if " " <= char <= "~" else Qt.Key.Key_unknown
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, char))


def send_line_feed(widget: QWidget) -> None:
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(
            widget, QKeyEvent(kind, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier, "\n")
        )


def send_suffix(qtbot, widget: QWidget, suffix: str) -> None:
    for char in suffix:
        if char == "\r":
            qtbot.keyClick(widget, Qt.Key.Key_Return)
        elif char == "\n":
            send_line_feed(widget)
        elif char == "\t":
            qtbot.keyClick(widget, Qt.Key.Key_Tab)


def _focused(widget: QWidget) -> QWidget:
    """Where a keyboard would type now: the focus inside the target's window."""
    return widget.window().focusWidget() or widget


def type_scan(
    qtbot, target: QWidget, text: str, *, enter: bool = True, suffix: str = "\r", focus: bool = True
) -> None:
    """Type `text` as a scanner would into `target` (a ScanField or any focused widget):
    keys in one fast burst, ASCII 29 as Ctrl+], then the suffix (CR unless told)."""
    catcher = ScanCatcher.install()
    real_clock = catcher.clock
    catcher.clock = _scanner_pace(real_clock)  # a busy test machine must not slow the scanner
    try:
        _type(qtbot, target, text, enter=enter, suffix=suffix, focus=focus)
    finally:
        catcher.clock = real_clock


def _scanner_pace(real_clock):
    """The real clock, except that no gap between two keys is longer than a scanner's."""
    state = {"real": real_clock(), "paced": real_clock()}

    def clock() -> float:
        now = real_clock()
        state["paced"] += min(now - state["real"], 0.003)
        state["real"] = now
        return state["paced"]

    return clock


def _type(qtbot, target: QWidget, text: str, *, enter: bool, suffix: str, focus: bool) -> None:
    edit = getattr(target, "edit", None)
    widget = edit if isinstance(edit, QWidget) else target  # a ScanField types into its edit
    if focus:
        widget.setFocus()
    for number, chunk in enumerate(text.split(GS)):
        if number:
            send_group_separator(_focused(widget))
        if chunk:
            for char in chunk:  # to whatever has focus now, as a keyboard would
                send_char(_focused(widget), char)
    if enter:
        send_suffix(qtbot, _focused(widget), suffix)


def gs1(gtin: str, lot: str | None = None, expiry: str | None = None, serial: str | None = None):
    """A GS1 DataMatrix payload with the symbology prefix, fixed fields first."""
    text = f"]d201{gtin}"
    if expiry:
        text += f"17{expiry}"
    if lot:
        text += f"10{lot}" + (GS if serial else "")
    if serial:
        text += f"21{serial}"
    return text
