"""Recording a training session through the real dialog, its refusals, and its sign-in sheet."""

from __future__ import annotations

from datetime import date

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialogButtonBox

from models.common.settings import AGENCY_NAME
from models.training.elements import ELEMENT_CODES, OD_ELEMENT, SessionKind
from tests.snapshot import snapshot
from ui.training.training_session_dialog import TrainingSessionDialog
from ui.training.training_view import TrainingView


@pytest.fixture
def roster(services, agency):
    save = services.training.save_person
    return [
        save(
            None, "Dana Reyes", "B-1001", station_id=agency.station, lbn_trained_on=date(2025, 3, 1)
        ),
        save(None, "Sam Ortiz", "B-1002", station_id=agency.station),
        save(None, "Kai Murphy", "B-1003", station_id=agency.station),
        save(None, "Old Timer", "B-0001", active=False),
    ]


def _ok(dialog: TrainingSessionDialog):
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)


def _tick(dialog: TrainingSessionDialog, *names: str) -> None:
    for item in dialog.attendees.items():
        if any(item.text().startswith(n) for n in names):
            item.setCheckState(Qt.CheckState.Checked)


def test_recording_a_session_with_attendees_updates_the_roster(qtbot, services, roster) -> None:
    view = TrainingView(services)
    qtbot.addWidget(view)
    view.show()
    view.refresh()
    qtbot.mouseClick(view.sessions.record_button, Qt.MouseButton.LeftButton)
    dialog = view.sessions.findChild(TrainingSessionDialog)
    assert dialog is not None and dialog.isVisible()
    # Only active personnel are offered.
    assert not any("Old Timer" in item.text() for item in dialog.attendees.items())
    dialog.held_on.setDate(QDate(2026, 1, 12))
    dialog.kind.setCurrentIndex(dialog.kind.findData(SessionKind.LBN_ROLL_CALL.value))
    assert dialog.elements.codes() == ELEMENT_CODES
    assert "LBN training and overdose/naloxone training dates" in dialog.counts_label.text()
    qtbot.keyClicks(dialog.trainer, "Sgt. Lee")
    qtbot.keyClicks(dialog.attendees.search, "Ortiz")
    qtbot.mouseClick(dialog.attendees.tick_shown, Qt.MouseButton.LeftButton)
    dialog.attendees.search.clear()
    _tick(dialog, "Dana Reyes")
    assert dialog.attendees.count_label.text() == "2 ticked"
    dialog.outside.setValue(4)
    qtbot.keyClicks(dialog.notes, "Held at shift change.")
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(_ok(dialog), Qt.MouseButton.LeftButton)

    [session] = services.training.list_sessions()
    assert session.held_on == date(2026, 1, 12)
    assert session.attendee_labels == ("Dana Reyes (B-1001)", "Sam Ortiz (B-1002)")
    assert (session.trainer, session.outside_headcount, session.notes) == (
        "Sgt. Lee",
        4,
        "Held at shift change.",
    )
    people = {p.name: p for p in services.training.list_personnel()}
    assert people["Sam Ortiz"].lbn_trained_on == date(2026, 1, 12)
    assert people["Dana Reyes"].od_trained_on == date(2026, 1, 12)
    assert people["Kai Murphy"].lbn_trained_on is None
    assert view.sessions.model.rowCount() == 1
    assert "2 of 3 active personnel trained" in view.summary.text().replace("<b>", "").replace(
        "</b>", ""
    )


@pytest.mark.parametrize(
    ("prepare", "message"),
    [
        (lambda d: None, "Tick the attendees"),
        (lambda d: (_tick(d, "Sam"), d.elements.set_codes(())), "Tick the elements"),
        (lambda d: (_tick(d, "Sam"), d.notes.setPlainText("lives at 22 Oak Street")), "address"),
    ],
)
def test_refusals_show_in_the_dialog_and_write_nothing(
    qtbot, services, database, roster, prepare, message
) -> None:
    dialog = TrainingSessionDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    before = snapshot(database.sessions)
    prepare(dialog)
    qtbot.mouseClick(_ok(dialog), Qt.MouseButton.LeftButton)
    assert message in dialog.error_label.text()
    assert dialog.isVisible()
    assert snapshot(database.sessions) == before


def test_dialog_does_not_offer_a_future_date(qtbot, services, roster) -> None:
    dialog = TrainingSessionDialog(services)
    qtbot.addWidget(dialog)
    dialog.held_on.setDate(QDate(2026, 3, 1))
    assert dialog.held_on.date() == QDate(2026, 1, 15)


def test_overdose_session_preselects_its_element(qtbot, services, roster) -> None:
    dialog = TrainingSessionDialog(services)
    qtbot.addWidget(dialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData(SessionKind.OD_NALOXONE.value))
    assert dialog.elements.codes() == (OD_ELEMENT,)
    dialog.kind.setCurrentIndex(dialog.kind.findData(SessionKind.OTHER.value))
    assert dialog.elements.codes() == ()
    assert "does not change anyone's training dates" in dialog.counts_label.text()


def test_editing_adds_a_forgotten_attendee(qtbot, services, roster) -> None:
    session = services.training.record_session(
        date(2026, 1, 5), SessionKind.REFRESHER, ELEMENT_CODES, "Sgt. Lee", [roster[0].id]
    )
    dialog = TrainingSessionDialog(services, session)
    qtbot.addWidget(dialog)
    assert not dialog.held_on.isEnabled() and not dialog.kind.isEnabled()
    assert dialog.attendees.ticked_ids() == [roster[0].id]
    _tick(dialog, "Kai Murphy")
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(_ok(dialog), Qt.MouseButton.LeftButton)
    assert services.training.get_person(roster[2].id).lbn_trained_on == date(2026, 1, 5)
    assert len(services.training.get_session(session.id).attendee_ids) == 2


def test_sign_in_sheet_from_the_form_before_saving(qtbot, services, roster) -> None:
    services.settings.set(AGENCY_NAME, "Demo County Sheriff's Office")
    dialog = TrainingSessionDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.trainer, "Lt. Moore")
    _tick(dialog, "Kai Murphy", "Sam Ortiz")
    qtbot.mouseClick(dialog.sheet_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.printer.last_preview is not None, timeout=10_000)
    preview = dialog.printer.last_preview
    assert preview.document.pageCount() == 1
    text = PdfReader(preview.pdf_path).pages[0].extract_text()
    assert "Lt. Moore" in text and "Demo County Sheriff's Office" in text
    assert text.index("Kai Murphy") < text.index("Sam Ortiz")
    assert "Dana Reyes" not in text
    assert services.training.list_sessions() == []  # printing saves nothing
    preview.close()
