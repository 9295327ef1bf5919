"""Catalog, storage locations, free sources and par levels: the agency's reference data."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from models.common.actor import Actor, Permission, requires
from models.common.clock import Clock
from models.common.errors import NotFound, ValidationError
from models.common.gtin import (
    gtin12_from_ndc,
    ndc_digits,
    ndc_digits_in_gtin,
)
from models.common.pii_screen import screen_free_text
from models.common.settings import AGENCY_ADDRESS, AGENCY_NAME, FIRST_RUN_DONE, write_setting
from models.stock.barcodes import attach_barcode, normalise_code
from models.stock.entities import (
    PHYSICAL_KINDS,
    Balance,
    Barcode,
    Location,
    LocationKind,
    ParLevel,
    Product,
    ProductKind,
    Source,
)
from models.stock.location_tree import LocationTree
from models.stock.packaging import (
    PackagingLevel,
    packaging_levels,
    scan_units,
    set_packaging_level,
)
from models.stock.par_versions import claim_par_version
from models.stock.rows import LocationRow, ProductRow, SourceRow
from models.stock.seed import seed_catalog, seed_sources

# Which kinds of place may sit inside which (None: at the top of the tree).
ALLOWED_PARENTS: dict[str, set[str | None]] = {
    LocationKind.STATION: {None},
    LocationKind.ROOM: {LocationKind.STATION},
    LocationKind.CABINET: {LocationKind.STATION, LocationKind.ROOM},
    LocationKind.VEHICLE: {LocationKind.STATION},
    LocationKind.BAG: {LocationKind.STATION, LocationKind.VEHICLE, LocationKind.ROOM},
    LocationKind.QUARANTINE: {LocationKind.STATION, LocationKind.ROOM},
}

_NDC = re.compile(r"\d{4,6}-\d{3,4}-\d{1,2}")


@dataclass(frozen=True)
class StationPlan:
    """A station to create on first run, with its vehicles."""

    name: str
    vehicles: tuple[str, ...] = ()
    supply_room: bool = True


@dataclass(frozen=True)
class ParLevelRow:
    location_id: int
    location_path: str
    product_id: int
    product_name: str
    quantity: int
    version: int = 0  # the place's par version when read; pass it back to set_par_level


Seeder = Callable[[Session], None]


class CatalogService:
    def __init__(
        self,
        sessions: sessionmaker[Session],
        actor: Actor,
        clock: Clock,
        extra_seeds: Sequence[Seeder] = (),
    ) -> None:
        self._sessions, self._actor, self._clock = sessions, actor, clock
        self._extra_seeds = tuple(extra_seeds)  # features above stock add theirs (kit recipes)

    def _seed(self, s: Session) -> None:
        seed_catalog(s)
        for seed in self._extra_seeds:
            seed(s)
        seed_sources(s)

    @requires(Permission.MANAGE, "load the default catalog")
    def load_defaults(self) -> None:
        """Add the shipped catalog, standard kit recipe and source directory (idempotent)."""
        with self._sessions.begin() as s:
            self._seed(s)

    @requires(Permission.MANAGE, "set up the agency")
    def set_up_agency(
        self,
        agency_name: str,
        stations: Sequence[StationPlan],
        *,
        address: str = "",
        load_defaults: bool = True,
    ) -> list[LocationRow]:
        """First run in one transaction: agency name, stations with their rooms and vehicles."""
        agency_name = (agency_name or "").strip()
        if not agency_name:
            raise ValidationError("Give the agency's name (it heads every report).")
        if not stations:
            raise ValidationError("Add at least one station.")
        with self._sessions.begin() as s:
            if load_defaults:
                self._seed(s)
            for plan in stations:
                station = _add_place(s, plan.name, LocationKind.STATION, None)
                if plan.supply_room:
                    _add_place(s, "Supply room", LocationKind.ROOM, station.id)
                for vehicle in plan.vehicles:
                    _add_place(s, vehicle, LocationKind.VEHICLE, station.id)
            write_setting(s, AGENCY_NAME, agency_name)
            write_setting(s, AGENCY_ADDRESS, address)
            write_setting(s, FIRST_RUN_DONE, True)
            s.flush()
            return LocationTree.load(s).physical()

    # --- products -----------------------------------------------------------------------

    @requires(Permission.MANAGE, "change the catalog")
    def set_product_active(self, product_id: int, active: bool) -> ProductRow:
        """Deactivate (never delete) a product: it stays in history, leaves pick lists."""
        with self._sessions.begin() as s:
            product = _product(s, product_id)
            product.active = active
            s.flush()
            return product_row(product)

    def list_products(self, active_only: bool = False) -> list[ProductRow]:
        with self._sessions() as s:
            return product_rows(s, active_only)

    def get_product(self, product_id: int) -> ProductRow:
        with self._sessions() as s:
            return product_row(_product(s, product_id))

    @requires(Permission.MANAGE, "change the catalog")
    def save_product(self, product_id: int | None, **values: object) -> ProductRow:
        """Create (product_id None) or update a product; unknown fields are refused."""
        allowed = {f.name for f in fields(ProductRow)} - {"id", "barcodes"}
        unknown = set(values) - allowed
        if unknown:
            raise ValidationError(f"Unknown product field(s): {', '.join(sorted(unknown))}.")
        _check_product_values(values)
        _screen_texts(values, {"name": "The product name", "notes": "The product notes"})
        with self._sessions.begin() as s:
            product = Product() if product_id is None else _product(s, product_id)
            for key, value in values.items():
                setattr(product, key, value)
            clash = s.scalar(
                select(Product.id).where(
                    func.lower(Product.name) == str(product.name).lower(),
                    Product.id != (product.id or -1),
                )
            )
            if clash is not None:
                raise ValidationError(f"A product named '{product.name}' already exists.")
            if product_id is None:
                s.add(product)  # after the check: an autoflush would find the new one itself
            s.flush()
            if product_id is None and product.ndc and (upc := gtin12_from_ndc(product.ndc)):
                attach_barcode(s, product, upc, "UPC from NDC")
            return product_row(product)

    @requires(Permission.MANAGE, "add barcodes")
    def add_barcode(self, product_id: int, code: str, label: str | None = None) -> ProductRow:
        with self._sessions.begin() as s:
            product = _product(s, product_id)
            attach_barcode(s, product, code, label)
            s.flush()
            s.refresh(product)
            return product_row(product)

    @requires(Permission.MANAGE, "change the catalog")
    def set_packaging_level(
        self, product_id: int, code: str, units: int, label: str | None = None
    ) -> list[PackagingLevel]:
        """Give a product a barcode standing for `units` units (a case of 24 devices)."""
        with self._sessions.begin() as s:
            product = _product(s, product_id)
            set_packaging_level(s, product, code, units, label)
            s.flush()
            s.refresh(product)
            return packaging_levels(product)

    def list_packaging_levels(self, product_id: int) -> list[PackagingLevel]:
        with self._sessions() as s:
            return packaging_levels(_product(s, product_id))

    def scan_units(self, product_id: int, code: str, is_case: bool) -> int | None:
        """Units of issue one scan of `code` stands for; None for a case of unknown size."""
        with self._sessions() as s:
            return scan_units(s, _product(s, product_id), code, is_case)

    def find_product_by_code(self, code: str) -> ProductRow | None:
        """A product by any of its barcodes, or by the NDC inside a US drug GTIN."""
        key = normalise_code(code)
        with self._sessions() as s:
            product = s.scalar(select(Product).join(Barcode).where(Barcode.code == key))
            if product is None and (ndc := ndc_digits_in_gtin(key)):
                for candidate in s.scalars(select(Product).where(Product.ndc.is_not(None))):
                    if ndc_digits(candidate.ndc or "") == ndc:
                        product = candidate
                        break
            return None if product is None else product_row(product)

    # --- locations ----------------------------------------------------------------------

    def list_locations(self, include_inactive: bool = True) -> list[LocationRow]:
        with self._sessions() as s:
            rows = LocationTree.load(s).physical()
        return [r for r in rows if include_inactive or r.active]

    @requires(Permission.MANAGE, "add places")
    def add_location(self, name: str, kind: str, parent_id: int | None = None) -> LocationRow:
        with self._sessions.begin() as s:
            place = _add_place(s, name, kind, parent_id)
            return LocationTree.load(s).rows[place.id]

    @requires(Permission.MANAGE, "rename places")
    def rename_location(self, location_id: int, name: str) -> LocationRow:
        name = (name or "").strip()
        if not name:
            raise ValidationError("Give the location a name.")
        screen_free_text(name, "The location name")
        with self._sessions.begin() as s:
            place = _location(s, location_id)
            _check_unique_name(s, name, place.parent_id, place.id)
            place.name = name
            s.flush()
            return LocationTree.load(s).rows[place.id]

    @requires(Permission.MANAGE, "change places")
    def set_location_active(self, location_id: int, active: bool) -> LocationRow:
        """Deactivate (never delete) a place; it must be empty first, sub-locations included."""
        with self._sessions.begin() as s:
            place = _location(s, location_id)
            tree = LocationTree.load(s)
            if not active:
                inside = tree.subtree(place.id)
                held = s.scalar(
                    select(func.coalesce(func.sum(Balance.quantity), 0)).where(
                        Balance.location_id.in_(inside), Balance.quantity > 0
                    )
                )
                if held:
                    raise ValidationError(
                        f"{place.name} still holds {held} units; move or dispose of them first."
                    )
                for child in s.scalars(select(Location).where(Location.id.in_(inside))):
                    child.active = False
            else:
                if place.parent_id is not None and not tree.rows[place.parent_id].active:
                    raise ValidationError("Reactivate the location it sits in first.")
                place.active = True
            s.flush()
            return LocationTree.load(s).rows[place.id]

    # --- sources ------------------------------------------------------------------------

    def list_sources(self, active_only: bool = False) -> list[SourceRow]:
        with self._sessions() as s:
            stmt = select(Source).order_by(Source.name)
            if active_only:
                stmt = stmt.where(Source.active)
            return [source_row(x) for x in s.scalars(stmt)]

    @requires(Permission.MANAGE, "change sources")
    def save_source(self, source_id: int | None, **values: object) -> SourceRow:
        allowed = {f.name for f in fields(SourceRow)} - {"id"}
        unknown = set(values) - allowed
        if unknown:
            raise ValidationError(f"Unknown source field(s): {', '.join(sorted(unknown))}.")
        if "name" in values and not str(values["name"] or "").strip():
            raise ValidationError("Give the source a name.")
        _screen_texts(values, {"notes": "The source notes", "supplies": "What the source supplies"})
        lead = values.get("lead_time_days")
        if lead is not None and (not isinstance(lead, int) or lead < 0):
            raise ValidationError("Lead time must be a whole number of days, 0 or more.")
        cap = values.get("allocation_cap_packages")
        if cap is not None and (not isinstance(cap, int) or cap < 1):
            raise ValidationError("An allocation cap must be at least 1 package (or empty).")
        with self._sessions.begin() as s:
            source = Source() if source_id is None else s.get(Source, source_id)
            if source is None:
                raise NotFound("That source no longer exists.")
            for key, value in values.items():
                setattr(source, key, value.strip() if isinstance(value, str) else value)
            clash = s.scalar(
                select(Source.id).where(
                    func.lower(Source.name) == str(source.name).lower(),
                    Source.id != (source.id or -1),
                )
            )
            if clash is not None:
                raise ValidationError(f"A source named '{source.name}' already exists.")
            if source_id is None:
                s.add(source)  # after the check: an autoflush would find the new one itself
            s.flush()
            return source_row(source)

    # --- par levels ---------------------------------------------------------------------

    @requires(Permission.MANAGE, "change par levels")
    def set_par_level(
        self,
        location_id: int,
        product_id: int,
        quantity: int,
        expected_version: int | None = None,
    ) -> int:
        """The quantity a place should hold; 0 removes the par level. Returns the new version.

        With `expected_version` (what the screen loaded) a change made meanwhile at another
        station is refused instead of overwritten.
        """
        if isinstance(quantity, bool) or not isinstance(quantity, int) or quantity < 0:
            raise ValidationError("A par level is a whole number, 0 or more.")
        with self._sessions.begin() as s:
            _location(s, location_id)
            _product(s, product_id)
            version = claim_par_version(s, location_id, expected_version, self._actor, self._clock)
            par = s.scalar(
                select(ParLevel).where(
                    ParLevel.location_id == location_id, ParLevel.product_id == product_id
                )
            )
            if quantity == 0:
                if par is not None:
                    s.delete(par)
            elif par is None:
                s.add(ParLevel(location_id=location_id, product_id=product_id, quantity=quantity))
            else:
                par.quantity = quantity
            return version

    def par_version(self, location_id: int) -> int:
        """The version of a place's par levels, to hand back when saving them."""
        with self._sessions() as s:
            return _location(s, location_id).par_version

    def list_par_levels(self, location_id: int | None = None) -> list[ParLevelRow]:
        """Par levels of every place, or of one place only."""
        with self._sessions() as s:
            tree = LocationTree.load(s)
            stmt = (
                select(
                    ParLevel.location_id,
                    ParLevel.product_id,
                    ParLevel.quantity,
                    Product.name,
                    Location.par_version,
                )
                .join(Product, Product.id == ParLevel.product_id)
                .join(Location, Location.id == ParLevel.location_id)
            )
            if location_id is not None:
                stmt = stmt.where(ParLevel.location_id == location_id)
            rows = s.execute(stmt).all()
            out = [
                ParLevelRow(
                    r.location_id,
                    tree.rows[r.location_id].path,
                    r.product_id,
                    r.name,
                    r.quantity,
                    r.par_version,
                )
                for r in rows
            ]
        return sorted(out, key=lambda r: (r.location_path, r.product_name))


