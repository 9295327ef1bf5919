"""Frozen rows and figures that reports and the partner workbook are written from."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from models.common.errors import ValidationError


@dataclass(frozen=True)
class Period:
    """Inclusive date range of a report."""

    start: date
    end: date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValidationError(
                f"The period ends ({self.end:%Y-%m-%d}) before it starts ({self.start:%Y-%m-%d})."
            )

    @property
    def label(self) -> str:
        return f"{self.start:%d %b %Y} to {self.end:%d %b %Y}"

    @property
    def end_exclusive(self) -> date:
        return self.end + timedelta(days=1)

    def months(self) -> list[date]:
        """First day of every calendar month the period touches."""
        out, current = [], self.start.replace(day=1)
        while current <= self.end:
            out.append(current)
            current = (current.replace(day=28) + timedelta(days=4)).replace(day=1)
        return out


@dataclass(frozen=True)
class ExpirationRow:
    location_path: str
    product_name: str
    is_kit: bool
    recipe_name: str | None
    lot_number: str
    expiry: date | None
    days_left: int | None
    band: str
    quantity: int
    quarantined: bool
    unit: str = "unit"  # of issue: device, strip, card, kit; totals never mix them


@dataclass(frozen=True)
class StockRow:
    """What one place holds of one product (or one product agency-wide when place is '')."""

    location_path: str
    product_name: str
    kind: str
    unit: str
    usable: int
    expiring: int  # usable, expiring within the warning window
    expired: int  # expired, not yet in quarantine
    quarantined: int
    doses_per_unit: int

    @property
    def total(self) -> int:
        return self.usable + self.expired + self.quarantined


@dataclass(frozen=True)
class CountRow:
    label: str
    encounters: int
    kits: int


@dataclass(frozen=True)
class MonthRow:
    month: date
    encounters: int
    kits: int
    administrations: int
    doses_administered: int


@dataclass(frozen=True)
class DistributionFigures:
    encounters: int
    kits: int
    doses_left_behind: int
    with_administration: int  # encounters where the responder also gave naloxone
    services_offered: int
    administrations: int
    doses_administered: int
    administrations_from_kit: int
    by_zip: tuple[CountRow, ...]
    by_setting: tuple[CountRow, ...]
    by_relationship: tuple[CountRow, ...]
    by_location: tuple[CountRow, ...]
    monthly: tuple[MonthRow, ...]


@dataclass(frozen=True)
class FlowRow:
    """Movements of one product during a period, in its unit of issue."""

    product_name: str
    kind: str
    unit: str
    received: int
    distributed: int
    administered: int
    disposed_expired: int
    disposed_other: int
    donated: int  # disposed of as "donated" (to a harm-reduction partner), not an expiry


@dataclass(frozen=True)
class TrainingKindRow:
    kind: str
    sessions: int
    attendances: int
    outside_participants: int


@dataclass(frozen=True)
class TrainingFigures:
    sessions: int
    personnel_trained: int  # distinct personnel who attended a session in the period
    outside_participants: int
    active_personnel: int
    active_with_lbn_training: int
    by_kind: tuple[TrainingKindRow, ...]


@dataclass(frozen=True)
class ProgramFigures:
    kits_distributed: int
    doses_distributed: int
    doses_administered: int
    doses_expired: int  # naloxone doses disposed of as expired in the period
    expired_doses_on_hand: int  # expired naloxone still held (awaiting disposal)
    usable_doses_on_hand: int  # loose and inside kits
    kits_on_hand: int
    training: TrainingFigures
    distribution: DistributionFigures


def last_quarter(today: date) -> Period:
    """The last full calendar quarter before `today` (the usual partner period)."""
    first_of_quarter = date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)
    end = first_of_quarter - timedelta(days=1)
    return Period(date(end.year, 3 * ((end.month - 1) // 3) + 1, 1), end)
