"""Scan input: collects a keyboard-wedge burst up to Enter and parses it; knows no database.

Scans typed anywhere in the field's window arrive here through the window-level ScanCatcher;
typing a code by hand into the field and pressing Enter works too.

A USB scanner types like a keyboard. The group separator (ASCII 29) arrives as a key whose
text is "\\x1d", or as Ctrl+] on scanners that emulate it; a plain QLineEdit drops both, so
the field shows it as "␝" and the parser reads it back as a separator. Enter ends the scan
and never reaches the dialog's default button.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from models.common.errors import DomainError
from models.services import Services
from models.stock.scanning import (
    DEFAULT_SEPARATORS,
    GS,
    GS_SYMBOL,
    SEPARATORS_SETTING,
    ScanError,
    ScanResult,
    parse_scan,
)
from ui.widgets.error_label import ERROR_STYLE
from ui.widgets.scan_catcher import ScanCatcher

INFO_STYLE = "color: #1b5e20;"
HINT_STYLE = "color: #6b6b6b;"
READY_HINT = "Scanner ready (GS1 DataMatrix/128, UPC/EAN, Digital Link, kit label)."
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class _WedgeLineEdit(QLineEdit):
    """A line edit that keeps group separators and swallows Enter."""

    submitted = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in _ENTER:
            event.accept()
            self.submitted.emit()
            return
        control = event.modifiers() & Qt.KeyboardModifier.ControlModifier
        if event.text() == GS or (control and event.key() == Qt.Key.Key_BracketRight):
            event.accept()
            self.insert(GS_SYMBOL)
            return
        super().keyPressEvent(event)


class ScanField(QWidget):
    """`scanned(ScanResult)` after a readable scan; a bad scan shows its message and fills
    nothing. Typing a UPC by hand and pressing Enter works the same way."""

    scanned = Signal(object)
    scan_failed = Signal(str)

    def __init__(
        self,
        services: Services,
        parent: QWidget | None = None,
        *,
        placeholder: str = "Scan a barcode (or type it and press Enter)",
    ) -> None:
        super().__init__(parent)
        self._today: Callable[[], date] = services.clock.today
        self._separators = _separators(services)
        self.edit = _WedgeLineEdit()
        self.edit.setPlaceholderText(placeholder)
        self.edit.setClearButtonEnabled(True)
        self.edit.setAccessibleName("Scan field")
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # Room for a two-line message, so the dialog does not jump (or clip) on each scan.
        self.message.setMinimumHeight(2 * self.message.fontMetrics().lineSpacing())
        self.message.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self._readings: tuple[ScanResult, ScanResult] | None = None
        self.whole_lot_button = QPushButton()
        self.whole_lot_button.setToolTip("The whole number is the lot (no expiry in it)")
        self.split_lot_button = QPushButton()
        self.split_lot_button.setToolTip("The number ends in an expiry date after the lot")
        choice = QHBoxLayout()
        choice.setContentsMargins(0, 0, 0, 0)
        for button in (self.whole_lot_button, self.split_lot_button):
            button.hide()
            choice.addWidget(button)
        choice.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit)
        layout.addWidget(self.message)
        layout.addLayout(choice)
        self.setFocusProxy(self.edit)
        self.message.setStyleSheet(HINT_STYLE)
        self.message.setText(READY_HINT)
        self.edit.submitted.connect(self._on_submitted)
        self.whole_lot_button.clicked.connect(lambda: self._choose(0))
        self.split_lot_button.clicked.connect(lambda: self._choose(1))
        ScanCatcher.install().register(self, self.submit_text)

    def show_message(self, text: str, *, error: bool = False) -> None:
        """What the last scan was matched to (or why it was refused), under the field."""
        self.message.setStyleSheet(ERROR_STYLE if error else INFO_STYLE)
        self.message.setText(text)

    def show_hint(self, text: str) -> None:
        """Guidance (what to scan or type next), in grey."""
        self.message.setStyleSheet(HINT_STYLE)
        self.message.setText(text)

    def is_error_shown(self) -> bool:
        return bool(self.message.text()) and self.message.styleSheet() == ERROR_STYLE

    @Slot()
    def _on_submitted(self) -> None:
        self.submit_text(self.edit.text())

    def submit_text(self, text: str) -> None:
        """Read a scan (from the catcher, or typed here and Enter); a bad one fills nothing."""
        self._show_choice(None)
        try:
            scan = parse_scan(text.replace(GS_SYMBOL, GS), self._today(), self._separators)
        except ScanError as refusal:
            self.edit.setText(text.strip(" \r\n\t").replace(GS, GS_SYMBOL))
            self.show_message(str(refusal), error=True)
            self.edit.selectAll()  # the next scan replaces the bad one
            self.scan_failed.emit(str(refusal))
            return
        self.edit.clear()
        self.edit.setFocus()
        if scan.alternative is not None:
            self._show_choice((scan, scan.alternative))
            return
        self.show_message(scan.describe())
        self.scanned.emit(scan)

    def _show_choice(self, readings: tuple[ScanResult, ScanResult] | None) -> None:
        """A lot ending in 17+date without a separator reads two ways: the person decides."""
        self._readings = readings
        self.whole_lot_button.setVisible(readings is not None)
        self.split_lot_button.setVisible(readings is not None)
        if readings is None:
            return
        whole, split = readings
        assert split.expiry is not None
        self.whole_lot_button.setText(f"Lot {whole.lot}")
        self.split_lot_button.setText(f"Lot {split.lot}, expiry {split.expiry.isoformat()}")
        self.show_message("Which is printed on the package? The barcode can be read both ways.")

    def _choose(self, reading: int) -> None:
        readings = self._readings
        self._show_choice(None)
        if readings is not None:
            self.show_message(readings[reading].describe())
            self.scanned.emit(readings[reading])
            self.edit.setFocus()


def read_scan(services: Services, text: str) -> ScanResult:
    """Parse a scan caught outside a scan field, with the agency's separators; ScanError."""
    return parse_scan(text.replace(GS_SYMBOL, GS), services.clock.today(), _separators(services))


def _separators(services: Services) -> Iterable[str]:
    """The agency's substitute separators (Settings), else the defaults."""
    try:
        configured = services.settings.get(SEPARATORS_SETTING)
    except DomainError:
        return DEFAULT_SEPARATORS
    if not isinstance(configured, list):
        return DEFAULT_SEPARATORS
    return tuple(str(s) for s in configured if str(s))
