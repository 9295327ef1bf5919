"""Refuses free text that looks like personal data: a name, phone, e-mail, birth date, address...

LBN records are anonymous by design: notes and labels are for the program, never for identifying
anyone. Every stored free text and every label that can leave in an export passes through
`screen_free_text`. The agency's own personnel may be named: the caller passes their names in
(`allowed_names`), since this module knows nothing of the training roster.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from models.common.errors import ValidationError
from models.common.pii_names import names_in
from models.common.pii_patterns import (
    ADDRESS,
    AGE,
    EMAIL,
    RECORD_NUMBER,
    SSN,
    has_birth_date,
    has_plate,
)
from models.common.pii_phones import has_phone_number, normalise

NAME = "a person's name"


def _matches(pattern: re.Pattern[str]) -> Callable[[str], bool]:
    return lambda text: bool(pattern.search(text))


CHECKS: list[tuple[str, Callable[[str], bool]]] = [
    ("an e-mail address", _matches(EMAIL)),
    ("a Social Security number", _matches(SSN)),
    ("a phone number", has_phone_number),
    ("a date of birth", has_birth_date),
    ("an age", _matches(AGE)),
    ("a street address", _matches(ADDRESS)),
    ("a licence plate", has_plate),
    ("a case or incident number", _matches(RECORD_NUMBER)),
]


def find_personal_data(text: str | None, allowed_names: Iterable[str] = ()) -> str | None:
    """What kind of identifier the text seems to hold, or None when it looks clean.

    `allowed_names` are people who may be named (the agency's personnel)."""
    plain = normalise(text or "")
    for label, check in CHECKS:
        if check(plain):
            return label
    return NAME if names_in(plain, allowed_names) else None


def refusal_message(field: str, found: str) -> str:
    """The words a person reads when a text is refused."""
    if found == NAME:
        return (
            f"{field} looks like it contains a person's name. LBN records are anonymous: "
            "write what happened, not who (names of your own personnel on the training roster "
            "are fine)."
        )
    return (
        f"{field} looks like it contains {found}. LBN records are anonymous: "
        "leave out anything that could identify a person."
    )


def screen_free_text(
    text: str | None, field: str = "The comment", allowed_names: Iterable[str] = ()
) -> str | None:
    """Return the trimmed text (None if empty) or refuse it, saying why."""
    cleaned = (text or "").strip()
    if not cleaned:
        return None
    found = find_personal_data(cleaned, allowed_names)
    if found:
        raise ValidationError(refusal_message(field, found))
    return cleaned


def screen_label(text: str, field: str = "The name") -> str:
    """A label that must not be empty (a category, a place name) and must identify no one."""
    cleaned = screen_free_text(text, field)
    if cleaned is None:
        raise ValidationError(f"{field} cannot be empty.")
    return cleaned
