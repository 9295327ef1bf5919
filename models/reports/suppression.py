"""Small-cell suppression with complementary suppression for shared tables; knows numbers only.

A table is published with its totals. Every published figure (cell or total) from 1 to
threshold - 1 is hidden ("primary"). A hidden figure could still be worked out from the
equations the totals give (row sum = row total, column sum = column total), so more figures
are hidden ("complementary") until none can.

Why the check is exact: write each hidden figure as an edge between its row line and its column
line (lines without a published total merge into one free vertex). The published equations pin
a hidden figure down exactly when its edge is a bridge of that graph (the kernel of a bipartite
incidence system is its cycle space), so complementary suppression adds cells until no hidden
edge is a bridge.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

DEFAULT_SUPPRESSION_THRESHOLD = 10  # counts 1-9 are hidden (CDC WONDER rule)

Pos = tuple[int, int]
FREE = ("free", -1)  # vertex of all lines that publish no total
SUPPRESSED_MARK = "S"


class Why(StrEnum):
    PRIMARY = "small count"
    COMPLEMENTARY = "hidden so that another hidden figure cannot be worked out"


@dataclass(frozen=True)
class SuppressedGrid:
    """A table with its published totals; `hidden` says which figures are withheld and why.

    Positions are in the extended grid: row `rows` is the column-total row (when column totals
    are published) and column `cols` the row-total column (when row totals are published).
    """

    values: tuple[tuple[int, ...], ...]
    rows: int
    cols: int
    row_totals: bool
    col_totals: bool
    threshold: int
    hidden: dict[Pos, Why] = field(default_factory=dict)

    @property
    def height(self) -> int:
        return self.rows + (1 if self.col_totals else 0)

    @property
    def width(self) -> int:
        return self.cols + (1 if self.row_totals else 0)

    def is_total(self, pos: Pos) -> bool:
        return pos[0] >= self.rows or pos[1] >= self.cols

    def shown(self, i: int, j: int) -> int | None:
        """The published figure, or None when it is withheld."""
        return None if (i, j) in self.hidden else self.values[i][j]

    def display(self, i: int, j: int) -> int | str:
        shown = self.shown(i, j)
        return SUPPRESSED_MARK if shown is None else shown

    def positions(self) -> Iterable[Pos]:
        for i in range(self.height):
            for j in range(self.width):
                yield (i, j)

    def grand_total_pos(self) -> Pos | None:
        return (self.rows, self.cols) if self.row_totals and self.col_totals else None


def extend(
    values: Sequence[Sequence[int]], row_totals: bool, col_totals: bool, cols: int | None = None
) -> list[list[int]]:
    """The table with its totals appended (a total row and/or a total column)."""
    cols = (len(values[0]) if values else 0) if cols is None else cols
    grid = [list(r) + ([sum(r)] if row_totals else []) for r in values]
    if col_totals:
        width = cols + (1 if row_totals else 0)
        grid.append([sum(r[j] for r in grid) for j in range(width)])
    return grid


def suppress(
    values: Sequence[Sequence[int]],
    threshold: int,
    *,
    row_totals: bool = True,
    col_totals: bool = True,
    forced: Iterable[Pos] = (),
    cols: int | None = None,
) -> SuppressedGrid:
    """Hide figures 1..threshold-1, then enough others that none can be derived from totals.

    `cols` gives the width of a table that has no rows yet.
    """
    if any(v < 0 for row in values for v in row):
        raise ValueError("Counts cannot be negative.")
    rows = len(values)
    cols = (len(values[0]) if values else 0) if cols is None else cols
    grid = extend(values, row_totals, col_totals, cols)
    hidden: dict[Pos, Why] = {}
    for i, line in enumerate(grid):
        for j, v in enumerate(line):
            if 0 < v < threshold:
                hidden[(i, j)] = Why.PRIMARY
    for pos in forced:
        hidden.setdefault(pos, Why.COMPLEMENTARY)
    result = SuppressedGrid(
        tuple(tuple(r) for r in grid), rows, cols, row_totals, col_totals, threshold, hidden
    )
    _protect(result)
    return result


def _vertices(g: SuppressedGrid, pos: Pos) -> tuple[tuple[str, int], tuple[str, int]]:
    row = ("r", pos[0]) if g.row_totals else FREE
    col = ("c", pos[1]) if g.col_totals else FREE
    return row, col


def derivable(g: SuppressedGrid) -> list[Pos]:
    """Hidden figures that the published totals pin down exactly (bridges)."""
    edges = sorted(g.hidden)
    return [edges[k] for k in _bridges(g, edges)]


def _protect(g: SuppressedGrid) -> None:
    while True:
        exposed = derivable(g)
        if not exposed:
            return
        cover = _cheapest_cover(g, exposed[0])
        if not cover:  # nothing left to hide with: withhold the whole table
            for pos in g.positions():
                g.hidden.setdefault(pos, Why.COMPLEMENTARY)
            return
        for pos in cover:
            g.hidden[pos] = Why.COMPLEMENTARY


def _cost(g: SuppressedGrid, pos: Pos) -> int:
    value = g.values[pos[0]][pos[1]]
    base = value if value > 0 else g.threshold  # hiding a zero protects little
    if pos == g.grand_total_pos():
        return base * 16
    return base * 4 if g.is_total(pos) else base


def _cheapest_cover(g: SuppressedGrid, bridge: Pos) -> list[Pos]:
    """The cheapest set of visible figures whose hiding puts `bridge` on a cycle."""
    side = _side_without(g, bridge)
    best: tuple[int, list[Pos]] | None = None
    for pos in g.positions():
        if pos in g.hidden:
            continue
        a, b = _vertices(g, pos)
        if (a in side) != (b in side):
            cost = _cost(g, pos)
            if best is None or cost < best[0]:
                best = (cost, [pos])
    i, j = bridge
    for i2 in range(g.height):
        for j2 in range(g.width):
            if i2 == i or j2 == j:
                continue
            new = [p for p in ((i, j2), (i2, j2), (i2, j)) if p not in g.hidden]
            cost = sum(_cost(g, p) for p in new)
            if new and (best is None or cost < best[0]):
                best = (cost, new)
    return best[1] if best else []


def _side_without(g: SuppressedGrid, bridge: Pos) -> set[tuple[str, int]]:
    """Vertices reachable from the bridge's row end once the bridge is taken away."""
    adjacency: dict[tuple[str, int], list[tuple[str, int]]] = {}
    for pos in g.hidden:
        if pos == bridge:
            continue
        a, b = _vertices(g, pos)
        adjacency.setdefault(a, []).append(b)
        adjacency.setdefault(b, []).append(a)
    start = _vertices(g, bridge)[0]
    seen, stack = {start}, [start]
    while stack:
        for nxt in adjacency.get(stack.pop(), []):
            if nxt not in seen:
                seen.add(nxt)
                stack.append(nxt)
    return seen


