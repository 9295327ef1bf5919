"""ReportService: PDF reports, partner workbooks, partners and their reporting deadlines.

Each public method reads in one transaction and hands plain rows to a writer; writing files
happens after the session is closed.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from models import activity_queries as aq
from models import partner_registry as registry
from models import report_queries as rq
from models.clock import Clock
from models.entities import Location, Product
from models.partner_entities import DEFAULT_SUPPRESSION_THRESHOLD, Partner
from models.partner_package import PackageInput, PartnerPackage, build_package
from models.partner_registry import PartnerDraft, PartnerRow
from models.report_rows import (
    DistributionFigures,
    ExpirationRow,
    Period,
    ProgramFigures,
    StockRow,
)
from models.settings_service import read_setting

Progress = Callable[[int, int], None]


class ReportKind(StrEnum):
    EXPIRATION = "expiration"
    INVENTORY = "inventory"
    DISTRIBUTIONS = "distributions"
    PROGRAM = "program"

    @property
    def title(self) -> str:
        return {
            "expiration": "Expiration report",
            "inventory": "Inventory on hand",
            "distributions": "Distribution summary",
            "program": "Program summary",
        }[self.value]

    @property
    def uses_period(self) -> bool:
        return self in (ReportKind.DISTRIBUTIONS, ReportKind.PROGRAM)

    @property
    def uses_locations(self) -> bool:
        return self is not ReportKind.PROGRAM


@dataclass(frozen=True)
class DeadlineDue:
    """A partner's reporting deadline coming up (dashboard reminder hook)."""

    partner_id: int
    partner_name: str
    due_on: date
    days_left: int


