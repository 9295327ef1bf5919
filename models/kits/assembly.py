"""Planning and posting a kit assembly inside an open session (FEFO, overrides, refusals).

Kits of one batch all hold the same component lots, so when a component lot runs out part way
through, the assembly makes several batches (several kit lots) in the same operation.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from datetime import date, datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from models.common.errors import InsufficientStock, LotExpired, NotFound, ValidationError
from models.kits.entities import KitBatch, KitBatchComponent, KitRecipe, KitRecipeLine
from models.kits.recipes import get_recipe, line_label, line_products
from models.kits.rows import AssemblyPlan, LotChoice, LotPick, PlannedLine
from models.stock.entities import (
    Location,
    LocationKind,
    Lot,
    Operation,
    Product,
    ProductKind,
)
from models.stock.fefo import KIT_LINE, HeldLot, cover, held_lots
from models.stock.ledger import get_location, is_expired, require_positive
from models.stock.ledger import virtual_location_id as virtual
from models.stock.moves import Move, post_moves

Overrides = Mapping[int, Sequence[tuple[int, int]]]  # line position -> [(lot id, total units)]
Progress = Callable[[int, int], None]


class ComponentShortage(InsufficientStock):
    """Not enough usable components at the location for the kits asked for."""


def lot_choices(s: Session, line: KitRecipeLine, location_id: int, today: date) -> list[LotChoice]:
    """Lots at exactly this location that could fill the line, first expiry first."""
    return [
        LotChoice(h.lot_id, h.product_name, h.lot_number, h.expiry, h.quantity)
        for h in _held(s, line, location_id, today)
        if not (h.product_expires and is_expired(h.expiry, today))
    ]


def _held(s: Session, line: KitRecipeLine, location_id: int, today: date) -> list[HeldLot]:
    """Every lot at the place that could fill the line, expired ones where their date puts them
    (the line counts them as a shortfall reason; an expired card is still offered as a choice)."""
    products = [p.id for p in line_products(s, line)]
    if not products:
        return []
    return held_lots(s, today, location_id, KIT_LINE, product_ids=products)


def _held_by_line(
    s: Session, recipe: KitRecipe, location_id: int, today: date
) -> dict[int, list[HeldLot]]:
    """`_held` for every line of the recipe, from one read of the products the lines name and
    one read of the place's stock."""
    named = [line.product_id for line in recipe.lines if line.product_id is not None]
    groups = [line.interchange_group for line in recipe.lines if line.product_id is None]
    products = s.scalars(
        select(Product).where(or_(Product.id.in_(named), Product.interchange_group.in_(groups)))
    ).all()
    everything = held_lots(s, today, location_id, KIT_LINE)
    by_line: dict[int, list[HeldLot]] = {}
    for line in recipe.lines:
        fits = {p.id for p in products if _fills(line, p)}
        by_line[line.position] = [h for h in everything if h.product_id in fits]
    return by_line


def _fills(line: KitRecipeLine, product: Product) -> bool:
    """The rule of `line_products`, applied to products already read."""
    if line.product_id is not None:
        return product.id == line.product_id
    return product.interchange_group == line.interchange_group and product.active


