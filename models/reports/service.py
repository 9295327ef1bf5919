"""ReportService: the PDF reports (expiration, inventory, distributions, program summary).

Each public method reads in one transaction and hands plain rows to a writer; writing files
happens after the session is closed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from enum import StrEnum
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from models.common.clock import Clock
from models.common.settings import EXPIRY_BANDS, agency_title, read_setting
from models.reports import activity_queries as aq
from models.reports import queries as rq
from models.reports.rows import (
    DistributionFigures,
    ExpirationRow,
    Period,
    ProgramFigures,
    StockRow,
    last_quarter,
)
from models.reports.suppression import DEFAULT_SUPPRESSION_THRESHOLD
from models.stock.entities import Location, Product

Progress = Callable[[int, int], None]


class ReportKind(StrEnum):
    EXPIRATION = "expiration"
    INVENTORY = "inventory"
    DISTRIBUTIONS = "distributions"
    PROGRAM = "program"

    @property
    def heading(self) -> str:  # not `title`: that is str.title()
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


class ReportService:
    def __init__(self, sessions: sessionmaker[Session], clock: Clock) -> None:
        self._sessions, self._clock = sessions, clock

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

    # --- files ---------------------------------------------------------------------------

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
        from models.common.pdf import PageFrame
        from models.reports.distribution_report import write_distribution_report
        from models.reports.expiration_report import write_expiration_report
        from models.reports.inventory_report import write_inventory_report
        from models.reports.program_summary import build_program_tables, write_program_summary

        period = period or last_quarter(self._clock.today())
        today = self._clock.today()
        with self._sessions() as s:
            scope = self._scope_label(s, location_ids)
            frame = PageFrame(
                kind.heading,
                agency_title(s),
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

    def _bands(self, s: Session) -> list[int]:
        first, second = read_setting(s, EXPIRY_BANDS)
        return [first, second]

    def _scope_label(self, s: Session, location_ids: Sequence[int] | None) -> str:
        if not location_ids:
            return "all locations"
        names = s.scalars(select(Location.name).where(Location.id.in_(list(location_ids))))
        return ", ".join(sorted(names))


def _dose_products(s: Session) -> dict[str, int]:
    stmt = select(Product.name, Product.doses_per_unit).where(Product.kind.in_(rq.DOSE_KINDS))
    return dict(s.execute(stmt).all())
