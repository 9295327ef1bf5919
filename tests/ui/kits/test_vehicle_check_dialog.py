"""The vehicle check dialog as a crew drives it: scans, ticks, marks, a deliberate click."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from models.stock.rows import ReceiveLine
from models.stock.scanning import kit_label_payload
from tests.models.kit_fixtures import on_hand, standard
from tests.models.kits.test_vehicle_check import _kits_on_vehicle
from tests.snapshot import snapshot
from tests.ui.scanner import NARCAN_UPC, SUFFIXES, type_scan
from ui.kits.vehicle_check_dialog import VehicleCheckDialog


def _dialog(qtbot, services, agency) -> VehicleCheckDialog:
    dialog = VehicleCheckDialog(services, location_id=agency.vehicle)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_kit_label_scans_tick_kits_in_any_field_and_never_record(qtbot, services, agency):
    batch = _kits_on_vehicle(services, agency, count=4)
    dialog = _dialog(qtbot, services, agency)
    assert dialog.table.rowCount() == 4 and dialog.table.item(0, 2).text() == batch.lot_number
    before = snapshot(services.stock._sessions)
    label = kit_label_payload(batch.lot_number)
    for field, suffix in zip(
        (dialog.note, dialog.table, dialog.vehicle, dialog.note), SUFFIXES, strict=True
    ):
        type_scan(qtbot, field, label, suffix=suffix)
    assert [dialog.table.item(r, 0).checkState() for r in range(4)] == [Qt.CheckState.Checked] * 4
    assert dialog.summary.text() == "4 of 4 kits checked: 4 on board"
    assert dialog.note.text() == "" and dialog.vehicle.currentData() == agency.vehicle
    assert dialog.isVisible() and dialog.outcome is None
    assert snapshot(services.stock._sessions) == before  # no scan records the check
    type_scan(qtbot, dialog.note, label)
    assert "already checked" in dialog.error_label.text()
    type_scan(qtbot, dialog.note, kit_label_payload("NOPE"))
    assert "NOPE is not on this vehicle" in dialog.error_label.text()
    type_scan(qtbot, dialog.note, NARCAN_UPC)
    assert "scan the kit's label" in dialog.error_label.text()
    qtbot.keyClick(dialog.note, Qt.Key.Key_Return)  # Enter records nothing either
    assert dialog.isVisible() and snapshot(services.stock._sessions) == before
    qtbot.mouseClick(dialog.record_button, Qt.MouseButton.LeftButton)
    assert dialog.outcome is not None and dialog.outcome.result == "All 4 kits on board"
    assert not dialog.isVisible()


def test_recording_refuses_unchecked_kits_and_a_missing_kit_without_a_note(qtbot, services, agency):
    batch = _kits_on_vehicle(services, agency, count=3)
    dialog = _dialog(qtbot, services, agency)
    before = snapshot(services.stock._sessions)
    dialog.table.item(0, 0).setCheckState(Qt.CheckState.Checked)  # ticked by hand
    qtbot.mouseClick(dialog.record_button, Qt.MouseButton.LeftButton)
    assert "2 kits not checked yet" in dialog.error_label.text()
    dialog.table.selectRow(1)
    dialog.mark_buttons["missing"].click()
    dialog.table.selectRow(2)
    dialog.mark_buttons["opened"].click()
    assert dialog.table.item(1, 4).text() == "Missing"
    assert dialog.table.item(2, 0).checkState() == Qt.CheckState.Checked  # found, but opened
    qtbot.mouseClick(dialog.record_button, Qt.MouseButton.LeftButton)
    assert "missing kits" in dialog.error_label.text()
    assert snapshot(services.stock._sessions) == before
    qtbot.keyClicks(dialog.note, "not on board at shift start")
    qtbot.mouseClick(dialog.record_button, Qt.MouseButton.LeftButton)
    assert dialog.outcome is not None
    assert dialog.outcome.result == "1 of 3 on board; 1 missing, 1 opened"
    assert on_hand(services, batch.lot_id, agency.vehicle) == 1


def test_an_expired_kit_scanned_is_marked_expired_to_take_off(qtbot, services, agency):
    kit = standard(services)
    services.stock.receive(
        agency.vehicle, [ReceiveLine(kit.product, "OLD1", date(2025, 12, 31), 1)],
        allow_expired=True,
    )  # fmt: skip
    dialog = _dialog(qtbot, services, agency)
    assert dialog.table.item(0, 3).text() == "2025-12-31 (expired)"
    type_scan(qtbot, dialog.table, kit_label_payload("OLD1"))
    assert dialog.table.item(0, 4).text() == "Expired"
    assert "take it off the vehicle" in dialog.error_label.text()


def test_a_vehicle_being_counted_is_named_before_the_check(qtbot, services, agency):
    _kits_on_vehicle(services, agency, count=1)
    count = services.counts.open_count(agency.vehicle)
    dialog = _dialog(qtbot, services, agency)
    assert f"being counted (count no. {count.id})" in dialog.error_label.text()


def test_history_and_printed_sheet(qtbot, services, agency):
    batch = _kits_on_vehicle(services, agency, count=2)
    dialog = _dialog(qtbot, services, agency)
    type_scan(qtbot, dialog.table, kit_label_payload(batch.lot_number))
    type_scan(qtbot, dialog.table, kit_label_payload(batch.lot_number))
    dialog.record_button.click()
    again = _dialog(qtbot, services, agency)
    assert again.history.rowCount() == 1
    assert again.history.item(0, 2).text() == "All 2 kits on board"
    again.print_button.click()
    assert again.preview is not None and again.preview.document.pageCount() == 1
    again.preview.findChild(QDialogButtonBox).rejected.emit()


def test_the_dialog_fits_a_1024_by_600_screen(qtbot, services, agency, tmp_path):
    _kits_on_vehicle(services, agency, count=6)
    dialog = _dialog(qtbot, services, agency)
    dialog.resize(1024 * 9 // 10 - 16, 600 * 9 // 10 - 40)
    qtbot.wait(10)
    assert dialog.record_button.isVisible() and dialog.table.height() > 80
    dialog.grab().save(str(tmp_path / "vehicle-check.png"))


def _open_dialogs(qtbot) -> list[VehicleCheckDialog]:
    from PySide6.QtWidgets import QApplication

    return [w for w in QApplication.topLevelWidgets() if isinstance(w, VehicleCheckDialog)]


def _close_when_open(qtbot, seen: list[int]) -> None:
    """The screens run the dialog modally: note which vehicle it opened on, then close it."""
    from PySide6.QtCore import QTimer

    def close() -> None:
        for dialog in _open_dialogs(qtbot):
            if dialog.isVisible():
                seen.append(dialog.current_vehicle())
                dialog.reject()

    QTimer.singleShot(50, close)


def test_the_stock_menu_and_the_readiness_tile_open_the_check(qtbot, services, agency):
    from ui.main_window import MainWindow

    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    seen: list[int] = []
    _close_when_open(qtbot, seen)
    window.menu_actions["vehicle_check"].trigger()
    assert window.current_title() == "Kits" and len(seen) == 1
    dashboard = window.show_page("Dashboard")
    _close_when_open(qtbot, seen)
    dashboard.board.check_requested.emit(agency.vehicle2)
    assert seen[-1] == agency.vehicle2
    services.alerts.save_rules(replace(services.alerts.get_rules(), vehicle_check_days=7))
    overdue = [a for a in services.alerts.list_alerts() if a.location_id == agency.vehicle]
    dashboard.alert_list.set_alerts(overdue)
    dashboard.alert_list.table.selectRow(0)
    assert dashboard.alert_list.action_button.text() == "Vehicle check…"
    _close_when_open(qtbot, seen)
    dashboard.alert_list.action_button.click()
    assert seen[-1] == agency.vehicle


def test_the_check_policy_is_set_in_alert_settings(qtbot, services):
    from ui.settings.alert_settings_tab import AlertSettingsTab

    tab = AlertSettingsTab(services)
    qtbot.addWidget(tab)
    tab.refresh()
    assert tab.check_days.text() == "No check policy"
    tab.check_days.setValue(7)
    tab.save_button.click()
    assert services.alerts.get_rules().vehicle_check_days == 7
