"""Hypothesis drives random stock operations; the books must balance after every step."""

from __future__ import annotations

import itertools
import shutil
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    rule,
    run_state_machine_as_test,
)

from lbn_desktop.database import open_database, sqlite_url
from models.common.clock import FixedClock
from models.common.errors import DomainError
from models.services import Services
from models.stock.entities import LocationKind
from models.stock.ledger_check import check_ledger
from models.stock.rows import ReceiveLine

LOTS = [("L1", date(2027, 1, 31)), ("L2", date(2026, 3, 31)), ("L3", date(2028, 5, 31))]


def test_ledger_state_machine(backend: str, request: pytest.FixtureRequest) -> None:
    """Runs on SQLite and PostgreSQL alike (refusals of bad values included)."""
    if backend == "postgres":
        new_database = request.getfixturevalue("postgres_databases").fresh
    else:
        template, folder = (request.getfixturevalue(f) for f in ("template_db", "tmp_path"))
        new_database = _sqlite_copies(template, folder)
    machine = type(f"LedgerMachineOn{backend}", (LedgerMachine,), {"new_database": new_database})
    run_state_machine_as_test(
        machine,
        settings=settings(
            max_examples=25,
            stateful_step_count=30,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow],
        ),
    )


def _sqlite_copies(template: Path, folder: Path) -> Callable[[], str]:
    numbers = itertools.count()

    def copy() -> str:
        path = folder / f"db{next(numbers)}.sqlite3"
        shutil.copyfile(template, path)
        return sqlite_url(path)

    return copy


class LedgerMachine(RuleBasedStateMachine):
    new_database: Callable[[], str]  # the URL of a fresh copy of the seeded template

    @initialize()
    def open(self) -> None:
        self.db = open_database(type(self).new_database(), migrate=False)
        self.services = Services.build(self.db.sessions, FixedClock(datetime(2026, 1, 15)), "hyp")
        catalog = self.services.catalog
        station = catalog.add_location("S", LocationKind.STATION)
        self.places = [
            station.id,
            catalog.add_location("Room", LocationKind.ROOM, station.id).id,
            catalog.add_location("Car", LocationKind.VEHICLE, station.id).id,
        ]
        self.product = catalog.list_products()[0].id
        self.model: dict[tuple[str, int], int] = {}
        self.ops: list[int] = []

    def teardown(self) -> None:
        self.db.dispose()

    def _lot_id(self, number: str) -> int | None:
        lot = self.services.stock.find_lot(self.product, number)
        return None if lot is None else lot.id

    @rule(lot=st.sampled_from(LOTS), where=st.integers(0, 2), qty=st.integers(-2, 30))
    def receive(self, lot, where, qty) -> None:
        try:
            op = self.services.stock.receive(
                self.places[where], [ReceiveLine(self.product, lot[0], lot[1], qty)]
            )
        except DomainError:
            assert qty <= 0
            return
        self.ops.append(op.id)

    @rule(
        lot=st.sampled_from(LOTS), a=st.integers(0, 2), b=st.integers(0, 2), qty=st.integers(-1, 40)
    )
    def transfer(self, lot, a, b, qty) -> None:
        lot_id = self._lot_id(lot[0])
        if lot_id is None:
            return
        try:
            op = self.services.stock.transfer(lot_id, self.places[a], self.places[b], qty)
        except DomainError:
            return
        self.ops.append(op.id)

    @rule(lot=st.sampled_from(LOTS), where=st.integers(0, 2), counted=st.integers(-1, 40))
    def count(self, lot, where, counted) -> None:
        lot_id = self._lot_id(lot[0])
        if lot_id is None:
            return
        try:
            op = self.services.stock.count(lot_id, self.places[where], counted, "count")
        except DomainError:
            assert counted < 0
            return
        if op is not None:
            self.ops.append(op.id)
            assert self.services.stock.on_hand(lot_id, self.places[where]) == counted

    @rule(lot=st.sampled_from(LOTS), where=st.integers(0, 2), qty=st.integers(1, 20))
    def dispose(self, lot, where, qty) -> None:
        lot_id = self._lot_id(lot[0])
        if lot_id is None:
            return
        try:
            op = self.services.stock.dispose(lot_id, self.places[where], qty, "expired")
        except DomainError:
            return
        self.ops.append(op.id)

    @rule(pick=st.integers(0, 1000))
    def reverse(self, pick) -> None:
        if not self.ops:
            return
        try:
            self.services.stock.reverse(self.ops[pick % len(self.ops)], "oops")
        except DomainError:
            return

    @invariant()
    def books_balance(self) -> None:
        if not hasattr(self, "db"):
            return
        with self.db.sessions() as s:
            report = check_ledger(s)
        assert report.ok, report.problems
        for row in self.services.stock.list_on_hand():
            assert row.quantity > 0
