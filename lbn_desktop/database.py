"""Opening the database: SQLite pragmas or a PostgreSQL URL, backup, then Alembic upgrade.

The only place that knows which database engine is in use.
"""

from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.engine import ExceptionContext, make_url
from sqlalchemy.engine.interfaces import DBAPIConnection
from sqlalchemy.exc import DisconnectionError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import ConnectionPoolEntry

from lbn_desktop import config
from lbn_desktop.backup import backup_before_migration
from lbn_desktop.database_errors import refusal_for
from lbn_desktop.database_file import (
    DatabaseRefused,
    check_sqlite_file,
    read_only_uri,
    remove_leftovers,
)
from lbn_desktop.file_location import CONNECT_TIMEOUT_S
from lbn_desktop.journal import install_journal
from lbn_desktop.pg_round_trips import AUTOCOMMIT, send_begin_with_first_statement
from models.common.actor import Actor
from models.common.errors import DomainError
from models.migrations.config import alembic_config, shipped_revisions

log = logging.getLogger(__name__)
BUSY_TIMEOUT_MS = 15_000


class DatabaseTooNew(DomainError):
    """The database was written by a newer version of the app."""


@dataclass
class Database:
    url: str
    engine: Engine
    sessions: sessionmaker[Session]

    @property
    def sqlite_path(self) -> Path | None:
        return sqlite_file(self.url)

    def dispose(self) -> None:
        self.engine.dispose()


def sqlite_file(url: str) -> Path | None:
    """The file of a SQLite URL; None for PostgreSQL or an in-memory database."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        return Path(parsed.database or "")
    return None


def sqlite_url(path: Path) -> str:
    return config.sqlite_url(path)


def create_db_engine(url: str, *, read_only: bool = False) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:" and not read_only:
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = _sqlite_engine(url, read_only)
    else:
        # A station must notice quickly that the server is out of reach (offline banner, outbox).
        engine = create_engine(url, connect_args=PG_CONNECT_ARGS, isolation_level=AUTOCOMMIT)
        send_begin_with_first_statement(engine)  # BEGIN and COMMIT cost no round trip of their own
        _ping_when_idle(engine)
    event.listen(engine, "handle_error", _error_as_refusal)
    return engine


PG_CONNECT_ARGS = {
    "connect_timeout": CONNECT_TIMEOUT_S,
    "keepalives": 1,
    "keepalives_idle": 10,
    "keepalives_interval": 5,
    "keepalives_count": 3,
    # Short reads, not analytics: compiling a plan (JIT) costs more than running it (0.2 s).
    "options": "-c jit=off",
}
IDLE_PING_S = 30.0


def _ping_when_idle(engine: Engine) -> None:
    """Check a pooled connection before use only if it sat idle: a ping on every checkout would
    cost a network round trip per use case (pool_pre_ping), most of a save's time at 20 ms."""

    def on_checkin(_dbapi: object, record: ConnectionPoolEntry) -> None:
        record.info["idle_since"] = time.monotonic()

    def on_checkout(dbapi: DBAPIConnection, record: ConnectionPoolEntry, _proxy: object) -> None:
        idle_since = record.info.get("idle_since")
        if idle_since is not None and time.monotonic() - idle_since < IDLE_PING_S:
            return
        try:
            engine.dialect.do_ping(dbapi)
        except Exception as gone:  # the pool retries with a fresh connection
            raise DisconnectionError(str(gone)) from gone

    event.listen(engine, "checkin", on_checkin)
    event.listen(engine, "checkout", on_checkout)


def _sqlite_engine(url: str, read_only: bool) -> Engine:
    if read_only:
        uri = read_only_uri(Path(make_url(url).database or ""))

        def connect() -> sqlite3.Connection:
            timeout = BUSY_TIMEOUT_MS / 1000
            return sqlite3.connect(uri, uri=True, timeout=timeout, isolation_level=None)

        engine = create_engine("sqlite://", creator=connect)
        event.listen(engine, "connect", _sqlite_read_pragmas)
    else:
        options = {"timeout": BUSY_TIMEOUT_MS / 1000, "isolation_level": None}
        engine = create_engine(url, connect_args=options)
        event.listen(engine, "connect", _sqlite_pragmas)
    event.listen(engine, "begin", _sqlite_begin)
    return engine


def _error_as_refusal(context: ExceptionContext) -> DomainError | None:
    """Errors a person can act on become one clear line (a refusal), never a traceback."""
    return refusal_for(str(context.original_exception))


