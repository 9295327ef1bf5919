"""The window at a station whose server goes away: banner, quick entry kept, sent when back."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy.engine import make_url

from benchmarks.tcp_proxy import LatencyProxy
from lbn_desktop.config import Paths
from lbn_desktop.database import open_database
from lbn_desktop.station_link import connect_station
from models.services import Services
from tests.models.distribution_helpers import receive_kits
from ui.distributions.distributions_view import DistributionsView
from ui.main_window import MainWindow


@pytest.fixture
def proxy(database, backend: str) -> Iterator[LatencyProxy]:
    if backend != "postgres":
        pytest.skip("the link to a database server is what is cut")
    with LatencyProxy(make_url(database.url).port or 5432) as running:
        yield running


def test_quick_entry_typed_while_the_server_is_away_is_sent_when_it_is_back(
    qtbot, services, agency, database, proxy, clock, tmp_path
) -> None:
    receive_kits(services, agency.vehicle, 3)
    url = make_url(database.url).set(host="127.0.0.1", port=proxy.port)
    linked = open_database(url.render_as_string(hide_password=False), migrate=False)
    station = Services.build(linked.sessions, clock, "FF Jo Park")
    window = MainWindow(station)
    qtbot.addWidget(window)
    window.show()
    link = connect_station(window, station, linked, Paths.resolve(str(tmp_path)))
    try:
        page = window.show_page("Distributions")
        assert isinstance(page, DistributionsView)
        quick = page.quick_entry
        proxy.cut()
        qtbot.waitUntil(link.banner.isVisible, timeout=3000)
        assert "cannot be reached" in link.banner.label.text()
        quick.kits.setValue(2)
        quick.zip.setEditText("12866")
        quick.setting.setCurrentIndex(quick.setting.findData("overdose_scene"))
        quick.relationship.setCurrentIndex(quick.relationship.findData("family"))
        quick.save_line()
        qtbot.waitUntil(lambda: not quick.saving, timeout=15000)
        assert "saved on this PC" in quick.status_label.text()
        assert quick.error_label.text() == ""
        assert len(link.distributions.outbox.pending()) == 1

        proxy.restore()
        qtbot.waitUntil(lambda: not link.distributions.outbox.pending(), timeout=8000)
        qtbot.waitUntil(lambda: not link.banner.isVisible(), timeout=3000)
        assert [r.kits for r in services.distributions.list_recent(5)] == [2]
        assert link.banner.refusals is None  # nothing was refused
    finally:
        link.close()
        linked.dispose()
