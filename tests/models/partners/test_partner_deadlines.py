"""Partners: validation, saving, and reporting deadlines as dashboard reminders."""

from __future__ import annotations

from datetime import date

import pytest

from models.common.errors import NotFound, ValidationError
from models.partners.registry import PartnerDraft, add_months
from tests.snapshot import snapshot


def test_a_partner_defaults_to_hiding_counts_one_to_nine(services) -> None:
    partner = services.partners.save_partner(PartnerDraft("  County   health dept  "))
    assert partner.name == "County health dept"
    assert partner.suppression_threshold == 10
    assert partner.interval_label == "Quarterly"
    assert services.partners.list_partners() == [partner]


@pytest.mark.parametrize(
    ("draft", "message"),
    [
        (PartnerDraft(""), "name"),
        (PartnerDraft("A", suppression_threshold=1), "between 2 and 100"),
        (PartnerDraft("A", suppression_threshold=500), "between 2 and 100"),
        (PartnerDraft("A", interval_months=0), "between 1 and 24"),
        (PartnerDraft("A", contact_email="not an address"), "e-mail"),
    ],
)
def test_bad_partner_details_are_refused_and_nothing_is_written(
    services, database, draft, message
) -> None:
    before = snapshot(database.sessions)
    with pytest.raises(ValidationError, match=message):
        services.partners.save_partner(draft)
    assert snapshot(database.sessions) == before


def test_two_partners_cannot_share_a_name(services) -> None:
    services.partners.save_partner(PartnerDraft("OASAS"))
    with pytest.raises(ValidationError, match="already exists"):
        services.partners.save_partner(PartnerDraft("OASAS"))


def test_deadlines_within_the_window_and_overdue_are_listed_soonest_first(services) -> None:
    # The test clock stands at 2026-01-15.
    partners = services.partners
    partners.save_partner(PartnerDraft("Overdue", next_due_on=date(2026, 1, 10)))
    partners.save_partner(PartnerDraft("Soon", next_due_on=date(2026, 1, 25)))
    partners.save_partner(PartnerDraft("Later", next_due_on=date(2026, 3, 31)))
    partners.save_partner(PartnerDraft("Retired", next_due_on=date(2026, 1, 20), active=False))
    partners.save_partner(PartnerDraft("Ad hoc", interval_months=None))
    due = partners.list_deadlines_due(within_days=14)
    assert [(d.partner_name, d.days_left) for d in due] == [("Overdue", -5), ("Soon", 10)]
    assert [d.partner_name for d in partners.list_deadlines_due(within_days=90)][-1] == "Later"


def test_recording_a_sent_report_moves_the_deadline_one_interval_on(services) -> None:
    partner = services.partners.save_partner(
        PartnerDraft("Quarterly partner", interval_months=3, next_due_on=date(2026, 1, 31))
    )
    moved = services.partners.record_report_sent(partner.id)
    assert moved.next_due_on == date(2026, 4, 30)
    assert services.partners.list_deadlines_due(14) == []


def test_months_are_added_with_the_day_clamped_to_the_month() -> None:
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2027, 11, 30), 3) == date(2028, 2, 29)


def test_partners_are_found_by_name_whatever_the_case(services) -> None:
    services.partners.save_partner(PartnerDraft("Saratoga County OEM", 6))
    assert services.partners.find_partner("saratoga county oem").suppression_threshold == 6
    with pytest.raises(NotFound, match="Saratoga County OEM"):
        services.partners.find_partner("Nobody")
