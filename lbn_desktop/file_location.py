"""Where an SQLite file may live: on this PC's own disk, and only where it already exists for
commands. Knows paths and mounts, not databases.

SQLite's locking cannot coordinate writers on different PCs, and sync clients (OneDrive,
Dropbox...) copy a database file while it is being written: both corrupt it. Several stations
share one PostgreSQL server instead.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path, PureWindowsPath

from models.common.errors import DomainError

NETWORK_FILESYSTEMS = {"nfs", "nfs4", "cifs", "smb3", "smbfs", "fuse.sshfs", "9p", "afs", "davfs"}
CLOUD_FOLDERS = ("onedrive", "dropbox", "google drive", "googledrive", "icloud", "box", "nextcloud")
SEVERAL_STATIONS = (
    "Keep the database on this PC's own disk; for several stations, use a shared PostgreSQL "
    "server (README, 'Several stations on one server')."
)


class UnsafeDatabaseLocation(DomainError):
    """The SQLite file is on a network share or in a synced cloud folder."""


class DatabaseMissing(DomainError):
    """A command was pointed at an SQLite file that does not exist."""


class ServerUnreachable(DomainError):
    """The agency's database server did not answer (network down, server stopped)."""


CONNECT_TIMEOUT_S = 5  # a station must notice quickly that the server is out of reach


def with_connect_timeout(url: str) -> str:
    """A server URL that gives up after CONNECT_TIMEOUT_S instead of hanging for minutes."""
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    if not parsed.drivername.startswith("postgresql") or "connect_timeout" in parsed.query:
        return url
    with_timeout = parsed.update_query_dict({"connect_timeout": str(CONNECT_TIMEOUT_S)})
    return with_timeout.render_as_string(hide_password=False)


def unreachable(url: str, error: Exception) -> ServerUnreachable:
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    where = f"{parsed.host or 'localhost'}:{parsed.port or 5432}"
    first_line = str(getattr(error, "orig", None) or error).strip().splitlines()[0:1]
    reason = f" ({first_line[0]})" if first_line else ""
    return ServerUnreachable(
        f"The agency's database server {where} did not answer within {CONNECT_TIMEOUT_S} "
        f"seconds{reason}. Check this PC's network connection, or ask whoever runs the server; "
        "then try again."
    )


def sqlite_file(url: str) -> Path | None:
    """The file behind an SQLite URL (None for a server or an in-memory database)."""
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    if not parsed.drivername.startswith("sqlite") or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)


def check_sqlite_location(path: Path) -> None:
    reason = shared_location(path)
    if reason:
        raise UnsafeDatabaseLocation(
            f"The database {path} is {reason}, where SQLite files get corrupted. "
            + SEVERAL_STATIONS
        )


def require_existing(path: Path) -> None:
    """Commands never create an empty database (a scheduled task would back that up)."""
    if not path.is_file():
        raise DatabaseMissing(
            f"There is no database at {path}. Start LBN Quartermaster once to set the agency up, "
            "or point the command at the agency's database with --data-dir or --database."
        )


def shared_location(path: Path) -> str | None:
    """Why `path` is not on a local disk ('on a network share', 'in a OneDrive folder'), or None."""
    text = str(path)
    if text.startswith(("\\\\", "//")):
        return "on a network share"
    cloud = _cloud_folder(path)
    if cloud:
        return f"in a {cloud} folder"
    if sys.platform == "win32":
        return "on a network drive" if _windows_drive_is_remote(path) else None
    return "on a network file system" if _mount_type(path) in NETWORK_FILESYSTEMS else None


def _cloud_folder(path: Path) -> str | None:
    for variable in ("OneDrive", "OneDriveCommercial", "OneDriveConsumer"):
        root = os.environ.get(variable)
        if root and _inside(path, Path(root)):
            return "OneDrive"
    for part in PureWindowsPath(str(path)).parts if "\\" in str(path) else path.parts:
        name = part.lower()
        for marker in CLOUD_FOLDERS:
            if name == marker or name.startswith((marker + " ", marker + "-")):
                return {"onedrive": "OneDrive", "dropbox": "Dropbox", "icloud": "iCloud"}.get(
                    marker, marker.title()
                )
    return None


def _inside(path: Path, root: Path) -> bool:
    try:
        path.resolve().relative_to(root.resolve())
    except (ValueError, OSError):
        return False
    return True


def _mount_type(path: Path) -> str | None:
    """The file-system type of the mount holding `path` (Linux, from /proc/mounts)."""
    try:
        mounts = Path("/proc/mounts").read_text().splitlines()
    except OSError:
        return None
    target = str(path.resolve())
    best, kind = "", None
    for line in mounts:
        fields = line.split()
        if len(fields) < 3:
            continue
        point = fields[1].replace("\\040", " ")
        inside = target == point or target.startswith(point.rstrip("/") + "/")
        if inside and len(point) > len(best):
            best, kind = point, fields[2]
    return kind


def _windows_drive_is_remote(path: Path) -> bool:
    import ctypes

    drive = PureWindowsPath(str(path.resolve())).drive
    if not drive:
        return False
    drive_remote = 4
    windll = getattr(ctypes, "windll", None)
    if windll is None:
        return False
    return bool(windll.kernel32.GetDriveTypeW(drive + "\\") == drive_remote)
