"""Smoke test of the benchmark generator at its smallest scale: consistent and reproducible."""

from __future__ import annotations

from pathlib import Path

from benchmarks.generate import generate
from lbn_desktop.database import open_database, sqlite_url
from models.stock.ledger_check import check_ledger


def test_tiny_agency_is_consistent_and_reproducible(tmp_path: Path) -> None:
    first = generate(tmp_path / "a.sqlite3", "tiny", seed=7)
    second = generate(tmp_path / "b.sqlite3", "tiny", seed=7)
    first.pop("seconds"), second.pop("seconds")
    assert first == second
    assert first["distributions"] > 100 and first["stock_moves"] > first["distributions"]
    database = open_database(sqlite_url(tmp_path / "a.sqlite3"), migrate=False)
    with database.sessions() as s:
        report = check_ledger(s)
    database.dispose()
    assert report.ok, report.problems[:5]
