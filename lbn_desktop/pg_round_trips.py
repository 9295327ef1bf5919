"""PostgreSQL: statements that need not wait alone travel together in one psycopg pipeline.

psycopg 3 sends BEGIN as a network round trip of its own before a transaction's first statement,
and COMMIT as another after its last; at 20 ms each way that is 80 ms of every save. Here the
connection runs in psycopg's autocommit mode and the transaction is opened explicitly:
- BEGIN leaves with the first statement;
- a statement run with `COMMIT_AFTER` (the journal's, always last) takes COMMIT along, and
  SQLAlchemy's own COMMIT then finds nothing to do;
- a statement run with `NO_WAIT` (models/common/round_trips.py) reads nothing back, so it waits
  in the pipeline and leaves with the next statement.
A failure surfaces at the statement that closes the pipeline and undoes the transaction, as any
failure does. Knows psycopg and SQLAlchemy engine events; not the tables.
"""

from __future__ import annotations

import weakref
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, Engine, event
from sqlalchemy.engine.interfaces import ExecutionContext

from models.common.round_trips import NO_WAIT

COMMIT_AFTER = "lbn_commit_after"
AUTOCOMMIT = "AUTOCOMMIT"  # the isolation level create_engine is given for these engines


def send_begin_with_first_statement(engine: Engine) -> None:
    """Hook `engine` (created with isolation_level AUTOCOMMIT) so each transaction is explicit."""
    opening: weakref.WeakSet[Any] = weakref.WeakSet()  # connections whose BEGIN is still due
    pipelines: weakref.WeakKeyDictionary[Any, Any] = weakref.WeakKeyDictionary()

    def close_pipeline(psycopg_connection: Any, failed: BaseException | None = None) -> None:
        pipeline = pipelines.pop(psycopg_connection, None)
        if pipeline is not None:  # sends what waits and reads every answer: one round trip
            pipeline.__exit__(type(failed) if failed else None, failed, None)

    def on_begin(connection: Connection) -> None:
        opening.add(connection.connection.driver_connection)

    def on_commit(connection: Connection) -> None:
        on_end(connection, None)

    def on_rollback(connection: Connection) -> None:
        on_end(connection, RuntimeError("rolled back"))  # answers still due are not wanted

    def on_end(connection: Connection, failed: BaseException | None) -> None:
        if connection.invalidated:  # a lost connection is gone, its BEGIN and pipeline with it
            return
        psycopg_connection = connection.connection.driver_connection
        opening.discard(psycopg_connection)
        close_pipeline(psycopg_connection, failed)

    def run(cursor: Any, statement: str, parameters: Any, context: ExecutionContext) -> bool:
        conn = cursor.connection
        begin, waiting = conn in opening, conn in pipelines
        commit = bool(context.execution_options.get(COMMIT_AFTER))
        no_wait = bool(context.execution_options.get(NO_WAIT)) and not commit
        if not (begin or waiting or commit or no_wait):
            return False  # an ordinary statement inside the transaction
        opening.discard(conn)
        if not waiting:
            pipelines[conn] = pipeline = conn.pipeline()  # psycopg's context manager
            pipeline.__enter__()
        try:
            if begin:
                conn.execute("BEGIN")
            cursor.execute(statement, parameters)
            if commit:
                conn.execute("COMMIT")
        except BaseException as failed:
            close_pipeline(conn, failed)
            raise
        if not no_wait:
            close_pipeline(conn)
        return True

    def run_without_parameters(cursor: Any, statement: str, context: ExecutionContext) -> bool:
        return run(cursor, statement, None, context)

    def run_many(
        cursor: Any, _statement: str, _parameters: Sequence[Any], _context: ExecutionContext
    ) -> bool:
        # psycopg pipelines executemany by itself; what waits, and BEGIN, just go first.
        close_pipeline(cursor.connection)
        if cursor.connection in opening:
            opening.discard(cursor.connection)
            cursor.connection.execute("BEGIN")
        return False

    event.listen(engine, "begin", on_begin)
    event.listen(engine, "commit", on_commit)
    event.listen(engine, "rollback", on_rollback)
    event.listen(engine, "do_execute", run)
    event.listen(engine, "do_execute_no_params", run_without_parameters)
    event.listen(engine, "do_executemany", run_many)
