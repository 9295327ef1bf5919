"""Command line: no sub-command opens the window; sub-commands run headless for scheduled tasks."""

from __future__ import annotations

import argparse

from lbn_desktop import maintenance_commands, report_commands
from lbn_desktop.cli_options import add_common_options
from lbn_desktop.config import APP_NAME


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="lbn-desktop",
        description=f"{APP_NAME}: supply side of a Leave-Behind Naloxone program.",
    )
    add_common_options(parser, top_level=True)
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
