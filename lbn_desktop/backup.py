"""SQLite backups: online backup API into a checked file, with daily rotation.

Written for Windows station PCs: every connection is closed before its file is moved, the copy
is switched to a rollback journal (a backup is one self-contained file, no -wal/-shm beside
it), it is written under a unique temporary name and moved into place with a short retry
(antivirus scanners hold new files for a moment), and an operating-system error becomes a
refusal that says what to do, never a crash.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import sqlite3
import time
import uuid
from datetime import datetime
from pathlib import Path

from models.common.errors import DomainError

log = logging.getLogger(__name__)
DEFAULT_KEEP = 14
MOVE_ATTEMPTS = 5
MOVE_PAUSE_S = 0.2


class BackupFailed(DomainError):
    """A backup could not be written or did not pass the integrity check."""


def read_only_uri(path: Path) -> str:
    """A URI that opens `path` read-only, whatever characters its folders hold (# % spaces)."""
    return f"{Path(path).resolve().as_uri()}?mode=ro"


def backup_file(source: Path, target: Path) -> Path:
    """Copy a live SQLite database consistently (other connections may be writing)."""
    partial = target.with_name(f".{target.name}.{uuid.uuid4().hex[:8]}.part")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        _copy(source, partial)
        problem = integrity_problem(partial)
        if problem:
            raise BackupFailed(f"The backup failed its integrity check: {problem}")
        move_into_place(partial, target)
        write_checksum(target)
    except (OSError, sqlite3.Error) as error:
        reason = getattr(error, "strerror", None) or str(error)
        raise BackupFailed(
            f"The backup could not be written to {target.parent}: {reason}. "
            "Check that the folder exists, is not read-only and has free space."
        ) from None
    finally:
        for leftover in (partial, partial.with_name(partial.name + "-journal")):
            with contextlib.suppress(OSError):
                leftover.unlink(missing_ok=True)
    return target


def _copy(source: Path, partial: Path) -> None:
    with (
        contextlib.closing(sqlite3.connect(source)) as src,
        contextlib.closing(sqlite3.connect(partial)) as dst,
    ):
        src.backup(dst)
        dst.execute("PRAGMA journal_mode=DELETE")  # one self-contained file


def move_into_place(source: Path, target: Path) -> None:
    """os.replace with a short retry: on Windows another program may hold a new file briefly."""
    for attempt in range(MOVE_ATTEMPTS):
        try:
            os.replace(source, target)
            return
        except PermissionError:
            if attempt == MOVE_ATTEMPTS - 1:
                raise
            time.sleep(MOVE_PAUSE_S * (attempt + 1))


def checksum_path(backup: Path) -> Path:
    return backup.with_name(backup.name + ".sha256")


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def write_checksum(backup: Path) -> Path:
    """`<backup>.sha256` in the format of `sha256sum`, so it can be verified by hand too."""
    sidecar = checksum_path(backup)
    sidecar.write_text(f"{file_sha256(backup)}  {backup.name}\n", encoding="ascii")
    return sidecar


def checksum_problem(backup: Path) -> str | None:
    """None when the checksum file matches (or, for backups older than checksums, is absent)."""
    sidecar = checksum_path(backup)
    if not sidecar.exists():
        return None
    recorded = sidecar.read_text(encoding="ascii", errors="replace").split()[:1]
    if recorded != [file_sha256(backup)]:
        return f"{backup.name} changed since it was written (its checksum does not match)"
    return None


def integrity_problem(path: Path) -> str | None:
    """None when `PRAGMA integrity_check` says ok, otherwise its first complaint."""
    try:
        with contextlib.closing(sqlite3.connect(read_only_uri(path), uri=True)) as conn:
            conn.text_factory = lambda raw: raw.decode("utf-8", errors="replace")
            result = conn.execute("PRAGMA integrity_check").fetchone()
    except (sqlite3.Error, ValueError) as error:  # a damaged file can hold anything
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
    target = folder / f"{path.stem}-{now:%Y%m%d}.sqlite3"
    if target.exists():
        return None
    backup_file(path, target)
    autos = sorted(folder.glob(f"{path.stem}-[0-9]*.sqlite3"))
    for old in autos[:-keep] if keep > 0 else []:
        with contextlib.suppress(OSError):  # a backup someone has open stays until next time
            old.unlink(missing_ok=True)
            checksum_path(old).unlink(missing_ok=True)
    return target
