"""The Windows-semantics fixture itself: it refuses what Windows refuses and nothing more."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.windows_files import WindowsFiles


def test_an_open_file_cannot_be_renamed_replaced_or_deleted(tmp_path: Path, windows_files) -> None:
    held, other = tmp_path / "held.txt", tmp_path / "other.txt"
    held.write_text("a")
    other.write_text("b")
    with held.open():
        for attempt in (
            lambda: held.rename(tmp_path / "moved.txt"),
            lambda: other.replace(held),
            lambda: held.unlink(),
        ):
            with pytest.raises(PermissionError, match="WinError 32"):
                attempt()
    held.rename(tmp_path / "moved.txt")  # closed: allowed again
    other.unlink()
    assert isinstance(windows_files, WindowsFiles) and len(windows_files.refusals) == 3


def test_a_sqlite_connection_left_open_holds_its_file(tmp_path: Path, windows_files) -> None:
    path = tmp_path / "db.sqlite3"
    conn = sqlite3.connect(path)
    with conn:  # commits, but does not close: the classic mistake
        conn.execute("CREATE TABLE t (x)")
    with pytest.raises(PermissionError):
        path.unlink()
    conn.close()
    path.unlink()
