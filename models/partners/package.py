"""The tables a partner receives, already suppressed: what the preview shows is what is saved."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from models.reports.rows import FlowRow, Period, TrainingFigures
from models.reports.suppression import Pos, SuppressedGrid, TableSpec, suppress_linked

TOTAL = "Total"
# (group, column key, body rows, whole period): the rows' sum in that column equals the group's
# total, month by month (or only over the whole period when the last item is True).
Link = tuple[str, str, tuple[str, ...], bool]

DEFINITIONS: tuple[tuple[str, str], ...] = (
    (
        "Kits distributed",
        "Leave-behind naloxone kits handed out during the period (date of the encounter), "
        "from the agency's anonymous distribution log; voided entries excluded. Every category "
        "is listed in every workbook, zero or not.",
    ),
    (
        "Naloxone doses distributed",
        "Naloxone doses that left stock as leave-behind distributions: loose devices plus the "
        "doses inside every kit handed out (a kit of two devices counts as 2 doses).",
    ),
    (
        "ZIP code",
        "5-digit ZIP code of the place where the kits were left; every ZIP of the service area "
        "is listed, zero or not, and all other ZIPs are counted together as 'Other ZIPs'.",
    ),
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
    """One table as it leaves the building: labels, figures, and which figures are withheld.

    `family`, `row_keys` and `col_atoms` say what each figure adds up (for the release audit):
    a body cell is the sum over the months of its column of (family, row key, column key, month).
    """

    sheet: str
    title: str
    row_header: str
    row_labels: tuple[str, ...]  # includes the "Total" row when column totals are published
    col_labels: tuple[str, ...]  # includes the "Total" column when row totals are published
    grid: SuppressedGrid
    unit_header: str = ""
    units: tuple[str, ...] = ()  # per row, e.g. "each" / "device"
    family: str = ""
    col_atoms: tuple[tuple[str, tuple[str, ...]], ...] = ()  # per body column: key, months
    links: tuple[Link, ...] = ()  # tables of a group publish the same total (readers know it)

    @property
    def row_keys(self) -> tuple[str, ...]:
        return self.row_labels[: self.grid.rows]


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
    """Raw counts gathered by the service, before anything is hidden; every category listed."""

    months: Sequence[date]
    zip_rows: Sequence[str]  # service-area ZIPs, then OTHER_ZIPS
    by_zip: dict[tuple[str, date], int]
    by_setting: dict[str, int]  # every setting, in list order
    by_relationship: dict[str, int]
    by_station: dict[str, int]
    received_by_source: dict[str, int]
    flows: Sequence[FlowRow]  # every product
    training: TrainingFigures
    kits: int
    doses_distributed: int


@dataclass(frozen=True)
class _Draft:
    sheet: str
    title: str
    row_header: str
    rows: Sequence[str]
    cols: Sequence[str]
    spec: TableSpec
    family: str
    col_atoms: Sequence[tuple[str, tuple[str, ...]]]
    unit_header: str = ""
    units: Sequence[str] = ()
    links: Sequence[Link] = ()


def _column(
    title: str, header: str, counts: dict[str, int], family: str, all_months: tuple[str, ...]
) -> _Draft:
    """A one-column table of kits by category (every category, in list order), with its total."""
    keys = list(counts)
    spec = TableSpec([[counts[k]] for k in keys], row_totals=False, cols=1)
    sheet = "By " + header.lower()
    return _Draft(
        sheet,
        title,
        header,
        keys,
        ("Kits distributed",),
        spec,
        family,
        (("kits", all_months),),
        links=(("kits", "kits", tuple(keys), False),),
    )


def _drafts(period: Period, data: PackageInput) -> list[_Draft]:
    months = list(data.months)
    labels = tuple(month_label(m) for m in months)
    flows, kinds, t = list(data.flows), list(data.training.by_kind), data.training
    span = f"{period.start:%Y-%m-%d}/{period.end:%Y-%m-%d}"
    zips = list(data.zip_rows)
    return [
        _Draft(
            "Summary",
            "Naloxone distributed",
            "Figure",
            ("Kits distributed", "Naloxone doses distributed"),
            ("Count",),
            TableSpec([[data.kits], [data.doses_distributed]], row_totals=False, col_totals=False),
            "summary",
            (("count", labels),),
            links=(("kits", "count", ("Kits distributed",), False),),
        ),
        _Draft(
            "By ZIP and month",
            "Kits distributed by ZIP code and month",
            "ZIP code",
            zips,
            labels,
            TableSpec(
                [[data.by_zip.get((z, m), 0) for m in months] for z in zips], cols=len(months)
            ),
            "kits_zip",
            tuple(("kits", (m,)) for m in labels),
            links=(("kits", "kits", tuple(zips), False),),
        ),
        _column("Kits distributed by setting", "Setting", data.by_setting, "kits_setting", labels),
        _column(
            "Kits distributed by recipient relationship",
            "Relationship",
            data.by_relationship,
            "kits_relationship",
            labels,
        ),
        _column("Kits distributed by station", "Station", data.by_station, "kits_station", labels),
        _Draft(
            "Inventory flow",
            "Inventory flow by product (units of issue)",
            "Product",
            [f.product_name for f in flows],
            FLOW_COLUMNS,
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
            "flow",
            tuple((c, labels) for c in FLOW_COLUMNS),
            "Unit",
            [f.unit for f in flows],
            links=_flow_links(flows, data.kits),
        ),
        _Draft(
            "Inventory flow",
            "Units received by source",
            "Source",
            list(data.received_by_source),
            ("Units received",),
            TableSpec([[v] for v in data.received_by_source.values()], row_totals=False, cols=1),
            "received_source",
            (("Units received", labels),),
            links=(("received", "Units received", tuple(data.received_by_source), False),),
        ),
        _Draft(
            "Training",
            "Training sessions by kind",
            "Kind of session",
            [k.kind for k in kinds],
            TRAINING_COLUMNS,
            TableSpec(
                [[k.sessions, k.attendances, k.outside_participants] for k in kinds],
                row_totals=False,
                cols=3,
            ),
            "training_kind",
            tuple((c, labels) for c in TRAINING_COLUMNS),
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
            # Not sums over months: distinct people in the period, and a count on its last day.
            "training_people",
            (("count", (f"distinct {span}", f"on {period.end:%Y-%m-%d}")),),
        ),
    ]


def _flow_links(flows: Sequence[FlowRow], kits: int) -> tuple[Link, ...]:
    """Units received add up to the received-by-source total; kits distributed (kit products,
    in kits) to the kits total, where the agency's records agree (a reader would see it)."""
    received: Link = ("received", "Received", tuple(f.product_name for f in flows), False)
    kit_rows = tuple(f.product_name for f in flows if f.kind == "kit")
    if kit_rows and sum(f.distributed for f in flows if f.kind == "kit") == kits:
        return (received, ("kits", "Distributed", kit_rows, True))
    return (received,)


