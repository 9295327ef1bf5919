"""SQLite backups: online backup API into a checked file, with daily rotation."""

from __future__ import annotations

import logging
import sqlite3
from datetime import datetime
from pathlib import Path

from models.common.errors import DomainError

log = logging.getLogger(__name__)
DEFAULT_KEEP = 14


class BackupFailed(DomainError):
    """A backup could not be written or did not pass the integrity check."""


def backup_file(source: Path, target: Path) -> Path:
    """Copy a live SQLite database consistently (other connections may be writing)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(target.suffix + ".part")
    partial.unlink(missing_ok=True)
    with sqlite3.connect(source) as src, sqlite3.connect(partial) as dst:
        src.backup(dst)
    problem = integrity_problem(partial)
    if problem:
        partial.unlink(missing_ok=True)
        raise BackupFailed(f"The backup failed its integrity check: {problem}")
    partial.replace(target)
    return target


def integrity_problem(path: Path) -> str | None:
    """None when `PRAGMA integrity_check` says ok, otherwise its first complaint."""
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
            result = conn.execute("PRAGMA integrity_check").fetchone()
    except sqlite3.DatabaseError as error:
        return str(error)
    return None if result and result[0] == "ok" else str(result[0] if result else "no answer")


def backup_before_migration(path: Path | None) -> Path | None:
    """A copy of the SQLite file beside it, taken before its schema is upgraded."""
    if path is None or not path.exists():
        return None
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.parent / "backups" / f"{path.stem}-before-upgrade-{stamp}.sqlite3"
    log.info("Backing up %s to %s before upgrading its schema", path, target)
    return backup_file(path, target)


def daily_backup(
    path: Path, folder: Path, keep: int = DEFAULT_KEEP, now: datetime | None = None
) -> Path | None:
    """At most one automatic backup a day, keeping the newest `keep` of them."""
    if not path.exists():
        return None
    now = now or datetime.now()
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{path.stem}-{now:%Y%m%d}.sqlite3"
    if target.exists():
        return None
    backup_file(path, target)
    autos = sorted(folder.glob(f"{path.stem}-[0-9]*.sqlite3"))
    for old in autos[:-keep] if keep > 0 else []:
        old.unlink(missing_ok=True)
    return target
