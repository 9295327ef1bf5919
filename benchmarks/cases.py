"""The benchmark cases: each measures our code and, where one exists, its floor."""

from __future__ import annotations

import functools
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from benchmarks.import_wait import longest_wait

ROOT = Path(__file__).resolve().parent.parent
Median = Callable[[Callable[[], object], int], float]
NOW = datetime(2026, 11, 1, 9, 0)  # the generator's agency ends here


@dataclass(frozen=True)
class Case:
    name: str
    target: str
    measure: Callable[[Path, int, Median], tuple[float, float | None]]
    scales: tuple[str, ...] = ("tiny", "small", "medium", "large")
    unit: str = "ms"


def _services(db: Path):
    from lbn_desktop.database import open_database, sqlite_url
    from models.common.clock import FixedClock
    from models.services import Services

    database = open_database(sqlite_url(db), migrate=False)
    return database, Services.build(database.sessions, FixedClock(NOW), "bench")


# --- start-up and memory ---------------------------------------------------------------------

BARE_WINDOW = """
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView
app = QApplication([])
window = QMainWindow()
window.setCentralWidget(QTableView())
window.resize(1200, 760)
window.show()
QTimer.singleShot(0, app.quit)
app.exec()
"""


# Runs a program (`-m module args...` or `-c code`) and writes its own peak resident memory
# (VmHWM, kB) to a file at exit. The rusage of a child from fork + exec would also count the
# pages of the (large) benchmark process it was forked from.
PEAK = """
import atexit, runpy, sys
out, mode, target, *rest = sys.argv[1:]

def record():
    try:
        with open("/proc/self/status") as status:
            kb = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
    except (OSError, StopIteration):
        import resource
        kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        kb = kb // 1024 if sys.platform == "darwin" else kb
    with open(out, "w") as f:
        f.write(str(kb))

atexit.register(record)
sys.argv = [target, *rest]
if mode == "-m":
    runpy.run_module(target, run_name="__main__", alter_sys=True)
else:
    exec(compile(target, "<benchmark>", "exec"), {"__name__": "__main__"})
"""

# Every main screen opened in turn with the database, each filled in before the next.
TOUR = """
import sys
from PySide6.QtWidgets import QApplication
from lbn_desktop.database import open_database, sqlite_url
from models.common.clock import SystemClock
from models.services import Services
from ui.widgets.background import wait_for_background_work
from ui.main_window import PAGES, MainWindow
app = QApplication([])
database = open_database(sqlite_url(sys.argv[1]), migrate=False)
window = MainWindow(Services.build(database.sessions, SystemClock(), "bench"))
window.resize(1280, 800)
window.show()
for title, _page_class in PAGES:
    window.show_page(title)
    for _ in range(3):
        app.processEvents()
        wait_for_background_work()
    app.processEvents()
window.close()
database.dispose()
"""


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}


def _spawn(argv: list[str]) -> float:
    """Wall time (ms) of a child process."""
    started = time.perf_counter()
    subprocess.run(
        argv, env=_env(), cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True
    )
    return (time.perf_counter() - started) * 1000


def _peak_mb(program: list[str]) -> float:
    """The child's own peak resident memory (MB); `program` is `-m module ...` or `-c code`."""
    out = Path(tempfile.mkdtemp()) / "peak.txt"
    subprocess.run(
        [sys.executable, "-c", PEAK, str(out), *program],
        env=_env(),
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        check=True,
    )
    return int(out.read_text()) / 1024


def _app_argv(db: Path, data: Path) -> list[str]:
    return [
        sys.executable,
        "-m",
        "lbn_desktop",
        "--database",
        str(db),
        "--data-dir",
        str(data),
        "--smoke-test",
    ]


