"""Headless `report` and `export` commands, so an agency can schedule reports without the window.

No Qt here: the commands open the database, ask the report service, write the file, and exit.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from models.common.errors import DomainError, NotFound, ValidationError

if TYPE_CHECKING:
    from models.partners.protection import AuditedPackage
    from models.reports.rows import Period
    from models.services import Services

REPORT_HELP = {
    "expiration": "every lot and kit batch on hand by location, banded by expiry",
    "inventory": "stock on hand by product and by location, usable versus expired",
    "distributions": "distributions for a period: totals, by ZIP, setting, relationship, month",
    "program": "one- or two-page program summary for partners, small counts suppressed",
}


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Adds the `report` and `export` sub-commands."""
    from lbn_desktop.cli_options import add_common_options

    report = sub.add_parser(
        "report",
        help="write a PDF report (expiration, inventory, distributions, program)",
        description="Write a PDF report without opening the window. "
        + " ".join(f"{k}: {v}." for k, v in REPORT_HELP.items()),
        epilog="Example: lbn-desktop report expiration --out expiring.pdf --database "
        "/srv/lbn/quartermaster.sqlite3. Dates are YYYY-MM-DD; without --from/--to the period "
        "is the last full calendar quarter.",
    )
    report.add_argument("kind", choices=list(REPORT_HELP), help="which report")
    report.add_argument("--out", metavar="FILE.pdf", type=Path, required=True, help="PDF to write")
    _period_options(report)
    report.add_argument(
        "--location",
        metavar="NAME",
        action="append",
        help="only this location and what is inside it (name or path; repeat for several)",
    )
    report.add_argument(
        "--partner",
        metavar="NAME",
        help="program summary: use this partner's suppression threshold and name",
    )
    add_common_options(report)
    report.set_defaults(handler=run_report)

    export = sub.add_parser(
        "export",
        help="write the partner workbook (.xlsx) with small counts suppressed",
        description="Write the aggregate workbook for a public-health partner: an About sheet, "
        "kits by ZIP x month, by setting, relationship and station, inventory flow and training. "
        "Counts below the partner's threshold (default: 1-9) are suppressed, with complementary "
        "suppression so that no hidden count can be worked out from totals nor from any "
        "workbook released before (to any partner). A workbook covers a whole calendar month, "
        "quarter or year; each one written is recorded in the release register.",
        epilog="Example: lbn-desktop export partner --quarter 2026-Q1 --out q1.xlsx "
        "--partner 'County health'. Without a period: the last full quarter.",
    )
    export.add_argument("what", choices=["partner"], help="what to export")
    export.add_argument("--out", metavar="FILE.xlsx", type=Path, help="workbook to write")
    chosen = export.add_mutually_exclusive_group()
    chosen.add_argument("--month", metavar="YYYY-MM", help="a calendar month, e.g. 2026-03")
    chosen.add_argument("--quarter", metavar="YYYY-Qn", help="a calendar quarter, e.g. 2026-Q1")
    chosen.add_argument("--year", metavar="YYYY", help="a calendar year, e.g. 2026")
    _period_options(export)
    export.add_argument(
        "--dry-run",
        action="store_true",
        help="print the privacy check and what would be hidden; write and record nothing",
    )
    export.add_argument("--partner", metavar="NAME", help="partner (threshold, name on sheet)")
    export.add_argument(
        "--mark-sent",
        action="store_true",
        help="also move the partner's reporting deadline one interval on",
    )
    add_common_options(export)
    export.set_defaults(handler=run_export)


def _period_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--from", dest="start", metavar="DATE", type=_iso_date, help="first day")
    parser.add_argument("--to", dest="end", metavar="DATE", type=_iso_date, help="last day")


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2026-03-31") from None


def _period(args: argparse.Namespace, services: Services) -> Period:
    from models.reports.rows import Period, last_quarter

    if args.start is None and args.end is None:
        return last_quarter(services.clock.today())
    if args.start is None or args.end is None:
        raise ValidationError("Give both --from and --to, or neither (last full quarter).")
    return Period(args.start, args.end)


