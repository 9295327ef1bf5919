"""Two stations post batches of moves in opposite directions at once (SQLite file or PostgreSQL
server): they queue instead of deadlocking, and the balances still equal the ledger."""

from __future__ import annotations

import threading
from datetime import date

from models.services import Services
from models.stock.entities import Reason
from models.stock.ledger import open_operation
from models.stock.ledger_check import check_ledger
from models.stock.moves import Move, post_moves
from models.stock.rows import ReceiveLine

ROUNDS = 25


def test_opposite_batches_of_transfers_never_deadlock(database, clock, agency) -> None:
    services = Services.build(database.sessions, clock, "setup")
    for place in (agency.room, agency.vehicle):
        lines = [ReceiveLine(agency.narcan, n, date(2030, 1, 31), 100) for n in ("L1", "L2")]
        services.stock.receive(place, lines)
    l1 = services.stock.find_lot(agency.narcan, "L1").id
    l2 = services.stock.find_lot(agency.narcan, "L2").id
    # Station A moves L1 then L2 room -> vehicle; station B moves L2 then L1 vehicle -> room.
    # One move at a time, locked in that order, these two would wait for each other.
    plans = [
        [(l1, agency.room, agency.vehicle), (l2, agency.room, agency.vehicle)],
        [(l2, agency.vehicle, agency.room), (l1, agency.vehicle, agency.room)],
    ]
    failures: list[BaseException] = []
    start = threading.Barrier(2)

    def station(lines: list[tuple[int, int, int]]) -> None:
        start.wait()
        try:
            for _ in range(ROUNDS):
                with database.sessions.begin() as s:
                    op = open_operation(s, Reason.TRANSFER, "station", clock.now())
                    post_moves(s, [Move(op, lot, a, b, 1) for lot, a, b in lines])
        except BaseException as failure:  # reported below with the test's own assertion
            failures.append(failure)

    threads = [threading.Thread(target=station, args=(plan,)) for plan in plans]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    assert not failures, failures
    for lot in (l1, l2):
        assert services.stock.on_hand(lot, agency.room) == 100
        assert services.stock.on_hand(lot, agency.vehicle) == 100
    with database.sessions() as s:
        report = check_ledger(s)
    assert report.ok, report.problems
