"""Print set-up for a worksheet: paper orientation, one page wide, repeated header rows and a
footer with page numbers. Knows openpyxl page settings, not what the sheet holds."""

from __future__ import annotations

from openpyxl.worksheet.worksheet import Worksheet

FOOTER_FONT = "&8"  # 8-point footer text


def set_up_printing(
    ws: Worksheet, title: str, header_row: int | None = None, landscape: bool = True
) -> None:
    """Fit to one page wide (rows run onto further pages), repeat `header_row` on every page,
    and print 'title · page X of Y' at the foot of each page."""
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.paperSize = ws.PAPERSIZE_LETTER
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.print_options.gridLines = False
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    if header_row is not None:
        ws.print_title_rows = f"{header_row}:{header_row}"
    ws.oddFooter.left.text = f"{FOOTER_FONT}{_footer_safe(title)}"
    ws.oddFooter.right.text = f"{FOOTER_FONT}Page &P of &N"
    ws.evenFooter.left.text = ws.oddFooter.left.text
    ws.evenFooter.right.text = ws.oddFooter.right.text


def _footer_safe(text: str) -> str:
    """'&' starts a footer code in Excel; a literal one is written '&&'."""
    return text.replace("&", "&&")[:120]