def _location_ids(services: Services, names: list[str] | None) -> list[int] | None:
    if not names:
        return None
    places = services.catalog.list_locations()
    out = []
    for name in names:
        wanted = name.strip().lower()
        found = [p for p in places if wanted in (p.name.lower(), p.path.lower())]
        if not found:
            raise NotFound(f"No location named {name!r}.")
        if len(found) > 1:
            paths = "; ".join(p.path for p in found)
            raise ValidationError(f"{name!r} names several locations ({paths}); give the path.")
        out.append(found[0].id)
    return out


def run_report(args: argparse.Namespace) -> int:
    from lbn_desktop.app import open_services
    from models.reports.service import ReportKind
    from models.reports.suppression import DEFAULT_SUPPRESSION_THRESHOLD

    database = None
    try:
        _paths, database, services = open_services(args, create=False, read_only=True)
        kind = ReportKind(args.kind)
        threshold, audience = DEFAULT_SUPPRESSION_THRESHOLD, ""
        if args.partner:
            partner = services.partners.find_partner(args.partner)
            threshold, audience = partner.suppression_threshold, partner.name
        path = services.reports.write_report(
            kind,
            args.out,
            _period(args, services),
            _location_ids(services, args.location),
            threshold=threshold,
            audience=audience,
        )
    except (DomainError, OSError) as refusal:
        print(f"Report not written: {refusal}", file=sys.stderr)
        return 2
    finally:
        if database is not None:
            database.dispose()
    print(f"{kind.heading} written: {path}")
    return 0


def _release_period(args: argparse.Namespace, services: Services) -> Period:
    from models.partners.periods import parse_release_period

    named = args.month or args.quarter or args.year
    if named and (args.start or args.end):
        raise ValidationError("Give either --month/--quarter/--year or --from/--to, not both.")
    return parse_release_period(named) if named else _period(args, services)


def run_export(args: argparse.Namespace) -> int:
    from lbn_desktop.app import open_services

    database = None
    try:
        # A workbook that leaves is recorded in the release register; only a dry run reads only.
        writes = not args.dry_run
        _paths, database, services = open_services(args, create=False, read_only=not writes)
        partner = services.partners.find_partner(args.partner) if args.partner else None
        if args.mark_sent and (partner is None or args.dry_run):
            raise ValidationError("--mark-sent needs --partner and cannot go with --dry-run.")
        if args.out is None and not args.dry_run:
            raise ValidationError("Give --out FILE.xlsx (or --dry-run to only see the check).")
        partner_id = partner.id if partner else None
        audited = services.partners.prepare_release(_release_period(args, services), partner_id)
        if args.dry_run:
            _print_audit(audited)
            return 0
        path = services.partners.release_workbook(
            audited, args.out, partner_id, channel="command line"
        )
        if args.mark_sent and partner is not None:
            moved = services.partners.record_report_sent(partner.id)
            print(f"Next report for {moved.name} due {moved.next_due_on or 'when asked'}.")
    except (DomainError, OSError) as refusal:
        print(f"Workbook not written: {refusal}", file=sys.stderr)
        return 2
    finally:
        if database is not None:
            database.dispose()
    package = audited.package
    print(
        f"Partner workbook written and recorded: {path} ({package.period.label}; "
        f"{package.hidden_count} figure(s) suppressed below {package.threshold}). "
        f"{audited.summary}"
    )
    return 0


def _print_audit(audited: AuditedPackage) -> None:
    package = audited.package
    print(f"Dry run: nothing written, nothing recorded. {package.partner}, {package.period.label}.")
    print(audited.summary)
    print(
        f"{audited.checked} hidden small count(s) checked; {package.hidden_count} figure(s) "
        f"would be marked S, {audited.added} of them because of earlier releases."
    )
    if audited.repeated:
        print("The same figures as the workbook already sent for this period.")
    for table in package.tables:
        for (i, j), why in sorted(table.grid.hidden.items()):
            print(f"  S  {table.title}: {table.row_labels[i]}, {table.col_labels[j]} ({why.value})")
