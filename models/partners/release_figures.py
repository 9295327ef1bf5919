"""Every figure of released workbooks as a sum of monthly atoms, and what every reader knows.

An atom is (family, row, column, month): e.g. kits for ZIP 12866 in 2026-03. A published cell
adds up the atoms of its row(s), column(s) and months; linked tables publish the same total per
month (kits by ZIP, setting, relationship, station; units received by product and by source).
Knows the package's table metadata only; no solver, no database.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date

from models.partners.package import PartnerPackage, SharedTable
from models.reports.suppression import Pos, Why

Atom = tuple[str, str, str, str]


@dataclass(frozen=True)
class Figure:
    """One published cell: what it adds up, its true value, and whether it was withheld."""

    release: int  # index of its workbook in the list audited
    table: int
    pos: Pos
    atoms: frozenset[Atom]
    value: int
    hidden: bool
    threshold: int
    why: Why | None = None

    @property
    def sensitive(self) -> bool:
        """A withheld small count: its whole band must stay possible."""
        return self.hidden and 0 < self.value < self.threshold


@dataclass(frozen=True)
class LinkSum:
    """Atoms of one linked table that add up to the group's total over these months."""

    group: str
    months: tuple[str, ...]
    atoms: frozenset[Atom]


def table_figures(table: SharedTable, release: int, index: int, threshold: int) -> Iterator[Figure]:
    grid = table.grid
    keys = table.row_keys
    for i, j in grid.positions():
        rows = keys if i >= grid.rows else (keys[i],)
        cols = table.col_atoms if j >= grid.cols else (table.col_atoms[j],)
        atoms = frozenset(
            (table.family, r, c, m) for r in rows for c, months in cols for m in months
        )
        why = grid.hidden.get((i, j))
        yield Figure(
            release, index, (i, j), atoms, grid.values[i][j], why is not None, threshold, why
        )


_CACHE: dict[int, tuple[weakref.ref[PartnerPackage], int, list[Figure]]] = {}


def package_figures(package: PartnerPackage, release: int) -> list[Figure]:
    """Every figure of a workbook (remembered while the package lives: audits repeat a lot)."""
    cached = _CACHE.get(id(package))
    if cached is not None and cached[0]() is package and cached[1] == release:
        return cached[2]
    figures = [
        f
        for k, table in enumerate(package.tables)
        for f in table_figures(table, release, k, package.threshold)
    ]
    key = id(package)
    _CACHE[key] = (weakref.ref(package, lambda _r: _CACHE.pop(key, None)), release, figures)
    return figures


def link_sums(package: PartnerPackage) -> list[LinkSum]:
    out: list[LinkSum] = []
    for table in package.tables:
        for group, col, rows, whole_period in table.links:
            # every column of that key (the ZIP table has one "kits" column per month)
            months = tuple(m for key, span in table.col_atoms if key == col for m in span)
            spans = [months] if whole_period else [(m,) for m in months]
            for span in spans:
                atoms = frozenset((table.family, r, col, m) for r in rows for m in span)
                out.append(LinkSum(group, span, atoms))
    return out


def _months(package: PartnerPackage) -> set[date]:
    return set(package.period.months())


def connected(packages: Sequence[PartnerPackage], start: int) -> list[int]:
    """Indices of the workbooks that share a month, directly or through others, with `start`.

    Figures of workbooks outside this set have no atom in common with it, so they cannot help
    work out any of its counts (nor it theirs).
    """
    months = [_months(p) for p in packages]
    reached, frontier, chosen = set(months[start]), True, {start}
    while frontier:
        frontier = False
        for k, covered in enumerate(months):
            if k not in chosen and covered & reached:
                chosen.add(k)
                reached |= covered
                frontier = True
    return sorted(chosen)


def groups(packages: Sequence[PartnerPackage]) -> list[list[int]]:
    """The register split into groups of workbooks that share no month with any other group."""
    left = set(range(len(packages)))
    out: list[list[int]] = []
    while left:
        group = connected(packages, min(left))
        out.append(group)
        left -= set(group)
    return out
