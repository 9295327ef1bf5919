"""Restore a SQLite backup without risking the live file: check a staged copy, then swap.

Knows files, SQLite and the checks a candidate must pass; not which screen asked. The live file
is touched only after the candidate passed every check, and then replaced in one rename.
"""

from __future__ import annotations

import logging
import sqlite3
from contextlib import closing
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from lbn_desktop.backup import checksum_problem, integrity_problem, move_into_place
from lbn_desktop.database import (
    Database,
    Sessions,
    create_db_engine,
    current_revisions,
    refuse_newer,
    sqlite_url,
    upgrade,
)
from lbn_desktop.database_file import DatabaseRefused, table_names
from models.common.errors import DomainError
from models.stock.ledger_check import check_ledger

log = logging.getLogger(__name__)
STAGED_SUFFIX = ".restore-part"  # removed at the next start if a restore was killed


class RestoreRefused(DomainError):
    """The chosen file cannot replace the current database; the current one is unchanged."""


def staged_candidate(source: Path, live: Path) -> Path:
    """A checked copy of `source` beside `live`, upgraded to this version, books balanced."""
    check_source(source, live)
    staged = live.with_name(live.name + STAGED_SUFFIX)
    try:
        _copy(source, staged)
        _upgrade_and_check(staged, source.name)
    except (sqlite3.Error, SQLAlchemyError, ValueError, OSError) as error:
        _remove_with_sidecars(staged)  # a damaged file can fail in many ways: all are refusals
        raise RestoreRefused(f"{source.name} cannot be restored: {error}") from None
    except BaseException:
        _remove_with_sidecars(staged)
        raise
    return staged


def check_source(source: Path, live: Path) -> None:
    """File, not the open one, unchanged since written, healthy SQLite, ours, not newer."""
    if not source.is_file():
        raise RestoreRefused(f"{source} is not a file.")
    if source.resolve() == live.resolve():
        raise RestoreRefused("That is the database already open.")
    changed = checksum_problem(source)
    if changed:
        raise RestoreRefused(f"{changed}; choose another backup.")
    problem = integrity_problem(source)
    if problem:
        raise RestoreRefused(f"{source.name} is not a healthy SQLite database: {problem}")
    try:
        tables = table_names(source)
    except DatabaseRefused as refusal:
        raise RestoreRefused(str(refusal)) from None
    if not {"alembic_version", "stock_move", "lot"} <= tables:
        raise RestoreRefused(f"{source.name} is not an LBN Quartermaster database.")


def _copy(source: Path, staged: Path) -> None:
    _remove_with_sidecars(staged)
    ro = f"{source.resolve().as_uri()}?mode=ro"
    with closing(sqlite3.connect(ro, uri=True)) as src, closing(sqlite3.connect(staged)) as dst:
        src.backup(dst)
        dst.execute("PRAGMA journal_mode=DELETE")


def _upgrade_and_check(staged: Path, name: str) -> None:
    engine = create_db_engine(sqlite_url(staged))
    try:
        try:
            refuse_newer(current_revisions(engine))
            upgrade(Database(sqlite_url(staged), engine, Sessions(engine)))
        except RuntimeError as error:  # a migration refusing rows it cannot keep
            raise RestoreRefused(f"{name} cannot be upgraded: {error}") from None
        except DomainError as refusal:
            raise RestoreRefused(f"{name} cannot be restored: {refusal}") from None
        with Sessions(engine)() as s:
            ledger = check_ledger(s)
    finally:
        engine.dispose()
    if not ledger.ok:
        raise RestoreRefused(
            f"{name} holds unbalanced books ({ledger.problems[0]}"
            + (f", and {len(ledger.problems) - 1} more" if len(ledger.problems) > 1 else "")
            + "); choose another backup."
        )
    with closing(sqlite3.connect(staged)) as conn:
        conn.execute("PRAGMA journal_mode=DELETE")
    problem = integrity_problem(staged)
    if problem:
        raise RestoreRefused(f"{name} failed its integrity check after upgrading: {problem}")


def swap_in(staged: Path, live: Path) -> None:
    """Replace `live` by `staged` in one rename, once nobody else has `live` open."""
    try:
        with closing(sqlite3.connect(live, timeout=5)) as conn:
            # Leaving WAL folds the -wal file into the database and needs every other
            # connection closed: an old -wal must never be replayed onto the restored file.
            mode = conn.execute("PRAGMA journal_mode=DELETE").fetchone()
        if not mode or str(mode[0]).lower() != "delete":
            raise sqlite3.OperationalError("database is locked")
        move_into_place(staged, live)  # retried briefly: Windows may hold a new file a moment
    except (OSError, sqlite3.Error) as error:
        _remove_with_sidecars(staged)
        raise RestoreRefused(
            "The current database could not be replaced (another window or station may have it "
            f"open: close it and try again). Nothing changed. ({error})"
        ) from None
    log.info("Swapped the restored database into %s", live)


def _remove_with_sidecars(path: Path) -> None:
    for item in (path, *(path.with_name(path.name + e) for e in ("-wal", "-shm", "-journal"))):
        item.unlink(missing_ok=True)
