"""QA: an at-risk alert's donation opens a disposal "donated" to the partner, not a transfer."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from models.alerts.rows import AlertKind
from tests.models.alert_fixtures import administer, days, receive
from ui.dashboard.alert_list_widget import AlertListWidget
from ui.inventory.quarantine_dialog import QuarantineDialog
from ui.inventory.transfer_dialog import TransferDialog


def _list(qtbot, services) -> AlertListWidget:
    widget = AlertListWidget(services)
    qtbot.addWidget(widget)
    widget.show()
    widget.set_alerts(services.alerts.list_alerts())
    row = widget.model.row_of(lambda a: a.kind is AlertKind.AT_RISK)
    widget.table.selectRow(row)
    return widget


def test_donate_action_disposes_as_donated_to_the_partner(
    qtbot, services, database, agency, clock
) -> None:
    lot = receive(services, agency.room, agency.narcan, "SLOW", days(29), 20)
    used = receive(services, agency.vehicle, agency.narcan, "USED", days(900), 10)
    administer(database, clock, used, agency.vehicle, 9, days(-1))
    widget = _list(qtbot, services)
    assert widget.action_button.text() == "Donate…"
    assert not widget.donate_button.isVisible()  # the main action already is the donation
    qtbot.mouseClick(widget.action_button, Qt.MouseButton.LeftButton)
    dialog = widget.active_dialog
    assert isinstance(dialog, QuarantineDialog) and dialog.is_dispose()
    assert dialog.reason.currentData() == "donated"
    assert dialog.quantity.value() == 17
    assert "donated to Local harm-reduction partner" in dialog.note.text()
    with qtbot.waitSignal(widget.data_changed):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    (move,) = [m for m in services.stock.list_moves(lot_id=lot) if m.to_name == "Disposed"]
    assert move.quantity == 17


def test_move_suggestion_transfers_to_the_busier_station_and_still_offers_donation(
    qtbot, services, database, agency, clock
) -> None:
    station2 = services.catalog.add_location("Station 2", "station")
    medic = services.catalog.add_location("Medic 31", "vehicle", station2.id)
    receive(services, agency.room, agency.narcan, "SLOW", days(59), 20)
    used = receive(services, agency.vehicle, agency.narcan, "USED", days(900), 100)
    busy = receive(services, medic.id, agency.narcan, "BUSY", days(900), 100)
    administer(database, clock, used, agency.vehicle, 9, days(-10))
    administer(database, clock, busy, medic.id, 90, days(-5))
    widget = _list(qtbot, services)
    assert widget.action_button.text() == "Transfer…" and widget.donate_button.isVisible()
    qtbot.mouseClick(widget.action_button, Qt.MouseButton.LeftButton)
    dialog = widget.active_dialog
    assert isinstance(dialog, TransferDialog)
    assert dialog.to_location.currentText() == "Station 2 / Medic 31"
    assert dialog.quantity.value() == 14
    dialog.reject()
    qtbot.mouseClick(widget.donate_button, Qt.MouseButton.LeftButton)
    donation = widget.active_dialog
    assert isinstance(donation, QuarantineDialog) and donation.reason.currentData() == "donated"
    donation.reject()


def test_quarantine_mode_refuses_a_donation(qtbot, services, agency) -> None:
    lot = receive(services, agency.room, agency.narcan, "NX", days(100), 5)
    dialog = QuarantineDialog(services, lot_id=lot, location_id=agency.room, note="to County")
    qtbot.addWidget(dialog)
    dialog.reason.setCurrentIndex(dialog.reason.findData("donated"))
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert "choose Dispose" in dialog.error_label.text()
