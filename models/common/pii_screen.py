"""Refuses free text that looks like personal data: a name, phone, e-mail, birth date, address...

LBN records are anonymous by design: notes and labels are for the program, never for identifying
anyone. Every stored free text and every label that can leave in an export passes through
`screen_free_text`. The agency's own personnel may be named: the caller passes their names in
(`allowed_names`), since this module knows nothing of the training roster.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import cache

from models.common.errors import ValidationError
from models.common.limits import check_text

NAME = "a person's name"
Check = Callable[[str], bool]


@cache
def checks() -> tuple[tuple[str, Check], ...]:
    """The checks in the order their reasons are given; built on first use, not at start-up
    (the phone library, the patterns and the name lists take a few hundred ms to load)."""
    from models.common import pii_patterns as p
    from models.common.pii_phones import has_phone_number

    return (
        ("an e-mail address", lambda text: bool(p.EMAIL.search(text))),
        ("a Social Security number", lambda text: bool(p.SSN.search(text))),
        ("a phone number", has_phone_number),
        ("a date of birth", p.has_birth_date),
        ("an age", lambda text: bool(p.AGE.search(text))),
        ("a street address", lambda text: bool(p.ADDRESS.search(text))),
        ("a licence plate", p.has_plate),
        ("a case or incident number", lambda text: bool(p.RECORD_NUMBER.search(text))),
    )


def find_personal_data(text: str | None, allowed_names: Iterable[str] = ()) -> str | None:
    """What kind of identifier the text seems to hold, or None when it looks clean.

    `allowed_names` are people who may be named (the agency's personnel)."""
    from models.common.pii_names import names_in
    from models.common.pii_phones import normalise

    plain = normalise(text or "")
    for label, check in checks():
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
    check_text(cleaned, field)
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
