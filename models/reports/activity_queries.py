"""Program activity figures for a period: distributions, on-scene administrations, training.

Voided records (`void_operation_id` set) never count. Set-based reads over the entities, so
reports do not depend on how the recording services are built.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, case, extract, func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from models.distributions.categories import CategoryKind, load_categories
from models.distributions.entities import Administration, Distribution
from models.reports.queries import scope_ids
from models.reports.rows import (
    CountRow,
    DistributionFigures,
    MonthRow,
    Period,
    TrainingFigures,
    TrainingKindRow,
)
from models.stock.entities import Location, LocationKind, Lot, Product, StockMove
from models.stock.location_tree import LocationTree
from models.training import queries as training_queries
from models.training.elements import SessionKind
from models.training.entities import TrainingAttendance, TrainingSession
from models.training.rows import Status

NO_ZIP = "(none)"
CATEGORY_KINDS = {"setting": CategoryKind.SETTING, "relationship": CategoryKind.RELATIONSHIP}


def category_labels(s: Session, field: str) -> dict[str, str]:
    """Code -> label of the agency's distribution categories (retired ones included)."""
    return {c.code: c.label for c in load_categories(s, CATEGORY_KINDS[field])}


def humanize(code: str, labels: dict[str, str]) -> str:
    return labels.get(code) or code.replace("_", " ").strip().capitalize() or "(blank)"


def _distribution_filter(period: Period, scope: set[int] | None) -> list[ColumnElement[bool]]:
    where = [
        Distribution.void_operation_id.is_(None),
        Distribution.occurred_on >= period.start,
        Distribution.occurred_on <= period.end,
    ]
    if scope is not None:
        where.append(Distribution.location_id.in_(scope))
    return where


def _administration_filter(period: Period, scope: set[int] | None) -> list[ColumnElement[bool]]:
    where = [
        Administration.void_operation_id.is_(None),
        Administration.occurred_on >= period.start,
        Administration.occurred_on <= period.end,
    ]
    if scope is not None:
        where.append(Administration.location_id.in_(scope))
    return where


def _counts(
    s: Session, column: InstrumentedAttribute[Any], where: list[ColumnElement[bool]]
) -> list[tuple[str, int, int]]:
    stmt = (
        select(column, func.count(Distribution.id), func.sum(Distribution.kits))
        .where(*where)
        .group_by(column)
    )
    return [(str(key or ""), int(n), int(k or 0)) for key, n, k in s.execute(stmt)]


def kits_matrix(
    s: Session, period: Period, field: str, location_ids: Sequence[int] | None = None
) -> dict[tuple[str, date], int]:
    """Kits distributed per (category value, first day of month)."""
    scope = scope_ids(LocationTree.load(s), location_ids)
    column = getattr(Distribution, field)
    year = extract("year", Distribution.occurred_on)
    month = extract("month", Distribution.occurred_on)
    out: dict[tuple[str, date], int] = defaultdict(int)
    stmt = (
        select(column, year, month, func.sum(Distribution.kits))
        .where(*_distribution_filter(period, scope))
        .group_by(column, year, month)
    )
    for key, y, m, kits in s.execute(stmt):  # a row per value and month, not per record
        out[(str(key or ""), date(int(y), int(m), 1))] += int(kits or 0)
    return dict(out)


def kits_by_station(s: Session, period: Period) -> dict[str, int]:
    """Kits distributed per station (the station above the room or vehicle they came from)."""
    tree = LocationTree.load(s)
    out: dict[str, int] = defaultdict(int)
    stmt = (
        select(Distribution.location_id, func.sum(Distribution.kits))
        .where(*_distribution_filter(period, None))
        .group_by(Distribution.location_id)
    )
    for location_id, kits in s.execute(stmt):
        station = tree.station_of(location_id) or location_id
        out[tree.rows[station].name] += int(kits or 0)
    return dict(out)


