"""Program summary for partners: one or two pages of headline figures and charts.

Counts that could point at a person pass through the same suppression as the partner workbook.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportlab.lib.units import inch
from reportlab.platypus import KeepTogether

from models.common.pdf import PageFrame, build_pdf, data_table
from models.reports.charts import category_bars, monthly_bars
from models.reports.parts import NOTE, Progress, figure_boxes, fmt, header, heading, spacer, text
from models.reports.rows import ProgramFigures
from models.reports.suppression import (
    SUPPRESSED_MARK,
    SuppressedGrid,
    TableSpec,
    suppress_linked,
    suppression_rule,
)

WIDTH = 7.2 * inch
EXTRAS = ("Naloxone doses distributed", "Doses expired", "Personnel trained", "Training sessions")


@dataclass(frozen=True)
class ProgramTables:
    """The summary's figures after suppression: monthly, by setting, and headline extras."""

    monthly: SuppressedGrid  # rows = months; columns = kits, doses administered; totals row
    settings: SuppressedGrid  # rows = settings; one column of kits; totals row
    setting_labels: tuple[str, ...]
    extras: SuppressedGrid  # rows = EXTRAS; one column; no totals


def build_program_tables(f: ProgramFigures, threshold: int) -> ProgramTables:
    d, t = f.distribution, f.training
    months = [[m.kits, m.doses_administered] for m in d.monthly]
    settings = list(d.by_setting)
    specs = [
        TableSpec(months, row_totals=False, cols=2),
        TableSpec([[r.kits] for r in settings], row_totals=False, cols=1),
        TableSpec(
            [[f.doses_distributed], [f.doses_expired], [t.personnel_trained], [t.sessions]],
            row_totals=False,
            col_totals=False,
        ),
    ]
    # Kits distributed appears three times: monthly total, setting total, and (times two)
    # inside the doses distributed, so it is hidden everywhere or nowhere.
    links = [[(0, (len(months), 0)), (1, (len(settings), 0)), (2, (0, 0))]]
    monthly, by_setting, extras = suppress_linked(specs, threshold, links)
    return ProgramTables(monthly, by_setting, tuple(r.label for r in settings), extras)


def _show(grid: SuppressedGrid, i: int, j: int) -> str:
    value = grid.shown(i, j)
    return SUPPRESSED_MARK if value is None else fmt(value)


def write_program_summary(
    path: Path | str,
    frame: PageFrame,
    figures: ProgramFigures,
    tables: ProgramTables,
    audience: str,
    progress: Progress | None = None,
) -> Path:
    f, g = figures, tables
    rows = g.monthly.rows
    story: list[Any] = [
        text(
            f"Leave-Behind Naloxone program figures for {frame.period}{audience}. "
            "Kits and doses count what was handed out or used during the period; "
            "stock figures are as of the report date."
        ),
        spacer(),
        figure_boxes(
            [
                ("Kits distributed", _show(g.monthly, rows, 0)),
                ("Naloxone doses distributed", _show(g.extras, 0, 0)),
                ("Doses administered on scene", _show(g.monthly, rows, 1)),
                ("Doses expired (written off)", _show(g.extras, 1, 0)),
                ("Personnel trained", _show(g.extras, 2, 0)),
                ("Training sessions", _show(g.extras, 3, 0)),
            ],
            3,
            WIDTH,
        ),
        KeepTogether([heading("Kits distributed and doses administered by month"), _monthly(f, g)]),
        KeepTogether([heading("Kits distributed by setting"), _settings(g)]),
        KeepTogether([heading("Readiness at report time"), _readiness(f)]),
        spacer(8),
        text(suppression_rule(g.monthly.threshold), NOTE),
        text(
            "Doses expired: naloxone doses disposed of as expired during the period. Personnel "
            "trained: distinct agency personnel who attended a training session in the period. "
            "Doses distributed include the naloxone inside kits.",
            NOTE,
        ),
    ]
    if progress is not None:
        progress(1, 3)
    return build_pdf(path, frame, story, progress)


def _monthly(f: ProgramFigures, g: ProgramTables) -> Any:
    labels = [f"{m.month:%b %y}" for m in f.distribution.monthly]
    kits = [g.monthly.shown(i, 0) for i in range(g.monthly.rows)]
    doses = [g.monthly.shown(i, 1) for i in range(g.monthly.rows)]
    return monthly_bars(
        labels, [("Kits distributed", kits), ("Doses administered on scene", doses)], WIDTH, 170
    )


def _settings(g: ProgramTables) -> Any:
    if not g.setting_labels:
        return text("No distributions in the period.")
    values = [g.settings.shown(i, 0) for i in range(g.settings.rows)]
    return category_bars(g.setting_labels, values, WIDTH)


def _readiness(f: ProgramFigures) -> Any:
    t = f.training
    body = [
        ["Usable naloxone doses on hand (loose and in kits)", fmt(f.usable_doses_on_hand)],
        ["Kits ready to hand out", fmt(f.kits_on_hand)],
        ["Expired naloxone doses awaiting disposal", fmt(f.expired_doses_on_hand)],
        [
            "Active personnel trained (refresher not lapsed)",
            f"{fmt(t.active_with_lbn_training)} of {fmt(t.active_personnel)}",
        ],
    ]
    table = data_table(header(["Figure", "Value"]), body, [4.6 * inch, 1.6 * inch])
    table.setStyle([("ALIGN", (1, 0), (1, -1), "RIGHT")])
    return table
