"""Roll-call sign-in sheet: session, elements checklist, Attachment A phrases, sign lines.

Nothing shrinks: signing lines keep their height and a long roster continues on further pages
under a repeated column header.

Knows the sheet's content and layout (reportlab through pdf_common), not the database.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import letter
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from models.common.pdf import STYLES, TABLE_STYLE, PageFrame, build_pdf
from models.training.elements import (
    AVOID_INTRO,
    AVOID_PHRASES,
    ELEMENTS,
    USE_INTRO,
    USE_PHRASES,
)
from models.training.rows import PersonRow

WIDTH = letter[0] - 1.2 * inch - 12  # pdf_common's margins and the frame's 6 pt padding
HEIGHT = letter[1] - 1.6 * inch - 12
ROW_HEIGHT = 22.0  # a signing line, in points (about 0.3 in): room to write by hand
PHRASE = ParagraphStyle("phrase", parent=STYLES["Normal"], fontSize=7, leading=8.4)
LABEL = ParagraphStyle("label", parent=STYLES["Normal"], fontSize=8.5, leading=10.5)
HEADING = ParagraphStyle(
    "sheet-heading", parent=STYLES["Normal"], fontName="Helvetica-Bold", fontSize=9.5, leading=12
)


@dataclass(frozen=True)
class SignInSheet:
    """What the trainer hands out; an unsaved or blank session prints as well as a recorded one."""

    kind_label: str
    held_on: date | None = None
    trainer: str | None = None
    elements: tuple[str, ...] = ()
    # (name, badge) or (name, badge, unit) printed on the first lines
    attendees: tuple[tuple[str, ...], ...] = ()
    station: str | None = None
    extra_lines: int = 3  # blank lines kept after printed names


class CheckBox(Flowable):  # type: ignore[misc]  # reportlab ships no type hints
    """A drawn box, ticked or empty: no font on the printing PC has to carry the glyphs."""

    def __init__(self, checked: bool, size: float = 8.0) -> None:
        super().__init__()
        self.checked, self.size = checked, size

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        c, size = self.canv, self.size
        c.setLineWidth(0.7)
        c.rect(0, 0, size, size)
        if self.checked:
            c.setLineWidth(1.3)
            c.lines([(1.6, size * 0.5, size * 0.4, 1.6), (size * 0.4, 1.6, size - 1.2, size - 1.2)])


def sheet_for(
    kind_label: str,
    held_on: date | None,
    trainer: str | None,
    elements: Sequence[str],
    people: Sequence[PersonRow],
) -> SignInSheet:
    """A sheet with these roster people printed on the first lines (sorted by name)."""
    stations = {p.station_name for p in people if p.station_name}
    return SignInSheet(
        kind_label=kind_label,
        held_on=held_on,
        trainer=trainer,
        elements=tuple(elements),
        attendees=tuple(
            (p.name, p.badge or "", p.unit or p.station_name or "")
            for p in sorted(people, key=lambda p: p.name)
        ),
        station=stations.pop() if len(stations) == 1 else None,
    )


@dataclass
class _Parts:
    top: list[Any] = field(default_factory=list)
    bottom: list[Any] = field(default_factory=list)


def write_sign_in_sheet(
    path: Path | str, sheet: SignInSheet, agency: str, generated_at: datetime | None = None
) -> Path:
    """Write the sheet: one page for a roll call, more pages for a long roster, never smaller."""
    frame = PageFrame(
        title=f"Sign-in sheet — {sheet.kind_label}",
        agency=agency,
        period=sheet.held_on.isoformat() if sheet.held_on else "",
        generated_at=generated_at,
    )
    top = _header(sheet) + _elements(sheet) + _phrases()
    closing = _closing()
    room = HEIGHT - sum(_height(f) for f in [*top, *closing]) - 8
    story = [*top, _sign_in_table(sheet, room), KeepTogether(closing)]
    return build_pdf(path, frame, story)


def _height(flowable: Any) -> float:
    return float(flowable.wrap(WIDTH, HEIGHT)[1]) + float(flowable.getSpaceBefore())


def _header(sheet: SignInSheet) -> list[Any]:
    blank = "_" * 22

    def cell(label: str, value: str | None) -> Paragraph:
        return Paragraph(f"<b>{label}:</b> {escape(value) if value else blank}", LABEL)

    rows = [
        [cell("Session", sheet.kind_label), cell("Date", _date(sheet.held_on))],
        [cell("Trainer", sheet.trainer), cell("Unit / station", sheet.station)],
    ]
    table = Table(rows, colWidths=[WIDTH * 0.6, WIDTH * 0.4], hAlign="LEFT")
    table.setStyle(
        TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("VALIGN", (0, 0), (-1, -1), "TOP")])
    )
    return [table, Spacer(1, 6)]


def _date(day: date | None) -> str | None:
    return f"{day:%A, %B} {day.day}, {day.year}" if day else None  # %-d is not on Windows


def _elements(sheet: SignInSheet) -> list[Any]:
    def cells(index: int) -> list[Any]:
        if index >= len(ELEMENTS):
            return ["", ""]
        element = ELEMENTS[index]
        return [CheckBox(element.code in sheet.elements), Paragraph(escape(element.title), LABEL)]

    half = (len(ELEMENTS) + 1) // 2
    rows = [cells(i) + cells(i + half) for i in range(half)]
    box = 16.0
    table = Table(rows, colWidths=[box, WIDTH / 2 - box] * 2, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 4),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                ("BOX", (0, 0), (-1, -1), 0.25, colors.HexColor("#a0a8b0")),
            ]
        )
    )
    title = "Training elements covered (best practice #7)"
    return [Paragraph(title, HEADING), table, Spacer(1, 6)]


def _phrases() -> list[Any]:
    def column(intro: str, phrases: Sequence[str]) -> list[Paragraph]:
        head, rest = intro.split(" ", 1)
        lines = [Paragraph(f"<b>{head}</b> {escape(rest)}", PHRASE)]
        return lines + [Paragraph(f"•&nbsp;{escape(p)}", PHRASE) for p in phrases]

    table = Table(
        [[column(USE_INTRO, USE_PHRASES), column(AVOID_INTRO, AVOID_PHRASES)]],
        colWidths=[WIDTH * 0.64, WIDTH * 0.36],
        hAlign="LEFT",
    )
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BACKGROUND", (0, 0), (0, 0), colors.HexColor("#eef5ee")),
                ("BACKGROUND", (1, 0), (1, 0), colors.HexColor("#f8eeee")),
                ("BOX", (0, 0), (-1, -1), 0.25, colors.HexColor("#a0a8b0")),
                ("LINEAFTER", (0, 0), (0, 0), 0.25, colors.HexColor("#a0a8b0")),
            ]
        )
    )
    title = "Empathy-driven engagement (Attachment A)"
    # The "Attendees" heading never ends a page without lines under it.
    return [
        Paragraph(title, HEADING),
        table,
        Spacer(1, 6),
        CondPageBreak(3 * ROW_HEIGHT + 30),
        Paragraph("Attendees", HEADING),
    ]


def _sign_in_table(sheet: SignInSheet, room: float) -> Table:
    """Printed names, then blank lines: enough to fill the first page, or all the names plus
    the blank lines on as many pages as they take."""
    wanted = len(sheet.attendees) + max(sheet.extra_lines, 0)
    header_height = 14.0
    fits = int((room - header_height) // ROW_HEIGHT)
    count = max(wanted, fits, 1)
    rows: list[list[str]] = [["#", "Name (print)", "ID / badge", "Unit / station", "Signature"]]
    for number in range(1, count + 1):
        printed = sheet.attendees[number - 1] if number <= len(sheet.attendees) else ()
        name, badge, unit = (*printed, "", "", "")[:3]
        rows.append([str(number), name, badge, unit, ""])
    widths = [0.35 * inch, 2.35 * inch, 1.0 * inch, 1.3 * inch]
    table = Table(
        rows,
        colWidths=[*widths, WIDTH - sum(widths)],
        rowHeights=[header_height] + [ROW_HEIGHT] * count,
        repeatRows=1,
        hAlign="LEFT",
    )
    table.setStyle(TABLE_STYLE)
    table.setStyle(TableStyle([("VALIGN", (0, 1), (-1, -1), "BOTTOM")]))
    return table


def _closing() -> list[Any]:
    text = (
        "Outside attendees (count): ________ &nbsp;&nbsp;&nbsp; Length of training: "
        "________ min &nbsp;&nbsp;&nbsp; Trainer signature: ______________________"
    )
    return [Spacer(1, 8), Paragraph(text, LABEL)]
