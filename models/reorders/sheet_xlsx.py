"""Reorder sheet as .xlsx: the same content as the PDF, for sources that take a spreadsheet.

Every user text goes through `xlsx_safe.write_text_cell`, so a name such as `=HYPERLINK(...)`
stays text. Rows in, file out: knows `ReorderSheet`, not the database.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.worksheet import Worksheet

from models.common.xlsx_print import set_up_printing
from models.common.xlsx_safe import write_text_cell
from models.reorders.calc import KIT_CONTENTS_NOTE, USABLE_NOTE
from models.reorders.rows import ReorderSheet

ITEM_HEADER = [
    "Product",
    "NDC",
    "AMC per month",
    "AMC based on (days)",
    "Max",
    "Min",
    "Loose on hand",
    "Inside ready kits",
    "Expiring before delivery or use (excluded)",
    "Usable",
    "On order",
    "Quantity requested",
    "Unit",
    "Packages",
    "Package",
    "Units per package",
    "Months of stock",
    "Basis",
    "Surge factor",
    "Why this quantity",
]
WIDTHS = [40, 22, 10, 10, 8, 8, 10, 10, 14, 9, 9, 11, 9, 9, 9, 9, 9, 12, 8, 44]
BOLD = Font(bold=True)
FILL = PatternFill("solid", fgColor="DDE6F0")


def write_reorder_xlsx(path: Path | str, sheet: ReorderSheet) -> Path:
    workbook = Workbook()
    ws = workbook.active
    ws.title = "Request"
    r = sheet.reorder
    _put(ws, 1, 1, f"Naloxone and supplies request {r.number}", Font(bold=True, size=14))
    pairs: list[tuple[str, object]] = [
        ("Status", r.status_label),
        ("Date", sheet.date),
        ("Requesting agency", sheet.agency_name),
        ("Agency address", sheet.agency_address),
        ("Registration number", sheet.registration_number),
        ("Contact", sheet.contact),
        ("Source", sheet.source_name),
        ("Program type", sheet.program_type.replace("_", " ")),
        ("Source contact", sheet.source_contact),
        ("Source phone", sheet.source_phone),
        ("Source e-mail", sheet.source_email),
        ("Source address", sheet.source_address),
        ("Ordering method", sheet.ordering_method),
        ("Ship to", sheet.ship_to or f"{sheet.agency_name}\n{sheet.agency_address}".strip()),
        ("Stock counted for", r.station_name),
        ("Lead time (days)", sheet.lead_time_days),
    ]
    if sheet.trained_count is not None:
        pairs.append(("Personnel trained", sheet.trained_count))
    if sheet.note:
        pairs.append(("Note", sheet.note))
    row = 3
    for label, value in pairs:
        _put(ws, row, 1, label, BOLD)
        _put(ws, row, 2, value)
        if hasattr(value, "year"):
            ws.cell(row, 2).number_format = "yyyy-mm-dd"
        row += 1
    row += 1
    header_row = row
    for column, title in enumerate(ITEM_HEADER, start=1):
        cell = _put(ws, row, column, title, BOLD)
        cell.fill = FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for line in sheet.lines:
        row += 1
        values: list[object] = [
            line.label,
            line.ndc,
            round(line.amc, 2),
            line.history_days,
            line.max_units,
            line.min_units,
            line.loose,
            line.in_kits,
            line.expiring,
            line.usable,
            line.on_order,
            line.quantity,
            line.unit,
            line.packages,
            line.package_name,
            line.units_per_package,
            None if line.months_of_stock is None else round(line.months_of_stock, 1),
            line.basis,
            line.surge,
            line.quantity_note,
        ]
        for column, value in enumerate(values, start=1):
            _put(ws, row, column, value)
    totals: dict[str, int] = {}
    for line in sheet.lines:  # one total per unit of issue, never devices added to strips
        totals[line.unit] = totals.get(line.unit, 0) + line.quantity
    for unit, quantity in totals.items():
        row += 1
        _put(ws, row, 1, "Total", BOLD)
        _put(ws, row, ITEM_HEADER.index("Quantity requested") + 1, quantity, BOLD)
        _put(ws, row, ITEM_HEADER.index("Unit") + 1, unit, BOLD)
    row += 2
    _put(ws, row, 1, KIT_CONTENTS_NOTE)
    row += 1
    _put(ws, row, 1, USABLE_NOTE)
    row += 1
    _put(ws, row, 1, "How the quantities were computed", BOLD)
    row += 1
    _put(ws, row, 1, sheet.parameters_text)
    for line in sheet.lines:
        row += 1
        _put(ws, row, 1, line.label, BOLD)
        for step in line.steps:
            row += 1
            _put(ws, row, 1, step)
    row += 2
    _put(ws, row, 1, sheet.method_note)
    row += 2
    for label in ("Requested by (print name)", "Signature", "Date", "Program director"):
        _put(ws, row, 1, label, BOLD)
        row += 1
    for column, width in enumerate(WIDTHS, start=1):
        ws.column_dimensions[ws.cell(1, column).column_letter].width = width
    set_up_printing(ws, f"Request {r.number}", header_row=header_row)
    workbook.save(str(path))
    return Path(path)


def _put(ws: Worksheet, row: int, column: int, value: object, font: Font | None = None) -> Cell:
    cell: Cell = ws.cell(row, column)
    write_text_cell(cell, value)
    if font is not None:
        cell.font = font
    return cell