FLOW_COLUMNS = (
    "Received",
    "Distributed",
    "Administered on scene",
    "Disposed: expired",
    "Disposed: other",
    "Donated",
)
TRAINING_COLUMNS = ("Training sessions", "Personnel attendances", "Outside participants")


def build_package(
    agency: str,
    partner: str,
    period: Period,
    threshold: int,
    generated_at: datetime,
    data: PackageInput,
    forced: Sequence[set[Pos]] = (),
) -> PartnerPackage:
    """Suppresses every table; `forced` adds hidden positions per table (from the audit)."""
    drafts = _drafts(period, data)
    grids = suppress_linked([d.spec for d in drafts], threshold, _links(drafts), forced)
    return PartnerPackage(
        agency,
        partner,
        period,
        threshold,
        generated_at,
        tuple(_shared(d, g) for d, g in zip(drafts, grids, strict=True)),
    )


def _links(drafts: list[_Draft]) -> list[list[tuple[int, Pos]]]:
    """Kits distributed in total is published by the summary and every kits table."""
    totals = [
        (k, (len(d.rows), len(d.cols) if d.spec.row_totals else 0))
        for k, d in enumerate(drafts)
        if d.family.startswith("kits_")
    ]
    return [[(0, (0, 0)), *totals]]


def _shared(d: _Draft, grid: SuppressedGrid) -> SharedTable:
    rows = (*d.rows, TOTAL) if d.spec.col_totals else tuple(d.rows)
    cols = (*d.cols, TOTAL) if d.spec.row_totals else tuple(d.cols)
    return SharedTable(
        d.sheet,
        d.title,
        d.row_header,
        rows,
        cols,
        grid,
        d.unit_header,
        tuple(d.units),
        d.family,
        tuple(d.col_atoms),
        tuple(d.links),
    )
