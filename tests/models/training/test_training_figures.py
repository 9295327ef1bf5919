"""Refresher due dates at the boundary, percent trained, period and quarter figures."""

from __future__ import annotations

from datetime import date

import pytest

from models.common.errors import ValidationError
from models.training.elements import ELEMENT_CODES, OD_ELEMENT, SessionKind
from models.training.rows import Status
from models.training.rules import add_months, quarter_of
from models.training.service import RefresherDue


def test_add_months_clamps_to_the_end_of_shorter_months() -> None:
    assert add_months(date(2025, 1, 31), 1) == date(2025, 2, 28)
    assert add_months(date(2024, 2, 29), 12) == date(2025, 2, 28)
    assert add_months(date(2025, 11, 15), 3) == date(2026, 2, 15)
    assert quarter_of(date(2025, 8, 9)) == (date(2025, 7, 1), date(2025, 9, 30), "2025 Q3")


def test_refresher_due_on_the_exact_day_then_overdue_the_day_after(services, clock) -> None:
    # Trained 2025-01-15, 12 months: due 2026-01-15, which is the fixed clock's today.
    p = services.training.save_person(None, "Dana Reyes", "1001", lbn_trained_on=date(2025, 1, 15))
    row = services.training.get_person(p.id)
    assert (row.due_on, row.status) == (date(2026, 1, 15), Status.DUE)
    assert services.training.list_refreshers_due(0) == [
        RefresherDue(p.id, "Dana Reyes", date(2026, 1, 15), False)
    ]
    summary = services.training.summary()
    assert (summary.trained, summary.refreshers_due, summary.refreshers_overdue) == (1, 1, 0)

    clock.advance(days=1)
    assert services.training.get_person(p.id).status == Status.OVERDUE
    assert services.training.list_refreshers_due(0)[0].overdue is True
    summary = services.training.summary()
    assert (summary.trained, summary.refreshers_due, summary.refreshers_overdue) == (0, 0, 1)


def test_warning_window_edges(services) -> None:
    services.training.set_refresher_policy(12, 30)
    p = services.training.save_person(None, "Sam Ortiz", "1002", lbn_trained_on=date(2025, 2, 14))
    # Due 2026-02-14 = today + 30 days: inside the window; one day later is not.
    assert services.training.get_person(p.id).status == Status.DUE
    assert [d.person_id for d in services.training.list_refreshers_due(30)] == [p.id]
    assert services.training.list_refreshers_due(29) == []
    services.training.save_person(p.id, "Sam Ortiz", "1002", lbn_trained_on=date(2025, 2, 15))
    assert services.training.get_person(p.id).status == Status.CURRENT
    assert services.training.list_refreshers_due(None) == []


def test_the_refresher_interval_setting_moves_due_dates(services) -> None:
    p = services.training.save_person(None, "Sam Ortiz", "1002", lbn_trained_on=date(2024, 6, 1))
    assert services.training.get_person(p.id).status == Status.OVERDUE
    services.training.set_refresher_policy(24, 60)
    assert services.training.refresher_policy() == (24, 60)
    row = services.training.get_person(p.id)
    assert (row.due_on, row.status) == (date(2026, 6, 1), Status.CURRENT)


@pytest.mark.parametrize(("months", "days"), [(0, 30), (121, 30), (12, -1), (12, 366)])
def test_refresher_policy_refuses_silly_values(services, months, days) -> None:
    with pytest.raises(ValidationError):
        services.training.set_refresher_policy(months, days)
    assert services.training.refresher_policy() == (12, 30)


def test_percent_trained_excludes_inactive_personnel(services) -> None:
    save = services.training.save_person
    save(None, "A Current", "1", lbn_trained_on=date(2025, 9, 1))
    save(None, "B Current", "2", lbn_trained_on=date(2025, 10, 1))
    save(None, "C Untrained", "3")
    save(None, "D Overdue", "4", lbn_trained_on=date(2024, 10, 1))
    save(None, "E Retired", "5", active=False, lbn_trained_on=date(2025, 9, 1))
    save(None, "F Left", "6", active=False)
    summary = services.training.summary()
    assert (summary.active_personnel, summary.trained) == (4, 2)
    assert summary.percent_trained == pytest.approx(50.0)
    assert summary.refreshers_overdue == 1
    assert [d.name for d in services.training.list_refreshers_due(30)] == ["D Overdue"]


def test_empty_roster_is_zero_percent_not_an_error(services) -> None:
    assert services.training.summary().percent_trained == 0.0


def test_period_figures_count_sessions_people_and_feedback(services) -> None:
    a = services.training.save_person(None, "Dana Reyes", "1001")
    b = services.training.save_person(None, "Sam Ortiz", "1002")
    record = services.training.record_session
    record(date(2025, 10, 2), SessionKind.LBN_ROLL_CALL, ELEMENT_CODES, None, [a.id, b.id], 4)
    record(date(2025, 11, 2), SessionKind.OD_NALOXONE, [OD_ELEMENT], None, [a.id])
    record(date(2025, 12, 2), SessionKind.OTHER, [], None, [b.id], 10)
    record(date(2026, 1, 5), SessionKind.REFRESHER, ELEMENT_CODES, None, [b.id])
    services.training.add_feedback(date(2025, 11, 3), "partner", "suggestion", "More cards")
    figures = services.training.period_figures(date(2025, 10, 1), date(2025, 12, 31))
    assert figures.sessions == 3
    assert figures.sessions_by_kind == {"lbn_roll_call": 1, "od_naloxone": 1, "other": 1}
    assert figures.personnel_trained == 2
    assert (figures.personnel_attendances, figures.outside_attendees) == (4, 14)
    assert figures.total_attendees == 18
    assert figures.feedback_by_category == {"suggestion": 1}
    with pytest.raises(ValidationError, match="ends before"):
        services.training.period_figures(date(2025, 12, 31), date(2025, 10, 1))


def test_sessions_per_quarter_ends_with_the_current_quarter(services) -> None:
    p = services.training.save_person(None, "Dana Reyes", "1001")
    record = services.training.record_session
    record(date(2025, 3, 31), SessionKind.REFRESHER, ELEMENT_CODES, None, [p.id])
    record(date(2025, 8, 1), SessionKind.REFRESHER, ELEMENT_CODES, None, [p.id])
    record(date(2025, 9, 30), SessionKind.OTHER, [], None, [], 6)
    record(date(2026, 1, 2), SessionKind.REFRESHER, ELEMENT_CODES, None, [p.id])
    quarters = services.training.sessions_per_quarter(4)
    assert [x.label for x in quarters] == ["2025 Q2", "2025 Q3", "2025 Q4", "2026 Q1"]
    assert [x.figures.sessions for x in quarters] == [0, 2, 0, 1]
    assert quarters[1].figures.personnel_trained == 1
