"""An entry whose save committed but whose confirmation was lost is posted once, not twice.

The link drops right after COMMIT: the station keeps the entry in its outbox (it cannot know the
server has it), and posting it later is recognised as already done by the entry's key.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from datetime import date

import pytest
from sqlalchemy import event, func, select
from sqlalchemy.exc import OperationalError

from lbn_desktop.database import Database
from lbn_desktop.offline_distributions import OfflineDistributionService
from lbn_desktop.outbox import Outbox
from models.common.errors import KeptOffline
from models.distributions.entities import Administration, Distribution
from models.distributions.rows import AdministrationEntry
from models.services import Services
from tests.models.distribution_helpers import entry, receive_kits


@pytest.fixture
def station(services: Services, database: Database, tmp_path) -> OfflineDistributionService:
    return OfflineDistributionService(
        database.sessions, services.clock, services.actor, Outbox(tmp_path / "station")
    )


@pytest.fixture
def lose_next_confirmation(database: Database) -> Callable[[], None]:
    """Arms the cut: the next commit reaches the server, then the station hears nothing back."""

    def lose(_session: object) -> None:
        event.remove(database.sessions, "after_commit", lose)
        gone = ConnectionError("server closed the connection unexpectedly")
        raise OperationalError("COMMIT", {}, gone)

    return lambda: event.listen(database.sessions, "after_commit", lose)


def count(services: Services, kind: type[Distribution] | type[Administration]) -> int:
    with services.stock._sessions() as s:
        return int(s.scalar(select(func.count(kind.id))) or 0)


def test_a_quick_entry_committed_but_unconfirmed_is_posted_once(
    services, agency, station, lose_next_confirmation
) -> None:
    receive_kits(services, agency.vehicle, 2)
    lose_next_confirmation()
    with pytest.raises(KeptOffline, match="saved on this PC"):
        station.record_distribution(entry(agency, kits=1))
    assert len(station.outbox.pending()) == 1  # the station cannot know the server has it
    assert count(services, Distribution) == 1

    result = station.post_waiting()

    assert (result.posted, result.refused, result.still_waiting) == (1, [], 0)
    assert station.outbox.pending() == [] and station.outbox.refused() == []
    assert count(services, Distribution) == 1  # recorded once
    [point] = [
        p for p in services.distributions.list_issue_points() if p.location_id == agency.vehicle
    ]
    assert point.kits == 1  # one kit left the vehicle, not two


def test_posting_the_same_entry_again_when_stock_remains_is_still_one_record(
    services, agency, station, lose_next_confirmation
) -> None:
    receive_kits(services, agency.vehicle, 5)
    lose_next_confirmation()
    with pytest.raises(KeptOffline):
        station.record_distribution(entry(agency, kits=2))
    [waiting] = station.outbox.pending()

    first = station.post_waiting()
    again = station.record_distribution(entry(agency, kits=2, entry_key=waiting["id"]))

    assert first.posted == 1 and again.kits == 2
    assert count(services, Distribution) == 1
    [point] = [
        p for p in services.distributions.list_issue_points() if p.location_id == agency.vehicle
    ]
    assert point.kits == 3


def test_an_administration_committed_but_unconfirmed_is_posted_once(
    services, agency, station, lose_next_confirmation
) -> None:
    services.stock.receive(agency.vehicle, [_doses(agency, 2)])
    typed = AdministrationEntry(date(2026, 1, 15), 2, agency.vehicle)
    lose_next_confirmation()
    with pytest.raises(KeptOffline):
        station.record_administration(typed)

    result = station.post_waiting()

    assert (result.posted, result.refused) == (1, [])
    assert count(services, Administration) == 1


def test_an_entry_kept_before_entries_had_keys_posts_with_its_outbox_id(
    services, agency, station
) -> None:
    receive_kits(services, agency.vehicle, 2)
    typed = {k: v for k, v in dataclasses.asdict(entry(agency)).items() if k != "entry_key"}
    older = {"id": "0f" * 16, "kind": "distribution", "person": "FF Jo Park",
             "role": "responder", "entry": typed | {"occurred_on": "2026-01-15"}}  # fmt: skip
    station.outbox.path.write_text(json.dumps(older) + "\n", encoding="utf-8")

    assert station.post_waiting().posted == 1
    with services.stock._sessions() as s:
        assert s.scalar(select(Distribution.entry_key)) == "0f" * 16


def test_an_entry_key_that_is_not_ours_is_refused_and_nothing_is_saved(services, agency) -> None:
    receive_kits(services, agency.vehicle, 2)
    with pytest.raises(Exception, match="key is not one this app makes"):
        services.distributions.record_distribution(entry(agency, entry_key="x" * 40))
    assert count(services, Distribution) == 0


def _doses(agency, quantity: int):
    from models.stock.rows import ReceiveLine

    return ReceiveLine(agency.narcan, "N1", date(2027, 6, 30), quantity)
