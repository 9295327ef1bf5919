"""Read side of distributions: record lists, counts by dimension, monthly trend, summaries.

Voided records are listed (history stays visible) but never counted in figures.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.common.errors import ValidationError
from models.distributions import categories as dc
from models.distributions.entities import Administration, Distribution
from models.distributions.recording import Categories
from models.distributions.rows import (
    AdministrationRow,
    CountRow,
    DistributionRow,
    DistributionSummary,
    MonthCount,
)
from models.stock.entities import Lot, StockMove
from models.stock.location_tree import LocationTree

DIMENSIONS = ("zip", "setting", "relationship", "location", "time_band", "month", "outcome")
NO_OUTCOME = "No outcome ticked"


def check_period(start: date, end: date) -> None:
    if end < start:
        raise ValidationError("The period ends before it starts.")


def fetch_distributions(
    s: Session, start: date, end: date, location_id: int | None = None
) -> list[Distribution]:
    check_period(start, end)
    stmt = select(Distribution).where(
        Distribution.occurred_on >= start, Distribution.occurred_on <= end
    )
    if location_id is not None:
        stmt = stmt.where(Distribution.location_id == location_id)
    stmt = stmt.order_by(Distribution.occurred_on.desc(), Distribution.id.desc())
    return list(s.scalars(stmt))


def fetch_administrations(s: Session, start: date, end: date) -> list[Administration]:
    check_period(start, end)
    stmt = (
        select(Administration)
        .where(Administration.occurred_on >= start, Administration.occurred_on <= end)
        .order_by(Administration.occurred_on.desc(), Administration.id.desc())
    )
    return list(s.scalars(stmt))


def _lots_of(s: Session, operation_ids: Iterable[int], to_kind_ids: set[int]) -> dict[int, str]:
    """Per operation, the lots that went to the given (virtual) locations: "K0001 ×2"."""
    ids = list(operation_ids)
    if not ids:
        return {}
    found: dict[int, list[str]] = defaultdict(list)
    stmt = (
        select(StockMove.operation_id, Lot.lot_number, StockMove.quantity)
        .join(Lot, Lot.id == StockMove.lot_id)
        .where(StockMove.operation_id.in_(ids), StockMove.to_location_id.in_(to_kind_ids))
        .order_by(StockMove.id)
    )
    for op_id, number, quantity in s.execute(stmt):
        found[op_id].append(f"{number} ×{quantity}")
    return {k: ", ".join(v) for k, v in found.items()}


def distribution_rows(
    s: Session, records: list[Distribution], distributed_id: int
) -> list[DistributionRow]:
    cats = Categories.load(s)
    tree = LocationTree.load(s)
    lots = _lots_of(s, (r.operation_id for r in records), {distributed_id})
    return [
        distribution_row(r, cats, tree.rows[r.location_id].path, lots.get(r.operation_id, ""))
        for r in records
    ]


def distribution_row(
    r: Distribution, cats: Categories, location_path: str, kit_lots: str
) -> DistributionRow:
    """One record as a row, given its place's path and its kit lots ("K0001 ×2, K0002 ×1")."""
    return DistributionRow(
        id=r.id,
        occurred_on=r.occurred_on,
        time_band=r.time_band,
        time_band_label=dc.label_of(cats.time_bands, r.time_band),
        kits=r.kits,
        location_id=r.location_id,
        location_path=location_path,
        zip_code=r.zip_code,
        setting=r.setting,
        setting_label=dc.label_of(cats.settings, r.setting),
        relationship=r.relationship,
        relationship_label=dc.label_of(cats.relationships, r.relationship),
        naloxone_administered=r.naloxone_administered,
        services_offered=r.services_offered,
        comment=r.comment,
        operation_id=r.operation_id,
        recorded_at=r.recorded_at,
        recorded_by=r.recorded_by,
        void_reason=r.void_reason,
        kit_lots=kit_lots,
        outcomes=dc.outcome_codes(r.outcomes),
        outcome_labels=tuple(dc.label_of(cats.outcomes, c) for c in dc.outcome_codes(r.outcomes)),
    )


def administration_rows(
    s: Session, records: list[Administration], administered_id: int
) -> list[AdministrationRow]:
    tree = LocationTree.load(s)
    lots = _lots_of(s, (r.operation_id for r in records), {administered_id})
    return [
        AdministrationRow(
            id=r.id,
            occurred_on=r.occurred_on,
            doses=r.doses,
            location_id=r.location_id,
            location_path=tree.rows[r.location_id].path,
            from_kit=r.from_kit,
            zip_code=r.zip_code,
            comment=r.comment,
            operation_id=r.operation_id,
            recorded_at=r.recorded_at,
            recorded_by=r.recorded_by,
            void_reason=r.void_reason,
            lots=lots.get(r.operation_id, ""),
        )
        for r in records
    ]