def distribution_figures(
    s: Session, period: Period, location_ids: Sequence[int] | None = None
) -> DistributionFigures:
    tree = LocationTree.load(s)
    scope = scope_ids(tree, location_ids)
    where = _distribution_filter(period, scope)
    totals = s.execute(
        select(
            func.count(Distribution.id),
            func.coalesce(func.sum(Distribution.kits), 0),
            func.coalesce(func.sum(case((Distribution.naloxone_administered, 1), else_=0)), 0),
            func.coalesce(func.sum(case((Distribution.services_offered, 1), else_=0)), 0),
        ).where(*where)
    ).one()
    doses = s.scalar(
        select(func.coalesce(func.sum(StockMove.quantity * Product.doses_per_unit), 0))
        .join(Distribution, Distribution.operation_id == StockMove.operation_id)
        .join(Lot, Lot.id == StockMove.lot_id)
        .join(Product, Product.id == Lot.product_id)
        .join(Location, Location.id == StockMove.to_location_id)
        .where(*where, Location.kind == LocationKind.DISTRIBUTED)
    )
    admin_where = _administration_filter(period, scope)
    admin = s.execute(
        select(
            func.count(Administration.id),
            func.coalesce(func.sum(Administration.doses), 0),
            func.coalesce(func.sum(case((Administration.from_kit, 1), else_=0)), 0),
        ).where(*admin_where)
    ).one()
    settings, relationships = category_labels(s, "setting"), category_labels(s, "relationship")
    by_zip = [
        CountRow(k or NO_ZIP, n, kits) for k, n, kits in _counts(s, Distribution.zip_code, where)
    ]
    by_setting = [
        CountRow(humanize(k, settings), n, kits)
        for k, n, kits in _counts(s, Distribution.setting, where)
    ]
    by_relationship = [
        CountRow(humanize(k, relationships), n, kits)
        for k, n, kits in _counts(s, Distribution.relationship, where)
    ]
    by_location = [
        CountRow(tree.rows[int(k)].path if k and int(k) in tree.rows else k, n, kits)
        for k, n, kits in _counts(s, Distribution.location_id, where)
    ]
    return DistributionFigures(
        encounters=int(totals[0]),
        kits=int(totals[1]),
        doses_left_behind=int(doses or 0),
        with_administration=int(totals[2]),
        services_offered=int(totals[3]),
        administrations=int(admin[0]),
        doses_administered=int(admin[1]),
        administrations_from_kit=int(admin[2]),
        by_zip=tuple(sorted(by_zip, key=lambda r: r.label)),
        by_setting=tuple(sorted(by_setting, key=lambda r: (-r.kits, r.label))),
        by_relationship=tuple(sorted(by_relationship, key=lambda r: (-r.kits, r.label))),
        by_location=tuple(sorted(by_location, key=lambda r: r.label)),
        monthly=tuple(_monthly(s, period, where, admin_where)),
    )


def _monthly(
    s: Session,
    period: Period,
    where: list[ColumnElement[bool]],
    admin_where: list[ColumnElement[bool]],
) -> list[MonthRow]:
    sums: dict[date, list[int]] = {m: [0, 0, 0, 0] for m in period.months()}
    for day, kits in s.execute(select(Distribution.occurred_on, Distribution.kits).where(*where)):
        bucket = sums[day.replace(day=1)]
        bucket[0] += 1
        bucket[1] += int(kits)
    stmt = select(Administration.occurred_on, Administration.doses).where(*admin_where)
    for day, doses in s.execute(stmt):
        bucket = sums[day.replace(day=1)]
        bucket[2] += 1
        bucket[3] += int(doses)
    return [MonthRow(m, *v) for m, v in sorted(sums.items())]


def _kind_label(kind: str | None) -> str:
    try:
        return SessionKind(kind or "").label
    except ValueError:
        return humanize(kind or "", {})


def training_figures(s: Session, period: Period, as_of: date | None = None) -> TrainingFigures:
    """Sessions and attendance in the period; who is trained (not lapsed) on `as_of`.

    `as_of` defaults to the period's last day; the program summary passes today so that its
    readiness block agrees with the dashboard and the Training screen.
    """
    in_period = (TrainingSession.held_on >= period.start, TrainingSession.held_on <= period.end)
    attendance = (
        select(TrainingSession.kind, func.count(TrainingAttendance.person_id))
        .join(TrainingAttendance, TrainingAttendance.session_id == TrainingSession.id)
        .where(*in_period)
        .group_by(TrainingSession.kind)
    )
    attended = dict(s.execute(attendance).all())
    by_kind = [
        TrainingKindRow(_kind_label(kind), int(n), int(attended.get(kind, 0)), int(outside))
        for kind, n, outside in s.execute(
            select(
                TrainingSession.kind,
                func.count(TrainingSession.id),
                func.coalesce(func.sum(TrainingSession.outside_headcount), 0),
            )
            .where(*in_period)
            .group_by(TrainingSession.kind)
            .order_by(TrainingSession.kind)
        )
    ]
    # Same definitions as the Training screen: who attended a session that counts as LBN or
    # overdose training in the period, and who is trained (not lapsed) at the period's end.
    trained = training_queries.period_figures(s, period.start, period.end).personnel_trained
    people = [p for p in training_queries.person_rows(s, as_of or period.end) if p.active]
    active = len(people)
    with_lbn = sum(p.status in (Status.CURRENT, Status.DUE) for p in people)
    return TrainingFigures(
        sessions=sum(r.sessions for r in by_kind),
        personnel_trained=int(trained or 0),
        outside_participants=sum(r.outside_participants for r in by_kind),
        active_personnel=int(active or 0),
        active_with_lbn_training=int(with_lbn or 0),
        by_kind=tuple(by_kind),
    )
