"""An entry posted twice (a station's outbox after a lost confirmation) is recorded once.

The first post stored the station's key with its record. A second post of the same key is
refused by the unique key, or earlier by a check (its kits are gone by then); either way the
record the key names is found and the entry counts as done. Knows the records, not the outbox.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from models.common.errors import DomainError
from models.distributions.entities import Administration, Distribution

Record = TypeVar("Record", Distribution, Administration)
Row = TypeVar("Row")


def once_per_key(
    sessions: sessionmaker[Session],
    kind: type[Record],
    key: str | None,
    record: Callable[[], Row],
    row_of: Callable[[Session, Record], Row],
) -> Row:
    """`record()`, or, if it fails and `key` is already recorded, that record's row."""
    try:
        return record()
    except (DomainError, IntegrityError) as failed:
        if key is None:
            raise
        with sessions() as s:
            done = s.scalar(select(kind).where(kind.entry_key == key))
            if done is None:
                raise failed from None
            return row_of(s, done)
