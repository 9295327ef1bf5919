"""Local resource card (PDF): wallet-size cards, ten per sheet, English front and Spanish back.

The content (local services directory, Good Samaritan summary) is agency-editable and kept as
a setting; the shipped default lives in `resources/resource_card.json`. Card stock has no room
for report furniture, so cards are drawn on the canvas instead of through `build_pdf`.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import letter
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Frame, KeepInFrame, Paragraph

CARD_W, CARD_H = 3.5 * inch, 2.0 * inch
COLUMNS, ROWS = 2, 5
LEFT, TOP = 0.75 * inch, 0.5 * inch
PER_SHEET = COLUMNS * ROWS

TITLE = ParagraphStyle("card_title", fontName="Helvetica-Bold", fontSize=9.5, leading=11)
LINE = ParagraphStyle("card_line", fontName="Helvetica", fontSize=7, leading=8.2)
LAW = ParagraphStyle("card_law", fontName="Helvetica", fontSize=6, leading=7, spaceBefore=2)
FOOT = ParagraphStyle(
    "card_foot", fontName="Helvetica-Oblique", fontSize=6, leading=7, spaceBefore=2
)


@dataclass(frozen=True)
class CardEntry:
    heading_en: str
    heading_es: str
    name: str
    contact: str
    name_es: str = ""  # empty: the same as in English
    contact_es: str = ""


@dataclass(frozen=True)
class CardContent:
    title_en: str
    title_es: str
    entries: tuple[CardEntry, ...]
    good_samaritan_en: str
    good_samaritan_es: str
    valid_months: int = 12

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> CardContent:
        entries = tuple(CardEntry(**e) for e in data.get("entries", []))
        return cls(
            str(data.get("title_en", "")),
            str(data.get("title_es", "")),
            entries,
            str(data.get("good_samaritan_en", "")),
            str(data.get("good_samaritan_es", "")),
            int(data.get("valid_months", 12)),
        )

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def default_content() -> CardContent:
    from models.stock.seed import load_resource

    return CardContent.from_dict(load_resource("resource_card.json"))


def write_resource_cards(
    path: Path | str,
    content: CardContent,
    valid_until: date,
    version: str,
    agency: str = "",
    sheets: int = 1,
) -> Path:
    """`sheets` pairs of pages: English fronts, then Spanish backs mirrored for duplex."""
    canvas = Canvas(str(path), pagesize=letter)
    canvas.setTitle("Local resource cards")
    canvas.setAuthor(agency or "LBN Quartermaster")
    canvas.setCreator("LBN Quartermaster")
    for _sheet in range(max(1, sheets)):
        for language in ("en", "es"):
            story = _card_story(content, language, valid_until, version, agency)
            for position in range(PER_SHEET):
                column, row = position % COLUMNS, position // COLUMNS
                if language == "es":  # long-edge duplex mirrors the columns
                    column = COLUMNS - 1 - column
                _draw_card(canvas, column, row, story)
            canvas.showPage()
    canvas.save()
    return Path(path)


def _draw_card(canvas: Canvas, column: int, row: int, story: list[Any]) -> None:
    _width, height = letter
    x = LEFT + column * CARD_W
    y = height - TOP - (row + 1) * CARD_H
    canvas.setStrokeColor(colors.HexColor("#d0d0d0"))
    canvas.setLineWidth(0.3)
    canvas.rect(x, y, CARD_W, CARD_H, stroke=1, fill=0)  # cutting guide
    pad = 0.1 * inch
    frame = Frame(x + pad, y + pad, CARD_W - 2 * pad, CARD_H - 2 * pad, 0, 0, 0, 0, showBoundary=0)
    flowables = [KeepInFrame(CARD_W - 2 * pad, CARD_H - 2 * pad, list(story), mode="shrink")]
    frame.addFromList(flowables, canvas)


def _card_story(
    content: CardContent, language: str, valid_until: date, version: str, agency: str
) -> list[Any]:
    spanish = language == "es"
    title = content.title_es if spanish else content.title_en
    story: list[Any] = [Paragraph(escape(title), TITLE)]
    for entry in content.entries:
        heading = entry.heading_es if spanish else entry.heading_en
        name = (entry.name_es if spanish else "") or entry.name
        contact = (entry.contact_es if spanish else "") or entry.contact
        text = f"<b>{escape(heading)}:</b> {escape(name)}"
        if contact:
            text += f" — {escape(contact)}"
        story.append(Paragraph(text, LINE))
    law = content.good_samaritan_es if spanish else content.good_samaritan_en
    if law:
        story.append(Paragraph(escape(law), LAW))
    label = "Información válida hasta" if spanish else "Information valid until"
    foot = f"{label} {valid_until:%Y-%m-%d} · {escape(version)}"
    if agency:
        foot = f"{escape(agency)} · " + foot
    story.append(Paragraph(foot, FOOT))
    return story
