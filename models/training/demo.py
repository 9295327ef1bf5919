"""Demo training records: ~40 personnel across the demo stations, a year of sessions, feedback.

The spread is deliberate: most trained, some due soon, a few overdue, new hires not yet trained,
and some who left the agency, so every status and figure has something to show.
"""

from __future__ import annotations

from datetime import timedelta
from random import Random
from typing import TYPE_CHECKING

from models.stock.entities import LocationKind
from models.training.elements import ELEMENT_CODES, OD_ELEMENT, SessionKind

if TYPE_CHECKING:
    from models.services import Services
    from models.stock.rows import LocationRow
    from models.training.rows import PersonRow

FIRST = "Alex Blair Casey Dana Eli Frankie Gabe Harper Isa Jordan Kai Logan Morgan Noel Owen Pat"
LAST = "Reyes Ortiz Walsh Chen Murphy Patel Kowalski Brennan Nguyen Diallo Romano Fischer Haines"
ROLES = {
    "police": ["Officer"] * 6 + ["Sergeant", "Lieutenant", "Detective"],
    "ems": ["EMT"] * 3 + ["Paramedic"] * 2 + ["Captain"],
}
LBN_ONLY = [c for c in ELEMENT_CODES if c != OD_ELEMENT]
FEEDBACK = [
    (
        300,
        "personnel",
        "success",
        "A kit left at a call in March was used by a family member "
        "two weeks later; the person was transported and is doing well.",
    ),
    (
        260,
        "partner",
        "suggestion",
        "County health department asks that resource cards list the "
        "new peer support line and the walk-in hours.",
    ),
    (
        200,
        "personnel",
        "challenge",
        "Night shift finds the vehicle pouches hard to restock; supply room is locked after 22:00.",
    ),
    (
        150,
        "recipient",
        "success",
        "A recipient told the officer the kit they got last year "
        "saved a friend, and asked for another one.",
    ),
    (
        110,
        "personnel",
        "challenge",
        "Repeat calls to the same address wear officers down; the "
        "compassion fatigue segment helped but more follow-up is wanted.",
    ),
    (
        70,
        "partner",
        "success",
        "Harm-reduction partner reports more referrals from patrol since the roll-call training.",
    ),
    (
        35,
        "personnel",
        "suggestion",
        "Add a short refresher before winter: devices in vehicles should be checked for freezing.",
    ),
    (
        12,
        "recipient",
        "suggestion",
        "Someone suggested leaving two kits when several people live in the household.",
    ),
]


def add_demo(services: Services) -> None:
    """Adds training demo records to a demo agency that already has stock."""
    rng = Random(97)
    today = services.clock.today()
    stations = [x for x in services.catalog.list_locations() if x.kind == LocationKind.STATION]
    if not stations:
        return
    people = _roster(services, rng, stations)
    _sessions(services, rng, people, stations)
    for days_ago, source, category, text in FEEDBACK:
        services.training.add_feedback(today - timedelta(days=days_ago), source, category, text)


def _roster(
    services: Services, rng: Random, stations: list[LocationRow]
) -> dict[str, list[PersonRow]]:
    today = services.clock.today()
    names = [f"{f} {last}" for last in LAST.split() for f in FIRST.split()]
    rng.shuffle(names)
    by_station: dict[str, list[PersonRow]] = {s.name: [] for s in stations}
    for number in range(40):
        station = stations[number % len(stations)]
        ems = "EMS" in station.name
        badge = f"{'M' if ems else 'B'}-{1100 + number * 7}"
        # A few were trained before the program kept records here: some of them lapsed.
        before = today - timedelta(days=rng.choice([390, 410, 440])) if number % 7 == 3 else None
        row = services.training.save_person(
            None,
            names[number],
            badge,
            station_id=station.id,
            unit=rng.choice(["Shift 1", "Shift 2"] if ems else ["A platoon", "B platoon"]),
            role=rng.choice(ROLES["ems" if ems else "police"]),
            lbn_trained_on=before,
            od_trained_on=before,
        )
        by_station[station.name].append(row)
    return by_station


def _sessions(
    services: Services, rng: Random, people: dict[str, list[PersonRow]], stations: list[LocationRow]
) -> None:
    today = services.clock.today()
    record = services.training.record_session
    trainers = ["Sgt. R. Alvarez", "Lt. J. Moore", "County health dept. trainer"]
    for index, station in enumerate(stations):
        staff = people[station.name]
        first_wave = [p.id for p in staff[2:-2] if p.lbn_trained_on is None]
        held = today - timedelta(days=[345, 300, 240][index % 3])
        record(held, SessionKind.LBN_ROLL_CALL, ELEMENT_CODES, trainers[index % 2], first_wave, 2)
        od_group = [p.id for p in staff[-2:]]
        record(
            held + timedelta(days=20),
            SessionKind.OD_NALOXONE,
            [OD_ELEMENT],
            trainers[2],
            od_group,
            rng.randint(0, 4),
        )
        late = [p.id for p in staff[-2:]]
        record(held + timedelta(days=60), SessionKind.LBN_ROLL_CALL, LBN_ONLY, trainers[0], late)
        lapsed = [p.id for p in staff if p.lbn_trained_on is not None][:-1]
        if lapsed:
            record(
                today - timedelta(days=40 + index * 45),
                SessionKind.REFRESHER,
                ELEMENT_CODES,
                trainers[1],
                lapsed,
                0,
                "Short refresher at roll call.",
            )
    record(
        today - timedelta(days=90),
        SessionKind.OTHER,
        [],
        trainers[2],
        [],
        18,
        "Joint briefing with the county health department and harm-reduction partner.",
    )
    # Two people left the agency; two new hires are waiting for their first session.
    for staff in list(people.values())[:2]:
        leaver = staff[1]
        services.training.save_person(
            leaver.id,
            leaver.name,
            leaver.badge,
            leaver.station_id,
            leaver.unit,
            leaver.role,
            False,
            leaver.lbn_trained_on,
            leaver.od_trained_on,
        )
