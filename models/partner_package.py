"""The tables a partner receives, already suppressed: what the preview shows is what is saved."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from models.report_rows import FlowRow, Period, TrainingFigures
from models.suppression import SuppressedGrid, TableSpec, suppress_linked

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
    ("Received", "Units received into stock from suppliers and sources during the period."),
    ("Distributed", "Units that left stock as leave-behind distributions (kits or loose)."),
    (
        "Administered on scene",
        "Units (naloxone devices = doses) used by personnel on scene; voided entries excluded.",
    ),
    ("Disposed: expired", "Units written off because they had expired."),
    ("Disposed: other", "Units written off as damaged, recalled or for another stated reason."),
    ("Training sessions", "Training sessions held during the period, by kind."),
    (
        "Personnel attendances",
        "Agency personnel signed in at those sessions (a person per session).",
    ),
    ("Outside participants", "People from outside the agency counted at those sessions."),
    ("Personnel trained", "Distinct agency personnel who attended at least one session."),
    (
        "Active personnel with LBN training",
        "Active personnel whose record shows Leave-Behind Naloxone training, at export time.",
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
    flows: Sequence[FlowRow]
    training: TrainingFigures


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
    zip_values = [[data.by_zip.get((z, m), 0) for m in months] for z in zips]
    settings = sorted(data.by_setting, key=lambda k: (-data.by_setting[k], k))
    relations = sorted(data.by_relationship, key=lambda k: (-data.by_relationship[k], k))
    flows = list(data.flows)
    flow_values = [
        [f.received, f.distributed, f.administered, f.disposed_expired, f.disposed_other]
        for f in flows
    ]
    kinds = list(data.training.by_kind)
    t = data.training
    specs = [
        TableSpec(zip_values, cols=len(months)),
        TableSpec([[data.by_setting[k]] for k in settings], row_totals=False, cols=1),
        TableSpec([[data.by_relationship[k]] for k in relations], row_totals=False, cols=1),
        TableSpec(flow_values, row_totals=False, col_totals=False, cols=5),
        TableSpec(
            [[k.sessions, k.attendances, k.outside_participants] for k in kinds],
            row_totals=False,
            cols=3,
        ),
        TableSpec(
            [[t.personnel_trained], [t.active_with_lbn_training]],
            row_totals=False,
            col_totals=False,
        ),
    ]
    kits_total = sum(sum(r) for r in zip_values)
    links = [[(0, (len(zips), len(months))), (1, (len(settings), 0)), (2, (len(relations), 0))]]
    for i, f in enumerate(flows):
        if f.kind == "kit" and f.distributed == kits_total and kits_total:
            links[0].append((3, (i, 1)))
    g = suppress_linked(specs, threshold, links)
    month_names = tuple(month_label(m) for m in months)
    tables = (
        SharedTable(
            "By ZIP and month",
            "Kits distributed by ZIP code and month",
            "ZIP code",
            (*zips, TOTAL),
            (*month_names, TOTAL),
            g[0],
        ),
        SharedTable(
            "By setting",
            "Kits distributed by setting",
            "Setting",
            (*settings, TOTAL),
            ("Kits distributed",),
            g[1],
        ),
        SharedTable(
            "By relationship",
            "Kits distributed by recipient relationship",
            "Relationship",
            (*relations, TOTAL),
            ("Kits distributed",),
            g[2],
        ),
        SharedTable(
            "Inventory flow",
            "Inventory flow by product (units of issue)",
            "Product",
            tuple(f.product_name for f in flows),
            (
                "Received",
                "Distributed",
                "Administered on scene",
                "Disposed: expired",
                "Disposed: other",
            ),
            g[3],
            "Unit",
            tuple(f.unit for f in flows),
        ),
        SharedTable(
            "Training",
            "Training sessions by kind",
            "Kind of session",
            (*(k.kind for k in kinds), TOTAL),
            ("Training sessions", "Personnel attendances", "Outside participants"),
            g[4],
        ),
        SharedTable(
            "Training",
            "Personnel trained",
            "Figure",
            ("Personnel trained", "Active personnel with LBN training"),
            ("Count",),
            g[5],
        ),
    )
    return PartnerPackage(agency, partner, period, threshold, generated_at, tables)


def suppression_rule(threshold: int) -> str:
    return (
        f"Counts from 1 to {threshold - 1} are not shown (marked S); 0 is shown as 0. "
        "Further figures are also marked S where a hidden count could otherwise be worked out "
        "from row or column totals, or from the same figure in another table."
    )
