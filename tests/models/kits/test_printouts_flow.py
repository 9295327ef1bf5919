"""Kit labels and resource cards flow instead of shrinking or cutting: no text below 7 pt, every
component and every directory entry printed."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from pypdf import PdfReader

from models.kits.labels_pdf import KitLabel, write_kit_labels
from models.kits.resource_card_pdf import CardEntry, write_resource_cards
from models.stock.rows import ReceiveLine
from tests.models.kit_fixtures import standard
from tests.pdf_checks import all_text, assert_readable_and_uncut

FULL_KIT = (
    "2 × Narcan 4 mg nasal spray, 1 × Kit pouch, 1 × Naloxone instructions leaflet, "
    "1 × Local resource card, 1 × Good Samaritan Law card, 2 × Fentanyl test strip, "
    "2 × Xylazine test strip, 1 × CPR face shield"
)


def _flat(path) -> str:
    return re.sub(r"\s+", " ", all_text(path))


def test_label_contents_wrap_to_the_labels_lines_and_name_every_component(tmp_path) -> None:
    label = KitLabel("K260115-001", "Standard LBN kit", date(2027, 6, 30), date(2026, 1, 15),
                     FULL_KIT)  # fmt: skip
    path = write_kit_labels(tmp_path / "labels.pdf", [label] * 3, "Demo County Sheriff")
    assert_readable_and_uncut(path)
    text = _flat(path)
    for item in FULL_KIT.split(", "):
        assert item in text, item
    assert "…" not in text


def test_a_recipe_too_long_for_full_names_lists_short_names(tmp_path) -> None:
    many = ", ".join(f"1 × Component number {k} of the kit (blue)" for k in range(1, 15))
    label = KitLabel("K1", "Big kit", None, date(2026, 1, 15), many)
    path = write_kit_labels(tmp_path / "big.pdf", [label])
    assert_readable_and_uncut(path)
    text = _flat(path)
    assert "1 Component number, " in text and "…" not in text


def test_ready_made_kits_print_when_they_were_received_not_assembled(services, agency, tmp_path):
    kit = standard(services)
    services.stock.receive(agency.room, [ReceiveLine(kit.product, "CTY-7", date(2028, 3, 31), 4)])
    county = services.stock.find_lot(kit.product, "CTY-7")
    path = services.kits.write_labels(tmp_path / "c.pdf", [(county.id, 1)])
    text = _flat(path)
    assert "Received 2026-01-15" in text and "Assembled" not in text


def _cards(services, tmp_path, entries: int):
    content = services.kits.card_content()
    listed = tuple(
        CardEntry(f"Service {k}", f"Servicio {k}", f"Program number {k}", f"555-01{k:02d}")
        for k in range(1, entries + 1)
    )
    content = replace(content, entries=listed)
    path = write_resource_cards(
        tmp_path / f"cards{entries}.pdf", content, date(2026, 12, 31), "RC260115", "Agency"
    )
    return content, path


def test_a_card_with_one_entry_fits_one_card_at_readable_size(services, tmp_path) -> None:
    content, path = _cards(services, tmp_path, 1)
    assert_readable_and_uncut(path)
    english = re.sub(r"\s+", " ", PdfReader(path).pages[0].extract_text())
    assert english.count("Program number 1") == 10 and "1/2" not in english
    assert english.count(content.good_samaritan_en.split()[0]) >= 10


def test_a_card_with_twelve_entries_continues_on_a_second_card(services, tmp_path) -> None:
    _content, path = _cards(services, tmp_path, 12)
    assert_readable_and_uncut(path)
    english = re.sub(r"\s+", " ", PdfReader(path).pages[0].extract_text())
    for k in range(1, 13):
        assert english.count(f"Program number {k} ") == 5, k  # five two-card sets a sheet
    assert english.count("1/2") == 5 and english.count("2/2") == 5
    assert english.count("Information valid until 2026-12-31") == 5


def test_a_print_run_of_two_card_sets_books_five_cards_a_sheet(services, agency, tmp_path):
    content = services.kits.card_content()
    listed = tuple(CardEntry(f"S{k}", f"S{k}", f"Program {k}", "555-0100") for k in range(12))
    services.kits.save_card_content(replace(content, entries=listed))
    _path, version = services.kits.print_resource_cards(
        tmp_path / "run.pdf", agency.room, 2, date(2026, 12, 31)
    )
    cards = [r for r in services.stock.list_on_hand(location_id=agency.room)
             if r.lot_number == version]  # fmt: skip
    assert [r.quantity for r in cards] == [10]
