"""PostgreSQL over a network: BEGIN, COMMIT and statements that read nothing back travel with
other statements (lbn_desktop/pg_round_trips.py), and a transaction stays all-or-nothing."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest
from sqlalchemy import func, insert, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DataError, IntegrityError

from benchmarks.tcp_proxy import LatencyProxy
from lbn_desktop.database import Database, open_database
from models.common.entities import Change
from models.common.round_trips import NO_WAIT
from models.distributions.categories import CategoryKind
from models.distributions.entities import Distribution
from models.services import Services
from models.stock.entities import StockMove
from tests.models.distribution_helpers import entry, receive_kits


@pytest.fixture
def linked(database: Database, backend: str) -> Iterator[tuple[Database, LatencyProxy]]:
    if backend != "postgres":
        pytest.skip("round trips are a network's cost")
    with LatencyProxy(make_url(database.url).port or 5432) as proxy:
        url = make_url(database.url).set(host="127.0.0.1", port=proxy.port)
        station = open_database(url.render_as_string(hide_password=False), migrate=False)
        yield station, proxy
        station.dispose()


def changes(database: Database) -> int:
    with database.sessions() as s:
        return int(s.scalar(select(func.count(Change.id))) or 0)


def test_a_quick_entry_costs_five_round_trips(services, agency, clock, linked) -> None:
    station, proxy = linked
    receive_kits(services, agency.vehicle, 3)
    at_station = Services.build(station.sessions, clock, "FF Jo Park")
    at_station.distributions.list_issue_points()  # the screen has read places and categories
    at_station.distributions.list_categories(CategoryKind.SETTING)
    at_station.distributions.record_distribution(entry(agency))  # warm: connection open
    proxy.reset_counts()

    at_station.distributions.record_distribution(entry(agency))

    # BEGIN + kit lots, operation, balances, moves + record, journal + COMMIT
    assert proxy.traffic.round_trips == 5
    with services.stock._sessions() as s:
        assert s.scalar(select(func.count(Distribution.id))) == 2


def test_a_failure_after_a_statement_that_did_not_wait_writes_nothing(linked) -> None:
    station, _proxy = linked
    before = changes(station)
    with pytest.raises(DataError), station.sessions.begin() as s:
        row = {"at": datetime(2026, 1, 15), "person": "x", "station": "", "tables": "t"}
        s.execute(insert(Change).values([row]), execution_options={NO_WAIT: True})
        s.execute(text("SELECT 1 / 0"))
    assert changes(station) == before


def test_a_statement_that_did_not_wait_and_failed_is_reported_and_undoes_everything(
    linked,
) -> None:
    station, _proxy = linked
    before = changes(station)
    with pytest.raises(IntegrityError), station.sessions.begin() as s:
        row = {"at": datetime(2026, 1, 15), "person": "x", "station": "", "tables": "t"}
        s.execute(insert(Change).values([row]))
        move = {"operation_id": 999_999, "lot_id": 1, "from_location_id": 1,
                "to_location_id": 2, "quantity": 1}  # fmt: skip
        s.execute(insert(StockMove).values([move]), execution_options={NO_WAIT: True})
        s.execute(text("SELECT 1"))
    assert changes(station) == before
