"""Two app processes writing the same SQLite file lose nothing and corrupt nothing."""

from __future__ import annotations

from datetime import date

from lbn_desktop.backup import integrity_problem
from lbn_desktop.database import open_database, sqlite_url
from models.stock.ledger_check import check_ledger
from models.stock.rows import ReceiveLine
from tests.durability.conftest import start_worker


def test_two_processes_on_one_file(db_path, services, agency) -> None:
    services.stock.receive(agency.room, [ReceiveLine(agency.narcan, "TW1", date(2030, 1, 31), 40)])
    lot = services.stock.find_lot(agency.narcan, "TW1")
    url = sqlite_url(db_path)
    shuttles = [
        start_worker("shuttle", url, lot.id, agency.room, agency.vehicle, 150) for _ in range(2)
    ]
    drainer = start_worker("drain", url, lot.id, agency.room, 60)
    outputs = [w.communicate(timeout=300) for w in [*shuttles, drainer]]
    for worker, (_out, err) in zip([*shuttles, drainer], outputs, strict=True):
        assert worker.returncode == 0, err
    taken = int(outputs[-1][0].split()[-1])
    assert integrity_problem(db_path) is None
    database = open_database(url, migrate=False)
    with database.sessions() as s:
        report = check_ledger(s)
    database.dispose()
    assert report.ok, report.problems
    left = sum(r.quantity for r in services.stock.list_on_hand() if r.lot_id == lot.id)
    assert left == 40 - taken
