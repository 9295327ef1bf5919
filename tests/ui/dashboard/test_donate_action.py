"""QA: an at-risk alert's donation opens a disposal "donated" to the partner, not a transfer."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from models.alerts.rows import AlertKind
from tests.models.alert_fixtures import days, receive, slow_use
from ui.dashboard.alert_list_widget import AlertListWidget
from ui.inventory.quarantine_dialog import QuarantineDialog


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
    lot = slow_use(services, database, clock, agency)
    widget = _list(qtbot, services)
    assert widget.action_button.text() == "Donate…"
    assert not widget.donate_button.isVisible()  # the main action already is the donation
    qtbot.mouseClick(widget.action_button, Qt.MouseButton.LeftButton)
    dialog = widget.active_dialog
    assert isinstance(dialog, QuarantineDialog) and dialog.is_dispose()
    assert dialog.reason.currentData() == "donated"
    assert dialog.quantity.value() == 16
    assert "donated to Local harm-reduction partner" in dialog.note.text()
    with qtbot.waitSignal(widget.data_changed):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    (move,) = [m for m in services.stock.list_moves(lot_id=lot) if m.to_name == "Disposed"]
    assert move.quantity == 16


def test_quarantine_mode_refuses_a_donation(qtbot, services, agency) -> None:
    lot = receive(services, agency.room, agency.narcan, "NX", days(100), 5)
    dialog = QuarantineDialog(services, lot_id=lot, location_id=agency.room, note="to County")
    qtbot.addWidget(dialog)
    dialog.reason.setCurrentIndex(dialog.reason.findData("donated"))
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert "choose Dispose" in dialog.error_label.text()
