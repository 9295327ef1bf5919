"""SIGKILL in the middle of large operations: the file stays healthy and each operation is
either wholly recorded or absent."""

from __future__ import annotations

import signal
import time

from sqlalchemy import func, select

from lbn_desktop.backup import integrity_problem
from lbn_desktop.database import open_database, sqlite_url
from models.entities import Operation, StockMove
from models.ledger_check import check_ledger
from tests.durability.conftest import start_worker
from tests.durability.workers import LINES_PER_RECEIPT


def test_killed_receipts_leave_whole_operations_only(db_path, agency) -> None:
    url = sqlite_url(db_path)
    for delay in (0.05, 0.15, 0.3):
        worker = start_worker("big_receipts", url, agency.room, agency.narcan, 200)
        assert worker.stdout is not None
        worker.stdout.readline()  # one receipt committed: the next one is under way
        time.sleep(delay)
        worker.send_signal(signal.SIGKILL)
        worker.wait(timeout=30)
    assert integrity_problem(db_path) is None
    database = open_database(url, migrate=False)
    with database.sessions() as s:
        assert check_ledger(s).ok
        sizes = (
            s.execute(
                select(func.count(StockMove.id))
                .join(Operation)
                .where(Operation.user == "crash-test")
                .group_by(Operation.id)
            )
            .scalars()
            .all()
        )
    database.dispose()
    assert sizes, "the worker committed nothing before it was killed; raise the delays"
    assert set(sizes) == {LINES_PER_RECEIPT}
