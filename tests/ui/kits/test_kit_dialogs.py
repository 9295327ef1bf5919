"""Kit dialogs driven through real widgets on a real SQLite file."""

from __future__ import annotations

from datetime import date

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from models.stock.rows import ReceiveLine
from tests.models.kit_fixtures import lot_id, on_hand, standard, stock_parts
from ui.kits.assemble_dialog import AssembleDialog
from ui.kits.disassemble_dialog import DisassembleDialog
from ui.kits.recall_dialog import RecallDialog
from ui.kits.recipe_dialog import RecipeDialog


def _assemble_dialog(qtbot, services, agency, count: int) -> AssembleDialog:
    dialog = AssembleDialog(services, location_id=agency.room)
    qtbot.addWidget(dialog)
    dialog.count.setValue(count)
    return dialog


def test_assemble_dialog_shows_the_fefo_plan_and_assembles(qtbot, services, agency):
    kit = standard(services)
    stock_parts(
        services,
        agency,
        kit,
        naloxone=[("EARLY", date(2026, 9, 30), 4), ("LATE", date(2028, 1, 31), 40)],
    )
    dialog = _assemble_dialog(qtbot, services, agency, 5)
    assert dialog.lines.item(0, 3).text().startswith("EARLY × 4 (exp 2026-09-30), LATE × 6")
    assert dialog.ok_button.isEnabled() and dialog.error_label.text() == ""
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.outcome is not None and dialog.outcome.kits == 5
    assert on_hand(services, lot_id(services, agency.narcan, "EARLY"), agency.room) == 0


def test_assemble_dialog_names_the_shortfall_and_blocks_assembly(qtbot, services, agency):
    kit = standard(services)
    stock_parts(services, agency, kit, extra=3, naloxone=[("N1", date(2027, 6, 30), 6)])
    dialog = _assemble_dialog(qtbot, services, agency, 8)
    text = dialog.error_label.text()
    assert dialog.error_label.isVisibleTo(dialog)
    assert "Kit pouch: 8 needed, 3 usable" in text and "You can make 3 kits" in text
    assert not dialog.ok_button.isEnabled()
    dialog.count.setValue(3)
    assert dialog.error_label.text() == "" and dialog.ok_button.isEnabled()


def test_assemble_dialog_warns_about_short_dated_parts_before_assembly(qtbot, services, agency):
    kit = standard(services)
    stock_parts(services, agency, kit, naloxone=[("SOON", date(2026, 2, 20), 10)])
    dialog = _assemble_dialog(qtbot, services, agency, 2)
    assert "lot SOON expires 2026-02-20 (36 days)" in dialog.warnings.text()
    assert dialog.ok_button.text() == "Assemble 2 kits anyway"
    assert services.kits.list_kit_stock() == []  # nothing written before the click


def test_assemble_dialog_lets_the_user_choose_other_lots(qtbot, services, agency):
    kit = standard(services)
    stock_parts(
        services,
        agency,
        kit,
        naloxone=[("EARLY", date(2026, 9, 30), 20), ("LATE", date(2028, 1, 31), 20)],
    )
    dialog = _assemble_dialog(qtbot, services, agency, 3)
    dialog.lines.selectRow(0)
    assert [dialog.lots.item(r, 0).text() for r in range(dialog.lots.rowCount())] == [
        "EARLY",
        "LATE",
    ]
    dialog.take_spin(0).setValue(0)  # half-way: the sum no longer matches
    assert "add up to 0; 6 are needed" in dialog.error_label.text()
    dialog.take_spin(1).setValue(6)
    assert dialog.error_label.text() == ""
    assert "LATE × 6" in dialog.lines.item(0, 3).text()
    assert "chosen by hand" in dialog.lines.item(0, 3).text()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.outcome.batches[0].expiry == date(2028, 1, 31)


