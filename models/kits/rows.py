"""Frozen rows of the kit area (recipes, assembly plans, kit stock, recall traces) for screens."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class RecipeLineInput:
    """A recipe line as the user enters it: one product or any product of a group."""

    product_id: int | None
    interchange_group: str | None
    quantity: int
    required: bool = True


@dataclass(frozen=True)
class RecipeLineRow:
    position: int
    product_id: int | None
    interchange_group: str | None
    label: str  # "Kit pouch" or "Any naloxone 4mg nasal"
    quantity: int
    required: bool

    def as_input(self) -> RecipeLineInput:
        return RecipeLineInput(
            self.product_id, self.interchange_group, self.quantity, self.required
        )


@dataclass(frozen=True)
class RecipeRow:
    id: int
    name: str
    kit_product_id: int
    notes: str | None
    active: bool
    lines: tuple[RecipeLineRow, ...]
    kits_assembled: int  # batches already made keep their own contents


@dataclass(frozen=True)
class GroupRow:
    """An interchange group and the products that belong to it."""

    name: str
    label: str
    product_names: tuple[str, ...]


@dataclass(frozen=True)
class LotPick:
    """Units of one component lot taken for a recipe line (total for all kits)."""

    lot_id: int
    product_id: int
    product_name: str
    lot_number: str
    expiry: date | None
    quantity: int
    available: int


@dataclass(frozen=True)
class PlannedLine:
    position: int
    label: str
    quantity_per_kit: int
    required: bool
    picks: tuple[LotPick, ...]  # empty when an optional line is left out
    omitted: bool = False


@dataclass(frozen=True)
class LotChoice:
    """A usable lot at a location that could fill a recipe line (for the override table)."""

    lot_id: int
    product_name: str
    lot_number: str
    expiry: date | None
    available: int


@dataclass(frozen=True)
class AssemblyPlan:
    recipe_id: int
    recipe_name: str
    location_id: int
    location_name: str
    count: int
    lines: tuple[PlannedLine, ...]
    warnings: tuple[str, ...]
    kit_expiries: tuple[date | None, ...]  # one per kit batch the assembly will make


@dataclass(frozen=True)
class BatchComponentRow:
    lot_id: int
    product_name: str
    lot_number: str
    expiry: date | None
    quantity_per_kit: int
    out_of_date: bool


@dataclass(frozen=True)
class KitBatchRow:
    lot_id: int
    lot_number: str
    recipe_id: int | None
    recipe_name: str
    expiry: date | None
    quantity: int
    assembled_on: date
    operation_id: int
    components: tuple[BatchComponentRow, ...]


@dataclass(frozen=True)
class AssemblyResult:
    operation_id: int
    batches: tuple[KitBatchRow, ...]
    warnings: tuple[str, ...]

    @property
    def kits(self) -> int:
        return sum(b.quantity for b in self.batches)


@dataclass(frozen=True)
class KitStockRow:
    """Kits of one kit lot at one location."""

    lot_id: int
    lot_number: str
    kit_product_id: int
    kit_name: str
    recipe_name: str
    expiry: date | None
    days_left: int | None
    location_id: int
    location_path: str
    location_kind: str
    quantity: int
    quarantined: bool
    rekit_reason: str | None  # "expired", "resource card out of date"...


@dataclass(frozen=True)
class KitReadyRow:
    """Kits of one kind at one location, banded by expiry, against the par level."""

    location_id: int
    location_path: str
    location_kind: str
    kit_product_id: int
    kit_name: str
    ready: int  # not expired, not quarantined
    within_first_band: int
    within_second_band: int
    expired: int
    needs_rekit: int
    quarantined: int
    par: int | None
    earliest_expiry: date | None

    @property
    def short(self) -> int:
        return 0 if self.par is None else max(self.par - self.ready, 0)


@dataclass(frozen=True)
class ReleasedRow:
    lot_id: int
    product_name: str
    lot_number: str
    expiry: date | None
    quantity: int
    to_location: str
    quarantined: bool


@dataclass(frozen=True)
class DisassemblyResult:
    operation_id: int
    kits: int
    released: tuple[ReleasedRow, ...]
    rebuilt: AssemblyResult | None
