"""Expiration report: every lot and kit batch on hand, by location, earliest expiry first."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date
from itertools import groupby
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import inch

from models.common.pdf import PageFrame, build_pdf, data_table
from models.common.wording import counted, plural
from models.reports.parts import (
    BAND_COLOURS,
    NOTE,
    Progress,
    cell,
    fmt,
    header,
    heading,
    keep_with_next,
    spacer,
    text,
    titled_table,
)
from models.reports.rows import ExpirationRow

HEADER = header(["Expiry", "Days left", "Band", "Product", "Lot / kit batch", "Status", "Qty"], 6)
WIDTHS = [0.75 * inch, 0.55 * inch, 0.95 * inch, 2.0 * inch, 1.2 * inch, 0.7 * inch, 0.9 * inch]
NO_EXPIRY_HEADER = header(["Location", "Product", "Lot", "Status", "Qty"], 4)
NO_EXPIRY_WIDTHS = [2.2 * inch, 2.3 * inch, 1.2 * inch, 0.75 * inch, 0.9 * inch]


def band_columns(bands: Sequence[int]) -> list[str]:
    near, far = [*bands, 30, 90][:2]
    return ["Expired", f"Within {near} days", f"Within {far} days", "Later", "No expiry"]


def write_expiration_report(
    path: Path | str,
    frame: PageFrame,
    rows: Sequence[ExpirationRow],
    today: date,
    bands: Sequence[int],
    progress: Progress | None = None,
) -> Path:
    names = band_columns(bands)
    story: list[Any] = [
        text(
            f"Stock on hand on {today:%d %b %Y}: {fmt(len(rows))} lots and kit batches in "
            f"{len({r.location_path for r in rows})} locations, earliest expiry first. "
            f"Quantities are in units of issue; totals are given per unit (devices, strips, kits), "
            f"never added across units. Expired stock may be kept "
            f"for training or donation but never goes into a kit."
        ),
        keep_with_next(),
        heading("Summary by location"),
        _summary(rows, names),
    ]
    dated = [r for r in rows if r.expiry is not None]
    undated = [r for r in rows if r.expiry is None]
    by_place = groupby(dated, key=lambda r: r.location_path)
    groups = [(place, list(items)) for place, items in by_place]
    for done, (place, items) in enumerate(groups, start=1):
        story += [spacer(10), _location_table(place, items, names)]
        if progress is not None:
            progress(done, len(groups) * 2)
    if undated:
        story += [spacer(10), _undated_table(undated)]
    if not rows:
        story.append(text("Nothing is on hand in the chosen locations."))
    story += [spacer(8), text(_legend(names), NOTE)]

    def layout(done: int, total: int) -> None:
        if progress is not None:
            progress(len(groups) + done * len(groups) // max(total, 1), len(groups) * 2)

    return build_pdf(path, frame, story, layout if progress is not None else None)


def _legend(names: list[str]) -> str:
    return (
        f"Bands: {names[0]} (past the printed date), {names[1]}, {names[2]}, later. "
        "A kit batch expires with its earliest-expiring component. 'Quarantine' marks stock "
        "held apart from usable stock."
    )


def _summary(rows: Sequence[ExpirationRow], names: list[str]) -> Any:
    """One line per place and unit of issue, so no figure adds devices to strips."""
    sums: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for r in rows:
        sums[(r.location_path, r.unit)][r.band] += r.quantity
    body = []
    for place, unit in sums:  # insertion order: tree order, as the rows come
        values = [sums[(place, unit)][n] for n in names]
        body.append([cell(place, 40), plural(unit), *values, sum(values)])
    units = list(dict.fromkeys(unit for _place, unit in sums))
    style: list[tuple[Any, ...]] = [("ALIGN", (2, 0), (-1, -1), "RIGHT")]
    for unit in units:
        totals = [sum(v[n] for (_p, u), v in sums.items() if u == unit) for n in names]
        body.append(["All locations", plural(unit), *totals, sum(totals)])
    first_total = len(body) - len(units) + 1
    style.append(("FONT", (0, first_total), (-1, -1), "Helvetica-Bold", 8))
    widths = [2.3 * inch, 0.65 * inch] + [0.68 * inch] * 6
    table = data_table(header(["Location", "Unit", *names, "Total"]), body, widths)
    table.setStyle(style)
    return table


def _location_table(place: str, items: list[ExpirationRow], names: list[str]) -> Any:
    """The place's name and the column headers repeat on every page the table runs over."""
    body = []
    style: list[tuple[Any, ...]] = [
        ("ALIGN", (1, 2), (1, -1), "RIGHT"),
        ("ALIGN", (6, 2), (6, -1), "RIGHT"),
    ]
    for k, r in enumerate(items, start=2):
        what = r.product_name
        if r.is_kit and r.recipe_name and r.recipe_name != r.product_name:
            what = f"{r.product_name} ({r.recipe_name})"
        lot = f"Kit batch {r.lot_number}" if r.is_kit else r.lot_number
        body.append(
            [
                f"{r.expiry:%Y-%m-%d}" if r.expiry else "-",
                "" if r.days_left is None else r.days_left,
                r.band,
                cell(what, 40),
                cell(lot, 22),
                "Quarantine" if r.quarantined else "",
                counted(r.quantity, r.unit),
            ]
        )
        colour = _band_colour(r.band, names)
        if colour is not None:
            style.append(("BACKGROUND", (0, k), (2, k), colour))
    body.append(["Total", "", "", cell(unit_totals(items), 60), "", "", ""])
    style += [
        ("SPAN", (3, -1), (-1, -1)),
        ("FONT", (0, -1), (-1, -1), "Helvetica-Bold", 8),
        ("BACKGROUND", (0, -1), (-1, -1), colors.HexColor("#eef1f4")),
        *KEEP_ENDS,
    ]
    return titled_table(place, HEADER, body, WIDTHS, style)