def start(db: Path, repeat: int, median: Median) -> tuple[float, float | None]:
    data = Path(tempfile.mkdtemp())
    _spawn(_app_argv(db, data))  # warm the OS file cache, write today's backup
    ours = sorted(_spawn(_app_argv(db, data)) for _ in range(repeat))[repeat // 2]
    floor = sorted(_spawn([sys.executable, "-c", BARE_WINDOW]) for _ in range(repeat))
    return ours, floor[repeat // 2]


# The bare window again, noting when it is on screen, as the app notes its own milestones.
BARE_SHOWN = """
import sys, time
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView
app = QApplication([])
window = QMainWindow()
window.setCentralWidget(QTableView())
window.resize(1200, 760)
window.show()
app.processEvents()
with open(sys.argv[1], "a") as report:
    report.write(f"shown {time.time():.6f}")
"""


def _milestones(argv: list[str]) -> dict[str, float]:
    """Milliseconds from launch to each milestone the child notes (LBN_STARTUP_REPORT)."""
    report = Path(tempfile.mkdtemp()) / "milestones.txt"
    env = {**_env(), "LBN_STARTUP_REPORT": str(report)}
    launched = time.time()
    subprocess.run(
        [*argv, str(report)] if "-c" in argv else argv,
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        check=True,
    )
    milestones: dict[str, float] = {}
    for name, at, *cpu in (line.split() for line in report.read_text().splitlines()):
        milestones[name] = (float(at) - launched) * 1000
        if cpu:
            milestones[f"{name} cpu"] = float(cpu[0]) * 1000
    return milestones


@functools.cache
def _startup_samples(db: Path, repeat: int) -> tuple[list[dict[str, float]], list[float]]:
    data = Path(tempfile.mkdtemp())
    _spawn(_app_argv(db, data))  # warm the OS file cache, write today's backup
    ours = [_milestones(_app_argv(db, data)) for _ in range(repeat)]
    bare = [_milestones([sys.executable, "-c", BARE_SHOWN])["shown"] for _ in range(repeat)]
    return ours, bare


def window_shown(db: Path, repeat: int, median: Median) -> tuple[float, float | None]:
    """Launch to the main window's frame on screen, beside a bare PySide6 window in this run."""
    ours, bare = _startup_samples(db, repeat)
    return statistics.median(m["shown"] for m in ours), statistics.median(bare)


def first_screen_filled(db: Path, repeat: int, median: Median) -> tuple[float, float | None]:
    """Window on screen to the Dashboard showing its figures (wall clock)."""
    ours, _bare = _startup_samples(db, repeat)
    return statistics.median(m["filled"] - m["shown"] for m in ours), None


def first_screen_filled_cpu(db: Path, repeat: int, median: Median) -> tuple[float, float | None]:
    """The same span in CPU time of the app's process: what a shared, busy machine inflates
    least (all threads; the dashboard loads off the GUI thread)."""
    ours, _bare = _startup_samples(db, repeat)
    return statistics.median(m["filled cpu"] - m["shown cpu"] for m in ours), None


def memory(db: Path, repeat: int, median: Median) -> tuple[float, float | None]:
    """Start page filled in (the app's own smoke test), against a bare window."""
    data = Path(tempfile.mkdtemp())
    ours = max(_peak_mb(["-m", *_app_argv(db, data)[2:]]) for _ in range(2))
    return ours, _peak_mb(["-c", BARE_WINDOW])


def memory_tour(db: Path, repeat: int, median: Median) -> tuple[float, float | None]:
    """Every main screen opened in turn, against a bare window."""
    return _peak_mb(["-c", TOUR, str(db)]), _peak_mb(["-c", BARE_WINDOW])


# --- dashboard ---------------------------------------------------------------------------------

FLOOR_DASHBOARD = [
    """SELECT l.product_id,
              SUM(CASE WHEN l.expiry < :today THEN b.quantity ELSE 0 END),
              SUM(CASE WHEN l.expiry >= :today AND l.expiry <= :soon THEN b.quantity ELSE 0 END),
              SUM(b.quantity)
       FROM balance b JOIN lot l ON l.id = b.lot_id JOIN location p ON p.id = b.location_id
       WHERE b.quantity > 0 AND p.kind IN ('station','room','cabinet','vehicle','bag')
       GROUP BY l.product_id""",
    """SELECT strftime('%Y-%m', occurred_on), SUM(kits) FROM distribution
       WHERE occurred_on >= :year_ago AND void_operation_id IS NULL GROUP BY 1""",
    """SELECT pl.location_id, pl.product_id, pl.quantity, COALESCE(SUM(b.quantity), 0)
       FROM par_level pl JOIN lot l ON l.product_id = pl.product_id
       LEFT JOIN balance b ON b.lot_id = l.id AND b.location_id = pl.location_id
       GROUP BY pl.location_id, pl.product_id HAVING COALESCE(SUM(b.quantity), 0) < pl.quantity""",
    """SELECT strftime('%Y-%m', l.expiry), SUM(b.quantity) FROM balance b
       JOIN lot l ON l.id = b.lot_id JOIN location p ON p.id = b.location_id
       WHERE b.quantity > 0 AND l.expiry >= :today AND p.kind IN ('room','cabinet','vehicle')
       GROUP BY 1""",
]


def _floor_sql(db: Path, statements: list[str], params: dict) -> Callable[[], object]:
    def work() -> None:
        with sqlite3.connect(db) as conn:
            for sql in statements:
                conn.execute(sql, params).fetchall()

    return work


def _dashboard_case(steps: str) -> Callable[[Path, int, Median], tuple[float, float | None]]:
    """The dashboard loads in two steps: its figures and stock alerts, then the alerts other
    areas supply (reorder due, refreshers, deadlines). "both" times the whole refresh."""

    def measure(db: Path, repeat: int, median: Median) -> tuple[float, float | None]:
        database, services = _services(db)
        services.alerts.dashboard()  # warm caches as an open app would be
        work = {
            "figures": services.alerts.dashboard,
            "area": services.alerts.area_alerts,
            "both": lambda: (services.alerts.dashboard(), services.alerts.area_alerts()),
        }[steps]
        ours = median(work, repeat)
        database.dispose()
        params = {"today": "2026-11-01", "soon": "2027-01-30", "year_ago": "2025-11-01"}
        return ours, median(_floor_sql(db, FLOOR_DASHBOARD, params), repeat)

    return measure


# --- inventory view ----------------------------------------------------------------------------


def _inventory(db: Path):
    from PySide6.QtWidgets import QApplication

    from ui.inventory.inventory_view import InventoryView

    QApplication.instance() or QApplication([])
    database, services = _services(db)
    view = InventoryView(services)
    view.resize(1200, 700)
    return database, view


def inventory_load(db: Path, repeat: int, median: Median) -> tuple[float, float | None]:
    database, view = _inventory(db)
    ours = median(view.refresh, repeat)
    database.dispose()
    sql = """SELECT b.lot_id, b.location_id, b.quantity, l.lot_number, l.expiry, p.name
             FROM balance b JOIN lot l ON l.id = b.lot_id JOIN product p ON p.id = l.product_id
             WHERE b.quantity > 0"""
    return ours, median(_floor_sql(db, [sql], {}), repeat)


def inventory_sort(db: Path, repeat: int, median: Median) -> tuple[float, float | None]:
    from PySide6.QtCore import Qt

    database, view = _inventory(db)
    view.refresh()
    model = view.table.model()
    orders = [Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder]
    state = {"n": 0}

    def sort() -> None:
        state["n"] += 1
        view.table.sortByColumn(state["n"] % model.columnCount(), orders[state["n"] % 2])

    ours = median(sort, repeat)
    rows = [(r.product_name, r.lot_number, r.expiry or date.max) for r in view._rows]
    database.dispose()
    return ours, median(lambda: sorted(rows, key=lambda r: r[1]), repeat)


def inventory_filter(db: Path, repeat: int, median: Median) -> tuple[float, float | None]:
    from PySide6.QtWidgets import QApplication

    database, view = _inventory(db)
    view.refresh()
    words = ["narcan", "unit 1", "l0001", "station 3", ""]
    state = {"n": 0}

    def type_filter() -> None:
        state["n"] += 1
        view.filters.search.setText(words[state["n"] % len(words)])
        QApplication.processEvents()

    ours = median(type_filter, repeat)
    texts = [f"{r.product_name} {r.lot_number} {r.location_path}".lower() for r in view._rows]
    database.dispose()
    return ours, median(lambda: [t for t in texts if "narcan" in t], repeat)


# --- operations --------------------------------------------------------------------------------


def assemble(db: Path, repeat: int, median: Median) -> tuple[float, float | None]:
    from models.stock.rows import ReceiveLine

    samples = []
    for _ in range(max(1, min(repeat, 3))):
        copy = Path(tempfile.mkdtemp()) / "a.sqlite3"
        shutil.copyfile(db, copy)
        database, services = _services(copy)
        room = next(p for p in services.catalog.list_locations() if p.kind == "room")
        products = {p.name: p.id for p in services.catalog.list_products()}
        recipe = services.kits.list_recipes()[0]
        lines = [
            ReceiveLine(products["Narcan 4 mg nasal spray"], "BENCH1", date(2029, 1, 31), 1000)
        ]
        lines += [
            ReceiveLine(products[n], "BENCH2", date(2029, 1, 31), 1000)
            for n in ("Fentanyl test strip", "Xylazine test strip", "Local resource card")
        ]
        services.stock.receive(room.id, lines)
        started = time.perf_counter()
        services.kits.assemble_kits(recipe.id, room.id, 500)
        samples.append((time.perf_counter() - started) * 1000)
        database.dispose()
    samples.sort()
    return samples[len(samples) // 2], _floor_assemble(db, median, repeat)


def _floor_assemble(db: Path, median: Median, repeat: int) -> float:
    """One transaction with the same number of ledger rows and balance updates, by hand."""
    copy = Path(tempfile.mkdtemp()) / "f.sqlite3"
    shutil.copyfile(db, copy)

    def work() -> None:
        with sqlite3.connect(copy) as conn:
            op = conn.execute(
                "INSERT INTO operation (at, reason, user) VALUES ('2026-11-01', 'assemble', 'b')"
            ).lastrowid
            rows = [(op, 1, 1, 2, 1)] * 10
            conn.executemany(
                "INSERT INTO stock_move (operation_id, lot_id, from_location_id,"
                " to_location_id, quantity) VALUES (?, ?, ?, ?, ?)",
                rows,
            )
            conn.executemany(
                "UPDATE balance SET quantity = quantity WHERE lot_id = ? AND location_id = ?",
                [(1, 1)] * 20,
            )

    return median(work, repeat)


NOTE = "Left kit with family after reversal; Sgt. Alvarez explained the resource card at 5th Ave"


def screen_note(db: Path, repeat: int, median: Median) -> tuple[float, float | None]:
    """The personal-data screen on an ordinary note, roster read included (after first use)."""
    from models.common.pii_screen import screen_free_text

    database, services = _services(db)

    def work() -> object:
        return screen_free_text(NOTE, "The note", services.training.personnel_names())

    work()  # the name lists load once, on first use
    ours = median(work, repeat)
    database.dispose()
    return ours, median(lambda: NOTE.strip().lower(), repeat)


def reorder(db: Path, repeat: int, median: Median) -> tuple[float, float | None]:
    database, services = _services(db)
    ours = median(services.reorders.propose, repeat)
    database.dispose()
    sql = """SELECT l.product_id, o.reason, SUM(m.quantity) FROM stock_move m
             JOIN operation o ON o.id = m.operation_id JOIN lot l ON l.id = m.lot_id
             WHERE o.at >= '2026-05-01' AND o.reason IN ('distribute','administer','dispose')
             GROUP BY l.product_id, o.reason"""
    return ours, median(_floor_sql(db, [sql], {}), repeat)


def _workbook(years: int) -> Callable[[Path, int, Median], tuple[float, float | None]]:
    def measure(db: Path, repeat: int, median: Median) -> tuple[float, float | None]:
        from models.reports.rows import Period

        database, services = _services(db)
        # Whole calendar years only (partner workbooks refuse other ranges).
        period = Period(date(2026 - years, 1, 1), date(2025, 12, 31))
        out = Path(tempfile.mkdtemp()) / "partner.xlsx"

        def work() -> None:
            package = services.partners.partner_package(period)
            services.partners.write_partner_workbook(package, out)

        ours = median(work, repeat)
        database.dispose()
        return ours, median(_floor_workbook(out), repeat)

    return measure


def release_audit(db: Path, repeat: int, median: Median) -> tuple[float, float | None]:
    """A quarter's workbook audited against ten years of monthly and quarterly releases."""
    from models.partners.periods import month, quarter

    copy = Path(tempfile.mkdtemp()) / "register.sqlite3"
    shutil.copy(db, copy)  # the register rows stay out of the shared benchmark database
    database, services = _services(copy)
    partner = services.partners.save_partner(_bench_partner())
    earlier = [month(y, m) for y in range(2016, 2027) for m in range(1, 13)]
    earlier = [p for p in earlier if date(2016, 10, 1) <= p.start <= date(2026, 9, 1)]
    earlier += [quarter(y, q) for y in range(2016, 2027) for q in range(1, 5)]
    earlier = [p for p in earlier if date(2016, 10, 1) <= p.start and p.end <= date(2026, 6, 30)]
    _record_unaudited(database.sessions, earlier, partner.name)
    ours = median(lambda: services.partners.prepare_release(quarter(2026, 3), partner.id), repeat)
    database.dispose()
    return ours, None


def _bench_partner():
    from models.partners.registry import PartnerDraft

    return PartnerDraft("Bench county", 10, 3)


def _record_unaudited(sessions, periods, partner: str) -> None:
    """Earlier releases as they would stand in the register (each suppressed on its own)."""
    from models.common.settings import agency_title
    from models.partners import release_register
    from models.partners.inputs import gather
    from models.partners.package import build_package

    with sessions.begin() as s:
        agency = agency_title(s)
        for period in periods:
            package = build_package(agency, partner, period, 10, NOW, gather(s, period))
            release_register.record(
                s, package, None, at=NOW, by="bench", channel="bench", file_name="bench.xlsx"
            )


def _floor_workbook(made: Path) -> Callable[[], object]:
    from openpyxl import Workbook, load_workbook

    sheets = {
        ws.title: [list(r) for r in ws.iter_rows(values_only=True)]
        for ws in load_workbook(made, read_only=True).worksheets
    }

    def work() -> None:
        book = Workbook(write_only=True)
        for title, rows in sheets.items():
            sheet = book.create_sheet(title)
            for row in rows:
                sheet.append(row)
        book.save(Path(tempfile.mkdtemp()) / "floor.xlsx")

    return work


def expiration_pdf(db: Path, repeat: int, median: Median) -> tuple[float, float | None]:
    from models.reports.service import ReportKind

    database, services = _services(db)
    out = Path(tempfile.mkdtemp()) / "expiration.pdf"
    ours = median(lambda: services.reports.write_report(ReportKind.EXPIRATION, out), repeat)
    rows = services.reports.list_expiration_rows()
    database.dispose()
    return ours, median(_floor_pdf(rows), repeat)


def _floor_pdf(rows: list) -> Callable[[], object]:
    from reportlab.lib.pagesizes import letter
    from reportlab.platypus import LongTable, SimpleDocTemplate

    cells = [["Location", "Expiry", "Product", "Lot", "Qty"]] + [
        [r.location_path, str(r.expiry or ""), r.product_name, r.lot_number, str(r.quantity)]
        for r in rows
    ]

    def work() -> None:
        doc = SimpleDocTemplate(str(Path(tempfile.mkdtemp()) / "floor.pdf"), pagesize=letter)
        doc.build([LongTable(cells, repeatRows=1)])

    return work


# --- counting a whole station (stocktake) -----------------------------------------------------

COUNT_LOTS = 3_000


def _count_station(db: Path):
    """A copy of the agency whose busiest station holds at least 3,000 lot/place lines."""
    from lbn_desktop.database import open_database, sqlite_url
    from models.common.clock import FixedClock
    from models.services import Services
    from models.stock.rows import ReceiveLine

    copy = Path(tempfile.mkdtemp()) / "count.sqlite3"
    shutil.copyfile(db, copy)
    database = open_database(sqlite_url(copy), backup=False)  # adds the count tables if missing
    services = Services.build(database.sessions, FixedClock(NOW), "bench")
    places = services.catalog.list_locations()
    stations = [p for p in places if p.kind == "station"]
    sizes = {s.id: len(services.counts.open_count(s.id).lines) for s in stations}
    for sheet in services.counts.list_open_counts():
        services.counts.abandon(sheet.id)
    station = max(sizes, key=lambda k: sizes[k])
    room = next(p for p in places if p.parent_id == station and p.kind == "room")
    product = next(p for p in services.catalog.list_products() if p.kind == "naloxone")
    missing = COUNT_LOTS - sizes[station]
    if missing > 0:
        lines = [ReceiveLine(product.id, f"C{n:05d}", date(2029, 1, 31), 3) for n in range(missing)]
        services.stock.receive(room.id, lines)
    return database, services, station


def count_open(db: Path, repeat: int, median: Median) -> tuple[float, float | None]:
    """Open the Count a place dialog on the whole station: expected lots listed."""
    from PySide6.QtWidgets import QApplication

    from ui.inventory.count_place_dialog import CountPlaceDialog

    QApplication.instance() or QApplication([])
    database, services, station = _count_station(db)
    samples = []
    for _ in range(max(1, min(repeat, 5))):
        started = time.perf_counter()
        dialog = CountPlaceDialog(services, location_id=station)
        QApplication.processEvents()
        samples.append((time.perf_counter() - started) * 1000)
        assert dialog.model.rowCount() >= COUNT_LOTS
        services.counts.abandon(dialog.sheet.id)
        dialog.deleteLater()
    database.dispose()
    samples.sort()
    return samples[len(samples) // 2], None


def count_post(db: Path, repeat: int, median: Median) -> tuple[float, float | None]:
    """Post a 3,000-lot station count in which one line in fifty differs."""
    from models.stock.count_rows import CountEntry

    database, services, station = _count_station(db)
    samples = []
    for _ in range(max(1, min(repeat, 3))):
        sheet = services.counts.open_count(station)
        entries = [
            CountEntry(r.lot_id, r.location_id, r.expected + (n % 50 == 0), "bench")
            for n, r in enumerate(sheet.lines)
        ]
        started = time.perf_counter()
        services.counts.post_count(sheet.id, entries)
        samples.append((time.perf_counter() - started) * 1000)
    database.dispose()
    samples.sort()
    return samples[len(samples) // 2], None


CASES = [
    Case("cold start to populated window", "≤ 1,500 ms and ≤ 2.5× floor", start),
    Case("start: main window frame shown", "≤ 2× bare window", window_shown),
    Case("start: first screen filled, after shown", "≤ 1,000 ms", first_screen_filled),
    Case("start: first screen filled, after shown (CPU)", "—", first_screen_filled_cpu),
    Case("dashboard: figures, stock alerts, readiness", "≤ 150 ms", _dashboard_case("figures")),
    Case("dashboard: reorder/refresher/deadline alerts", "—", _dashboard_case("area")),
    Case("dashboard: whole refresh (both steps)", "≤ 150 ms", _dashboard_case("both")),
    Case("inventory view load", "—", inventory_load),
    Case("inventory sort", "≤ 100 ms", inventory_sort),
    Case("inventory filter (typing)", "≤ 100 ms", inventory_filter),
    Case("assemble 500 kits", "≤ 2,000 ms", assemble),
    Case("reorder calculation, all products", "—", reorder),
    Case("personal-data screen, one note", "≤ 20 ms", screen_note),
    Case("partner workbook, 1 year", "—", _workbook(1)),
    Case(
        "partner quarter audited against 10 years of releases",
        "≤ 10,000 ms",
        release_audit,
        ("small", "large"),
    ),
    Case("expiration report PDF, all lots", "≤ 3,000 ms", expiration_pdf),
    Case(
        "second station's longest save during a 10,000-row tally import",
        "≤ 2,000 ms",
        longest_wait,
        ("small",),
    ),
    Case("count a 3,000-lot station: open", "≤ 1,000 ms", count_open, ("large",)),
    Case("count a 3,000-lot station: post", "≤ 2,000 ms", count_post, ("large",)),
    Case("peak memory, app started on the database", "≤ 300 MB", memory, unit="MB"),
    Case("peak memory, every screen opened", "≤ 300 MB", memory_tour, unit="MB"),
]
