"""Signing in from the roster, PINs, and roles enforced by the services themselves."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from models.common.actor import Role
from models.common.entities import Change
from models.common.errors import NotPermitted, ValidationError, WrongPin
from models.stock.entities import Operation, StockMove
from models.stock.rows import ReceiveLine
from models.training.entities import Person
from tests.conftest import Agency

EXP = date(2027, 6, 30)


def add_person(services, name: str, role: Role | None, pin: str | None = None) -> int:
    person = services.training.save_person(None, name)
    services.people.set_access(person.id, role, pin)
    return person.id


def test_without_roles_nobody_is_asked_and_the_station_user_is_quartermaster(services):
    assert services.people.sign_in_needed() is False
    assert services.actor.role is Role.QUARTERMASTER
    services.training.save_person(None, "Lt. Diaz")  # on the roster, but no app role
    assert services.people.sign_in_needed() is False


def test_a_responder_cannot_reverse_a_receipt_and_is_told_who_may(services, agency: Agency):
    receipt = services.stock.receive(agency.room, [ReceiveLine(agency.narcan, "A1", EXP, 10)])
    responder = add_person(services, "FF Jo Park", Role.RESPONDER)
    services.people.sign_in(responder)
    moves_before = count(services, StockMove)
    with pytest.raises(NotPermitted, match="Only a quartermaster may reverse"):
        services.stock.reverse(receipt.id, "wrong count")
    assert count(services, StockMove) == moves_before


def test_a_responder_may_record_but_not_change_par_levels(services, agency: Agency):
    add_person(services, "FF Jo Park", Role.RESPONDER)
    services.people.sign_in(services.people.list_choices()[0].person_id)
    with pytest.raises(NotPermitted, match="quartermaster"):
        services.catalog.set_par_level(agency.vehicle, agency.narcan, 2)
    with pytest.raises(NotPermitted, match="quartermaster or viewer may write a report"):
        services.reports.write_report("inventory", "x.pdf")


def test_a_viewer_may_not_record_a_distribution(services, agency: Agency):
    from models.distributions.rows import DistributionEntry

    viewer = add_person(services, "Clerk Amy", Role.VIEWER)
    services.people.sign_in(viewer)
    with pytest.raises(NotPermitted, match="quartermaster or responder may record"):
        services.distributions.record_distribution(
            DistributionEntry(date(2026, 1, 5), 1, agency.vehicle, "12866", "home", "self")
        )


def test_pin_is_stored_hashed_and_a_wrong_pin_changes_nobody(services):
    diaz = add_person(services, "Lt. Diaz", Role.QUARTERMASTER, pin="4711")
    with services.stock._sessions() as s:
        stored = s.get(Person, diaz).pin_hash
    assert stored.startswith("pbkdf2_sha256$") and "4711" not in stored
    with pytest.raises(WrongPin):
        services.people.sign_in(diaz, "1234")
    assert services.actor.name == "tester"
    services.people.sign_in(diaz, "4711")
    assert (services.actor.name, services.actor.role) == ("Lt. Diaz", Role.QUARTERMASTER)
    assert services.people.sign_in_needed() is True
    with pytest.raises(ValidationError, match="4 to 8 digits"):
        services.people.set_access(diaz, Role.QUARTERMASTER, "12ab")


def test_every_operation_records_the_person_and_the_station(services, agency: Agency):
    diaz = add_person(services, "Lt. Diaz", Role.QUARTERMASTER)
    services.actor.station = "Station 2"
    services.people.sign_in(diaz)
    services.stock.receive(agency.room, [ReceiveLine(agency.narcan, "A1", EXP, 10)])
    with services.stock._sessions() as s:
        op = s.scalars(select(Operation).order_by(Operation.id.desc())).first()
        change = s.scalars(select(Change).order_by(Change.id.desc())).first()
    assert (op.user, op.station) == ("Lt. Diaz", "Station 2")
    assert (change.person, change.station) == ("Lt. Diaz", "Station 2")
    assert "operation" in change.tables.split(",")


def count(services, entity) -> int:
    with services.stock._sessions() as s:
        return len(s.scalars(select(entity.id)).all())
