"""The red line where a dialog or tab says why it refused something (one look everywhere)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

ERROR_STYLE = "color: #b00020; font-weight: bold;"


def error_label() -> QLabel:
    """An empty, word-wrapping label in the refusal colour."""
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet(ERROR_STYLE)
    return label
