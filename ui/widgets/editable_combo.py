"""The text field of an editable combo box (Qt types it as possibly absent)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLineEdit


def editor_of(combo: QComboBox) -> QLineEdit:
    edit = combo.lineEdit()
    assert edit is not None, "an editable combo box always has its line edit"
    return edit
