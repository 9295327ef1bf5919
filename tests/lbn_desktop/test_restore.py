"""Restore cannot make things worse: the candidate is checked completely before the live file
is touched, then swapped in by rename, with a named safety copy."""

from __future__ import annotations

import random
import shutil
import sqlite3
from contextlib import closing, suppress
from datetime import date

import pytest

from lbn_desktop.backup import integrity_problem
from lbn_desktop.maintenance import DatabaseMaintenance, RestoreRefused
from models.common.errors import DomainError
from models.stock.ledger_check import check_ledger
from models.stock.rows import ReceiveLine

NEWER = (  # one row of alembic_version (there may be a head per feature) from the future
    "UPDATE alembic_version SET version_num = 'i999_future' "
    "WHERE rowid = (SELECT min(rowid) FROM alembic_version)"
)


@pytest.fixture
def maintenance(database, tmp_path) -> DatabaseMaintenance:
    return DatabaseMaintenance(database, tmp_path / "backups")


def _receive(services, agency, quantity: int) -> None:
    line = ReceiveLine(agency.narcan, f"L{quantity}", date(2028, 1, 31), quantity)
    services.stock.receive(agency.room, [line])


def _units(services) -> int:
    return sum(r.quantity for r in services.stock.list_on_hand())


def _edit(path, sql: str) -> None:
    with closing(sqlite3.connect(path)) as conn:
        conn.execute(sql)
        conn.commit()


def _refused_and_unchanged(maintenance, services, source, match: str) -> None:
    units = _units(services)
    with pytest.raises(RestoreRefused, match=match):
        maintenance.restore(source)
    assert _units(services) == units
    assert maintenance.check().ok


def test_a_good_backup_is_restored_and_the_safety_copy_is_named(
    maintenance, services, agency, database
):
    _receive(services, agency, 10)
    backup = maintenance.backup_now()
    _receive(services, agency, 7)
    safety = maintenance.restore(backup)
    assert _units(services) == 10
    assert "before-restore" in safety.name and safety.exists()
    assert (safety.parent / (safety.name + ".sha256")).exists()
    folder = database.sqlite_path.parent
    assert not list(folder.glob("*.restore-part*")) and not list(folder.glob("backups/*.part*"))


def test_a_backup_from_a_newer_version_is_refused_before_the_live_file_changes(
    maintenance, services, agency, tmp_path
):
    _receive(services, agency, 10)
    newer = tmp_path / "newer.sqlite3"
    shutil.copyfile(maintenance.backup_now(), newer)
    _edit(
        newer,
        NEWER,
    )
    _refused_and_unchanged(maintenance, services, newer, "newer version")


def test_a_backup_with_one_balance_changed_is_refused(maintenance, services, agency, tmp_path):
    _receive(services, agency, 10)
    forged = tmp_path / "forged.sqlite3"
    shutil.copyfile(maintenance.backup_now(), forged)
    _edit(forged, "UPDATE balance SET quantity = quantity + 1 WHERE quantity > 0")
    _refused_and_unchanged(maintenance, services, forged, "unbalanced books")


def test_a_backup_changed_after_it_was_written_fails_its_checksum(maintenance, services, agency):
    _receive(services, agency, 10)
    backup = maintenance.backup_now()
    _edit(backup, "UPDATE operation SET note = 'edited later'")
    _refused_and_unchanged(maintenance, services, backup, "checksum does not match")


def test_random_byte_corruptions_never_harm_the_live_database(
    maintenance, services, agency, tmp_path
):
    _receive(services, agency, 10)
    backup = maintenance.backup_now()
    good = backup.read_bytes()
    rng = random.Random(21)
    for attempt in range(25):
        broken = tmp_path / f"broken{attempt}.sqlite3"
        data = bytearray(good)
        data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
        broken.write_bytes(bytes(data))
        shutil.copyfile(backup.with_name(backup.name + ".sha256"), f"{broken}.sha256")
        with pytest.raises(DomainError):  # the checksum catches every one of them
            maintenance.restore(broken)
    assert _units(services) == 10 and maintenance.check().ok


def test_corrupt_backups_without_a_checksum_are_refused_or_restored_whole(
    maintenance, services, agency, tmp_path, database
):
    _receive(services, agency, 10)
    good = maintenance.backup_now().read_bytes()
    rng = random.Random(7)
    for attempt in range(25):
        broken = tmp_path / f"old{attempt}.sqlite3"
        data = bytearray(good)
        data[rng.randrange(len(data))] = rng.randrange(256)
        broken.write_bytes(bytes(data))
        with suppress(DomainError):
            maintenance.restore(broken)
        assert integrity_problem(database.sqlite_path) is None
        with database.sessions() as s:
            assert check_ledger(s).ok
