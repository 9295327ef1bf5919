"""Cheap ways to learn that another connection committed something: LISTEN or data_version.

Knows database drivers (psycopg, sqlite3); nothing about screens. `changed()` raises when the
server cannot be reached, and reconnects on the next call.
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from sqlalchemy.engine import make_url

from lbn_desktop.journal import CHANNEL

if TYPE_CHECKING:  # psycopg loads when a station watches a server, not on a SQLite PC
    import psycopg

RETRY_S = 5.0


class ChangeWatch(Protocol):
    def changed(self) -> bool: ...

    def close(self) -> None: ...


class SqliteWatch:
    """`PRAGMA data_version` moves when another connection commits; it costs microseconds."""

    def __init__(self, path: Path) -> None:
        self._connection = sqlite3.connect(path, check_same_thread=False)
        self._last = self._version()

    def _version(self) -> int:
        return int(self._connection.execute("PRAGMA data_version").fetchone()[0])

    def changed(self) -> bool:
        version = self._version()
        moved, self._last = version != self._last, version
        return moved

    def close(self) -> None:
        self._connection.close()


class PostgresWatch:
    """A LISTEN connection of its own; pending notifications are read without a query."""

    def __init__(self, url: str, connect_timeout: int = 3) -> None:
        parsed = make_url(url).set(drivername="postgresql")
        self._conninfo = parsed.render_as_string(hide_password=False)
        self._timeout = connect_timeout
        self._connection: psycopg.Connection[tuple[object, ...]] | None = None
        self._next_try = 0.0

    def _connect(self) -> psycopg.Connection[tuple[object, ...]]:
        import psycopg

        connection = psycopg.connect(self._conninfo, autocommit=True, connect_timeout=self._timeout)
        connection.execute(f"LISTEN {CHANNEL}")
        return connection

    def changed(self) -> bool:
        if self._connection is None or self._connection.closed:
            if time.monotonic() < self._next_try:  # out of reach: try again every few seconds
                raise ConnectionError("still out of reach")
            self._next_try = time.monotonic() + RETRY_S
            self._connection = self._connect()
            return True  # whatever happened while away is unknown
        import psycopg

        try:
            return any(True for _ in self._connection.notifies(timeout=0))
        except psycopg.Error:
            self.close()
            raise

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None


def watch_for(url: str) -> ChangeWatch:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return SqliteWatch(Path(parsed.database or ""))
    return PostgresWatch(url)
