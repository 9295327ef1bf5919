"""Inventory filters and totals over plain rows, first-run setup, and the inventory PDFs."""

from __future__ import annotations

from datetime import date

import pytest
from pypdf import PdfReader

from models.common.errors import ValidationError
from models.common.pdf import PageFrame
from models.common.settings import FIRST_RUN_DONE
from models.stock.catalog_service import StationPlan
from models.stock.inventory_pdf import write_view_pdf
from models.stock.location_tree import LocationTree
from models.stock.rows import ReceiveLine
from models.stock.summary import (
    ExpiryWindow,
    OnHandFilter,
    totals_by_location,
    totals_by_product,
)
from tests.snapshot import snapshot


@pytest.fixture
def stocked(services, agency):
    """Narcan fresh and soon-expiring, Teva expired (one quarantined), strips in the cabinet."""
    stock = services.stock
    stock.receive(
        agency.room,
        [
            ReceiveLine(agency.narcan, "NX-SOON", date(2026, 2, 1), 10),
            ReceiveLine(agency.narcan, "NX-LATE", date(2027, 6, 30), 8),
            ReceiveLine(agency.teva, "TV-OLD", date(2025, 12, 1), 4),
        ],
        allow_expired=True,
    )
    stock.receive(agency.cabinet, [ReceiveLine(agency.strips, "FS-1", date(2026, 3, 20), 100)])
    lot_late = stock.find_lot(agency.narcan, "NX-LATE")
    stock.transfer(lot_late.id, agency.room, agency.vehicle, 6)
    stock.quarantine(stock.find_lot(agency.teva, "TV-OLD").id, agency.room, 1, "expired")
    return agency


def test_filter_by_location_includes_everything_inside_it(services, stocked) -> None:
    rows = services.stock.list_on_hand()
    tree = LocationTree.from_rows(services.catalog.list_locations())
    inside_room = OnHandFilter(location_ids=frozenset(tree.subtree(stocked.room))).apply(rows)
    assert {r.lot_number for r in inside_room} == {"NX-SOON", "NX-LATE", "TV-OLD", "FS-1"}
    in_vehicle = OnHandFilter(location_ids=frozenset(tree.subtree(stocked.vehicle))).apply(rows)
    assert [(r.lot_number, r.quantity) for r in in_vehicle] == [("NX-LATE", 6)]
    station = OnHandFilter(location_ids=frozenset(tree.subtree(stocked.station))).apply(rows)
    assert len(station) == len(rows)


def test_filter_by_expiry_window_uses_the_bands(services, stocked) -> None:
    rows = services.stock.list_on_hand()

    def lots(window: ExpiryWindow, bands=(30, 90)) -> set[str]:
        return {r.lot_number for r in OnHandFilter(expiry=window, bands=bands).apply(rows)}

    assert lots(ExpiryWindow.EXPIRED) == {"TV-OLD"}  # in the room and in quarantine
    assert lots(ExpiryWindow.WITHIN_FIRST_BAND) == {"NX-SOON"}
    assert lots(ExpiryWindow.WITHIN_SECOND_BAND) == {"NX-SOON", "FS-1"}
    assert lots(ExpiryWindow.WITHIN_FIRST_BAND, bands=(70, 120)) == {"NX-SOON", "FS-1"}
    assert lots(ExpiryWindow.QUARANTINED) == {"TV-OLD"}
    assert "TV-OLD" not in lots(ExpiryWindow.USABLE)


def test_text_filter_needs_every_word_anywhere(services, stocked) -> None:
    rows = services.stock.list_on_hand()
    assert {r.lot_number for r in OnHandFilter(text="narcan patrol").apply(rows)} == {"NX-LATE"}
    assert OnHandFilter(text="  NX-soon ").apply(rows)[0].lot_number == "NX-SOON"
    assert OnHandFilter(text="nothing like this").apply(rows) == []


def test_totals_by_product_split_usable_expiring_expired_quarantined(services, stocked) -> None:
    rows = services.stock.list_on_hand()
    totals = {
        t.product_id: t for t in totals_by_product(rows, services.catalog.list_products(), 90)
    }
    narcan, teva = totals[stocked.narcan], totals[stocked.teva]
    assert (narcan.usable, narcan.expiring, narcan.expired, narcan.quarantined) == (18, 10, 0, 0)
    assert (teva.usable, teva.expired, teva.quarantined, teva.total) == (0, 3, 1, 4)
    # Active products without stock are listed too (a zero is news); kits only when held.
    assert totals[stocked.shield].total == 0
    assert services.stock.product_totals() == totals_by_product(
        rows, services.catalog.list_products(), 90
    )


def test_totals_by_location_add_up_the_tree(services, stocked) -> None:
    rows = services.stock.list_on_hand()
    totals = {t.location_id: t for t in totals_by_location(rows, services.catalog.list_locations())}
    assert totals[stocked.vehicle].usable == 6
    assert totals[stocked.cabinet].usable == 100
    assert totals[stocked.room].usable == 10 + 2 + 100  # NX-SOON, NX-LATE rest, strips
    station = totals[stocked.station]
    assert (station.usable, station.expired, station.quarantined) == (118, 3, 1)
    assert services.stock.location_totals() == totals_by_location(
        rows, services.catalog.list_locations()
    )


def test_set_up_agency_creates_stations_rooms_vehicles_and_settings(services) -> None:
    places = services.catalog.set_up_agency(
        "Town Police",
        [StationPlan("HQ", ("Car 1", "Car 2")), StationPlan("Annex", (), supply_room=False)],
        address="1 Main St",
    )
    assert [p.path for p in places] == [
        "Annex",
        "HQ",
        "HQ / Car 1",
        "HQ / Car 2",
        "HQ / Supply room",
    ]
    assert services.settings.agency_name() == "Town Police"
    assert services.settings.get(FIRST_RUN_DONE) is True


def test_set_up_agency_refusal_writes_nothing(services, database) -> None:
    before = snapshot(database.sessions)
    with pytest.raises(ValidationError, match="already a location named"):
        services.catalog.set_up_agency("Town", [StationPlan("HQ"), StationPlan("hq")])
    with pytest.raises(ValidationError, match="agency's name"):
        services.catalog.set_up_agency("  ", [StationPlan("HQ")])
    assert snapshot(database.sessions) == before


def test_inventory_pdfs_list_what_the_screen_shows(tmp_path, services, stocked) -> None:
    rows = services.stock.list_on_hand()
    frame = PageFrame("Inventory", "Town Police", "As of today")
    lots = write_view_pdf(tmp_path / "lots.pdf", frame, "lots", rows, "all stock")
    text = "".join(page.extract_text() for page in PdfReader(lots).pages)
    for row in rows:
        assert row.lot_number in text
    assert "Page 1 of 1" in text and "Town Police" in text
    places = totals_by_location(rows, services.catalog.list_locations())
    where = write_view_pdf(tmp_path / "places.pdf", frame, "locations", places)
    assert "Patrol 12" in PdfReader(where).pages[0].extract_text()
