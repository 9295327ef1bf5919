"""QA: an at-risk donation is a disposal "donated", counted apart from expiries and demand."""

from __future__ import annotations

from datetime import date

import pytest

from models.alerts.rows import ActionKind, AlertKind
from models.common.errors import ValidationError
from models.partners.periods import month
from models.reports.queries import flow_rows
from models.reports.rows import Period
from models.stock.entities import Reason
from tests.models.alert_fixtures import days, receive, slow_use
from tests.models.reorder_helpers import issue
from tests.models.reorders.test_reorder_service import GROUP, at, line_of
from tests.snapshot import snapshot


def test_at_risk_stock_nobody_can_use_is_resolved_by_a_donation_not_a_transfer(
    services, database, agency, clock
) -> None:
    lot = slow_use(services, database, clock, agency)
    (alert,) = [a for a in services.alerts.list_alerts() if a.kind is AlertKind.AT_RISK]
    assert alert.action is ActionKind.DONATE and alert.action.label == "Donate…"
    assert alert.plan is not None and alert.plan.move == 0 and alert.plan.donate == 16
    assert alert.plan.donation_note.startswith("donated to Local harm-reduction partner")
    services.stock.dispose(lot, agency.room, 16, "donated", alert.plan.donation_note)
    assert [a for a in services.alerts.list_alerts() if a.kind is AlertKind.AT_RISK] == []


def test_a_donation_names_its_recipient_or_is_refused_and_writes_nothing(
    services, database, agency
) -> None:
    lot = receive(services, agency.room, agency.narcan, "NX", days(100), 5)
    before = snapshot(database.sessions)
    with pytest.raises(ValidationError, match="Name who received the donation"):
        services.stock.dispose(lot, agency.room, 2, "donated", "  ")
    assert snapshot(database.sessions) == before


def test_flows_count_donations_apart_from_expired_and_other_disposals(
    services, database, agency
) -> None:
    expired = receive(services, agency.room, agency.narcan, "OLD", days(-3), 3)
    lot = receive(services, agency.room, agency.narcan, "NEW", days(300), 10)
    services.stock.dispose(expired, agency.room, 3, "expired")
    services.stock.dispose(lot, agency.room, 2, "donated", "to County harm reduction")
    services.stock.dispose(lot, agency.room, 1, "damaged", "crushed")
    period = Period(days(-1), days(0))
    with database.sessions() as s:
        (row,) = [r for r in flow_rows(s, period) if r.product_name.startswith("Narcan")]
    assert (row.disposed_expired, row.disposed_other, row.donated) == (3, 1, 2)
    assert services.reports.program_figures(period).doses_expired == 3  # one dose per device
    package = services.partners.partner_package(month(2026, 1))
    flow = next(t for t in package.tables if t.title.startswith("Inventory flow"))
    assert flow.col_labels[-1] == "Donated"


def test_reorders_count_donations_neither_as_demand_nor_as_expired(
    services, database, agency, clock
) -> None:
    clock.set(date(2025, 6, 1))
    lot = receive(services, agency.room, agency.narcan, "A", date(2028, 12, 31), 40)
    issue(database.sessions, Reason.ADMINISTER, lot, agency.room, 6, at(date(2025, 9, 1)))
    clock.set(date(2025, 11, 1))
    services.stock.dispose(lot, agency.room, 5, "donated", "to County harm reduction")
    clock.set(date(2026, 1, 15))
    line = line_of(services, GROUP)
    assert (line.administered, line.expired, line.lost) == (6, 0, 0)
    assert line.result.amc == 1  # 6 administered over 6 months; the 5 donated are not demand
    assert any("(5 donated: not counted as demand)" in step for step in line.result.steps)
