"""Every login on a station PC uses the data folder the installer chose."""

from __future__ import annotations

from pathlib import Path

from lbn_desktop.__main__ import main
from lbn_desktop.config import DATA_DIR_ENV, Paths
from lbn_desktop.station_config import CONFIG_ENV


def _config(tmp_path: Path, text: str, monkeypatch) -> Path:
    path = tmp_path / "lbn-quartermaster.ini"
    path.write_text(text, encoding="utf-8")
    monkeypatch.setenv(CONFIG_ENV, str(path))
    monkeypatch.delenv(DATA_DIR_ENV, raising=False)
    return path


def test_the_installers_data_folder_is_used_by_every_login(tmp_path: Path, monkeypatch) -> None:
    shared = tmp_path / "ProgramData" / "LBN Quartermaster"
    _config(tmp_path, f"[data]\nfolder = {shared}\n", monkeypatch)
    paths = Paths.resolve()
    assert paths.data == shared.resolve()
    assert paths.database_file == shared.resolve() / "quartermaster.sqlite3"
    assert Paths.resolve(str(tmp_path / "mine")).data == (tmp_path / "mine").resolve()


def test_a_broken_or_empty_configuration_falls_back_to_the_user_folders(
    tmp_path: Path, monkeypatch
) -> None:
    _config(tmp_path, "this is not an ini file", monkeypatch)
    default = Paths.resolve().data
    assert "lbn-quartermaster" in str(default)
    _config(tmp_path, "[data]\nfolder =\n", monkeypatch)
    assert Paths.resolve().data == default


def test_a_scheduled_task_finds_the_agency_database_through_the_configuration(
    tmp_path: Path, monkeypatch, capsys
) -> None:
    shared = tmp_path / "shared"
    _config(tmp_path, f"[data]\nfolder = {shared}\n", monkeypatch)
    assert main(["check"]) == 1  # nothing there yet: refused, naming the configured folder
    assert str(shared.resolve()) in capsys.readouterr().err
