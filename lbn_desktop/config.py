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
        """One folder for everything: --data-dir, else LBN_DATA_DIR, else the folder the installer
        chose for the whole PC; per-user folders only when none is set."""
        from lbn_desktop.station_config import configured_data_dir

        chosen = data_dir or os.environ.get(DATA_DIR_ENV) or configured_data_dir()
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
        return url if "://" in url else sqlite_url(Path(url).expanduser().resolve())
    return sqlite_url(paths.database_file)


def sqlite_url(path: Path) -> str:
    """The SQLAlchemy URL of an SQLite file; '%' and '?' in folder names are escaped, because
    the URL parser would otherwise read them as an escape or the start of options."""
    text = str(path).replace("%", "%25").replace("?", "%3F")
    return f"sqlite:///{text}"


def current_user() -> str:
    try:
        return getpass.getuser()
    except Exception:
        return "station"
