"""Backups tab: where the data lives, back up now, restore a backup, check the books."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models.errors import DomainError
from models.services import Services


class BackupSettingsTab(QWidget):
    data_changed = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._maintenance = services.maintenance
        self.where = QLabel()
        self.where.setWordWrap(True)
        self.backups = QListWidget()
        self.backup_button = QPushButton("Back up now…")
        self.restore_button = QPushButton("Restore…")
        self.check_button = QPushButton("Check database")
        self.message = QLabel()
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        for button in (self.backup_button, self.restore_button, self.check_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.where)
        layout.addWidget(QLabel("Backups (newest first; one is made automatically each day):"))
        layout.addWidget(self.backups, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self.backup_button.clicked.connect(self._on_backup)
        self.restore_button.clicked.connect(self._on_restore)
        self.check_button.clicked.connect(self._on_check)
        enabled = self._maintenance is not None
        for button in (self.backup_button, self.restore_button, self.check_button):
            button.setEnabled(enabled)

    def refresh(self) -> None:
        self.backups.clear()
        if self._maintenance is None:
            self.where.setText("Backups are not available for this database connection.")
            return
        self.where.setText(f"Data is kept in: {self._maintenance.describe()}")
        for info in self._maintenance.list_backups():
            size = f"{info.size_bytes / 1_000_000:.1f} MB"
            self.backups.addItem(f"{info.made_at:%Y-%m-%d %H:%M}  {info.path.name}  ({size})")

    def _show(self, text: str, ok: bool) -> None:
        color = "#1b5e20" if ok else "#b00020"
        self.message.setStyleSheet(f"color: {color};")
        self.message.setText(text)

    @Slot()
    def _on_backup(self) -> None:
        assert self._maintenance is not None
        target, _ = QFileDialog.getSaveFileName(
            self, "Back up to", "quartermaster-backup.sqlite3", "SQLite database (*.sqlite3)"
        )
        if not target:
            return
        try:
            made = self._maintenance.backup_now(Path(target))
        except DomainError as refusal:
            self._show(str(refusal), False)
            return
        self._show(f"Backup written and checked: {made}", True)
        self.refresh()

    @Slot()
    def _on_restore(self) -> None:
        assert self._maintenance is not None
        source, _ = QFileDialog.getOpenFileName(
            self, "Restore from backup", "", "SQLite database (*.sqlite3 *.db);;All files (*)"
        )
        if not source:
            return
        answer = QMessageBox.question(
            self,
            "Restore backup",
            f"Replace the current data with {Path(source).name}?\n\n"
            "A copy of the current data is kept in the backups folder first.",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            safety = self._maintenance.restore(Path(source))
        except DomainError as refusal:
            self._show(str(refusal), False)
            return
        self._show(f"Restored. The previous data was kept as {safety.name}.", True)
        self.refresh()
        self.data_changed.emit()

    @Slot()
    def _on_check(self) -> None:
        assert self._maintenance is not None
        report = self._maintenance.check()
        lines = report.facts + report.problems
        self._show("\n".join(lines) or "Nothing to check.", report.ok)
