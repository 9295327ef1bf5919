"""A full tally sheet (10,000 rows) is imported exactly, each row its own voidable record."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from models.common.entities import Change
from models.distributions.entities import Distribution
from models.distributions.tally_import import TallyImportRefused
from models.stock.entities import Operation, StockMove
from models.stock.ledger_check import check_ledger
from tests.conftest import Agency
from tests.models.distribution_helpers import receive_kits
from tests.models.distributions.test_distribution_tally import row, write_csv
from tests.snapshot import snapshot

ROWS = 10_000


def test_a_10000_row_sheet_imports_exactly_10000_distributions(
    services, database, clock, agency: Agency, tmp_path
) -> None:
    receive_kits(services, agency.vehicle, ROWS - 50, lot="K1", expiry=date(2027, 1, 31))
    receive_kits(services, agency.vehicle, 100, lot="K2", expiry=date(2028, 1, 31))
    day = clock.today().replace(day=1).isoformat()
    sheet = write_csv(tmp_path / "full.csv", [row(day, "1", "Patrol 12", "12866")] * ROWS)
    seen: list[tuple[int, int]] = []
    result = services.distributions.import_tally(sheet, lambda d, t: seen.append((d, t)))
    assert (result.distributions, result.kits) == (ROWS, ROWS)
    assert seen[-1][0] == ROWS
    with database.sessions() as s:
        assert s.scalar(select(func.count()).select_from(Distribution)) == ROWS
        operations = s.scalar(select(func.count(func.distinct(Distribution.operation_id))))
        assert operations == ROWS
        assert (
            s.scalar(select(func.count()).select_from(StockMove)) == 2 + ROWS
        )  # two receipts, one move per row
        station = s.scalars(select(Operation.station).where(Operation.reason == "distribute"))
        assert set(station) == {None}  # the tester's station has no name
        report = check_ledger(s)
        journaled = s.scalar(select(Change.tables).order_by(Change.id.desc()).limit(1))
    assert report.ok, report.problems
    assert set(journaled.split(",")) >= {"operation", "stock_move", "balance", "distribution"}
    kits = {r.lot_number: r.quantity for r in services.stock.list_on_hand()}
    assert kits == {"K2": 50}  # first expiry first: K1 emptied, then 50 of K2
    first = services.distributions.list_recent(1)[0]
    services.distributions.void_distribution(first.id, "entered twice")
    assert {r.lot_number: r.quantity for r in services.stock.list_on_hand()} == {"K2": 51}


def test_a_bad_last_row_of_a_large_sheet_imports_nothing(
    services, database, clock, agency: Agency, tmp_path
) -> None:
    receive_kits(services, agency.vehicle, 2000)
    day = clock.today().replace(day=1).isoformat()
    rows = [row(day, "1", "Patrol 12", "12866")] * 1999 + [row(day, "2", "Patrol 12", "12866")]
    before = snapshot(database.sessions)
    with pytest.raises(TallyImportRefused, match=r"^Nothing was imported: 1 row .* line 2001: "):
        services.distributions.import_tally(write_csv(tmp_path / "over.csv", rows))
    assert snapshot(database.sessions) == before
