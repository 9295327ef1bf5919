"""Agency settings stored as JSON under a key, with defaults that live in code."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select
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


CACHE_KEY = "lbn_settings"


def read_setting(s: Session, key: str, default: Any = None) -> Any:
    stored = _stored_settings(s).get(key)
    if stored is None:
        return DEFAULTS.get(key) if default is None else default
    return json.loads(stored)


def _stored_settings(s: Session) -> dict[str, str]:
    """Every setting in one statement, once per session: over a network each read costs a trip."""
    cached: dict[str, str] | None = s.info.get(CACHE_KEY)
    if cached is None:
        cached = {key: value for key, value in s.execute(select(Setting.key, Setting.value))}
        s.info[CACHE_KEY] = cached
    return cached


def write_setting(s: Session, key: str, value: Any) -> None:
    encoded = json.dumps(value)
    s.info.pop(CACHE_KEY, None)
    row = s.get(Setting, key)
    if row is None:
        s.add(Setting(key=key, value=encoded))
    else:
        row.value = encoded


def agency_title(s: Session) -> str:
    """The agency's name as reports head it, or a neutral title before the wizard ran."""
    return str(read_setting(s, "agency_name") or "") or "Leave-Behind Naloxone program"
