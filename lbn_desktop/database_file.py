"""Checks on a SQLite file before it is opened: is it SQLite, is it ours, may we write it.

Knows files and SQLite's header, not the schema's tables beyond the Alembic marker. Every
refusal is one line a person can act on; nothing here creates or changes the database, except
that a write a killed process left half-done is rolled back, as SQLite itself does.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from contextlib import closing
from pathlib import Path

from models.common.errors import DomainError

log = logging.getLogger(__name__)
SQLITE_HEADER = b"SQLite format 3\x00"
MARKER_TABLE = "alembic_version"  # our schema marker: every LBN database carries it
LEFTOVER_PATTERNS = ("*.part", "*.part-wal", "*.part-shm", "*.part-journal", "*.restore-part*")


class DatabaseRefused(DomainError):
    """The file named as the database is not one this app may open (or write)."""


def check_sqlite_file(path: Path, *, read_only: bool) -> None:
    """Refuse a file that is not SQLite, belongs to another program, or cannot be written."""
    if path.is_dir():
        raise DatabaseRefused(f"{path} is a folder, not a database file.")
    if not path.exists():
        _check_can_create(path, read_only)
        return
    if not _readable(path):
        raise DatabaseRefused(f"{path} cannot be read (no permission).")
    if path.stat().st_size == 0:
        if read_only:
            raise DatabaseRefused(f"{path} is empty: there is nothing to check or report.")
        return
    if not _starts_like_sqlite(path):
        raise DatabaseRefused(f"{path} is not an LBN Quartermaster database (not a SQLite file).")
    if not read_only:
        roll_back_interrupted_write(path)
    tables = table_names(path)
    if tables and MARKER_TABLE not in tables:
        raise DatabaseRefused(
            f"{path} belongs to another program ({len(tables)} tables, none of them ours); "
            "it was left untouched. Choose an LBN Quartermaster database or a new file name."
        )
    if not read_only and not writable(path):
        raise DatabaseRefused(
            f"{path} is read-only: LBN Quartermaster can check it and print reports from it, "
            "but cannot save anything. Copy it to a folder you may write to, or ask IT."
        )


def roll_back_interrupted_write(path: Path) -> None:
    """A process killed while writing in rollback-journal mode (e.g. just after a restore) leaves
    `<file>-journal`; SQLite rolls it back on the next reading that may write, while a read-only
    reading (`table_names`) cannot and refuses the file. So read once with write access first."""
    if not path.with_name(f"{path.name}-journal").exists() or not writable(path):
        return
    log.info("Rolling back a write to %s that a stopped process left unfinished", path)
    try:
        with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=rw", uri=True)) as conn:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as error:
        raise DatabaseRefused(f"{path} cannot be read as a database: {error}.") from None


def _check_can_create(path: Path, read_only: bool) -> None:
    if read_only:
        raise DatabaseRefused(f"{path} does not exist.")
    folder = _existing_parent(path)
    if not os.access(folder, os.W_OK):
        raise DatabaseRefused(f"A database cannot be created in {folder}: the folder is read-only.")


def _existing_parent(path: Path) -> Path:
    folder = path.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    return folder


def _readable(path: Path) -> bool:
    try:
        with path.open("rb"):
            return True
    except OSError:
        return False


def _starts_like_sqlite(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER


def writable(path: Path) -> bool:
    """The file and its folder (WAL needs its -wal and -shm files beside it) accept writes."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def table_names(path: Path) -> set[str]:
    """Names of the tables in a SQLite file, read without changing it."""
    try:
        with closing(sqlite3.connect(read_only_uri(path), uri=True)) as conn:
            rows = conn.execute("SELECT name FROM sqlite_master WHERE type='table'").fetchall()
    except sqlite3.DatabaseError as error:
        raise DatabaseRefused(f"{path} cannot be read as a database: {error}.") from None
    return {str(r[0]) for r in rows}


def read_only_uri(path: Path) -> str:
    """A URI that opens `path` read-only; `immutable` when its folder forbids the -shm file."""
    uri = f"{path.resolve().as_uri()}?mode=ro"
    return uri if os.access(path.parent, os.W_OK) else uri + "&immutable=1"


def remove_leftovers(folder: Path) -> list[Path]:
    """Half-written backups or restores of a process that was killed; safe to delete."""
    removed: list[Path] = []
    if not folder.is_dir():
        return removed
    for pattern in LEFTOVER_PATTERNS:
        for leftover in folder.glob(pattern):
            try:
                leftover.unlink()
            except OSError:  # another process may hold it; the next start tries again
                continue
            removed.append(leftover)
    if removed:
        log.info("Removed leftovers of an interrupted backup or upgrade: %s", removed)
    return removed
