"""Several processes take from the same location at once (SQLite file or PostgreSQL server):
stock never goes negative and no update is lost."""

from __future__ import annotations

from datetime import date

from models.services import Services
from models.stock.ledger_check import check_ledger
from models.stock.rows import ReceiveLine
from tests.durability.conftest import start_worker


def test_parallel_takers_never_overdraw(database, clock, agency) -> None:
    services = Services.build(database.sessions, clock, "setup")
    services.stock.receive(agency.room, [ReceiveLine(agency.narcan, "PAR", date(2030, 1, 31), 50)])
    lot = services.stock.find_lot(agency.narcan, "PAR")
    url = database.url
    drainers = [start_worker("drain", url, lot.id, agency.room, 25) for _ in range(3)]
    shuttles = [
        start_worker("shuttle", url, lot.id, agency.room, agency.vehicle, 40) for _ in range(2)
    ]
    results = [w.communicate(timeout=600) for w in [*drainers, *shuttles]]
    for worker, (_out, err) in zip([*drainers, *shuttles], results, strict=True):
        assert worker.returncode == 0, err
    taken = sum(int(out.split()[-1]) for out, _err in results[: len(drainers)])
    with database.sessions() as s:
        report = check_ledger(s)
    assert report.ok, report.problems
    on_hand = sum(r.quantity for r in services.stock.list_on_hand() if r.lot_id == lot.id)
    assert on_hand == 50 - taken
    assert taken <= 50
