"""Kits ready by location as a PDF (Ctrl+P on the Kits screen): rows in, file out."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from reportlab.lib.units import inch
from reportlab.platypus import Paragraph, Spacer

from models.common.pdf import SMALL, PageFrame, build_pdf, data_table
from models.common.wording import noun
from models.kits.rows import KitReadyRow


def write_kits_ready_pdf(
    path: Path | str,
    rows: Sequence[KitReadyRow],
    agency: str,
    bands: tuple[int, int],
    generated_at: datetime,
) -> Path:
    header = [
        "Location",
        "Kit",
        "Ready",
        "Par",
        "Short",
        f"≤ {bands[0]} d",
        f"≤ {bands[1]} d",
        "Expired",
        "Re-kit",
        "Quar.",
        "Earliest expiry",
    ]
    body = [
        [
            Paragraph(r.location_path, SMALL),
            Paragraph(r.kit_name, SMALL),
            r.ready,
            "" if r.par is None else r.par,
            r.short or "",
            r.within_first_band or "",
            r.within_second_band or "",
            r.expired or "",
            r.needs_rekit or "",
            r.quarantined or "",
            r.earliest_expiry.isoformat() if r.earliest_expiry else "",
        ]
        for r in rows
    ]
    widths = [w * inch for w in (2.3, 1.6, 0.5, 0.4, 0.45, 0.5, 0.5, 0.55, 0.5, 0.45, 0.95)]
    ready = sum(r.ready for r in rows)
    short = sum(1 for r in rows if r.short)
    story = [
        Paragraph(
            f"{ready} kits ready; {short} {noun(short, 'location')} below par; "
            f"{sum(r.needs_rekit for r in rows)} kits need re-kitting.",
            SMALL,
        ),
        Spacer(1, 6),
        data_table(header, body, widths),
    ]
    frame = PageFrame(
        "Kits ready by location",
        agency,
        f"As of {generated_at:%Y-%m-%d}",
        generated_at,
        landscape=True,
    )
    return build_pdf(path, frame, story)
