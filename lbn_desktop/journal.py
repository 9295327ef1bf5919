"""Every committed write records who, where and what in `change_log`, and announces itself.

On PostgreSQL the announcement is a NOTIFY sent inside the same transaction, so listeners hear of
exactly the committed changes; on SQLite other stations see `PRAGMA data_version` move. Knows
SQLAlchemy session events and the `Actor`; not the screens that listen.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import event, text
from sqlalchemy.orm import ORMExecuteState, Session, UOWTransaction, sessionmaker

from lbn_desktop.pg_round_trips import COMMIT_AFTER
from models.common.actor import Actor
from models.common.entities import Change
from models.stock.entities import Operation

CHANNEL = "lbn_changes"
TABLES_KEY = "lbn_tables"


def install_journal(sessions: sessionmaker[Session], actor: Actor) -> None:
    """Hook the journal into every session `sessions` makes, recording as `actor`."""

    def mark(session: Session, tables: set[str]) -> None:
        session.info.setdefault(TABLES_KEY, set()).update(tables)

    def on_execute(state: ORMExecuteState) -> None:
        if state.is_insert or state.is_update or state.is_delete:
            table = getattr(state.statement, "table", None)
            mark(state.session, {str(getattr(table, "name", "?"))})

    def before_flush(session: Session, _flush: UOWTransaction, _instances: object) -> None:
        for obj in session.new:
            if isinstance(obj, Operation) and obj.station is None:
                obj.station = actor.station or None

    def after_flush(session: Session, _flush: UOWTransaction) -> None:
        changed = [*session.new, *session.dirty, *session.deleted]
        mark(session, {obj.__table__.name for obj in changed if hasattr(obj, "__table__")})

    def before_commit(session: Session) -> None:
        if session.in_nested_transaction():  # a savepoint: the transaction announces at its end
            return
        session.flush()
        tables = session.info.pop(TABLES_KEY, set()) - {Change.__tablename__}
        if tables:
            announce(session, actor, sorted(tables))
        session.info.pop(TABLES_KEY, None)

    event.listen(sessions, "do_orm_execute", on_execute)
    event.listen(sessions, "before_flush", before_flush)
    event.listen(sessions, "after_flush", after_flush)
    event.listen(sessions, "before_commit", before_commit)


def announce(session: Session, actor: Actor, tables: list[str]) -> None:
    values = {
        "at": datetime.now().replace(microsecond=0),
        "person": (actor.name or "unknown")[:120],
        "station": (actor.station or "")[:80],
        "tables": ",".join(tables),
    }
    if session.get_bind().dialect.name != "postgresql":
        session.add(Change(**values))
        session.flush()
        return
    # One statement records the change and queues the NOTIFY, which PostgreSQL delivers only if
    # this transaction commits; it is the transaction's last, so COMMIT travels with it.
    session.execute(
        text(NOTIFYING_INSERT),
        {**values, "channel": CHANNEL},
        execution_options={COMMIT_AFTER: True},
    )


NOTIFYING_INSERT = """
WITH change AS (
    INSERT INTO change_log (at, person, station, tables)
    VALUES (:at, :person, :station, :tables)
    RETURNING id, station, tables
)
SELECT pg_notify(:channel, json_build_object(
    'id', id, 'station', station, 'tables', string_to_array(tables, ',')
)::text) FROM change
"""
