"""Kit label sheets and resource cards: PDFs parsed back, barcodes read, print runs booked."""

from __future__ import annotations

from datetime import date

import pytest
from pypdf import PdfReader

from models.common.errors import ValidationError
from models.common.settings import AGENCY_NAME
from models.kits.labels_pdf import BAR_HEIGHT
from models.stock.scanning import kit_label_payload, parse_scan
from tests.conftest import TODAY
from tests.models.code128_reader import barcodes_in_pdf
from tests.models.kit_fixtures import standard, stock_parts


def _text(path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(str(path)).pages)


def test_label_barcodes_round_trip_through_the_scan_parser(services, agency, tmp_path):
    kit = standard(services)
    stock_parts(
        services,
        agency,
        kit,
        naloxone=[("A", date(2026, 10, 31), 5), ("B", date(2027, 10, 31), 40)],
    )
    batches = services.kits.assemble_kits(kit.recipe, agency.room, 8).batches
    services.settings.set(AGENCY_NAME, "Demo County Sheriff")
    path = services.kits.write_labels(
        tmp_path / "labels.pdf", [(b.lot_id, b.quantity) for b in batches]
    )
    assert len(PdfReader(str(path)).pages) == 1  # eight labels, ten to a sheet
    codes = barcodes_in_pdf(path, BAR_HEIGHT)
    expected = [kit_label_payload(b.lot_number) for b in batches for _ in range(b.quantity)]
    assert codes == expected
    for code in set(codes):
        scan = parse_scan(code, TODAY)
        found = services.kits.find_batch(scan.kit_lot_number or "")
        assert found is not None and kit_label_payload(found.lot_number) == code
    text = _text(path)
    assert "Standard LBN kit" in text and "Demo County Sheriff" in text
    assert f"Kit batch {batches[0].lot_number}" in text and "EXP 2026-10-31" in text
    assert kit_label_payload(batches[-1].lot_number) in text


def test_labels_skip_used_positions_and_flow_onto_more_sheets(services, agency, tmp_path):
    kit = standard(services)
    stock_parts(services, agency, kit)
    batch = services.kits.assemble_kits(kit.recipe, agency.room, 12).batches[0]
    path = services.kits.write_labels(tmp_path / "l.pdf", [(batch.lot_id, 12)], skip=4)
    pages = PdfReader(str(path)).pages
    assert len(pages) == 2
    assert len(barcodes_in_pdf(path, BAR_HEIGHT)) == 12
    with pytest.raises(ValidationError):
        services.kits.write_labels(tmp_path / "none.pdf", [(batch.lot_id, 0)])


def test_a_card_print_run_is_booked_as_a_lot_valid_until_its_date(services, agency, tmp_path):
    standard(services)
    path, version = services.kits.print_resource_cards(
        tmp_path / "cards.pdf", agency.room, 2, date(2026, 12, 31)
    )
    assert version == "RC260115"
    reader = PdfReader(str(path))
    assert len(reader.pages) == 4  # English fronts and Spanish backs, two sheets
    english, spanish = reader.pages[0].extract_text(), reader.pages[1].extract_text()
    assert "Information valid until 2026-12-31" in english and "RC260115" in english
    assert "1-877-846-7369" in english and "Good Samaritan" in english and "N-CAP" in english
    assert "Información válida hasta 2026-12-31" in spanish and "Buen Samaritano" in spanish
    cards = [
        r for r in services.stock.list_on_hand(location_id=agency.room) if r.lot_number == version
    ]
    assert [(r.quantity, r.expiry) for r in cards] == [(20, date(2026, 12, 31))]
    _again, second = services.kits.print_resource_cards(
        tmp_path / "c2.pdf", agency.room, 1, date(2026, 12, 31)
    )
    assert second == "RC260115-2"


def test_card_content_is_editable_and_refuses_past_dates(services, agency, tmp_path):
    content = services.kits.card_content()
    assert any(e.name == "NY HOPEline" for e in content.entries)
    from dataclasses import replace

    services.kits.save_card_content(replace(content, title_en="Need help? Call 911."))
    assert services.kits.card_content().title_en == "Need help? Call 911."
    path = services.kits.preview_resource_cards(tmp_path / "p.pdf")
    assert "Need help? Call 911." in _text(path)
    with pytest.raises(ValidationError, match="in the future"):
        services.kits.print_resource_cards(tmp_path / "x.pdf", agency.room, 1, TODAY)
    assert not (tmp_path / "x.pdf").exists()


def test_kits_with_an_out_of_date_card_are_flagged_for_rekitting(services, agency, clock):
    kit = standard(services)
    stock_parts(services, agency, kit)
    services.kits.assemble_kits(kit.recipe, agency.room, 3)
    assert services.kits.list_kit_stock()[0].rekit_reason is None
    clock.set(date(2027, 1, 5))
    row = services.kits.list_kit_stock()[0]
    assert row.rekit_reason == "local resource card out of date"
    ready = services.kits.kits_ready_by_location()[0]
    assert (ready.ready, ready.needs_rekit) == (3, 3)


def test_kits_ready_by_location_band_expiries_against_par_levels(services, agency):
    kit = standard(services)
    stock_parts(
        services,
        agency,
        kit,
        naloxone=[
            ("A", date(2026, 2, 10), 4),
            ("B", date(2026, 4, 1), 4),
            ("C", date(2027, 9, 1), 20),
        ],
    )
    batches = services.kits.assemble_kits(kit.recipe, agency.room, 8).batches
    services.stock.transfer(batches[-1].lot_id, agency.room, agency.vehicle, 2)
    services.catalog.set_par_level(agency.vehicle, kit.product, 4)
    services.catalog.set_par_level(agency.vehicle2, kit.product, 2)
    rows = {r.location_path: r for r in services.kits.kits_ready_by_location()}
    room = rows["Station 1 / Supply room"]
    assert (room.ready, room.within_first_band, room.within_second_band) == (6, 2, 2)
    assert room.earliest_expiry == date(2026, 2, 10) and room.par is None
    patrol = rows["Station 1 / Patrol 12"]
    assert (patrol.ready, patrol.par, patrol.short) == (2, 4, 2)
    empty = rows["Station 1 / Patrol 14"]
    assert (empty.ready, empty.short) == (0, 2)


def test_kits_received_ready_made_get_labels_too(services, agency, tmp_path):
    from models.stock.rows import ReceiveLine

    kit = standard(services)
    services.stock.receive(agency.room, [ReceiveLine(kit.product, "CTY-7", date(2028, 3, 31), 4)])
    county = services.stock.find_lot(kit.product, "CTY-7")
    path = services.kits.write_labels(tmp_path / "c.pdf", [(county.id, 2)])
    assert barcodes_in_pdf(path, BAR_HEIGHT) == [kit_label_payload("CTY-7")] * 2
    assert "received ready-made" in _text(path)
