"""Printable inventory lists (on hand, by product, by location): rows in, PDF file out."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from reportlab.lib.units import inch
from reportlab.platypus import Paragraph, Spacer, TableStyle

from models.common.pdf import SMALL, PageFrame, build_pdf, data_table
from models.common.settings import DEFAULT_BANDS
from models.stock.rows import LocationTotalRow, OnHandRow, ProductTotalRow


def _p(text: str) -> Paragraph:
    return Paragraph(text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"), SMALL)


def _days(row: OnHandRow) -> str:
    if row.quarantined:
        return "quarantined"
    if row.days_left is None:
        return "—"
    if row.days_left < 0:
        return f"expired {-row.days_left} d ago"
    return f"{row.days_left} d"


def write_on_hand_pdf(
    path: Path | str,
    frame: PageFrame,
    rows: Sequence[OnHandRow],
    criteria: str = "",
    bands: tuple[int, int] = DEFAULT_BANDS,
) -> Path:
    """Lot-by-location list with expiry and days left, in the order shown on screen."""
    header = ["Product", "Lot", "Expiry", "Days left", "On hand", "Location"]
    body = [
        [
            _p(r.product_name),
            _p(r.lot_number),
            r.expiry.isoformat() if r.expiry else "—",
            _days(r),
            r.quantity,
            _p(r.location_path),
        ]
        for r in rows
    ]
    widths = [2.6 * inch, 0.9 * inch, 0.8 * inch, 1.1 * inch, 0.7 * inch, 3.2 * inch]
    soon = sum(r.quantity for r in rows if r.days_left is not None and 0 <= r.days_left <= bands[0])
    summary = (
        f"{len(rows)} lot/location rows, {sum(r.quantity for r in rows)} units; "
        f"{sum(r.quantity for r in rows if r.expired and not r.quarantined)} expired, "
        f"{soon} expire within {bands[0]} days."
    )
    table = data_table(header, body, widths)
    table.setStyle(TableStyle([("ALIGN", (4, 1), (4, -1), "RIGHT")]))
    return _write(path, frame, criteria, summary, table)


def write_product_totals_pdf(
    path: Path | str,
    frame: PageFrame,
    rows: Sequence[ProductTotalRow],
    criteria: str = "",
    warning_days: int = DEFAULT_BANDS[1],
) -> Path:
    header = [
        "Product",
        "Usable",
        f"of which ≤ {warning_days} d",
        "Expired",
        "Quarantined",
        "Total",
    ]
    body = [
        [_p(r.product_name), r.usable, r.expiring, r.expired, r.quarantined, r.total] for r in rows
    ]
    widths = [4.0 * inch, 0.9 * inch, 1.1 * inch, 0.9 * inch, 1.0 * inch, 0.9 * inch]
    summary = f"{len(rows)} products, {sum(r.usable for r in rows)} usable units."
    table = data_table(header, body, widths)
    table.setStyle(TableStyle([("ALIGN", (1, 1), (-1, -1), "RIGHT")]))
    return _write(path, frame, criteria, summary, table)


def write_location_totals_pdf(
    path: Path | str,
    frame: PageFrame,
    rows: Sequence[LocationTotalRow],
    criteria: str = "",
) -> Path:
    """Every place with what it and everything inside it hold, indented as the tree."""
    depth = {r.location_id: r.path.count(" / ") for r in rows}
    header = ["Location", "Kind", "Usable", "Expired", "Quarantined", "Total"]
    body = [
        [
            _p("\u00a0" * 4 * depth[r.location_id] + r.name + ("" if r.active else " (inactive)")),
            r.kind.replace("_", " "),
            r.usable,
            r.expired,
            r.quarantined,
            r.usable + r.expired + r.quarantined,
        ]
        for r in rows
    ]
    widths = [3.8 * inch, 1.0 * inch, 0.9 * inch, 0.9 * inch, 1.0 * inch, 0.9 * inch]
    summary = "Each line counts the place itself and everything inside it."
    table = data_table(header, body, widths)
    table.setStyle(TableStyle([("ALIGN", (2, 1), (-1, -1), "RIGHT")]))
    return _write(path, frame, criteria, summary, table)


def _write(path: Path | str, frame: PageFrame, criteria: str, summary: str, table: Any) -> Path:
    story = [_p(summary)]
    if criteria:
        story.append(_p(f"Shown: {criteria}"))
    story += [Spacer(1, 6), table]
    return build_pdf(path, frame, story)


def write_view_pdf(
    path: Path | str,
    frame: PageFrame,
    kind: str,
    rows: Sequence[Any],
    criteria: str = "",
    bands: tuple[int, int] = DEFAULT_BANDS,
) -> Path:
    """One of the inventory views ("lots", "products", "locations") as shown on screen."""
    if kind == "lots":
        return write_on_hand_pdf(path, frame, rows, criteria, bands)
    if kind == "products":
        return write_product_totals_pdf(path, frame, rows, criteria, bands[1])
    return write_location_totals_pdf(path, frame, rows, criteria)
