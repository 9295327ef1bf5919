"""Who is acting and what their role allows: recorded with every write, checked before it.

One `Actor` is shared by all services of a session, so the UI never passes a user into a write;
when another person takes the keyboard, the composition root changes it in one place. Knows
roles and permissions, not the roster or the database.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Protocol, TypeVar, cast

from models.common.errors import NotPermitted


class Role(StrEnum):
    QUARTERMASTER = "quartermaster"
    RESPONDER = "responder"
    VIEWER = "viewer"

    @property
    def label(self) -> str:
        return self.value.capitalize()


class Permission(StrEnum):
    """What a use case needs; each maps to the roles that may do it."""

    MANAGE = "manage"  # receipts, reversals, settings, kits, reorders: the quartermaster's work
    RECORD = "record"  # quick entry, administrations, vehicle checks: responders too
    REPORT = "report"  # reports and exports: viewers too

    @property
    def roles(self) -> tuple[Role, ...]:
        return ALLOWED[self]


ALLOWED: dict[Permission, tuple[Role, ...]] = {
    Permission.MANAGE: (Role.QUARTERMASTER,),
    Permission.RECORD: (Role.QUARTERMASTER, Role.RESPONDER),
    Permission.REPORT: (Role.QUARTERMASTER, Role.VIEWER),
}


def _nobody() -> Iterable[str]:
    return ()


@dataclass
class Actor:
    name: str
    station: str = ""
    role: Role = Role.QUARTERMASTER
    person_id: int | None = None
    # The agency's personnel, who may be named in notes (wired to the training roster in
    # models/services.py, since the features below training cannot ask it themselves).
    personnel: Callable[[], Iterable[str]] = field(default=_nobody, repr=False)

    def require(self, permission: Permission, action: str) -> None:
        """Refuse, naming who may, when this person's role does not allow `action`."""
        if self.role in permission.roles:
            return
        allowed = " or ".join(role.value for role in permission.roles)
        raise NotPermitted(
            f"Only a {allowed} may {action}. {self.name or 'This station'} is signed in as "
            f"{self.role.value}; ask a {allowed}, or sign in as one (Change person)."
        )


class HasActor(Protocol):
    _actor: Actor


F = TypeVar("F", bound=Callable[..., Any])


def requires(permission: Permission, action: str) -> Callable[[F], F]:
    """Decorate a service method so the acting person's role is checked before anything runs."""

    def decorate(method: F) -> F:
        @functools.wraps(method)
        def guarded(self: HasActor, *args: Any, **kwargs: Any) -> Any:
            self._actor.require(permission, action)
            return method(self, *args, **kwargs)

        return cast(F, guarded)

    return decorate
