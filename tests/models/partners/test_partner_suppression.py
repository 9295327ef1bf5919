"""Small-cell and complementary suppression: nothing small shows, nothing hidden can be derived."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models.reports.suppression import SUPPRESSED_MARK, TableSpec, Why, suppress, suppress_linked
from tests.models.partner_checks import derivable_cells, visible_small


def _shown(grid) -> list[list[int | None]]:
    return [[grid.shown(i, j) for j in range(grid.width)] for i in range(grid.height)]


tables = st.integers(1, 6).flatmap(
    lambda r: st.integers(1, 6).flatmap(
        lambda c: st.lists(
            st.lists(
                st.one_of(st.just(0), st.integers(1, 12), st.integers(10, 60)),
                min_size=c,
                max_size=c,
            ),
            min_size=r,
            max_size=r,
        )
    )
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    values=tables,
    threshold=st.sampled_from([2, 5, 6, 10, 11]),
    row_totals=st.booleans(),
    col_totals=st.booleans(),
)
def test_no_small_figure_shows_and_no_hidden_figure_can_be_derived(
    values, threshold, row_totals, col_totals
) -> None:
    grid = suppress(values, threshold, row_totals=row_totals, col_totals=col_totals)
    shown = _shown(grid)
    assert visible_small(shown, threshold) == []
    assert derivable_cells(shown, len(values), len(values[0]), row_totals, col_totals) == []
    for i in range(grid.height):
        for j in range(grid.width):
            if shown[i][j] is not None:
                assert shown[i][j] == grid.values[i][j]
                assert shown[i][j] == 0 or shown[i][j] >= threshold


def test_zero_shows_as_zero_and_large_counts_stay_visible() -> None:
    grid = suppress([[0, 25], [30, 40]], 10)
    assert grid.display(0, 0) == 0
    assert grid.hidden == {}
    assert grid.display(2, 2) == 95


def test_a_lone_small_cell_takes_complements_in_its_row_and_column() -> None:
    grid = suppress([[3, 40, 50], [20, 30, 60], [25, 35, 45]], 10)
    assert grid.hidden[(0, 0)] is Why.PRIMARY
    hidden_in_row = [p for p in grid.hidden if p[0] == 0]
    hidden_in_col = [p for p in grid.hidden if p[1] == 0]
    assert len(hidden_in_row) >= 2 and len(hidden_in_col) >= 2
    assert grid.display(0, 0) == SUPPRESSED_MARK
    # The cheapest complement is the smallest figure, not a total.
    assert (1, 0) in grid.hidden and (1, 3) not in grid.hidden


def test_a_small_total_is_hidden_too() -> None:
    grid = suppress([[2, 3], [0, 0]], 10)
    assert (0, 2) in grid.hidden and (2, 2) in grid.hidden  # row total 5, grand total 5


def test_linked_tables_hide_a_shared_total_everywhere() -> None:
    zip_table = TableSpec([[4, 0], [3, 0]])  # grand total 7: hidden
    setting_table = TableSpec([[5], [2]], row_totals=False)  # total 7 again
    a, b = suppress_linked([zip_table, setting_table], 10, [[(0, (2, 2)), (1, (2, 0))]])
    assert (2, 2) in a.hidden and (2, 0) in b.hidden


def test_negative_counts_are_refused() -> None:
    try:
        suppress([[-1]], 10)
    except ValueError as error:
        assert "negative" in str(error)
    else:  # pragma: no cover
        raise AssertionError("negative count accepted")
