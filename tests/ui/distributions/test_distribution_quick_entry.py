"""Quick entry typed only from the keyboard: Tab between fields, Enter saves and starts the next."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.conftest import Agency
from tests.models.distribution_helpers import receive_kits
from ui.distributions.quick_entry_widget import QuickEntryWidget


def focused():
    return QApplication.focusWidget()


def type_text(qtbot, text: str) -> None:
    qtbot.keyClicks(focused(), text)


def press(qtbot, key: Qt.Key, times: int = 1) -> None:
    for _ in range(times):
        qtbot.keyClick(focused(), key)


def save_and_wait(qtbot, widget, key: Qt.Key = Qt.Key.Key_Return) -> None:
    """Enter saves off the GUI thread; wait until the line has come back."""
    press(qtbot, key)
    qtbot.waitUntil(lambda: not widget.saving)


@pytest.fixture
def widget(qtbot, services, agency: Agency):
    receive_kits(services, agency.vehicle, 5)
    receive_kits(services, agency.vehicle2, 4, lot="K2")
    services.distributions.save_service_area_zips(["12866", "12831"])
    widget = QuickEntryWidget(services)
    qtbot.addWidget(widget)
    widget.resize(1100, 420)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    widget.date.setFocus()
    qtbot.waitUntil(lambda: focused() is widget.date)
    return widget


def test_a_line_typed_from_the_keyboard_is_saved_and_the_next_starts(qtbot, services, widget):
    press(qtbot, Qt.Key.Key_Backspace, 10)
    type_text(qtbot, "1/14")
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is widget.kits
    type_text(qtbot, "2")
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Down)  # Patrol 12 -> Patrol 14
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "12831")
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "Reentry")
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "Friend")
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "Evening")
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Space)  # naloxone given
    press(qtbot, Qt.Key.Key_Tab, 2)
    assert focused() is widget.comment
    type_text(qtbot, "Shelter visit")
    with qtbot.waitSignal(widget.distribution_recorded) as recorded:
        press(qtbot, Qt.Key.Key_Return)
    row = recorded.args[0]
    assert (row.occurred_on, row.kits, row.location_path) == (
        date(2026, 1, 14),
        2,
        "Station 1 / Patrol 14",
    )
    assert (row.zip_code, row.setting, row.relationship, row.time_band) == (
        "12831",
        "reentry",
        "friend",
        "evening",
    )
    assert row.naloxone_administered and not row.services_offered
    assert row.comment == "Shelter visit"
    # The next line starts on Kits with the same date, place, ZIP and categories.
    assert focused() is widget.kits and widget.comment.text() == ""
    type_text(qtbot, "1")
    with qtbot.waitSignal(widget.distribution_recorded) as second:
        press(qtbot, Qt.Key.Key_Enter)
    again = second.args[0]
    assert (again.occurred_on, again.kits, again.location_path, again.zip_code) == (
        date(2026, 1, 14),
        1,
        "Station 1 / Patrol 14",
        "12831",
    )
    assert (again.setting, again.relationship) == ("reentry", "friend")
    assert not again.naloxone_administered
    assert widget.lines.rowCount() == 2
    assert widget.location.currentText() == "Patrol 14 (1 kit) · Station 1"


def test_a_refused_line_shows_why_and_saves_nothing(qtbot, services, widget):
    type_text(qtbot, "")
    press(qtbot, Qt.Key.Key_Tab)
    type_text(qtbot, "9")  # Patrol 12 holds 5
    press(qtbot, Qt.Key.Key_Tab, 2)
    type_text(qtbot, "1234")
    save_and_wait(qtbot, widget)
    assert "'1234' is not a 5-digit ZIP" in widget.error_label.text()
    assert widget.kits.value() == 9 and widget.zip.currentText() == "1234"  # kept as typed
    widget.zip.setFocus()
    widget.zip.lineEdit().selectAll()
    type_text(qtbot, "12866")
    save_and_wait(qtbot, widget)
    assert "has 5 usable" in widget.error_label.text()
    assert widget.saved == []
    assert services.distributions.list_distributions(date(2026, 1, 1), date(2026, 1, 31)) == []


def test_personal_data_in_the_comment_is_refused_in_place(qtbot, services, widget):
    widget.comment.setFocus()
    type_text(qtbot, "mother's cell 518-555-0134")
    save_and_wait(qtbot, widget)
    assert "phone number" in widget.error_label.text()
    assert widget.saved == []
    assert widget.comment.text() == "mother's cell 518-555-0134"  # kept, to be corrected
    assert focused() is widget.comment


def test_defaults_are_remembered_by_a_new_form(qtbot, services, agency, widget):
    widget.location.setCurrentIndex(widget.location.findData(agency.vehicle2))
    widget.setting.setCurrentIndex(widget.setting.findData("deflection"))
    widget.kits.setFocus()
    save_and_wait(qtbot, widget)
    assert len(widget.saved) == 1
    fresh = QuickEntryWidget(services)
    qtbot.addWidget(fresh)
    assert fresh.location.currentData() == agency.vehicle2
    assert fresh.setting.currentData() == "deflection"
    assert fresh.zip.currentText() == "12866"


def test_outcome_tags_are_ticked_instead_of_typing_and_cleared_for_the_next_line(
    qtbot, services, widget, tmp_path: Path
):
    tags = widget.outcomes.buttons
    assert "Declined services" in [b.text() for b in tags.values()]
    qtbot.mouseClick(tags["declined_services"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(tags["repeat_encounter"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(widget.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not widget.saving)
    row = services.distributions.list_recent(1)[0]
    assert row.outcome_labels == ("Declined services", "Repeat encounter")
    assert widget.outcomes.ticked() == ()
    widget.grab().save(str(tmp_path / "quick_entry_tags.png"))


def test_a_comment_naming_someone_is_refused_in_red_and_nothing_is_saved(qtbot, services, widget):
    widget.comment.setText("left with John Smith")
    qtbot.mouseClick(widget.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not widget.saving)
    assert "person's name" in widget.error_label.text()
    assert services.distributions.list_recent() == []
