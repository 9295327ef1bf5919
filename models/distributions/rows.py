"""Plain values in and out of the distribution service: entries, records, counts, summaries."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True)
class DistributionEntry:
    """What a responder reports about one leave-behind: nothing that identifies anyone."""

    occurred_on: date
    kits: int
    location_id: int
    zip_code: str
    setting: str  # code or label
    relationship: str  # code or label
    naloxone_administered: bool = False
    services_offered: bool = False
    time_band: str | None = None
    comment: str | None = None
    kit_product_id: int | None = None  # None: the standard kit
    outcomes: tuple[str, ...] = ()  # outcome tags (codes or labels) instead of a typed note
    entry_key: str | None = None  # the station's key: an entry posted twice is recorded once


@dataclass(frozen=True)
class AdministrationEntry:
    """Doses personnel used on scene; loose doses, or doses taken out of a kit they opened."""

    occurred_on: date
    doses: int
    location_id: int
    from_kit: bool = False
    zip_code: str | None = None
    comment: str | None = None
    product_id: int | None = None  # a naloxone product (loose) or a kit product (from a kit)
    entry_key: str | None = None  # the station's key: an entry posted twice is recorded once


@dataclass(frozen=True)
class DistributionRow:
    id: int
    occurred_on: date
    time_band: str | None
    time_band_label: str
    kits: int
    location_id: int
    location_path: str
    zip_code: str
    setting: str
    setting_label: str
    relationship: str
    relationship_label: str
    naloxone_administered: bool
    services_offered: bool
    comment: str | None
    operation_id: int
    recorded_at: datetime
    recorded_by: str
    void_reason: str | None
    kit_lots: str  # "K0001 ×2, K0002 ×1"
    outcomes: tuple[str, ...] = ()
    outcome_labels: tuple[str, ...] = ()

    @property
    def voided(self) -> bool:
        return self.void_reason is not None


@dataclass(frozen=True)
class AdministrationRow:
    id: int
    occurred_on: date
    doses: int
    location_id: int
    location_path: str
    from_kit: bool
    zip_code: str | None
    comment: str | None
    operation_id: int
    recorded_at: datetime
    recorded_by: str
    void_reason: str | None
    lots: str  # naloxone lots the doses came from

    @property
    def voided(self) -> bool:
        return self.void_reason is not None


@dataclass(frozen=True)
class CountRow:
    """Distributions and kits for one value of a dimension (a ZIP, a setting, a vehicle...)."""

    key: str
    label: str
    distributions: int
    kits: int


@dataclass(frozen=True)
class MonthCount:
    month: date  # first day of the month
    distributions: int
    kits: int
    administrations: int
    doses: int


@dataclass(frozen=True)
class DistributionSummary:
    """Figures for a period, voided records excluded: what dashboards and reports print."""

    start: date
    end: date
    distributions: int
    kits: int
    administrations: int
    doses: int
    doses_from_kits: int
    administrations_from_kits: int
    encounters_with_naloxone: int  # distributions where the responder also administered
    services_offered: int
    voided: int
    by_zip: tuple[CountRow, ...]
    by_setting: tuple[CountRow, ...]
    by_relationship: tuple[CountRow, ...]
    by_location: tuple[CountRow, ...]
    by_time_band: tuple[CountRow, ...]


@dataclass(frozen=True)
class IssuePoint:
    """A place kits are handed out from, with what it holds now (usable only)."""

    location_id: int
    path: str
    kind: str
    kits: int
    doses: int


@dataclass(frozen=True)
class KitChoice:
    product_id: int
    name: str
    usable: int  # at the location asked about, or everywhere


@dataclass(frozen=True)
class TallyProblem:
    line: int  # line of the file (the header is line 1)
    reason: str


@dataclass(frozen=True)
class ImportResult:
    distributions: int
    kits: int
    first_date: date | None
    last_date: date | None