def _bridges(g: SuppressedGrid, edges: list[Pos]) -> list[int]:
    """Indices of bridge edges (Tarjan, iterative; parallel edges and loops are fine)."""
    adjacency: dict[tuple[str, int], list[tuple[tuple[str, int], int]]] = {}
    for k, pos in enumerate(edges):
        a, b = _vertices(g, pos)
        adjacency.setdefault(a, []).append((b, k))
        adjacency.setdefault(b, []).append((a, k))
    order: dict[tuple[str, int], int] = {}
    low: dict[tuple[str, int], int] = {}
    found: list[int] = []
    for root in adjacency:
        if root in order:
            continue
        order[root] = low[root] = len(order)
        stack = [(root, -1, iter(adjacency[root]))]
        while stack:
            vertex, via, neighbours = stack[-1]
            advanced = False
            for nxt, k in neighbours:
                if k == via:
                    continue
                if nxt in order:
                    low[vertex] = min(low[vertex], order[nxt])
                    continue
                order[nxt] = low[nxt] = len(order)
                stack.append((nxt, k, iter(adjacency[nxt])))
                advanced = True
                break
            if advanced:
                continue
            stack.pop()
            if stack:
                parent = stack[-1][0]
                low[parent] = min(low[parent], low[vertex])
                if low[vertex] > order[parent]:
                    found.append(via)
    return found


@dataclass(frozen=True)
class TableSpec:
    """Counts to publish and which totals go with them."""

    values: Sequence[Sequence[int]]
    row_totals: bool = True
    col_totals: bool = True
    cols: int | None = None


def suppress_linked(
    specs: Sequence[TableSpec],
    threshold: int,
    links: Sequence[Sequence[tuple[int, Pos]]] = (),
    extra: Sequence[set[Pos]] = (),
) -> list[SuppressedGrid]:
    """Suppress several tables that publish the same figure in more than one place.

    Each link lists (table index, position) of one figure; if any copy is hidden, all are,
    and the tables are protected again until nothing changes. `extra` hides more per table.
    """
    forced: list[set[Pos]] = [set(extra[k]) if k < len(extra) else set() for k in range(len(specs))]
    while True:
        grids = [
            suppress(
                s.values,
                threshold,
                row_totals=s.row_totals,
                col_totals=s.col_totals,
                forced=forced[k],
                cols=s.cols,
            )
            for k, s in enumerate(specs)
        ]
        changed = False
        for link in links:
            if any(pos in grids[k].hidden for k, pos in link):
                for k, pos in link:
                    if pos not in forced[k]:
                        forced[k].add(pos)
                        changed = True
        if not changed:
            return grids


def suppression_rule(threshold: int) -> str:
    return (
        f"Counts from 1 to {threshold - 1} are not shown (marked S); 0 is shown as 0. "
        "Further figures are also marked S where a hidden count could otherwise be worked out "
        "from row or column totals, from the same figure in another table, or by comparing "
        "this workbook with any workbook the agency released before, to any partner. Before a "
        "workbook leaves, every hidden count is checked against all of them together: for each "
        f"one, any value from 1 (or less) to {threshold - 1} (or more) must still fit every "
        "published figure."
    )
