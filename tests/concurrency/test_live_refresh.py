"""A write committed at one station reaches another station's open screen within 2 s."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QLineEdit

from lbn_desktop.change_watch import watch_for
from lbn_desktop.database import open_database
from models.services import Services
from models.stock.rows import ReceiveLine
from ui.inventory.inventory_view import InventoryView
from ui.main_window import MainWindow
from ui.widgets.live_refresh import LiveRefresh

EXP = date(2027, 6, 30)


def test_a_receipt_at_station_b_appears_on_station_a_keeping_the_selection(
    qtbot, services, agency, database, clock
) -> None:
    for lot in ("A1", "B2", "C3"):
        services.stock.receive(agency.room, [ReceiveLine(agency.narcan, lot, EXP, 5)])
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    inventory = window.show_page("Inventory")
    assert isinstance(inventory, InventoryView)
    inventory.table.selectRow(1)
    chosen = inventory.model.index(1, 0).data(), inventory.model.index(1, 1).data()
    typed = QLineEdit(inventory)  # stands for a half-typed entry on the screen
    typed.setText("12")
    typed.setModified(True)
    watch = watch_for(database.url)
    live = LiveRefresh(watch.changed, window)
    live.changed.connect(window.refresh_after_change_elsewhere)
    live.start()
    rows_before = inventory.model.rowCount()

    other = open_database(database.url, migrate=False)  # station B: its own connections
    try:
        station_b = Services.build(other.sessions, clock, "Lt. Diaz")
        station_b.stock.receive(agency.room, [ReceiveLine(agency.narcan, "D4", EXP, 7)])
        qtbot.waitUntil(lambda: inventory.model.rowCount() == rows_before + 1, timeout=2000)
    finally:
        other.dispose()
        live.timer.stop()
        watch.close()
    current = inventory.table.currentIndex()
    key = current.siblingAtColumn(0).data(), current.siblingAtColumn(1).data()
    assert key == chosen
    assert typed.text() == "12"
