"""Inventory screen through its widgets: filters, sorting, the three views, actions, print."""

from __future__ import annotations

from datetime import date

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialog
from pytestqt.modeltest import ModelTester

from models.common.settings import EXPIRY_BANDS
from models.stock.rows import ReceiveLine
from models.stock.summary import ExpiryWindow
from ui.inventory.inventory_view import LOCATIONS, LOTS, PRODUCTS, InventoryView
from ui.inventory.on_hand_table_model import Column
from ui.widgets.expiry_style import bands_of


@pytest.fixture
def stocked(services, agency):
    stock = services.stock
    stock.receive(
        agency.room,
        [
            ReceiveLine(agency.narcan, "NX-SOON", date(2026, 2, 1), 10),
            ReceiveLine(agency.narcan, "NX-LATE", date(2027, 6, 30), 8),
            ReceiveLine(agency.teva, "TV-OLD", date(2025, 12, 1), 4),
        ],
        allow_expired=True,
    )
    stock.receive(agency.cabinet, [ReceiveLine(agency.strips, "FS-1", date(2026, 3, 20), 100)])
    stock.transfer(stock.find_lot(agency.narcan, "NX-LATE").id, agency.room, agency.vehicle, 6)
    return agency


@pytest.fixture
def view(qtbot, services, stocked) -> InventoryView:
    widget = InventoryView(services)
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    widget.refresh()
    return widget


