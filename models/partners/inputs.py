"""Gathers the raw partner figures for a period with every category listed, zero or not.

Presence in a list reveals nothing: all service-area ZIPs plus one "Other ZIPs" row, every
setting, relationship, station, product, source and kind of training session, in a fixed order.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.distributions.categories import CategoryKind, load_categories, load_service_area_zips
from models.distributions.entities import Distribution
from models.partners.package import PackageInput
from models.reports import activity_queries as aq
from models.reports import queries as rq
from models.reports.rows import FlowRow, Period, TrainingFigures, TrainingKindRow
from models.stock.entities import LocationKind, Product, Source
from models.stock.location_tree import LocationTree
from models.training.elements import SessionKind

OTHER_ZIPS = "Other ZIPs"
OTHER_PLACES = "Other places"
NO_SOURCE = "(no source recorded)"


def gather(s: Session, period: Period) -> PackageInput:
    zips = _zip_rows(s)
    by_zip: dict[tuple[str, date], int] = defaultdict(int)
    for (code, month), kits in aq.kits_matrix(s, period, "zip_code").items():
        by_zip[(code if code in zips else OTHER_ZIPS, month)] += kits
    distributed = aq.distribution_figures(s, period)
    return PackageInput(
        months=period.months(),
        zip_rows=[*zips, OTHER_ZIPS],
        by_zip=dict(by_zip),
        by_setting=_by_category(s, period, "setting", CategoryKind.SETTING),
        by_relationship=_by_category(s, period, "relationship", CategoryKind.RELATIONSHIP),
        by_station=_by_station(s, period),
        received_by_source=_by_source(s, period),
        flows=_flows(s, period),
        training=_training(s, period),
        kits=distributed.kits,
        doses_distributed=distributed.doses_left_behind,
    )


def _zip_rows(s: Session) -> list[str]:
    """The service area; without one, every ZIP ever recorded (not only this period's)."""
    zips = load_service_area_zips(s)
    if not zips:
        stmt = select(Distribution.zip_code).where(Distribution.zip_code.is_not(None)).distinct()
        zips = [z for z in s.scalars(stmt) if z]
    return sorted(set(zips))


def _by_category(s: Session, period: Period, field: str, kind: CategoryKind) -> dict[str, int]:
    """Every category of the list (retired ones too); unknown codes count under its 'Other'."""
    categories = load_categories(s, kind)
    labels = {c.code: c.label for c in categories}
    others = [c.label for c in categories if c.code == "other"] + [
        c.label for c in categories if c.code.startswith("other") and c.label.startswith("Other")
    ]
    other = (others or ["Other"])[0]
    out = dict.fromkeys(dict.fromkeys(c.label for c in categories), 0)
    out.setdefault(other, 0)
    for (code, _month), kits in aq.kits_matrix(s, period, field).items():
        out[labels.get(code, other)] += kits
    return out


def _by_station(s: Session, period: Period) -> dict[str, int]:
    tree = LocationTree.load(s)
    names = sorted({r.name for r in tree.rows.values() if r.kind == LocationKind.STATION})
    out = dict.fromkeys([*names, OTHER_PLACES], 0)
    for name, kits in aq.kits_by_station(s, period).items():
        out[name if name in out else OTHER_PLACES] += kits
    return out


def _by_source(s: Session, period: Period) -> dict[str, int]:
    names = sorted(set(s.scalars(select(Source.name))))
    out = dict.fromkeys([*names, NO_SOURCE], 0)
    for name, units in rq.received_by_source(s, period).items():
        out[name if name in out else NO_SOURCE] += units
    return out


def _flows(s: Session, period: Period) -> list[FlowRow]:
    moved = {(f.product_name, f.kind, f.unit): f for f in rq.flow_rows(s, period)}
    products = s.execute(select(Product.name, Product.kind, Product.unit_of_issue)).all()
    for name, kind, unit in products:
        moved.setdefault((name, kind, unit), FlowRow(name, kind, unit, 0, 0, 0, 0, 0, 0))
    return [moved[k] for k in sorted(moved)]


def _training(s: Session, period: Period) -> TrainingFigures:
    figures = aq.training_figures(s, period)
    held = {r.kind: r for r in figures.by_kind}
    rows = [held.pop(k.label, TrainingKindRow(k.label, 0, 0, 0)) for k in SessionKind]
    return TrainingFigures(
        figures.sessions,
        figures.personnel_trained,
        figures.outside_participants,
        figures.active_personnel,
        figures.active_with_lbn_training,
        (*rows, *held.values()),
    )
