"""Local resource card (PDF): wallet-size cards, ten per sheet, English front and Spanish back.

The content (local services directory, Good Samaritan summary) is agency-editable and kept as
a setting; the shipped default lives in `resources/resource_card.json`. Card stock has no room
for report furniture, so cards are drawn on the canvas instead of through `build_pdf`.
"""

from __future__ import annotations

import io
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
from reportlab.platypus import Frame, Paragraph

from models.common.errors import ValidationError

CARD_W, CARD_H = 3.5 * inch, 2.0 * inch
COLUMNS, ROWS = 2, 5
LEFT, TOP = 0.75 * inch, 0.5 * inch
PER_SHEET = COLUMNS * ROWS

# Nothing on a card is smaller than 7 pt; text that does not fit continues on a second card.
TITLE = ParagraphStyle("card_title", fontName="Helvetica-Bold", fontSize=9, leading=10)
LINE = ParagraphStyle("card_line", fontName="Helvetica", fontSize=7, leading=7.5)
LAW = ParagraphStyle("card_law", fontName="Helvetica", fontSize=7, leading=7.5, spaceBefore=0.5)
FOOT = ParagraphStyle(
    "card_foot", fontName="Helvetica-Oblique", fontSize=7, leading=7.5, spaceBefore=0.5
)
PAD = 0.08 * inch
MARK_ROOM = 9.0  # at the bottom of a card that continues: "1/2"


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
    """`sheets` pairs of pages: English fronts, then Spanish backs mirrored for duplex.

    A card whose text does not fit at 7 pt continues on the next card ("1/2", "2/2").
    """
    stories = {
        language: lambda language=language: _card_story(
            content, language, valid_until, version, agency
        )
        for language in ("en", "es")
    }
    per_set = cards_per_set(content, valid_until, version, agency)
    canvas = Canvas(str(path), pagesize=letter)
    canvas.setTitle("Local resource cards")
    canvas.setAuthor(agency or "LBN Quartermaster")
    canvas.setCreator("LBN Quartermaster")
    for _sheet in range(max(1, sheets)):
        for language in ("en", "es"):
            for first in range(0, PER_SHEET - per_set + 1, per_set):
                pending = stories[language]()
                for part in range(per_set):
                    position = first + part
                    column, row = position % COLUMNS, position // COLUMNS
                    if language == "es":  # long-edge duplex mirrors the columns
                        column = COLUMNS - 1 - column
                    _draw_card(canvas, column, row, pending, (part + 1, per_set))
            canvas.showPage()
    canvas.save()
    return Path(path)


def cards_per_set(content: CardContent, valid_until: date, version: str, agency: str = "") -> int:
    """How many cards one set of the content takes at 7 pt and up (the longer language)."""
    needed = 1
    for language in ("en", "es"):
        for cards in range(1, PER_SHEET + 1):
            pending = _card_story(content, language, valid_until, version, agency)
            scratch = Canvas(io.BytesIO(), pagesize=letter)
            for _card in range(cards):
                _frame(0, 0, cards > 1).addFromList(pending, scratch)
            if not pending:
                needed = max(needed, cards)
                break
        else:
            raise ValidationError(
                "The resource card text does not fit even on ten cards at 7 pt; shorten it."
            )
    return needed


def cards_per_sheet(content: CardContent, valid_until: date, version: str, agency: str = "") -> int:
    return PER_SHEET // cards_per_set(content, valid_until, version, agency)


def _frame(x: float, y: float, continued: bool) -> Frame:
    bottom = PAD + (MARK_ROOM if continued else 0)
    return Frame(x + PAD, y + bottom, CARD_W - 2 * PAD, CARD_H - PAD - bottom, 0, 0, 0, 0)


def _draw_card(
    canvas: Canvas, column: int, row: int, pending: list[Any], part: tuple[int, int]
) -> None:
    _width, height = letter
    x = LEFT + column * CARD_W
    y = height - TOP - (row + 1) * CARD_H
    canvas.setStrokeColor(colors.HexColor("#d0d0d0"))
    canvas.setLineWidth(0.3)
    canvas.rect(x, y, CARD_W, CARD_H, stroke=1, fill=0)  # cutting guide
    number, of = part
    _frame(x, y, of > 1).addFromList(pending, canvas)
    if of > 1:
        canvas.setFont("Helvetica-Bold", 7)
        canvas.drawRightString(x + CARD_W - PAD, y + PAD, f"{number}/{of}")


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
