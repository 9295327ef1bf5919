"""Agency settings stored as JSON under a key, with defaults that live in code."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from models.common.actor import Actor, Permission, requires
from models.common.entities import Setting

DEFAULTS: dict[str, Any] = {
    "agency_name": "",
    "agency_address": "",
    "first_run_done": False,
    # Expiry colour bands in days: expired / <= first / <= second.
    "expiry_bands": [30, 90],
}


class SettingsService:
    def __init__(self, sessions: sessionmaker[Session], actor: Actor) -> None:
        self._sessions, self._actor = sessions, actor

    def get(self, key: str, default: Any = None) -> Any:
        with self._sessions() as s:
            return read_setting(s, key, default)

    @requires(Permission.MANAGE, "change settings")
    def set(self, key: str, value: Any) -> None:
        with self._sessions.begin() as s:
            write_setting(s, key, value)

    @requires(Permission.MANAGE, "change settings")
    def set_many(self, values: dict[str, Any]) -> None:
        """Several settings in one transaction (a settings form saved at once)."""
        with self._sessions.begin() as s:
            for key, value in values.items():
                write_setting(s, key, value)

    def agency_name(self) -> str:
        return str(self.get("agency_name") or "")


def read_setting(s: Session, key: str, default: Any = None) -> Any:
    row = s.get(Setting, key)
    if row is None:
        return DEFAULTS.get(key) if default is None else default
    return json.loads(row.value)


def write_setting(s: Session, key: str, value: Any) -> None:
    encoded = json.dumps(value)
    row = s.get(Setting, key)
    if row is None:
        s.add(Setting(key=key, value=encoded))
    else:
        row.value = encoded


def agency_title(s: Session) -> str:
    """The agency's name as reports head it, or a neutral title before the wizard ran."""
    return str(read_setting(s, "agency_name") or "") or "Leave-Behind Naloxone program"
