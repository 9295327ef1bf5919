"""Training screen: roster and person dialog, feedback log, figures, settings tab, main window."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
from pytestqt.modeltest import ModelTester

from models.training.elements import ELEMENT_CODES, SessionKind
from models.training.rows import Status
from tests.snapshot import snapshot
from ui.main_window import MainWindow
from ui.settings.settings_view import SettingsView
from ui.training.feedback_dialog import FeedbackDialog
from ui.training.person_dialog import PersonDialog
from ui.training.training_view import TrainingView


def _view(qtbot, services) -> TrainingView:
    view = TrainingView(services)
    qtbot.addWidget(view)
    view.show()
    view.refresh()
    return view


def _save(qtbot, dialog) -> None:
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
    )


def test_adding_a_person_through_the_roster(qtbot, services, agency) -> None:
    view = _view(qtbot, services)
    qtbot.mouseClick(view.roster.add_button, Qt.MouseButton.LeftButton)
    dialog = view.roster.findChild(PersonDialog)
    qtbot.keyClicks(dialog.name, "Dana Reyes")
    qtbot.keyClicks(dialog.badge, "B-1001")
    dialog.station.setCurrentIndex(dialog.station.findText("Station 1"))
    assert dialog.station.findText("Patrol 12") == -1  # vehicles are not stations
    dialog.role.setCurrentText("Sergeant")
    dialog.lbn.check.setChecked(True)
    dialog.lbn.edit.setDate(QDate(2025, 2, 1))
    assert dialog.due_label.text() == "2026-02-01"
    with qtbot.waitSignal(dialog.accepted):
        _save(qtbot, dialog)
    model = view.roster.model
    assert model.rowCount() == 1
    row = model.row_at(0)
    assert (row.name, row.station_name, row.role, row.status) == (
        "Dana Reyes",
        "Station 1",
        "Sergeant",
        Status.DUE,
    )
    status = model.index(0, 2)
    assert model.data(status) == "Due soon"
    assert model.data(status, Qt.ItemDataRole.BackgroundRole) is not None
    ModelTester(qtbot).check(model)


def test_person_dialog_shows_refusals_and_saves_nothing(qtbot, services, database) -> None:
    services.training.save_person(None, "Dana Reyes", "B-1001")
    before = snapshot(database.sessions)
    dialog = PersonDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    _save(qtbot, dialog)
    assert "name is required" in dialog.error_label.text()
    qtbot.keyClicks(dialog.name, "Sam Ortiz")
    qtbot.keyClicks(dialog.badge, "b-1001")
    _save(qtbot, dialog)
    assert "already belongs to Dana Reyes" in dialog.error_label.text()
    assert dialog.isVisible()
    assert snapshot(database.sessions) == before


def test_roster_filters_by_status_and_hides_inactive(qtbot, services) -> None:
    save = services.training.save_person
    save(None, "Current Person", "1", lbn_trained_on=date(2025, 12, 1))
    save(None, "New Hire", "2")
    save(None, "Lapsed Person", "3", lbn_trained_on=date(2024, 12, 1))
    save(None, "Retired Person", "4", active=False)
    view = _view(qtbot, services)
    names = lambda: [r.name for r in view.roster.model.rows()]  # noqa: E731
    assert names() == ["Current Person", "Lapsed Person", "New Hire"]
    view.roster.status_filter.setCurrentText("Needs training")
    assert names() == ["Lapsed Person", "New Hire"]
    assert view.roster.count_label.text() == "2 people shown, 2 needing training"
    view.roster.status_filter.setCurrentText("Everyone")
    view.roster.show_inactive.setChecked(True)
    assert "Retired Person" in names()
    qtbot.keyClicks(view.roster.search, "hire")
    assert names() == ["New Hire"]


def test_feedback_dialog_refuses_personal_data_then_logs(qtbot, services, database) -> None:
    view = _view(qtbot, services)
    view.tabs.setCurrentWidget(view.feedback)
    qtbot.mouseClick(view.feedback.add_button, Qt.MouseButton.LeftButton)
    dialog = view.feedback.findChild(FeedbackDialog)
    dialog.source.setCurrentIndex(dialog.source.findData("recipient"))
    dialog.category.setCurrentIndex(dialog.category.findData("success"))
    before = snapshot(database.sessions)
    qtbot.keyClicks(dialog.text, "She called from 518-555-0144 to say thanks")
    _save(qtbot, dialog)
    assert "phone number" in dialog.error_label.text()
    assert snapshot(database.sessions) == before
    dialog.text.setPlainText("A recipient came back to say the kit saved a friend.")
    with qtbot.waitSignal(dialog.accepted):
        _save(qtbot, dialog)
    model = view.feedback.model
    assert model.rowCount() == 1
    assert [model.data(model.index(0, c)) for c in range(4)] == [
        "2026-01-15",
        "Recipient (anonymous)",
        "Success story",
        "A recipient came back to say the kit saved a friend.",
    ]
    ModelTester(qtbot).check(model)


def test_feedback_delete_asks_first(qtbot, services, monkeypatch) -> None:
    services.training.add_feedback(date(2026, 1, 2), "partner", "suggestion", "More cards")
    view = _view(qtbot, services)
    view.feedback.table.selectRow(0)
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.No)
    qtbot.mouseClick(view.feedback.delete_button, Qt.MouseButton.LeftButton)
    assert view.feedback.model.rowCount() == 1
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(view.feedback.delete_button, Qt.MouseButton.LeftButton)
    assert view.feedback.model.rowCount() == 0
    assert services.training.list_feedback() == []


def test_summary_and_figures_tab(qtbot, services) -> None:
    a = services.training.save_person(None, "Dana Reyes", "1", lbn_trained_on=date(2024, 12, 1))
    b = services.training.save_person(None, "Sam Ortiz", "2")
    services.training.record_session(
        date(2026, 1, 10), SessionKind.LBN_ROLL_CALL, ELEMENT_CODES, "Sgt. Lee", [b.id], 5
    )
    view = _view(qtbot, services)
    text = view.summary.text()
    assert "<b>1</b> of 2 active personnel trained (<b>50%</b>)" in text
    assert "<b>1</b> overdue" in text and "<b>1</b> session in 2026 Q1" in text
    quarters = view.figures.quarter_model
    assert quarters.rowCount() == 8
    assert [quarters.data(quarters.index(0, c)) for c in range(6)] == ["2026 Q1", 1, 1, 1, 5, 6]
    due = view.figures.due_model
    assert [due.data(due.index(0, c)) for c in range(3)] == ["Dana Reyes", "2025-12-01", "overdue"]
    assert a.id == due.row_at(0).person_id
    for model in (quarters, due, view.sessions.model):
        ModelTester(qtbot).check(model)


def test_session_details_and_sign_in_sheet_of_the_selected_session(qtbot, services) -> None:
    p = services.training.save_person(None, "Dana Reyes", "B-1001")
    services.training.record_session(
        date(2026, 1, 10), SessionKind.REFRESHER, ELEMENT_CODES[:2], "Sgt. Lee", [p.id], 2
    )
    view = _view(qtbot, services)
    view.sessions.table.selectRow(0)
    details = view.sessions.details.text()
    assert "Dana Reyes (B-1001)" in details and "Dispel Harm Reduction Myths" in details
    assert view.print_page() is True
    qtbot.waitUntil(lambda: view.sessions.printer.last_preview is not None, timeout=10_000)
    preview = view.sessions.printer.last_preview
    assert preview.document.pageCount() == 1
    assert preview.pdf_path.name == "sign-in-sheet-2026-01-10.pdf"
    preview.close()


def test_training_settings_tab_saves_the_interval(qtbot, services) -> None:
    settings = SettingsView(services)
    qtbot.addWidget(settings)
    settings.show()
    tab = settings.show_tab("Training")
    assert (tab.months.value(), tab.warning_days.value()) == (12, 30)
    tab.months.setValue(24)
    tab.warning_days.setValue(60)
    with qtbot.waitSignal(settings.data_changed):
        qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert services.training.refresher_policy() == (24, 60)
    assert "Saved" in tab.message.text()


def test_main_window_opens_the_training_screen(qtbot, services) -> None:
    window = MainWindow(services)
    qtbot.addWidget(window)
    page = window.show_page("Training")
    assert isinstance(page, TrainingView)
    assert [page.tabs.tabText(i) for i in range(page.tabs.count())] == [
        "Roster",
        "Sessions",
        "Feedback",
        "Figures",
    ]
