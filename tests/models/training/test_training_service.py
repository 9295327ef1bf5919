"""Roster, sessions and feedback against a real SQLite file: dates, refusals, nothing written."""

from __future__ import annotations

from datetime import date

import pytest

from models.common.errors import ValidationError
from models.training.elements import ELEMENT_CODES, OD_ELEMENT, SessionKind
from models.training.rows import Status
from tests.snapshot import snapshot

LBN_ONLY = [c for c in ELEMENT_CODES if c != OD_ELEMENT]


def _person(services, name="Dana Reyes", badge="1001", **values):
    return services.training.save_person(None, name, badge, **values)


def test_adding_a_person_keeps_station_role_and_dates(services, agency) -> None:
    row = _person(
        services,
        station_id=agency.station,
        unit="  B   platoon ",
        role="Officer",
        lbn_trained_on=date(2025, 6, 1),
        od_trained_on=date(2025, 3, 1),
    )
    assert row.station_name == "Station 1"
    assert row.unit == "B platoon"
    assert row.due_on == date(2026, 3, 1)  # the overdose training lapses first
    assert row.status == Status.CURRENT
    assert services.training.get_person(row.id) == row


@pytest.mark.parametrize(
    ("name", "badge", "message"),
    [
        ("   ", "2002", "name is required"),
        ("Sam Ortiz", " a-1001 ", "already belongs to Dana Reyes"),
        ("x" * 121, None, "longer than 120"),
    ],
)
def test_roster_refusals_write_nothing(services, database, name, badge, message) -> None:
    _person(services, badge="A-1001")
    before = snapshot(database.sessions)
    with pytest.raises(ValidationError, match=message):
        services.training.save_person(None, name, badge)
    assert snapshot(database.sessions) == before


def test_a_person_belongs_to_a_station_not_a_vehicle(services, database, agency) -> None:
    before = snapshot(database.sessions)
    with pytest.raises(ValidationError, match="Choose a station"):
        _person(services, station_id=agency.vehicle)
    assert snapshot(database.sessions) == before


def test_training_dates_in_the_future_are_refused(services, database) -> None:
    with pytest.raises(ValidationError, match="in the future"):
        _person(services, lbn_trained_on=date(2026, 1, 16))
    assert services.training.list_personnel() == []


def test_editing_a_person_keeps_own_badge(services) -> None:
    row = _person(services)
    edited = services.training.save_person(row.id, "Dana Reyes-Park", "1001", active=False)
    assert (edited.name, edited.status) == ("Dana Reyes-Park", Status.INACTIVE)
    assert len(services.training.list_personnel()) == 1


def test_recording_a_roll_call_sets_both_dates_when_overdose_training_was_covered(
    services,
) -> None:
    a, b = _person(services), _person(services, "Sam Ortiz", "1002")
    session = services.training.record_session(
        date(2026, 1, 10), SessionKind.LBN_ROLL_CALL, ELEMENT_CODES, "Sgt. Lee", [a.id, b.id], 3
    )
    assert session.total_attendees == 5
    assert session.attendee_labels == ("Dana Reyes (1001)", "Sam Ortiz (1002)")
    for person in services.training.list_personnel():
        assert (person.lbn_trained_on, person.od_trained_on) == (date(2026, 1, 10),) * 2
        assert person.sessions_attended == 1


def test_which_session_types_count_for_which_date(services) -> None:
    p = _person(services)
    record = services.training.record_session
    record(date(2025, 1, 5), SessionKind.LBN_ROLL_CALL, LBN_ONLY, None, [p.id])
    assert services.training.get_person(p.id).od_trained_on is None
    record(date(2025, 2, 5), SessionKind.OD_NALOXONE, [OD_ELEMENT], None, [p.id])
    record(date(2025, 3, 5), SessionKind.OTHER, [], None, [p.id])
    row = services.training.get_person(p.id)
    assert (row.lbn_trained_on, row.od_trained_on) == (date(2025, 1, 5), date(2025, 2, 5))
    record(date(2025, 4, 5), SessionKind.REFRESHER, LBN_ONLY, None, [p.id])
    row = services.training.get_person(p.id)
    assert (row.lbn_trained_on, row.od_trained_on) == (date(2025, 4, 5), date(2025, 2, 5))


