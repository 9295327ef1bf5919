"""An analyst's attack on released partner workbooks, written apart from the app's audit.

Reads only what a partner sees (table titles, row and column labels, figures, "S") plus what
every reader knows: counts are whole numbers >= 0 and the kits tables describe the same kits,
month by month. Solves its own integer programs (SciPy `milp`) for the smallest and largest
value of every hidden cell.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp

from models.partners.package import PartnerPackage

KITS_TABLES = {
    "Kits distributed by ZIP code and month": "zip",
    "Kits distributed by setting": "setting",
    "Kits distributed by recipient relationship": "relationship",
    "Kits distributed by station": "station",
}
Cell = dict[tuple[str, ...], int]  # variable -> coefficient


class Attack:
    def __init__(self, releases: Sequence[PartnerPackage]) -> None:
        self.names: dict[tuple[str, ...], int] = {}
        self.equations: list[tuple[Cell, int]] = []
        self.hidden: list[tuple[PartnerPackage, str, str, str, int, Cell]] = []
        categories: dict[str, set[str]] = {}
        months: set[str] = set()
        for p in releases:
            period_months = [f"{m:%Y-%m}" for m in p.period.months()]
            months |= set(period_months)
            for t in p.tables:
                dim = KITS_TABLES.get(t.title)
                if t.title == "Naloxone distributed":
                    self._read_summary(p, t, period_months)
                if dim is None:
                    continue
                body = [r for r in t.row_labels if r != "Total"]
                categories.setdefault(dim, set()).update(body)
                for i, row in enumerate(t.row_labels):
                    rows = body if row == "Total" else [row]
                    for j, col in enumerate(t.col_labels):
                        cols = period_months if col in ("Total", "Kits distributed") else [col]
                        cell = {(dim, r, m): 1 for r in rows for m in cols}
                        self._publish(
                            p, t.title, row, col, t.grid.shown(i, j), t.grid.values[i][j], cell
                        )
        for dim, rows in categories.items():  # every kits table adds up to the month's kits
            for m in months:
                line: Cell = {(dim, r, m): 1 for r in rows}
                line[("kits", m)] = -1
                self.equations.append((line, 0))

    def _read_summary(self, p: PartnerPackage, t, months: list[str]) -> None:
        row = t.row_labels.index("Kits distributed")
        cell = {("kits", m): 1 for m in months}
        self._publish(
            p,
            t.title,
            "Kits distributed",
            "Count",
            t.grid.shown(row, 0),
            t.grid.values[row][0],
            cell,
        )

    def _publish(self, p, title, row, col, shown, truth, cell: Cell) -> None:
        for name in cell:
            self.names.setdefault(name, len(self.names))
        if shown is None:
            self.hidden.append((p, title, row, col, truth, cell))
        else:
            self.equations.append((cell, shown))

    def _vector(self, cell: Cell) -> np.ndarray:
        v = np.zeros(len(self.names))
        for name, a in cell.items():
            v[self.names[name]] = a
        return v

    def narrow_cells(self) -> list[str]:
        """Hidden small counts whose range misses part of the band of their workbook."""
        for cell, _v in self.equations:
            for name in cell:
                self.names.setdefault(name, len(self.names))
        matrix = np.array([self._vector(c) for c, _v in self.equations])
        values = np.array([v for _c, v in self.equations], dtype=float)
        constraint = LinearConstraint(matrix, values, values)
        out = []
        for p, title, row, col, truth, cell in self.hidden:
            if not 0 < truth < p.threshold:
                continue
            c = self._vector(cell)
            low, high = (
                round(
                    milp(
                        s * c,
                        constraints=constraint,
                        integrality=np.ones(len(c)),
                        bounds=Bounds(0, 10_000),
                    ).fun
                    * s
                )
                for s in (1, -1)
            )
            if low > 1 or high < p.threshold - 1:
                out.append(f"{p.partner} {p.period.label} {title} {row} {col}: {low}..{high}")
        return out
