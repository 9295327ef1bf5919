"""DistributionService: anonymous leave-behind log, on-scene administrations, voids, tally import.

Each public write is one transaction (a refusal writes nothing); reads return frozen rows.
Figures exclude voided records; lists show them, marked, so history stays visible.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from models.common.actor import Actor, Permission, requires
from models.common.clock import Clock
from models.common.errors import DomainError, NotFound, ValidationError
from models.common.pii_screen import screen_free_text
from models.common.retry import retried_once_on_deadlock
from models.distributions import categories as dc
from models.distributions import queries as dq
from models.distributions import tally_import
from models.distributions.entities import Administration, Distribution
from models.distributions.entry_keys import once_per_key
from models.distributions.kit_picks import default_kit_product, issue_point
from models.distributions.lookups import Lookups
from models.distributions.recording import (
    Categories,
    record_administration,
    record_distribution,
)
from models.distributions.rows import (
    AdministrationEntry,
    AdministrationRow,
    CountRow,
    DistributionEntry,
    DistributionRow,
    DistributionSummary,
    ImportResult,
    IssuePoint,
    KitChoice,
    MonthCount,
    TallyProblem,
)
from models.distributions.tally_recording import PlannedRow, TallyPlanner, write_distributions
from models.stock.entities import Balance, LocationKind, Lot, Product, ProductKind
from models.stock.ledger import is_expired, reverse_operation, virtual_location_id
from models.stock.location_tree import LocationTree

Progress = Callable[[int, int], None]


class DistributionService:
    def __init__(self, sessions: sessionmaker[Session], clock: Clock, actor: Actor) -> None:
        self._sessions, self._clock, self._actor = sessions, clock, actor
        self._lookups = Lookups()  # category lists and places, read once, refreshed by screens

    # --- writes -------------------------------------------------------------------------

    @requires(Permission.RECORD, "record a distribution")
    @retried_once_on_deadlock
    def record_distribution(self, entry: DistributionEntry) -> DistributionRow:
        """Log one leave-behind and move its kits (FEFO) out of the vehicle or location.

        Over a network this is the station's most frequent write, so it reads only the kit
        lots: categories and places are the ones this service last read (see `Lookups`).
        An entry whose key is already recorded is not recorded again (`once_per_key`).
        """
        return once_per_key(
            self._sessions,
            Distribution,
            entry.entry_key,
            lambda: self._record_distribution(entry),
            lambda s, done: self._distribution_rows(s, [done])[0],
        )

    def _record_distribution(self, entry: DistributionEntry) -> DistributionRow:
        known, personnel = self._lookups, self._personnel(entry.comment)
        with self._sessions.begin() as s:
            cats = known.categories_for(s, lambda kept: kept.check(entry))
            distributed = known.virtual_id(s, LocationKind.DISTRIBUTED)
            record, picks = record_distribution(
                s, entry, self._actor.name, self._clock.now(), cats,
                personnel, distributed,
            )  # fmt: skip
            lots = ", ".join(f"{p.lot_number} ×{p.quantity}" for p in picks)
            return dq.distribution_row(record, cats, known.path(s, record.location_id), lots)

    @requires(Permission.RECORD, "record an administration")
    @retried_once_on_deadlock
    def record_administration(self, entry: AdministrationEntry) -> AdministrationRow:
        """Log doses used on scene; from a kit, the kit is opened and stops being a kit."""
        return once_per_key(
            self._sessions,
            Administration,
            entry.entry_key,
            lambda: self._record_administration(entry),
            lambda s, done: self._administration_rows(s, [done])[0],
        )

    def _record_administration(self, entry: AdministrationEntry) -> AdministrationRow:
        personnel = self._personnel(entry.comment)
        with self._sessions.begin() as s:
            record = record_administration(s, entry, self._actor.name, self._clock.now(), personnel)
            return self._administration_rows(s, [record])[0]

    @requires(Permission.MANAGE, "void a distribution")
    def void_distribution(self, distribution_id: int, reason: str) -> DistributionRow:
        """Reverse the kits' movement and mark the record voided; it stays in history."""
        with self._sessions.begin() as s:
            record = s.get(Distribution, distribution_id)
            if record is None:
                raise NotFound(f"No distribution number {distribution_id}.")
            self._void(s, record, reason, "Distribution")
            return self._distribution_rows(s, [record])[0]

    @requires(Permission.MANAGE, "void an administration")
    def void_administration(self, administration_id: int, reason: str) -> AdministrationRow:
        """Put the doses back (and re-close an opened kit); the record stays, marked voided."""
        with self._sessions.begin() as s:
            record = s.get(Administration, administration_id)
            if record is None:
                raise NotFound(f"No administration number {administration_id}.")
            self._void(s, record, reason, "Administration")
            return self._administration_rows(s, [record])[0]

    def _personnel(self, comment: str | None) -> list[str]:
        """The roster's names, which a comment may name; read only when there is a comment."""
        return list(self._actor.personnel()) if comment and comment.strip() else []

    def _void(
        self, s: Session, record: Distribution | Administration, reason: str, what: str
    ) -> None:
        if record.void_reason is not None:
            raise ValidationError(f"{what} {record.id} is already voided ({record.void_reason}).")
        cleaned = screen_free_text(reason, "The reason")
        if cleaned is None:
            raise ValidationError("Say why the record is voided (e.g. entered twice).")
        reversal = reverse_operation(
            s, record.operation_id, self._actor.name, self._clock.now(), cleaned
        )
        record.void_operation_id, record.void_reason = reversal.id, cleaned
        s.flush()

    @requires(Permission.MANAGE, "import a tally sheet")
    def import_tally(self, path: Path, progress: Progress | None = None) -> ImportResult:
        """Import every row of a tally sheet, or none: each bad row is listed with its reason.

        Rows are read, checked and their lots picked first without the write lock, so a sheet
        with mistakes never holds up another station; the checked rows are then written in one
        short transaction (a few statements, under a second for 10,000 rows), refused as a
        whole if the stock changed in between. `progress(done, total)` counts the rows
        checked (the last step, writing, is not reported: it cannot be cancelled half-way);
        raising from it (Cancel) writes nothing.
        """
        raw_rows = tally_import.read_rows(Path(path))
        report = progress or (lambda _done, _total: None)
        planned = self._checked_rows(raw_rows, report)
        who = (self._actor.name, self._actor.station)
        with self._sessions.begin() as s:
            saved = write_distributions(s, planned, who, self._clock.now())
        days = [d["occurred_on"] for d in saved]
        return ImportResult(len(saved), sum(d["kits"] for d in saved), min(days), max(days))

    def _checked_rows(
        self, raw_rows: list[tally_import.RawRow], report: Progress
    ) -> list[PlannedRow]:
        """Every row parsed, checked and picked in a read session; all problems refused together."""
        with self._sessions() as s:
            planner = TallyPlanner(s, self._clock.today(), Categories.load(s))
            find_location, find_kit = _location_finder(s), _kit_finder(s)
            problems: list[TallyProblem] = []
            planned: list[PlannedRow] = []
            for done, (line, cells) in enumerate(raw_rows, start=1):
                try:
                    planned.append(
                        planner.plan(tally_import.to_entry(cells, find_location, find_kit))
                    )
                except DomainError as refusal:
                    problems.append(TallyProblem(line, str(refusal)))
                report(done, len(raw_rows) + 1)
        if problems:
            raise tally_import.TallyImportRefused(problems)
        return planned

    # --- reads --------------------------------------------------------------------------

    def list_distributions(
        self, start: date, end: date, location_id: int | None = None
    ) -> list[DistributionRow]:
        """Every record of the period, voided ones included (marked), newest first."""
        with self._sessions() as s:
            return self._distribution_rows(s, dq.fetch_distributions(s, start, end, location_id))

    def list_recent(self, limit: int = 20) -> list[DistributionRow]:
        """The last records entered (whatever their date), so a clerk sees what is already in."""
        with self._sessions() as s:
            stmt = select(Distribution).order_by(Distribution.id.desc()).limit(limit)
            return self._distribution_rows(s, list(s.scalars(stmt)))

    def list_administrations(self, start: date, end: date) -> list[AdministrationRow]:
        with self._sessions() as s:
            return self._administration_rows(s, dq.fetch_administrations(s, start, end))

    def counts_by(self, dimension: str, start: date, end: date) -> list[CountRow]:
        """Distributions and kits per value of one of `DIMENSIONS` (zip, setting, month...)."""
        return dq.counts_by(self.list_distributions(start, end), dimension)

    def monthly_counts(self, start: date, end: date) -> list[MonthCount]:
        with self._sessions() as s:
            return dq.monthly_counts(
                dq.fetch_distributions(s, start, end),
                dq.fetch_administrations(s, start, end),
                start,
                end,
            )

    def summary(self, start: date, end: date) -> DistributionSummary:
        with self._sessions() as s:
            rows = self._distribution_rows(s, dq.fetch_distributions(s, start, end))
            return dq.summary(rows, dq.fetch_administrations(s, start, end), start, end)

    def list_issue_points(self) -> list[IssuePoint]:
        """Active places kits can leave from (vehicles first) with usable kits and doses there."""
        today = self._clock.today()
        with self._sessions() as s:
            tree = LocationTree.load(s)
            self._lookups.keep(tree=tree)
            held: dict[tuple[int, str], int] = {}
            stmt = (
                select(Balance.location_id, Product.kind, Lot.expiry, Balance.quantity)
                .join(Lot, Lot.id == Balance.lot_id)
                .join(Product, Product.id == Lot.product_id)
                .where(Balance.quantity > 0, Product.kind.in_([ProductKind.KIT, "naloxone"]))
            )
            for location_id, kind, expiry, quantity in s.execute(stmt):
                if not is_expired(expiry, today):
                    key = (location_id, kind)
                    held[key] = held.get(key, 0) + quantity
            places = [p for p in tree.physical() if p.active and p.kind != LocationKind.QUARANTINE]
            places.sort(key=lambda p: (p.kind != LocationKind.VEHICLE, p.path.lower()))
            return [
                IssuePoint(
                    p.id,
                    p.path,
                    p.kind,
                    held.get((p.id, "kit"), 0),
                    held.get((p.id, "naloxone"), 0),
                )
                for p in places
            ]

    def list_kit_products(self, location_id: int | None = None) -> list[KitChoice]:
        """Kit products, the standard kit first, with usable kits at a place (or everywhere)."""
        today = self._clock.today()
        with self._sessions() as s:
            if location_id is not None:
                issue_point(s, location_id)
            standard = default_kit_product(s)
            products = s.scalars(
                select(Product).where(Product.kind == ProductKind.KIT, Product.active)
            ).all()
            stmt = select(Lot.product_id, Lot.expiry, Balance.quantity).join(
                Balance, Balance.lot_id == Lot.id
            )
            if location_id is not None:
                stmt = stmt.where(Balance.location_id == location_id)
            else:
                physical = {p.id for p in LocationTree.load(s).physical()}
                stmt = stmt.where(Balance.location_id.in_(physical))
            usable: dict[int, int] = {}
            for product_id, expiry, quantity in s.execute(stmt.where(Balance.quantity > 0)):
                if not is_expired(expiry, today):
                    usable[product_id] = usable.get(product_id, 0) + quantity
            choices = [KitChoice(p.id, p.name, usable.get(p.id, 0)) for p in products]
            return sorted(choices, key=lambda c: (c.product_id != standard, c.name.lower()))

    # --- categories and service area ----------------------------------------------------

    def list_categories(self, kind: dc.CategoryKind) -> list[dc.Category]:
        with self._sessions() as s:
            categories = Categories.load(s)  # all lists in one read; the next save checks these
        self._lookups.keep(categories=categories)
        return {
            dc.CategoryKind.SETTING: categories.settings,
            dc.CategoryKind.RELATIONSHIP: categories.relationships,
            dc.CategoryKind.TIME_BAND: categories.time_bands,
            dc.CategoryKind.OUTCOME: categories.outcomes,
        }[kind]

    @requires(Permission.MANAGE, "change distribution categories")
    def save_categories(
        self, kind: dc.CategoryKind, categories: list[dc.Category]
    ) -> list[dc.Category]:
        """Store the agency's list; codes still used by records can be retired, not deleted."""
        self._lookups.forget()
        with self._sessions.begin() as s:
            return dc.save_categories(s, kind, categories, _codes_in_use(s, kind))

    @requires(Permission.MANAGE, "change the distribution settings")
    def save_configuration(
        self, categories: dict[dc.CategoryKind, list[dc.Category]], zips: list[str]
    ) -> None:
        """The whole settings tab at once: every list and the service-area ZIPs, or nothing."""
        self._lookups.forget()
        with self._sessions.begin() as s:
            for kind, values in categories.items():
                dc.save_categories(s, kind, values, _codes_in_use(s, kind))
            dc.save_service_area_zips(s, zips)

    def service_area_zips(self) -> list[str]:
        with self._sessions() as s:
            return dc.load_service_area_zips(s)

    @requires(Permission.MANAGE, "change the service area")
    def save_service_area_zips(self, zips: list[str]) -> list[str]:
        with self._sessions.begin() as s:
            return dc.save_service_area_zips(s, zips)

    def recent_zips(self, limit: int = 10) -> list[str]:
        """ZIPs used most often, to offer after the service area's."""
        with self._sessions() as s:
            stmt = (
                select(Distribution.zip_code)
                .group_by(Distribution.zip_code)
                .order_by(func.count().desc(), Distribution.zip_code)
                .limit(limit)
            )
            return list(s.scalars(stmt))

    # --- rows ---------------------------------------------------------------------------

    def _distribution_rows(self, s: Session, records: list[Distribution]) -> list[DistributionRow]:
        return dq.distribution_rows(s, records, virtual_location_id(s, LocationKind.DISTRIBUTED))

    def _administration_rows(
        self, s: Session, records: list[Administration]
    ) -> list[AdministrationRow]:
        return dq.administration_rows(s, records, virtual_location_id(s, LocationKind.ADMINISTERED))


