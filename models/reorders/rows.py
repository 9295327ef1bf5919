"""Frozen rows of the reorder area, handed to the Reorders screen and the sheet writers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from models.reorders.calc import ItemResult


@dataclass(frozen=True)
class ProposalLine:
    """One orderable item as the calculation sees it today."""

    product_id: int | None
    group: str | None
    label: str
    kind: str
    ndc: str
    unit: str
    package_name: str
    units_per_package: int
    distributed: int
    administered: int
    expired: int
    lost: int
    history_days: int  # days the AMC is based on (from the first movement, at most the window)
    par_total: int
    surge: float
    surge_note: str
    result: ItemResult

    @property
    def key(self) -> tuple[int | None, str | None]:
        return (self.product_id, self.group)


@dataclass(frozen=True)
class Proposal:
    as_of: date
    station_id: int | None
    station_name: str  # "All stations" when None
    lead_time_days: int
    source_name: str
    parameters_text: str
    lines: tuple[ProposalLine, ...]


@dataclass(frozen=True)
class DraftLine:
    """What the quartermaster asks for: an item (product or group) and a number of packages."""

    product_id: int | None
    group: str | None
    packages: int


@dataclass(frozen=True)
class ReorderRow:
    id: int
    number: str
    source_id: int
    source_name: str
    status: str
    status_label: str
    station_name: str
    created_at: datetime
    sent_on: date | None
    line_count: int
    units: int
    received_units: int


@dataclass(frozen=True)
class ReorderLineRow:
    id: int
    product_id: int | None
    group: str | None
    label: str
    ndc: str
    unit: str
    package_name: str
    units_per_package: int
    packages: int
    quantity: int
    received: int
    basis: str
    amc: float
    distributed: int
    administered: int
    expired: int
    lost: int
    on_hand: int
    expiring: int
    usable: int
    on_order: int
    max_units: int
    min_units: int
    surge: float
    months_of_stock: float | None
    steps: tuple[str, ...]
    in_kits: int = 0  # of on_hand: units inside ready kits
    history_days: int | None = None  # days the AMC is based on (None: made before it was kept)
    quantity_note: str = ""  # calculated, capped, or changed by the quartermaster

    @property
    def outstanding(self) -> int:
        return max(0, self.quantity - self.received)

    @property
    def loose(self) -> int:
        return self.on_hand - self.in_kits


@dataclass(frozen=True)
class StatusChangeRow:
    at: datetime
    status_label: str
    user: str
    note: str | None


@dataclass(frozen=True)
class ReceiptRow:
    at: datetime
    operation_id: int
    product_name: str
    quantity: int
    user: str
    reversed: bool


@dataclass(frozen=True)
class ReorderSheet:
    """Everything a reorder sheet prints (PDF and .xlsx alike)."""

    reorder: ReorderRow
    agency_name: str
    agency_address: str
    source_name: str
    program_type: str
    source_contact: str
    source_phone: str
    source_email: str
    source_address: str
    ordering_method: str
    registration_number: str
    lead_time_days: int
    ship_to: str
    contact: str
    note: str
    trained_count: int | None  # None: the source does not ask for it
    parameters_text: str
    method_note: str
    lines: tuple[ReorderLineRow, ...]
    history: tuple[StatusChangeRow, ...]
    receipts: tuple[ReceiptRow, ...]
    date: date


@dataclass(frozen=True)
class SurgeRow:
    id: int
    station_id: int | None
    station_name: str
    factor: float
    starts_on: date
    ends_on: date
    reason: str
    active: bool


@dataclass(frozen=True)
class ReceiptResult:
    """What a delivery did to a reorder: units booked, products not on it, the new status."""

    reorder: ReorderRow
    booked_units: int
    not_on_order: tuple[str, ...]
