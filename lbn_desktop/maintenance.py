"""Backup, restore and health check of the open database (SQLite file or PostgreSQL)."""

from __future__ import annotations

import logging
import sqlite3
from contextlib import closing
from datetime import datetime
from pathlib import Path

from lbn_desktop.backup import BackupFailed, backup_file, integrity_problem, read_only_uri
from lbn_desktop.database import Database, upgrade
from models.common.errors import DomainError
from models.common.maintenance import BackupInfo, CheckReport
from models.stock.ledger_check import check_ledger
from models.stock.time_order import out_of_time_entries

log = logging.getLogger(__name__)


class RestoreRefused(DomainError):
    """The chosen file cannot replace the current database."""


class DatabaseMaintenance:
    """Implements `models.common.maintenance.Maintenance` for the database the app has open."""

    def __init__(self, database: Database, backup_folder: Path, keep: int = 14) -> None:
        self._database = database
        self._folder = backup_folder
        self._keep = keep

    def describe(self) -> str:
        path = self._database.sqlite_path
        if path is not None:
            return f"SQLite file {path}"
        return f"Server database {self._database.engine.url.render_as_string(hide_password=True)}"

    def _sqlite(self) -> Path:
        path = self._database.sqlite_path
        if path is None:
            raise BackupFailed(
                "This station uses a shared server database; back it up on the server "
                "(for PostgreSQL: pg_dump), not from the app."
            )
        return path

    def backup_now(self, target: Path | None = None) -> Path:
        path = self._sqlite()
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        target = target or self._folder / f"{path.stem}-manual-{stamp}.sqlite3"
        return backup_file(path, Path(target))

    def list_backups(self) -> list[BackupInfo]:
        if not self._folder.exists():
            return []
        files = sorted(
            self._folder.glob("*.sqlite3"), key=lambda p: p.stat().st_mtime, reverse=True
        )
        return [
            BackupInfo(p, datetime.fromtimestamp(p.stat().st_mtime), p.stat().st_size)
            for p in files
        ]

    def restore(self, source: Path) -> Path:
        """Replace the open database with `source`, keeping a copy of the current one first.

        Returns the path of that safety copy. The file is checked before anything changes and
        upgraded to this version's schema afterwards.
        """
        path = self._sqlite()
        source = Path(source)
        _validate_restore_source(source, path)
        safety = self.backup_now(
            self._folder / f"{path.stem}-before-restore-{datetime.now():%Y%m%d-%H%M%S}.sqlite3"
        )
        self._database.engine.dispose()
        with sqlite3.connect(source) as src, sqlite3.connect(path) as dst:
            src.backup(dst)
        upgrade(self._database)
        log.info("Restored %s from %s (previous copy at %s)", path, source, safety)
        return safety

    def check(self) -> CheckReport:
        report = CheckReport()
        path = self._database.sqlite_path
        if path is not None:
            problem = integrity_problem(path)
            if problem:
                report.problems.append(f"SQLite integrity check failed: {problem}")
            else:
                report.facts.append("SQLite integrity check: ok")
        with self._database.sessions() as s:
            ledger = check_ledger(s)
            out_of_time = out_of_time_entries(s)
        report.problems.extend(ledger.problems)
        if ledger.ok:
            report.facts.append(
                f"Ledger balanced: {ledger.moves} movements; balances equal the ledger sums"
            )
        report.problems.extend(f"Entry out of time order: {line}" for line in out_of_time)
        if not out_of_time:
            report.facts.append("Entries consistent in time: nothing used before it was there")
        return report


def _validate_restore_source(source: Path, current: Path) -> None:
    if not source.is_file():
        raise RestoreRefused(f"{source} is not a file.")
    if source.resolve() == current.resolve():
        raise RestoreRefused("That is the database already open.")
    problem = integrity_problem(source)
    if problem:
        raise RestoreRefused(f"{source.name} is not a healthy SQLite database: {problem}")
    try:
        with closing(sqlite3.connect(read_only_uri(source), uri=True)) as conn:
            tables = {
                r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
    except sqlite3.DatabaseError as error:
        raise RestoreRefused(f"{source.name} cannot be read: {error}") from None
    if not {"alembic_version", "stock_move", "lot"} <= tables:
        raise RestoreRefused(f"{source.name} is not an LBN Quartermaster database.")
