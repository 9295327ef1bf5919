"""Writes a partner package to .xlsx: an About sheet and one styled sheet per shared table.

Knows openpyxl and the package; every text that came from a user goes through xlsx_safe.
"""

from __future__ import annotations

import re
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.table import Table, TableStyleInfo
from openpyxl.worksheet.worksheet import Worksheet

from models.common.xlsx_print import set_up_printing
from models.common.xlsx_safe import write_text_cell
from models.partners.package import PartnerPackage, SharedTable
from models.reports.suppression import SUPPRESSED_MARK, suppression_rule

HEADER_FILL = PatternFill("solid", fgColor="DDE6F0")
TOTAL_FILL = PatternFill("solid", fgColor="F0F0F0")
HIDDEN_FILL = PatternFill("solid", fgColor="FFF2CC")
BOLD = Font(bold=True)
TITLE = Font(bold=True, size=14)
THIN = Border(bottom=Side(style="thin", color="A0A8B0"))
COUNT_FORMAT = "#,##0"
ABOUT_CHARS_PER_LINE = 95


def write_partner_workbook(package: PartnerPackage, path: Path | str) -> Path:
    workbook = Workbook()
    about = workbook.active
    about.title = "About"
    _write_about(about, package)
    table_names: set[str] = set()
    for sheet in package.sheets:
        ws = workbook.create_sheet(sheet)
        row = 1
        for table in (t for t in package.tables if t.sheet == sheet):
            row = _write_table(ws, table, row, table_names) + 2
    for ws in workbook.worksheets:
        set_up_printing(ws, ws.title)
    workbook.properties.creator = "LBN Quartermaster"
    workbook.properties.title = f"Partner workbook {package.period.label}"
    target = Path(path)
    workbook.save(target)
    return target


def _write_about(ws: Worksheet, package: PartnerPackage) -> None:
    ws["A1"] = "Leave-Behind Naloxone program: aggregate figures"
    ws["A1"].font = TITLE
    facts = [
        ("Agency", package.agency),
        ("Prepared for", package.partner),
        ("Period", package.period.label),
        ("From", package.period.start),
        ("To", package.period.end),
        ("Generated", package.generated_at),
        ("Suppression", suppression_rule(package.threshold)),
        ("Privacy", "Only aggregate counts; no record describes a person."),
    ]
    row = 3
    for label, value in facts:
        ws.cell(row, 1, label).font = BOLD
        write_text_cell(ws.cell(row, 2), value)
        if hasattr(value, "year"):
            ws.cell(row, 2).number_format = (
                "yyyy-mm-dd hh:mm" if label == "Generated" else ("yyyy-mm-dd")
            )
            ws.cell(row, 2).alignment = Alignment(horizontal="left")
        row += 1
    row += 1
    ws.cell(row, 1, "Figure").font = BOLD
    ws.cell(row, 2, "Definition").font = BOLD
    for col in (1, 2):
        ws.cell(row, col).fill = HEADER_FILL
    for name, text in package.definitions:
        row += 1
        write_text_cell(ws.cell(row, 1), name)
        write_text_cell(ws.cell(row, 2), text)
        ws.cell(row, 2).alignment = Alignment(wrap_text=True, vertical="top")
        ws.row_dimensions[row].height = 15 * (1 + len(text) // ABOUT_CHARS_PER_LINE)
    row += 2
    ws.cell(row, 1, "Sheets").font = BOLD
    for sheet in package.sheets:
        row += 1
        titles = "; ".join(t.title for t in package.tables if t.sheet == sheet)
        write_text_cell(ws.cell(row, 1), sheet)
        write_text_cell(ws.cell(row, 2), titles)
    ws.column_dimensions["A"].width = 34
    ws.column_dimensions["B"].width = 90
    for r in range(3, 11):
        ws.cell(r, 2).alignment = Alignment(wrap_text=True, horizontal="left", vertical="top")
        ws.row_dimensions[r].height = 15 * (
            1 + len(str(ws.cell(r, 2).value)) // ABOUT_CHARS_PER_LINE
        )


def _write_table(ws: Worksheet, table: SharedTable, top: int, names: set[str]) -> int:
    """Writes title, header and body at `top`; returns the last row used."""
    ws.cell(top, 1, table.title).font = Font(bold=True, size=12)
    header_row = top + 1
    headers = [table.row_header, *([table.unit_header] if table.units else []), *table.col_labels]
    for col, text in enumerate(headers, start=1):
        cell = ws.cell(header_row, col)
        write_text_cell(cell, text)
        cell.font, cell.fill, cell.border = BOLD, HEADER_FILL, THIN
        cell.alignment = Alignment(horizontal="center" if col > 1 else "left", wrap_text=True)
    offset = 2 if table.units else 1
    grid = table.grid
    for i in range(grid.height):
        r = header_row + 1 + i
        write_text_cell(ws.cell(r, 1), table.row_labels[i])
        if table.units:
            write_text_cell(ws.cell(r, 2), table.units[i])
        is_total_row = i >= grid.rows
        for j in range(grid.width):
            cell = ws.cell(r, offset + 1 + j)
            shown = grid.shown(i, j)
            if shown is None:
                write_text_cell(cell, SUPPRESSED_MARK)
                cell.fill = HIDDEN_FILL
                cell.alignment = Alignment(horizontal="right")
            else:
                cell.value = shown
                cell.number_format = COUNT_FORMAT
            if is_total_row or j >= grid.cols:
                cell.font = BOLD
                if shown is not None:
                    cell.fill = TOTAL_FILL
        if is_total_row:
            ws.cell(r, 1).font = BOLD
    last_body = header_row + grid.rows
    if grid.rows:
        _add_table(ws, table, header_row, last_body, len(headers), names)
    if top == 1:
        ws.freeze_panes = ws.cell(header_row + 1, offset + 1)
    _widths(ws, headers, table)
    return header_row + grid.height


def _add_table(
    ws: Worksheet, table: SharedTable, first: int, last: int, width: int, names: set[str]
) -> None:
    """An Excel table (banded rows, filter buttons) over the body; totals stay outside it."""
    base = re.sub(r"[^A-Za-z0-9]", "", table.title)[:40] or "Table"
    name, n = base, 1
    while name in names:
        n += 1
        name = f"{base}{n}"
    names.add(name)
    ref = f"A{first}:{get_column_letter(width)}{last}"
    excel_table = Table(displayName=name, ref=ref)
    excel_table.tableStyleInfo = TableStyleInfo(name="TableStyleLight9", showRowStripes=True)
    ws.add_table(excel_table)


def _widths(ws: Worksheet, headers: list[str], table: SharedTable) -> None:
    label_width = max([len(table.row_header), *(len(x) for x in table.row_labels), 10])
    current = ws.column_dimensions["A"].width or 0
    ws.column_dimensions["A"].width = max(current, min(label_width + 2, 60))
    for col, text in enumerate(headers[1:], start=2):
        letter = get_column_letter(col)
        wanted = max(len(str(text)) + 2, 9)
        ws.column_dimensions[letter].width = max(ws.column_dimensions[letter].width or 0, wanted)
