"""Worker processes for crash and concurrency tests: `python -m tests.durability.workers ...`.

Each worker opens the database the way the app does and runs one kind of operation in a loop,
printing a line after each committed operation so the parent knows how far it got. The crash
storm forks them from a fork server instead (`run_forked`), each as its own station.
"""

from __future__ import annotations

import os
import sys
import warnings
from collections.abc import Callable, Sequence
from datetime import date
from multiprocessing.connection import Connection

from lbn_desktop.database import Database, open_database
from models.common.actor import Actor
from models.common.clock import SystemClock
from models.common.errors import DomainError
from models.distributions.rows import DistributionEntry
from models.services import Services
from models.stock.rows import ReceiveLine

LINES_PER_RECEIPT = 200
STATION = ""  # the station this worker writes as (the storm gives each worker its own)


def big_receipts(url: str, location_id: int, product_id: int, rounds: int) -> None:
    """Receipts of LINES_PER_RECEIPT lots each: a large operation to interrupt."""
    services = _services(url)
    for n in range(rounds):
        lines = [
            ReceiveLine(product_id, f"R{n:04d}-{i:03d}", date(2030, 1, 31), 1)
            for i in range(LINES_PER_RECEIPT)
        ]
        op = services.stock.receive(location_id, lines)
        print(f"committed {op.id}", flush=True)


def shuttle(url: str, lot_id: int, a: int, b: int, rounds: int) -> None:
    """Move one unit back and forth; refusals (nothing left) are fine, errors are not."""
    services = _services(url)
    done = refused = 0
    for n in range(rounds):
        source, target = (a, b) if n % 2 == 0 else (b, a)
        try:
            services.stock.transfer(lot_id, source, target, 1)
            done += 1
        except DomainError:
            refused += 1
    print(f"done {done} refused {refused}", flush=True)


def drain(url: str, lot_id: int, location_id: int, rounds: int) -> None:
    """Dispose one unit at a time from the same place; counts what it took."""
    services = _services(url)
    taken = 0
    for _ in range(rounds):
        try:
            services.stock.dispose(lot_id, location_id, 1, "damaged")
            taken += 1
        except DomainError:
            pass
    print(f"taken {taken}", flush=True)


def assemble(url: str, location_id: int, count: int, rounds: int) -> None:
    """Assemble `count` standard kits per round: hundreds of ledger lines per operation."""
    services = _services(url)
    recipe = next(r for r in services.kits.list_recipes() if r.name == "Standard LBN kit")
    for _ in range(rounds):
        result = services.kits.assemble_kits(recipe.id, location_id, count)
        print(f"committed {result.operation_id}", flush=True)


def tally(url: str, path: str, rounds: int) -> None:
    """Import the same tally sheet again and again (each import is all or nothing)."""
    from pathlib import Path

    services = _services(url)
    for _ in range(rounds):
        result = services.distributions.import_tally(Path(path))
        print(f"committed {result}", flush=True)


def receipts(url: str, location_id: int, product_id: int, rounds: int) -> None:
    """Small receipts of new lots, one after the other (printed ids must survive any kill)."""
    services = _services(url)
    for n in range(rounds):
        line = ReceiveLine(product_id, f"S{n:05d}-{id(services) % 9973}", date(2030, 1, 31), 3)
        op = services.stock.receive(location_id, [line])
        print(f"committed {op.id}", flush=True)


def transfers(url: str, lot_id: int, a: int, b: int, rounds: int) -> None:
    """Transfers back and forth, each printed once committed."""
    services = _services(url)
    for n in range(rounds):
        source, target = (a, b) if n % 2 == 0 else (b, a)
        op = services.stock.transfer(lot_id, source, target, 1)
        print(f"committed {op.id}", flush=True)


def restores(url: str, location_id: int, product_id: int, rounds: int) -> None:
    """Back up, receive, restore the backup: the restore is what gets interrupted."""
    from pathlib import Path

    from lbn_desktop.maintenance import DatabaseMaintenance

    database = _open(url)
    services = Services.build(database.sessions, SystemClock(), "crash-test")
    assert database.sqlite_path is not None
    maintenance = DatabaseMaintenance(database, Path(database.sqlite_path).parent / "backups")
    for n in range(rounds):
        backup = maintenance.backup_now()
        line = ReceiveLine(product_id, f"U{n:05d}-{id(services) % 9973}", date(2030, 1, 31), 1)
        services.stock.receive(location_id, [line])
        maintenance.restore(backup)
        print(f"restored {n}", flush=True)


def reversals(url: str, lot_id: int, a: int, b: int, rounds: int) -> None:
    """Move one unit and take the move back (a reversing operation), each printed once committed."""
    services = _services(url)
    for _ in range(rounds):
        moved = services.stock.transfer(lot_id, a, b, 1)
        print(f"committed {moved.id}", flush=True)
        reversal = services.stock.reverse(moved.id, "moved by mistake")
        print(f"committed {reversal.id}", flush=True)


def leave_behinds(url: str, location_id: int, kit_product_id: int, rounds: int) -> None:
    """Quick entry of a leave-behind, then its void (entered twice), each printed once committed."""
    services = _services(url)
    entry = DistributionEntry(
        occurred_on=services.clock.today(),
        kits=1,
        location_id=location_id,
        zip_code="12866",
        setting="overdose_scene",
        relationship="family",
        kit_product_id=kit_product_id,
    )
    for _ in range(rounds):
        recorded = services.distributions.record_distribution(entry)
        print(f"committed {recorded.operation_id}", flush=True)
        services.distributions.void_distribution(recorded.id, "entered twice")
        print(f"committed void of {recorded.operation_id}", flush=True)


def upgrade(url: str) -> None:
    """Open (back up, then upgrade) a database made by an earlier version."""
    open_database(url).dispose()
    print("committed upgrade", flush=True)


def _open(url: str) -> Database:
    return open_database(url, migrate=False, actor=Actor("crash-test", station=STATION))


def _services(url: str) -> Services:
    return Services.build(_open(url).sessions, SystemClock(), "crash-test")


Runner = Callable[..., None]
WORKERS: list[Runner] = [big_receipts, shuttle, drain, assemble, receipts, transfers, reversals]
RUNNERS: dict[str, Runner] = {f.__name__: f for f in [*WORKERS, restores, leave_behinds]}


def run(command: str, url: str, *arguments: str) -> None:
    if command == "tally":
        tally(url, arguments[0], int(arguments[1]))
    elif command == "upgrade":
        upgrade(url)
    else:
        RUNNERS[command](url, *(int(n) for n in arguments))


def run_forked(output: Connection, station: str, arguments: Sequence[str]) -> None:
    """A worker forked by the storm's fork server: prints into `output`, writes as `station`."""
    global STATION
    STATION = station
    os.dup2(output.fileno(), 1)
    os.dup2(output.fileno(), 2)  # a traceback reaches the storm's message
    sys.stdout = sys.stderr = open(1, "w", buffering=1, encoding="utf-8", closefd=False)  # noqa: SIM115
    warnings.simplefilter("ignore")  # the first line printed must be the first commit
    run(*arguments)


if __name__ == "__main__":
    run(*sys.argv[1:])
