"""A server out of reach mid-shift: entries wait in the station's outbox and none is lost."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import make_url

from benchmarks.tcp_proxy import LatencyProxy
from lbn_desktop.database import Database, open_database
from lbn_desktop.offline_distributions import OfflineDistributionService
from lbn_desktop.outbox import Outbox
from models.common.errors import KeptOffline
from models.distributions.entities import Distribution
from models.services import Services
from tests.models.distribution_helpers import entry, receive_kits


@pytest.fixture
def proxy(database: Database, backend: str) -> Iterator[LatencyProxy]:
    if backend != "postgres":
        pytest.skip("the link to a database server is what is cut")
    with LatencyProxy(make_url(database.url).port or 5432) as running:
        yield running


@pytest.fixture
def station(database, proxy, clock, tmp_path) -> Iterator[Services]:
    url = make_url(database.url).set(host="127.0.0.1", port=proxy.port)
    linked = open_database(url.render_as_string(hide_password=False), migrate=False)
    services = Services.build(linked.sessions, clock, "FF Jo Park")
    services.actor.station = "Station 3"
    services.distributions = OfflineDistributionService(
        linked.sessions, clock, services.actor, Outbox(tmp_path / "station")
    )
    yield services
    linked.dispose()


def test_a_server_cut_mid_shift_and_back_loses_no_outbox_entry(
    services, agency, station, proxy, tmp_path
) -> None:
    receive_kits(services, agency.vehicle, 2)
    station.distributions.record_distribution(entry(agency, kits=1))  # online: posted at once

    proxy.cut()  # the server goes away mid-shift
    for _typed in range(2):
        with pytest.raises(KeptOffline, match="saved on this PC"):
            station.distributions.record_distribution(entry(agency, kits=1))
    outbox = Outbox(tmp_path / "station")  # as read again after a restart of the app
    assert len(outbox.pending()) == 2
    assert station.distributions.post_waiting().still_waiting == 2  # nothing posted, nothing lost
    assert len(outbox.pending()) == 2

    proxy.restore()
    result = station.distributions.post_waiting()
    assert (result.posted, len(result.refused)) == (1, 1)
    assert "Patrol 12 has 0 usable" in result.refused[0][1]  # shown with its reason
    assert outbox.pending() == []
    [kept] = outbox.refused()
    assert kept["person"] == "FF Jo Park" and kept["reason"].startswith("Patrol 12 has 0")
    with services.stock._sessions() as s:
        assert s.scalar(select(func.count(Distribution.id))) == 2
