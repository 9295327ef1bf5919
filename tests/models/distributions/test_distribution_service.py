"""Distributions and administrations move stock through the ledger; refusals write nothing."""

from __future__ import annotations

from datetime import date

import pytest

from models.common.errors import InsufficientStock, ValidationError
from models.distributions.rows import AdministrationEntry
from models.stock.ledger_check import check_ledger
from models.stock.rows import ReceiveLine
from tests.conftest import Agency
from tests.models.distribution_helpers import assemble_kits, entry, receive_kits
from tests.snapshot import snapshot


def kits_at(services, location_id: int) -> int:
    return sum(
        r.quantity
        for r in services.stock.list_on_hand(location_id=location_id)
        if r.product_kind == "kit" and r.location_id == location_id
    )


def doses_at(services, location_id: int) -> int:
    return sum(
        r.quantity
        for r in services.stock.list_on_hand(location_id=location_id)
        if r.product_kind == "naloxone" and r.location_id == location_id
    )


def test_distribution_moves_kits_out_first_expiry_first(services, agency: Agency):
    receive_kits(services, agency.vehicle, 3, lot="LATE", expiry=date(2027, 9, 30))
    receive_kits(services, agency.vehicle, 1, lot="EARLY", expiry=date(2026, 6, 30))
    row = services.distributions.record_distribution(entry(agency, kits=2))
    assert kits_at(services, agency.vehicle) == 2
    assert row.kit_lots == "EARLY ×1, LATE ×1"
    assert (row.setting, row.relationship) == ("overdose_scene", "family")
    assert row.setting_label == "Overdose scene" and row.location_path == "Station 1 / Patrol 12"
    moves = services.stock.list_moves(location_id=agency.vehicle)
    assert {m.reason for m in moves} >= {"distribute"}
    assert all(m.to_name.startswith("Distributed") for m in moves if m.reason == "distribute")


def test_distribution_refuses_more_kits_than_the_vehicle_holds_and_writes_nothing(
    services, agency: Agency, database
):
    receive_kits(services, agency.vehicle, 2)
    before = snapshot(database.sessions)
    with pytest.raises(InsufficientStock, match="Patrol 12 has 2 usable"):
        services.distributions.record_distribution(entry(agency, kits=3))
    assert snapshot(database.sessions) == before


def test_expired_kits_are_never_handed_out(services, agency: Agency):
    receive_kits(services, agency.vehicle, 2, lot="OLD", expiry=date(2025, 12, 31))
    with pytest.raises(InsufficientStock):
        services.distributions.record_distribution(entry(agency))


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"zip_code": "1286"}, "5-digit ZIP"),
        ({"zip_code": "ABCDE"}, "5-digit ZIP"),
        ({"setting": "Traffic stop"}, "Unknown setting"),
        ({"relationship": ""}, "Choose a relationship"),
        ({"kits": 0}, "at least 1"),
        ({"occurred_on": date(2026, 1, 16)}, "in the future"),
        ({"comment": "call her at 518-555-0134"}, "phone number"),
        ({"time_band": "Lunch"}, "Unknown time of day"),
    ],
)
def test_distribution_refuses_bad_fields_and_writes_nothing(
    services, agency: Agency, database, change, message
):
    receive_kits(services, agency.vehicle, 2)
    before = snapshot(database.sessions)
    with pytest.raises(ValidationError, match=message):
        services.distributions.record_distribution(entry(agency, **change))
    assert snapshot(database.sessions) == before


def test_zip_plus_four_and_labels_or_codes_are_accepted(services, agency: Agency):
    receive_kits(services, agency.vehicle, 2)
    row = services.distributions.record_distribution(
        entry(agency, zip_code="12866-1234", setting="reentry", time_band="Evening")
    )
    assert (row.zip_code, row.setting, row.time_band) == ("12866", "reentry", "evening")


def test_void_restores_stock_and_keeps_the_record_in_history(services, agency: Agency):
    receive_kits(services, agency.vehicle, 2)
    row = services.distributions.record_distribution(entry(agency, kits=2))
    assert kits_at(services, agency.vehicle) == 0
    voided = services.distributions.void_distribution(row.id, "Entered twice")
    assert kits_at(services, agency.vehicle) == 2
    assert voided.voided and voided.void_reason == "Entered twice"
    listed = services.distributions.list_distributions(date(2026, 1, 1), date(2026, 1, 31))
    assert [r.id for r in listed] == [row.id] and listed[0].voided
    summary = services.distributions.summary(date(2026, 1, 1), date(2026, 1, 31))
    assert (summary.distributions, summary.kits, summary.voided) == (0, 0, 1)
    with pytest.raises(ValidationError, match="already voided"):
        services.distributions.void_distribution(row.id, "again")


def test_void_needs_an_anonymous_reason(services, agency: Agency, database):
    receive_kits(services, agency.vehicle, 1)
    row = services.distributions.record_distribution(entry(agency))
    before = snapshot(database.sessions)
    for reason in ("", "   ", "wrong person, DOB 4/12/1988"):
        with pytest.raises(ValidationError):
            services.distributions.void_distribution(row.id, reason)
    assert snapshot(database.sessions) == before


