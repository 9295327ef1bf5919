"""Small building blocks shared by the report writers: headings, wrapped cells, figure boxes."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.platypus import CondPageBreak, LongTable, Paragraph, Spacer, Table, TableStyle

from models.common.pdf import SMALL, STYLES, TABLE_STYLE

Progress = Callable[[int, int], None]
H2 = ParagraphStyle("h2", parent=STYLES["Heading2"], fontSize=12, spaceBefore=10, spaceAfter=4)
H3 = ParagraphStyle("h3", parent=STYLES["Heading3"], fontSize=10, spaceBefore=8, spaceAfter=3)
BODY = ParagraphStyle("body", parent=STYLES["Normal"], fontSize=9, leading=12)
NOTE = ParagraphStyle("note", parent=SMALL, textColor=colors.HexColor("#505860"))
FIGURE_VALUE = ParagraphStyle(
    "figure", parent=STYLES["Normal"], fontName="Helvetica-Bold", fontSize=20, leading=24
)
FIGURE_LABEL = ParagraphStyle("figlabel", parent=SMALL, textColor=colors.HexColor("#404850"))
BAND_COLOURS = {
    "Expired": colors.HexColor("#f8d0d0"),
    "near": colors.HexColor("#fde3c0"),
    "far": colors.HexColor("#fff4c2"),
}
WRAP_AT = 34
HEAD_LEFT = ParagraphStyle("headl", parent=SMALL, fontName="Helvetica-Bold")
HEAD_RIGHT = ParagraphStyle("headr", parent=HEAD_LEFT, alignment=2)


def header(names: Sequence[str], numeric_from: int = 1) -> list[Paragraph]:
    """Header cells that wrap instead of running into each other; numbers right-aligned."""
    return [
        Paragraph(escape(n), HEAD_RIGHT if k >= numeric_from else HEAD_LEFT)
        for k, n in enumerate(names)
    ]


def text(value: str, style: ParagraphStyle = BODY) -> Paragraph:
    """A paragraph of user text, escaped so '&' or '<' in a name cannot break the layout."""
    return Paragraph(escape(value), style)


def cell(value: object, wrap_at: int = WRAP_AT) -> Any:
    """Plain string for short values (fast for thousands of rows); wrapped paragraph if long."""
    if isinstance(value, str) and len(value) > wrap_at:
        return Paragraph(escape(value), SMALL)
    return "" if value is None else value


def heading(value: str, style: ParagraphStyle = H2) -> Paragraph:
    return Paragraph(escape(value), style)


def spacer(height: float = 6) -> Spacer:
    return Spacer(1, height)


def figure_boxes(figures: Sequence[tuple[str, str]], columns: int, width: float) -> Table:
    """Big numbers with a caption under each, `columns` to a row."""
    cells = [
        [Paragraph(escape(value), FIGURE_VALUE), Paragraph(escape(label), FIGURE_LABEL)]
        for label, value in figures
    ]
    while len(cells) % columns:
        cells.append(["", ""])
    rows = [cells[k : k + columns] for k in range(0, len(cells), columns)]
    table = Table(rows, colWidths=[width / columns] * columns)
    table.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 0.5, colors.HexColor("#a0a8b0")),
                ("INNERGRID", (0, 0), (-1, -1), 0.25, colors.HexColor("#c8d0d8")),
                ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#f4f7fa")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 6),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
            ]
        )
    )
    return table


def share(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f}%" if whole else "-"


def shares(parts: Sequence[int], whole: int) -> list[str]:
    """Whole percentages of `whole` that add up (largest remainder): rows that make up the
    whole show 100 % between them, as the Total row beside them does."""
    if not whole:
        return ["-"] * len(parts)
    exact = [100 * p / whole for p in parts]
    floors = [int(e) for e in exact]
    target = round(100 * sum(parts) / whole)
    by_remainder = sorted(range(len(parts)), key=lambda k: (floors[k] - exact[k], k))
    for k in by_remainder[: max(0, target - sum(floors))]:
        floors[k] += 1
    return [f"{f}%" for f in floors]


def keep_with_next(space: float = 1.4 * inch) -> CondPageBreak:
    """Before a heading: start a new page unless a heading and a few rows still fit."""
    return CondPageBreak(space)


def fmt(n: int) -> str:
    return f"{n:,}"


PLACE = ParagraphStyle("place", parent=H3, spaceBefore=0, spaceAfter=0)


def titled_table(
    title: str,
    head: Sequence[Any],
    body: Sequence[Sequence[Any]],
    widths: Sequence[float],
    style: Sequence[tuple[Any, ...]] = (),
) -> LongTable:
    """A long table under a title row; title and column headers repeat on every page it spans.

    Body rows start at index 2 for `style` commands.
    """
    table = LongTable([[text(title, PLACE)], list(head), *body], colWidths=widths, repeatRows=2)
    table.setStyle(TABLE_STYLE)
    table.setStyle(
        [
            ("SPAN", (0, 0), (-1, 0)),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#c4d3e3")),
            ("BACKGROUND", (0, 1), (-1, 1), colors.HexColor("#dde6f0")),
            *style,
        ]
    )
    return table
