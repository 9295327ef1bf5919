"""Reorders screen driven through real widgets: draft → sent → partly → fully received."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog
from pytestqt.modeltest import ModelTester

from models.services import Services
from tests.conftest import Agency
from tests.ui.stock_dialog_helpers import post_receipt
from ui.inventory.receive_lines_table import Column
from ui.main_window import MainWindow
from ui.reorders.reorders_view import ReordersView

GROUP_LABEL = "Naloxone 4mg nasal (any brand)"


def ok(box: QDialogButtonBox):  # type: ignore[no-untyped-def]
    return box.button(QDialogButtonBox.StandardButton.Ok)


def test_draft_sent_and_received_through_the_screen(
    qtbot, services: Services, agency: Agency, tmp_path: Path, monkeypatch
) -> None:
    services.catalog.set_par_level(agency.vehicle, agency.narcan, 12)
    services.catalog.set_par_level(agency.vehicle2, agency.teva, 8)
    state = next(x for x in services.catalog.list_sources() if x.name.startswith("NYSDOH"))
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    view = window.show_page("Reorders")
    assert isinstance(view, ReordersView)
    assert GROUP_LABEL in view.due_label.text()  # 0 usable, minimum = par 20
    ModelTester(qtbot).check(view.position.model)
    first = view.position.model.row_at(0)
    assert (first.label, first.result.packages) == (GROUP_LABEL, 10)

    # New request: suggested 10 cartons; ask for 8 from the state program.
    qtbot.mouseClick(view.new_button, Qt.MouseButton.LeftButton)
    dialog = view.request_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.source.setCurrentIndex(dialog.source.findData(state.id))
    assert dialog.trained.isChecked()  # the state program asks for trained personnel
    dialog.set_packages(GROUP_LABEL, 8)
    qtbot.mouseClick(ok(dialog.buttons), Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert view.tabs.currentWidget() is view.requests
    request = view.requests.current()
    assert (request.status, request.units, request.source_id) == ("draft", 16, state.id)
    ModelTester(qtbot).check(view.requests.model)
    ModelTester(qtbot).check(view.requests.line_model)
    assert view.sent_button.isEnabled() and not view.receive_button.isEnabled()

    qtbot.mouseClick(view.sent_button, Qt.MouseButton.LeftButton)
    assert view.requests.current().status == "sent"
    assert view.position.model.row_at(0).result.on_order == 16

    # A first delivery brings 10 of the 16 devices.
    qtbot.mouseClick(view.receive_button, Qt.MouseButton.LeftButton)
    receive = view.receive_dialog
    assert receive is not None and receive.isVisible()
    assert receive.lines_table.rowCount() == 1
    assert receive.lines_table.text_at(0, Column.QUANTITY) == "16"
    receive.lines_table.fill(0, "N100", date(2029, 3, 31))
    receive.lines_table.item(0, Column.QUANTITY).setText("10")
    post_receipt(qtbot, receive)
    assert not receive.isVisible(), receive.error_label.text()
    request = view.requests.current()
    assert (request.status, request.received_units) == ("partly_received", 10)

    # The second delivery is pre-filled with the 6 outstanding and closes the request.
    qtbot.mouseClick(view.receive_button, Qt.MouseButton.LeftButton)
    receive = view.receive_dialog
    assert receive.lines_table.text_at(0, Column.QUANTITY) == "6"
    receive.lines_table.fill(0, "N101", date(2029, 3, 31))
    post_receipt(qtbot, receive)
    request = view.requests.current()
    assert (request.status, request.received_units) == ("received", 16)
    assert not view.receive_button.isEnabled()
    assert "Received" in view.requests.header.text()
    position = view.position.model.row_at(0).result
    assert (position.usable, position.on_order) == (16, 0)

    # The sheet can be previewed and saved as .xlsx.
    qtbot.mouseClick(view.preview_button, Qt.MouseButton.LeftButton)
    assert view.preview is not None and view.preview.document.pageCount() >= 1
    view.preview.close()
    target = tmp_path / "sheet.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    qtbot.mouseClick(view.xlsx_button, Qt.MouseButton.LeftButton)
    assert target.exists()


def test_a_refused_request_shows_the_reason_in_the_dialog(
    qtbot, services: Services, agency: Agency
) -> None:
    view = ReordersView(services)
    qtbot.addWidget(view)
    view.refresh()
    qtbot.mouseClick(view.new_button, Qt.MouseButton.LeftButton)
    dialog = view.request_dialog
    for label in [line.label for line in dialog._lines]:
        dialog.set_packages(label, 0)
    qtbot.mouseClick(ok(dialog.buttons), Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert "Nothing to order" in dialog.error_label.text()
    assert services.reorders.list_reorders() == []
