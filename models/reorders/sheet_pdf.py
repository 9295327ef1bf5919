"""Reorder sheet as PDF: a request to one source, with the basis of every quantity.

Rows in, file out: knows `ReorderSheet`, not the database.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table, TableStyle

from models.common.pdf import SMALL, STYLES, PageFrame, build_pdf, data_table
from models.common.wording import counted
from models.reorders.calc import KIT_CONTENTS_NOTE, USABLE_NOTE, fmt_number
from models.reorders.rows import ReorderLineRow, ReorderSheet

HEADER = [
    "Product",
    "NDC",
    "AMC /\nmonth",
    "Days\nobserved",
    "Max",
    "Min",
    "Loose\non hand",
    "Inside\nready kits",
    "Expiring\n(excluded)",
    "Usable",
    "On order",
    "Quantity\nrequested",
    "Packages",
    "Basis",
]
WIDTHS = [1.55, 1.05, 0.5, 0.6, 0.45, 0.45, 0.55, 0.6, 0.65, 0.5, 0.55, 0.75, 0.85, 0.85]
CELL = ParagraphStyle("cell", parent=SMALL, fontSize=8, leading=9.5)
BLOCK = ParagraphStyle("block", parent=STYLES["Normal"], fontSize=9, leading=11.5)
HEAD = ParagraphStyle("head", parent=STYLES["Heading4"], spaceBefore=8, spaceAfter=3)


def write_reorder_pdf(
    path: Path | str, sheet: ReorderSheet, generated_at: datetime | None = None
) -> Path:
    """Write the sheet; the quantities printed are the ones stored on the reorder's lines."""
    r = sheet.reorder
    frame = PageFrame(
        title=f"Naloxone and supplies request {r.number}",
        agency=sheet.agency_name or "Agency name not set (Settings → Agency)",
        period=f"{r.status_label} · dated {sheet.date:%Y-%m-%d}",
        generated_at=generated_at,
        landscape=True,
    )
    story: list[Any] = [_parties(sheet), Spacer(1, 6)]
    story.append(Paragraph("Items requested", HEAD))
    story.append(data_table(HEADER, [_row(x) for x in sheet.lines], [w * inch for w in WIDTHS]))
    total = sum(x.quantity for x in sheet.lines)
    story.append(
        Paragraph(
            f"{counted(len(sheet.lines), 'item')}: {unit_totals(sheet.lines)}. "
            "Quantities in units of issue; packages as shipped. " + _text(USABLE_NOTE),
            SMALL,
        )
    )
    story.append(Paragraph(f"<b>{_text(KIT_CONTENTS_NOTE)}</b>", SMALL))
    if sheet.receipts:
        received = sum(x.received for x in sheet.lines)
        moves = ", ".join(sorted({str(x.operation_id) for x in sheet.receipts}))
        story.append(
            Paragraph(f"Received so far: {received} of {total} units (movements {moves}).", SMALL)
        )
    # The signature sits under the request it authorises, never alone on a page of its own.
    story.append(KeepTogether([Spacer(1, 10), *_signature(sheet)]))
    story.append(Paragraph("How the quantities were computed", HEAD))
    story.append(Paragraph(_text(sheet.parameters_text + "; " + _lead(sheet)), BLOCK))
    for line in sheet.lines:
        steps = "<br/>".join("• " + _text(step) for step in line.steps)
        story.append(Paragraph(f"<b>{_text(line.label)}</b><br/>{steps}", SMALL))
        story.append(Spacer(1, 3))
    story.append(Paragraph(_text(sheet.method_note), SMALL))
    return build_pdf(path, frame, story)


def unit_totals(lines: Sequence[ReorderLineRow]) -> str:
    """'120 devices, 300 strips': one total per unit of issue, never a mixed sum."""
    sums: dict[str, int] = {}
    for x in lines:
        sums[x.unit] = sums.get(x.unit, 0) + x.quantity
    return ", ".join(counted(n, unit) for unit, n in sums.items()) or "nothing"


def _parties(sheet: ReorderSheet) -> Table:
    left = [
        "<b>From (requesting agency)</b>",
        _text(sheet.agency_name) or "—",
        _lines(sheet.agency_address),
        f"Registration no. with this program: <b>{_text(sheet.registration_number) or '—'}</b>",
        f"Contact: {_text(sheet.contact) or '—'}",
    ]
    if sheet.trained_count is not None:
        left.append(f"Personnel trained in naloxone use: <b>{sheet.trained_count}</b>")
    right = [
        "<b>To (source)</b>",
        f"<b>{_text(sheet.source_name)}</b>",
        _text(sheet.program_type.replace("_", " ").capitalize()),
        f"Contact: {_text(sheet.source_contact) or '—'}",
        " · ".join(x for x in (_text(sheet.source_phone), _text(sheet.source_email)) if x),
        _lines(sheet.source_address),
        f"Ordering method: {_text(sheet.ordering_method)}",
    ]
    ship = [
        "<b>Ship to</b>",
        _lines(sheet.ship_to) or _lines(f"{sheet.agency_name}\n{sheet.agency_address}") or "—",
        f"Stock counted for: {_text(sheet.reorder.station_name)}",
    ]
    if sheet.note:
        ship.append(f"Note: {_text(sheet.note)}")
    cells = [[Paragraph("<br/>".join(x for x in col if x), BLOCK) for col in (left, right, ship)]]
    table = Table(cells, colWidths=[3.3 * inch, 3.3 * inch, 3.1 * inch])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BOX", (0, 0), (-1, -1), 0.5, colors.HexColor("#a0a8b0")),
                ("INNERGRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#a0a8b0")),
                ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#f6f8fa")),
            ]
        )
    )
    return table


def _row(x: ReorderLineRow) -> list[Any]:
    basis = x.basis + (f"\nsurge x{fmt_number(x.surge)}" if x.surge != 1 else "")
    return [
        Paragraph(_text(x.label), CELL),
        Paragraph(_text(x.ndc) or "—", CELL),
        f"{x.amc:.1f}",
        "—" if x.history_days is None else str(x.history_days),
        str(x.max_units),
        str(x.min_units),
        str(x.loose),
        str(x.in_kits),
        str(x.expiring),
        str(x.usable),
        str(x.on_order),
        counted(x.quantity, x.unit),
        f"{counted(x.packages, x.package_name)}\nof {x.units_per_package}",
        Paragraph(_text(basis), CELL),
    ]


def _signature(sheet: ReorderSheet) -> list[Any]:
    line = "_" * 38
    rows = [
        [f"Requested by (print name): {line}", f"Signature: {line}", "Date: ____________"],
        [f"Program director (print name): {line}", f"Signature: {line}", ""],
    ]
    table = Table(rows, colWidths=[3.8 * inch, 3.6 * inch, 2.3 * inch], rowHeights=26)
    table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), "Helvetica", 9)]))
    return [Paragraph("Authorisation", HEAD), table]


def _lead(sheet: ReorderSheet) -> str:
    return f"lead time {sheet.lead_time_days} days for this source"


def _text(value: str) -> str:
    return escape(value or "")


def _lines(value: str) -> str:
    return "<br/>".join(_text(x) for x in (value or "").splitlines() if x.strip())
