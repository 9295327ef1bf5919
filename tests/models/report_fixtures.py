"""A small agency with a quarter of program activity, written straight into the ledger.

Kept local so the report tests do not depend on the kits, distribution or training services.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from sqlalchemy import select

from models.distributions.entities import Administration, Distribution
from models.reports.rows import Period
from models.services import Services
from models.stock.entities import LocationKind, Product, Reason
from models.stock.ledger import open_operation, post_move, reverse_operation, virtual_location_id
from models.stock.rows import ReceiveLine
from models.training.entities import Person, TrainingAttendance, TrainingSession
from tests.models.distribution_helpers import book_kit_batch

Q4 = Period(date(2025, 10, 1), date(2025, 12, 31))
# (day, kits, zip, setting, relationship, responder gave naloxone, services offered, voided)
DISTRIBUTIONS = [
    (date(2025, 10, 3), 2, "12866", "overdose_scene", "person_at_risk", True, True, False),
    (date(2025, 10, 9), 1, "12866", "other_call", "family", False, True, False),
    (date(2025, 10, 20), 3, "12831", "overdose_scene", "bystander", False, False, False),
    (date(2025, 11, 2), 4, "12866", "mass_gathering", "person_at_risk", False, True, False),
    (date(2025, 11, 15), 2, "12020", "other_call", "friend", False, False, False),
    (date(2025, 11, 28), 5, "12866", "overdose_scene", "person_at_risk", True, True, False),
    (date(2025, 12, 5), 1, "12831", "reentry", "person_at_risk", False, True, False),
    (date(2025, 12, 18), 2, "12866", "overdose_scene", "family", False, False, False),
    (date(2025, 12, 20), 6, "12866", "overdose_scene", "family", False, False, True),  # voided
    (date(2026, 1, 5), 3, "12866", "overdose_scene", "family", False, True, False),  # later
]
# (day, doses, from kit, voided)
ADMINISTRATIONS = [
    (date(2025, 10, 3), 2, False, False),
    (date(2025, 11, 28), 1, False, False),
    (date(2025, 12, 1), 3, False, True),
]


@dataclass
class Activity:
    kit_lot: int
    narcan_lot: int
    teva_lot: int
    vehicle: int
    room: int
    q4_kits: int
    q4_encounters: int
    q4_doses_administered: int


def _kit_product(s) -> int:
    return s.scalar(select(Product.id).where(Product.kind == "kit"))


def build_activity(services: Services, sessions, agency) -> Activity:
    stock = services.stock
    clock = services.clock
    today = clock.today()
    clock.set(date(2025, 9, 1))  # delivered before the kits below were made from it
    try:
        stock.receive(agency.room, [ReceiveLine(agency.narcan, "N-100", date(2027, 6, 30), 120)])
        stock.receive(agency.cabinet, [ReceiveLine(agency.teva, "T-7", date(2026, 2, 1), 20)])
        stock.receive(
            agency.room,
            [ReceiveLine(agency.strips, "FTS-1", date(2025, 12, 1), 50)],
            allow_expired=True,
        )
    finally:
        clock.set(today)
    narcan_lot = stock.find_lot(agency.narcan, "N-100").id
    teva_lot = stock.find_lot(agency.teva, "T-7").id
    with sessions.begin() as s:
        at = datetime(2025, 9, 30, 8)
        kit_lot = book_kit_batch(s, _kit_product(s), agency.room, narcan_lot, 30, "KB-1", at, "t")
        op = open_operation(s, Reason.TRANSFER, "t", datetime(2025, 10, 1, 8))
        post_move(s, op, kit_lot, agency.room, agency.vehicle, 30)
        distributed = virtual_location_id(s, LocationKind.DISTRIBUTED)
        for day, kits, zip_code, setting, rel, gave, offered, voided in DISTRIBUTIONS:
            at = datetime.combine(day, time(12))
            op = open_operation(s, Reason.DISTRIBUTE, "t", at, "Leave-behind distribution")
            post_move(s, op, kit_lot, agency.vehicle, distributed, kits)
            record = Distribution(
                occurred_on=day,
                kits=kits,
                location_id=agency.vehicle,
                zip_code=zip_code,
                setting=setting,
                relationship=rel,
                naloxone_administered=gave,
                services_offered=offered,
                operation_id=op.id,
                recorded_at=at,
                recorded_by="t",
            )
            s.add(record)
            if voided:
                undo = reverse_operation(s, op.id, "t", at, "entered twice")
                record.void_operation_id, record.void_reason = undo.id, "entered twice"
        administered = virtual_location_id(s, LocationKind.ADMINISTERED)
        for day, doses, from_kit, voided in ADMINISTRATIONS:
            at = datetime.combine(day, time(13))
            op = open_operation(s, Reason.ADMINISTER, "t", at, "Administered on scene")
            post_move(s, op, narcan_lot, agency.room, administered, doses)
            record = Administration(
                occurred_on=day,
                doses=doses,
                location_id=agency.room,
                from_kit=from_kit,
                operation_id=op.id,
                recorded_at=at,
                recorded_by="t",
            )
            s.add(record)
            if voided:
                undo = reverse_operation(s, op.id, "t", at, "wrong unit")
                record.void_operation_id, record.void_reason = undo.id, "wrong unit"
        _training(s)
    counted = [d for d in DISTRIBUTIONS if Q4.start <= d[0] <= Q4.end and not d[7]]
    given = [a for a in ADMINISTRATIONS if Q4.start <= a[0] <= Q4.end and not a[3]]
    return Activity(
        kit_lot,
        narcan_lot,
        teva_lot,
        agency.vehicle,
        agency.room,
        sum(d[1] for d in counted),
        len(counted),
        sum(a[1] for a in given),
    )


def _training(s) -> None:
    people = [Person(name=f"Officer {n}", badge=f"B{n}", active=True) for n in range(1, 6)]
    people[0].lbn_trained_on = date(2025, 10, 14)
    people[1].lbn_trained_on = date(2025, 10, 14)
    s.add_all(people)
    sessions = [
        TrainingSession(held_on=date(2025, 10, 14), kind="lbn_roll_call", outside_headcount=3),
        TrainingSession(held_on=date(2025, 12, 2), kind="refresher", outside_headcount=0),
        TrainingSession(held_on=date(2025, 8, 2), kind="lbn_roll_call", outside_headcount=9),
    ]
    s.add_all(sessions)
    s.flush()
    attendance = [(0, 0), (0, 1), (0, 2), (1, 0), (1, 3), (2, 4)]
    s.add_all(
        TrainingAttendance(session_id=sessions[k].id, person_id=people[p].id) for k, p in attendance
    )
