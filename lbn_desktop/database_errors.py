"""Database errors a person can act on, turned into one-line refusals; knows messages, not SQL.

SQLite and PostgreSQL word the same situation differently; both map to the same refusal here.
"""

from __future__ import annotations

from models.common.errors import DatabaseBusy, DatabaseDeadlock, DomainError, ValidationError


class DatabaseUnavailable(DomainError):
    """The disk is full, the file read-only or unreadable: nothing was saved."""


_REFUSALS: tuple[tuple[tuple[str, ...], type[DomainError], str], ...] = (
    (
        ("deadlock detected", "could not serialize access"),
        DatabaseDeadlock,
        "Two stations changed the same stock at the same moment and the database undid this "
        "change (a deadlock). Nothing was saved; please try again.",
    ),
    (
        ("database is locked",),
        DatabaseBusy,
        "The database is busy: another station or window is saving a large change. "
        "Nothing was saved; please try again in a moment.",
    ),
    (
        ("database or disk is full", "no space left on device", "disk full"),
        DatabaseUnavailable,
        "The disk holding the database is full. Nothing was saved; free some space and try again.",
    ),
    (
        ("readonly database", "read-only", "read only"),
        DatabaseUnavailable,
        "The database is read-only here: it can be checked and reported on, not changed. "
        "Nothing was saved.",
    ),
    (
        ("file is not a database", "database disk image is malformed"),
        DatabaseUnavailable,
        "The database file is damaged or not a database. Nothing was saved; restore a backup "
        "(Settings → Backup).",
    ),
    (
        ("within_limit", "lot_number_length", "value too long", "out of range"),
        ValidationError,
        "A quantity or lot number is beyond what this app allows; nothing was saved.",
    ),
)


def refusal_for(message: str) -> DomainError | None:
    """The refusal for a driver error message, or None when it is not one a person can act on."""
    text = message.lower()
    for signs, kind, wording in _REFUSALS:
        if any(sign in text for sign in signs):
            return kind(wording)
    return None
