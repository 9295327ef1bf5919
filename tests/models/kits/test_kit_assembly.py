"""Kit assembly on a real SQLite file: FEFO, overrides, refusals, warnings, batches."""

from __future__ import annotations

from datetime import date

import pytest

from models.common.errors import InsufficientStock, LotExpired, ValidationError
from models.kits.assembly import ComponentShortage
from models.stock.ledger_check import check_ledger
from models.stock.rows import ReceiveLine
from tests.models.kit_fixtures import CARD_VALID, lot_id, on_hand, standard, stock_parts
from tests.snapshot import snapshot


def test_fefo_takes_the_earliest_expiring_lot_first_across_several_lots(services, agency):
    kit = standard(services)
    stock_parts(
        services,
        agency,
        kit,
        naloxone=[
            ("LATE", date(2028, 1, 31), 40),
            ("EARLY", date(2026, 9, 30), 6),
            ("MIDDLE", date(2027, 3, 31), 40),
        ],
    )
    plan = services.kits.plan_assembly(kit.recipe, agency.room, 10)
    naloxone = plan.lines[0]
    assert [(p.lot_number, p.quantity) for p in naloxone.picks] == [("EARLY", 6), ("MIDDLE", 14)]
    result = services.kits.assemble_kits(kit.recipe, agency.room, 10)
    assert on_hand(services, lot_id(services, agency.narcan, "EARLY"), agency.room) == 0
    assert on_hand(services, lot_id(services, agency.narcan, "MIDDLE"), agency.room) == 26
    assert on_hand(services, lot_id(services, agency.narcan, "LATE"), agency.room) == 40
    assert result.kits == 10


def test_fefo_picks_across_every_product_of_an_interchange_group(services, agency):
    kit = standard(services)
    stock_parts(services, agency, kit, naloxone=[("NARCAN", date(2027, 8, 31), 10)])
    services.stock.receive(agency.room, [ReceiveLine(agency.teva, "TEVA", date(2026, 11, 30), 4)])
    plan = services.kits.plan_assembly(kit.recipe, agency.room, 5)
    picks = [(p.product_name, p.lot_number, p.quantity) for p in plan.lines[0].picks]
    assert picks == [
        ("Naloxone HCl 4 mg nasal spray (Teva)", "TEVA", 4),
        ("Narcan 4 mg nasal spray", "NARCAN", 6),
    ]


def test_kits_of_one_batch_hold_the_same_lots_and_expire_with_their_earliest_drug(
    services, agency, database
):
    kit = standard(services)
    stock_parts(
        services,
        agency,
        kit,
        naloxone=[("A", date(2026, 10, 31), 5), ("B", date(2027, 10, 31), 40)],
    )
    result = services.kits.assemble_kits(kit.recipe, agency.room, 6)
    contents = [
        (b.quantity, b.expiry, sorted((c.lot_number, c.quantity_per_kit) for c in b.components))
        for b in result.batches
    ]
    others = [("NO LOT", 1), ("NO LOT", 1), ("NO LOT", 1), ("RC1", 1)]
    assert contents == [
        (2, date(2026, 10, 31), sorted([("A", 2), *others])),
        (1, date(2026, 10, 31), sorted([("A", 1), ("B", 1), *others])),
        (3, date(2027, 10, 31), sorted([("B", 2), *others])),
    ]
    # The card's 'valid until' (2026-12-31) is not a drug expiry: it does not set the kit's.
    assert result.batches[2].expiry > CARD_VALID
    numbers = [b.lot_number for b in result.batches]
    assert numbers == ["K260115-001", "K260115-002", "K260115-003"]
    kits_held = {r.lot_number: r.quantity for r in services.kits.list_kit_stock(agency.room)}
    assert kits_held == {"K260115-001": 2, "K260115-002": 1, "K260115-003": 3}
    with database.sessions() as s:
        assert check_ledger(s).ok


def test_user_override_uses_the_chosen_lot_instead_of_fefo(services, agency):
    kit = standard(services)
    stock_parts(
        services,
        agency,
        kit,
        naloxone=[("EARLY", date(2026, 9, 30), 20), ("LATE", date(2028, 1, 31), 20)],
    )
    late = lot_id(services, agency.narcan, "LATE")
    result = services.kits.assemble_kits(kit.recipe, agency.room, 5, overrides={0: [(late, 10)]})
    assert on_hand(services, late, agency.room) == 10
    assert on_hand(services, lot_id(services, agency.narcan, "EARLY"), agency.room) == 20
    assert result.batches[0].expiry == date(2028, 1, 31)


def test_override_must_add_up_to_what_the_kits_need(services, agency):
    kit = standard(services)
    stock_parts(services, agency, kit)
    n1 = lot_id(services, agency.narcan, "N1")
    with pytest.raises(ValidationError, match="add up to 7; 10 are needed"):
        services.kits.plan_assembly(kit.recipe, agency.room, 5, overrides={0: [(n1, 7)]})


