"""Backups under Windows file semantics: closed connections, one self-contained file, clear
refusals, odd folder names."""

from __future__ import annotations

import os
import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from lbn_desktop.backup import BackupFailed, backup_file, daily_backup, integrity_problem


def _live_database(path: Path) -> sqlite3.Connection:
    """A database in WAL mode with a connection still open, as the running app has it."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("CREATE TABLE t (x INTEGER)")
    conn.executemany("INSERT INTO t VALUES (?)", [(i,) for i in range(50)])
    conn.commit()
    return conn


def test_a_backup_is_one_closed_file_in_rollback_journal_mode(tmp_path, windows_files) -> None:
    live = _live_database(tmp_path / "quartermaster.sqlite3")
    try:
        target = backup_file(tmp_path / "quartermaster.sqlite3", tmp_path / "backups" / "b.sqlite3")
    finally:
        live.close()
    assert sorted(p.name for p in target.parent.iterdir()) == ["b.sqlite3", "b.sqlite3.sha256"]
    uri = f"{target.as_uri()}?mode=ro"
    conn = sqlite3.connect(uri, uri=True)
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert conn.execute("SELECT count(*) FROM t").fetchone()[0] == 50
    finally:
        conn.close()
    target.unlink()  # nothing holds it: Windows would allow this too
    assert windows_files.refusals == []


def test_folders_with_hash_percent_spaces_and_accents_work(tmp_path, windows_files) -> None:
    folder = tmp_path / "Quartermaster #2 100% Ñandú"
    folder.mkdir()
    _live_database(folder / "q.sqlite3").close()
    made = daily_backup(folder / "q.sqlite3", folder / "backups", now=datetime(2026, 12, 7))
    assert made is not None and integrity_problem(made) is None


def test_a_full_disk_is_a_clear_refusal_and_leaves_nothing(tmp_path, monkeypatch) -> None:
    _live_database(tmp_path / "q.sqlite3").close()
    real_connect = sqlite3.connect

    def full_disk(database, *args, **kwargs):
        if str(database).endswith(".part"):
            raise sqlite3.OperationalError("database or disk is full")
        return real_connect(database, *args, **kwargs)

    monkeypatch.setattr(sqlite3, "connect", full_disk)
    (tmp_path / "backups").mkdir()
    with pytest.raises(BackupFailed, match=r"disk is full.*free space"):
        backup_file(tmp_path / "q.sqlite3", tmp_path / "backups" / "b.sqlite3")
    assert list((tmp_path / "backups").iterdir()) == []


def test_a_folder_that_cannot_be_made_is_a_clear_refusal(tmp_path) -> None:
    _live_database(tmp_path / "q.sqlite3").close()
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the backup folder should be")
    with pytest.raises(BackupFailed, match="could not be written"):
        backup_file(tmp_path / "q.sqlite3", blocker / "b.sqlite3")


def test_the_move_into_place_is_retried_while_another_program_holds_the_target(
    tmp_path, monkeypatch
) -> None:
    _live_database(tmp_path / "q.sqlite3").close()
    real_replace, calls = os.replace, []

    def flaky(src, dst, **kw):  # an antivirus scanner holding the new file twice
        calls.append(dst)
        if len(calls) < 3:
            raise PermissionError(13, "[WinError 32] in use")
        real_replace(src, dst, **kw)

    monkeypatch.setattr(os, "replace", flaky)
    monkeypatch.setattr("lbn_desktop.backup.MOVE_PAUSE_S", 0)
    made = backup_file(tmp_path / "q.sqlite3", tmp_path / "b.sqlite3")
    assert len(calls) == 3 and integrity_problem(made) is None
