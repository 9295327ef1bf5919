"""The tables a partner receives, already suppressed: what the preview shows is what is saved."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from models.reports.rows import FlowRow, Period, TrainingFigures
from models.reports.suppression import Pos, SuppressedGrid, TableSpec, suppress_linked

TOTAL = "Total"

DEFINITIONS: tuple[tuple[str, str], ...] = (
    (
        "Kits distributed",
        "Leave-behind naloxone kits handed out during the period (date of the encounter), "
        "from the agency's anonymous distribution log; voided entries excluded.",
    ),
    ("ZIP code", "5-digit ZIP code of the place where the kits were left; aggregated counts only."),
    ("Setting", "Where the encounter happened (overdose scene, other call, community event, ...)."),
    (
        "Relationship",
        "The recipient's relationship to a person at risk (person at risk, family member, ...).",
    ),
    ("Station", "The station whose stock (rooms, cabinets, vehicles) the kits came from."),
    ("Received", "Units received into stock from suppliers and sources during the period."),
    ("Units received", "Units received during the period, by the source recorded on the lot."),
    ("Distributed", "Units that left stock as leave-behind distributions (kits or loose)."),
    (
        "Administered on scene",
        "Units (naloxone devices = doses) used by personnel on scene; voided entries excluded.",
    ),
    ("Disposed: expired", "Units written off because they had expired."),
    ("Disposed: other", "Units written off as damaged, recalled or for another stated reason."),
    (
        "Donated",
        "Units given to a harm-reduction partner before they expired (off the agency's books).",
    ),
    ("Training sessions", "Training sessions held during the period, by kind."),
    (
        "Personnel attendances",
        "Agency personnel signed in at those sessions (a person per session).",
    ),
    ("Outside participants", "People from outside the agency counted at those sessions."),
    (
        "Personnel trained",
        "Distinct agency personnel who attended at least one session that counts as LBN or "
        "overdose-response training in the period.",
    ),
    (
        "Active personnel trained at period end",
        "Active personnel whose Leave-Behind Naloxone training had not lapsed (refresher not "
        "overdue) on the last day of the period.",
    ),
)


@dataclass(frozen=True)
class SharedTable:
    """One table as it leaves the building: labels, figures, and which figures are withheld."""

    sheet: str
    title: str
    row_header: str
    row_labels: tuple[str, ...]  # includes the "Total" row when column totals are published
    col_labels: tuple[str, ...]  # includes the "Total" column when row totals are published
    grid: SuppressedGrid
    unit_header: str = ""
    units: tuple[str, ...] = ()  # per row, e.g. "each" / "device"


@dataclass(frozen=True)
class PartnerPackage:
    agency: str
    partner: str
    period: Period
    threshold: int
    generated_at: datetime
    tables: tuple[SharedTable, ...]
    definitions: tuple[tuple[str, str], ...] = DEFINITIONS

    @property
    def sheets(self) -> list[str]:
        return list(dict.fromkeys(t.sheet for t in self.tables))

    @property
    def hidden_count(self) -> int:
        return sum(len(t.grid.hidden) for t in self.tables)


def month_label(month: date) -> str:
    return f"{month:%Y-%m}"


@dataclass(frozen=True)
class PackageInput:
    """Raw counts gathered by the service, before anything is hidden."""

    months: Sequence[date]
    by_zip: dict[tuple[str, date], int]
    by_setting: dict[str, int]
    by_relationship: dict[str, int]
    by_station: dict[str, int]
    received_by_source: dict[str, int]
    flows: Sequence[FlowRow]
    training: TrainingFigures


@dataclass(frozen=True)
class _Draft:
    sheet: str
    title: str
    row_header: str
    rows: Sequence[str]
    cols: Sequence[str]
    spec: TableSpec
    unit_header: str = ""
    units: Sequence[str] = ()


def _column(sheet: str, title: str, header: str, counts: dict[str, int], col: str) -> _Draft:
    """A one-column table of counts by category, largest first, with its total."""
    keys = sorted(counts, key=lambda k: (-counts[k], k))
    spec = TableSpec([[counts[k]] for k in keys], row_totals=False, cols=1)
    return _Draft(sheet, title, header, keys, (col,), spec)


def build_package(
    agency: str,
    partner: str,
    period: Period,
    threshold: int,
    generated_at: datetime,
    data: PackageInput,
) -> PartnerPackage:
    months = list(data.months)
    zips = sorted({z for z, _m in data.by_zip})
    flows, kinds, t = list(data.flows), list(data.training.by_kind), data.training
    kits = "Kits distributed"
    drafts = [
        _Draft(
            "By ZIP and month",
            "Kits distributed by ZIP code and month",
            "ZIP code",
            zips,
            [month_label(m) for m in months],
            TableSpec(
                [[data.by_zip.get((z, m), 0) for m in months] for z in zips], cols=len(months)
            ),
        ),
        _column("By setting", "Kits distributed by setting", "Setting", data.by_setting, kits),
        _column(
            "By relationship",
            "Kits distributed by recipient relationship",
            "Relationship",
            data.by_relationship,
            kits,
        ),
        _column("By station", "Kits distributed by station", "Station", data.by_station, kits),
        _Draft(
            "Inventory flow",
            "Inventory flow by product (units of issue)",
            "Product",
            [f.product_name for f in flows],
            [
                "Received",
                "Distributed",
                "Administered on scene",
                "Disposed: expired",
                "Disposed: other",
                "Donated",
            ],
            TableSpec(
                [
                    [
                        f.received,
                        f.distributed,
                        f.administered,
                        f.disposed_expired,
                        f.disposed_other,
                        f.donated,
                    ]
                    for f in flows
                ],
                row_totals=False,
                col_totals=False,
                cols=6,
            ),
            "Unit",
            [f.unit for f in flows],
        ),
        _column(
            "Inventory flow",
            "Units received by source",
            "Source",
            data.received_by_source,
            "Units received",
        ),
        _Draft(
            "Training",
            "Training sessions by kind",
            "Kind of session",
            [k.kind for k in kinds],
            ["Training sessions", "Personnel attendances", "Outside participants"],
            TableSpec(
                [[k.sessions, k.attendances, k.outside_participants] for k in kinds],
                row_totals=False,
                cols=3,
            ),
        ),
        _Draft(
            "Training",
            "Personnel trained",
            "Figure",
            ["Personnel trained", "Active personnel trained at period end"],
            ["Count"],
            TableSpec(
                [[t.personnel_trained], [t.active_with_lbn_training]],
                row_totals=False,
                col_totals=False,
            ),
        ),
    ]
    grids = suppress_linked([d.spec for d in drafts], threshold, _links(drafts, flows))
    return PartnerPackage(
        agency,
        partner,
        period,
        threshold,
        generated_at,
        tuple(_shared(d, g) for d, g in zip(drafts, grids, strict=True)),
    )


def _links(drafts: list[_Draft], flows: list[FlowRow]) -> list[list[tuple[int, Pos]]]:
    """Kits distributed in total is published by every kits table (and the kit flow row)."""
    totals = [
        (k, (len(d.rows), len(d.cols) if d.spec.row_totals else 0))
        for k, d in enumerate(drafts)
        if d.title.startswith("Kits distributed")
    ]
    kits_total = sum(sum(r) for r in drafts[0].spec.values)
    flow_index = next(k for k, d in enumerate(drafts) if d.title.startswith("Inventory flow"))
    for i, f in enumerate(flows):
        if f.kind == "kit" and f.distributed == kits_total:
            totals.append((flow_index, (i, 1)))
    return [totals]


def _shared(d: _Draft, grid: SuppressedGrid) -> SharedTable:
    rows = (*d.rows, TOTAL) if d.spec.col_totals else tuple(d.rows)
    cols = (*d.cols, TOTAL) if d.spec.row_totals else tuple(d.cols)
    return SharedTable(
        d.sheet, d.title, d.row_header, rows, cols, grid, d.unit_header, tuple(d.units)
    )
