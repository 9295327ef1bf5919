"""Smallest and largest whole-number value of sums, subject to published equations (HiGHS).

Knows matrices only. `A x = b, 0 <= x <= CAP, x whole`. Each optimum is first taken from the
linear relaxation (equations of tables and their totals are mostly network-like, so its optimal
vertex is usually whole already, which makes it the integer optimum too); otherwise SciPy's
`milp` solves the integer program. Every whole solution found is a feasible point that can show
at once that many other sums can be small or large, which saves most of the solves.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, linprog, milp
from scipy.sparse import csr_matrix

from models.common.errors import DomainError

CAP = 10_000_000  # no count comes near; a maximum at the cap means "no upper limit"
Vector = np.ndarray


class Infeasible(DomainError):
    """The published equations contradict each other."""


class RangeSolver:
    def __init__(self, matrix: csr_matrix, values: Sequence[int], n: int) -> None:
        self._matrix, self._values, self._n = matrix, np.array(values, dtype=float), n
        self._constraints = [LinearConstraint(matrix, self._values, self._values)]
        self.points: list[Vector] = []  # whole solutions seen so far

    def point(self, c: Vector) -> Vector:
        """A whole x minimising c.x (the constraints alone when there are no equations)."""
        if not len(self._values):
            return np.asarray(np.where(c > 0, 0.0, float(CAP)), dtype=float)
        relaxed = linprog(c, A_eq=self._matrix, b_eq=self._values, bounds=(0, CAP), method="highs")
        if relaxed.status == 2:
            raise Infeasible("The published figures contradict each other.")
        if relaxed.status == 0:
            whole: Vector = np.round(np.asarray(relaxed.x, dtype=float))
            if np.allclose(relaxed.x, whole, atol=1e-7):
                self.points.append(whole)
                return whole
        result = milp(
            c, constraints=self._constraints, integrality=np.ones(self._n), bounds=Bounds(0, CAP)
        )
        if result.status == 2:
            raise Infeasible("The published figures contradict each other.")
        if result.x is None:
            raise DomainError(f"The privacy check could not finish ({result.message}).")
        whole = np.round(np.asarray(result.x, dtype=float))
        self.points.append(whole)
        return whole

    def binding_rows(self, c: Vector) -> list[int]:
        """Equations with a non-zero shadow price at the relaxation's optimum of c.x."""
        if not len(self._values):
            return []
        relaxed = linprog(c, A_eq=self._matrix, b_eq=self._values, bounds=(0, CAP), method="highs")
        if relaxed.status != 0:
            return []
        marginals = np.asarray(relaxed.eqlin.marginals, dtype=float)
        return [int(k) for k in np.flatnonzero(np.abs(marginals) > 1e-9)]

    def range(self, c: Vector) -> tuple[int, int | None]:
        low = round(float(c @ self.point(c)))
        high = round(float(c @ self.point(-c)))
        return low, (None if high >= CAP else high)

    def narrowed(
        self, sums: Sequence[tuple[Vector, int]], progress: Callable[[int], None]
    ) -> list[int]:
        """Indices of the sums (vector, threshold) that cannot be <= 1 or cannot be >= t - 1."""
        low_ok = [False] * len(sums)
        high_ok = [False] * len(sums)

        def credit(x: Vector) -> None:
            for k, (c, t) in enumerate(sums):
                value = float(c @ x)
                low_ok[k] = low_ok[k] or value <= 1
                high_ok[k] = high_ok[k] or value >= t - 1

        total = sum((c for c, _t in sums), np.zeros(self._n))
        credit(self.point(total))
        credit(self.point(-total))
        out: list[int] = []
        for k, (c, _t) in enumerate(sums):
            if not low_ok[k]:
                credit(self.point(c))
            if not high_ok[k]:
                credit(self.point(-c))
            if not (low_ok[k] and high_ok[k]):
                out.append(k)
            progress(k + 1)
        return out
