"""The release audit: how far each withheld count can be narrowed by everything published.

For each withheld small count, an integer program (SciPy's HiGHS, `scipy.optimize.milp`) finds
the smallest and largest value that fits every published figure of every workbook given (all
partners together), counts being whole numbers >= 0 and linked tables having equal totals per
month. The count is protected only if that range covers its whole band (1 or less up to
threshold - 1 or more). Knows figures and numbers; no database, no workbook files.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from models.common.errors import DomainError
from models.partners.package import PartnerPackage
from models.partners.release_figures import Atom, Figure, link_sums, package_figures

if TYPE_CHECKING:  # NumPy and SciPy load when a workbook is audited, not at start-up
    import numpy as np

    from models.partners.integer_ranges import RangeSolver

Progress = Callable[[int, int], None]
INCONSISTENT = (
    "The figures already released disagree with each other, so no count can be checked "
    "(records were added or corrected after a workbook left)."
)


class ReleaseConflict(DomainError):
    """Released figures disagree with each other (records changed after a release)."""


@dataclass(frozen=True)
class Exposure:
    """A withheld count that the published figures narrow below its band."""

    figure: Figure
    low: int
    high: int | None  # None: no upper limit


@dataclass(frozen=True)
class AuditResult:
    checked: int  # withheld small counts whose range was computed
    exposures: tuple[Exposure, ...]

    @property
    def ok(self) -> bool:
        return not self.exposures


class _Model:
    """Published equations over atom variables (+ one total per link group and month)."""

    def __init__(self, packages: Sequence[PartnerPackage]) -> None:
        self.figures = [f for k, p in enumerate(packages) for f in package_figures(p, k)]
        self.index: dict[Atom | tuple[str, str], int] = {}
        self.rows: list[tuple[list[int], list[int], int]] = []  # columns, coefficients, value
        self.keys: list[frozenset[Atom] | None] = []  # the figure each row publishes (or a link)
        shown: dict[frozenset[Atom], Figure] = {}
        for f in self.figures:
            if f.hidden or not f.atoms:
                continue
            earlier = shown.setdefault(f.atoms, f)
            if earlier.value != f.value:
                raise ReleaseConflict(_conflict(packages, earlier, f))
            if earlier is f:
                self.rows.append(([self._var(a) for a in f.atoms], [1] * len(f.atoms), f.value))
                self.keys.append(f.atoms)
        for p in packages:
            for link in link_sums(p):
                totals = [self._var((link.group, m)) for m in link.months]
                cols = [self._var(a) for a in link.atoms] + totals
                self.rows.append((cols, [1] * len(link.atoms) + [-1] * len(totals), 0))
                self.keys.append(None)

    def _var(self, key: Atom | tuple[str, str]) -> int:
        return self.index.setdefault(key, len(self.index))

    def components(self, extra: Sequence[frozenset[Atom]]) -> list[int]:
        parent = list(range(len(self.index)))

        def root(v: int) -> int:
            while parent[v] != v:
                parent[v] = parent[parent[v]]
                v = parent[v]
            return v

        lines = [cols for cols, _c, _v in self.rows] + [[self.index[a] for a in e] for e in extra]
        for cols in lines:
            first = root(cols[0]) if cols else 0
            for c in cols[1:]:
                parent[root(c)] = first
        return [root(v) for v in range(len(self.index))]


def audit(
    packages: Sequence[PartnerPackage],
    focus: set[int] | None = None,
    progress: Progress | None = None,
    skip: Collection[frozenset[Atom]] = (),
) -> AuditResult:
    """Ranges of the withheld small counts in `focus` workbooks' reach (all when None).

    `skip`: counts already known to be narrowed by earlier releases alone (not checked again).
    """
    from models.partners.integer_ranges import Infeasible

    model = _Model(packages)
    targets, comp = _targets(model, focus, skip)
    by_comp: dict[int, list[Figure]] = {}
    for f in targets:
        by_comp.setdefault(comp[model.index[next(iter(f.atoms))]], []).append(f)
    exposures: list[Exposure] = []
    done = 0
    for root, figures in by_comp.items():
        solver, local = _solver(model, [v for v, r in enumerate(comp) if r == root])
        sums = [(_vector(model, local, f.atoms), f.threshold) for f in figures]

        def step(k: int, before: int = done) -> None:
            if progress is not None:
                progress(before + k, len(targets))

        try:
            narrowed = solver.narrowed(sums, step)
            for k in narrowed:
                exposures.append(Exposure(figures[k], *solver.range(sums[k][0])))
        except Infeasible:
            raise ReleaseConflict(INCONSISTENT) from None
        done += len(figures)
    return AuditResult(len(targets), tuple(exposures))


def figure_range(
    packages: Sequence[PartnerPackage], atoms: frozenset[Atom]
) -> tuple[int, int | None]:
    """Smallest and largest value of one sum that fits every published figure."""
    from models.partners.integer_ranges import Infeasible

    model = _Model(packages)
    for a in atoms:
        model._var(a)
    comp = model.components([atoms])
    root = comp[model.index[next(iter(atoms))]]
    solver, local = _solver(model, [v for v, r in enumerate(comp) if r == root])
    try:
        return solver.range(_vector(model, local, atoms))
    except Infeasible:
        raise ReleaseConflict(INCONSISTENT) from None


def binding(
    packages: Sequence[PartnerPackage], atoms: frozenset[Atom], largest: bool
) -> set[frozenset[Atom]]:
    """The published figures that hold the sum's smallest (or largest) value where it is: the
    equations with a non-zero shadow price in the linear relaxation."""
    model = _Model(packages)
    for a in atoms:
        model._var(a)
    comp = model.components([atoms])
    root = comp[model.index[next(iter(atoms))]]
    solver, local, kept = _solver_rows(model, [v for v, r in enumerate(comp) if r == root])
    c = _vector(model, local, atoms)
    rows = solver.binding_rows(-c if largest else c)
    return {key for r in rows if (key := model.keys[kept[r]]) is not None}


def _targets(
    model: _Model, focus: set[int] | None, skip: Collection[frozenset[Atom]]
) -> tuple[list[Figure], list[int]]:
    """Withheld small counts, one per distinct sum (the widest band wins), and the connected
    part of the equations each variable belongs to.

    With `focus`, only counts in a part that the focus workbooks' figures reach: a later
    workbook can narrow an earlier one's hidden count that shares no month or category with
    it, through the earlier workbook's own figures (a year minus a quarter).
    """
    best: dict[frozenset[Atom], Figure] = {}
    for f in model.figures:
        if not f.sensitive or f.atoms in skip:
            continue
        kept = best.setdefault(f.atoms, f)
        if f.threshold > kept.threshold:
            best[f.atoms] = f
    for f in best.values():
        for a in f.atoms:
            model._var(a)
    comp = model.components([f.atoms for f in best.values()])
    if focus is None:
        return list(best.values()), comp
    reach = {
        comp[model.index[a]]
        for f in model.figures
        if f.release in focus
        for a in f.atoms
        if a in model.index
    }
    chosen = [f for f in best.values() if comp[model.index[next(iter(f.atoms))]] in reach]
    return chosen, comp


def _solver(model: _Model, variables: list[int]) -> tuple[RangeSolver, dict[int, int]]:
    """The integer program of one connected part of the equations."""
    solver, local, _rows = _solver_rows(model, variables)
    return solver, local


def _solver_rows(
    model: _Model, variables: list[int]
) -> tuple[RangeSolver, dict[int, int], list[int]]:
    """The solver, the variables' local numbers, and which model row each local row is."""
    from scipy.sparse import csr_matrix

    from models.partners.integer_ranges import RangeSolver

    local = {v: k for k, v in enumerate(variables)}
    kept: list[int] = []
    data: list[int] = []
    rows: list[int] = []
    cols: list[int] = []
    values: list[int] = []
    for r, (cols_, coefs, value) in enumerate(model.rows):
        if cols_ and cols_[0] in local:
            for c, a in zip(cols_, coefs, strict=True):
                rows.append(len(values))
                cols.append(local[c])
                data.append(a)
            values.append(value)
            kept.append(r)
    matrix = csr_matrix((data, (rows, cols)), shape=(len(values), len(variables)))
    return RangeSolver(matrix, values, len(variables)), local, kept


