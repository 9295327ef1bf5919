"""Benchmark: how long a second station waits to save a leave-behind while a 10,000-row tally
import runs in another process on the same SQLite file."""

from __future__ import annotations

import csv
import shutil
import subprocess
import sys
import tempfile
import time
from contextlib import suppress
from datetime import date, datetime
from pathlib import Path

ROWS = 10_000
NOW = datetime(2026, 11, 1, 9, 0)
STOCKED = datetime(2026, 10, 20, 9, 0)  # before the sheet's day, so that every row can be imported
IMPORTER = """
import sys
from datetime import datetime
from lbn_desktop.database import open_database, sqlite_url
from models.common.clock import FixedClock
from models.services import Services
database = open_database(sqlite_url(sys.argv[1]), migrate=False)
services = Services.build(database.sessions, FixedClock(datetime(2026, 11, 1, 9, 0)), "import")
services.distributions.import_tally(sys.argv[2])
database.dispose()
"""


def longest_wait(db: Path, _repeat: int, _median: object) -> tuple[float, float | None]:
    """Longest time one save by the second station took (ms) while the import ran."""
    from lbn_desktop.database import open_database, sqlite_url
    from models.common.clock import FixedClock
    from models.common.errors import DomainError
    from models.services import Services

    work = Path(tempfile.mkdtemp()) / "import.sqlite3"
    shutil.copyfile(db, work)
    database = open_database(sqlite_url(work), migrate=False)
    services = Services.build(database.sessions, FixedClock(NOW), "second station")
    stocking = Services.build(database.sessions, FixedClock(STOCKED), "second station")
    sheet, second = _prepare(stocking, work.parent / "tally.csv")
    root = Path(__file__).resolve().parent.parent
    importer = subprocess.Popen([sys.executable, "-c", IMPORTER, str(work), str(sheet)], cwd=root)
    waits: list[float] = []
    while importer.poll() is None:
        started = time.perf_counter()
        with suppress(DomainError):  # refused as busy: it waited the whole busy timeout
            services.distributions.record_distribution(second)
        waits.append(time.perf_counter() - started)
        time.sleep(0.2)
    database.dispose()
    shutil.rmtree(work.parent, ignore_errors=True)
    return max(waits, default=0.0) * 1000, None


def _prepare(services, sheet: Path):
    from models.distributions.rows import DistributionEntry
    from models.stock.entities import LocationKind
    from models.stock.rows import ReceiveLine

    catalog = services.catalog
    station = catalog.add_location("Bench station", LocationKind.STATION)
    big = catalog.add_location("Bench import van", LocationKind.VEHICLE, station.id)
    small = catalog.add_location("Bench second van", LocationKind.VEHICLE, station.id)
    kit = services.distributions.list_kit_products()[0].product_id
    for place, count in ((big.id, ROWS), (small.id, 500)):
        line = ReceiveLine(kit, f"BENCH{place}", date(2030, 1, 31), count)
        services.stock.receive(place, [line])
    with sheet.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Date", "Kits", "From", "ZIP", "Setting", "Relationship"])
        row = ["2026-10-30", "1", "Bench station / Bench import van", "12866", "Overdose scene",
               "Family member"]  # fmt: skip
        writer.writerows([row] * ROWS)
    second = DistributionEntry(date(2026, 10, 31), 1, small.id, "12866", "Overdose scene",
                               "Family member", kit_product_id=kit)  # fmt: skip
    return sheet, second
