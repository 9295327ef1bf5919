"""`lbn-desktop check` lists entries inconsistent in time and rewrites nothing (exit status 1)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import update

from lbn_desktop.__main__ import main
from models.stock.entities import Operation
from tests.models.distribution_helpers import entry, receive_kits
from tests.snapshot import snapshot


def test_check_lists_a_distribution_dated_before_its_kits_arrived(
    services, database, agency, db_path: Path, tmp_path, capsys
) -> None:
    receive_kits(services, agency.vehicle, 2, lot="K-LATE", days_ago=0)
    services.distributions.record_distribution(entry(agency))
    args = ["check", "--database", str(db_path), "--data-dir", str(tmp_path / "data")]
    assert main(args) == 0
    assert "Entries consistent in time" in capsys.readouterr().out
    with database.sessions.begin() as s:  # a back-dated entry from before the rule existed
        s.execute(
            update(Operation)
            .where(Operation.reason == "distribute")
            .values(effective_on=date(2025, 12, 1))
        )
    before = snapshot(database.sessions)
    assert main(args) == 1
    out = capsys.readouterr().out
    assert "PROBLEM: Entry out of time order: Standard LBN kit lot K-LATE at Station 1 / " in out
    assert "on 2025-12-01" in out and "1 problem" in out
    assert snapshot(database.sessions) == before
