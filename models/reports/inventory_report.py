"""Inventory on hand: by product and by location, usable versus expired and quarantined."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from itertools import groupby
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import inch

from models.common.pdf import PageFrame, build_pdf, data_table
from models.reports.parts import (
    NOTE,
    Progress,
    cell,
    figure_boxes,
    fmt,
    header,
    heading,
    keep_with_next,
    spacer,
    text,
    titled_table,
)
from models.reports.rows import StockRow

PRODUCT_HEADER = header(
    ["Product", "Unit", "Usable", "Expiring within 90 days", "Expired", "Quarantine", "Total"], 2
)
PRODUCT_WIDTHS = [2.5 * inch, 0.6 * inch] + [0.8 * inch] * 5
LOCATION_HEADER = header(["Product", "Usable", "Expired", "Quarantine", "Total"])
LOCATION_WIDTHS = [3.6 * inch] + [0.85 * inch] * 4


def write_inventory_report(
    path: Path | str,
    frame: PageFrame,
    by_product: Sequence[StockRow],
    by_location: Sequence[StockRow],
    today: date,
    progress: Progress | None = None,
) -> Path:
    doses = sum(r.usable * r.doses_per_unit for r in by_product)
    kits = sum(r.usable for r in by_product if r.kind == "kit")
    expired_doses = sum(r.expired * r.doses_per_unit for r in by_product)
    story: list[Any] = [
        text(f"Stock on hand on {today:%d %b %Y}, in units of issue."),
        spacer(),
        figure_boxes(
            [
                ("Usable naloxone doses (loose and in kits)", fmt(doses)),
                ("Kits ready", fmt(kits)),
                ("Expired naloxone doses outside quarantine", fmt(expired_doses)),
            ],
            3,
            7.2 * inch,
        ),
        keep_with_next(),
        heading("By product"),
        _product_table(by_product),
        keep_with_next(),
        heading("By location"),
        *_location_tables(by_location),
        spacer(8),
        text(
            "Usable: not expired and not in quarantine. Expiring: usable stock that expires "
            "within 90 days. Expired: past its printed date and not yet moved to quarantine.",
            NOTE,
        ),
    ]
    if progress is not None:
        progress(1, 3)
    return build_pdf(path, frame, story, progress)


def _product_table(rows: Sequence[StockRow]) -> Any:
    body = [
        [cell(r.product_name, 46), r.unit, r.usable, r.expiring, r.expired, r.quarantined, r.total]
        for r in rows
    ]
    if not body:
        body = [["Nothing on hand", "", 0, 0, 0, 0, 0]]
    table = data_table(PRODUCT_HEADER, body, PRODUCT_WIDTHS)
    table.setStyle([("ALIGN", (2, 0), (-1, -1), "RIGHT")])
    return table


def _location_tables(rows: Sequence[StockRow]) -> list[Any]:
    """One table per place; its name and the headers repeat if it runs onto another page."""
    out: list[Any] = []
    style = [
        ("ALIGN", (1, 2), (-1, -1), "RIGHT"),
        ("FONT", (0, -1), (-1, -1), "Helvetica-Bold", 8),
        ("BACKGROUND", (0, -1), (-1, -1), colors.HexColor("#eef1f4")),
    ]
    for place, items in groupby(rows, key=lambda r: r.location_path):
        group = list(items)
        body: list[list[Any]] = [
            [cell(r.product_name, 60), r.usable, r.expired, r.quarantined, r.total] for r in group
        ]
        body.append(
            [
                "All products (units)",
                sum(r.usable for r in group),
                sum(r.expired for r in group),
                sum(r.quarantined for r in group),
                sum(r.total for r in group),
            ]
        )
        out += [spacer(8), titled_table(place, LOCATION_HEADER, body, LOCATION_WIDTHS, style)]
    return out or [text("Nothing on hand in the chosen locations.")]
