"""Input widgets that mirror the domain limits (models/common/limits.py); knows widgets only.

A field never lets a person type what the service would refuse for its size or characters:
a scan landing in a quantity stops at the line limit, a lot number at its length and alphabet.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRegularExpression
from PySide6.QtGui import QIntValidator, QRegularExpressionValidator, QValidator
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QLineEdit,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from models.common.limits import (
    LOT_NUMBER_PATTERN,
    MAX_FREE_TEXT,
    MAX_LINE_QUANTITY,
    MAX_LOT_NUMBER,
)


def limit_quantity(spin: QSpinBox, minimum: int = 0) -> QSpinBox:
    """A quantity spin box that stops at the most one line may hold."""
    spin.setRange(minimum, MAX_LINE_QUANTITY)
    spin.setCorrectionMode(QAbstractSpinBox.CorrectionMode.CorrectToNearestValue)
    return spin


def limit_lot_number(edit: QLineEdit) -> QLineEdit:
    edit.setMaxLength(MAX_LOT_NUMBER)
    edit.setValidator(lot_number_validator(edit))
    return edit


def limit_free_text(edit: QLineEdit, limit: int = MAX_FREE_TEXT) -> QLineEdit:
    edit.setMaxLength(limit)
    return edit


def limit_count(edit: QLineEdit, top: int) -> QLineEdit:
    """A whole number typed in a line edit (a count), 0 to `top`, ASCII digits only."""
    edit.setMaxLength(len(str(top)))
    edit.setValidator(QIntValidator(0, top, edit))
    return edit


def lot_number_validator(parent: QWidget | None = None) -> QValidator:
    return QRegularExpressionValidator(QRegularExpression(LOT_NUMBER_PATTERN), parent)


class LimitedCellDelegate(QStyledItemDelegate):
    """Table cells edited within a limit: a lot number, or a quantity of one line."""

    def __init__(self, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._kind = kind  # "lot" or "quantity"

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        editor = super().createEditor(parent, option, index)
        if isinstance(editor, QLineEdit):
            if self._kind == "lot":
                limit_lot_number(editor)
            else:
                editor.setMaxLength(len(str(MAX_LINE_QUANTITY)))
                editor.setValidator(QIntValidator(1, MAX_LINE_QUANTITY, editor))
        return editor
