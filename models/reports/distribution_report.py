"""Distribution summary for a period: totals, by ZIP, setting, relationship, place, and month.

An internal report: it shows every count, however small. Partners get the suppressed workbook.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from reportlab.lib.units import inch
from reportlab.platypus import KeepTogether

from models.common.pdf import PageFrame, build_pdf, data_table
from models.reports.charts import monthly_bars
from models.reports.parts import (
    NOTE,
    Progress,
    cell,
    figure_boxes,
    fmt,
    header,
    heading,
    keep_with_next,
    share,
    shares,
    spacer,
    text,
)
from models.reports.rows import CountRow, DistributionFigures

WIDTH = 7.2 * inch
COUNT_WIDTHS = [3.6 * inch, 1.1 * inch, 1.1 * inch, 1.1 * inch]


def write_distribution_report(
    path: Path | str,
    frame: PageFrame,
    figures: DistributionFigures,
    scope: str,
    progress: Progress | None = None,
) -> Path:
    f = figures
    story: list[Any] = [
        text(
            f"Leave-behind distributions and on-scene administrations, {scope}. Voided entries "
            "are not counted. Internal report: small counts are shown; share the partner "
            "workbook instead."
        ),
        spacer(),
        figure_boxes(
            [
                ("Encounters with kits left behind", fmt(f.encounters)),
                ("Kits distributed", fmt(f.kits)),
                ("Naloxone doses left behind", fmt(f.doses_left_behind)),
                ("Encounters where the responder also gave naloxone", fmt(f.with_administration)),
                ("On-scene administrations", fmt(f.administrations)),
                ("Doses administered on scene", fmt(f.doses_administered)),
            ],
            3,
            WIDTH,
        ),
        spacer(4),
        text(
            f"Service information offered at {fmt(f.services_offered)} of {fmt(f.encounters)} "
            f"encounters ({share(f.services_offered, f.encounters)}). "
            f"{fmt(f.administrations_from_kit)} of the on-scene administrations used a dose "
            "from a kit.",
        ),
        KeepTogether([heading("By month"), _chart(f), spacer(6)]),
        _monthly_table(f),
    ]
    for title, label, rows in (
        ("By ZIP code", "ZIP code", f.by_zip),
        ("By setting", "Setting", f.by_setting),
        ("By recipient relationship", "Relationship", f.by_relationship),
        ("By location the kits came from", "Location", f.by_location),
    ):
        story += [keep_with_next(), heading(title), _count_table(label, rows, f)]
    story += [spacer(8), text(_definitions(), NOTE)]
    if progress is not None:
        progress(1, 3)
    return build_pdf(path, frame, story, progress)


def _chart(f: DistributionFigures) -> Any:
    labels = [f"{m.month:%b %y}" for m in f.monthly]
    return monthly_bars(
        labels,
        [
            ("Kits distributed", [m.kits for m in f.monthly]),
            ("Doses administered on scene", [m.doses_administered for m in f.monthly]),
        ],
        WIDTH,
    )


def _monthly_table(f: DistributionFigures) -> Any:
    names = ["Month", "Encounters", "Kits", "Administrations", "Doses administered"]
    body: list[list[Any]] = [
        [f"{m.month:%B %Y}", m.encounters, m.kits, m.administrations, m.doses_administered]
        for m in f.monthly
    ]
    body.append(["Total", f.encounters, f.kits, f.administrations, f.doses_administered])
    table = data_table(header(names), body, [2.4 * inch] + [1.2 * inch] * 4)
    table.setStyle(
        [("ALIGN", (1, 0), (-1, -1), "RIGHT"), ("FONT", (0, -1), (-1, -1), "Helvetica-Bold", 8)]
    )
    return table


def _count_table(label: str, rows: Sequence[CountRow], f: DistributionFigures) -> Any:
    percent = shares([r.kits for r in rows], f.kits)
    body: list[list[Any]] = [
        [cell(r.label, 60), r.encounters, r.kits, pct] for r, pct in zip(rows, percent, strict=True)
    ]
    if not body:
        body.append(["No distributions in the period", 0, 0, "-"])
    body.append(["Total", f.encounters, f.kits, share(f.kits, f.kits)])
    table = data_table(header([label, "Encounters", "Kits", "Share of kits"]), body, COUNT_WIDTHS)
    table.setStyle(
        [("ALIGN", (1, 0), (-1, -1), "RIGHT"), ("FONT", (0, -1), (-1, -1), "Helvetica-Bold", 8)]
    )
    return table


def _definitions() -> str:
    return (
        "Encounter: one logged leave-behind distribution (one or more kits). Doses left behind "
        "count naloxone devices inside the kits and any loose devices handed out. On-scene "
        "administrations are doses personnel used themselves, recorded separately."
    )
