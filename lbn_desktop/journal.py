"""Every committed write records who, where and what in `change_log`, and announces itself.

On PostgreSQL the announcement is a NOTIFY sent inside the same transaction, so listeners hear of
exactly the committed changes; on SQLite other stations see `PRAGMA data_version` move. Knows
SQLAlchemy session events and the `Actor`; not the screens that listen.
"""

from __future__ import annotations

import json
from datetime import datetime

from sqlalchemy import event, text
from sqlalchemy.orm import ORMExecuteState, Session, UOWTransaction, sessionmaker

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
    change = Change(
        at=datetime.now().replace(microsecond=0),
        person=(actor.name or "unknown")[:120],
        station=(actor.station or "")[:80],
        tables=",".join(tables),
    )
    session.add(change)
    session.flush()
    if session.get_bind().dialect.name == "postgresql":
        payload = json.dumps({"id": change.id, "station": change.station, "tables": tables})
        session.execute(
            text("SELECT pg_notify(:channel, :payload)"),
            {
                "channel": CHANNEL,
                "payload": payload[:7900],  # NOTIFY payloads stop at 8000 bytes
            },
        )