def _check_product_values(values: dict[str, object]) -> None:
    if "name" in values and not str(values["name"] or "").strip():
        raise ValidationError("Give the product a name.")
    if "kind" in values and values["kind"] not in set(ProductKind):
        raise ValidationError(f"'{values['kind']}' is not a product kind.")
    upp = values.get("units_per_package", 1)
    if isinstance(upp, bool) or not isinstance(upp, int) or upp < 1:
        raise ValidationError("Units per package must be a whole number, at least 1.")
    ndc = values.get("ndc")
    if ndc and not _NDC.fullmatch(str(ndc)):
        raise ValidationError(
            f"'{ndc}' is not an NDC; write it with its hyphens, e.g. 69547-627-02."
        )
    low, high = values.get("storage_min_c"), values.get("storage_max_c")
    if isinstance(low, int | float) and isinstance(high, int | float) and low > high:
        raise ValidationError("The lowest storage temperature is above the highest.")


def _screen_texts(values: dict[str, object], fields_: dict[str, str]) -> None:
    """Free texts and labels that can leave in a report identify no one."""
    for key, field in fields_.items():
        if isinstance(values.get(key), str):
            screen_free_text(str(values[key]), field)


def _add_place(s: Session, name: str, kind: str, parent_id: int | None) -> Location:
    name = (name or "").strip()
    if not name:
        raise ValidationError("Give the location a name.")
    screen_free_text(name, "The location name")
    if kind not in PHYSICAL_KINDS:
        raise ValidationError(f"'{kind}' is not a kind of storage location.")
    parent = None if parent_id is None else s.get(Location, parent_id)
    if parent_id is not None and parent is None:
        raise NotFound("The parent location no longer exists.")
    parent_kind = None if parent is None else parent.kind
    if parent_kind not in ALLOWED_PARENTS[kind]:
        where = "at the top level" if parent is None else f"inside a {parent_kind}"
        raise ValidationError(f"A {kind} cannot be placed {where}.")
    if parent is not None and not parent.active:
        raise ValidationError(f"{parent.name} is inactive.")
    _check_unique_name(s, name, parent_id, None)
    place = Location(name=name, kind=kind, parent_id=parent_id, active=True)
    s.add(place)
    s.flush()
    return place


