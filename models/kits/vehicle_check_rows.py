"""Frozen rows of the vehicle check: what a crew found per kit lot, and past checks."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from models.common.wording import counted
from models.kits.rows import KitStockRow


@dataclass(frozen=True)
class VehicleCheckEntry:
    """What the crew found of one kit lot at one place on board (kits, not units)."""

    lot_id: int
    location_id: int
    on_board: int = 0
    missing: int = 0
    expired: int = 0
    opened: int = 0

    @property
    def total(self) -> int:
        return self.on_board + self.missing + self.expired + self.opened


@dataclass(frozen=True)
class VehicleCheckRow:
    """One recorded check of a vehicle, with its totals."""

    id: int
    location_id: int
    checked_at: datetime
    checked_by: str
    expected: int
    on_board: int
    missing: int
    expired: int
    opened: int
    note: str | None

    @property
    def all_present(self) -> bool:
        return self.on_board == self.expected

    @property
    def result(self) -> str:
        """'All 4 kits on board' or '3 of 4 on board; 1 missing'."""
        if self.expected == 0:
            return "No kits on board"
        if self.all_present:
            return f"All {counted(self.expected, 'kit')} on board"
        found = ((self.missing, "missing"), (self.expired, "expired"), (self.opened, "opened"))
        problems = [f"{n} {word}" for n, word in found if n]
        return f"{self.on_board} of {self.expected} on board; " + ", ".join(problems)


@dataclass(frozen=True)
class VehicleCheckSheet:
    """A vehicle as a crew checks it: the kits on board by the books, and its past checks."""

    location_id: int
    name: str
    path: str
    kits: tuple[KitStockRow, ...]
    history: tuple[VehicleCheckRow, ...]

    @property
    def kits_on_board(self) -> int:
        return sum(k.quantity for k in self.kits)