def double_click(qtbot, item_view, index) -> None:
    """A press first, as a real double click has: item views compare it with the press."""
    centre = item_view.visualRect(index).center()
    qtbot.mouseClick(item_view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    qtbot.mouseDClick(item_view.viewport(), Qt.MouseButton.LeftButton, pos=centre)


def _lots(view: InventoryView) -> list[str]:
    return [r.lot_number for r in view.model.rows()]


def spy(monkeypatch, module_name: str, class_name: str) -> list[dict]:
    """Keyword arguments each real dialog of that class was built with."""
    module = pytest.importorskip(module_name)
    real = getattr(module, class_name)
    calls: list[dict] = []

    class Spy(real):  # type: ignore[misc, valid-type]
        def __init__(self, *args, **kwargs) -> None:
            calls.append(kwargs)
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(module, class_name, Spy)
    return calls


def test_initial_order_is_earliest_expiry_first_and_the_header_says_so(qtbot, view) -> None:
    header = view.table.horizontalHeader()
    assert header.sortIndicatorSection() == Column.EXPIRY
    assert header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
    expiries = [r.expiry for r in view.model.rows()]
    assert expiries == sorted(expiries)
    ModelTester(qtbot).check(view.model)


def test_clicking_a_header_sorts_and_moves_the_indicator(qtbot, view) -> None:
    header = view.table.horizontalHeader()
    x = header.sectionViewportPosition(Column.QUANTITY) + 5
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    quantities = [r.quantity for r in view.model.rows()]
    assert header.sortIndicatorSection() == Column.QUANTITY
    assert quantities == sorted(quantities) or quantities == sorted(quantities, reverse=True)
    # The chosen order survives a refresh and a filter.
    view.refresh()
    qtbot.keyClicks(view.filters.search, "nx")
    assert [r.quantity for r in view.model.rows()] in (
        sorted(r.quantity for r in view.model.rows()),
        sorted((r.quantity for r in view.model.rows()), reverse=True),
    )


def test_filters_product_location_expiry_and_text(qtbot, view, stocked) -> None:
    assert sorted(_lots(view)) == ["FS-1", "NX-LATE", "NX-LATE", "NX-SOON", "TV-OLD"]
    view.filters.set_product(stocked.narcan)
    assert sorted(_lots(view)) == ["NX-LATE", "NX-LATE", "NX-SOON"]
    view.filters.set_location(stocked.vehicle)
    assert [(r.lot_number, r.quantity) for r in view.model.rows()] == [("NX-LATE", 6)]
    view.filters.clear()
    view.filters.set_location(stocked.room)  # the room holds the cabinet
    assert "FS-1" in _lots(view) and len(_lots(view)) == 4
    view.filters.clear()
    view.filters.set_expiry(ExpiryWindow.EXPIRED)
    assert _lots(view) == ["TV-OLD"]
    view.filters.set_expiry(ExpiryWindow.WITHIN_FIRST_BAND)
    assert _lots(view) == ["NX-SOON"]
    view.filters.clear()
    qtbot.keyClicks(view.filters.search, "patrol")
    assert _lots(view) == ["NX-LATE"]
    assert "matching “patrol”" in view.summary.text()
    ModelTester(qtbot).check(view.model)


def test_product_view_totals_and_double_click_shows_its_lots(qtbot, view, stocked) -> None:
    view.show_view(PRODUCTS)
    model = view.product_model
    ModelTester(qtbot).check(model)
    row = model.row_of(lambda r: r.product_id == stocked.narcan)
    narcan = model.row_at(row)
    assert (narcan.usable, narcan.expiring, narcan.expired) == (18, 10, 0)
    assert model.headerData(3, Qt.Orientation.Horizontal) == "of which ≤ 90 d"
    double_click(qtbot, view.product_table, model.index(row, 0))
    assert view.current_view() == LOTS
    assert set(_lots(view)) == {"NX-SOON", "NX-LATE"}


def test_location_view_is_a_tree_with_vehicles_and_totals(qtbot, view, stocked) -> None:
    view.show_view(LOCATIONS)
    model = view.location_model
    ModelTester(qtbot).check(model)
    station = model.index_of(stocked.station)
    names = {model.index(r, 0, station).data() for r in range(model.rowCount(station))}
    assert {"Patrol 12", "Patrol 14", "Supply room"} <= names
    assert model.index_of(stocked.vehicle, 2).data() == 6
    assert model.index_of(stocked.station, 2).data() == 118
    assert model.index_of(stocked.station, 3).data() == 4  # expired Teva


def test_actions_open_the_right_dialog_for_the_selected_lot(qtbot, monkeypatch, view, stocked):
    lot = view._services.stock.find_lot(stocked.narcan, "NX-SOON")
    assert view.select_lot(lot.id, stocked.room)
    expected = {
        "transfer": ("ui.inventory.transfer_dialog", "TransferDialog"),
        "count": ("ui.inventory.count_dialog", "CountDialog"),
        "quarantine": ("ui.inventory.quarantine_dialog", "QuarantineDialog"),
        "history": ("ui.inventory.history_dialog", "HistoryDialog"),
    }
    for action, (module, cls) in expected.items():
        calls = spy(monkeypatch, module, cls)
        view.action_buttons[action].trigger()
        dialog = view.stock_actions.last_dialog
        assert type(dialog).__mro__[1].__name__ == cls and dialog.isVisible()
        assert calls[-1]["lot_id"] == lot.id
        assert calls[-1].get("location_id", calls[-1].get("from_location_id")) == stocked.room
        dialog.reject()
    calls = spy(monkeypatch, "ui.inventory.quarantine_dialog", "QuarantineDialog")
    view.action_buttons["dispose"].trigger()
    assert calls[-1] == {"lot_id": lot.id, "location_id": stocked.room, "dispose": True}
    view.stock_actions.last_dialog.reject()


def test_reverse_offers_the_last_movement_of_the_lot_there(qtbot, monkeypatch, view, stocked):
    lot = view._services.stock.find_lot(stocked.narcan, "NX-LATE")
    transfer = view._services.stock.list_moves(lot_id=lot.id, location_id=stocked.vehicle)[0]
    view.select_lot(lot.id, stocked.vehicle)
    calls = spy(monkeypatch, "ui.inventory.reverse_dialog", "ReverseDialog")
    view.action_buttons["reverse"].trigger()
    assert calls[-1] == {"operation_id": transfer.operation_id}
    view.stock_actions.last_dialog.reject()


def test_double_click_on_a_place_opens_its_history(qtbot, monkeypatch, view, stocked):
    calls = spy(monkeypatch, "ui.inventory.history_dialog", "HistoryDialog")
    view.show_view(LOCATIONS)
    index = view.location_model.index_of(stocked.vehicle)
    double_click(qtbot, view.location_tree, index)
    assert calls[-1] == {"lot_id": None, "location_id": stocked.vehicle}
    view.stock_actions.last_dialog.reject()


def test_receive_into_the_selected_place_and_the_screen_updates(qtbot, monkeypatch, view, stocked):
    calls = spy(monkeypatch, "ui.inventory.receive_dialog", "ReceiveDialog")
    view.show_view(LOCATIONS)
    view.location_tree.setCurrentIndex(view.location_model.index_of(stocked.vehicle2))
    dialog = view.run_action("receive")
    assert calls[-1]["location_id"] == stocked.vehicle2
    view._services.stock.receive(
        stocked.vehicle2, [ReceiveLine(stocked.narcan, "NX-NEW", date(2027, 1, 1), 2)]
    )
    with qtbot.waitSignal(view.data_changed):
        dialog.done(QDialog.DialogCode.Accepted)
    assert "NX-NEW" in _lots(view)
    assert view.location_model.index_of(stocked.vehicle2, 2).data() == 2


def test_actions_follow_the_selection_and_the_context_menu_offers_them(view, stocked) -> None:
    view.table.clearSelection()
    view.table.selectionModel().clear()
    assert view.action_buttons["receive"].isEnabled()
    assert not view.action_buttons["transfer"].isEnabled()
    view.table.selectRow(0)
    names = {a.text() for a in view.context_menu().actions()}
    assert {"Transfer…", "Count…", "Quarantine…", "Dispose…", "History…"} <= names
    view.show_view(PRODUCTS)
    view.product_table.selectRow(0)
    assert not view.action_buttons["count"].isEnabled()
    assert "Show its lots" in {a.text() for a in view.context_menu().actions()}


def test_print_makes_a_pdf_of_the_current_view(qtbot, view, stocked) -> None:
    view.filters.set_product(stocked.narcan)
    assert view.print_page()
    qtbot.waitUntil(lambda: view.last_preview is not None, timeout=10_000)
    text = "".join(p.extract_text() for p in PdfReader(view.last_preview.pdf_path).pages)
    assert "NX-SOON" in text and "FS-1" not in text
    assert "Narcan 4 mg nasal spray" in text
    view.last_preview.reject()
    view.show_view(LOCATIONS)
    view.last_preview = None
    view.print_page()
    qtbot.waitUntil(lambda: view.last_preview is not None, timeout=10_000)
    assert "Patrol 12" in PdfReader(view.last_preview.pdf_path).pages[0].extract_text()
    view.last_preview.reject()


def test_bands_setting_changes_colours_and_legend(qtbot, view, services) -> None:
    services.settings.set(EXPIRY_BANDS, (7, 14))
    view.refresh()
    assert "≤ 7 days" in view.legend.text()
    soon = next(i for i, r in enumerate(view.model.rows()) if r.lot_number == "NX-SOON")
    brush = view.model.index(soon, 0).data(Qt.ItemDataRole.BackgroundRole)
    assert brush is None  # 17 days left: beyond both bands now
    assert bands_of(services) == (7, 14)


def test_long_names_are_cut_but_readable_in_full(qtbot, services, agency) -> None:
    from datetime import date

    from PySide6.QtCore import Qt

    from models.stock.rows import ReceiveLine
    from ui.inventory.inventory_view import PRODUCT_COLUMN_MAX, InventoryView
    from ui.inventory.on_hand_table_model import Column

    services.stock.receive(agency.cabinet, [ReceiveLine(agency.teva, "T1", date(2027, 5, 31), 4)])
    view = InventoryView(services)
    qtbot.addWidget(view)
    view.resize(900, 600)
    view.refresh()
    model = view.table.model()
    assert view.table.columnWidth(Column.PRODUCT) <= PRODUCT_COLUMN_MAX
    tips = {
        model.index(0, c).data(Qt.ItemDataRole.ToolTipRole)
        for c in (Column.PRODUCT, Column.LOCATION)
    }
    assert tips == {"Naloxone HCl 4 mg nasal spray (Teva)", "Station 1 / Supply room / Cabinet A"}
