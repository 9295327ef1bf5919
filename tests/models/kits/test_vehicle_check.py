"""Vehicle check: a crew accounts for every kit on board; the ledger follows what they found."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from pypdf import PdfReader

from models.alerts.rows import AlertKind, Readiness
from models.common.errors import DomainError
from models.kits.vehicle_check_rows import VehicleCheckEntry
from models.stock.count_rows import CountEntry
from models.stock.entities import LocationKind
from models.stock.rows import ReceiveLine
from tests.models.kit_fixtures import on_hand, standard, stock_parts
from tests.snapshot import snapshot


def _kits_on_vehicle(services, agency, count: int = 4):
    """`count` kits of one batch assembled in the supply room and put on Patrol 12."""
    kit = standard(services)
    stock_parts(services, agency, kit, extra=20)
    batch = services.kits.assemble_kits(kit.recipe, agency.room, count).batches[0]
    services.stock.transfer(batch.lot_id, agency.room, agency.vehicle, count)
    return batch


def _all_on_board(services, agency) -> list[VehicleCheckEntry]:
    sheet = services.vehicle_checks.sheet(agency.vehicle)
    return [VehicleCheckEntry(k.lot_id, k.location_id, on_board=k.quantity) for k in sheet.kits]


def test_a_check_with_every_kit_on_board_moves_no_stock_and_is_in_the_history(services, agency):
    batch = _kits_on_vehicle(services, agency)
    operations = len(services.stock.list_operations())
    row = services.vehicle_checks.record_check(agency.vehicle, _all_on_board(services, agency))
    assert row.result == "All 4 kits on board" and row.checked_by == "tester"
    assert len(services.stock.list_operations()) == operations
    assert on_hand(services, batch.lot_id, agency.vehicle) == 4
    assert services.vehicle_checks.list_checks(agency.vehicle) == [row]


def test_missing_expired_and_opened_kits_make_the_right_movements(services, agency, clock):
    batch = _kits_on_vehicle(services, agency, count=5)
    entry = VehicleCheckEntry(batch.lot_id, agency.vehicle, on_board=2, missing=1, expired=1,
                              opened=1)  # fmt: skip
    row = services.vehicle_checks.record_check(agency.vehicle, [entry], "not on board at 07:00")
    assert row.result == "2 of 5 on board; 1 missing, 1 expired, 1 opened"
    assert on_hand(services, batch.lot_id, agency.vehicle) == 2
    quarantine = next(p for p in services.catalog.list_locations() if p.kind == "quarantine")
    assert on_hand(services, batch.lot_id, quarantine.id) == 1  # the expired kit
    for part in batch.components:  # the opened kit's parts, to inspect and re-kit
        assert on_hand(services, part.lot_id, quarantine.id) == part.quantity_per_kit
    ops = {o.reason: o for o in services.stock.list_operations(5)}
    assert set(ops) >= {"adjust", "quarantine", "disassemble"}
    assert f"Vehicle check no. {row.id} of Patrol 12: kits missing" in (ops["adjust"].note or "")


def test_an_opened_ready_made_kit_is_disposed_of_as_damaged(services, agency):
    kit = standard(services)
    services.stock.receive(agency.vehicle, [ReceiveLine(kit.product, "RM1", date(2027, 1, 31), 2)])
    lot = services.stock.find_lot(kit.product, "RM1")
    entry = VehicleCheckEntry(lot.id, agency.vehicle, on_board=1, opened=1)
    services.vehicle_checks.record_check(agency.vehicle, [entry])
    assert on_hand(services, lot.id, agency.vehicle) == 1
    disposal = services.stock.list_operations(1)[0]
    assert disposal.reason == "dispose" and (disposal.note or "").startswith("damaged:")


REFUSALS = [
    (lambda b, v: [VehicleCheckEntry(b, v, on_board=3)], "4 on board by the books, 3 accounted"),
    (lambda b, v: [], "not checked yet"),
    (lambda b, v: [VehicleCheckEntry(b, v, on_board=3, missing=1)], "missing kits"),
    (lambda b, v: [VehicleCheckEntry(b, v, on_board=5, missing=-1)], "whole numbers"),
]


@pytest.mark.parametrize("entries, message", REFUSALS)
def test_refusals_write_nothing_and_say_why(services, agency, entries, message):
    batch = _kits_on_vehicle(services, agency)
    before = snapshot(services.stock._sessions)
    with pytest.raises(DomainError, match=message):
        services.vehicle_checks.record_check(agency.vehicle, entries(batch.lot_id, agency.vehicle))
    assert snapshot(services.stock._sessions) == before


def test_a_check_on_a_vehicle_with_an_open_count_is_refused_and_writes_nothing(services, agency):
    _kits_on_vehicle(services, agency)
    count = services.counts.open_count(agency.station)
    services.counts.save_draft(count.id, [CountEntry(count.lines[0].lot_id,
                                                     count.lines[0].location_id, 1)])  # fmt: skip
    before = snapshot(services.stock._sessions)
    refusal = r"Patrol 12 is being counted \(count no\. \d+ of Station"
    with pytest.raises(DomainError, match=refusal):
        services.vehicle_checks.record_check(agency.vehicle, _all_on_board(services, agency))
    assert snapshot(services.stock._sessions) == before


def test_a_note_naming_a_person_is_refused(services, agency):
    batch = _kits_on_vehicle(services, agency)
    entry = VehicleCheckEntry(batch.lot_id, agency.vehicle, on_board=3, missing=1)
    before = snapshot(services.stock._sessions)
    with pytest.raises(DomainError):
        services.vehicle_checks.record_check(agency.vehicle, [entry], "given to 555-201-3344")
    assert snapshot(services.stock._sessions) == before


def test_only_vehicles_and_bags_are_checked(services, agency):
    with pytest.raises(DomainError, match="not a vehicle or a bag"):
        services.vehicle_checks.sheet(agency.room)


def _policy(services, days: int) -> None:
    services.alerts.save_rules(replace(services.alerts.get_rules(), vehicle_check_days=days))


def _overdue(services) -> set[str]:
    return {a.where for a in services.alerts.list_alerts() if a.kind is AlertKind.VEHICLE_CHECK}


def test_overdue_alert_on_the_day_after_the_policy_allows(services, agency, clock):
    _kits_on_vehicle(services, agency)
    assert _overdue(services) == set()  # no policy: no alert
    _policy(services, 7)
    assert _overdue(services) == {"Station 1 / Patrol 12", "Station 1 / Patrol 14"}  # never
    services.vehicle_checks.record_check(agency.vehicle, _all_on_board(services, agency))
    assert _overdue(services) == {"Station 1 / Patrol 14"}
    clock.advance(days=7)  # due today: on time
    assert "Station 1 / Patrol 12" not in _overdue(services)
    clock.advance(days=1)
    alert = next(a for a in services.alerts.list_alerts() if a.where.endswith("Patrol 12"))
    assert alert.what == "Patrol 12 check overdue by 1 days" and alert.when == date(2026, 1, 22)


def test_readiness_reflects_the_check(services, agency):
    batch = _kits_on_vehicle(services, agency)
    services.catalog.set_par_level(agency.vehicle, standard(services).product, 4)
    _policy(services, 3)
    board = {r.location_id: r for r in services.alerts.readiness()}
    assert board[agency.vehicle].status is Readiness.GREEN and board[agency.vehicle].check_overdue
    entry = VehicleCheckEntry(batch.lot_id, agency.vehicle, on_board=1, missing=3)
    services.vehicle_checks.record_check(agency.vehicle, [entry], "not on board")
    row = {r.location_id: r for r in services.alerts.readiness()}[agency.vehicle]
    assert (row.ready, row.status, row.check_overdue) == (1, Readiness.RED, False)
    assert row.last_checked is not None


def test_the_check_sheet_lists_every_kit_on_one_page(services, agency, tmp_path):
    batch = _kits_on_vehicle(services, agency, count=3)
    services.vehicle_checks.record_check(agency.vehicle, _all_on_board(services, agency))
    path = services.vehicle_checks.write_check_sheet(tmp_path / "check.pdf", agency.vehicle)
    reader = PdfReader(path)
    text = reader.pages[0].extract_text()
    assert len(reader.pages) == 1
    assert text.count(batch.lot_number) == 3 and "Station 1 / Patrol 12" in text
    assert "All 3 kits on board" in text and "Vehicle check — Patrol 12" in text


def test_bags_can_be_checked_but_the_policy_covers_vehicles(services, agency):
    bag = services.catalog.add_location("Bag 1", LocationKind.BAG, agency.vehicle)
    _policy(services, 7)
    assert all("Bag 1" not in where for where in _overdue(services))
    assert services.vehicle_checks.sheet(bag.id).kits == ()


def test_a_responder_records_a_check_and_a_viewer_is_refused(services, agency):
    from models.common.actor import Role
    from models.common.errors import NotPermitted

    _kits_on_vehicle(services, agency)
    for name, role in (("FF Jo Park", Role.RESPONDER), ("Clerk Amy", Role.VIEWER)):
        person = services.training.save_person(None, name)
        services.people.set_access(person.id, role, None)
    choices = {c.name: c.person_id for c in services.people.list_choices()}
    services.people.sign_in(choices["Clerk Amy"])
    before = snapshot(services.stock._sessions)
    with pytest.raises(NotPermitted, match="quartermaster or responder may record a vehicle"):
        services.vehicle_checks.record_check(agency.vehicle, _all_on_board(services, agency))
    assert snapshot(services.stock._sessions) == before
    services.people.sign_in(choices["FF Jo Park"])
    row = services.vehicle_checks.record_check(agency.vehicle, _all_on_board(services, agency))
    assert row.checked_by == "FF Jo Park"
