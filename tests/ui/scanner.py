"""Simulated keyboard-wedge scanner for pytest-qt: types a scan into a widget, then Enter.

QTest cannot type ASCII 29, so the group separator is sent as a real scanner sends it on a US
keyboard layout: the key Ctrl+] carrying the text "\\x1d". Everything else is `keyClicks`.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from models.common.gtin import check_digit, gtin12_from_ndc

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


def type_scan(qtbot, target: QWidget, text: str, *, enter: bool = True) -> None:
    """Type `text` as a scanner would into `target` (a ScanField or a line edit)."""
    widget = getattr(target, "edit", target)
    widget.setFocus()
    for number, chunk in enumerate(text.split(GS)):
        if number:
            send_group_separator(widget)
        if chunk:
            qtbot.keyClicks(widget, chunk)
    if enter:
        qtbot.keyClick(widget, Qt.Key.Key_Return)


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