def _vector(model: _Model, local: dict[int, int], atoms: frozenset[Atom]) -> np.ndarray:
    import numpy as np

    c = np.zeros(len(local))
    for a in atoms:
        c[local[model.index[a]]] = 1
    return c


def _conflict(packages: Sequence[PartnerPackage], a: Figure, b: Figure) -> str:
    first = packages[a.release]
    table = first.tables[a.table]
    where = f"{table.title}, {table.row_labels[a.pos[0]]}, {table.col_labels[a.pos[1]]}"
    return (
        f"'{where}' was released as {a.value} for {first.period.label} to {first.partner}; it "
        f"is now {b.value} (records were added or corrected since). A workbook that disagrees "
        "with an earlier one would let a reader work out the changed records, so it is not "
        "released. Re-send the earlier workbook unchanged, or choose a period that does not "
        "overlap it."
    )


def describe(exposure: Exposure, packages: Sequence[PartnerPackage]) -> str:
    """'Kits by ZIP, 12866, 2026-03 (01 Mar 2026 to 31 Mar 2026, sent to X) can be worked out
    as between 2 and 3.'"""
    f = exposure.figure
    p = packages[f.release]
    table = p.tables[f.table]
    high = "any number" if exposure.high is None else str(exposure.high)
    return (
        f"The hidden count '{table.title}, {table.row_labels[f.pos[0]]}, "
        f"{table.col_labels[f.pos[1]]}' ({p.period.label}, sent to {p.partner}) can be worked "
        f"out as between {exposure.low} and {high}."
    )
