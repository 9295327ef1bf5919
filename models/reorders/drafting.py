"""Helpers of ReorderService inside an open session: draft lines, allocation split, look-ups."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.common.errors import NotFound, ValidationError
from models.common.wording import counted
from models.reorders import records as rr
from models.reorders.calc import split_packages
from models.reorders.entities import Reorder, ReorderLine, ReorderStatus
from models.reorders.rows import DraftLine, ProposalLine
from models.stock.entities import Location, LocationKind, Lot, Product, Source


def split_by_caps(
    wanted: Sequence[DraftLine],
    found: dict[tuple[int | None, str | None], ProposalLine],
    sources: list[Source],
) -> dict[int, list[tuple[ProposalLine, int, str]]]:
    """Per source: (item, packages, why that quantity). The first source takes all its cap
    allows, the next ones the rest; a quantity beyond every cap is refused, naming the item."""
    caps = [(str(x.id), x.allocation_cap_packages) for x in sources]
    names = {str(x.id): x.name for x in sources}
    shares: dict[int, list[tuple[ProposalLine, int, str]]] = {}
    for line in wanted:
        proposal_line = found.get((line.product_id, line.group))
        if proposal_line is None:
            raise NotFound("An item on the request is no longer in the catalog.")
        split, left = split_packages(line.packages, caps)
        if left:
            raise ValidationError(
                f"{proposal_line.label}: the sources' allocation caps allow only "
                f"{counted(line.packages - left, proposal_line.package_name)}; add another "
                "source or lower the quantity."
            )
        why = quantity_reason(proposal_line, line.packages, caps)
        for source_key, packages in split:
            note = why
            if len(split) > 1:
                others = ", ".join(f"{n} from {names[k]}" for k, n in split if k != source_key)
                note += f"; split over sources: {packages} here, {others}"
            shares.setdefault(int(source_key), []).append((proposal_line, packages, note))
    return shares


def cap_total(caps: Sequence[tuple[str, int | None]]) -> int | None:
    """Packages of one item the sources may send together (None: no limit)."""
    if any(cap is None for _n, cap in caps):
        return None
    return sum(cap or 0 for _n, cap in caps)


def quantity_reason(p: ProposalLine, packages: int, caps: Sequence[tuple[str, int | None]]) -> str:
    """Why a line asks for `packages`: as calculated, capped by allocation, or changed by hand."""
    computed, unit = p.result.packages, p.package_name
    total = cap_total(caps)
    if packages == computed:
        return f"Calculated: {counted(packages, unit)}"
    if total is not None and packages == total < computed:
        return (
            f"Capped: calculated {counted(computed, unit)}, the sources' allocation caps allow "
            f"{counted(total, unit)}"
        )
    return (
        f"Changed by the quartermaster: {counted(packages, unit)} instead of the calculated "
        f"{computed}"
    )


def new_line(position: int, p: ProposalLine, packages: int, note: str) -> ReorderLine:
    r = p.result
    return ReorderLine(
        position=position,
        product_id=p.product_id,
        interchange_group=p.group,
        label=p.label,
        ndc=p.ndc or None,
        unit=p.unit,
        package_name=p.package_name,
        units_per_package=p.units_per_package,
        packages=packages,
        quantity=packages * p.units_per_package,
        basis=r.basis,
        amc=r.amc,
        distributed=p.distributed,
        administered=p.administered,
        expired=p.expired,
        lost=p.lost,
        on_hand=r.on_hand,
        expiring=r.expiring,
        usable=r.usable,
        on_order=r.on_order,
        max_units=r.max_units,
        min_units=r.min_units,
        surge=p.surge,
        months_of_stock=r.months_of_stock,
        steps="\n".join([*r.steps, f"Quantity requested: {note}"]),
        in_kits=r.in_kits,
        history_days=r.history_days,
        quantity_note=note,
    )


def get_source(s: Session, source_id: int) -> Source:
    source = s.get(Source, source_id)
    if source is None:
        raise NotFound("That source no longer exists.")
    return source


def get_station(s: Session, station_id: int) -> Location:
    place = s.get(Location, station_id)
    if place is None or place.kind != LocationKind.STATION:
        raise NotFound("Choose a station (or all stations).")
    return place


def get_draft(s: Session, reorder_id: int) -> Reorder:
    reorder = rr.get_reorder(s, reorder_id)
    if reorder.status != ReorderStatus.DRAFT:
        raise ValidationError(
            f"{rr.number_of(reorder.id)} is {ReorderStatus(reorder.status).label.lower()}, "
            "no longer a draft."
        )
    return reorder


def first_product(s: Session, group: str) -> int:
    found = s.scalar(
        select(Product.id)
        .where(Product.interchange_group == group, Product.active)
        .order_by(Product.name)
    )
    if found is None:
        raise NotFound(f"No active product in group {group}.")
    return found


def latest_of_group(s: Session, group: str) -> int:
    latest = s.scalar(
        select(Lot.product_id)
        .join(Product, Product.id == Lot.product_id)
        .where(Product.interchange_group == group, Product.active)
        .order_by(Lot.received_on.desc().nulls_last(), Lot.id.desc())
    )
    return latest or first_product(s, group)
