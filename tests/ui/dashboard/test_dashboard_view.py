"""Dashboard screen driven through real widgets on a known dataset (FixedClock 2026-01-15)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.modeltest import ModelTester

from models.alerts.rows import AlertKind, AlertStatus, Readiness
from tests.models.alerts.test_alert_dashboard import build_known_dataset
from ui.dashboard.alert_decision_dialog import AlertDecisionDialog
from ui.dashboard.dashboard_view import DashboardView
from ui.main_window import MainWindow


def loaded_view(qtbot, services) -> DashboardView:
    view = DashboardView(services)
    qtbot.addWidget(view)
    view.resize(1100, 700)
    view.show()
    with qtbot.waitSignal(view.loaded, timeout=10000):
        view.refresh()
    return view


def select(qtbot, view: DashboardView, kind: AlertKind):
    alerts = view.alert_list
    row = alerts.model.row_of(lambda a: a.kind is kind)
    assert row >= 0, f"no {kind} alert shown"
    alerts.table.selectRow(row)
    return alerts.selected()


@pytest.fixture
def known(services, database, clock, agency):
    return build_known_dataset(services, database, clock, agency)


def test_dashboard_shows_the_expected_figures(qtbot, services, agency, known) -> None:
    view = loaded_view(qtbot, services)
    assert view.doses_card.value.text() == "15"
    assert view.doses_card.detail.text() == (
        "usable, 5 of them expire ≤ 90 d · 4 expired on shelves · 1 quarantined"
    )
    assert view.kits_card.value.text() == "3"
    assert view.kits_card.detail.text() == "0 of 1 vehicles and bags at par"
    assert view.par_card.value.text() == "1 place"
    assert view.par_card.detail.text() == "Patrol 12"
    assert view.distributions_card.value.text() == "1"
    assert view.distributions_card.detail.text().startswith("Last month 1 · 1 encounters")
    assert "3 doses given on scene" in view.distributions_card.detail.text()
    assert view.training_card.value.text() == "—"
    assert "Thursday 15 January 2026" in view.heading.text()
    kinds = {a.kind for a in view.alert_list.model.rows()}
    assert {AlertKind.EXPIRED, AlertKind.EXPIRING, AlertKind.RESTOCK} <= kinds
    assert view.tabs.tabText(0) == f"Needs action ({view.alert_list.open_count()})"
    tile = next(t for t in view.board.tiles if t.row.location_id == agency.vehicle)
    assert tile.row.status is Readiness.AMBER and tile.row.ready == 2
    assert {(k.location_path, k.ready) for k in view.kits_model.rows()} == {
        ("Station 1 / Supply room", 1),
        ("Station 1 / Patrol 12", 2),
    }
    expiring = view.charts.expiring_chart.chart().series()[0]
    bars = expiring.barSets()
    assert [round(bars[0].at(i) + bars[1].at(i)) for i in (2, 7)] == [5, 10]
    kits = view.charts.distributed_chart.chart().series()[0].barSets()[0]
    assert [round(kits.at(i)) for i in range(12)][-2:] == [1, 1]
    ModelTester(qtbot).check(view.alert_list.model)
    ModelTester(qtbot).check(view.kits_model)


def test_acknowledge_hides_the_alert_until_shown(qtbot, services, known) -> None:
    view = loaded_view(qtbot, services)
    alert = select(qtbot, view, AlertKind.EXPIRED)
    qtbot.mouseClick(view.alert_list.acknowledge_button, Qt.MouseButton.LeftButton)
    dialog = view.alert_list.active_dialog
    assert isinstance(dialog, AlertDecisionDialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert "Say why" in dialog.error_label.text() and dialog.isVisible()
    qtbot.keyClicks(dialog.reason, "kept for training")
    with qtbot.waitSignal(view.loaded, timeout=10000):
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert all(a.key != alert.key for a in view.alert_list.model.rows())
    view.alert_list.show_decided.setChecked(True)
    (shown,) = [a for a in view.alert_list.model.rows() if a.key == alert.key]
    assert shown.status is AlertStatus.ACKNOWLEDGED
    assert view.alert_list.select_key(alert.key)
    assert view.alert_list.reopen_button.isEnabled()
    assert "kept for training" in view.alert_list.detail.text()


def test_snooze_through_the_dialog(qtbot, services, known) -> None:
    view = loaded_view(qtbot, services)
    alert = select(qtbot, view, AlertKind.RESTOCK)
    qtbot.mouseClick(view.alert_list.snooze_button, Qt.MouseButton.LeftButton)
    dialog = view.alert_list.active_dialog
    dialog.days.setValue(3)
    qtbot.keyClicks(dialog.reason, "truck in the shop")
    with qtbot.waitSignal(view.loaded, timeout=10000):
        qtbot.mouseClick(
            dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
        )
    decided = {a.key: a for a in services.alerts.list_alerts(include_decided=True)}
    assert decided[alert.key].status is AlertStatus.SNOOZED


def test_expired_alert_opens_the_quarantine_dialog_on_its_lot(qtbot, services, known) -> None:
    view = loaded_view(qtbot, services)
    alerts = view.alert_list
    row = alerts.model.row_of(lambda a: a.kind is AlertKind.EXPIRED and a.lot_id != known.kit_lot)
    alerts.table.selectRow(row)
    assert alerts.action_button.text() == "Quarantine…"
    qtbot.mouseClick(view.alert_list.action_button, Qt.MouseButton.LeftButton)
    dialog = view.alert_list.active_dialog
    assert type(dialog).__name__ == "QuarantineDialog" and dialog.isVisible()
    dialog.reject()


def test_restock_alert_opens_a_transfer_and_rekit_goes_to_kits(
    qtbot, services, agency, known
) -> None:
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    view = window.show_page("Dashboard")
    qtbot.waitSignal(view.loaded, timeout=10000).wait()
    select(qtbot, view, AlertKind.RESTOCK)
    assert view.alert_list.action_button.text() == "Transfer…"
    qtbot.mouseClick(view.alert_list.action_button, Qt.MouseButton.LeftButton)
    dialog = view.alert_list.active_dialog
    assert type(dialog).__name__ == "TransferDialog"
    dialog.reject()
    services.catalog.set_par_level(agency.room, known.kit, 10)
    with qtbot.waitSignal(view.loaded, timeout=10000):
        view.refresh()
    select(qtbot, view, AlertKind.BELOW_PAR)
    assert view.alert_list.action_button.text() == "Re-kit on Kits screen"
    qtbot.mouseClick(view.alert_list.action_button, Qt.MouseButton.LeftButton)
    assert window.current_page() is window.page("Kits")


def test_empty_agency_dashboard_says_what_to_set_up_next(qtbot, services) -> None:
    view = loaded_view(qtbot, services)
    assert view.doses_card.value.text() == "0"
    assert view.par_card.detail.text() == "No par levels yet: set them in Settings → Locations"
    assert view.alert_list.model.rowCount() == 0
    assert "No vehicles or bags yet" in view.board.summary.text()


def test_readiness_board_lists_vehicles_that_are_not_ready_first(qtbot) -> None:
    from models.alerts.rows import Readiness
    from ui.dashboard.readiness_board import URGENCY

    order = sorted(Readiness, key=lambda s: URGENCY[s])
    assert order == [Readiness.RED, Readiness.AMBER, Readiness.GREEN, Readiness.UNSET]


def test_expiry_chart_labels_every_bar(qtbot) -> None:
    from datetime import date

    from models.alerts.rows import MonthFigure
    from ui.dashboard.dashboard_charts import month_axis

    figures = [MonthFigure(date(2026 + (m // 12), m % 12 + 1, 1), m) for m in range(11, 29)]
    axis = month_axis(figures)
    assert axis.categories()[:2] == ["Dec 26", "Jan 27"] and len(axis.categories()) == 18
