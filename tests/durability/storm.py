"""The crash storm on any backend: workers killed at random moments, the books checked after each.

After every kill: nothing committed is lost, the ledger check holds (balances equal the sum of
the moves, nothing negative), no operation is half there (one without moves), the journal
(`change_log`) agrees with the operations, and the backend has nothing left over (a file, or a
session or lock on the server; see `storm_backends.py`). Counts everything into a `StormReport`.
"""

from __future__ import annotations

import random
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from alembic import command
from sqlalchemy import exists, func, select
from sqlalchemy.orm import Session

from lbn_desktop.database import Database, current_revisions, open_database
from models.common.entities import Change
from models.migrations.config import alembic_config, shipped_revisions
from models.stock.entities import Operation, StockMove
from models.stock.ledger_check import check_ledger
from tests.durability.forked import Worker

STATION_PREFIX = "storm-"
REPORTS: list[str] = []  # printed at the end of the run (tests/durability/conftest.py)


class Backend(Protocol):
    name: str
    url: str
    longest_wait: float | None  # for a killed worker's server session to end

    def url_for(self, station: str) -> str: ...
    def open(self) -> Database: ...
    def inside_transaction(self, station: str) -> bool | None: ...
    def until_inside_transaction(self, station: str, deadline: float) -> None: ...
    def leftovers(self, station: str) -> list[str]: ...


@dataclass(frozen=True)
class Kind:
    """A worker kind and its arguments (after the URL); `operations_per_commit`: how many
    operations one committed use case writes (None: a whole number of `whole`)."""

    name: str
    arguments: tuple[object, ...]
    operations_per_commit: int | None = 1
    whole: int = 1


@dataclass
class StormReport:
    backend: str
    what: str
    url: str = ""  # the database checked last
    kills: int = 0
    inside_transaction: int | None = None  # kills that hit an open transaction, where known
    printed: int = 0  # commits the workers printed
    operations: int = 0  # operations the workers' stations have in the books at the end
    seconds: float = 0.0
    longest_wait: float | None = None  # for a killed worker's server session to end
    problems: Counter[str] = field(default_factory=Counter)
    examples: list[str] = field(default_factory=list)

    def add(self, category: str, messages: list[str]) -> None:
        self.problems[category] += len(messages)
        room = max(0, 5 - len(self.examples))
        self.examples.extend(f"{category}: {m}" for m in messages[:room])

    def count_kill(self, inside: bool | None) -> None:
        self.kills += 1
        if inside is not None:
            self.inside_transaction = (self.inside_transaction or 0) + inside

    def line(self) -> str:
        """One line for people: kills, what was written, each kind of failure, time."""
        inside = ""
        if self.inside_transaction is not None:
            inside = f" ({self.inside_transaction} inside an open transaction)"
        done = f"{self.printed} commits printed, {self.operations} operations written"
        if self.what == "killed upgrade":
            done = f"{self.printed} finished before the kill"
        shown = dict.fromkeys(["lost", "unbalanced", "half", "journal", "left over"], 0)
        counts = ", ".join(f"{n} {c}" for c, n in {**shown, **self.problems}.items())
        waited = ""
        if self.longest_wait is not None:
            waited = f"; sessions gone within {self.longest_wait:.2f} s"
        return (
            f"{self.what} on {self.backend}: {self.kills} kills{inside}; {done}; {counts}; "
            f"{self.seconds:.0f} s{waited}"
        )

    def publish(self) -> None:
        REPORTS.append(self.line())
        assert not sum(self.problems.values()), f"{self.line()}\n" + "\n".join(self.examples)


def run_storm(backend: Backend, kinds: list[Kind], kills: int, seed: int) -> StormReport:
    """`kills` workers, the kinds in turn, each killed at a random moment after its first commit."""
    report, rng = StormReport(backend.name, "crash storm"), random.Random(seed)
    started = time.monotonic()
    expected: dict[str, Kind] = {}
    must_exist = _books(backend, expected, report)
    for kill in range(kills):
        kind, station = kinds[kill % len(kinds)], f"{STATION_PREFIX}{kill}"
        expected[station] = kind
        worker = Worker(station, kind.name, backend.url_for(station), *kind.arguments)
        lines = _kill_at_random(worker, backend, rng, report)
        report.add("left over", backend.leftovers(station))
        ids = _books(backend, expected, report)
        report.printed += sum(x.startswith(("committed", "restored")) for x in lines)
        missing = (must_exist | _printed_operations(lines)) - ids
        report.add("lost", [f"kill {kill} ({kind.name}) lost operation {i}" for i in missing])
        must_exist = ids
    report.operations = _operation_count(backend)
    report.seconds, report.longest_wait = time.monotonic() - started, backend.longest_wait
    return report


def _kill_at_random(
    worker: Worker, backend: Backend, rng: random.Random, report: StormReport
) -> list[str]:
    """Lines the worker printed (what it committed) before a SIGKILL at a random moment."""
    first = worker.first_line()
    if not first.startswith(("committed", "restored")):
        raise AssertionError(f"worker {worker.station} did not commit: {first}{worker.kill()}")
    time.sleep(rng.uniform(0.0, 0.4))
    report.count_kill(backend.inside_transaction(worker.station))
    return [first, *worker.kill()]


