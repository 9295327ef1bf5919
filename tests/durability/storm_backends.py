"""What a killed worker may leave behind on each backend, and how the storm sees into it.

SQLite: a damaged file or a half-written backup or restore (checked after the app's next open,
which rolls back a half-done write and clears those files). PostgreSQL: the killed worker's
session, a transaction left idle or a lock still held on the server (`pg_stat_activity`,
`pg_locks`), which would block the next worker.
"""

from __future__ import annotations

import time
from pathlib import Path

from sqlalchemy import Engine, text
from sqlalchemy.engine import make_url

from lbn_desktop.backup import integrity_problem
from lbn_desktop.database import Database, open_database, sqlite_url

SESSION_GRACE_SECONDS = 10.0  # how long a killed worker's session may take to end


class SqliteBackend:
    name = "SQLite"
    longest_wait = None  # no sessions to outlive a process

    def __init__(self, path: Path) -> None:
        self.path = path
        self.url = sqlite_url(path)

    def url_for(self, station: str) -> str:
        return self.url

    def open(self) -> Database:
        return open_database(self.url, migrate=False)

    def inside_transaction(self, station: str) -> bool | None:
        return None  # SQLite does not say from outside

    def until_inside_transaction(self, station: str, deadline: float) -> None:
        return None

    def leftovers(self, station: str) -> list[str]:
        # As the app starts: a half-done write is rolled back, a killed backup's files go.
        self.open().dispose()
        problem = integrity_problem(self.path)
        if problem:
            return [f"the file is damaged: {problem}"]
        folder = self.path.parent
        return [str(p) for p in [*folder.glob("*.restore-part*"), *folder.glob("backups/*.part*")]]


class PostgresBackend:
    """A database on the server; `server` is a connection to the server's maintenance database
    (not to this one, which stays free to be copied)."""

    name = "PostgreSQL"

    def __init__(self, url: str, server: Engine) -> None:
        self.url = url
        self._database = make_url(url).database
        self._server = server
        self.longest_wait: float | None = 0.0  # for a killed worker's session to end

    def url_for(self, station: str) -> str:
        named = make_url(self.url).update_query_dict({"application_name": station})
        return named.render_as_string(hide_password=False)

    def open(self) -> Database:
        return open_database(self.url, migrate=False)

    def inside_transaction(self, station: str) -> bool | None:
        return bool(self._count(OPEN_TRANSACTIONS, station))

    def until_inside_transaction(self, station: str, deadline: float) -> None:
        """Returns once `station` has a transaction open, or at `deadline` (time.monotonic)."""
        while not self.inside_transaction(station) and time.monotonic() < deadline:
            time.sleep(0.002)

    def leftovers(self, station: str) -> list[str]:
        killed_at = time.monotonic()
        deadline = killed_at + SESSION_GRACE_SECONDS
        while self._count(SESSIONS, station) and time.monotonic() < deadline:
            time.sleep(0.01)
        self.longest_wait = max(self.longest_wait or 0.0, time.monotonic() - killed_at)
        problems = []
        if self._count(SESSIONS, station):
            problems.append(f"{station}'s session outlived it by {SESSION_GRACE_SECONDS:.0f} s")
        if idle := self._count(IDLE_IN_TRANSACTION, station):
            problems.append(f"{idle} session(s) idle in a transaction after {station}")
        if locks := self._count(LOCKS, station):
            problems.append(f"{locks} lock(s) held after {station}")
        return problems

    def _count(self, query: str, station: str) -> int:
        with self._server.connect() as connection:
            found = connection.execute(text(query), {"db": self._database, "station": station})
            return int(found.scalar_one())


SESSIONS = """SELECT count(*) FROM pg_stat_activity
WHERE datname = :db AND application_name = :station"""
OPEN_TRANSACTIONS = SESSIONS + " AND xact_start IS NOT NULL"
IDLE_IN_TRANSACTION = """SELECT count(*) FROM pg_stat_activity
WHERE datname = :db AND state LIKE 'idle in transaction%'"""
LOCKS = """SELECT count(*) FROM pg_locks l JOIN pg_database d ON d.oid = l.database
WHERE d.datname = :db AND l.pid <> pg_backend_pid()"""
