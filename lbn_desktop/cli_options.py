"""Options every command shares (where the database and data folder are)."""

from __future__ import annotations

import argparse

from lbn_desktop.config import DATA_DIR_ENV, DATABASE_ENV


def add_common_options(parser: argparse.ArgumentParser, *, top_level: bool = False) -> None:
    """On the top-level parser the options default to None; on a command they are only set
    when given, so `lbn-desktop --data-dir D check` and `lbn-desktop check --data-dir D` agree
    (argparse would otherwise let the command's default overwrite the value given before it)."""
    default = None if top_level else argparse.SUPPRESS
    parser.add_argument(
        "--database",
        metavar="URL",
        default=default,
        help=f"SQLAlchemy URL or SQLite file (default: ${DATABASE_ENV}, else the data folder)",
    )
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        default=default,
        help=f"keep database, logs and backups in DIR (default: ${DATA_DIR_ENV}, the folder "
        "chosen at installation, or the user data folder)",
    )
