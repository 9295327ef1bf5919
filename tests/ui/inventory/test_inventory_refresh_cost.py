"""One Inventory refresh costs a pinned number of statements in one read transaction, and a
catalog change made elsewhere still reaches the screen."""

from __future__ import annotations

from datetime import date

from models.services import Services
from models.stock.rows import ReceiveLine
from tests.sql_traffic import traffic
from ui.inventory.inventory_view import InventoryView

WARM_STATEMENTS = 2  # the journal's newest entries, the stock
COLD_STATEMENTS = 5  # and products with their barcodes, places, settings


def _view(qtbot, services: Services, agency) -> InventoryView:
    services.stock.receive(
        agency.room,
        [
            ReceiveLine(agency.narcan, "NX-1", date(2026, 2, 1), 10),
            ReceiveLine(agency.strips, "FS-1", date(2027, 3, 1), 50),
        ],
    )
    view = InventoryView(services)
    qtbot.addWidget(view)
    return view


def test_one_refresh_is_two_statements_in_one_transaction(
    qtbot, services, agency, database
) -> None:
    view = _view(qtbot, services, agency)
    with traffic(database) as first:
        view.refresh()
    assert (len(first.statements), first.transactions) == (COLD_STATEMENTS, 1)
    with traffic(database) as warm:
        view.refresh()
    assert (len(warm.statements), warm.transactions) == (WARM_STATEMENTS, 1)
    assert view.model.rowCount() == 2


def test_a_place_renamed_at_another_station_shows_its_new_name_after_refresh(
    qtbot, services, agency, database, clock
) -> None:
    view = _view(qtbot, services, agency)
    view.refresh()
    Services.build(database.sessions, clock, "other").catalog.rename_location(agency.room, "Store")
    view.refresh()
    assert {r.location_path for r in view.model.rows()} == {"Station 1 / Store"}
    assert "Station 1 / Store" in [p.path for p in view._places]
