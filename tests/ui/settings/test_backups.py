"""QA: Settings → Backups writes backups where the list shows them and restores the one chosen."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from lbn_desktop.maintenance import DatabaseMaintenance
from models.services import Services
from models.stock.rows import ReceiveLine
from ui.settings.backup_settings_tab import BackupSettingsTab


@pytest.fixture
def tab(qtbot, database, clock, agency, tmp_path: Path, monkeypatch) -> BackupSettingsTab:
    maintenance = DatabaseMaintenance(database, tmp_path / "backups")
    services = Services.build(database.sessions, clock, "tester", maintenance)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    widget = BackupSettingsTab(services)
    qtbot.addWidget(widget)
    widget.show()
    widget.refresh()
    return widget


def _units(tab: BackupSettingsTab) -> int:
    return sum(r.quantity for r in tab._services.stock.list_on_hand())


def _receive(tab: BackupSettingsTab, agency, quantity: int) -> None:
    line = ReceiveLine(agency.narcan, f"L{quantity}", date(2028, 1, 31), quantity)
    tab._services.stock.receive(agency.room, [line])


def test_back_up_now_lists_the_backup_without_asking_for_a_file(qtbot, tab, monkeypatch):
    asked = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: asked.append(a) or ("", ""))
    assert tab.backups.count() == 0 and not tab.restore_button.isEnabled()
    qtbot.mouseClick(tab.backup_button, Qt.MouseButton.LeftButton)
    assert asked == []
    assert tab.backups.count() == 1 and "manual" in tab.backups.item(0).text()
    assert "Backup written and checked" in tab.message.text()


def test_restore_selected_brings_back_the_data_of_that_backup(qtbot, tab, agency):
    _receive(tab, agency, 10)
    qtbot.mouseClick(tab.backup_button, Qt.MouseButton.LeftButton)
    _receive(tab, agency, 5)
    assert _units(tab) == 15
    changed = []
    tab.data_changed.connect(lambda: changed.append(True))
    tab.backups.setCurrentRow(0)
    assert tab.restore_button.isEnabled()
    qtbot.mouseClick(tab.restore_button, Qt.MouseButton.LeftButton)
    assert "Restored" in tab.message.text(), tab.message.text()
    assert _units(tab) == 10 and changed == [True]
    names = [tab.backups.item(i).text() for i in range(tab.backups.count())]
    assert any("before-restore" in n for n in names)  # the replaced data was kept


def test_save_a_copy_elsewhere_and_restore_it_from_file(qtbot, tab, agency, tmp_path, monkeypatch):
    target = tmp_path / "usb" / "copy.sqlite3"
    target.parent.mkdir()
    _receive(tab, agency, 7)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    qtbot.mouseClick(tab.copy_button, Qt.MouseButton.LeftButton)
    assert target.exists()
    _receive(tab, agency, 3)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(target), ""))
    qtbot.mouseClick(tab.restore_file_button, Qt.MouseButton.LeftButton)
    assert _units(tab) == 7, tab.message.text()


def test_check_points_to_personal_data_which_is_reviewed_and_redacted(
    qtbot, tab, database, tmp_path: Path
):
    from sqlalchemy import text

    from ui.settings.personal_data_dialog import PersonalDataDialog

    with database.sessions.begin() as s:
        s.execute(
            text(
                'INSERT INTO operation (reason, "user", at, note) '
                "VALUES ('adjust', 'old', '2025-01-01 09:00:00', 'kit to John Smith 518-555-0199')"
            )
        )
    qtbot.mouseClick(tab.check_button, Qt.MouseButton.LeftButton)
    assert "1 stored text looks like personal data" in tab.message.text()
    dialog = PersonalDataDialog(tab._services.text_audit, tab)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.table.rowCount() == 1 and dialog.table.item(0, 2).text() == "a phone number"
    assert not dialog.redact_button.isEnabled()
    dialog.table.selectRow(0)
    dialog.grab().save(str(tmp_path / "personal_data_dialog.png"))
    qtbot.mouseClick(dialog.redact_button, Qt.MouseButton.LeftButton)
    assert dialog.table.rowCount() == 0
    assert "No stored text" in dialog.summary.text()
