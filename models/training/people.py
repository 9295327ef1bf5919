"""Who is at the keyboard: signing in from the personnel roster, roles and PINs per person.

Knows the roster and the shared `Actor`; not where a station remembers its last sign-in.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, sessionmaker

from models.common.actor import Actor, Permission, Role, requires
from models.common.errors import NotFound, ValidationError, WrongPin
from models.common.pins import hash_pin, pin_matches
from models.training.entities import Person


@dataclass(frozen=True)
class PersonChoice:
    person_id: int
    name: str
    role: Role
    has_pin: bool


class PeopleService:
    def __init__(self, sessions: sessionmaker[Session], actor: Actor) -> None:
        self._sessions, self._actor = sessions, actor

    def sign_in_needed(self) -> bool:
        """True once anyone on the roster has an app role or a PIN; until then nothing changes."""
        with self._sessions() as s:
            found = s.scalar(
                select(Person.id)
                .where(
                    Person.active, or_(Person.app_role.is_not(None), Person.pin_hash.is_not(None))
                )
                .limit(1)
            )
        return found is not None

    def list_choices(self) -> list[PersonChoice]:
        """Active people who may sign in (those given an app role), by name."""
        with self._sessions() as s:
            people = s.scalars(
                select(Person)
                .where(Person.active, Person.app_role.is_not(None))
                .order_by(Person.name)
            ).all()
            return [
                PersonChoice(p.id, p.name, Role(p.app_role or Role.VIEWER), p.pin_hash is not None)
                for p in people
            ]

    def sign_in(self, person_id: int, pin: str = "", remembered: bool = False) -> Actor:
        """Make `person_id` the one acting here; refuses a wrong PIN, changing nothing.

        `remembered`: this station saw the PIN earlier in the same shift, so it is not asked again.
        """
        with self._sessions() as s:
            person = s.get(Person, person_id)
            if person is None or not person.active or person.app_role is None:
                raise NotFound("That person may not sign in here; ask the quartermaster.")
            if person.pin_hash and not remembered and not pin_matches(pin, person.pin_hash):
                raise WrongPin(f"Wrong PIN for {person.name}. Nothing changed.")
            self._actor.name, self._actor.role = person.name, Role(person.app_role)
            self._actor.person_id = person.id
        return self._actor

    def sign_in_as_station(self, name: str) -> Actor:
        """Nobody picked while roles exist: the station may only look (viewer)."""
        self._actor.name, self._actor.role, self._actor.person_id = name, Role.VIEWER, None
        return self._actor

    def access_of(self, person_id: int) -> tuple[Role | None, bool]:
        """A person's app role (None: may not sign in) and whether they have a PIN."""
        with self._sessions() as s:
            person = s.get(Person, person_id)
            if person is None:
                return None, False
            role = Role(person.app_role) if person.app_role else None
            return role, person.pin_hash is not None

    @requires(Permission.MANAGE, "give people roles or PINs")
    def set_access(self, person_id: int, role: Role | None, pin: str | None = None) -> None:
        """Give a person an app role (None: may not sign in); a PIN '' removes it, None keeps it."""
        if role is not None and role not in set(Role):
            raise ValidationError(f"'{role}' is not a role.")
        with self._sessions.begin() as s:
            person = s.get(Person, person_id)
            if person is None:
                raise NotFound(f"No person with id {person_id}.")
            person.app_role = None if role is None else Role(role).value
            if pin is not None:
                person.pin_hash = hash_pin(pin) if pin.strip() else None
