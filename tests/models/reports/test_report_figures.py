"""Report figures match what was written to the ledger and the activity tables."""

from __future__ import annotations

from datetime import date

import pytest

from models.common.errors import ValidationError
from models.reports.rows import Period, last_quarter
from tests.models.report_fixtures import Q4, build_activity


@pytest.fixture
def activity(services, database, agency):
    return build_activity(services, database.sessions, agency)


def test_distribution_figures_count_the_quarter_and_leave_out_voided_entries(
    services, activity
) -> None:
    f = services.reports.distribution_figures(Q4)
    assert (f.encounters, f.kits) == (activity.q4_encounters, activity.q4_kits) == (8, 20)
    assert f.doses_left_behind == 40  # two doses per kit
    assert (f.with_administration, f.services_offered) == (2, 5)
    assert (f.administrations, f.doses_administered) == (2, 3)
    assert {r.label: (r.encounters, r.kits) for r in f.by_zip} == {
        "12866": (5, 14),
        "12831": (2, 4),
        "12020": (1, 2),
    }
    assert [(m.month, m.kits, m.doses_administered) for m in f.monthly] == [
        (date(2025, 10, 1), 6, 2),
        (date(2025, 11, 1), 11, 1),
        (date(2025, 12, 1), 3, 0),
    ]
    settings = {r.label: r.kits for r in f.by_setting}
    assert settings["Overdose scene"] == 12 and sum(settings.values()) == 20


def test_location_filter_keeps_only_kits_from_inside_the_chosen_places(
    services, activity, agency
) -> None:
    assert services.reports.distribution_figures(Q4, [agency.station]).kits == 20
    assert services.reports.distribution_figures(Q4, [agency.cabinet]).kits == 0


def test_program_figures_net_out_voids_and_count_expired_disposals_as_doses(
    services, activity, agency
) -> None:
    services.stock.dispose(activity.teva_lot, agency.cabinet, 5, "expired")
    services.stock.dispose(activity.teva_lot, agency.cabinet, 2, "damaged", "dropped")
    figures = services.reports.program_figures(Period(date(2025, 10, 1), date(2026, 1, 31)))
    assert figures.doses_expired == 5
    assert figures.kits_distributed == 23
    assert figures.doses_administered == 3  # the voided administration does not count
    assert figures.kits_on_hand == 7
    assert figures.usable_doses_on_hand == 57 + 13 + 7 * 2  # Narcan + Teva left + kits


def test_training_figures_count_distinct_personnel(services, activity) -> None:
    t = services.reports.program_figures(Q4).training
    assert (t.sessions, t.personnel_trained, t.outside_participants) == (2, 4, 3)
    assert (t.active_personnel, t.active_with_lbn_training) == (5, 2)
    by_kind = {k.kind: k.attendances for k in t.by_kind}
    assert by_kind == {"LBN roll-call training": 3, "Refresher": 2}


def test_expiration_rows_are_banded_grouped_by_place_and_sorted_by_expiry(
    services, activity
) -> None:
    rows = services.reports.list_expiration_rows()
    by_place = {}
    for r in rows:
        by_place.setdefault(r.location_path, []).append(r)
    room = by_place["Station 1 / Supply room"]
    assert [r.band for r in room] == ["Expired", "Later"]
    assert [r.lot_number for r in room] == ["FTS-1", "N-100"]
    kit = by_place["Station 1 / Patrol 12"][0]
    assert kit.is_kit and kit.recipe_name == "Standard LBN kit" and kit.quantity == 7
    assert by_place["Station 1 / Supply room / Cabinet A"][0].band == "Within 30 days"


def test_a_period_that_ends_before_it_starts_is_refused() -> None:
    with pytest.raises(ValidationError, match="before it starts"):
        Period(date(2026, 2, 1), date(2026, 1, 1))


def test_last_quarter_is_the_previous_full_calendar_quarter() -> None:
    assert last_quarter(date(2026, 1, 15)) == Q4
    assert last_quarter(date(2026, 6, 30)) == Period(date(2026, 1, 1), date(2026, 3, 31))