def plan_assembly(
    s: Session,
    today: date,
    min_shelf_days: int,
    recipe_id: int,
    location_id: int,
    count: int,
    overrides: Overrides | None = None,
    omit: Collection[int] = (),
    exclude_lots: Collection[int] = (),
) -> AssemblyPlan:
    """Which lots each line takes; refuses shortfalls and expired overrides, lists warnings."""
    require_positive(count, "Number of kits")
    recipe = get_recipe(s, recipe_id)
    if not recipe.active:
        raise ValidationError(f"The recipe '{recipe.name}' is retired; reactivate it first.")
    place = get_location(s, location_id)
    if place.is_virtual:
        raise ValidationError(f"{place.name} is not a storage location.")
    if place.kind == LocationKind.QUARANTINE:
        raise ValidationError("Kits are not assembled from quarantined stock.")
    overrides = overrides or {}
    planned: list[PlannedLine] = []
    shortfalls: list[tuple[str, int, int, str]] = []
    warnings: list[str] = []
    can_make: list[int] = []
    held = _held_by_line(s, recipe, location_id, today)
    for line in recipe.lines:
        label = line_label(s, line)
        need = line.quantity * count
        if line.position in omit:
            if line.required:
                raise ValidationError(f"{label} is required in every kit and cannot be left out.")
            planned.append(PlannedLine(line.position, label, line.quantity, False, (), True))
            continue
        picks: tuple[LotPick, ...] | None
        if line.position in overrides:
            chosen = overrides[line.position]
            picks = _override(s, line, label, held[line.position], need, chosen, today)
        else:
            picks, usable, expired = _fefo(held[line.position], need, today, exclude_lots)
            if line.required:
                can_make.append(usable // line.quantity)
            if picks is None:
                if line.required:
                    note = f" ({expired} expired not counted)" if expired else ""
                    shortfalls.append((label, need, usable, note))
                    continue
                warnings.append(
                    f"{label} (optional): {usable} usable at {place.name}, {need} needed; "
                    "the kits are made without it."
                )
                planned.append(PlannedLine(line.position, label, line.quantity, False, (), True))
                continue
        planned.append(PlannedLine(line.position, label, line.quantity, line.required, picks))
    if shortfalls:
        raise ComponentShortage(_shortage_message(recipe, place, count, shortfalls, can_make))
    warnings.extend(_shelf_warnings(s, planned, today, min_shelf_days))
    expiries = tuple(expiry for expiry, _n, _c in segments(s, planned, count))
    return AssemblyPlan(
        recipe.id,
        recipe.name,
        place.id,
        place.name,
        count,
        tuple(planned),
        tuple(warnings),
        expiries,
    )


def _fefo(
    held: Sequence[HeldLot], need: int, today: date, exclude: Collection[int]
) -> tuple[tuple[LotPick, ...] | None, int, int]:
    """(picks or None when short, usable units, expired units) for one line."""
    usable: list[HeldLot] = []
    expired = 0
    for h in held:
        if is_expired(h.expiry, today):  # also a card whose 'valid until' date has passed
            expired += h.quantity if h.product_expires else 0
        elif h.lot_id not in exclude:
            usable.append(h)
    total = sum(h.quantity for h in usable)
    takes, missing = cover(usable, need)
    if missing:
        return None, total, expired
    return tuple(_pick(h, take) for h, take in takes), total, expired


def _override(
    s: Session,
    line: KitRecipeLine,
    label: str,
    at_place: Sequence[HeldLot],
    need: int,
    chosen: Sequence[tuple[int, int]],
    today: date,
) -> tuple[LotPick, ...]:
    held = {h.lot_id: h for h in at_place}
    picks: list[LotPick] = []
    for lot_id, quantity in chosen:
        require_positive(quantity, f"Quantity of {label}")
        if lot_id not in held:
            lot = s.get(Lot, lot_id)
            number = lot.lot_number if lot else str(lot_id)
            raise InsufficientStock(f"Lot {number} of {label} is not at that location.")
        h = held[lot_id]
        if h.product_expires and h.expiry is not None and is_expired(h.expiry, today):
            raise LotExpired(
                f"{h.product_name} lot {h.lot_number} expired on {h.expiry:%Y-%m-%d}; "
                "expired components never go into a kit."
            )
        if quantity > h.quantity:
            raise InsufficientStock(
                f"Only {h.quantity} of {h.product_name} lot {h.lot_number} are there; "
                f"{quantity} chosen."
            )
        picks.append(_pick(h, quantity))
    chosen_total = sum(p.quantity for p in picks)
    if chosen_total != need:
        raise ValidationError(
            f"{label}: the chosen lots add up to {chosen_total}; {need} are needed "
            f"({line.quantity} per kit)."
        )
    return tuple(picks)


def _pick(h: HeldLot, quantity: int) -> LotPick:
    return LotPick(
        h.lot_id, h.product_id, h.product_name, h.lot_number, h.expiry, quantity, h.quantity
    )


def _shortage_message(
    recipe: KitRecipe,
    place: Location,
    count: int,
    shortfalls: list[tuple[str, int, int, str]],
    can_make: list[int],
) -> str:
    parts = [
        f"{label}: {need} needed, {usable} usable{note}" for label, need, usable, note in shortfalls
    ]
    possible = min(can_make) if can_make else 0
    outcome = (
        f"You can make {possible} kit{'s' if possible != 1 else ''} with what is there."
        if possible
        else "No kit can be made there until these are restocked."
    )
    return (
        f"Not enough components at {place.name} to assemble {count} × {recipe.name}. "
        + "; ".join(parts)
        + f". {outcome}"
    )


def _shelf_warnings(
    s: Session, planned: list[PlannedLine], today: date, min_shelf_days: int
) -> list[str]:
    out: list[str] = []
    for line in planned:
        for pick in line.picks:
            product = s.get(Product, pick.product_id)
            if pick.expiry is None or product is None:
                continue
            days = (pick.expiry - today).days
            when = f"{pick.expiry:%Y-%m-%d}"
            if not product.expires:
                if days < 0:
                    out.append(
                        f"{pick.product_name} lot {pick.lot_number}: information out of date "
                        f"since {when}; these kits will be flagged for re-kitting."
                    )
                elif days <= min_shelf_days:
                    out.append(
                        f"{pick.product_name} lot {pick.lot_number}: information valid until "
                        f"{when} ({days} days)."
                    )
            elif days <= min_shelf_days:
                out.append(
                    f"{pick.product_name} lot {pick.lot_number} expires {when} ({days} days), "
                    f"within the {min_shelf_days}-day minimum shelf life for kits."
                )
    return out


def segments(
    s: Session, planned: Sequence[PlannedLine], count: int
) -> list[tuple[date | None, int, tuple[tuple[int, int], ...]]]:
    """Split the kits into batches of identical contents: (kit expiry, kits, (lot, per kit))."""
    streams = [(line.quantity_per_kit, _units(line)) for line in planned if line.picks]
    groups: dict[tuple[tuple[int, int], ...], int] = {}
    for kit in range(count):
        content: list[tuple[int, int]] = []
        for per_kit, units in streams:
            mine = units[kit * per_kit : (kit + 1) * per_kit]
            for lot_id in dict.fromkeys(mine):
                content.append((lot_id, mine.count(lot_id)))
        key = tuple(content)
        groups[key] = groups.get(key, 0) + 1
    expiring = {p.lot_id: p for line in planned for p in line.picks}
    out: list[tuple[date | None, int, tuple[tuple[int, int], ...]]] = []
    for lots, kits in groups.items():
        dated = [
            expiry
            for lot_id, _q in lots
            if (expiry := expiring[lot_id].expiry) is not None
            and _expires(s, expiring[lot_id].product_id)
        ]
        out.append((min(dated) if dated else None, kits, lots))
    return out


def _units(line: PlannedLine) -> list[int]:
    units: list[int] = []
    for pick in line.picks:
        units.extend([pick.lot_id] * pick.quantity)
    return units


def _expires(s: Session, product_id: int) -> bool:
    product = s.get(Product, product_id)
    return bool(product and product.expires)


def post_assembly(
    s: Session,
    operation: Operation,
    plan: AssemblyPlan,
    at: datetime,
    progress: Progress | None = None,
) -> list[KitBatch]:
    """Components into the assembly location, kits out of it, batches recorded; a few
    statements whatever the number of kits, lots and batches."""
    assembly = virtual(s, LocationKind.ASSEMBLY)
    recipe = get_recipe(s, plan.recipe_id)
    parts = segments(s, plan.lines, plan.count)
    numbers = kit_lot_numbers(s, at.date(), len(parts))
    lots = [
        Lot(
            product_id=recipe.kit_product_id,
            lot_number=number,
            expiry=expiry,
            received_on=at.date(),
            created_at=at,
        )
        for number, (expiry, _kits, _content) in zip(numbers, parts, strict=True)
    ]
    s.add_all(lots)
    s.flush()
    moves = [
        Move(operation, pick.lot_id, plan.location_id, assembly, pick.quantity)
        for line in plan.lines
        for pick in line.picks
    ]
    moves += [
        Move(operation, lot.id, assembly, plan.location_id, kits)
        for lot, (_expiry, kits, _content) in zip(lots, parts, strict=True)
    ]
    post_moves(s, moves)
    batches = [
        KitBatch(
            lot_id=lot.id,
            recipe_id=recipe.id,
            recipe_name=recipe.name,
            operation_id=operation.id,
            quantity=kits,
            assembled_at=at,
            components=[KitBatchComponent(lot_id=i, quantity_per_kit=q) for i, q in content],
        )
        for lot, (_expiry, kits, content) in zip(lots, parts, strict=True)
    ]
    s.add_all(batches)
    s.flush()
    for done in range(1, len(batches) + 1):
        if progress is not None:
            progress(done, len(batches))
    return batches


def kit_lot_numbers(s: Session, day: date, count: int) -> list[str]:
    """`count` readable kit lot numbers unique among kit lots: K260115-001, K260115-002..."""
    prefix = f"K{day:%y%m%d}-"
    numbers = s.scalars(
        select(Lot.lot_number)
        .join(Product, Product.id == Lot.product_id)
        .where(Product.kind == ProductKind.KIT, Lot.lot_number.like(prefix + "%"))
    ).all()
    used = [int(n[len(prefix) :]) for n in numbers if n[len(prefix) :].isdigit()]
    first = max(used, default=0) + 1
    return [f"{prefix}{n:03d}" for n in range(first, first + count)]


def require_recipe_line(recipe: KitRecipe, position: int) -> KitRecipeLine:
    for line in recipe.lines:
        if line.position == position:
            return line
    raise NotFound("That recipe line no longer exists.")
