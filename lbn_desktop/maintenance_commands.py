"""Headless maintenance commands for scheduled tasks and support: `backup` and `check`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from models.common.errors import DomainError

if TYPE_CHECKING:
    from lbn_desktop.database import Database
    from lbn_desktop.maintenance import DatabaseMaintenance


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Adds the `backup` and `check` sub-commands."""
    from lbn_desktop.cli_options import add_common_options

    backup = sub.add_parser(
        "backup",
        help="copy the SQLite database to a checked backup file",
        description="Copy the SQLite database consistently (even while the app runs) and check "
        "the copy with PRAGMA integrity_check. Without --to, the copy goes to the backups folder.",
    )
    add_common_options(backup)
    backup.add_argument("--to", metavar="FILE", type=Path, help="where to write the backup")
    backup.set_defaults(handler=run_backup)

    check = sub.add_parser(
        "check",
        help="integrity check, ledger balanced, balances equal the ledger (exit 0 if all hold)",
        description="Runs SQLite's integrity check, recomputes every balance from the ledger and "
        "checks that no lot is negative anywhere. Exit status 0 only when all hold.",
    )
    add_common_options(check)
    check.set_defaults(handler=run_check)


def _maintenance(
    args: argparse.Namespace, read_only: bool = False
) -> tuple[Database, DatabaseMaintenance]:
    from lbn_desktop.app import open_services
    from lbn_desktop.maintenance import DatabaseMaintenance

    paths, database, _services = open_services(args, create=False, read_only=read_only)
    return database, DatabaseMaintenance(database, paths.backups)


def run_backup(args: argparse.Namespace) -> int:
    try:
        database, maintenance = _maintenance(args)
    except DomainError as refusal:
        print(f"Backup not made: {refusal}", file=sys.stderr)
        return 1
    try:
        target = maintenance.backup_now(args.to)
    except DomainError as refusal:
        print(f"Backup not made: {refusal}", file=sys.stderr)
        return 1
    finally:
        database.dispose()  # closes the file before anything else touches it
    print(f"Backup written and checked: {target}")
    return 0


def run_check(args: argparse.Namespace) -> int:
    try:
        database, maintenance = _maintenance(args, read_only=True)
        report = maintenance.check()
    except DomainError as refusal:
        print(f"Check failed: {refusal}", file=sys.stderr)
        return 1
    database.dispose()
    for fact in report.facts:
        print(f"ok: {fact}")
    for problem in report.problems:
        print(f"PROBLEM: {problem}")
    print("All checks passed." if report.ok else f"{len(report.problems)} problem(s) found.")
    return 0 if report.ok else 1
