"""Partner settings tab and the 'what leaves the building' preview, with real widgets."""

from __future__ import annotations

from datetime import date

import pytest
from openpyxl import load_workbook
from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox
from pytestqt.modeltest import ModelTester

import ui.settings.partner_settings_tab as tab_module
from models.partners.registry import PartnerDraft
from models.reports.rows import Period
from tests.models.report_fixtures import build_activity
from ui.reports.partner_preview_dialog import PartnerPreviewDialog
from ui.settings.partner_settings_tab import PartnerSettingsTab

PERIOD = Period(date(2025, 10, 1), date(2025, 12, 31))


@pytest.fixture
def tab(qtbot, services) -> PartnerSettingsTab:
    widget = PartnerSettingsTab(services)
    qtbot.addWidget(widget)
    widget.refresh()
    widget.show()
    return widget


def test_a_partner_is_added_from_the_keyboard(qtbot, tab, services) -> None:
    qtbot.keyClicks(tab.name, "County health department")
    tab.threshold.setValue(6)
    assert tab.threshold_hint.text() == "hides counts 1 to 5; 0 shows as 0"
    tab.due.check.setChecked(True)
    qtbot.keyClicks(tab.contact_email, "overdose@health.example.org")
    with qtbot.waitSignal(tab.data_changed):
        tab.save_button.click()
    saved = services.partners.list_partners()
    assert [(p.name, p.suppression_threshold, p.next_due_on) for p in saved] == [
        ("County health department", 6, date(2026, 1, 15))
    ]
    assert tab.model.rowCount() == 1 and tab.error_label.text() == ""
    ModelTester(qtbot).check(tab.model)


def test_a_refusal_shows_in_the_tab_and_saves_nothing(qtbot, tab, services) -> None:
    qtbot.keyClicks(tab.name, "Bad mail")
    qtbot.keyClicks(tab.contact_email, "nobody at example")
    tab.save_button.click()
    assert "does not look like an e-mail address" in tab.error_label.text()
    assert services.partners.list_partners() == []


def test_report_sent_moves_the_deadline_and_delete_asks_first(
    qtbot, tab, services, monkeypatch
) -> None:
    services.partners.save_partner(PartnerDraft("OASAS", 10, 3, date(2026, 1, 31)))
    tab.refresh()
    tab.table.selectRow(0)
    assert tab.name.text() == "OASAS"
    tab.sent_button.click()
    assert services.partners.list_partners()[0].next_due_on == date(2026, 4, 30)
    assert tab.model.data(tab.model.index(0, 3)) == "2026-04-30"
    monkeypatch.setattr(
        tab_module.QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes
    )
    tab.delete_button.click()
    assert services.partners.list_partners() == []
    assert tab.model.rowCount() == 0


def test_the_preview_shows_exactly_what_the_workbook_holds(
    qtbot, services, database, agency, tmp_path, monkeypatch
) -> None:
    build_activity(services, database.sessions, agency)
    audited = services.partners.prepare_release(PERIOD)
    package = audited.package
    dialog = PartnerPreviewDialog(audited, services)
    qtbot.addWidget(dialog)
    assert not dialog.mark_sent.isVisible()
    target = tmp_path / "shared.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    dialog.save_button.click()
    workbook = load_workbook(target)
    for table, widget in zip(package.tables, dialog.tables(), strict=True):
        ws = workbook[table.sheet]
        title_row = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == table.title)
        headers = [widget.horizontalHeaderItem(c).text() for c in range(widget.columnCount())]
        assert headers == [ws.cell(title_row + 1, c + 2).value for c in range(len(headers))]
        for i in range(widget.rowCount()):
            assert widget.verticalHeaderItem(i).text() == ws.cell(title_row + 2 + i, 1).value
            for j in range(widget.columnCount()):
                in_file = ws.cell(title_row + 2 + i, j + 2).value
                assert widget.item(i, j).text() == str(in_file)


def test_a_save_that_fails_says_why_inside_the_dialog(
    qtbot, services, database, agency, tmp_path, monkeypatch
) -> None:
    build_activity(services, database.sessions, agency)
    dialog = PartnerPreviewDialog(services.partners.prepare_release(PERIOD), services)
    qtbot.addWidget(dialog)
    missing = tmp_path / "no such folder" / "x.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(missing), ""))
    dialog.save_button.click()
    assert dialog.error_label.text().startswith("Not saved:")
    assert dialog.result() != 1 and dialog.saved_path is None  # still open to try again
    assert services.partners.list_releases() == []  # nothing recorded either


def test_a_saved_workbook_is_listed_in_the_partners_tab(
    qtbot, services, database, agency, tmp_path, monkeypatch
) -> None:
    build_activity(services, database.sessions, agency)
    partner = services.partners.save_partner(PartnerDraft("County health", 10))
    dialog = PartnerPreviewDialog(
        services.partners.prepare_release(PERIOD, partner.id), services, partner.id
    )
    qtbot.addWidget(dialog)
    assert (
        "Checked against 0 earlier releases to 0 partners: no hidden count can be worked out."
        in (dialog.findChild(QLabel).text())
    )
    target = tmp_path / "q4.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    dialog.save_button.click()
    tab = PartnerSettingsTab(services)
    qtbot.addWidget(tab)
    tab.resize(1024, 600)
    tab.refresh()
    tab.show()
    model = tab.register.model
    assert model.rowCount() == 1
    assert model.data(model.index(0, 1)) == "County health"
    assert model.data(model.index(0, 2)) == "2025-10-01 to 2025-12-31"
    assert model.data(model.index(0, 7)) == "q4.xlsx"
    assert "not in it" in tab.register.note.text()
    ModelTester(qtbot).check(model)
    again = services.partners.prepare_release(PERIOD, partner.id)
    assert again.repeated and again.summary.startswith(
        "Checked against 1 earlier release to 1 partner"
    )
    tab.grab().save(str(tmp_path / "partners-tab.png"))
