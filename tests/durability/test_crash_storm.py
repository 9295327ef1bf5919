"""A storm of SIGKILLs on SQLite and PostgreSQL (receipts, transfers, kit assembly, tally imports,
reversals, leave-behinds and their voids; on SQLite also backups with restores) and upgrades
killed half-way: every committed operation survives, the books balance, nothing is left over."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine

from lbn_desktop.__main__ import main
from lbn_desktop.backup import backup_file
from lbn_desktop.database import Database, sqlite_url
from models.stock.rows import ReceiveLine
from tests.durability.conftest import receive_kit_parts
from tests.durability.storm import (
    Backend,
    Kind,
    StormReport,
    downgrade_one_revision,
    run_storm,
    run_upgrade_storm,
)
from tests.durability.storm_backends import PostgresBackend, SqliteBackend
from tests.postgres import POSTGRES_URL

pytestmark = [
    pytest.mark.slow,
    pytest.mark.postgres,  # on both backends
    pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL and a fork server are POSIX"),
]
STORM_KILLS = int(os.environ.get("LBN_STORM_KILLS", "90"))
UPGRADE_KILLS = 12
TALLY_ROWS = 40
EXPIRY = date(2030, 1, 31)


@pytest.fixture(scope="module")
def server() -> Iterator[Engine]:
    """A connection to the PostgreSQL server itself, to watch sessions and locks."""
    engine = create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT", pool_size=1)
    yield engine
    engine.dispose()


@pytest.mark.timeout(1800)
def test_a_storm_of_kills_loses_nothing_and_leaves_balanced_books(
    backend, database: Database, services, agency, tmp_path: Path, request
) -> None:
    kinds = _stock_for_every_kind(services, agency, tmp_path / "tally.csv")
    if backend == "sqlite":
        kinds.append(Kind("restores", (agency.room, agency.narcan, 50)))
        side: Backend = SqliteBackend(Path(str(database.sqlite_path)))
    else:
        side = PostgresBackend(database.url, request.getfixturevalue("server"))
    report = run_storm(side, kinds, STORM_KILLS, seed=21)
    _check_command(report, database.url, tmp_path)
    report.publish()


@pytest.mark.timeout(600)
def test_a_killed_upgrade_finishes_or_rolls_back_and_cleans_up(
    backend, database: Database, services, agency, tmp_path: Path, request
) -> None:
    services.stock.receive(agency.room, [ReceiveLine(agency.narcan, "UP", EXPIRY, 40)])
    if backend == "sqlite":
        copies = _sqlite_copies(database, tmp_path)
    else:
        database.dispose()  # nobody may be connected to a database that is copied
        downgrade_one_revision(database.url)
        databases, server = (request.getfixturevalue(f) for f in ("postgres_databases", "server"))
        copies = lambda: PostgresBackend(databases.copy(database.url), server)  # noqa: E731
    report = run_upgrade_storm(copies, UPGRADE_KILLS, seed=5, moves_total=40)
    _check_command(report, report.url, tmp_path)
    report.publish()


def _stock_for_every_kind(services, agency, sheet: Path) -> list[Kind]:
    kit = next(p.id for p in services.catalog.list_products() if p.kind == "kit")
    services.stock.receive(agency.vehicle, [ReceiveLine(kit, "KITS", EXPIRY, 90_000)])
    services.stock.receive(agency.room, [ReceiveLine(agency.narcan, "SH", EXPIRY, 500)])
    receive_kit_parts(services, agency.cabinet, 20_000)
    lot = services.stock.find_lot(agency.narcan, "SH")
    rows = ["Date,Kits,From,ZIP,Setting,Relationship"]
    rows += ["2026-01-15,1,Patrol 12,12866,overdose_scene,family"] * TALLY_ROWS  # the day kits came
    sheet.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return [  # big receipts and assemblies are stormed in test_crash_safety
        Kind("receipts", (agency.room, agency.narcan, 500)),
        Kind("transfers", (lot.id, agency.room, agency.vehicle, 100_000)),
        Kind("tally", (sheet, 50), operations_per_commit=None, whole=TALLY_ROWS),
        Kind("assemble", (agency.cabinet, 5, 1000)),
        Kind("reversals", (lot.id, agency.room, agency.vehicle2, 100_000)),
        Kind("leave_behinds", (agency.vehicle, kit, 100_000)),
    ]


def _sqlite_copies(database: Database, tmp_path: Path) -> Callable[[], Backend]:
    old = backup_file(Path(str(database.sqlite_path)), tmp_path / "old.sqlite3")  # WAL included
    downgrade_one_revision(sqlite_url(old))
    target = tmp_path / "station" / "q.sqlite3"
    target.parent.mkdir()

    def copy() -> Backend:
        shutil.rmtree(target.parent / "backups", ignore_errors=True)
        shutil.copyfile(old, target)
        return SqliteBackend(target)

    return copy


def _check_command(report: StormReport, url: str, tmp_path: Path) -> None:
    """`lbn-desktop check` (integrity, ledger, time order, texts) passes at the end."""
    if main(["check", "--database", url, "--data-dir", str(tmp_path / "data")]) != 0:
        report.add("check", ["lbn-desktop check found problems (see its output)"])
