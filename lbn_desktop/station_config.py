"""The data folder the installer chose for the whole PC (so every login uses one database).

The Windows installer writes `lbn-quartermaster.ini` beside the program, naming the agency's
data folder (by default under %ProgramData%, writable by the station's users). The window, the
console program and scheduled tasks all read it, whoever is logged in. `LBN_CONFIG` names
another file (tests, unusual setups).
"""

from __future__ import annotations

import configparser
import os
import sys
from pathlib import Path

from platformdirs import PlatformDirs

CONFIG_NAME = "lbn-quartermaster.ini"
CONFIG_ENV = "LBN_CONFIG"


def config_files() -> list[Path]:
    """Where the station's configuration may be, first found wins."""
    if os.environ.get(CONFIG_ENV):
        return [Path(os.environ[CONFIG_ENV])]
    places = []
    if getattr(sys, "frozen", False):  # the installed program: the file beside the .exe
        places.append(Path(sys.executable).resolve().parent / CONFIG_NAME)
    places.append(
        Path(PlatformDirs("lbn-quartermaster", appauthor=False).site_config_dir) / CONFIG_NAME
    )
    return places


def configured_data_dir() -> Path | None:
    """The machine-wide data folder, or None when the installer set none (per-user folders)."""
    for path in config_files():
        parser = configparser.ConfigParser(interpolation=None)
        try:
            if not parser.read(path, encoding="utf-8"):
                continue
        except (configparser.Error, UnicodeDecodeError, OSError):
            continue
        folder = parser.get("data", "folder", fallback="").strip()
        if folder:
            return Path(os.path.expandvars(folder)).expanduser()
    return None
