"""Frozen rows handed to screens and reports: plain values, never live ORM objects."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True)
class ProductRow:
    id: int
    name: str
    kind: str
    interchange_group: str | None
    manufacturer: str | None
    strength: str | None
    ndc: str | None
    unit_of_issue: str
    package_name: str
    units_per_package: int
    doses_per_unit: int
    lot_tracked: bool
    expires: bool
    storage_min_c: float | None
    storage_max_c: float | None
    rx_only: bool
    active: bool
    barcodes: tuple[str, ...] = ()
    notes: str | None = None


@dataclass(frozen=True)
class LocationRow:
    id: int
    name: str
    kind: str
    parent_id: int | None
    active: bool
    path: str  # "Station 1 / Supply room / Cabinet A"


@dataclass(frozen=True)
class SourceRow:
    id: int
    name: str
    program_type: str
    supplies: str | None
    contact_name: str | None
    phone: str | None
    email: str | None
    address: str | None
    ordering_method: str
    registration_number: str | None
    lead_time_days: int
    allocation_cap_packages: int | None
    notes: str | None
    active: bool
    asks_trained_count: bool = False  # its request form asks for trained personnel


@dataclass(frozen=True)
class LotRow:
    id: int
    product_id: int
    product_name: str
    lot_number: str
    expiry: date | None
    source_name: str | None
    received_on: date | None


@dataclass(frozen=True)
class OnHandRow:
    lot_id: int
    product_id: int
    product_name: str
    product_kind: str
    lot_number: str
    expiry: date | None
    location_id: int
    location_name: str
    location_path: str
    quantity: int
    days_left: int | None
    quarantined: bool

    @property
    def expired(self) -> bool:
        return self.days_left is not None and self.days_left < 0


@dataclass(frozen=True)
class ProductTotalRow:
    product_id: int
    product_name: str
    kind: str
    usable: int
    expiring: int  # usable but within the warning window
    expired: int  # expired and not yet quarantined
    quarantined: int

    @property
    def total(self) -> int:
        return self.usable + self.expired + self.quarantined


@dataclass(frozen=True)
class LocationTotalRow:
    location_id: int
    name: str
    kind: str
    parent_id: int | None
    path: str
    active: bool
    usable: int  # this location and everything inside it
    expired: int
    quarantined: int


@dataclass(frozen=True)
class PickLine:
    lot_id: int
    lot_number: str
    expiry: date | None
    quantity: int
    available: int


@dataclass(frozen=True)
class ReceiveLine:
    product_id: int
    lot_number: str
    expiry: date | None
    quantity: int


@dataclass(frozen=True)
class MoveRow:
    operation_id: int
    move_id: int
    at: datetime
    user: str
    reason: str
    note: str | None
    lot_id: int
    lot_number: str
    product_name: str
    from_name: str
    to_name: str
    quantity: int
    reverses_id: int | None
    reversed_by_id: int | None


@dataclass(frozen=True)
class OperationRow:
    id: int
    at: datetime
    reason: str
    user: str
    note: str | None
    move_count: int
    quantity: int


@dataclass(frozen=True)
class InventorySnapshot:
    """What the Inventory screen shows, read together: stock, products, places, expiry bands."""

    rows: list[OnHandRow]  # earliest expiry first
    products: list[ProductRow]  # by name, inactive ones included
    places: list[LocationRow]  # physical places in tree order, inactive ones included
    bands: tuple[int, int]