def test_loose_administration_uses_naloxone_fefo_and_is_counted_apart(services, agency):
    services.stock.receive(
        agency.vehicle,
        [
            ReceiveLine(agency.narcan, "N-LATE", date(2028, 1, 31), 4),
            ReceiveLine(agency.teva, "T-EARLY", date(2026, 5, 31), 1),
        ],
    )
    row = services.distributions.record_administration(
        AdministrationEntry(date(2026, 1, 15), 2, agency.vehicle, zip_code="12866")
    )
    assert row.lots == "T-EARLY ×1, N-LATE ×1" and not row.from_kit
    assert doses_at(services, agency.vehicle) == 3
    summary = services.distributions.summary(date(2026, 1, 1), date(2026, 1, 31))
    assert (summary.administrations, summary.doses, summary.distributions) == (1, 2, 0)


def test_administration_from_a_kit_opens_it_and_the_rest_stays_loose(services, agency, database):
    services.stock.receive(agency.vehicle, [ReceiveLine(agency.narcan, "N1", date(2028, 1, 31), 4)])
    naloxone_lot = services.stock.find_lot(agency.narcan, "N1").id
    assemble_kits(services, agency.vehicle, 2, naloxone_lot)
    assert (kits_at(services, agency.vehicle), doses_at(services, agency.vehicle)) == (2, 0)
    row = services.distributions.record_administration(
        AdministrationEntry(date(2026, 1, 15), 1, agency.vehicle, from_kit=True)
    )
    assert row.from_kit and row.lots == "N1 ×1"
    # One kit was opened: it is no longer a kit, and its second dose is loose on the vehicle.
    assert (kits_at(services, agency.vehicle), doses_at(services, agency.vehicle)) == (1, 1)
    summary = services.distributions.summary(date(2026, 1, 1), date(2026, 1, 31))
    assert (summary.administrations_from_kits, summary.doses_from_kits) == (1, 1)
    services.distributions.void_administration(row.id, "Recorded on wrong vehicle")
    assert (kits_at(services, agency.vehicle), doses_at(services, agency.vehicle)) == (2, 0)
    with database.sessions() as s:
        assert check_ledger(s).ok


def test_administration_refuses_doses_the_place_does_not_hold(services, agency, database):
    before = snapshot(database.sessions)
    with pytest.raises(InsufficientStock, match="Patrol 12 holds naloxone for 0"):
        services.distributions.record_administration(
            AdministrationEntry(date(2026, 1, 14), 1, agency.vehicle)
        )
    receive_kits(services, agency.vehicle, 1)  # received pre-assembled: contents unknown
    before = snapshot(database.sessions)
    with pytest.raises(InsufficientStock, match="received ready-made"):
        services.distributions.record_administration(
            AdministrationEntry(date(2026, 1, 14), 1, agency.vehicle, from_kit=True)
        )
    assert snapshot(database.sessions) == before


def test_summary_and_monthly_counts_group_live_records(services, agency, clock):
    receive_kits(services, agency.vehicle, 10, days_ago=90)
    receive_kits(services, agency.vehicle2, 10, lot="K2", days_ago=90)
    record = services.distributions.record_distribution
    record(entry(agency, occurred_on=date(2025, 11, 3), kits=2))
    record(entry(agency, zip_code="12831", relationship="Bystander"))
    record(entry(agency, location_id=agency.vehicle2, setting="Mass gathering / community event",
                 kits=3, naloxone_administered=False))  # fmt: skip
    dropped = record(entry(agency, kits=4))
    services.distributions.void_distribution(dropped.id, "test entry")
    summary = services.distributions.summary(date(2025, 11, 1), date(2026, 1, 31))
    assert (summary.distributions, summary.kits, summary.voided) == (3, 6, 1)
    assert summary.encounters_with_naloxone == 2 and summary.services_offered == 3
    assert [(c.key, c.kits) for c in summary.by_zip] == [("12866", 5), ("12831", 1)]
    assert [c.label for c in summary.by_location] == [
        "Station 1 / Patrol 12",  # 3 kits in 2 distributions: ties go to more encounters
        "Station 1 / Patrol 14",
    ]
    assert {c.label: c.distributions for c in summary.by_relationship} == {
        "Family member": 2,
        "Bystander": 1,
    }
    months = services.distributions.monthly_counts(date(2025, 11, 1), date(2026, 1, 31))
    assert [(m.month, m.distributions, m.kits) for m in months] == [
        (date(2025, 11, 1), 1, 2),
        (date(2025, 12, 1), 0, 0),
        (date(2026, 1, 1), 2, 4),
    ]
    by_month = services.distributions.counts_by("month", date(2025, 11, 1), date(2026, 1, 31))
    assert [c.label for c in by_month] == ["Nov 2025", "Jan 2026"]


def test_issue_points_list_vehicles_first_with_usable_kits(services, agency):
    receive_kits(services, agency.vehicle, 3)
    receive_kits(services, agency.vehicle2, 2, lot="OLD", expiry=date(2025, 1, 31))
    points = services.distributions.list_issue_points()
    assert [p.path for p in points[:2]] == ["Station 1 / Patrol 12", "Station 1 / Patrol 14"]
    assert {p.path: p.kits for p in points}["Station 1 / Patrol 14"] == 0
    assert {p.path: p.kits for p in points}["Station 1 / Patrol 12"] == 3
    choices = services.distributions.list_kit_products(agency.vehicle)
    assert [(c.name, c.usable) for c in choices] == [("Standard LBN kit", 3)]