def _sqlite_read_pragmas(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    dbapi_connection.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")


def _sqlite_pragmas(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.close()


def _sqlite_begin(connection: Connection) -> None:
    # Writes take the write lock up front: a deferred transaction that later writes can fail at
    # once with "database is locked" when another station committed in between. Reads stay
    # deferred so they never wait for, or block, a writer.
    writer = connection.get_execution_options().get(WRITER_OPTION)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if writer else "BEGIN")


WRITER_OPTION = "lbn_writer"


class Sessions(sessionmaker[Session]):
    """`sessions()` opens a read session; `sessions.begin()` a write transaction.

    Services already follow that convention (style guide), so the write lock is taken exactly
    where a use case writes, and a read inside a write never waits for itself.
    """

    def __init__(self, engine: Engine, actor: Actor | None = None) -> None:
        super().__init__(engine, expire_on_commit=False)
        self._writer = engine.execution_options(**{WRITER_OPTION: True})
        self.actor = actor or Actor("unknown")  # shared with the services (Services.build)
        install_journal(self, self.actor)
        _keep_loaded_objects(self)

    @contextmanager
    def begin(self) -> Iterator[Session]:
        with self(bind=self._writer) as session, session.begin():
            yield session


STRONG_REFS = "lbn_strong_refs"


def _keep_loaded_objects(sessions: sessionmaker[Session]) -> None:
    """A use case's session keeps what it loaded until it closes (SQLAlchemy's strong-reference
    recipe): with the default weak identity map, `s.get(Location, id)` in a loop reloads the
    row every time once nothing else holds it, one network round trip each."""

    def keep(session: Session, instance: object) -> None:
        session.info.setdefault(STRONG_REFS, []).append(instance)

    event.listen(sessions, "loaded_as_persistent", keep)
    event.listen(sessions, "pending_to_persistent", keep)


def open_database(
    url: str,
    *,
    migrate: bool = True,
    backup: bool = True,
    read_only: bool = False,
    actor: Actor | None = None,
) -> Database:
    """Engine + sessionmaker for `url`, upgraded to the newest schema this app knows.

    A SQLite file is checked first: it must be SQLite and ours (or empty), and writable unless
    `read_only` (check, reports). Leftovers of a killed backup or upgrade are removed.
    """
    path = sqlite_file(url)
    if path is not None:
        check_sqlite_file(path, read_only=read_only)
        if not read_only:
            remove_leftovers(path.parent / "backups")
            remove_leftovers(path.parent)
    engine = create_db_engine(url, read_only=read_only)
    database = Database(url, engine, Sessions(engine, actor))
    try:
        if migrate:
            _migrate(database, backup=backup, read_only=read_only)
    except BaseException:
        engine.dispose()
        raise
    return database


def _migrate(database: Database, *, backup: bool, read_only: bool) -> None:
    current = current_revisions(database.engine)
    refuse_newer(current)
    if current == set(shipped_revisions()[1]):
        return
    if read_only:
        raise DatabaseRefused(
            "This database needs an upgrade to this version's schema, which needs write access; "
            "open it once with the app from a folder you may write to."
        )
    if backup and current and database.sqlite_path:
        backup_before_migration(database.sqlite_path)
    try:
        upgrade(database)
    except RuntimeError as error:  # a migration refusing rows it cannot keep
        raise DatabaseRefused(f"The database was not upgraded: {error}") from None


def upgrade(database: Database) -> None:
    """Bring the schema to the newest revisions (Alembic is imported only when needed)."""
    from alembic import command

    config = alembic_config()
    with database.engine.begin() as connection:
        refuse_newer(_revisions_on(connection))
        config.attributes["connection"] = connection
        command.upgrade(config, "heads")


def current_revisions(engine: Engine) -> set[str]:
    with engine.connect() as connection:
        return _revisions_on(connection)


def _revisions_on(connection: Connection) -> set[str]:
    if not inspect(connection).has_table("alembic_version"):
        return set()
    return set(connection.execute(text("SELECT version_num FROM alembic_version")).scalars())


def refuse_newer(current: set[str]) -> None:
    unknown = current - set(shipped_revisions()[0])
    if unknown:
        raise DatabaseTooNew(
            "This database was written by a newer version of LBN Quartermaster "
            f"(schema {', '.join(sorted(unknown))}). Install the newer version to open it."
        )
