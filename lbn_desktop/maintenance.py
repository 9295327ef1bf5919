"""Backup, restore and health check of the open database (SQLite file or PostgreSQL)."""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path

from lbn_desktop.backup import BackupFailed, backup_file, integrity_problem
from lbn_desktop.database import Database
from lbn_desktop.restore import RestoreRefused, staged_candidate, swap_in
from models.common.maintenance import BackupInfo, CheckReport
from models.stock.ledger_check import check_ledger
from models.stock.time_order import out_of_time_entries

log = logging.getLogger(__name__)


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
        """Replace the open database with `source`; returns the safety copy of the current one.

        The candidate is copied, upgraded and checked completely (integrity, checksum, schema not
        newer, books balanced) before the live file is touched; then it is swapped in by rename.
        """
        path = self._sqlite()
        staged = staged_candidate(Path(source), path)
        stamp = f"{datetime.now():%Y%m%d-%H%M%S}"
        try:
            safety = self.backup_now(self._folder / f"{path.stem}-before-restore-{stamp}.sqlite3")
        except BackupFailed:
            staged.unlink(missing_ok=True)
            raise
        self._database.engine.dispose()
        swap_in(staged, path)
        self._database.engine.dispose()  # connections opened meanwhile saw the old file
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


__all__ = ["DatabaseMaintenance", "RestoreRefused"]
