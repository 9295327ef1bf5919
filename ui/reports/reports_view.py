"""Reports screen: choose a report, its period, locations and partner; preview, print, save, or
export the partner workbook after seeing exactly what it shares. Generation runs off the GUI
thread with a progress dialog."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Slot
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import (
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models.common.errors import DomainError
from models.common.wording import noun
from models.reports.service import ReportKind
from models.reports.suppression import DEFAULT_SUPPRESSION_THRESHOLD
from models.services import Services
from ui.reports.partner_preview_dialog import PartnerPreviewDialog
from ui.reports.recall_record_panel import RecallRecordPanel
from ui.reports.report_options import ReportOptions
from ui.widgets.background import BackgroundTask, Progress, run_in_background
from ui.widgets.error_label import error_label
from ui.widgets.page import Page
from ui.widgets.pdf_preview_dialog import PdfPreviewDialog
from ui.widgets.pdf_printing import print_pdf, printer_for
from ui.widgets.recall_record import save_recall_record
from ui.widgets.save_path import ask_save_path, dated_name
from ui.widgets.scratch import scratch_folder

WORKBOOK = "Partner workbook (.xlsx)"
RECALL_RECORD = "Recall record (PDF + .xlsx)"
DESCRIPTIONS = {
    ReportKind.EXPIRATION: "Every lot and kit batch on hand, by location, earliest expiry "
    "first, banded expired / within 30 / within 90 days, with totals per location.",
    ReportKind.INVENTORY: "Stock on hand by product and by location: usable, expiring, "
    "expired and quarantined.",
    ReportKind.DISTRIBUTIONS: "Distributions and on-scene administrations in the period: "
    "totals, by ZIP, setting, relationship and location, monthly chart. Internal: shows small "
    "counts.",
    ReportKind.PROGRAM: "One or two pages for partners: kits distributed, doses administered "
    "and expired, personnel trained, with charts. Small counts withheld.",
}
RECALL_TEXT = (
    "The record of a recalled lot for the manufacturer or the health department: what was "
    "quarantined (movement, who, when, notice), where it was found, where it is now, and the "
    "distributions that used it by date and ZIP only, with a signature line. Read from the "
    "ledger, so the same lot gives the same record later."
)
WORKBOOK_TEXT = (
    "Aggregate tables for a public-health partner, with small counts withheld. You see every "
    "table exactly as it will be shared before the file is saved. A workbook covers a whole "
    "month, quarter or year (Last month, Last quarter, Last year or the same dates under "
    "Custom) and is checked against every workbook released before."
)


class ReportsView(Page):
    title = "Reports"

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(services, parent)
        self._tasks: list[BackgroundTask] = []
        self._folder = scratch_folder("reports")
        self.kinds = QListWidget()
        self.kinds.addItems([k.heading for k in ReportKind] + [WORKBOOK, RECALL_RECORD])
        self.kinds.setMaximumWidth(240)
        self.description = QLabel()
        self.description.setWordWrap(True)
        self.options = ReportOptions(services)
        self.options_box = QGroupBox("Options")
        self.recall_panel = RecallRecordPanel(services)
        self.recall_button = QPushButton("Save recall record…")
        self.recall_button.setToolTip("Save the chosen lot's recall record as PDF and workbook")
        self.preview_button = QPushButton("Preview…")
        self.print_button = QPushButton("Print…")
        self.save_button = QPushButton("Save as PDF…")
        self.export_button = QPushButton("Review and export workbook…")
        self.deadlines = QLabel()
        self.deadlines.setWordWrap(True)
        self.error_label = error_label()
        self._layout()
        self.kinds.currentRowChanged.connect(self._on_kind)
        self.preview_button.clicked.connect(self._on_preview)
        self.print_button.clicked.connect(self._on_print)
        self.save_button.clicked.connect(self._on_save)
        self.export_button.clicked.connect(self._on_export)
        self.recall_button.clicked.connect(self._on_save_recall_record)
        self.recall_panel.lot_chosen.connect(self._enable_recall_button)
        self.kinds.setCurrentRow(0)

    def _layout(self) -> None:
        buttons = QHBoxLayout()
        for button in (self.preview_button, self.print_button, self.save_button):
            buttons.addWidget(button)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.recall_button)
        buttons.addStretch(1)
        QVBoxLayout(self.options_box).addWidget(self.options)
        right = QVBoxLayout()
        right.addWidget(self.description)
        right.addWidget(self.options_box, 1)
        right.addWidget(self.recall_panel, 1)
        right.addLayout(buttons)
        right.addWidget(self.error_label)
        right.addWidget(self.deadlines)
        left = QVBoxLayout()
        left.addWidget(QLabel("<b>Report</b>"))
        left.addWidget(self.kinds, 1)
        outer = QHBoxLayout(self)
        outer.addLayout(left)
        outer.addLayout(right, 1)

    def refresh(self) -> None:
        self.options.refresh()
        due = self._services.partners.list_deadlines_due(within_days=30)
        lines = [
            f"{d.partner_name}: due {d.due_on:%d %b %Y} "
            + (f"({-d.days_left} days overdue)" if d.days_left < 0 else f"(in {d.days_left} days)")
            for d in due
        ]
        self.deadlines.setText(
            "<b>Partner reports due within 30 days</b><br>" + "<br>".join(lines) if lines else ""
        )

    def kind(self) -> ReportKind | None:
        row = self.kinds.currentRow()
        return list(ReportKind)[row] if 0 <= row < len(ReportKind) else None

    @Slot(int)
    def _on_kind(self, _row: int) -> None:
        kind = self.kind()
        recall = self._recall_chosen()
        self.error_label.clear()
        text = DESCRIPTIONS[kind] if kind else RECALL_TEXT if recall else WORKBOOK_TEXT
        self.description.setText(text)
        for button in (self.preview_button, self.print_button, self.save_button):
            button.setVisible(kind is not None)
        self.export_button.setVisible(kind is None and not recall)
        self.recall_button.setVisible(recall)
        self.recall_panel.setVisible(recall)
        self.options_box.setVisible(not recall)
        self._enable_recall_button()
        if kind is None:
            self.options.enable(period=True, locations=False, partner=True)
        else:
            self.options.enable(kind.uses_period, kind.uses_locations, kind is ReportKind.PROGRAM)

    def _recall_chosen(self) -> bool:
        item = self.kinds.currentItem()
        return item is not None and item.text() == RECALL_RECORD

    def _enable_recall_button(self) -> None:
        self.recall_button.setEnabled(self.recall_panel.chosen() is not None)

    @Slot()
    def _on_save_recall_record(self) -> None:
        chosen = self.recall_panel.chosen()
        if chosen is None:
            return
        self.error_label.clear()
        task = save_recall_record(
            self, self._services, *chosen, self.status_message.emit, self.error_label.setText
        )
        if task is not None:
            self._tasks = [t for t in self._tasks if t.running] + [task]

    def _generate(self, target: Path, then) -> BackgroundTask | None:
        """Writes the chosen report to `target` in the background, then calls `then(path)`."""
        kind = self.kind()
        if kind is None:
            return None
        try:
            period = self.options.period()
        except DomainError as refusal:
            self.error_label.setText(str(refusal))
            return None
        self.error_label.clear()
        locations = self.options.location_ids() if kind.uses_locations else None
        partner_id = self.options.partner_id() if kind is ReportKind.PROGRAM else None
        threshold = self._threshold(partner_id)
        audience = self.options.partner_label() if partner_id is not None else ""
        reports = self._services.reports

        def work(progress: Progress) -> Path:
            return reports.write_report(
                kind, target, period, locations, progress, threshold=threshold, audience=audience
            )

        task = run_in_background(
            self, f"Preparing the {kind.heading.lower()}…", work, then, self.error_label.setText
        )
        self._tasks = [t for t in self._tasks if t.running] + [task]
        return task

    def _threshold(self, partner_id: int | None) -> int:
        for p in self._services.partners.list_partners():
            if p.id == partner_id:
                return p.suppression_threshold
        return DEFAULT_SUPPRESSION_THRESHOLD

    def _scratch(self) -> Path:
        kind = self.kind()
        return self._folder / f"{kind.value if kind else 'report'}.pdf"

    @Slot()
    def _on_preview(self) -> None:
        self._generate(self._scratch(), self._show_preview)

    def _show_preview(self, path: Path) -> None:
        kind = self.kind()
        dialog = PdfPreviewDialog(path, self, kind.heading if kind else "Preview")
        dialog.open()
        self.preview_dialog = dialog

    @Slot()
    def _on_print(self) -> None:
        self._generate(self._scratch(), self._print)

    def _print(self, path: Path) -> None:
        document = QPdfDocument(self)
        document.load(str(path))
        printer = printer_for(document)
        if QPrintDialog(printer, self).exec() != QDialog.DialogCode.Accepted:
            return
        pages = print_pdf(document, printer)
        self.status_message.emit(f"Sent {pages} {noun(pages, 'page')} to the printer.")

    @Slot()
    def _on_save(self) -> None:
        kind = self.kind()
        if kind is None:
            return
        name = dated_name(kind.value, ".pdf", self._services.clock.today())
        path = ask_save_path(self, f"report-{kind.value}", "Save report", name, "PDF files (*.pdf)")
        if path is not None:
            self._generate(path, lambda p: self.status_message.emit(f"Saved {p}"))

    @Slot()
    def _on_export(self) -> None:
        try:
            period = self.options.period()
        except DomainError as refusal:
            self.error_label.setText(str(refusal))
            return
        partner_id = self.options.partner_id()
        partners = self._services.partners
        task = run_in_background(
            self,
            "Preparing the partner tables and checking them against earlier releases…",
            lambda progress: partners.prepare_release(period, partner_id, progress),
            lambda package: self._review(package, partner_id),
            self.error_label.setText,
        )
        self._tasks = [t for t in self._tasks if t.running] + [task]

    def _review(self, package, partner_id: int | None) -> None:
        dialog = PartnerPreviewDialog(package, self._services, partner_id, self)
        dialog.accepted.connect(lambda: self._exported(dialog))
        dialog.open()
        self.partner_dialog = dialog

    def _exported(self, dialog: PartnerPreviewDialog) -> None:
        self.status_message.emit(f"Partner workbook saved: {dialog.saved_path}")
        self.refresh()
        self.data_changed.emit()

    def print_page(self) -> bool:
        if self.kind() is None:
            return False
        self._on_print()
        return True
