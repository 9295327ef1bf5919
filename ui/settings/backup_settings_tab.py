"""Backups tab: where the data lives, back up now, restore a backup, check the books and texts."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models.common.errors import DomainError
from models.common.wording import noun
from models.services import Services
from ui.settings.personal_data_dialog import PersonalDataDialog
from ui.widgets.save_path import ask_save_path


class BackupSettingsTab(QWidget):
    data_changed = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._maintenance = services.maintenance
        self.where = QLabel()
        self.where.setWordWrap(True)
        self.backups = QListWidget()
        self.backup_button = QPushButton("Back up now")
        self.copy_button = QPushButton("Save a copy to…")
        self.copy_button.setToolTip("A backup on a USB stick or network folder, away from this PC")
        self.restore_button = QPushButton("Restore selected")
        self.restore_file_button = QPushButton("Restore from file…")
        self.check_button = QPushButton("Check database")
        self.personal_data_button = QPushButton("Personal data…")
        self.personal_data_button.setToolTip(
            "Review stored texts that look like personal data and redact them"
        )
        self.message = QLabel()
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        for button in self._buttons():
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.where)
        layout.addWidget(QLabel("Backups (newest first; one is made automatically each day):"))
        layout.addWidget(self.backups, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self.backup_button.clicked.connect(self._on_backup)
        self.copy_button.clicked.connect(self._on_copy)
        self.restore_button.clicked.connect(self._on_restore_selected)
        self.restore_file_button.clicked.connect(self._on_restore_file)
        self.check_button.clicked.connect(self._on_check)
        self.personal_data_button.clicked.connect(self._on_personal_data)
        self.backups.currentRowChanged.connect(self._update_buttons)
        self.backups.itemDoubleClicked.connect(self._on_restore_selected)
        self._update_buttons()

    def _buttons(self) -> tuple[QPushButton, ...]:
        return (
            self.backup_button,
            self.copy_button,
            self.restore_button,
            self.restore_file_button,
            self.check_button,
            self.personal_data_button,
        )

    @Slot()
    def _update_buttons(self) -> None:
        for button in self._buttons():
            button.setEnabled(self._maintenance is not None)
        self.restore_button.setEnabled(
            self._maintenance is not None and self.backups.currentItem() is not None
        )

    def refresh(self) -> None:
        self.backups.clear()
        if self._maintenance is None:
            self.where.setText("Backups are not available for this database connection.")
            return
        self.where.setText(f"Data is kept in: {self._maintenance.describe()}")
        for info in self._maintenance.list_backups():
            size = f"{info.size_bytes / 1_000_000:.1f} MB"
            item = QListWidgetItem(f"{info.made_at:%Y-%m-%d %H:%M}  {info.path.name}  ({size})")
            item.setData(Qt.ItemDataRole.UserRole, str(info.path))
            self.backups.addItem(item)
        self._update_buttons()

    def _show(self, text: str, ok: bool) -> None:
        color = "#1b5e20" if ok else "#b00020"
        self.message.setStyleSheet(f"color: {color};")
        self.message.setText(text)

    @Slot()
    def _on_backup(self) -> None:
        """Into the backups folder, so it is listed here and kept with the daily ones."""
        self._write_backup(None)

    @Slot()
    def _on_copy(self) -> None:
        target = ask_save_path(
            self,
            "backup",
            "Save a copy of the data to",
            f"quartermaster-{self._services.clock.now():%Y-%m-%d-%H%M}.sqlite3",
            "SQLite database (*.sqlite3)",
        )
        if target:
            self._write_backup(target)

    def _write_backup(self, target: Path | None) -> None:
        assert self._maintenance is not None
        try:
            made = self._maintenance.backup_now(target)
        except DomainError as refusal:
            self._show(str(refusal), False)
            return
        self._show(f"Backup written and checked: {made}", True)
        self.refresh()

    @Slot()
    def _on_restore_selected(self) -> None:
        item = self.backups.currentItem()
        if item is not None:
            self._restore(Path(item.data(Qt.ItemDataRole.UserRole)))

    @Slot()
    def _on_restore_file(self) -> None:
        source, _ = QFileDialog.getOpenFileName(
            self, "Restore from backup", "", "SQLite database (*.sqlite3 *.db);;All files (*)"
        )
        if source:
            self._restore(Path(source))

    def _restore(self, source: Path) -> None:
        assert self._maintenance is not None
        answer = QMessageBox.question(
            self,
            "Restore backup",
            f"Replace the current data with {source.name}?\n\n"
            "A copy of the current data is kept in the backups folder first.",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            safety = self._maintenance.restore(source)
        except DomainError as refusal:
            self._show(str(refusal), False)
            return
        self._show(
            f"Restored {source.name}. The previous data was kept as {safety.name} "
            f"in {safety.parent}.",
            True,
        )
        self.refresh()
        self.data_changed.emit()

    @Slot()
    def _on_check(self) -> None:
        assert self._maintenance is not None
        report = self._maintenance.check()
        found = len(self._services.text_audit.find_personal_data())
        if found:
            report.problems.append(
                f"{found} stored {noun(found, 'text')} {'looks' if found == 1 else 'look'} "
                "like personal data: "
                "press 'Personal data…' to review and redact them."
            )
        lines = report.facts + report.problems
        self._show("\n".join(lines) or "Nothing to check.", report.ok)

    @Slot()
    def _on_personal_data(self) -> None:
        PersonalDataDialog(self._services.text_audit, self).exec()
