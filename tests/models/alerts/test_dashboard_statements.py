"""A dashboard refresh costs a fixed number of SQL statements, whatever the size of the books.

Over a network each statement is a round trip, so the count is pinned: a new per-row load or an
extra query shows up here as a failing number, not as a slow screen at an agency.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from sqlalchemy import event

from tests.models.alert_fixtures import days, receive
from tests.models.alerts.test_alert_dashboard import build_known_dataset

# The first step: settings, places (with last checks, ledger mark, donation partner), stock and
# par levels, decisions, distribution figures, personnel.
FIRST_STEP = 6
# The other areas' alerts: settings, the item catalog (kit recipes included), places with the
# ledger mark, stock, par levels, open reorders, surges, personnel, partners, decisions.
AREA_STEP = 10


@contextmanager
def counting(database) -> Iterator[list[str]]:
    seen: list[str] = []

    def note(_conn, _cursor, statement, *_args) -> None:
        if not statement.lstrip().upper().startswith(("BEGIN", "COMMIT", "ROLLBACK")):
            seen.append(statement)

    event.listen(database.engine, "before_cursor_execute", note)
    try:
        yield seen
    finally:
        event.remove(database.engine, "before_cursor_execute", note)


def statements(database, work: Callable[[], object]) -> int:
    work()  # warm, as in an open app: the consumption memos are filled once per new operation
    with counting(database) as seen:
        work()
    return len(seen)


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
