"""Kit batches traced, kits opened and re-kitted, and a lot recalled, on a real SQLite file."""

from __future__ import annotations

from datetime import date

import pytest

from models.common.errors import DomainError, ValidationError
from models.distributions.entities import Distribution
from models.kits.assembly import ComponentShortage
from models.stock.entities import LocationKind, Reason
from models.stock.ledger import open_operation, post_move, virtual_location_id
from models.stock.ledger_check import check_ledger
from models.stock.rows import ReceiveLine
from tests.models.kit_fixtures import lot_id, on_hand, standard, stock_parts
from tests.snapshot import snapshot


def _balances(database) -> dict[tuple[int, int], int]:
    from models.stock.entities import Balance

    with database.sessions() as s:
        return {(b.lot_id, b.location_id): b.quantity for b in s.query(Balance) if b.quantity}


def _ledger_ok(database) -> None:
    with database.sessions() as s:
        report = check_ledger(s)
    assert report.ok, report.problems


def test_a_batch_records_its_component_lots_and_survives_recipe_changes(services, agency):
    kit = standard(services)
    stock_parts(services, agency, kit)
    made = services.kits.assemble_kits(kit.recipe, agency.room, 4).batches[0]
    recipe = services.kits.get_recipe(kit.recipe)
    lines = [line.as_input() for line in recipe.lines]
    services.kits.save_recipe(kit.recipe, "Standard LBN kit v2", lines[:3], notes="Smaller")
    batch = services.kits.find_batch(made.lot_number)
    assert batch is not None and batch.recipe_name == "Standard LBN kit"
    assert sorted((c.product_name, c.lot_number, c.quantity_per_kit) for c in batch.components) == [
        ("Good Samaritan Law card", "NO LOT", 1),
        ("Kit pouch", "NO LOT", 1),
        ("Local resource card", "RC1", 1),
        ("Naloxone instructions leaflet", "NO LOT", 1),
        ("Narcan 4 mg nasal spray", "N1", 2),
    ]
    assert services.kits.get_recipe(kit.recipe).kits_assembled == 4


def test_disassembling_returns_every_component_exactly(services, agency, database):
    kit = standard(services)
    stock_parts(
        services,
        agency,
        kit,
        naloxone=[("A", date(2026, 10, 31), 5), ("B", date(2027, 10, 31), 40)],
    )
    before = _balances(database)
    result = services.kits.assemble_kits(kit.recipe, agency.room, 6)
    for batch in result.batches:
        services.kits.disassemble_kits(batch.lot_id, agency.room, batch.quantity)
    after = {
        key: qty
        for key, qty in _balances(database).items()
        if key[0] not in {b.lot_id for b in result.batches}
    }
    physical = {k: v for k, v in before.items() if k[1] == agency.room}
    assert {k: v for k, v in after.items() if k[1] == agency.room} == physical
    assert services.kits.list_kit_stock() == []
    _ledger_ok(database)


def test_opened_kits_send_expired_parts_to_the_station_quarantine(
    services, agency, clock, database
):
    kit = standard(services)
    stock_parts(services, agency, kit, naloxone=[("SOON", date(2026, 2, 28), 8)])
    batch = services.kits.assemble_kits(kit.recipe, agency.room, 4).batches[0]
    services.stock.transfer(batch.lot_id, agency.room, agency.vehicle, 3)
    clock.set(date(2026, 3, 2))
    stock = services.kits.list_kit_stock(agency.vehicle)
    assert stock[0].rekit_reason is not None and stock[0].rekit_reason.startswith("kit expired")
    result = services.kits.disassemble_kits(batch.lot_id, agency.vehicle, 3)
    moved = {(r.product_name, r.to_location, r.quantity, r.quarantined) for r in result.released}
    assert ("Narcan 4 mg nasal spray", "Quarantine", 6, True) in moved
    assert ("Kit pouch", "Patrol 12", 3, False) in moved
    soon = lot_id(services, agency.narcan, "SOON")
    quarantined = [
        r for r in services.stock.list_on_hand(product_id=agency.narcan) if r.quarantined
    ]
    assert [(r.lot_id, r.quantity, r.location_path) for r in quarantined] == [
        (soon, 6, "Station 1 / Quarantine")
    ]
    assert on_hand(services, soon, agency.vehicle) == 0
    _ledger_ok(database)


def test_rekit_rebuilds_with_fresh_lots_and_never_the_parts_that_were_due(
    services, agency, database
):
    kit = standard(services)
    stock_parts(services, agency, kit, naloxone=[("SOON", date(2026, 3, 31), 10)])
    old = services.kits.assemble_kits(kit.recipe, agency.room, 5).batches[0]
    services.stock.receive(agency.room, [ReceiveLine(agency.teva, "FRESH", date(2028, 5, 31), 10)])
    result = services.kits.disassemble_kits(
        old.lot_id, agency.room, 5, note="Replace expiring naloxone", rebuild=True
    )
    assert result.rebuilt is not None and result.rebuilt.kits == 5
    rebuilt = result.rebuilt.batches[0]
    naloxone = [c.lot_number for c in rebuilt.components if "nasal" in c.product_name]
    assert naloxone == ["FRESH"] and rebuilt.expiry == date(2028, 5, 31)
    assert on_hand(services, lot_id(services, agency.narcan, "SOON"), agency.room) == 10
    assert on_hand(services, old.lot_id, agency.room) == 0
    _ledger_ok(database)


