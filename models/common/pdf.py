"""Shared reportlab page furniture: agency header, period, generation time, 'page X of Y'."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import landscape, letter
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import inch
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import LongTable, SimpleDocTemplate, TableStyle

STYLES = getSampleStyleSheet()
SMALL = ParagraphStyle("small", parent=STYLES["Normal"], fontSize=8, leading=10)
TABLE_STYLE = TableStyle(
    [
        ("FONT", (0, 0), (-1, -1), "Helvetica", 8),
        ("FONT", (0, 0), (-1, 0), "Helvetica-Bold", 8),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dde6f0")),
        ("GRID", (0, 0), (-1, -1), 0.25, colors.HexColor("#a0a8b0")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
)


@dataclass(frozen=True)
class PageFrame:
    """What every page of a report says around its content."""

    title: str
    agency: str
    period: str = ""
    generated_at: datetime | None = None
    landscape: bool = False


def data_table(
    header: Sequence[str], rows: Sequence[Sequence[Any]], widths: Sequence[float] | None = None
) -> LongTable:
    """A long table whose header row repeats on every page."""
    table = LongTable([list(header), *[list(r) for r in rows]], colWidths=widths, repeatRows=1)
    table.setStyle(TABLE_STYLE)
    return table


def build_pdf(
    path: Path | str,
    frame: PageFrame,
    story: list[Any],
    progress: Callable[[int, int], None] | None = None,
) -> Path:
    """Write `story` with the frame's header and a 'page X of Y' footer on every page.

    `progress(done, total)` hears how many flowables are laid out, for a progress dialog.
    """
    size = landscape(letter) if frame.landscape else letter
    doc = SimpleDocTemplate(
        str(path),
        pagesize=size,
        leftMargin=0.6 * inch,
        rightMargin=0.6 * inch,
        topMargin=0.9 * inch,
        bottomMargin=0.7 * inch,
        title=frame.title,
        author=frame.agency or "LBN Quartermaster",
        creator="LBN Quartermaster",
    )
    canvas_class = _numbered_canvas(frame, size)
    if progress is not None:
        size_estimate = [max(len(story), 1)]

        def on_progress(kind: str, value: int) -> None:
            if kind == "SIZE_EST":
                size_estimate[0] = max(int(value), 1)
            elif kind == "PROGRESS":
                progress(min(int(value), size_estimate[0]), size_estimate[0])

        doc.setProgressCallBack(on_progress)
    doc.build(story, canvasmaker=canvas_class)
    return Path(path)


def _numbered_canvas(frame: PageFrame, size: tuple[float, float]) -> type[Canvas]:
    generated = (frame.generated_at or datetime.now()).strftime("%Y-%m-%d %H:%M")

    class NumberedCanvas(Canvas):  # type: ignore[misc]  # reportlab ships no type hints
        """Defers drawing page furniture until the total page count is known."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._saved: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._saved.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._saved)
            for state in self._saved:
                self.__dict__.update(state)
                self._furniture(total)
                super().showPage()
            super().save()

        def _furniture(self, total: int) -> None:
            width, height = size
            self.saveState()
            self.setFont("Helvetica-Bold", 11)
            self.drawString(0.6 * inch, height - 0.5 * inch, frame.title)
            self.setFont("Helvetica", 8)
            self.drawRightString(width - 0.6 * inch, height - 0.45 * inch, frame.agency)
            if frame.period:
                self.drawRightString(width - 0.6 * inch, height - 0.6 * inch, frame.period)
            self.setStrokeColor(colors.HexColor("#a0a8b0"))
            self.line(0.6 * inch, height - 0.68 * inch, width - 0.6 * inch, height - 0.68 * inch)
            self.drawString(0.6 * inch, 0.45 * inch, f"Generated {generated} by LBN Quartermaster")
            self.drawRightString(
                width - 0.6 * inch, 0.45 * inch, f"Page {self._pageNumber} of {total}"
            )
            self.restoreState()

    return NumberedCanvas
