"""Limits are domain rules: the same refusals on SQLite and PostgreSQL; the schema holds them."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import text

from models.common.errors import ValidationError
from models.common.limits import MAX_LINE_QUANTITY, MAX_LOT_NUMBER
from models.stock.rows import ReceiveLine
from tests.snapshot import snapshot

EXPIRY = date(2028, 1, 31)


def _receive(services, agency, lot: str, quantity: int, note: str | None = None):
    line = ReceiveLine(agency.narcan, lot, EXPIRY, quantity)
    return services.stock.receive(agency.room, [line], note=note)


@pytest.mark.parametrize("quantity", [MAX_LINE_QUANTITY + 1, 36_000_291_452, 5 * 10**18])
def test_receive_refuses_a_mis_scanned_quantity_and_writes_nothing(
    services, agency, database, quantity
) -> None:
    before = snapshot(database.sessions)
    with pytest.raises(ValidationError, match="the most one line may hold"):
        _receive(services, agency, "A1", quantity)
    assert snapshot(database.sessions) == before


def test_the_largest_allowed_line_is_received(services, agency) -> None:
    _receive(services, agency, "A1", MAX_LINE_QUANTITY)
    assert sum(r.quantity for r in services.stock.list_on_hand()) == MAX_LINE_QUANTITY


def test_a_balance_never_passes_its_bound(services, agency, database, monkeypatch) -> None:
    monkeypatch.setattr("models.stock.balances.MAX_BALANCE", 150)
    _receive(services, agency, "A1", 100)
    before = snapshot(database.sessions)
    with pytest.raises(ValidationError, match="beyond the"):
        _receive(services, agency, "A1", 100)
    assert snapshot(database.sessions) == before


@pytest.mark.parametrize(
    ("lot", "reason"),
    [
        ("L" * (MAX_LOT_NUMBER + 1), "characters long"),
        ("AB\x00CD", "may hold only"),
        ("LÖT-1", "may hold only"),
    ],
)
def test_lot_numbers_out_of_bounds_are_refused_alike(
    services, agency, database, lot, reason
) -> None:
    before = snapshot(database.sessions)
    with pytest.raises(ValidationError, match=reason):
        _receive(services, agency, lot, 5)
    assert snapshot(database.sessions) == before


def test_a_note_with_a_nul_byte_is_refused_not_a_traceback(services, agency, database) -> None:
    before = snapshot(database.sessions)
    with pytest.raises(ValidationError, match="control character"):
        _receive(services, agency, "A1", 5, note="first\x00delivery")
    assert snapshot(database.sessions) == before


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE stock_move SET quantity = 100001",
        "UPDATE balance SET quantity = 2000000000 WHERE quantity > 0",
        "UPDATE lot SET lot_number = '{long}'",
    ],
)
def test_the_schema_holds_the_limits_on_every_backend(services, agency, database, sql) -> None:
    _receive(services, agency, "A1", 5)
    refused = pytest.raises(ValidationError, match="beyond what this app allows")
    with refused, database.sessions.begin() as s:
        s.execute(text(sql.format(long="L" * (MAX_LOT_NUMBER + 1))))
