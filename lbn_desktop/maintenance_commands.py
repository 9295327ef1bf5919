"""Headless maintenance commands for scheduled tasks and support: `backup`, `check`, `redact`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from models.common.errors import DomainError

if TYPE_CHECKING:
    from lbn_desktop.database import Database
    from lbn_desktop.maintenance import DatabaseMaintenance
    from models.services import Services


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Adds the `backup`, `check` and `redact` sub-commands."""
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
        help="integrity, ledger, partner releases, personal data in texts (exit 0 if all hold)",
        description="Runs SQLite's integrity check, recomputes every balance from the ledger, "
        "checks that no lot is negative anywhere, re-audits every partner workbook in the "
        "release register against all the others, and lists stored texts that look like "
        "personal data (table, number and reason; never the text). Exit status 0 only when "
        "all hold.",
    )
    add_common_options(check)
    check.set_defaults(handler=run_check)

    redact = sub.add_parser(
        "redact",
        help="remove a stored text that holds personal data (the removal is recorded)",
        description="Replaces one stored text, as listed by `check`, with [redacted] and records "
        "who removed it, when and why. Example: lbn-desktop redact operation.note 42",
    )
    add_common_options(redact)
    redact.add_argument("where", metavar="TABLE.COLUMN", help="as printed by check")
    redact.add_argument(
        "row_id", metavar="NUMBER", type=int, help="the row number printed by check"
    )
    redact.set_defaults(handler=run_redact)


def _maintenance(
    args: argparse.Namespace, read_only: bool = False
) -> tuple[Database, DatabaseMaintenance, Services]:
    from lbn_desktop.app import open_services
    from lbn_desktop.maintenance import DatabaseMaintenance

    paths, database, services = open_services(args, create=False, read_only=read_only)
    return database, DatabaseMaintenance(database, paths.backups), services


def run_backup(args: argparse.Namespace) -> int:
    try:
        database, maintenance, _services = _maintenance(args)
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
        database, maintenance, services = _maintenance(args, read_only=True)
    except DomainError as refusal:
        print(f"Check failed: {refusal}", file=sys.stderr)
        return 1
    try:
        report = maintenance.check()
        releases = len(services.partners.list_releases())
        leaks = services.partners.audit_register()
        findings = services.text_audit.find_personal_data()
    except DomainError as refusal:
        print(f"Check failed: {refusal}", file=sys.stderr)
        return 1
    finally:
        database.dispose()
    for found in findings:  # never the text itself: this output ends up in logs
        report.problems.append(
            f"personal data? {found.table}.{found.column} {found.row_id} ({found.label}): "
            f"looks like {found.reason}; review it in Settings > Backups or run "
            f"`lbn-desktop redact {found.table}.{found.column} {found.row_id}`"
        )
    if not findings:
        report.facts.append("Stored texts: none looks like personal data")
    for fact in report.facts:
        print(f"ok: {fact}")
    if not leaks:
        print(
            f"ok: release register: {releases} workbook(s) re-audited together; "
            "no hidden count can be worked out"
        )
    problems = [*report.problems, *leaks]
    for problem in problems:
        print(f"PROBLEM: {problem}")
    print("All checks passed." if not problems else f"{len(problems)} problem(s) found.")
    return 0 if not problems else 1


def run_redact(args: argparse.Namespace) -> int:
    table_name, _, column_name = args.where.partition(".")
    try:
        database, _unused, services = _maintenance(args)
    except DomainError as refusal:
        print(f"Nothing redacted: {refusal}", file=sys.stderr)
        return 1
    try:
        services.text_audit.redact(table_name, column_name, args.row_id)
    except DomainError as refusal:
        print(f"Nothing redacted: {refusal}", file=sys.stderr)
        return 1
    finally:
        database.dispose()
    print(f"Redacted {args.where} {args.row_id}; the redaction is recorded.")
    return 0