def counts_by(rows: list[DistributionRow], dimension: str) -> list[CountRow]:
    """Distributions and kits per value of a dimension, largest first; voided rows skipped."""
    if dimension not in DIMENSIONS:
        raise ValidationError(f"Cannot group distributions by '{dimension}'.")
    if dimension == "outcome":
        return _counts_by_outcome(rows)
    key_label: Callable[[DistributionRow], tuple[str, str]] = {
        "zip": lambda r: (r.zip_code, r.zip_code),
        "setting": lambda r: (r.setting, r.setting_label),
        "relationship": lambda r: (r.relationship, r.relationship_label),
        "location": lambda r: (str(r.location_id), r.location_path),
        "time_band": lambda r: (r.time_band or "", r.time_band_label or "Not recorded"),
        "month": lambda r: (f"{r.occurred_on:%Y-%m}", f"{r.occurred_on:%b %Y}"),
    }[dimension]
    totals: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for row in rows:
        if row.voided:
            continue
        bucket = totals[key_label(row)]
        bucket[0] += 1
        bucket[1] += row.kits
    out = [CountRow(k, label, n, kits) for (k, label), (n, kits) in totals.items()]
    if dimension == "month":
        return sorted(out, key=lambda c: c.key)
    return sorted(out, key=lambda c: (-c.kits, -c.distributions, c.label.lower()))


def _counts_by_outcome(rows: list[DistributionRow]) -> list[CountRow]:
    """A distribution counts once under each outcome ticked (so the rows may add up to more)."""
    totals: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for row in rows:
        if row.voided:
            continue
        tags = list(zip(row.outcomes, row.outcome_labels, strict=True)) or [("", NO_OUTCOME)]
        for tag in tags:
            totals[tag][0] += 1
            totals[tag][1] += row.kits
    out = [CountRow(k, label, n, kits) for (k, label), (n, kits) in totals.items()]
    return sorted(out, key=lambda c: (c.key == "", -c.distributions, c.label.lower()))


def months_between(start: date, end: date) -> list[date]:
    months: list[date] = []
    current = date(start.year, start.month, 1)
    while current <= end:
        months.append(current)
        current = date(current.year + current.month // 12, current.month % 12 + 1, 1)
    return months


def monthly_counts(
    distributions: list[Distribution],
    administrations: list[Administration],
    start: date,
    end: date,
) -> list[MonthCount]:
    """One row per calendar month of the period (empty months included, so a chart is honest)."""
    buckets: dict[date, list[int]] = {m: [0, 0, 0, 0] for m in months_between(start, end)}
    for d in distributions:
        if d.void_reason is None:
            bucket = buckets[date(d.occurred_on.year, d.occurred_on.month, 1)]
            bucket[0] += 1
            bucket[1] += d.kits
    for a in administrations:
        if a.void_reason is None:
            bucket = buckets[date(a.occurred_on.year, a.occurred_on.month, 1)]
            bucket[2] += 1
            bucket[3] += a.doses
    return [MonthCount(m, *values) for m, values in buckets.items()]


def summary(
    rows: list[DistributionRow], administrations: list[Administration], start: date, end: date
) -> DistributionSummary:
    live = [r for r in rows if not r.voided]
    used = [a for a in administrations if a.void_reason is None]
    from_kits = [a for a in used if a.from_kit]
    return DistributionSummary(
        start=start,
        end=end,
        distributions=len(live),
        kits=sum(r.kits for r in live),
        administrations=len(used),
        doses=sum(a.doses for a in used),
        doses_from_kits=sum(a.doses for a in from_kits),
        administrations_from_kits=len(from_kits),
        encounters_with_naloxone=sum(1 for r in live if r.naloxone_administered),
        services_offered=sum(1 for r in live if r.services_offered),
        voided=len(rows) - len(live),
        by_zip=tuple(counts_by(live, "zip")),
        by_setting=tuple(counts_by(live, "setting")),
        by_relationship=tuple(counts_by(live, "relationship")),
        by_location=tuple(counts_by(live, "location")),
        by_time_band=tuple(counts_by(live, "time_band")),
    )
