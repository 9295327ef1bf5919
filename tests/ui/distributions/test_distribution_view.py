"""Distributions screen, dialogs and settings tab driven as a user would."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog

from models.distributions.categories import CategoryKind
from models.distributions.rows import MonthCount
from tests.conftest import Agency
from tests.models.distribution_helpers import entry, receive_kits
from ui.distributions.administration_dialog import AdministrationDialog
from ui.distributions.distribution_chart import DistributionChart, nice_ceiling
from ui.distributions.distributions_view import DistributionsView, preset_period
from ui.distributions.tally_import_dialog import TallyImportDialog
from ui.distributions.void_dialog import VoidDialog
from ui.settings.distribution_settings_tab import DistributionSettingsTab


@pytest.fixture
def stocked(services, agency: Agency) -> Agency:
    receive_kits(services, agency.vehicle, 6)
    return agency


@pytest.fixture
def view(qtbot, services, stocked) -> DistributionsView:
    record = services.distributions.record_distribution
    record(entry(stocked, occurred_on=date(2026, 1, 3), kits=2))
    record(entry(stocked, occurred_on=date(2026, 1, 9), zip_code="12831"))
    widget = DistributionsView(services)
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.refresh()
    return widget


def test_the_log_lists_the_period_and_every_model_is_sound(qtbot, qtmodeltester, view):
    assert view.log_model.rowCount() == 2
    assert "3 kits left behind in 2 distributions" in view.summary.text()
    for model in (view.log_model, view.administration_model, view.count_model):
        qtmodeltester.check(model)
    view.search.setText("12831")
    assert view.log_model.rowCount() == 1


def test_breakdown_groups_by_each_dimension(view):
    view.group.setCurrentIndex(view.group.findData("zip"))
    assert view.count_model.rowCount() == 2
    labels = [view.count_model.index(r, 0).data() for r in range(2)]
    assert labels == ["12866", "12831"]
    view.group.setCurrentIndex(view.group.findData("location"))
    assert view.count_model.index(0, 0).data() == "Station 1 / Patrol 12"
    assert view.count_model.index(0, 2).data() == 3


def test_void_from_the_log_restores_stock_and_marks_the_row(qtbot, services, stocked, view):
    view.tabs.setCurrentIndex(1)
    view.log_table.selectRow(0)
    record = view.log_model.row_at(0)
    dialog = VoidDialog(services, record, view)
    qtbot.addWidget(dialog)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert "Say why" in dialog.error_label.text() and dialog.result_row is None
    qtbot.keyClicks(dialog.reason, "Entered twice")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.result_row is not None and dialog.result_row.voided
    view.refresh()
    assert view.log_model.row_at(0).voided
    assert "1 voided (not counted)" in view.summary.text()
    font = view.log_model.index(0, 1).data(Qt.ItemDataRole.FontRole)
    assert font.strikeOut()


def test_administration_dialog_records_and_refuses_in_place(qtbot, services, stocked):
    dialog = AdministrationDialog(services)
    qtbot.addWidget(dialog)
    dialog.location.setCurrentIndex(dialog.location.findData(stocked.vehicle))
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert "holds naloxone for 0 doses" in dialog.error_label.text()
    dialog.from_kit.setChecked(True)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert "received ready-made" in dialog.error_label.text()
    assert services.distributions.list_administrations(date(2026, 1, 1), date(2026, 1, 31)) == []


def _tally(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Date", "Kits", "From", "ZIP", "Setting", "Relationship"])
        writer.writerows(rows)
    return path


def test_tally_dialog_lists_the_bad_row_and_imports_nothing(
    qtbot, services, stocked, tmp_path, monkeypatch
):
    path = _tally(tmp_path / "shift.csv", [
        ["2026-01-12", "1", "Patrol 12", "12866", "Overdose scene", "Family member"],
        ["2026-01-12", "1", "Patrol 12", "12866", "Traffic stop", "Family member"],
    ])  # fmt: skip
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    dialog = TallyImportDialog(services)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.import_finished, timeout=10_000):
        dialog.import_button.click()
    assert "Nothing was imported: 1 row(s)" in dialog.result_label.text()
    assert dialog.problems.rowCount() == 1
    assert dialog.problems.item(0, 0).text() == "3"
    assert "Unknown setting 'Traffic stop'" in dialog.problems.item(0, 1).text()
    assert services.distributions.list_distributions(date(2026, 1, 1), date(2026, 1, 31)) == []
    _tally(path, [["2026-01-12", "2", "Patrol 12", "12866", "Overdose scene", "Family member"]])
    with qtbot.waitSignal(dialog.import_finished, timeout=10_000):
        dialog.import_button.click()
    assert dialog.imported is not None and dialog.imported.kits == 2
    assert "Imported 1 distribution, 2 kits" in dialog.result_label.text()


def test_tally_dialog_saves_a_template(qtbot, services, tmp_path, monkeypatch):
    target = tmp_path / "blank.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    dialog = TallyImportDialog(services)
    qtbot.addWidget(dialog)
    dialog.template_button.click()
    assert target.is_file() and "saved" in dialog.result_label.text()


def test_settings_tab_saves_lists_and_zips_or_refuses_whole(qtbot, services, stocked):
    tab = DistributionSettingsTab(services)
    qtbot.addWidget(tab)
    tab.refresh()
    tab.zips.setPlainText("12866, 12831\n12020")
    relationships = tab.lists[CategoryKind.RELATIONSHIP]
    relationships.item(4).setCheckState(Qt.CheckState.Unchecked)  # retire "Organisation"
    with qtbot.waitSignal(tab.data_changed):
        tab.save_button.click()
    assert services.distributions.service_area_zips() == ["12866", "12831", "12020"]
    assert not services.distributions.list_categories(CategoryKind.RELATIONSHIP)[4].active
    services.distributions.record_distribution(entry(stocked))  # uses overdose_scene
    tab.refresh()
    tab.lists[CategoryKind.SETTING].takeItem(0)
    tab.zips.setPlainText("99")
    tab.save_button.click()
    assert "retire" in tab.error_label.text() or "5-digit" in tab.error_label.text()
    assert services.distributions.list_categories(CategoryKind.SETTING)[0].code == "overdose_scene"
    assert services.distributions.service_area_zips() == ["12866", "12831", "12020"]


def test_chart_draws_one_group_per_month(qtbot):
    chart = DistributionChart()
    qtbot.addWidget(chart)
    months = [MonthCount(date(2025, m, 1), m, m * 2, 1, 1) for m in range(1, 13)]
    chart.set_months(months, "2025")
    series = chart.chart().series()[0]
    assert [s.count() for s in series.barSets()] == [12, 12]
    assert series.barSets()[0].at(11) == 24
    assert nice_ceiling(24) == 40


def test_presets_cover_the_usual_periods():
    today = date(2026, 1, 15)
    assert preset_period("Last month", today) == (date(2025, 12, 1), date(2025, 12, 31))
    assert preset_period("This quarter", today) == (date(2026, 1, 1), today)
    assert preset_period("Last 12 months", today) == (date(2025, 2, 1), today)
