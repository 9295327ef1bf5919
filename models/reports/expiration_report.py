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
WIDTHS = [0.75 * inch, 0.55 * inch, 0.95 * inch, 2.3 * inch, 1.3 * inch, 0.7 * inch, 0.5 * inch]


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
            f"Quantities are in units of issue (devices, strips, kits). Expired stock may be kept "
            f"for training or donation but never goes into a kit."
        ),
        keep_with_next(),
        heading("Summary by location"),
        _summary(rows, names),
    ]
    groups = [(place, list(items)) for place, items in groupby(rows, key=lambda r: r.location_path)]
    for done, (place, items) in enumerate(groups, start=1):
        story += [spacer(10), _location_table(place, items, names)]
        if progress is not None:
            progress(done, len(groups) * 2)
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
    sums: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    order: list[str] = []
    for r in rows:
        if r.location_path not in sums:
            order.append(r.location_path)
        sums[r.location_path][r.band] += r.quantity
    body = []
    for place in order:
        values = [sums[place][n] for n in names]
        body.append([cell(place, 44), *values, sum(values)])
    totals = [sum(sums[p][n] for p in order) for n in names]
    body.append(["All locations", *totals, sum(totals)])
    widths = [2.6 * inch] + [0.72 * inch] * 6
    table = data_table(header(["Location", *names, "Total"]), body, widths)
    table.setStyle(
        [("FONT", (0, -1), (-1, -1), "Helvetica-Bold", 8), ("ALIGN", (1, 0), (-1, -1), "RIGHT")]
    )
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
                r.quantity,
            ]
        )
        colour = _band_colour(r.band, names)
        if colour is not None:
            style.append(("BACKGROUND", (0, k), (2, k), colour))
    totals = ", ".join(
        f"{n.lower()} {sum(r.quantity for r in items if r.band == n)}"
        for n in names
        if any(r.band == n for r in items)
    )
    body.append(["Total", "", "", cell(totals, 40), "", "", sum(r.quantity for r in items)])
    style.append(("FONT", (0, -1), (-1, -1), "Helvetica-Bold", 8))
    style.append(("BACKGROUND", (0, -1), (-1, -1), colors.HexColor("#eef1f4")))
    return titled_table(place, HEADER, body, WIDTHS, style)


def _band_colour(band: str, names: list[str]) -> Any:
    if band == names[0]:
        return BAND_COLOURS["Expired"]
    if band == names[1]:
        return BAND_COLOURS["near"]
    if band == names[2]:
        return BAND_COLOURS["far"]
    return None