def test_rekit_without_fresh_stock_changes_nothing(services, agency, database):
    kit = standard(services)
    stock_parts(services, agency, kit, naloxone=[("SOON", date(2026, 3, 31), 10)])
    old = services.kits.assemble_kits(kit.recipe, agency.room, 5).batches[0]
    before = snapshot(database.sessions)
    with pytest.raises(ComponentShortage, match="Any naloxone 4mg nasal: 10 needed, 0 usable"):
        services.kits.disassemble_kits(old.lot_id, agency.room, 5, rebuild=True)
    assert snapshot(database.sessions) == before


def _distribute(database, kit_lot: int, from_id: int, kits: int, on: date, zip_code: str) -> None:
    """A leave-behind distribution as the distributions area records it."""
    from datetime import datetime

    with database.sessions.begin() as s:
        at = datetime.combine(on, datetime.min.time())
        op = open_operation(s, Reason.DISTRIBUTE, "tester", at)
        post_move(s, op, kit_lot, from_id, virtual_location_id(s, LocationKind.DISTRIBUTED), kits)
        s.add(
            Distribution(
                occurred_on=on,
                kits=kits,
                location_id=from_id,
                zip_code=zip_code,
                setting="overdose scene",
                relationship="family member",
                operation_id=op.id,
                recorded_at=at,
                recorded_by="tester",
            )
        )


def test_recall_trace_finds_loose_stock_kits_and_distributions(services, agency, database):
    kit = standard(services)
    stock_parts(services, agency, kit, naloxone=[("RECALL", date(2027, 6, 30), 30)])
    recalled = lot_id(services, agency.narcan, "RECALL")
    batch = services.kits.assemble_kits(kit.recipe, agency.room, 10).batches[0]
    services.stock.transfer(batch.lot_id, agency.room, agency.vehicle, 4)
    services.stock.transfer(recalled, agency.room, agency.cabinet, 3)
    _distribute(database, batch.lot_id, agency.vehicle, 1, date(2026, 1, 12), "12866")
    trace = services.recall.trace_lot(recalled)
    holdings = {(h.location_path, h.kit_lot_number, h.kits, h.units) for h in trace.holdings}
    assert holdings == {
        ("Station 1 / Supply room", None, 0, 7),
        ("Station 1 / Supply room / Cabinet A", None, 0, 3),
        ("Station 1 / Supply room", batch.lot_number, 6, 12),
        ("Station 1 / Patrol 12", batch.lot_number, 3, 6),
    }
    assert [(u.kind, u.occurred_on, u.zip_code, u.units) for u in trace.uses] == [
        ("distribution", date(2026, 1, 12), "12866", 2)
    ]
    assert trace.kit_lot_numbers == (batch.lot_number,)
    assert trace.units_on_hand == 28
    assert [r.lot_number for r in services.recall.search_lots("recal")] == ["RECALL"]


def test_recall_quarantines_everything_on_hand_in_one_operation(services, agency, database):
    kit = standard(services)
    stock_parts(services, agency, kit, naloxone=[("RECALL", date(2027, 6, 30), 30)])
    recalled = lot_id(services, agency.narcan, "RECALL")
    batch = services.kits.assemble_kits(kit.recipe, agency.room, 10).batches[0]
    services.stock.transfer(batch.lot_id, agency.room, agency.vehicle, 4)
    with pytest.raises(ValidationError, match="recall reason"):
        services.recall.quarantine_recalled(recalled, " ")
    result = services.recall.quarantine_recalled(recalled, "FDA notice 2026-017")
    assert (result.loose_units, result.kits, result.locations) == (10, 10, 2)
    trace = services.recall.trace_lot(recalled)
    assert all(h.quarantined for h in trace.holdings) and trace.units_on_hand == 30
    assert trace.units_outside_quarantine == 0
    ops = [op for op in services.stock.list_operations() if op.id == result.operation_id]
    assert ops[0].reason == "quarantine" and "FDA notice 2026-017" in (ops[0].note or "")
    assert ops[0].move_count == 3
    before = snapshot(database.sessions)
    with pytest.raises(DomainError, match="outside quarantine"):
        services.recall.quarantine_recalled(recalled, "again")
    assert snapshot(database.sessions) == before
    ready = services.kits.kits_ready_by_location()
    assert sum(r.ready for r in ready) == 0 and sum(r.quarantined for r in ready) == 10
    _ledger_ok(database)
