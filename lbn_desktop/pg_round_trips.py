"""PostgreSQL: BEGIN travels with a transaction's first statement, COMMIT with its last one.

psycopg 3 sends BEGIN as a network round trip of its own before the first statement, and
COMMIT as another after the last; at 20 ms each way that is 80 ms of every save. Here the
connection runs in psycopg's autocommit mode and the transaction is opened explicitly: BEGIN
and the first statement leave in one psycopg pipeline (one round trip), and a statement run
with the `COMMIT_AFTER` execution option is followed by COMMIT in the same pipeline (the
journal's last statement). SQLAlchemy's own COMMIT then finds nothing to do. Knows psycopg and
SQLAlchemy engine events; not the tables.
"""

from __future__ import annotations

import weakref
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, Engine, event
from sqlalchemy.engine.interfaces import ExecutionContext

COMMIT_AFTER = "lbn_commit_after"
AUTOCOMMIT = "AUTOCOMMIT"  # the isolation level create_engine is given for these engines


def send_begin_with_first_statement(engine: Engine) -> None:
    """Hook `engine` (created with isolation_level AUTOCOMMIT) so each transaction is explicit."""
    opening: weakref.WeakSet[Any] = weakref.WeakSet()  # connections whose BEGIN is still due

    def on_begin(connection: Connection) -> None:
        opening.add(connection.connection.driver_connection)

    def on_end(connection: Connection) -> None:
        if not connection.invalidated:  # a lost connection is gone, and its BEGIN with it
            opening.discard(connection.connection.driver_connection)

    def run(cursor: Any, statement: str, parameters: Any, context: ExecutionContext) -> bool:
        psycopg_connection = cursor.connection
        begin = psycopg_connection in opening
        commit = bool(context.execution_options.get(COMMIT_AFTER))
        if not (begin or commit):
            return False  # an ordinary statement inside the transaction
        opening.discard(psycopg_connection)
        with psycopg_connection.pipeline():
            if begin:
                psycopg_connection.execute("BEGIN")
            cursor.execute(statement, parameters)
            if commit:
                psycopg_connection.execute("COMMIT")
        return True

    def run_without_parameters(cursor: Any, statement: str, context: ExecutionContext) -> bool:
        return run(cursor, statement, None, context)

    def run_many(
        cursor: Any, _statement: str, _parameters: Sequence[Any], _context: ExecutionContext
    ) -> bool:
        # psycopg pipelines executemany by itself; BEGIN just has to come first.
        if cursor.connection in opening:
            opening.discard(cursor.connection)
            cursor.connection.execute("BEGIN")
        return False

    event.listen(engine, "begin", on_begin)
    event.listen(engine, "commit", on_end)
    event.listen(engine, "rollback", on_end)
    event.listen(engine, "do_execute", run)
    event.listen(engine, "do_execute_no_params", run_without_parameters)
    event.listen(engine, "do_executemany", run_many)
