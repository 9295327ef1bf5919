"""SIGKILL in the middle of large operations: the file stays healthy and each operation is
either wholly recorded or absent."""

from __future__ import annotations

import signal
import time
from datetime import date

from sqlalchemy import func, select

from lbn_desktop.backup import integrity_problem
from lbn_desktop.database import open_database, sqlite_url
from models.distributions.entities import Distribution
from models.kits.entities import KitBatch
from models.stock.entities import Operation, StockMove
from models.stock.ledger_check import check_ledger
from models.stock.rows import ReceiveLine
from tests.durability.conftest import receive_kit_parts, start_worker
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


def _kill_after_first_commit(worker, delay: float) -> None:
    assert worker.stdout is not None
    line = worker.stdout.readline()
    assert line.startswith("committed"), worker.stderr.read() if worker.stderr else line
    time.sleep(delay)
    worker.send_signal(signal.SIGKILL)
    worker.wait(timeout=30)


def _check_books(db_path) -> None:
    assert integrity_problem(db_path) is None
    database = open_database(sqlite_url(db_path), migrate=False)
    with database.sessions() as s:
        report = check_ledger(s)
    database.dispose()
    assert report.ok, report.problems[:5]


def test_killed_kit_assembly_leaves_whole_batches_only(db_path, services, agency) -> None:
    receive_kit_parts(services, agency.room, 6000)
    url = sqlite_url(db_path)
    for delay in (0.05, 0.2):
        worker = start_worker("assemble", url, agency.room, 300, 8)
        _kill_after_first_commit(worker, delay)
    _check_books(db_path)
    database = open_database(url, migrate=False)
    with database.sessions() as s:
        ops = s.scalars(select(Operation.id).where(Operation.reason == "assemble")).all()
        batches = s.execute(
            select(KitBatch.operation_id, func.sum(KitBatch.quantity)).group_by(
                KitBatch.operation_id
            )
        ).all()
    database.dispose()
    assert ops and {op for op, _ in batches} == set(ops)
    assert all(quantity == 300 for _, quantity in batches)


def test_killed_tally_import_leaves_whole_imports_only(
    db_path, services, agency, clock, tmp_path
) -> None:
    kit = next(p.id for p in services.catalog.list_products() if p.kind == "kit")
    clock.set(date(2025, 12, 1))  # the kits were on the vehicle before the tally's days
    services.stock.receive(agency.vehicle, [ReceiveLine(kit, "KITS", date(2030, 1, 31), 50_000)])
    sheet = tmp_path / "tally.csv"
    rows = ["Date,Kits,From,ZIP,Setting,Relationship"]
    rows += [
        f"2026-01-{1 + n % 14:02d},1,Patrol 12,12866,overdose_scene,family" for n in range(400)
    ]
    sheet.write_text("\n".join(rows) + "\n", encoding="utf-8")
    url = sqlite_url(db_path)
    for delay in (0.05, 0.3):
        worker = start_worker("tally", url, sheet, 20)
        _kill_after_first_commit(worker, delay)
    _check_books(db_path)
    database = open_database(url, migrate=False)
    with database.sessions() as s:
        imported = s.scalar(select(func.count(Distribution.id)))
    database.dispose()
    assert imported and imported % 400 == 0
