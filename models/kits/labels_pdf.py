"""Kit label sheets (PDF): recipe, kit batch, expiry and a Code 128 barcode the scanner reads.

Labels are laid out for 4 × 2 inch label stock, ten per letter sheet (Avery 5163/8163 and
equivalents). Label stock has no room for report furniture, so this writer draws each label
on the canvas itself instead of going through `pdf_common.build_pdf`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from reportlab.graphics.barcode.code128 import Code128
from reportlab.lib import colors
from reportlab.lib.pagesizes import letter
from reportlab.lib.units import inch
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from models.stock.scanning import kit_label_payload

COLUMNS, ROWS = 2, 5
LABEL_W, LABEL_H = 4.0 * inch, 2.0 * inch
LEFT, TOP, GAP_X = 0.15625 * inch, 0.5 * inch, 0.1875 * inch
PAD = 0.14 * inch
BAR_WIDTH = 0.011 * inch  # 11 mil: reads with any handheld scanner
BAR_HEIGHT = 0.5 * inch
PER_SHEET = COLUMNS * ROWS
CONTENT_PT, LINE = 7, 8.0  # never smaller than 7 pt
CONTENT_LINES = 4  # between the 'Assembled' line and the barcode


@dataclass(frozen=True)
class KitLabel:
    lot_number: str
    recipe_name: str
    expiry: date | None
    assembled_on: date  # for kits received ready-made: the day they were received
    contents: str  # "2 × Narcan 4 mg nasal spray, 1 × Kit pouch, ..."
    ready_made: bool = False


def write_kit_labels(
    path: Path | str,
    labels: Sequence[KitLabel],
    agency: str = "",
    skip: int = 0,
    outline: bool = False,
) -> Path:
    """One label per entry of `labels`; `skip` leaves used positions of a first sheet empty."""
    if not labels:
        raise ValueError("No labels to print.")
    canvas = Canvas(str(path), pagesize=letter)
    canvas.setTitle("Kit labels")
    canvas.setAuthor(agency or "LBN Quartermaster")
    canvas.setCreator("LBN Quartermaster")
    position = max(0, skip) % PER_SHEET
    for label in labels:
        if position == PER_SHEET:
            canvas.showPage()
            position = 0
        x, y = _origin(position)
        _draw_label(canvas, x, y, label, agency, outline)
        position += 1
    canvas.showPage()
    canvas.save()
    return Path(path)


def _origin(position: int) -> tuple[float, float]:
    column, row = position % COLUMNS, position // COLUMNS
    _width, height = letter
    x = LEFT + column * (LABEL_W + GAP_X)
    y = height - TOP - (row + 1) * LABEL_H
    return x, y


def _draw_label(c: Canvas, x: float, y: float, label: KitLabel, agency: str, outline: bool) -> None:
    if outline:
        c.setStrokeColor(colors.HexColor("#c8c8c8"))
        c.roundRect(x + 2, y + 2, LABEL_W - 4, LABEL_H - 4, 6, stroke=1, fill=0)
    left, top = x + PAD, y + LABEL_H - PAD
    c.setFillColor(colors.black)
    c.setFont("Helvetica-Bold", 12)
    c.drawString(
        left, top - 11, _fit(c, label.recipe_name, "Helvetica-Bold", 12, LABEL_W - 2 * PAD)
    )
    expiry = label.expiry.strftime("%Y-%m-%d") if label.expiry else "no expiry"
    c.setFont("Helvetica-Bold", 11)
    c.drawString(left, top - 26, f"EXP {expiry}")
    c.setFont("Helvetica", 9)
    c.drawRightString(x + LABEL_W - PAD, top - 26, f"Kit batch {label.lot_number}")
    c.setFont("Helvetica", CONTENT_PT)
    made = "Received" if label.ready_made else "Assembled"
    c.drawString(left, top - 37, f"{made} {label.assembled_on:%Y-%m-%d}")
    if agency:
        c.drawRightString(
            x + LABEL_W - PAD, top - 37, _fit(c, agency, "Helvetica", 7, LABEL_W / 2 - PAD)
        )
    for k, line in enumerate(contents_lines(label.contents, LABEL_W - 2 * PAD)):
        c.drawString(left, top - 48 - k * LINE, line)
    payload = kit_label_payload(label.lot_number)
    barcode = Code128(payload, barWidth=BAR_WIDTH, barHeight=BAR_HEIGHT, quiet=0)
    bar_x = x + (LABEL_W - barcode.width) / 2
    bar_y = y + PAD + 9
    barcode.drawOn(c, bar_x, bar_y)
    c.setFont("Courier", 7)
    c.drawCentredString(x + LABEL_W / 2, y + PAD, payload)


def contents_lines(contents: str, width: float) -> list[str]:
    """The contents wrapped to the label's lines at 7 pt; short names when full ones do not fit.

    Only a recipe of some thirty components would still need more lines than the label has;
    then the last line says how many more there are rather than cutting a name in half.
    """
    lines: list[str] = []
    for text in (contents, short_names(contents)):
        lines = wrap_items(text.split(", "), width)
        if len(lines) <= CONTENT_LINES:
            return lines
    items = short_names(contents).split(", ")
    shown = list(items)
    while shown and len(wrap_items(shown, width)) > CONTENT_LINES:
        shown.pop()
    return wrap_items([*shown[:-1], f"+{len(items) - len(shown) + 1} more"], width)


def wrap_items(items: Sequence[str], width: float) -> list[str]:
    """Items joined by commas, breaking lines between items (inside one only if it is longer
    than a whole line), so '1 ×' never ends a line apart from its name."""
    lines: list[str] = []
    for item in items:
        joined = f"{lines[-1]}, {item}" if lines else item
        if lines and stringWidth(joined + ",", "Helvetica", CONTENT_PT) <= width:
            lines[-1] = joined
        elif lines:
            lines[-1] += ","
            lines += [str(part) for part in simpleSplit(item, "Helvetica", CONTENT_PT, width)]
        else:
            lines = [str(part) for part in simpleSplit(item, "Helvetica", CONTENT_PT, width)]
    return lines


def short_names(contents: str) -> str:
    """'2 × Narcan 4 mg nasal spray' -> '2 Narcan': each name up to its first figure, two words."""
    short = []
    for item in contents.split(", "):
        count, _, name = item.partition(" × ")
        words: list[str] = []
        for word in (name or count).split():
            if any(ch.isdigit() for ch in word) or len(words) == 2:
                break
            words.append(word)
        short.append(f"{count} {' '.join(words)}" if name else " ".join(words))
    return ", ".join(short)


def _fit(c: Canvas, text: str, font: str, size: float, width: float) -> str:
    """Shorten text with an ellipsis so it never runs off the label."""
    if c.stringWidth(text, font, size) <= width:
        return text
    while text and c.stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"
