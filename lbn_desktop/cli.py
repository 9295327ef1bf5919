"""Command line: no sub-command opens the window; sub-commands run headless for scheduled tasks."""

from __future__ import annotations

import argparse

from lbn_desktop import maintenance_commands, report_commands
from lbn_desktop.config import APP_NAME, DATA_DIR_ENV, DATABASE_ENV


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="lbn-desktop",
        description=f"{APP_NAME}: supply side of a Leave-Behind Naloxone program.",
    )
    add_common_options(parser)
    parser.add_argument(
        "--demo",
        action="store_true",
        help="load a realistic demo agency into an empty database before opening the window",
    )
    parser.add_argument(
        "--smoke-test",
        action="store_true",
        help="open the window, load the first screen and quit (checks an installation works)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    report_commands.register(sub)
    maintenance_commands.register(sub)
    return parser


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
