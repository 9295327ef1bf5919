"""Worker processes for crash and concurrency tests: `python -m tests.durability.workers ...`.

Each worker opens the database the way the app does and runs one kind of operation in a loop,
printing a line after each committed operation so the parent knows how far it got.
"""

from __future__ import annotations

import sys
from datetime import date

from lbn_desktop.database import open_database
from models.common.clock import SystemClock
from models.common.errors import DomainError
from models.services import Services
from models.stock.rows import ReceiveLine

LINES_PER_RECEIPT = 200


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

    database = open_database(url, migrate=False)
    services = Services.build(database.sessions, SystemClock(), "crash-test")
    assert database.sqlite_path is not None
    maintenance = DatabaseMaintenance(database, Path(database.sqlite_path).parent / "backups")
    for n in range(rounds):
        backup = maintenance.backup_now()
        line = ReceiveLine(product_id, f"U{n:05d}-{id(services) % 9973}", date(2030, 1, 31), 1)
        services.stock.receive(location_id, [line])
        maintenance.restore(backup)
        print(f"restored {n}", flush=True)


def upgrade(url: str) -> None:
    """Open (back up, then upgrade) a database made by an earlier version."""
    open_database(url).dispose()
    print("committed upgrade", flush=True)


def _services(url: str) -> Services:
    database = open_database(url, migrate=False)
    return Services.build(database.sessions, SystemClock(), "crash-test")


if __name__ == "__main__":
    command, url, *numbers = sys.argv[1:]
    if command == "tally":
        tally(url, numbers[0], int(numbers[1]))
    elif command == "upgrade":
        upgrade(url)
    else:
        runners = {"big_receipts": big_receipts, "shuttle": shuttle, "drain": drain}
        runners.update(assemble=assemble, receipts=receipts, restores=restores)
        runners["transfers"] = transfers
        runners[command](url, *(int(n) for n in numbers))
