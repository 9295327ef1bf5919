"""Two stations at the same moment (threads, an engine each): first receipts of one new lot both
succeed, and opposite transfers of a lot neither deadlock nor fail, on SQLite and PostgreSQL."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import date

from lbn_desktop.database import open_database
from models.services import Services
from models.stock.ledger_check import check_ledger
from models.stock.rows import ReceiveLine

EXPIRY = date(2030, 1, 31)


def _side_by_side(first: Callable[[], None], second: Callable[[], None]) -> list[BaseException]:
    start, failures = threading.Barrier(2), []

    def run(work: Callable[[], None]) -> None:
        start.wait()
        try:
            work()
        except BaseException as failure:
            failures.append(failure)

    threads = [threading.Thread(target=run, args=(w,)) for w in (first, second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return failures


def _station(database, clock, name: str) -> tuple[Services, object]:
    other = open_database(database.url, migrate=False)
    return Services.build(other.sessions, clock, name), other


def test_two_first_receipts_of_the_same_lot_both_succeed(database, clock, agency) -> None:
    (one, db1), (two, db2) = _station(database, clock, "a"), _station(database, clock, "b")
    try:
        for round_ in range(30):
            line = ReceiveLine(agency.narcan, f"NEW{round_}", EXPIRY, 5)
            failures = _side_by_side(
                lambda line=line: one.stock.receive(agency.room, [line]),
                lambda line=line: two.stock.receive(agency.vehicle, [line]),
            )
            assert failures == []
    finally:
        db1.dispose()  # type: ignore[attr-defined]
        db2.dispose()  # type: ignore[attr-defined]
    with database.sessions() as s:
        assert check_ledger(s).ok
    assert len(one.stock.list_lots(agency.narcan)) == 30
    assert sum(r.quantity for r in one.stock.list_on_hand()) == 30 * 10


def test_opposite_transfers_never_deadlock(database, clock, agency) -> None:
    setup = Services.build(database.sessions, clock, "setup")
    line = ReceiveLine(agency.narcan, "BOTH", EXPIRY, 500)
    setup.stock.receive(agency.room, [line])
    setup.stock.receive(agency.vehicle, [line])
    lot = setup.stock.find_lot(agency.narcan, "BOTH")
    assert lot is not None
    (one, db1), (two, db2) = _station(database, clock, "a"), _station(database, clock, "b")
    try:
        failures = _side_by_side(
            lambda: [one.stock.transfer(lot.id, agency.room, agency.vehicle, 1) for _ in range(60)],
            lambda: [two.stock.transfer(lot.id, agency.vehicle, agency.room, 1) for _ in range(60)],
        )
    finally:
        db1.dispose()  # type: ignore[attr-defined]
        db2.dispose()  # type: ignore[attr-defined]
    assert failures == []
    with database.sessions() as s:
        assert check_ledger(s).ok
    assert setup.stock.on_hand(lot.id, agency.room) == 500
