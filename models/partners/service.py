"""PartnerService: partners, their reporting deadlines and the suppressed partner workbook.

Each public method is one transaction; figures come from the report queries, suppression from
`package`, the file from `workbook_xlsx` (openpyxl is imported only when a file is written).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from models.common.actor import Actor, Permission, requires
from models.common.clock import Clock
from models.common.errors import DomainError
from models.common.settings import agency_title
from models.partners import registry, release_register
from models.partners.audit import Progress
from models.partners.entities import Partner
from models.partners.inputs import gather
from models.partners.package import PartnerPackage, build_package
from models.partners.periods import release_kind
from models.partners.protection import AuditedPackage, ReleaseRefused, check, protect
from models.partners.registry import PartnerDraft, PartnerRow
from models.partners.release_figures import groups
from models.partners.release_register import ReleaseRow
from models.reports.rows import Period
from models.reports.suppression import DEFAULT_SUPPRESSION_THRESHOLD, Pos

ANONYMOUS_PARTNER = "Public-health partner"


@dataclass(frozen=True)
class DeadlineDue:
    """A partner's reporting deadline coming up (dashboard reminder hook)."""

    partner_id: int
    partner_name: str
    due_on: date
    days_left: int


class PartnerService:
    def __init__(self, sessions: sessionmaker[Session], clock: Clock, actor: Actor) -> None:
        self._sessions, self._clock, self._actor = sessions, clock, actor

    def list_partners(self, include_inactive: bool = True) -> list[PartnerRow]:
        with self._sessions() as s:
            stmt = select(Partner).order_by(Partner.name)
            if not include_inactive:
                stmt = stmt.where(Partner.active)
            return [PartnerRow.of(p) for p in s.scalars(stmt)]

    @requires(Permission.MANAGE, "change partners")
    def save_partner(self, draft: PartnerDraft, partner_id: int | None = None) -> PartnerRow:
        with self._sessions.begin() as s:
            return PartnerRow.of(registry.save(s, draft, partner_id))

    @requires(Permission.MANAGE, "delete partners")
    def delete_partner(self, partner_id: int) -> None:
        with self._sessions.begin() as s:
            s.delete(registry.get(s, partner_id))

    @requires(Permission.MANAGE, "record a partner report")
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
        with self._sessions() as s:
            return self.deadlines_due_in(s, within_days)

    def deadlines_due_in(self, s: Session, within_days: int) -> list[DeadlineDue]:
        """`list_deadlines_due` inside the caller's read session (the dashboard reads in one)."""
        today = self._clock.today()
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
        """The suppressed, audited tables for a partner (default threshold when none named)."""
        return self.prepare_release(period, partner_id).package

    def prepare_release(
        self, period: Period, partner_id: int | None = None, progress: Progress | None = None
    ) -> AuditedPackage:
        """The workbook as it would leave, checked against every earlier release.

        Whole months, quarters and years only. The same period for the same partner gives the
        figures released the first time.
        """
        release_kind(period)
        with self._sessions() as s:
            partner = registry.get(s, partner_id) if partner_id is not None else None
            threshold = partner.suppression_threshold if partner else DEFAULT_SUPPRESSION_THRESHOLD
            name = partner.name if partner else ANONYMOUS_PARTNER
            earlier = release_register.packages(s)
            repeat = release_register.earlier_release(s, name, period)
            data = None if repeat else gather(s, period)
            agency = agency_title(s)
        partners = len({p.partner for p in earlier})
        if repeat is not None:
            checked, problems = check(repeat, earlier)
            if problems:  # cannot happen for an audited register; say so if it does
                raise ReleaseRefused(" ".join(problems))
            return AuditedPackage(repeat, len(earlier), partners, checked, 0, True)
        assert data is not None
        now = self._clock.now()

        def build(forced: Sequence[set[Pos]]) -> PartnerPackage:
            return build_package(agency, name, period, threshold, now, data, forced)

        package, result, added = protect(build, earlier, progress)
        return AuditedPackage(package, len(earlier), partners, result.checked, added)

    @requires(Permission.REPORT, "release a partner workbook")
    def release_workbook(
        self,
        audited: AuditedPackage,
        path: Path | str,
        partner_id: int | None = None,
        channel: str = "window",
    ) -> Path:
        """Checks again, writes the workbook and records it in the register, all or nothing."""
        from models.partners.workbook_xlsx import write_partner_workbook

        target = Path(path)
        with self._sessions.begin() as s:
            if check(audited.package, release_register.packages(s))[1]:
                raise ReleaseRefused(
                    "Another release was recorded since this preview was made; prepare the "
                    "workbook again. Nothing was written."
                )
            release_register.record(
                s,
                audited.package,
                partner_id,
                at=self._clock.now(),
                by=self._actor.name,
                channel=channel,
                file_name=target.name,
            )
            write_partner_workbook(audited.package, target)
        return target

    def list_releases(self) -> list[ReleaseRow]:
        with self._sessions() as s:
            return release_register.list_rows(s)

    def audit_register(self, progress: Progress | None = None) -> list[str]:
        """Replays the register in order: each release audited against those before it, as
        when it left. One plain sentence per hidden count that can be worked out."""
        with self._sessions() as s:
            released = release_register.packages(s)
        problems: list[str] = []
        for group in groups(released):
            packages = [released[k] for k in group]
            for k in range(len(packages)):
                try:
                    problems += check(packages[k], packages[:k])[1]
                except DomainError as conflict:
                    problems.append(str(conflict))
                if progress is not None:
                    progress(k + 1, len(packages))
        return problems

    @requires(Permission.REPORT, "export the partner workbook")
    def write_partner_workbook(self, package: PartnerPackage, path: Path | str) -> Path:
        """Writes a package without recording it (previews and tests); releases use
        `release_workbook`."""
        from models.partners.workbook_xlsx import (
            write_partner_workbook,  # openpyxl: only when asked
        )

        return write_partner_workbook(package, path)
