"""A dashboard refresh costs a fixed number of SQL statements in one read transaction per
step, whatever the size of the books.

Over a network each statement is a round trip, so the count is pinned: a new per-row load or an
extra query shows up here as a failing number, not as a slow screen at an agency.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from sqlalchemy import text

from models.alerts.rows import AlertKind
from models.training.service import RefresherDue
from tests.models.alert_fixtures import days, receive
from tests.models.alerts.test_alert_dashboard import build_known_dataset
from tests.sql_traffic import traffic

# The first step: settings, places (with last checks, ledger mark, donation partner), stock and
# par levels, decisions, distribution figures, personnel.
FIRST_STEP = 6
# The other areas' alerts: settings, the item catalog (kit recipes included), places with the
# ledger mark, stock and par levels, open reorders, surges, personnel, partners, decisions.
AREA_STEP = 9


def statements(database, work: Callable[[], object]) -> int:
    """Statements of one warm run (the consumption memos filled once per new operation, as in
    an open app); the run must be one read transaction."""
    work()
    with traffic(database) as seen:
        work()
    assert seen.transactions == 1
    return len(seen.statements)


def test_a_dashboard_refresh_costs_a_fixed_number_of_statements(
    services, database, clock, agency
) -> None:
    build_known_dataset(services, database, clock, agency)
    alerts = services.alerts
    assert statements(database, alerts.dashboard) == FIRST_STEP
    assert statements(database, alerts.area_alerts) == AREA_STEP


def test_more_stock_and_places_do_not_add_statements(services, database, clock, agency) -> None:
    build_known_dataset(services, database, clock, agency)
    catalog, alerts = services.catalog, services.alerts
    for n in range(6):
        bag = catalog.add_location(f"Bag {n}", "bag", agency.vehicle)
        catalog.set_par_level(bag.id, agency.narcan, 2)
        receive(services, agency.room, agency.teva, f"TV{n}", days(30 + n), 3)
        services.vehicle_checks.record_check(agency.vehicle2, [])
    assert statements(database, alerts.dashboard) == FIRST_STEP
    assert statements(database, alerts.area_alerts) == AREA_STEP


def test_a_hook_failing_in_the_database_leaves_the_other_areas_alerts(
    services, monkeypatch
) -> None:
    """The areas read in one session: a failed statement (which aborts a PostgreSQL
    transaction) is rolled back, so the hooks after it and the decisions still read."""

    def broken(s):
        s.execute(text("SELECT no_such_column FROM setting"))

    monkeypatch.setattr(services.alerts._reorders, "due_in", broken)
    monkeypatch.setattr(
        services.alerts._training,
        "refreshers_due_in",
        lambda _s, within_days: [RefresherDue(1, "A. Officer", date(2026, 1, 10), True)],
    )
    assert [a.kind for a in services.alerts.area_alerts()] == [AlertKind.REFRESHER]
