"""Percentages beside a Total of 100 % add up to 100 % (largest-remainder rounding)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from models.reports.parts import shares


def test_shares_that_rounded_one_by_one_miss_100_add_up_to_100() -> None:
    kits = [1, 1, 1]  # 33 % each: 99 % beside a Total of 100 %
    alone = sum(round(100 * k / sum(kits)) for k in kits)
    assert alone != 100
    assert shares(kits, sum(kits)) == ["34%", "33%", "33%"]


@given(st.lists(st.integers(min_value=0, max_value=500), min_size=1, max_size=30))
def test_shares_of_parts_making_the_whole_always_add_to_100(parts: list[int]) -> None:
    whole = sum(parts)
    result = shares(parts, whole)
    if whole == 0:
        assert result == ["-"] * len(parts)
        return
    values = [int(s.rstrip("%")) for s in result]
    assert sum(values) == 100
    assert all(abs(v - 100 * p / whole) < 1 for v, p in zip(values, parts, strict=True))
