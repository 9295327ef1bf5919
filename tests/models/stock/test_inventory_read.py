"""The Inventory screen's one read: the same figures as the separate reads, in one transaction
of a pinned number of statements, the catalog read again only when the journal says it changed."""

from __future__ import annotations

from datetime import date

from sqlalchemy import insert, text, update

from models.common.settings import EXPIRY_BANDS
from models.services import Services
from models.stock.entities import Location, LocationKind
from models.stock.rows import ReceiveLine
from tests.sql_traffic import traffic

WARM_STATEMENTS = 2  # the journal's newest entries, the stock
COLD_STATEMENTS = 5  # and products with their barcodes, places, settings


def _stock(services: Services, agency) -> None:
    services.stock.receive(
        agency.room,
        [
            ReceiveLine(agency.narcan, "NX-1", date(2026, 2, 1), 10),
            ReceiveLine(agency.strips, "FS-1", date(2027, 3, 1), 50),
        ],
    )
    services.stock.transfer(
        services.stock.find_lot(agency.narcan, "NX-1").id, agency.room, agency.vehicle, 4
    )


def test_the_inventory_read_shows_what_the_separate_reads_show(services, agency) -> None:
    _stock(services, agency)
    services.catalog.add_barcode(agency.teva, "STORE-TEVA", "store brand")
    snapshot = services.stock.inventory()
    assert snapshot.rows == services.stock.list_on_hand()
    assert snapshot.products == services.catalog.list_products()
    assert snapshot.places == services.catalog.list_locations()
    assert snapshot.bands == services.settings.get(EXPIRY_BANDS)
    teva = next(p for p in snapshot.products if p.id == agency.teva)
    assert "STORE-TEVA" in teva.barcodes


def test_one_refresh_is_one_transaction_of_two_statements_once_the_catalog_is_known(
    services, agency, database
) -> None:
    _stock(services, agency)
    with traffic(database) as first:
        services.stock.inventory()
    assert (len(first.statements), first.transactions) == (COLD_STATEMENTS, 1)
    with traffic(database) as warm:
        services.stock.inventory()
    assert (len(warm.statements), warm.transactions) == (WARM_STATEMENTS, 1)


def test_more_products_and_barcodes_cost_no_more_statements(services, agency, database) -> None:
    for n in range(8):
        added = services.catalog.save_product(None, name=f"Extra product {n}", kind="other")
        services.catalog.add_barcode(added.id, f"STORE-{n}")
    with traffic(database) as cold:
        snapshot = services.stock.inventory()
    assert len(cold.statements) == COLD_STATEMENTS
    assert sum(1 for p in snapshot.products if p.barcodes and p.name.startswith("Extra")) == 8
    assert services.catalog.list_products() == snapshot.products


def test_stock_moved_since_the_last_read_is_shown_without_reading_the_catalog_again(
    services, agency, database
) -> None:
    services.stock.inventory()
    _stock(services, agency)
    with traffic(database) as seen:
        rows = services.stock.inventory().rows
    assert len(seen.statements) == WARM_STATEMENTS
    assert {(r.lot_number, r.location_path, r.quantity) for r in rows} == {
        ("NX-1", "Station 1 / Supply room", 6),
        ("NX-1", "Station 1 / Patrol 12", 4),
        ("FS-1", "Station 1 / Supply room", 50),
    }


def test_catalog_changes_made_at_another_station_are_read_again(
    services, agency, database, clock
) -> None:
    _stock(services, agency)
    services.stock.inventory()
    other = Services.build(database.sessions, clock, "other station")
    other.catalog.rename_location(agency.vehicle, "Medic 7")
    other.catalog.set_product_active(agency.shield, False)
    other.settings.set(EXPIRY_BANDS, (10, 20))
    snapshot = services.stock.inventory()
    assert "Station 1 / Medic 7" in {r.location_path for r in snapshot.rows}
    assert not next(p for p in snapshot.products if p.id == agency.shield).active
    assert snapshot.bands == (10, 20)
    assert snapshot.places == services.catalog.list_locations()


def test_a_place_the_journal_never_saw_is_still_shown_with_its_path(
    services, agency, database
) -> None:
    services.stock.inventory()
    with database.engine.begin() as conn:  # written around the services: no journal entry
        new_id = conn.execute(
            insert(Location)
            .values(name="Annex", kind=LocationKind.ROOM.value, parent_id=agency.station)
            .returning(Location.id)
        ).scalar_one()
    services.stock.receive(new_id, [ReceiveLine(agency.narcan, "NX-9", date(2027, 1, 1), 3)])
    snapshot = services.stock.inventory()
    assert [r.location_path for r in snapshot.rows] == ["Station 1 / Annex"]
    assert "Station 1 / Annex" in {p.path for p in snapshot.places}


def test_a_journal_entry_committed_late_below_the_newest_one_is_not_missed(
    services, agency, database
) -> None:
    """On PostgreSQL an entry with a lower id can become visible after a higher one."""
    _stock(services, agency)
    services.stock.inventory()
    with database.engine.begin() as conn:
        newest = conn.execute(text("SELECT max(id) FROM change_log")).scalar_one()
        late, early = newest + 1, newest + 2
        conn.execute(_journal(early, "balance"))
    services.stock.inventory()  # sees `early`, not yet `late`
    with database.engine.begin() as conn:
        conn.execute(update(Location).where(Location.id == agency.room).values(name="Store"))
        conn.execute(_journal(late, "location"))
    paths = {r.location_path for r in services.stock.inventory().rows}
    assert "Station 1 / Store" in paths


def _journal(entry_id: int, tables: str):
    return text(
        "INSERT INTO change_log (id, at, person, station, tables) "
        "VALUES (:id, CURRENT_TIMESTAMP, 'test', '', :tables)"
    ).bindparams(id=entry_id, tables=tables)