def test_shortfall_message_names_each_shortfall_and_how_many_kits_can_be_made(
    services, agency, database
):
    kit = standard(services)
    stock_parts(services, agency, kit, extra=4, naloxone=[("N1", date(2027, 6, 30), 7)])
    before = snapshot(database.sessions)
    with pytest.raises(ComponentShortage) as refusal:
        services.kits.assemble_kits(kit.recipe, agency.room, 6)
    message = str(refusal.value)
    assert "Any naloxone 4mg nasal: 12 needed, 7 usable" in message
    assert "Kit pouch: 6 needed, 4 usable" in message
    assert "Naloxone instructions leaflet: 6 needed, 4 usable" in message
    assert "You can make 3 kits with what is there." in message
    assert snapshot(database.sessions) == before


def test_expired_components_are_never_picked_and_cannot_be_forced_in(services, agency, database):
    kit = standard(services)
    stock_parts(services, agency, kit, naloxone=[("OLD", date(2025, 12, 31), 40)])
    before = snapshot(database.sessions)
    with pytest.raises(ComponentShortage, match=r"0 usable \(40 expired not counted\)"):
        services.kits.assemble_kits(kit.recipe, agency.room, 2)
    old = lot_id(services, agency.narcan, "OLD")
    with pytest.raises(LotExpired, match="expired components never go into a kit"):
        services.kits.assemble_kits(kit.recipe, agency.room, 2, overrides={0: [(old, 4)]})
    assert services.kits.lot_choices(kit.recipe, 0, agency.room) == []
    assert snapshot(database.sessions) == before


def test_components_inside_the_minimum_shelf_life_warn_before_assembly(services, agency):
    kit = standard(services)
    stock_parts(services, agency, kit, naloxone=[("SOON", date(2026, 3, 31), 20)])
    plan = services.kits.plan_assembly(kit.recipe, agency.room, 2)
    assert any(
        "lot SOON expires 2026-03-31 (75 days), within the 90-day minimum shelf life" in w
        for w in plan.warnings
    )
    services.kits.set_min_shelf_days(60)
    plan = services.kits.plan_assembly(kit.recipe, agency.room, 2)
    assert not any("SOON" in w for w in plan.warnings)


def test_missing_optional_parts_are_left_out_with_a_warning_required_ones_cannot_be(
    services, agency
):
    kit = standard(services)
    stock_parts(services, agency, kit)
    plan = services.kits.plan_assembly(kit.recipe, agency.room, 3)
    omitted = [line.label for line in plan.lines if line.omitted]
    assert omitted == [
        "Any fentanyl test strip",
        "Any xylazine test strip",
        "Rescue breathing face shield",
    ]
    assert any("Rescue breathing face shield (optional)" in w for w in plan.warnings)
    with pytest.raises(ValidationError, match="Kit pouch is required"):
        services.kits.plan_assembly(kit.recipe, agency.room, 3, omit={2})


def test_overriding_with_a_lot_from_elsewhere_is_refused(services, agency):
    kit = standard(services)
    stock_parts(services, agency, kit)
    services.stock.receive(
        agency.cabinet, [ReceiveLine(agency.narcan, "CAB", date(2027, 1, 31), 10)]
    )
    cab = lot_id(services, agency.narcan, "CAB")
    with pytest.raises(InsufficientStock, match="not at that location"):
        services.kits.plan_assembly(kit.recipe, agency.room, 1, overrides={0: [(cab, 2)]})


def test_a_failure_part_way_through_assembly_writes_nothing(
    services, agency, database, monkeypatch
):
    kit = standard(services)
    stock_parts(
        services,
        agency,
        kit,
        naloxone=[("A", date(2026, 10, 31), 5), ("B", date(2027, 10, 31), 40)],
    )
    calls = []

    def cancelled_at_second_batch(done, total):
        calls.append(done)
        if len(calls) == 2:
            raise RuntimeError("power cut")

    before = snapshot(database.sessions)
    with pytest.raises(RuntimeError):
        services.kits.assemble_kits(kit.recipe, agency.room, 6, progress=cancelled_at_second_batch)
    assert snapshot(database.sessions) == before


def test_hundreds_of_kits_are_one_operation_with_progress(services, agency):
    kit = standard(services)
    stock_parts(
        services,
        agency,
        kit,
        extra=400,
        naloxone=[("A", date(2026, 10, 31), 301), ("B", date(2027, 10, 31), 600)],
    )
    seen: list[tuple[int, int]] = []
    result = services.kits.assemble_kits(
        kit.recipe, agency.room, 400, progress=lambda d, t: seen.append((d, t))
    )
    assert result.kits == 400 and len(result.batches) == 3
    assert seen[-1] == (3, 3)
    ops = [op for op in services.stock.list_operations() if op.reason == "assemble"]
    assert len(ops) == 1 and ops[0].id == result.operation_id


def test_kits_cannot_be_assembled_in_quarantine_or_in_zero(services, agency):
    kit = standard(services)
    stock_parts(services, agency, kit)
    with pytest.raises(ValidationError, match="Number of kits must be at least 1"):
        services.kits.plan_assembly(kit.recipe, agency.room, 0)