def test_recording_an_older_session_never_moves_a_date_backwards(services) -> None:
    p = _person(services, lbn_trained_on=date(2025, 11, 1))
    services.training.record_session(
        date(2025, 5, 1), SessionKind.LBN_ROLL_CALL, ELEMENT_CODES, None, [p.id]
    )
    row = services.training.get_person(p.id)
    assert (row.lbn_trained_on, row.od_trained_on) == (date(2025, 11, 1), date(2025, 5, 1))


@pytest.mark.parametrize(
    ("held_on", "kind", "elements", "people", "headcount", "notes", "message"),
    [
        (date(2026, 1, 16), "refresher", LBN_ONLY, True, 0, None, "in the future"),
        (date(2026, 1, 2), "lbn_roll_call", [], True, 0, None, "Tick the elements"),
        (date(2026, 1, 2), "lbn_roll_call", ["magic"], True, 0, None, "Unknown training"),
        (date(2026, 1, 2), "seminar", LBN_ONLY, True, 0, None, "Unknown session type"),
        (date(2026, 1, 2), "refresher", LBN_ONLY, False, 0, None, "Tick the attendees"),
        (date(2026, 1, 2), "refresher", LBN_ONLY, True, -1, None, "between 0"),
        (date(2026, 1, 2), "refresher", LBN_ONLY, True, 0, "call 518-555-0101", "phone"),
    ],
)
def test_session_refusals_write_nothing_and_move_no_date(
    services, database, held_on, kind, elements, people, headcount, notes, message
) -> None:
    p = _person(services)
    before = snapshot(database.sessions)
    with pytest.raises(ValidationError, match=message):
        services.training.record_session(
            held_on, kind, elements, "Sgt. Lee", [p.id] if people else [], headcount, notes
        )
    assert snapshot(database.sessions) == before


def test_outside_attendees_alone_make_a_session(services) -> None:
    row = services.training.record_session(
        date(2026, 1, 3), SessionKind.OTHER, [], "County health dept.", [], 12, "Partner briefing"
    )
    assert (row.total_attendees, row.kind_label) == (12, "Other")


def test_updating_a_session_adds_a_forgotten_attendee(services) -> None:
    a, b = _person(services), _person(services, "Sam Ortiz", "1002")
    session = services.training.record_session(
        date(2025, 12, 1), SessionKind.REFRESHER, LBN_ONLY, "Sgt. Lee", [a.id]
    )
    updated = services.training.update_session(session.id, LBN_ONLY, "Sgt. Lee", [a.id, b.id], 0)
    assert updated.attendee_ids == tuple(sorted((a.id, b.id)))
    assert services.training.get_person(b.id).lbn_trained_on == date(2025, 12, 1)
    assert len(services.training.list_sessions()) == 1


def test_feedback_is_logged_with_source_and_category(services) -> None:
    row = services.training.add_feedback(
        date(2026, 1, 12), "personnel", "success", "  Family member used the kit the next week. "
    )
    assert (row.text, row.source_label, row.category_label) == (
        "Family member used the kit the next week.",
        "Personnel",
        "Success story",
    )
    assert services.training.list_feedback(category="success") == [row]
    assert services.training.list_feedback(category="challenge") == []


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Called back at 518-555-0199 to thank us", "phone number"),
        ("Met her at 12 Elm Street after the call", "street address"),
        ("Recipient email jo@example.org asked for more", "e-mail"),
        ("DOB 04/12/1990 said thanks", "date of birth"),
        ("   ", "feedback is empty"),
    ],
)
def test_feedback_screen_refuses_personal_data_and_writes_nothing(
    services, database, text, message
) -> None:
    before = snapshot(database.sessions)
    with pytest.raises(ValidationError, match=message):
        services.training.add_feedback(date(2026, 1, 12), "recipient", "success", text)
    assert snapshot(database.sessions) == before


def test_feedback_refuses_unknown_category_and_future_date(services) -> None:
    with pytest.raises(ValidationError, match="category"):
        services.training.add_feedback(date(2026, 1, 12), "partner", "rumour", "Fine")
    with pytest.raises(ValidationError, match="future"):
        services.training.add_feedback(date(2026, 2, 1), "partner", "challenge", "Fine")
    assert services.training.list_feedback() == []


def test_feedback_can_be_deleted(services) -> None:
    row = services.training.add_feedback(date(2026, 1, 2), "partner", "suggestion", "More cards")
    services.training.delete_feedback(row.id)
    assert services.training.list_feedback() == []
