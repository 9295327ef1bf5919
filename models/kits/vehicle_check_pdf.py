"""One-page vehicle check sheet for crews that check on paper: one row per kit on board with
boxes to tick (on board, missing, expired, opened), the last checks, a signature line.
Knows check rows and reportlab, not the database."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from reportlab.lib.units import inch
from reportlab.platypus import Paragraph, Spacer, TableStyle

from models.common.pdf import SMALL, STYLES, PageFrame, build_pdf, data_table
from models.kits.vehicle_check_rows import VehicleCheckSheet

MAX_ROWS = 28  # one page: a vehicle carries a handful of kits; more are summarised
SPARE_ROWS = 3  # for kits found on board that the books do not list
LAST_CHECKS = 3


def _expiry(expiry: date | None, today: date) -> str:
    if expiry is None:
        return ""
    return f"{expiry:%Y-%m-%d}" + (" EXPIRED" if expiry < today else "")


def write_vehicle_check_pdf(
    path: Path | str, frame: PageFrame, sheet: VehicleCheckSheet, today: date
) -> Path:
    """One row per kit (a lot of three kits is three rows), first expiry first."""
    kits = [(k, n) for k in sheet.kits for n in range(1, k.quantity + 1)]
    shown = kits[:MAX_ROWS]
    header = ["#", "Kit", "Kit lot", "Expiry", "On board", "Missing", "Expired", "Opened"]
    body: list[list[object]] = [
        [str(i), Paragraph(k.recipe_name, SMALL), k.lot_number, _expiry(k.expiry, today),
         "", "", "", ""]
        for i, (k, _) in enumerate(shown, start=1)
    ]  # fmt: skip
    body += [["", "", "", "", "", "", "", ""]] * SPARE_ROWS
    widths = [0.3 * inch, 2.2 * inch, 1.1 * inch, 1.1 * inch] + [0.65 * inch] * 4  # 7.3 in
    table = data_table(header, body, widths)
    table.setStyle(TableStyle([("ROWBACKGROUNDS", (4, 1), (4, -1), ["#fffbe6"]),
                               ("TOPPADDING", (0, 1), (-1, -1), 5),
                               ("BOTTOMPADDING", (0, 1), (-1, -1), 5)]))  # fmt: skip
    intro = (
        f"<b>{sheet.path}</b>: {sheet.kits_on_board} kits on board by the books on "
        f"{today:%Y-%m-%d}. Find each kit and tick one box on its row. Take expired and opened "
        "kits off the vehicle and hand them in with this sheet; the quartermaster records it "
        "as the vehicle's check on the station PC."
    )
    story: list[object] = [Paragraph(intro, SMALL), Spacer(1, 6), table]
    if len(kits) > len(shown):
        story.append(Paragraph(f"{len(kits) - len(shown)} more kits are on board: "
                               "check them on the station PC.", SMALL))  # fmt: skip
    story += [Spacer(1, 8), Paragraph("<b>Last checks</b>", STYLES["Normal"])]
    past = sheet.history[:LAST_CHECKS]
    story.append(Paragraph(
        "; ".join(f"{c.checked_at:%Y-%m-%d %H:%M} by {c.checked_by}: {c.result}" for c in past)
        or "This vehicle has not been checked in the app yet.", SMALL))  # fmt: skip
    lines = [
        "What happened to missing kits: ____________________________________________________",
        "_______________________________________________________________________________",
        "Checked by: ______________________   Date and time: ______________   "
        "Recorded by: ______________",
    ]
    story += [Spacer(1, 12)] + [Paragraph(line, SMALL) for line in lines]
    return build_pdf(path, frame, story)
