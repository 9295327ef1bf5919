"""Matching scans to catalog products and known lots on a real SQLite file."""

from __future__ import annotations

from datetime import date

from models.common.gtin import check_digit, gtin12_from_ndc
from models.stock.rows import ReceiveLine
from models.stock.scan_lookup import match_scan
from models.stock.scanning import kit_label_payload, parse_scan
from tests.conftest import TODAY

KLOXXADO_GTIN = gtin12_from_ndc("59467-679-01").zfill(14)
NARCAN_UPC = gtin12_from_ndc("69547-627-02")
STORE_UPC = "0311917040332"  # store-brand UPC that carries no NDC


def _match(services, text: str):
    return match_scan(services.catalog, services.stock, parse_scan(text, TODAY))


def test_datamatrix_matches_product_by_barcode_and_lot_is_new(services, agency) -> None:
    found = _match(services, f"]d201{KLOXXADO_GTIN}17270600\x1d10KX1")
    assert found.product is not None and found.product.name == "Kloxxado 8 mg nasal spray"
    assert found.lot is None and "new lot KX1" in found.describe()


def test_known_lot_is_found_again(services, agency) -> None:
    services.stock.receive(agency.room, [ReceiveLine(agency.narcan, "NX42", date(2027, 4, 30), 6)])
    found = _match(services, f"(01){NARCAN_UPC.zfill(14)}(10)NX42")
    assert found.lot is not None and found.lot.lot_number == "NX42"
    assert found.lot.expiry == date(2027, 4, 30) and not found.expiry_conflict
    clash = _match(services, f"(01){NARCAN_UPC.zfill(14)}(17)270500(10)NX42")
    assert clash.expiry_conflict and "check the package" in clash.describe()


def test_case_gtin_matches_by_the_ndc_inside(services, agency) -> None:
    body = "5" + NARCAN_UPC.zfill(14)[1:13]
    found = _match(services, body + check_digit(body))
    assert found.product is not None and found.product.id == agency.narcan


def test_store_brand_upc_matches_through_the_products_own_barcodes(services, agency) -> None:
    assert _match(services, STORE_UPC).product is None
    services.catalog.add_barcode(agency.teva, STORE_UPC, "store brand")
    found = _match(services, STORE_UPC)
    assert found.product is not None and found.product.id == agency.teva


def test_unknown_gtin_says_so_with_its_ndc_digits(services, agency) -> None:
    body = "3" + "0000123456"
    found = _match(services, body + check_digit(body))
    assert found.product is None
    assert "No product in the catalog has barcode" in found.describe()
    assert "NDC digits 0000123456" in found.describe()


def test_kit_label_finds_the_kit_lot(services, agency) -> None:
    kit = next(p for p in services.catalog.list_products() if p.kind == "kit")
    services.stock.receive(agency.room, [ReceiveLine(kit.id, "K-2026-001", date(2027, 1, 31), 3)])
    found = _match(services, kit_label_payload("K-2026-001"))
    assert found.product is not None and found.product.id == kit.id
    assert found.lot is not None and found.lot.lot_number == "K-2026-001"
    assert _match(services, kit_label_payload("K-none")).product is None


def test_list_lots_gives_every_lot_of_a_product_first_expiry_first(services, agency) -> None:
    services.stock.receive(
        agency.room,
        [
            ReceiveLine(agency.narcan, "B", date(2028, 1, 31), 1),
            ReceiveLine(agency.narcan, "A", date(2027, 1, 31), 1),
        ],
    )
    assert [lot.lot_number for lot in services.stock.list_lots(agency.narcan)] == ["A", "B"]
    assert [lot.lot_number for lot in services.stock.find_lots_by_number("B")] == ["B"]
    assert services.stock.find_lots_by_number("B", "kit") == []


def test_new_product_with_an_ndc_is_found_by_the_upc_on_its_carton(services, agency) -> None:
    added = services.catalog.save_product(
        None, name="Store naloxone 4 mg", kind="naloxone", ndc="12345-678-90"
    )
    upc = gtin12_from_ndc("12345-678-90")
    found = _match(services, upc)
    assert found.product is not None and found.product.id == added.id
