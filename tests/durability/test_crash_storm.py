"""A storm of SIGKILLs (receipts, transfers, tally imports, backups with restores, upgrades):
every committed operation survives, the books balance, no half-written file is left behind."""

from __future__ import annotations

import os
import random
import shutil
import signal
import time
from datetime import date
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import func, select

from lbn_desktop.backup import backup_file, integrity_problem
from lbn_desktop.database import current_revisions, open_database, sqlite_url
from models.migrations.config import alembic_config, shipped_revisions
from models.stock.entities import Operation, StockMove
from models.stock.ledger_check import check_ledger
from models.stock.rows import ReceiveLine
from tests.durability.conftest import start_worker

pytestmark = pytest.mark.slow
STORM_KILLS = int(os.environ.get("LBN_STORM_KILLS", "90"))
UPGRADE_KILLS = 12
PREVIOUS = "0005_merge_round_two"  # the killed upgrade runs the newest revision


def _kill_at_random(worker, rng: random.Random) -> list[str]:
    """Lines the worker printed (what it committed) before a SIGKILL at a random moment."""
    assert worker.stdout is not None
    lines = [worker.stdout.readline()]
    assert lines[0].startswith(("committed", "restored")), worker.stderr.read()
    time.sleep(rng.uniform(0.0, 0.4))
    worker.send_signal(signal.SIGKILL)
    worker.wait(timeout=60)
    return [*lines, *worker.stdout.read().splitlines()]


def _books(db_path: Path) -> set[int]:
    """Operation ids after checking the file and the ledger; no leftovers once reopened."""
    assert integrity_problem(db_path) is None
    database = open_database(sqlite_url(db_path))
    with database.sessions() as s:
        report = check_ledger(s)
        ids = set(s.scalars(select(Operation.id)))
    database.dispose()
    assert report.ok, report.problems[:5]
    folder = db_path.parent
    assert not [*folder.glob("*.restore-part*"), *folder.glob("backups/*.part*")]
    return ids


@pytest.mark.timeout(1800)  # about 7 s a kill on a busy 2-core machine
def test_a_storm_of_kills_loses_nothing_and_leaves_balanced_books(db_path, services, agency):
    kit = next(p.id for p in services.catalog.list_products() if p.kind == "kit")
    services.stock.receive(agency.vehicle, [ReceiveLine(kit, "KITS", date(2030, 1, 31), 90_000)])
    services.stock.receive(agency.room, [ReceiveLine(agency.narcan, "SH", date(2030, 1, 31), 500)])
    lot = services.stock.find_lot(agency.narcan, "SH")
    sheet = db_path.parent / "tally.csv"
    rows = ["Date,Kits,From,ZIP,Setting,Relationship"]
    rows += ["2026-01-15,1,Patrol 12,12866,overdose_scene,family"] * 40  # the day stock came
    sheet.write_text("\n".join(rows) + "\n", encoding="utf-8")
    url, rng = sqlite_url(db_path), random.Random(21)
    kinds = [  # big receipts and assemblies are stormed in test_crash_safety
        ("receipts", url, agency.room, agency.narcan, 500),
        ("transfers", url, lot.id, agency.room, agency.vehicle, 100_000),
        ("restores", url, agency.room, agency.narcan, 50),
        ("tally", url, sheet, 50),
    ]
    must_exist = _books(db_path)
    for kill in range(STORM_KILLS):
        kind = kinds[kill % len(kinds)]
        lines = _kill_at_random(start_worker(*kind), rng)
        ids = _books(db_path)
        assert must_exist <= ids, f"kill {kill} ({kind[0]}) lost {sorted(must_exist - ids)[:5]}"
        if kind[0] in ("receipts", "transfers"):
            committed = {int(x.split()[1]) for x in lines if x.startswith("committed ")}
            assert committed <= ids, f"kill {kill} ({kind[0]}) lost a printed operation"
        must_exist = ids


def test_a_killed_upgrade_finishes_or_rolls_back_and_cleans_up(db_path, services, agency):
    services.stock.receive(agency.room, [ReceiveLine(agency.narcan, "UP", date(2030, 1, 31), 40)])
    old = backup_file(db_path, db_path.parent / "old.sqlite3")  # the WAL's rows included
    config = alembic_config()
    database = open_database(sqlite_url(old), migrate=False)
    with database.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, PREVIOUS)
    database.dispose()
    target, rng = db_path.parent / "station" / "q.sqlite3", random.Random(5)
    target.parent.mkdir()
    for _ in range(UPGRADE_KILLS):
        shutil.copyfile(old, target)
        worker = start_worker("upgrade", sqlite_url(target))
        time.sleep(rng.uniform(0.5, 2.0))  # start-up, backup and upgrade take about this long
        worker.send_signal(signal.SIGKILL)
        worker.wait(timeout=60)
        database = open_database(sqlite_url(target))
        assert current_revisions(database.engine) == set(shipped_revisions()[1])
        with database.sessions() as s:
            assert check_ledger(s).ok
            assert s.scalar(select(func.sum(StockMove.quantity))) == 40
        database.dispose()
        assert not list((target.parent / "backups").glob("*.part*"))
        shutil.rmtree(target.parent / "backups", ignore_errors=True)
