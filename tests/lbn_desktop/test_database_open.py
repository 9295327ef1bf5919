"""Opening a database: only ours (or empty) is opened; every refusal is one line, no traceback."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from lbn_desktop.__main__ import main
from lbn_desktop.database import DatabaseTooNew, open_database, sqlite_url
from lbn_desktop.database_file import DatabaseRefused
from models.common.errors import DomainError

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64

NEWER = (  # one row of alembic_version (there may be a head per feature) from the future
    "UPDATE alembic_version SET version_num = 'i999_future' "
    "WHERE rowid = (SELECT min(rowid) FROM alembic_version)"
)


def _cli(capsys, *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out + out.err


@pytest.mark.parametrize(("content", "name"), [(b"just some text\n", "notes.txt"), (PNG, "a.png")])
def test_a_file_that_is_not_sqlite_is_refused_in_one_line(tmp_path, capsys, content, name):
    path = tmp_path / name
    path.write_bytes(content)
    for command in ("check", "backup"):
        code, out = _cli(capsys, command, "--database", str(path))
        assert code != 0
        assert "not a SQLite file" in out and "Traceback" not in out
        assert len(out.strip().splitlines()) == 1
    assert path.read_bytes() == content


def test_another_programs_sqlite_file_is_left_untouched(tmp_path, capsys):
    path = tmp_path / "other.db"
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("CREATE TABLE contacts (name TEXT)")
        conn.commit()
    before = path.read_bytes()
    code, out = _cli(capsys, "check", "--database", str(path))
    assert code != 0 and "belongs to another program" in out
    assert path.read_bytes() == before
    assert not (tmp_path / "backups").exists()


def test_an_empty_file_becomes_a_new_database(tmp_path):
    path = tmp_path / "new.sqlite3"
    path.touch()
    open_database(sqlite_url(path)).dispose()
    with closing(sqlite3.connect(path)) as conn:
        assert conn.execute("SELECT count(*) FROM alembic_version").fetchone()[0] >= 1


def test_a_database_from_a_newer_version_is_refused(db_path):
    with closing(sqlite3.connect(db_path)) as conn:
        conn.execute(NEWER)
        conn.commit()
    with pytest.raises(DatabaseTooNew, match="newer version"):
        open_database(sqlite_url(db_path))


def test_a_read_only_database_is_checked_but_not_written(db_path, capsys, monkeypatch):
    real_access = os.access
    monkeypatch.setattr(
        os, "access", lambda p, mode: mode != os.W_OK and real_access(p, mode)
    )  # the OS says: read-only file in a read-only folder (tests may run as root)
    code, out = _cli(capsys, "check", "--database", str(db_path))
    assert code == 0, out
    with pytest.raises(DatabaseRefused, match="is read-only"):
        open_database(sqlite_url(db_path))


def test_a_full_disk_is_one_clear_refusal(database, services, agency):
    from datetime import date

    from models.stock.rows import ReceiveLine

    with closing(sqlite3.connect(database.sqlite_path)) as conn:
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
    from sqlalchemy import event

    event.listen(
        database.engine,
        "connect",
        lambda dbapi, _r: dbapi.execute(f"PRAGMA max_page_count={pages}"),
    )
    database.engine.dispose()
    lines = [ReceiveLine(agency.narcan, f"L{i}", date(2028, 1, 31), 5) for i in range(3000)]
    with pytest.raises(DomainError, match="disk holding the database is full"):
        services.stock.receive(agency.room, lines, note="x" * 900)


def test_a_killed_upgrade_or_backup_leaves_nothing_behind_after_the_next_start(db_path):
    backups = db_path.parent / "backups"
    backups.mkdir()
    leftovers = [backups / "q-before-upgrade.sqlite3.part", backups / "q.sqlite3.part-wal",
                 db_path.parent / f"{db_path.name}.restore-part"]  # fmt: skip
    for leftover in leftovers:
        leftover.write_bytes(b"half written")
    open_database(sqlite_url(db_path)).dispose()
    assert not any(p.exists() for p in leftovers)


def test_a_backup_into_a_folder_that_cannot_be_written_is_one_line(db_path, tmp_path, capsys):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the backup folder should be")
    code, out = _cli(capsys, "backup", "--database", str(db_path), "--to", str(blocker / "b.db"))
    assert code != 0 and "could not be written" in out and "Traceback" not in out
    assert len(out.strip().splitlines()) == 1


def test_a_backup_leaves_only_the_backup_and_its_checksum(db_path, tmp_path, capsys):
    target = tmp_path / "out" / "b.sqlite3"
    code, out = _cli(capsys, "backup", "--database", str(db_path), "--to", str(target))
    assert code == 0, out
    assert sorted(p.name for p in target.parent.iterdir()) == ["b.sqlite3", "b.sqlite3.sha256"]


def test_opening_tolerates_a_path_with_spaces_and_hashes(tmp_path):
    path = tmp_path / "my data #1" / "q.sqlite3"
    open_database(sqlite_url(path)).dispose()
    assert path.exists()
    open_database(sqlite_url(path), read_only=True).dispose()


def test_a_missing_file_cannot_be_checked(tmp_path):
    with pytest.raises(DatabaseRefused, match="does not exist"):
        open_database(sqlite_url(Path(tmp_path / "nope.sqlite3")), read_only=True)


HALF_WRITE = """
import os, signal, sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA cache_size=1")  # the change spills into the file before any commit
conn.execute("BEGIN IMMEDIATE")
conn.execute("UPDATE alembic_version SET version_num = 'half_written'")
conn.execute("CREATE TABLE spill(x)")
conn.executemany("INSERT INTO spill VALUES (?)", [(b"x" * 1000,) for _ in range(200)])
os.kill(os.getpid(), signal.SIGKILL)  # the -journal stays behind, "hot"
"""


def test_a_write_killed_in_rollback_journal_mode_is_rolled_back_on_the_next_start(db_path):
    with closing(sqlite3.connect(db_path)) as conn:  # as a restored file is, until reopened
        conn.execute("PRAGMA journal_mode=DELETE")
    before = sqlite3.connect(db_path)
    with closing(before):
        revisions = before.execute("SELECT version_num FROM alembic_version").fetchall()
    subprocess.run([sys.executable, "-c", HALF_WRITE, str(db_path)], check=False, timeout=60)
    journal = db_path.with_name(f"{db_path.name}-journal")
    assert journal.exists()
    database = open_database(sqlite_url(db_path))  # was: "cannot be read as a database"
    with database.engine.connect() as connection:
        rows = connection.exec_driver_sql("SELECT version_num FROM alembic_version").fetchall()
    database.dispose()
    assert [tuple(r) for r in rows] == revisions
    assert not journal.exists()
