"""Giving a person a role and PIN in the roster, then signing in with the picker."""

from __future__ import annotations

from models.common.actor import Role
from ui.training.person_dialog import PersonDialog
from ui.widgets.person_picker import PersonPickerDialog


def test_a_role_and_pin_given_in_the_roster_are_asked_for_by_the_picker(qtbot, services) -> None:
    dialog = PersonDialog(services)
    qtbot.addWidget(dialog)
    dialog.name.setText("Lt. Diaz")
    dialog.access.setCurrentIndex(dialog.access.findData(Role.RESPONDER))
    dialog.pin.setText("2468")
    dialog._on_accept()
    assert dialog.result() == PersonDialog.DialogCode.Accepted
    assert services.people.sign_in_needed()

    picker = PersonPickerDialog(services)
    qtbot.addWidget(picker)
    assert picker.people.item(0).text() == "Lt. Diaz - Responder (PIN)"
    picker.pin.setText("1111")
    picker._on_accept()
    assert "Wrong PIN for Lt. Diaz" in picker.error.text()
    assert services.actor.name == "tester"
    picker.pin.setText("2468")
    picker._on_accept()
    assert (services.actor.name, services.actor.role) == ("Lt. Diaz", Role.RESPONDER)


def test_a_bad_pin_in_the_roster_saves_nothing(qtbot, services) -> None:
    dialog = PersonDialog(services)
    qtbot.addWidget(dialog)
    dialog.name.setText("Clerk Amy")
    dialog.pin.setText("12a")
    dialog._on_accept()
    assert "4 to 8 digits" in dialog.error_label.text()
    assert services.training.list_personnel() == []
