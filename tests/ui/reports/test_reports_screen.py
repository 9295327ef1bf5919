"""Reports screen driven through real widgets: preview, save, print, partner export."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtCore import QDate
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog

import ui.reports.reports_view as reports_module
from models.partners.registry import PartnerDraft
from models.reports.suppression import SUPPRESSED_MARK
from tests.models.report_fixtures import build_activity
from ui.reports.partner_preview_dialog import HIDDEN
from ui.reports.reports_view import WORKBOOK, ReportsView


@pytest.fixture
def view(qtbot, services, database, agency) -> ReportsView:
    build_activity(services, database.sessions, agency)
    services.partners.save_partner(
        PartnerDraft("County health", 10, 3, date(2026, 1, 31), "J. Rivera")
    )
    screen = ReportsView(services)
    qtbot.addWidget(screen)
    screen.refresh()
    screen.show()
    return screen


def _choose(view: ReportsView, title: str) -> None:
    items = [view.kinds.item(k).text() for k in range(view.kinds.count())]
    view.kinds.setCurrentRow(items.index(title))


def _quarter(view: ReportsView) -> None:
    view.options.start.setDate(QDate(2025, 10, 1))
    view.options.end.setDate(QDate(2025, 12, 31))


def test_preview_generates_in_the_background_and_shows_every_page(qtbot, view) -> None:
    _choose(view, "Distribution summary")
    _quarter(view)
    view.preview_button.click()
    qtbot.waitUntil(lambda: getattr(view, "preview_dialog", None) is not None, timeout=20_000)
    dialog = view.preview_dialog
    qtbot.addWidget(dialog)
    assert dialog.document.pageCount() == len(PdfReader(dialog.pdf_path).pages) >= 1
    text = PdfReader(dialog.pdf_path).pages[0].extract_text()
    assert "01 Oct 2025 to 31 Dec 2025" in text


def test_save_as_pdf_writes_the_chosen_file(qtbot, view, tmp_path, monkeypatch) -> None:
    target = tmp_path / "expiring"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    messages: list[str] = []
    view.status_message.connect(messages.append)
    _choose(view, "Expiration report")
    view.save_button.click()
    qtbot.waitUntil(lambda: bool(messages), timeout=20_000)
    saved = Path(str(target) + ".pdf")
    assert "Expiration report" in PdfReader(saved).pages[0].extract_text()
    assert messages == [f"Saved {saved}"]


def test_print_sends_every_page_to_the_chosen_printer(qtbot, view, tmp_path, monkeypatch) -> None:
    printed = tmp_path / "printed.pdf"

    class FakePrintDialog:
        def __init__(self, printer: QPrinter, _parent) -> None:
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(str(printed))

        def exec(self) -> QDialog.DialogCode:
            return QDialog.DialogCode.Accepted

    monkeypatch.setattr(reports_module, "QPrintDialog", FakePrintDialog)
    messages: list[str] = []
    view.status_message.connect(messages.append)
    _choose(view, "Inventory on hand")
    assert view.print_page() is True
    qtbot.waitUntil(lambda: bool(messages), timeout=20_000)
    assert messages[0].startswith("Sent 1 page ")
    assert len(PdfReader(printed).pages) == 1


def test_a_backwards_period_is_refused_where_the_user_looks(qtbot, view) -> None:
    _choose(view, "Program summary")
    view.options.start.setDate(QDate(2026, 3, 1))
    view.options.end.setDate(QDate(2026, 1, 1))
    view.preview_button.click()
    assert "before it starts" in view.error_label.text()
    assert getattr(view, "preview_dialog", None) is None


def test_options_follow_the_report_chosen(view) -> None:
    _choose(view, "Expiration report")
    assert not view.options.start.isEnabled() and view.options.locations.isEnabled()
    _choose(view, "Program summary")
    assert view.options.start.isEnabled() and not view.options.locations.isEnabled()
    assert view.options.partner.isEnabled()
    _choose(view, WORKBOOK)
    assert view.export_button.isVisible() and not view.preview_button.isVisible()
    assert "County health: due 31 Jan 2026 (in 16 days)" in view.deadlines.text()


def test_partner_export_shows_the_shared_tables_then_saves_them(
    qtbot, view, services, tmp_path, monkeypatch
) -> None:
    target = tmp_path / "q4.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    _choose(view, WORKBOOK)
    _quarter(view)
    view.options.partner.setCurrentIndex(view.options.partner.findData(1))
    view.export_button.click()
    qtbot.waitUntil(lambda: getattr(view, "partner_dialog", None) is not None, timeout=20_000)
    dialog = view.partner_dialog
    shown_tables = dialog.tables()
    assert len(shown_tables) == len(dialog.package.tables)
    zip_table = shown_tables[1]  # after the summary
    hidden = [
        zip_table.item(i, j)
        for i in range(zip_table.rowCount())
        for j in range(zip_table.columnCount())
        if zip_table.item(i, j).text() == SUPPRESSED_MARK
    ]
    assert hidden and all(item.background().color() == HIDDEN for item in hidden)
    assert all("Withheld" in item.toolTip() for item in hidden)
    assert dialog.mark_sent.isChecked()
    dialog.save_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    ws = load_workbook(target)["By ZIP and month"]
    assert sum(1 for row in ws.iter_rows() for cell in row if cell.value == SUPPRESSED_MARK) == len(
        hidden
    )
    assert services.partners.list_partners()[0].next_due_on == date(2026, 4, 30)
    assert [r.file_name for r in services.partners.list_releases()] == ["q4.xlsx"]


def test_the_recall_record_is_saved_under_reports_for_the_chosen_lot(
    qtbot, view, services, agency, tmp_path, monkeypatch
) -> None:
    import ui.widgets.recall_record as record_module
    from ui.reports.reports_view import RECALL_RECORD

    target = tmp_path / "recall"
    monkeypatch.setattr(
        record_module.QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "")
    )
    messages: list[str] = []
    view.status_message.connect(messages.append)
    _choose(view, RECALL_RECORD)
    assert view.recall_panel.isVisible() and not view.options_box.isVisible()
    assert not view.recall_button.isEnabled()
    lot = services.stock.list_on_hand()[0]
    qtbot.keyClicks(view.recall_panel.search, lot.lot_number)
    view.recall_panel.lots.setCurrentRow(0)
    view.recall_button.click()
    qtbot.waitUntil(lambda: bool(messages), timeout=20_000)
    assert Path(str(target) + ".pdf").is_file() and Path(str(target) + ".xlsx").is_file()
    assert "Recall record saved" in messages[0]
