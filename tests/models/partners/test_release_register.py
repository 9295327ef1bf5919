"""The release register through the partner service: whole periods only, the same figures for
the same partner and period, and a refusal when records changed under an earlier release."""

from __future__ import annotations

from datetime import date

import pytest

from models.common.errors import DomainError, ValidationError
from models.partners.periods import month, quarter
from models.partners.registry import PartnerDraft
from models.reports.rows import Period
from tests.models.report_fixtures import build_activity
from tests.snapshot import snapshot


@pytest.fixture
def activity(services, database, agency):
    return build_activity(services, database.sessions, agency)


@pytest.mark.parametrize(
    "period",
    [
        Period(date(2025, 11, 15), date(2025, 11, 15)),  # a day
        Period(date(2025, 11, 10), date(2025, 11, 16)),  # a week
        Period(date(2025, 11, 1), date(2026, 1, 31)),  # three months across a quarter
        Period(date(2025, 11, 2), date(2025, 11, 30)),  # a month less a day
    ],
)
def test_other_ranges_are_refused_and_nothing_is_written(
    services, database, activity, period, tmp_path
) -> None:
    before = snapshot(database.sessions)
    with pytest.raises(ValidationError, match="whole calendar month, quarter or year"):
        services.partners.prepare_release(period)
    assert snapshot(database.sessions) == before


def test_the_same_partner_and_period_get_the_same_figures_even_after_changes(
    services, activity, agency, tmp_path
) -> None:
    county = services.partners.save_partner(PartnerDraft("County", 10))
    first = services.partners.prepare_release(quarter(2025, 4), county.id)
    services.partners.release_workbook(first, tmp_path / "q4.xlsx", county.id)
    rows = services.distributions.list_distributions(date(2025, 10, 1), date(2025, 12, 31))
    late = next(r for r in rows if r.void_reason is None)
    services.distributions.void_distribution(late.id, "entered twice")
    again = services.partners.prepare_release(quarter(2025, 4), county.id)
    assert again.repeated
    assert [t.grid.values for t in again.package.tables] == [
        t.grid.values for t in first.package.tables
    ]
    assert [t.grid.hidden for t in again.package.tables] == [
        t.grid.hidden for t in first.package.tables
    ]
    other = services.partners.save_partner(PartnerDraft("EMS council", 10))
    with pytest.raises(DomainError, match="records were added or corrected"):
        services.partners.prepare_release(quarter(2025, 4), other.id)
    assert len(services.partners.list_releases()) == 1


def test_a_month_inside_a_released_quarter_is_checked_against_it(
    services, activity, tmp_path
) -> None:
    county = services.partners.save_partner(PartnerDraft("County", 10))
    quarterly = services.partners.prepare_release(quarter(2025, 4), county.id)
    services.partners.release_workbook(quarterly, tmp_path / "q4.xlsx", county.id)
    november = services.partners.prepare_release(month(2025, 11), county.id)
    assert november.summary == (
        "Checked against 1 earlier release to 1 partner: no hidden count can be worked out."
    )
    services.partners.release_workbook(november, tmp_path / "nov.xlsx", county.id)
    assert services.partners.audit_register() == []
