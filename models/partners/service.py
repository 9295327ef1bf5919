"""PartnerService: partners, their reporting deadlines and the suppressed partner workbook.

Each public method is one transaction; figures come from the report queries, suppression from
`package`, the file from `workbook_xlsx` (openpyxl is imported only when a file is written).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from models.common.clock import Clock
from models.common.settings import agency_title
from models.partners import registry
from models.partners.entities import Partner
from models.partners.package import PackageInput, PartnerPackage, build_package
from models.partners.registry import PartnerDraft, PartnerRow
from models.reports import activity_queries as aq
from models.reports import queries as rq
from models.reports.rows import Period
from models.reports.suppression import DEFAULT_SUPPRESSION_THRESHOLD


@dataclass(frozen=True)
class DeadlineDue:
    """A partner's reporting deadline coming up (dashboard reminder hook)."""

    partner_id: int
    partner_name: str
    due_on: date
    days_left: int


class PartnerService:
    def __init__(self, sessions: sessionmaker[Session], clock: Clock) -> None:
        self._sessions, self._clock = sessions, clock

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
                agency_title(s),
                partner.name if partner else "Public-health partner",
                period,
                threshold,
                self._clock.now(),
                data,
            )

    def write_partner_workbook(self, package: PartnerPackage, path: Path | str) -> Path:
        from models.partners.workbook_xlsx import (
            write_partner_workbook,  # openpyxl: only when asked
        )

        return write_partner_workbook(package, path)


def _by_label(matrix: dict[tuple[str, date], int], labels: dict[str, str]) -> dict[str, int]:
    out: dict[str, int] = defaultdict(int)
    for (code, _month), kits in matrix.items():
        out[aq.humanize(code, labels)] += kits
    return dict(out)
