"""The training demo gives every status and figure something to show."""

from __future__ import annotations

from models.stock.entities import LocationKind
from models.training import demo as training_demo
from models.training.rows import Status


def test_demo_roster_sessions_and_feedback(services) -> None:
    for name in ("Central Station", "North Precinct", "Riverside EMS"):
        services.catalog.add_location(name, LocationKind.STATION)
    training_demo.add_demo(services)
    people = services.training.list_personnel()
    assert len(people) == 40
    assert {p.station_name for p in people} == {
        "Central Station",
        "North Precinct",
        "Riverside EMS",
    }
    assert len({p.badge for p in people}) == 40
    statuses = {p.status for p in people}
    assert statuses == {
        Status.CURRENT,
        Status.DUE,
        Status.OVERDUE,
        Status.UNTRAINED,
        Status.INACTIVE,
    }
    sessions = services.training.list_sessions()
    assert {s.kind for s in sessions} == {"lbn_roll_call", "od_naloxone", "refresher", "other"}
    assert all(s.held_on <= services.clock.today() for s in sessions)
    assert min(s.held_on for s in sessions) >= services.clock.today().replace(year=2025)
    assert {f.category for f in services.training.list_feedback()} == {
        "success",
        "challenge",
        "suggestion",
    }
    summary = services.training.summary()
    assert 70 < summary.percent_trained < 95


def test_demo_without_stations_adds_nothing(services) -> None:
    training_demo.add_demo(services)
    assert services.training.list_personnel() == []
