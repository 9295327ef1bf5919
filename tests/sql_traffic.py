"""Counting what a piece of work sends to the database: statements and transactions."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from sqlalchemy import event

CONTROL = ("BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE")


@dataclass
class Traffic:
    statements: list[str] = field(default_factory=list)
    transactions: int = 0


@contextmanager
def traffic(database) -> Iterator[Traffic]:
    """Statements sent (transaction control left out) and transactions begun meanwhile."""
    seen = Traffic()

    def statement(_conn, _cursor, sql: str, *_rest: object) -> None:
        if not sql.lstrip().upper().startswith(CONTROL):
            seen.statements.append(sql)

    def begun(_conn: object) -> None:
        seen.transactions += 1

    event.listen(database.engine, "before_cursor_execute", statement)
    event.listen(database.engine, "begin", begun)
    try:
        yield seen
    finally:
        event.remove(database.engine, "before_cursor_execute", statement)
        event.remove(database.engine, "begin", begun)
