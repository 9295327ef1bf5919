"""Station PCs: commands never create an empty database, and SQLite files stay off network
shares and synced cloud folders."""

from __future__ import annotations

from pathlib import Path, PureWindowsPath

import pytest

from lbn_desktop.__main__ import main
from lbn_desktop.file_location import (
    UnsafeDatabaseLocation,
    check_sqlite_location,
    shared_location,
    with_connect_timeout,
)


@pytest.mark.parametrize(
    "command", [["check"], ["backup"], ["report", "expiration", "--out", "x.pdf"]]
)
def test_a_command_refuses_a_missing_database_and_names_the_path(
    tmp_path: Path, capsys, command
) -> None:
    code = main(["--data-dir", str(tmp_path), *command])
    err = capsys.readouterr().err
    assert code != 0
    assert str(tmp_path / "quartermaster.sqlite3") in err and "no database" in err.lower()
    assert not (tmp_path / "quartermaster.sqlite3").exists()


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        (r"\\county-fs\quartermaster\quartermaster.sqlite3", "on a network share"),
        ("//county-fs/quartermaster/quartermaster.sqlite3", "on a network share"),
        (r"C:\Users\sgt\OneDrive - County\LBN\quartermaster.sqlite3", "in a OneDrive folder"),
        ("/home/sgt/Dropbox/LBN/quartermaster.sqlite3", "in a Dropbox folder"),
        ("/home/sgt/Google Drive/quartermaster.sqlite3", "in a Google Drive folder"),
    ],
)
def test_network_and_cloud_folders_are_recognised(path: str, reason: str) -> None:
    target = PureWindowsPath(path) if "\\" in path else Path(path)
    assert shared_location(Path(str(target))) == reason


def test_the_onedrive_folder_is_recognised_from_its_environment_variable(
    tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setenv("OneDrive", str(tmp_path / "Work files"))
    (tmp_path / "Work files").mkdir()
    assert shared_location(tmp_path / "Work files" / "q.sqlite3") == "in a OneDrive folder"


def test_a_local_folder_is_fine_and_a_share_is_refused_with_the_way_out(tmp_path: Path) -> None:
    assert shared_location(tmp_path / "quartermaster.sqlite3") is None
    with pytest.raises(UnsafeDatabaseLocation, match="PostgreSQL"):
        check_sqlite_location(Path("//county-fs/lbn/quartermaster.sqlite3"))


def test_the_window_refuses_a_database_in_a_synced_folder_before_creating_it(
    tmp_path: Path, capsys
) -> None:
    folder = tmp_path / "Dropbox"
    code = main(["--data-dir", str(folder), "check"])
    assert code != 0 and "Dropbox" in capsys.readouterr().err
    assert not (folder / "quartermaster.sqlite3").exists()


def test_an_unreachable_server_is_one_clear_line_with_a_timeout(capsys) -> None:
    url = "postgresql+psycopg://lbn:lbn@127.0.0.1:9/lbn"  # nothing listens on port 9
    assert main(["check", "--database", url]) == 1
    err = capsys.readouterr().err
    assert "127.0.0.1:9 did not answer within 5 seconds" in err
    assert "Traceback" not in err
    assert with_connect_timeout(url).endswith("?connect_timeout=5")
    assert with_connect_timeout(url + "?connect_timeout=3").endswith("connect_timeout=3")


def test_folders_with_hash_percent_spaces_and_accents_work_for_check_and_backup(
    tmp_path: Path, capsys
) -> None:
    from lbn_desktop.database import open_database, sqlite_url

    folder = tmp_path / "Agency #2 100%20 Ñandú"
    open_database(sqlite_url(folder / "quartermaster.sqlite3")).dispose()
    assert (folder / "quartermaster.sqlite3").is_file()
    assert main(["check", "--data-dir", str(folder)]) == 0
    assert main(["backup", "--data-dir", str(folder)]) == 0
    assert "Backup written and checked" in capsys.readouterr().out
    assert len(list((folder / "backups").glob("*.sqlite3"))) == 1