class ReportService:
    def __init__(self, sessions: sessionmaker[Session], clock: Clock) -> None:
        self._sessions, self._clock = sessions, clock

    # --- partners and deadlines ----------------------------------------------------------

    def list_partners(self, include_inactive: bool = True) -> list[PartnerRow]:
        with self._sessions() as s:
            stmt = select(Partner).order_by(Partner.name)
            if not include_inactive:
                stmt = stmt.where(Partner.active)
            return [PartnerRow.of(p) for p in s.scalars(stmt)]

    def save_partner(self, draft: PartnerDraft, partner_id: int | None = None) -> PartnerRow:
        with self._sessions.begin() as s:
            return PartnerRow.of(registry.save(s, draft, partner_id))

    def delete_partner(self, partner_id: int) -> None:
        with self._sessions.begin() as s:
            s.delete(registry.get(s, partner_id))

    def record_report_sent(self, partner_id: int) -> PartnerRow:
        """Moves the partner's next deadline one reporting interval on."""
        with self._sessions.begin() as s:
            partner = registry.get(s, partner_id)
            registry.advance_deadline(partner, self._clock.today())
            return PartnerRow.of(partner)

    def find_partner(self, name: str) -> PartnerRow:
        with self._sessions() as s:
            return PartnerRow.of(registry.find_by_name(s, name))

    def list_deadlines_due(self, within_days: int = 14) -> list[DeadlineDue]:
        """Partner reporting deadlines within `within_days` (or past)."""
        today = self._clock.today()
        with self._sessions() as s:
            stmt = (
                select(Partner)
                .where(
                    Partner.active,
                    Partner.next_due_on.is_not(None),
                    Partner.next_due_on <= today + timedelta(days=within_days),
                )
                .order_by(Partner.next_due_on, Partner.name)
            )
            return [
                DeadlineDue(p.id, p.name, p.next_due_on, (p.next_due_on - today).days)
                for p in s.scalars(stmt)
                if p.next_due_on is not None
            ]

    # --- figures -------------------------------------------------------------------------

    def list_expiration_rows(
        self, location_ids: Sequence[int] | None = None
    ) -> list[ExpirationRow]:
        with self._sessions() as s:
            return rq.expiration_rows(s, self._clock.today(), location_ids, self._bands(s))

    def list_stock_rows(
        self, location_ids: Sequence[int] | None = None, by_location: bool = True
    ) -> list[StockRow]:
        with self._sessions() as s:
            return rq.stock_rows(s, self._clock.today(), location_ids, by_location=by_location)

    def distribution_figures(
        self, period: Period, location_ids: Sequence[int] | None = None
    ) -> DistributionFigures:
        with self._sessions() as s:
            return aq.distribution_figures(s, period, location_ids)

    def program_figures(self, period: Period) -> ProgramFigures:
        with self._sessions() as s:
            return self._program_figures(s, period)

    def _program_figures(self, s: Session, period: Period) -> ProgramFigures:
        distribution = aq.distribution_figures(s, period)
        flows = rq.flow_rows(s, period)
        usable, expired, kits = rq.naloxone_doses(s, self._clock.today())
        doses_per_unit = _dose_products(s)
        return ProgramFigures(
            kits_distributed=distribution.kits,
            doses_distributed=distribution.doses_left_behind,
            doses_administered=distribution.doses_administered,
            doses_expired=sum(
                f.disposed_expired * doses_per_unit.get(f.product_name, 0) for f in flows
            ),
            expired_doses_on_hand=expired,
            usable_doses_on_hand=usable,
            kits_on_hand=kits,
            training=aq.training_figures(s, period, as_of=self._clock.today()),
            distribution=distribution,
        )

    def partner_package(self, period: Period, partner_id: int | None = None) -> PartnerPackage:
        """The suppressed tables for a partner (default threshold when no partner is named)."""
        with self._sessions() as s:
            partner = registry.get(s, partner_id) if partner_id is not None else None
            threshold = partner.suppression_threshold if partner else DEFAULT_SUPPRESSION_THRESHOLD
            settings = aq.category_labels(s, "setting")
            relations = aq.category_labels(s, "relationship")
            data = PackageInput(
                months=period.months(),
                by_zip=aq.kits_matrix(s, period, "zip_code"),
                by_setting=_by_label(aq.kits_matrix(s, period, "setting"), settings),
                by_relationship=_by_label(aq.kits_matrix(s, period, "relationship"), relations),
                by_station=aq.kits_by_station(s, period),
                received_by_source=rq.received_by_source(s, period),
                flows=rq.flow_rows(s, period),
                training=aq.training_figures(s, period),
            )
            return build_package(
                self._agency(s),
                partner.name if partner else "Public-health partner",
                period,
                threshold,
                self._clock.now(),
                data,
            )

    # --- files ---------------------------------------------------------------------------

    def write_partner_workbook(self, package: PartnerPackage, path: Path | str) -> Path:
        from models.partner_workbook import write_partner_workbook  # openpyxl: only when asked

        return write_partner_workbook(package, path)

    def write_report(
        self,
        kind: ReportKind,
        path: Path | str,
        period: Period | None = None,
        location_ids: Sequence[int] | None = None,
        progress: Progress | None = None,
        threshold: int = DEFAULT_SUPPRESSION_THRESHOLD,
        audience: str = "",
    ) -> Path:
        """Writes one PDF report; `period` defaults to the last full quarter."""
        # reportlab is imported only when a report is asked for, to keep start-up quick.
        from models.pdf_common import PageFrame
        from models.reports.distribution_report import write_distribution_report
        from models.reports.expiration_report import write_expiration_report
        from models.reports.inventory_report import write_inventory_report
        from models.reports.program_summary import build_program_tables, write_program_summary

        period = period or last_quarter(self._clock.today())
        today = self._clock.today()
        with self._sessions() as s:
            scope = self._scope_label(s, location_ids)
            frame = PageFrame(
                kind.title,
                self._agency(s),
                period.label if kind.uses_period else f"On hand {today:%d %b %Y} - {scope}",
                self._clock.now(),
            )
            if kind is ReportKind.EXPIRATION:
                rows = rq.expiration_rows(s, today, location_ids, self._bands(s))
                bands = self._bands(s)
            elif kind is ReportKind.INVENTORY:
                products = rq.stock_rows(s, today, location_ids, by_location=False)
                places = rq.stock_rows(s, today, location_ids, by_location=True)
            elif kind is ReportKind.DISTRIBUTIONS:
                figures = aq.distribution_figures(s, period, location_ids)
            else:
                program = self._program_figures(s, period)
        if kind is ReportKind.EXPIRATION:
            return write_expiration_report(path, frame, rows, today, bands, progress)
        if kind is ReportKind.INVENTORY:
            return write_inventory_report(path, frame, products, places, today, progress)
        if kind is ReportKind.DISTRIBUTIONS:
            return write_distribution_report(path, frame, figures, scope, progress)
        tables = build_program_tables(program, threshold)
        suffix = f", prepared for {audience}" if audience else ""
        return write_program_summary(path, frame, program, tables, suffix, progress)

    # --- helpers -------------------------------------------------------------------------

    def _agency(self, s: Session) -> str:
        return str(read_setting(s, "agency_name") or "") or "Leave-Behind Naloxone program"

    def _bands(self, s: Session) -> list[int]:
        bands = read_setting(s, "expiry_bands") or [30, 90]
        return [int(b) for b in bands][:2]

    def _scope_label(self, s: Session, location_ids: Sequence[int] | None) -> str:
        if not location_ids:
            return "all locations"
        names = s.scalars(select(Location.name).where(Location.id.in_(list(location_ids))))
        return ", ".join(sorted(names))


def _by_label(matrix: dict[tuple[str, date], int], labels: dict[str, str]) -> dict[str, int]:
    out: dict[str, int] = defaultdict(int)
    for (code, _month), kits in matrix.items():
        out[aq.humanize(code, labels)] += kits
    return dict(out)


def _dose_products(s: Session) -> dict[str, int]:
    stmt = select(Product.name, Product.doses_per_unit).where(Product.kind.in_(rq.DOSE_KINDS))
    return dict(s.execute(stmt).all())


def last_quarter(today: date) -> Period:
    """The last full calendar quarter before `today` (the usual partner period)."""
    first_of_quarter = date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)
    end = first_of_quarter - timedelta(days=1)
    return Period(date(end.year, 3 * ((end.month - 1) // 3) + 1, 1), end)
