"""'See what leaves the building': the partner tables exactly as they will be saved.

Every figure shows as it will in the workbook; withheld ones read "S" on a yellow ground, with
the reason in a tooltip; the audit against earlier releases is summed up on top. Saving writes
the very package shown and records it in the release register.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from models.common.errors import DomainError
from models.common.wording import noun
from models.partners.package import SharedTable
from models.partners.protection import AuditedPackage
from models.reports.suppression import SUPPRESSED_MARK, suppression_rule
from models.services import Services
from ui.widgets.error_label import ERROR_STYLE
from ui.widgets.save_path import ask_save_path
from ui.widgets.screen_fit import fit_to_screen

HIDDEN = QColor("#fff2cc")


class PartnerPreviewDialog(QDialog):
    """Shows each sheet's tables; Save workbook… writes them and can record the report sent."""

    def __init__(
        self,
        audited: AuditedPackage,
        services: Services,
        partner_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        package = audited.package
        self.setWindowTitle(f"What leaves the building: {package.partner}")
        self.audited, self.package = audited, package
        self._services, self._partner_id = services, partner_id
        self.saved_path: Path | None = None
        self._widgets: list[QTableWidget] = []
        summary = QLabel(
            f"<b>{_html(package.partner)}</b> · {package.period.label} · "
            f"{package.hidden_count} {noun(package.hidden_count, 'figure')} withheld<br>"
            f"<b>{_html(audited.summary)}</b>{_repeat_note(audited)}<br>"
            f"{suppression_rule(package.threshold)}"
        )
        summary.setWordWrap(True)
        self.tabs = QTabWidget()
        for sheet in package.sheets:
            self.tabs.addTab(self._sheet(sheet), sheet)
        self.mark_sent = QCheckBox(f"Record this report as sent to {package.partner}")
        self.mark_sent.setVisible(partner_id is not None)
        self.mark_sent.setChecked(partner_id is not None)
        self.error_label = QLabel()
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.save_button = QPushButton("Save workbook…")
        self.save_button.setDefault(True)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.rejected.connect(self.reject)
        self.save_button.clicked.connect(self._on_save)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.mark_sent)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        fit_to_screen(self, 900, 620)

    def tables(self) -> list[QTableWidget]:
        """One table widget per shared table, in the package's order."""
        return list(self._widgets)

    def _sheet(self, sheet: str) -> QWidget:
        page = QWidget()
        box = QVBoxLayout(page)
        for table in (t for t in self.package.tables if t.sheet == sheet):
            title = QLabel(f"<b>{_html(table.title)}</b>")
            box.addWidget(title)
            widget = _table_widget(table)
            self._widgets.append(widget)
            box.addWidget(widget, 1)
        return page

    @Slot()
    def _on_save(self) -> None:
        period = self.package.period
        name = f"partner-{period.start:%Y-%m-%d}-to-{period.end:%Y-%m-%d}.xlsx"
        target = ask_save_path(
            self, "partner", "Save partner workbook", name, "Excel workbooks (*.xlsx)"
        )
        if target is None:
            return
        try:
            self.saved_path = self._services.partners.release_workbook(
                self.audited, target, self._partner_id
            )
            if self.mark_sent.isChecked() and self._partner_id is not None:
                self._services.partners.record_report_sent(self._partner_id)
        except (DomainError, OSError) as refusal:
            self.error_label.setText(f"Not saved: {refusal}")
            return
        self.accept()


def _table_widget(table: SharedTable) -> QTableWidget:
    grid = table.grid
    extra = 1 if table.units else 0
    widget = QTableWidget(grid.height, grid.width + extra)
    widget.setHorizontalHeaderLabels(
        [*([table.unit_header] if table.units else []), *table.col_labels]
    )
    widget.setVerticalHeaderLabels(list(table.row_labels))
    widget.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    bold = QFont()
    bold.setBold(True)
    for i in range(grid.height):
        if table.units:
            widget.setItem(i, 0, QTableWidgetItem(table.units[i]))
        for j in range(grid.width):
            value = grid.display(i, j)
            item = QTableWidgetItem(str(value))
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            why = grid.hidden.get((i, j))
            if why is not None:
                item.setBackground(QBrush(HIDDEN))
                item.setToolTip(f"Withheld ({why.value}); the workbook shows {SUPPRESSED_MARK}.")
            if grid.is_total((i, j)):
                item.setFont(bold)
            widget.setItem(i, j + extra, item)
    widget.resizeColumnsToContents()
    return widget


def _repeat_note(audited: AuditedPackage) -> str:
    if not audited.repeated:
        return ""
    return " The same figures as the workbook already sent for this period."


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
