"""Shared fixtures: a real SQLite file per test, copied from a once-migrated template."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from lbn_desktop.database import Database, open_database, sqlite_url
from models.common.clock import FixedClock
from models.services import Services, seed_defaults
from models.stock.entities import LocationKind
from tests.postgres import POSTGRES_URL, PostgresDatabases, runs_on_postgres
from tests.windows_files import WindowsFiles, windows_files  # noqa: F401  (fixture)

TODAY = date(2026, 1, 15)


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Migrated schema with the default catalog, recipe and sources, made once per run."""
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    database = open_database(sqlite_url(path), backup=False)
    with database.sessions.begin() as s:
        seed_defaults(s)
    database.dispose()
    return path


@pytest.fixture
def db_path(tmp_path: Path, template_db: Path) -> Path:
    path = tmp_path / "quartermaster.sqlite3"
    shutil.copyfile(template_db, path)
    return path


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Service and migration tests (and tests marked `postgres`) run on SQLite and, when a
    server is configured, PostgreSQL."""
    if "backend" in metafunc.fixturenames:
        backends = ["sqlite"]
        marked = metafunc.definition.get_closest_marker("postgres") is not None
        if POSTGRES_URL and (marked or runs_on_postgres(metafunc.definition.path)):
            backends.append("postgres")
        metafunc.parametrize("backend", backends, scope="function")


@pytest.fixture(scope="session")
def postgres_databases() -> Iterator[PostgresDatabases]:
    manager = PostgresDatabases(POSTGRES_URL)
    yield manager
    manager.close()


@pytest.fixture
def database(request: pytest.FixtureRequest, backend: str) -> Iterator[Database]:
    if backend == "postgres":
        url = request.getfixturevalue("postgres_databases").fresh()
        db = open_database(url, migrate=False)
    else:
        db = open_database(sqlite_url(request.getfixturevalue("db_path")), migrate=False)
    yield db
    db.dispose()


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(datetime(TODAY.year, TODAY.month, TODAY.day, 9, 0))


@pytest.fixture
def services(database: Database, clock: FixedClock) -> Services:
    return Services.build(database.sessions, clock, "tester")


@dataclass
class Agency:
    """A small agency: one station with a supply room, a cabinet and two vehicles."""

    station: int
    room: int
    cabinet: int
    vehicle: int
    vehicle2: int
    narcan: int
    teva: int
    strips: int
    shield: int


@pytest.fixture
def agency(services: Services) -> Agency:
    catalog = services.catalog
    station = catalog.add_location("Station 1", LocationKind.STATION)
    room = catalog.add_location("Supply room", LocationKind.ROOM, station.id)
    cabinet = catalog.add_location("Cabinet A", LocationKind.CABINET, room.id)
    vehicle = catalog.add_location("Patrol 12", LocationKind.VEHICLE, station.id)
    vehicle2 = catalog.add_location("Patrol 14", LocationKind.VEHICLE, station.id)
    products = {p.name: p.id for p in catalog.list_products()}
    return Agency(
        station.id,
        room.id,
        cabinet.id,
        vehicle.id,
        vehicle2.id,
        products["Narcan 4 mg nasal spray"],
        products["Naloxone HCl 4 mg nasal spray (Teva)"],
        products["Fentanyl test strip"],
        products["Rescue breathing face shield"],
    )


@pytest.fixture(autouse=True)
def _windows_file_semantics(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test runs with Windows file semantics (tests/windows_files.py): renaming,
    replacing or deleting a file that is still open fails, as on the station PCs."""
    WindowsFiles().install(monkeypatch)