# A table never leaves its title and header alone at a page foot, nor its total alone on top.
KEEP_ENDS = [("NOSPLIT", (0, 0), (-1, 2)), ("NOSPLIT", (0, -2), (-1, -1))]


def unit_totals(items: Sequence[ExpirationRow]) -> str:
    """'120 devices, 300 strips, 12 kits': per unit of issue, in the order they appear."""
    sums: dict[str, int] = {}
    for r in items:
        sums[r.unit] = sums.get(r.unit, 0) + r.quantity
    return ", ".join(counted(n, unit) for unit, n in sums.items())


def _undated_table(items: Sequence[ExpirationRow]) -> Any:
    """Gloves, shields, cards: held and counted, but nothing to rotate."""
    body: list[list[Any]] = [
        [
            cell(r.location_path, 40),
            cell(r.product_name, 40),
            cell(r.lot_number, 22),
            "Quarantine" if r.quarantined else "",
            counted(r.quantity, r.unit),
        ]
        for r in items
    ]
    body.append(["Total", "", "", "", ""])
    body[-1][1] = cell(unit_totals(items), 60)
    style: list[tuple[Any, ...]] = [
        ("SPAN", (1, -1), (-1, -1)),
        ("FONT", (0, -1), (-1, -1), "Helvetica-Bold", 8),
        ("BACKGROUND", (0, -1), (-1, -1), colors.HexColor("#eef1f4")),
        ("ALIGN", (4, 2), (4, -2), "RIGHT"),
        *KEEP_ENDS,
    ]
    return titled_table(
        "Items without an expiry date", NO_EXPIRY_HEADER, body, NO_EXPIRY_WIDTHS, style
    )


def _band_colour(band: str, names: list[str]) -> Any:
    if band == names[0]:
        return BAND_COLOURS["Expired"]
    if band == names[1]:
        return BAND_COLOURS["near"]
    if band == names[2]:
        return BAND_COLOURS["far"]
    return None
