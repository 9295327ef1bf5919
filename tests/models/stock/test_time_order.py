"""Books consistent in time: a back-dated entry may only use stock the place held on that day."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import update

from models.common.errors import InsufficientStock
from models.distributions.rows import AdministrationEntry
from models.stock.entities import Operation
from models.stock.rows import ReceiveLine
from models.stock.time_order import out_of_time_entries
from tests.conftest import Agency
from tests.models.distribution_helpers import entry, receive_kits
from tests.snapshot import snapshot


def test_back_dated_distribution_before_the_kit_existed_is_refused_naming_what_was_there(
    services, agency: Agency, database, clock
):
    clock.advance(days=-30)
    receive_kits(services, agency.vehicle, 1, lot="OLDER", days_ago=0)
    clock.advance(days=30)
    receive_kits(services, agency.vehicle, 3, lot="NEWER", days_ago=0)
    before = snapshot(database.sessions)
    day = clock.today() - timedelta(days=10)
    with pytest.raises(InsufficientStock) as refusal:
        services.distributions.record_distribution(entry(agency, kits=2, occurred_on=day))
    message = str(refusal.value)
    assert f"On {day:%Y-%m-%d} Patrol 12 held 1 usable" in message
    assert "lot OLDER (1)" in message and "NEWER" not in message
    assert snapshot(database.sessions) == before


def test_back_dated_distribution_uses_only_the_lots_there_that_day(services, agency: Agency, clock):
    clock.advance(days=-30)
    receive_kits(services, agency.vehicle, 2, lot="THERE", expiry=date(2027, 9, 30), days_ago=0)
    clock.advance(days=30)
    receive_kits(services, agency.vehicle, 2, lot="LATER", expiry=date(2026, 6, 30), days_ago=0)
    row = services.distributions.record_distribution(
        entry(agency, kits=1, occurred_on=clock.today() - timedelta(days=5))
    )
    assert row.kit_lots == "THERE ×1"


def test_back_dated_doses_received_later_are_refused(services, agency: Agency, clock):
    line = ReceiveLine(agency.narcan, "N-LATE", date(2027, 6, 30), 4)
    services.stock.receive(agency.vehicle, [line])
    back = clock.today() - timedelta(days=3)
    with pytest.raises(InsufficientStock, match=f"On {back:%Y-%m-%d} Patrol 12 held none"):
        services.distributions.record_administration(
            AdministrationEntry(back, 1, agency.vehicle, False, "12866")
        )
    today = AdministrationEntry(clock.today(), 1, agency.vehicle, False, "12866")
    assert services.distributions.record_administration(today).doses == 1


def test_check_lists_an_old_entry_that_used_kits_before_they_arrived_and_changes_nothing(
    services, agency: Agency, database
):
    receive_kits(services, agency.vehicle, 2, lot="K-LATE", days_ago=0)
    row = services.distributions.record_distribution(entry(agency, kits=1))
    with database.sessions.begin() as s:  # as a database from before the rule may hold it
        s.execute(
            update(Operation)
            .where(Operation.reason == "distribute")
            .values(effective_on=date(2025, 12, 1))
        )
    before = snapshot(database.sessions)
    with database.sessions() as s:
        problems = out_of_time_entries(s)
    assert len(problems) == 1
    assert "lot K-LATE at Station 1 / Patrol 12: on 2025-12-01" in problems[0]
    assert "(distribute, recorded 2026-01-15)" in problems[0]
    assert row.kits == 1 and snapshot(database.sessions) == before


def test_consistent_books_have_no_out_of_time_entries(services, agency: Agency, database):
    receive_kits(services, agency.vehicle, 3)
    services.distributions.record_distribution(entry(agency, kits=2))
    with database.sessions() as s:
        assert out_of_time_entries(s) == []
