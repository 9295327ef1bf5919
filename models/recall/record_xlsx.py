"""Recall record workbook: the same tables as the PDF, one sheet each, text kept as text.

Knows a `RecallRecord` and openpyxl; never reads the database.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font

from models.common.xlsx_safe import write_text_cell
from models.recall.rows import RecallRecord


def write_record_xlsx(path: Path | str, record: RecallRecord) -> Path:
    t = record.trace
    book = Workbook()
    summary = book.active
    assert summary is not None
    summary.title = "Recall record"
    _rows(
        summary,
        ["Field", "Value"],
        [
            ["Agency", record.agency],
            ["Product", t.product_name],
            ["Lot", t.lot_number],
            ["Expiry", t.expiry],
            ["Units on hand", t.units_on_hand],
            ["Units outside quarantine", t.units_outside_quarantine],
            ["Kit batches containing the lot", ", ".join(t.kit_lot_numbers)],
            ["From the ledger as of", record.as_of],
        ],
    )
    _rows(
        book.create_sheet("Where found"),
        ["Place", "Held as", "Kit batch", "Kits", "Units", "Quarantined"],
        [
            [
                h.location_path,
                "in kits" if h.kit_lot_number else "loose",
                h.kit_lot_number,
                h.kits,
                h.units,
                "yes" if h.quarantined else "no",
            ]
            for h in t.holdings
        ],
    )
    _rows(
        book.create_sheet("Quarantined"),
        ["Movement", "When", "By", "Reason or notice", "Found at", "Loose units", "Kits"],
        [
            [q.operation_id, q.at, q.user, q.note, q.place, q.loose_units, q.kits]
            for q in record.quarantines
        ],
    )
    _rows(
        book.create_sheet("Uses by date and ZIP"),
        ["Date", "Used in", "ZIP", "Units"],
        [[u.occurred_on, u.kind, u.zip_code, u.units] for u in record.uses],
    )
    book.properties.creator = "LBN Quartermaster"
    book.save(path)
    book.close()
    return Path(path)


def _rows(sheet: object, head: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    for c, name in enumerate(head, start=1):
        cell = sheet.cell(row=1, column=c)  # type: ignore[attr-defined]
        write_text_cell(cell, name)
        cell.font = Font(bold=True)
    for r, values in enumerate(rows, start=2):
        for c, value in enumerate(values, start=1):
            write_text_cell(sheet.cell(row=r, column=c), value)  # type: ignore[attr-defined]
    for c in range(1, len(head) + 1):
        letter = sheet.cell(row=1, column=c).column_letter  # type: ignore[attr-defined]
        sheet.column_dimensions[letter].width = 22 if c > 1 else 34  # type: ignore[attr-defined]
