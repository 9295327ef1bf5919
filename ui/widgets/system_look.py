"""Follows the system's look: type sizes relative to the system font, and under a high-contrast
setting the system palette instead of our fixed colours. Knows Qt, nothing about screens."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

_FIXED_COLOUR = re.compile(
    r"(?:^|(?<=[;{\s]))(?:background(?:-color)?|color)\s*:\s*#[0-9a-fA-F]{3,8}\s*;?"
)


def high_contrast() -> bool:
    """True when the user asked the system for high contrast."""
    style_hints = QGuiApplication.styleHints()  # kept alive while its accessibility part is read
    preference = style_hints.accessibility().contrastPreference()
    return bool(preference == Qt.ContrastPreference.HighContrast)


def scaled_font(factor: float, bold: bool = False) -> QFont:
    """The system font scaled: a larger system font makes every heading larger too."""
    font = QFont(QApplication.font())
    font.setPointSizeF(max(font.pointSizeF(), 1.0) * factor)
    font.setBold(bold)
    return font


def use_system_colours(root: QWidget) -> None:
    """Under high contrast, drop fixed colours from style sheets so the system palette shows."""
    for widget in [root, *root.findChildren(QWidget)]:
        sheet = widget.styleSheet()
        if sheet and "#" in sheet:
            widget.setStyleSheet(_FIXED_COLOUR.sub("", sheet).strip())
