"""Options every command shares (where the database and data folder are)."""

from __future__ import annotations

import argparse

from lbn_desktop.config import DATA_DIR_ENV, DATABASE_ENV


def add_common_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--database",
        metavar="URL",
        help=f"SQLAlchemy URL or SQLite file (default: ${DATABASE_ENV}, else the user data folder)",
    )
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help=f"keep database, logs and backups in DIR (default: ${DATA_DIR_ENV} or user folders)",
    )
