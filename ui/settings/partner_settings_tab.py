"""Partner settings tab: who receives aggregate workbooks, how small a count is hidden for each,
and when their next report is due (the dashboard reminds the quartermaster)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from models.partners.registry import INTERVALS, MAX_THRESHOLD, MIN_THRESHOLD, PartnerDraft
from models.partners.registry import PartnerRow as Row
from models.services import Services
from ui.settings.list_editor_tab import ListEditorTab
from ui.settings.release_register_view import ReleaseRegisterView
from ui.widgets.optional_date_edit import OptionalDateEdit
from ui.widgets.row_table_model import RowColumn

COLUMNS: list[RowColumn[Row]] = [
    RowColumn("Partner", lambda p: p.name),
    RowColumn("Hides", lambda p: f"1-{p.suppression_threshold - 1}", False, "Counts withheld"),
    RowColumn("Reports", lambda p: p.interval_label),
    RowColumn("Next due", lambda p: f"{p.next_due_on:%Y-%m-%d}" if p.next_due_on else ""),
    RowColumn("Status", lambda p: "active" if p.active else "inactive"),
]


class PartnerSettingsTab(ListEditorTab[Row]):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(services, COLUMNS, "New partner", lambda p: p.active, parent)
        self.name = QLineEdit()
        self.threshold = QSpinBox()
        self.threshold.setRange(MIN_THRESHOLD, MAX_THRESHOLD)
        self.threshold_hint = QLabel()
        self.interval = QComboBox()
        for months, label in INTERVALS.items():
            self.interval.addItem(label, months)
        self.due = OptionalDateEdit("Next report due", services.clock.today())
        self.due.edit.setMaximumDate(QDate(2200, 12, 31))
        self.contact_name = QLineEdit()
        self.contact_email = QLineEdit()
        self.notes = QPlainTextEdit()
        self.notes.setMaximumHeight(80)
        self.active = QCheckBox("Active")
        self.save_button = QPushButton("Save")
        self.sent_button = QPushButton("Report sent")
        self.sent_button.setToolTip("Move the next deadline one reporting interval on")
        self.delete_button = QPushButton("Delete")
        self.register = ReleaseRegisterView(services)
        self._layout()
        self.threshold.valueChanged.connect(self._on_threshold)
        self.save_button.clicked.connect(self._on_save)
        self.sent_button.clicked.connect(self._on_sent)
        self.delete_button.clicked.connect(self._on_delete)
        self._edit(None)

    def _layout(self) -> None:
        right = QWidget()
        form = QFormLayout()
        form.addRow("Name", self.name)
        threshold_row = QHBoxLayout()
        threshold_row.addWidget(self.threshold)
        threshold_row.addWidget(self.threshold_hint, 1)
        form.addRow("Suppression threshold", threshold_row)
        form.addRow("Reporting interval", self.interval)
        form.addRow("", self.due)
        form.addRow("Contact", self.contact_name)
        form.addRow("Contact e-mail", self.contact_email)
        form.addRow("Notes", self.notes)
        form.addRow("", self.active)
        buttons = QHBoxLayout()
        for button in (self.save_button, self.sent_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        right_box = QVBoxLayout(right)
        right_box.addWidget(self.heading)
        right_box.addLayout(form)
        right_box.addLayout(buttons)
        right_box.addWidget(self.error_label)
        right_box.addStretch(1)
        self._place(right, (3, 2))
        layout = self.layout()
        assert layout is not None
        layout.addWidget(self.register)

    def refresh(self) -> None:
        keep = self._editing.id if self._editing else None
        self.model.set_rows(self._services.partners.list_partners())
        self.register.refresh()
        self.table.resizeColumnsToContents()
        row = self.model.row_of(lambda p: p.id == keep) if keep is not None else -1
        if row >= 0:
            self.table.selectRow(row)
        else:
            self._edit(None)

    def _edit(self, partner: Row | None) -> None:
        self._editing = partner
        self.error_label.clear()
        self.heading.setText(f"<b>{'New partner' if partner is None else 'Edit partner'}</b>")
        if partner is None:
            self.table.clearSelection()
        p = partner or Row(0, "", 10, 3, None, "", "", "", True)
        self.name.setText(p.name)
        self.threshold.setValue(p.suppression_threshold)
        self._on_threshold(p.suppression_threshold)
        self.interval.setCurrentIndex(max(self.interval.findData(p.interval_months), 0))
        self.due.set_value(p.next_due_on)
        self.contact_name.setText(p.contact_name)
        self.contact_email.setText(p.contact_email)
        self.notes.setPlainText(p.notes)
        self.active.setChecked(p.active)
        self.sent_button.setEnabled(partner is not None)
        self.delete_button.setEnabled(partner is not None)

    def draft(self) -> PartnerDraft:
        due: date | None = self.due.value()
        return PartnerDraft(
            self.name.text(),
            self.threshold.value(),
            self.interval.currentData(),
            due,
            self.contact_name.text(),
            self.contact_email.text(),
            self.notes.toPlainText(),
            self.active.isChecked(),
        )

    @Slot(int)
    def _on_threshold(self, value: int) -> None:
        self.threshold_hint.setText(f"hides counts 1 to {value - 1}; 0 shows as 0")

    @Slot()
    def _on_save(self) -> None:
        partner_id = self._editing.id if self._editing else None
        self._act(lambda: self._services.partners.save_partner(self.draft(), partner_id))

    @Slot()
    def _on_sent(self) -> None:
        if self._editing is not None:
            partner_id = self._editing.id
            self._act(lambda: self._services.partners.record_report_sent(partner_id))

    @Slot()
    def _on_delete(self) -> None:
        if self._editing is None:
            return
        answer = QMessageBox.question(
            self, "Delete partner", f"Delete {self._editing.name} and its reporting deadline?"
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        partner_id = self._editing.id
        self._act(lambda: self._services.partners.delete_partner(partner_id))
