"""Printable count sheet of a place count: one row per expected lot with blank boxes to write
the counted quantity and the reason; knows count rows and reportlab, not the database."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.units import inch
from reportlab.platypus import Paragraph, Spacer, TableStyle

from models.common.pdf import SMALL, PageFrame, build_pdf, data_table
from models.stock.count_rows import CountSheet

SPARE_ROWS = 8  # for lots found that were not expected


def write_count_sheet_pdf(path: Path | str, frame: PageFrame, sheet: CountSheet) -> Path:
    """Expected quantities are left out of a blind count, so counters are not led by them."""
    header = ["Place", "Product", "Lot", "Expiry", "Expected", "Counted", "Reason if different"]
    body = [
        [
            Paragraph(line.place, SMALL),
            Paragraph(line.product_name, SMALL),
            line.lot_number,
            line.expiry.isoformat() if line.expiry else "",
            "—" if sheet.blind else line.expected,
            "" if line.counted is None else line.counted,
            Paragraph(line.reason or "", SMALL),
        ]
        for line in sheet.lines
    ]
    body += [["", "", "", "", "", "", ""]] * SPARE_ROWS
    widths = [2.1 * inch, 2.2 * inch, 1.0 * inch, 0.8 * inch, 0.7 * inch, 0.8 * inch, 2.2 * inch]
    table = data_table(header, body, widths)
    table.setStyle(TableStyle([("ALIGN", (4, 1), (5, -1), "RIGHT"),
                               ("ROWBACKGROUNDS", (5, 1), (5, -1), ["#fffbe6"])]))  # fmt: skip
    blind = " Blind count: expected quantities are not shown." if sheet.blind else ""
    intro = (
        f"Count of {sheet.place}, started {sheet.started_at:%Y-%m-%d %H:%M} by "
        f"{sheet.started_by} (count no. {sheet.id}). Write what you find in Counted; "
        f"add lots that are not listed on the empty rows.{blind}"
    )
    signature = "Counted by: ______________________   Date: ____________   Checked by: ____________"
    story = [Paragraph(intro, SMALL), Spacer(1, 6), table, Spacer(1, 14),
             Paragraph(signature, SMALL)]  # fmt: skip
    return build_pdf(path, frame, story)