def _check_unique_name(s: Session, name: str, parent_id: int | None, own_id: int | None) -> None:
    clash = s.scalar(
        select(Location.id).where(
            func.lower(Location.name) == name.lower(),
            Location.parent_id.is_(None) if parent_id is None else Location.parent_id == parent_id,
            Location.id != (own_id or -1),
        )
    )
    if clash is not None:
        raise ValidationError(f"There is already a location named '{name}' there.")


def _product(s: Session, product_id: int) -> Product:
    product = s.get(Product, product_id)
    if product is None:
        raise NotFound("That product no longer exists.")
    return product


def _location(s: Session, location_id: int) -> Location:
    place = s.get(Location, location_id)
    if place is None or place.is_virtual:
        raise NotFound("That location no longer exists.")
    return place


def product_rows(s: Session, active_only: bool = False) -> list[ProductRow]:
    """Products by name with their barcodes, in one statement (not one more per product)."""
    stmt = (
        select(Product, Barcode.code)
        .outerjoin(Barcode, Barcode.product_id == Product.id)
        .order_by(Product.name, Product.id, Barcode.id)
    )
    if active_only:
        stmt = stmt.where(Product.active)
    products: dict[int, Product] = {}
    codes: dict[int, list[str]] = {}
    for product, code in s.execute(stmt):
        products.setdefault(product.id, product)
        codes.setdefault(product.id, []).extend([code] if code is not None else [])
    return [product_row(p, tuple(codes[p.id])) for p in products.values()]


def product_row(p: Product, codes: tuple[str, ...] | None = None) -> ProductRow:
    """The product as a row; `codes` when its barcodes were read already (else loaded)."""
    return ProductRow(
        p.id,
        p.name,
        p.kind,
        p.interchange_group,
        p.manufacturer,
        p.strength,
        p.ndc,
        p.unit_of_issue,
        p.package_name,
        p.units_per_package,
        p.doses_per_unit,
        p.lot_tracked,
        p.expires,
        p.storage_min_c,
        p.storage_max_c,
        p.rx_only,
        p.active,
        tuple(b.code for b in p.barcodes) if codes is None else codes,
        p.notes,
    )


def source_row(x: Source) -> SourceRow:
    return SourceRow(
        x.id,
        x.name,
        x.program_type,
        x.supplies,
        x.contact_name,
        x.phone,
        x.email,
        x.address,
        x.ordering_method,
        x.registration_number,
        x.lead_time_days,
        x.allocation_cap_packages,
        x.notes,
        x.active,
        bool(x.asks_trained_count),
    )