def _printed_operations(lines: list[str]) -> set[int]:
    """Operation ids from the workers' `committed <id>` lines."""
    words = [line.split() for line in lines]
    return {int(w[1]) for w in words if len(w) == 2 and w[0] == "committed" and w[1].isdigit()}


def _books(backend: Backend, expected: dict[str, Kind], report: StormReport) -> set[int]:
    """Operation ids, after counting what is wrong with the books into `report`."""
    database = backend.open()
    try:
        with database.sessions() as s:
            report.add("unbalanced", check_ledger(s).problems)
            half = _operations_without_moves(s)
            report.add("half", [f"operation {i} has no moves" for i in half])
            report.add("journal", _journal_problems(s, expected))
            return set(s.scalars(select(Operation.id)))
    finally:
        database.dispose()


def _operations_without_moves(s: Session) -> list[int]:
    moved = exists().where(StockMove.operation_id == Operation.id)
    return list(s.scalars(select(Operation.id).where(~moved)))


def _operation_count(backend: Backend) -> int:
    database = backend.open()
    try:
        with database.sessions() as s:
            mine = Operation.station.like(f"{STATION_PREFIX}%")
            return s.scalar(select(func.count(Operation.id)).where(mine)) or 0
    finally:
        database.dispose()


def _journal_problems(s: Session, expected: dict[str, Kind]) -> list[str]:
    """Each worker's operations against the committed writes its station journaled."""
    mine = Operation.station.like(f"{STATION_PREFIX}%")
    rows = s.execute(
        select(Operation.station, func.count(Operation.id)).where(mine).group_by(Operation.station)
    )
    operations: Counter[str] = Counter({str(station): count for station, count in rows})
    journaled = Counter(
        station
        for station, tables in s.execute(
            select(Change.station, Change.tables).where(Change.station.like(f"{STATION_PREFIX}%"))
        )
        if "operation" in tables.split(",")
    )
    problems = []
    for station in set(operations) | set(journaled):
        kind, count, writes = expected[station], operations[station], journaled[station]
        if kind.operations_per_commit is None:
            agrees = count % kind.whole == 0 and (count > 0) == (writes > 0)
        else:
            agrees = count == writes * kind.operations_per_commit
        if not agrees:
            problems.append(f"{station} ({kind.name}): {count} operations, {writes} journaled")
    return problems


def run_upgrade_storm(
    copies: Callable[[], Backend], kills: int, seed: int, moves_total: int
) -> StormReport:
    """Upgrades of fresh copies of a database one revision behind, killed at random moments
    within the time one upgrade left alone takes (every other one, where the backend shows it,
    once the upgrade's transaction is open); the next start must finish it and keep the data."""
    calibration, rng, started = copies(), random.Random(seed), time.monotonic()
    report = StormReport(calibration.name, "killed upgrade")
    worker = Worker("upgrade-0", "upgrade", calibration.url_for("upgrade-0"))
    assert worker.first_line() == "committed upgrade\n", worker.kill()
    duration = time.monotonic() - worker.started
    worker.finish()
    for kill in range(1, kills + 1):
        backend, station = copies(), f"upgrade-{kill}"
        worker = Worker(station, "upgrade", backend.url_for(station))
        if kill % 2:
            backend.until_inside_transaction(station, worker.started + duration)
        time.sleep(rng.uniform(0.0, duration / (4 if kill % 2 else 1)))
        report.count_kill(backend.inside_transaction(station))
        report.printed += worker.kill().count("committed upgrade")
        report.add("left over", backend.leftovers(station))
        report.longest_wait = _longest(report.longest_wait, backend.longest_wait)
        database, report.url = open_database(backend.url), backend.url  # next start upgrades
        try:
            report.add("unfinished", _upgrade_problems(database, moves_total))
            _books(backend, {}, report)
        finally:
            database.dispose()
    report.seconds = time.monotonic() - started
    return report


def _longest(a: float | None, b: float | None) -> float | None:
    return None if a is None and b is None else max(a or 0.0, b or 0.0)


def _upgrade_problems(database: Database, moves_total: int) -> list[str]:
    revisions = current_revisions(database.engine)
    problems = [] if revisions == set(shipped_revisions()[1]) else [f"at {sorted(revisions)}"]
    with database.sessions() as s:
        total = s.scalar(select(func.sum(StockMove.quantity)))
    return problems if total == moves_total else [*problems, f"moves sum to {total}"]


def downgrade_one_revision(url: str) -> None:
    """Takes the database at `url` back to the revision before the newest one."""
    config = alembic_config()
    database = open_database(url, migrate=False)
    try:
        with database.engine.begin() as connection:
            config.attributes["connection"] = connection
            command.downgrade(config, "-1")
        assert current_revisions(database.engine) != set(shipped_revisions()[1])
    finally:
        database.dispose()
