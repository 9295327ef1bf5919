"""Where things live (platformdirs) and which database to open."""

from __future__ import annotations

import getpass
import os
from dataclasses import dataclass
from pathlib import Path

from platformdirs import PlatformDirs

APP_NAME = "LBN Quartermaster"
APP_ID = "lbn-quartermaster"
DATABASE_ENV = "LBN_DATABASE_URL"
DATA_DIR_ENV = "LBN_DATA_DIR"


@dataclass(frozen=True)
class Paths:
    data: Path
    logs: Path
    backups: Path

    @property
    def database_file(self) -> Path:
        return self.data / "quartermaster.sqlite3"

    @classmethod
    def resolve(cls, data_dir: str | None = None) -> Paths:
        """User folders by default; one folder for everything with LBN_DATA_DIR or --data-dir."""
        chosen = data_dir or os.environ.get(DATA_DIR_ENV)
        if chosen:
            root = Path(chosen).expanduser().resolve()
            return cls(root, root / "logs", root / "backups")
        dirs = PlatformDirs(APP_ID, appauthor=False)
        data = Path(dirs.user_data_dir)
        return cls(data, Path(dirs.user_log_dir), data / "backups")


def database_url(paths: Paths, explicit: str | None = None) -> str:
    """--database wins, then LBN_DATABASE_URL, then the SQLite file in the user data folder."""
    url = explicit or os.environ.get(DATABASE_ENV)
    if url:
        return url if "://" in url else f"sqlite:///{Path(url).expanduser().resolve()}"
    return f"sqlite:///{paths.database_file}"


STATION_ENV = "LBN_STATION"


def station_name() -> str:
    """The name this PC records with every operation: LBN_STATION, else the computer's name."""
    import socket

    return os.environ.get(STATION_ENV) or socket.gethostname() or "station"


def current_user() -> str:
    try:
        return getpass.getuser()
    except Exception:
        return "station"
