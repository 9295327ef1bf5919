"""Recall record PDF: where a lot was found, what was quarantined, uses by day and ZIP, signature.

Knows a `RecallRecord` and reportlab; never reads the database.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table, TableStyle

from models.common.pdf import SMALL, STYLES, PageFrame, build_pdf, data_table
from models.common.wording import noun
from models.recall.rows import RecallRecord

BODY = ParagraphStyle("recall-body", parent=STYLES["Normal"], fontSize=9, leading=12)
H2 = ParagraphStyle("recall-h2", parent=STYLES["Heading2"], fontSize=12, spaceBefore=10)
CELL = ParagraphStyle("recall-cell", parent=SMALL, fontSize=8, leading=10)


def write_record_pdf(path: Path | str, record: RecallRecord) -> Path:
    trace = record.trace
    frame = PageFrame(
        f"Recall record: {trace.product_name} lot {trace.lot_number}",
        record.agency,
        f"From the ledger as of {record.as_of:%Y-%m-%d %H:%M}",
        record.as_of,
    )
    story: list[Any] = [_para(_summary(record), BODY)]
    story += _section("What was quarantined, and where it was found", *_quarantines(record))
    story += _section("Where it is now", *_holdings(record))
    story += _section("Where it is now, by place", *_by_place(record))
    story += _section("Distributions and administrations, by date and ZIP only", *_uses(record))
    story.append(KeepTogether([Spacer(1, 18), _signature()]))
    return build_pdf(path, frame, story)


def _summary(record: RecallRecord) -> str:
    t = record.trace
    expiry = t.expiry.isoformat() if t.expiry else "no expiry"
    in_kits = sum(h.units for h in t.holdings if h.kit_lot_number)
    used = sum(u.units for u in record.uses)
    batches = ", ".join(t.kit_lot_numbers) or "none"
    return (
        f"{t.product_name}, lot {t.lot_number}, expiry {expiry}. On hand: {t.units_on_hand} "
        f"units ({in_kits} inside kits), {t.units_outside_quarantine} outside quarantine. "
        f"Kit batches containing the lot: {batches}. Used: {used} units in "
        f"{len(record.uses)} {noun(len(record.uses), 'day-and-ZIP group')}. Uses list only "
        "the date and ZIP code, never anything about a person."
    )


def _section(title: str, head: Sequence[str], rows: list[list[Any]], empty: str) -> list[Any]:
    heading = _para(title, H2)
    if not rows:
        return [KeepTogether([heading, _para(empty, BODY)])]
    table = data_table(head, rows, _widths(len(head)))
    # The heading stays with the table's first rows instead of ending a page on its own.
    return [KeepTogether([heading, table])] if len(rows) < 25 else [heading, table]


def _holdings(record: RecallRecord) -> tuple[Sequence[str], list[list[Any]], str]:
    rows = [
        [
            _para(h.location_path, CELL),
            _para(f"in kit batch {h.kit_lot_number}" if h.kit_lot_number else "loose", CELL),
            h.kits or "",
            h.units,
            "yes" if h.quarantined else "no",
        ]
        for h in record.trace.holdings
    ]
    head = ["Place", "Held as", "Kits", "Units", "Quarantined"]
    return head, rows, "Nothing of this lot is on hand."


def _by_place(record: RecallRecord) -> tuple[Sequence[str], list[list[Any]], str]:
    places: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for h in record.trace.holdings:
        totals = places[h.location_path]
        totals[0 if h.kit_lot_number is None else 1] += h.units
        totals[2] += h.kits
    rows = [[_para(p, CELL), loose, in_kits, kits] for p, (loose, in_kits, kits) in places.items()]
    return ["Place", "Loose units", "Units in kits", "Kits"], rows, "No place holds this lot."


def _quarantines(record: RecallRecord) -> tuple[Sequence[str], list[list[Any]], str]:
    rows = [
        [
            q.operation_id,
            f"{q.at:%Y-%m-%d %H:%M}",
            _para(q.user, CELL),
            _para(q.note, CELL),
            _para(q.place, CELL),
            q.loose_units,
            q.kits,
        ]
        for q in record.quarantines
    ]
    head = ["Movement", "When", "By", "Reason or notice", "Found at", "Loose units", "Kits"]
    return head, rows, "Nothing of this lot has been quarantined."


def _uses(record: RecallRecord) -> tuple[Sequence[str], list[list[Any]], str]:
    rows = [[f"{u.occurred_on:%Y-%m-%d}", u.kind, u.zip_code or "", u.units] for u in record.uses]
    return ["Date", "Used in", "ZIP", "Units"], rows, "No recorded use of this lot."


def _widths(columns: int) -> list[float]:
    full = 7.3 * inch
    if columns == 7:
        return [
            0.75 * inch,
            1.1 * inch,
            0.9 * inch,
            1.75 * inch,
            1.5 * inch,
            0.7 * inch,
            0.6 * inch,
        ]
    first = full * 0.4
    return [first] + [(full - first) / (columns - 1)] * (columns - 1)


def _signature() -> Table:
    line = "_" * 34
    table = Table(
        [
            ["Prepared by (name)", line, "Date", "_" * 16],
            ["Signature", line, "Title", "_" * 16],
        ],
        colWidths=[1.4 * inch, 3.0 * inch, 0.6 * inch, 2.3 * inch],
    )
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), "Helvetica", 9),
                ("TOPPADDING", (0, 0), (-1, -1), 12),
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            ]
        )
    )
    return table


def _para(value: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(value), style)
