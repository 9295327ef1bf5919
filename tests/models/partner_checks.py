"""Independent checks for shared tables: exact linear algebra over the published equations.

Kept apart from models.reports.suppression on purpose: it proves the graph argument there by rank.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from fractions import Fraction

Figure = int | None  # None = withheld


def _rank(rows: list[list[Fraction]]) -> int:
    matrix = [r[:] for r in rows]
    rank, width = 0, len(matrix[0]) if matrix else 0
    for col in range(width):
        pivot = next((k for k in range(rank, len(matrix)) if matrix[k][col] != 0), None)
        if pivot is None:
            continue
        matrix[rank], matrix[pivot] = matrix[pivot], matrix[rank]
        for k in range(len(matrix)):
            if k != rank and matrix[k][col] != 0:
                factor = matrix[k][col] / matrix[rank][col]
                matrix[k] = [a - factor * b for a, b in zip(matrix[k], matrix[rank], strict=True)]
        rank += 1
    return rank


def equations(
    rows: int, cols: int, row_totals: bool, col_totals: bool
) -> list[dict[tuple[int, int], int]]:
    """Each published line as coefficients: cells +1, its total -1."""
    height = rows + (1 if col_totals else 0)
    width = cols + (1 if row_totals else 0)
    out: list[dict[tuple[int, int], int]] = []
    if row_totals:
        for i in range(height):
            line = {(i, j): 1 for j in range(cols)}
            line[(i, cols)] = -1
            out.append(line)
    if col_totals:
        for j in range(width):
            line = {(i, j): 1 for i in range(rows)}
            line[(rows, j)] = -1
            out.append(line)
    return out


def derivable_cells(
    shown: Sequence[Sequence[Figure]], rows: int, cols: int, row_totals: bool, col_totals: bool
) -> list[tuple[int, int]]:
    """Withheld positions whose value the published equations determine exactly."""
    unknown = [(i, j) for i, line in enumerate(shown) for j, v in enumerate(line) if v is None]
    if not unknown:
        return []
    index = {pos: k for k, pos in enumerate(unknown)}
    system = [
        [Fraction(eq.get(pos, 0)) for pos in unknown]
        for eq in equations(rows, cols, row_totals, col_totals)
    ]
    system = [r for r in system if any(r)]
    base = _rank(system) if system else 0
    out = []
    for pos in unknown:
        probe = [Fraction(0)] * len(unknown)
        probe[index[pos]] = Fraction(1)
        if _rank([*system, probe]) == base:
            out.append(pos)
    return out


def visible_small(shown: Sequence[Sequence[Figure]], threshold: int) -> list[int]:
    return [v for line in shown for v in line if v is not None and 0 < v < threshold]


def read_grid(cell: Callable[[int, int], object], height: int, width: int) -> list[list[Figure]]:
    """Figures of a sheet region; the suppression mark reads as withheld."""
    out: list[list[Figure]] = []
    for i in range(height):
        line: list[Figure] = []
        for j in range(width):
            value = cell(i, j)
            line.append(value if isinstance(value, int) else None)
        out.append(line)
    return out
