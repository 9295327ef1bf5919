"""QA: at 900x600 quick entry folds its categories into a second row, so choices read whole."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QComboBox, QStyle, QStyleOptionComboBox

from tests.models.distribution_helpers import receive_kits
from ui.distributions.quick_entry_widget import QuickEntryWidget
from ui.main_window import MainWindow


def _text_room(combo: QComboBox) -> int:
    """Pixels left for the text inside the combo box (its arrow and frame taken off)."""
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    field = combo.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, combo
    )
    return field.width()


@pytest.mark.parametrize(("size", "two_rows"), [((900, 600), True), ((1280, 800), False)])
def test_setting_and_place_choices_are_readable(qtbot, services, agency, size, two_rows) -> None:
    receive_kits(services, agency.vehicle, 5)
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    window.show_page("Distributions")
    widget = window.findChild(QuickEntryWidget)
    qtbot.waitUntil(lambda: widget.isVisible() and widget.field_grid.two_rows is two_rows)
    for combo in (widget.setting, widget.relationship, widget.location):
        widest = max(
            combo.fontMetrics().horizontalAdvance(combo.itemText(i)) for i in range(combo.count())
        )
        assert _text_room(combo) >= widest, combo.currentText()
    assert window.width() == size[0]
