"""Agency settings stored as JSON under a key; each key is typed, with its default and its check.

A feature that keeps a setting of its own declares a `SettingKey` beside its rules (reorder
parameters, alert rules, training policy...). The agency's own settings are declared here, and
`SettingsService` validates them, so a screen never decides what a valid value is.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from sqlalchemy.orm import Session, sessionmaker

from models.common.entities import Setting
from models.common.errors import ValidationError

T = TypeVar("T")


@dataclass(frozen=True)
class SettingKey(Generic[T]):
    """A setting: its stored name, the value when unset, how a stored value is read (falling
    back to the default when unreadable) and how a new value is checked before it is stored."""

    name: str
    default: T
    read: Callable[[Any], T]
    check: Callable[[T], T] = lambda value: value


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def as_json(value: Any) -> Any:
    """A stored structure handed to the feature that owns it (which checks its shape)."""
    return value


def _name(value: str) -> str:
    cleaned = " ".join((value or "").split())
    if not cleaned:
        raise ValidationError("Give the agency's name (it heads every report).")
    if len(cleaned) > 200:
        raise ValidationError("The agency's name can be at most 200 characters.")
    return cleaned


def _line(label: str) -> Callable[[str], str]:
    def check(value: str) -> str:
        cleaned = " ".join((value or "").split())
        if len(cleaned) > 200:
            raise ValidationError(f"The {label} can be at most 200 characters.")
        return cleaned

    return check


def _address(value: str) -> str:
    cleaned = (value or "").strip()
    if len(cleaned) > 500:
        raise ValidationError("The agency's address can be at most 500 characters.")
    return cleaned


def normalise_bands(value: object) -> tuple[int, int]:
    """Stored expiry bands as two increasing whole numbers; the defaults when unreadable."""
    if isinstance(value, list | tuple) and len(value) == 2:
        first, second = value
        if (
            all(isinstance(v, int) and not isinstance(v, bool) for v in (first, second))
            and 0 < first < second
        ):
            return (first, second)
    return DEFAULT_BANDS


def check_bands(bands: tuple[int, int]) -> tuple[int, int]:
    """Refuse bands that cannot colour anything sensibly."""
    first, second = bands
    if not 1 <= first < second:
        raise ValidationError(
            "The first expiry band must be at least 1 day and shorter than the second "
            f"(got {first} and {second} days)."
        )
    if second > 3650:
        raise ValidationError("The second expiry band can be at most 3650 days (10 years).")
    return (first, second)


DEFAULT_BANDS = (30, 90)  # expiry colour bands in days: expired / <= first / <= second
as_text = _text
AGENCY_NAME = SettingKey("agency_name", "", _text, _name)
AGENCY_ADDRESS = SettingKey("agency_address", "", _text, _address)
AGENCY_PHONE = SettingKey("agency_phone", "", _text, _line("agency's phone"))
AGENCY_EMAIL = SettingKey("agency_email", "", _text, _line("agency's e-mail"))
PROGRAM_DIRECTOR = SettingKey("program_director", "", _text, _line("program director"))
CLINICAL_DIRECTOR = SettingKey("clinical_director", "", _text, _line("clinical director"))
FIRST_RUN_DONE = SettingKey("first_run_done", False, bool)
EXPIRY_BANDS = SettingKey("expiry_bands", DEFAULT_BANDS, normalise_bands, check_bands)


@dataclass(frozen=True)
class AgencyProfile:
    """What Settings → Agency edits: who the agency is and how expiry is coloured."""

    name: str
    address: str = ""
    phone: str = ""
    email: str = ""
    program_director: str = ""
    clinical_director: str = ""
    bands: tuple[int, int] = DEFAULT_BANDS


_PROFILE_KEYS: dict[str, SettingKey[Any]] = {
    "name": AGENCY_NAME,
    "address": AGENCY_ADDRESS,
    "phone": AGENCY_PHONE,
    "email": AGENCY_EMAIL,
    "program_director": PROGRAM_DIRECTOR,
    "clinical_director": CLINICAL_DIRECTOR,
    "bands": EXPIRY_BANDS,
}


class SettingsService:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def get(self, key: SettingKey[T]) -> T:
        with self._sessions() as s:
            return read_setting(s, key)

    def set(self, key: SettingKey[T], value: T) -> T:
        """Check and store one setting; a refused value changes nothing."""
        with self._sessions.begin() as s:
            return write_setting(s, key, value)

    def agency_profile(self) -> AgencyProfile:
        with self._sessions() as s:
            return AgencyProfile(
                **{field: read_setting(s, key) for field, key in _PROFILE_KEYS.items()}
            )

    def save_agency(self, profile: AgencyProfile) -> AgencyProfile:
        """The agency form, checked and saved in one transaction; a refusal saves nothing."""
        with self._sessions.begin() as s:
            return AgencyProfile(
                **{
                    field: write_setting(s, key, getattr(profile, field))
                    for field, key in _PROFILE_KEYS.items()
                }
            )

    def agency_name(self) -> str:
        return self.get(AGENCY_NAME)


def read_setting(s: Session, key: SettingKey[T]) -> T:
    row = s.get(Setting, key.name)
    if row is None:
        return key.default
    try:
        return key.read(json.loads(row.value))
    except (ValueError, TypeError):
        return key.default


def write_setting(s: Session, key: SettingKey[T], value: T) -> T:
    checked = key.check(value)
    encoded = json.dumps(checked)
    row = s.get(Setting, key.name)
    if row is None:
        s.add(Setting(key=key.name, value=encoded))
    else:
        row.value = encoded
    return checked


def agency_title(s: Session) -> str:
    """The agency's name as reports head it, or a neutral title before the wizard ran."""
    return read_setting(s, AGENCY_NAME) or "Leave-Behind Naloxone program"