def _codes_in_use(s: Session, kind: dc.CategoryKind) -> set[str]:
    column = {
        dc.CategoryKind.SETTING: Distribution.setting,
        dc.CategoryKind.RELATIONSHIP: Distribution.relationship,
        dc.CategoryKind.TIME_BAND: Distribution.time_band,
        dc.CategoryKind.OUTCOME: Distribution.outcomes,
    }[kind]
    found = {c for c in s.scalars(select(func.distinct(column))) if c}
    return {code for c in found for code in c.split(",")}


def _location_finder(s: Session) -> Callable[[str], int]:
    places = [p for p in LocationTree.load(s).physical() if p.kind != LocationKind.QUARANTINE]

    def find(text: str) -> int:
        wanted = " ".join(text.lower().split())
        if not wanted:
            raise ValidationError("Say which vehicle or location the kits came from.")
        by_path = [p for p in places if " ".join(p.path.lower().split()) == wanted]
        by_name = [p for p in places if p.name.lower() == wanted]
        found = by_path or by_name
        if len(found) == 1:
            return found[0].id
        if found:
            paths = " or ".join(f"'{p.path}'" for p in found[:3])
            raise ValidationError(f"'{text}' names several places; write {paths}.")
        raise ValidationError(f"No vehicle or location called '{text}'.")

    return find


def _kit_finder(s: Session) -> Callable[[str], int | None]:
    kits = {
        name.lower(): pid
        for pid, name in s.execute(
            select(Product.id, Product.name).where(Product.kind == ProductKind.KIT)
        )
    }

    def find(text: str) -> int | None:
        if not text:
            return None
        if text.lower() not in kits:
            raise ValidationError(f"No kit product called '{text}'.")
        return kits[text.lower()]

    return find