def test_big_assemblies_run_in_the_background(qtbot, services, agency):
    kit = standard(services)
    stock_parts(services, agency, kit, extra=150, naloxone=[("N1", date(2027, 6, 30), 300)])
    dialog = _assemble_dialog(qtbot, services, agency, 150)
    with qtbot.waitSignal(dialog.accepted, timeout=20000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.outcome is not None and dialog.outcome.kits == 150


def test_recall_dialog_traces_a_lot_and_quarantines_it(qtbot, services, agency):
    kit = standard(services)
    stock_parts(services, agency, kit, naloxone=[("BAD42", date(2027, 6, 30), 20)])
    batch = services.kits.assemble_kits(kit.recipe, agency.room, 6).batches[0]
    services.stock.transfer(batch.lot_id, agency.room, agency.vehicle, 2)
    dialog = RecallDialog(services)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.search, "bad4")
    assert dialog.lots.count() == 1
    rows = {
        tuple(dialog.holdings.item(r, c).text() for c in range(4))
        for r in range(dialog.holdings.rowCount())
    }
    assert rows == {
        ("Station 1 / Supply room", "loose", "", "8"),
        ("Station 1 / Supply room", f"in kit batch {batch.lot_number}", "4", "8"),
        ("Station 1 / Patrol 12", f"in kit batch {batch.lot_number}", "2", "4"),
    }
    assert "20 units on hand" in dialog.summary.text()
    qtbot.mouseClick(dialog.quarantine_button, Qt.MouseButton.LeftButton)
    assert "recall reason" in dialog.error_label.text()
    qtbot.keyClicks(dialog.reason, "Manufacturer notice 7")
    qtbot.mouseClick(dialog.quarantine_button, Qt.MouseButton.LeftButton)
    assert dialog.outcome is not None and dialog.outcome.kits == 6
    assert "Quarantined 8 loose units and 6 kits" in dialog.done_label.text()
    assert not dialog.quarantine_button.isEnabled()
    assert all(
        dialog.holdings.item(r, 4).text() == "yes" for r in range(dialog.holdings.rowCount())
    )


def test_disassemble_dialog_rekits_selected_kits(qtbot, services, agency):
    kit = standard(services)
    stock_parts(services, agency, kit, naloxone=[("SOON", date(2026, 3, 1), 6)])
    services.stock.receive(
        agency.room,
        [ReceiveLine(agency.teva, "NEW", date(2028, 1, 31), 6)],
    )
    services.kits.assemble_kits(
        kit.recipe,
        agency.room,
        3,
        overrides={0: [(lot_id(services, agency.narcan, "SOON"), 6)]},
    )
    row = services.kits.list_kit_stock()[0]
    dialog = DisassembleDialog(services, selected=row, rebuild=True)
    qtbot.addWidget(dialog)
    assert dialog.count.value() == 3
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok.text() == "Re-kit"
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.outcome is not None and dialog.outcome.rebuilt is not None
    assert dialog.outcome.rebuilt.batches[0].expiry == date(2028, 1, 31)


def test_recipe_dialog_saves_a_new_recipe_and_shows_refusals(qtbot, services, agency):
    dialog = RecipeDialog(services)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.name, "Event kit")
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert "at least one required line" in dialog.error_label.text()
    row = dialog.add_line(None)
    combo = dialog.lines.cellWidget(row, 0)
    combo.setCurrentIndex(combo.findData("g:naloxone-4mg-nasal"))
    dialog.lines.cellWidget(row, 1).setValue(4)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert dialog.outcome is not None
    assert [(x.label, x.quantity) for x in dialog.outcome.lines] == [("Any naloxone 4mg nasal", 4)]


def test_recall_dialog_saves_the_record_as_pdf_and_workbook(
    qtbot, services, agency, tmp_path, monkeypatch
):
    import ui.widgets.recall_record as record_module

    kit = standard(services)
    stock_parts(services, agency, kit, naloxone=[("BAD42", date(2027, 6, 30), 20)])
    services.kits.assemble_kits(kit.recipe, agency.room, 6)
    target = tmp_path / "bad42"
    monkeypatch.setattr(
        record_module.QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "")
    )
    dialog = RecallDialog(services)
    qtbot.addWidget(dialog)
    assert not dialog.record_button.isEnabled()
    qtbot.keyClicks(dialog.search, "bad4")
    qtbot.mouseClick(dialog.record_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Recall record saved" in dialog.done_label.text(), timeout=20_000)
    assert (tmp_path / "bad42.pdf").is_file() and (tmp_path / "bad42.xlsx").is_file()
    assert "lot BAD42" in PdfReader(tmp_path / "bad42.pdf").pages[0].extract_text()


def test_the_print_dialog_warns_when_cards_continue_on_a_second_card(qtbot, services, agency):
    from dataclasses import replace

    from PySide6.QtWidgets import QLabel

    from models.kits.resource_card_pdf import CardEntry
    from ui.kits.resource_cards_dialog import ResourceCardsDialog

    assert services.kits.cards_per_sheet() == 10
    content = services.kits.card_content()
    listed = tuple(CardEntry(f"S{k}", f"S{k}", f"Program {k}", "555-0100") for k in range(12))
    services.kits.save_card_content(replace(content, entries=listed))
    dialog = ResourceCardsDialog(services)
    qtbot.addWidget(dialog)
    assert dialog.sheets.suffix() == " sheet(s) × 5 cards"
    assert "continues on a second one" in " ".join(
        label.text() for label in dialog.findChildren(QLabel)
    )
