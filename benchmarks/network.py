"""The main screens over a real network: PostgreSQL behind a proxy adding 20 ms each way.

Reports, per screen, the median time beside the SQL statements and network round trips it
costs. Needs a PostgreSQL admin URL (LBN_BENCH_POSTGRES_URL or LBN_TEST_POSTGRES_URL); the
generated agency is kept in a database named after the scale and schema, so later runs reuse it.
Usage: python -m benchmarks.network [--scale large] [--delay-ms 20] [--repeat 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url

from benchmarks.generate import fill
from benchmarks.tcp_proxy import LatencyProxy

ADMIN_ENV = ("LBN_BENCH_POSTGRES_URL", "LBN_TEST_POSTGRES_URL")
NOW_DAY = date(2026, 11, 1)


@dataclass
class Row:
    screen: str
    ms: float
    statements: int
    round_trips: int
    target: str

    def cells(self) -> list[str]:
        return [
            self.screen,
            f"{self.ms:,.0f} ms",
            str(self.statements),
            str(self.round_trips),
            self.target,
        ]


def admin_url() -> str:
    return next((os.environ[k] for k in ADMIN_ENV if os.environ.get(k)), "")


def prepared_database(admin: str, scale: str) -> str:
    """A fresh copy of the generated agency (generated once per scale and schema)."""
    from models.migrations.config import shipped_revisions

    heads = "_".join(sorted(shipped_revisions()[1]))[:30]
    template = f"lbn_bench_{scale}_{heads}".lower()
    engine = create_engine(admin, isolation_level="AUTOCOMMIT")
    base = make_url(admin)
    with engine.connect() as conn:
        exists = conn.scalar(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": template})
        if not exists:
            conn.execute(text(f'CREATE DATABASE "{template}"'))
            try:
                print(f"  generating {scale} agency on PostgreSQL (once)...", flush=True)
                fill(base.set(database=template).render_as_string(hide_password=False), scale)
            except BaseException:
                conn.execute(text(f'DROP DATABASE "{template}"'))
                raise
        work = f"{template}_run{os.getpid()}"  # per process: two runs never share a copy
        conn.execute(text(f'DROP DATABASE IF EXISTS "{work}"'))
        conn.execute(text(f'CREATE DATABASE "{work}" TEMPLATE "{template}"'))
    engine.dispose()
    return base.set(database=work).render_as_string(hide_password=False)


def drop_copy(admin: str, url: str) -> None:
    engine = create_engine(admin, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{make_url(url).database}"'))
    engine.dispose()


class StatementCounter:
    def __init__(self, engine: Engine) -> None:
        self.count = 0
        event.listen(engine, "before_cursor_execute", self._seen)

    def _seen(self, *_args: object) -> None:
        self.count += 1


@contextmanager
def station(url: str, delay_s: float) -> Iterator[tuple[object, LatencyProxy, StatementCounter]]:
    from lbn_desktop.database import open_database
    from models.common.clock import FixedClock
    from models.services import Services

    with LatencyProxy(make_url(url).port or 5432, delay_s) as proxy:
        linked = make_url(url).set(host="127.0.0.1", port=proxy.port)
        database = open_database(linked.render_as_string(hide_password=False), migrate=False)
        from datetime import datetime

        services = Services.build(
            database.sessions, FixedClock(datetime(2026, 11, 1, 14, 0)), "bench"
        )
        try:
            yield services, proxy, StatementCounter(database.engine)
        finally:
            database.dispose()


def measure(
    name: str,
    work: Callable[[], object],
    target: str,
    proxy: LatencyProxy,
    counter: StatementCounter,
    repeat: int,
) -> Row:
    work()  # warm: connections open, caches filled, as in a running app
    samples, statements, trips = [], 0, 0
    for _ in range(repeat):
        counter.count, before = 0, proxy.traffic.round_trips
        started = time.perf_counter()
        work()
        samples.append((time.perf_counter() - started) * 1000)
        statements, trips = counter.count, proxy.traffic.round_trips - before
    return Row(name, statistics.median(samples), statements, trips, target)


def screens(services, repeat: int, proxy: LatencyProxy, counter: StatementCounter) -> list[Row]:
    from PySide6.QtWidgets import QApplication

    from models.distributions.rows import DistributionEntry
    from models.stock.rows import ReceiveLine
    from ui.inventory.inventory_view import InventoryView

    QApplication.instance() or QApplication([])
    view = InventoryView(services)
    alerts = services.alerts
    vehicle = max(services.distributions.list_issue_points(), key=lambda p: p.kits)
    entry = DistributionEntry(NOW_DAY, 1, vehicle.location_id, "12866", "overdose_scene", "family")
    room = next(p for p in services.catalog.list_locations() if p.kind == "room")
    products = {p.name: p.id for p in services.catalog.list_products()}
    recipe = services.kits.list_recipes()[0]
    lines = [ReceiveLine(products["Narcan 4 mg nasal spray"], "NET1", date(2029, 1, 31), 6000)]
    lines += [
        ReceiveLine(products[n], "NET2", date(2029, 1, 31), 6000)
        for n in ("Fentanyl test strip", "Xylazine test strip", "Local resource card")
    ]
    services.stock.receive(room.id, lines)
    run = lambda name, work, target: measure(name, work, target, proxy, counter, repeat)  # noqa: E731
    return [
        run("dashboard: first step (figures, stock alerts)", alerts.dashboard, "≤ 500 ms"),
        run(
            "dashboard: whole refresh",
            lambda: (alerts.dashboard(), alerts.area_alerts()),
            "≤ 1,000 ms",
        ),
        run("inventory view refresh", view.refresh, "≤ 1,000 ms"),
        run(
            "save a quick entry",
            lambda: services.distributions.record_distribution(entry),
            "≤ 300 ms",
        ),
        run(
            "assemble 500 kits",
            lambda: services.kits.assemble_kits(recipe.id, room.id, 500),
            "≤ 2,000 ms",
        ),
    ]


def table(rows: list[Row], delay_ms: float) -> str:
    header = [
        "screen",
        f"time at {delay_ms:g} ms each way",
        "SQL statements",
        "round trips",
        "target",
    ]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(r.cells()) + " |" for r in rows]
    return "\n".join(lines)


def run(scale: str = "large", delay_ms: float = 20, repeat: int = 5) -> str:
    admin = admin_url()
    if not admin:
        return "(network benchmark skipped: set LBN_BENCH_POSTGRES_URL to a PostgreSQL admin URL)"
    url = prepared_database(admin, scale)
    try:
        with station(url, delay_ms / 1000) as (services, proxy, counter):
            rows = screens(services, repeat, proxy, counter)
    finally:
        drop_copy(admin, url)
    return (
        f"Network ({scale} agency, PostgreSQL through a {delay_ms:g} ms-each-way proxy):\n\n"
        + table(rows, delay_ms)
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", default="large")
    parser.add_argument("--delay-ms", type=float, default=20)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    print(run(args.scale, args.delay_ms, args.repeat))


if __name__ == "__main__":
    main()
