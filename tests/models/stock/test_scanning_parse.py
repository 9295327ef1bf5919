"""GS1 scan parsing: every form keyboard-wedge scanners send, malformed scans, arbitrary text."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from models.common.errors import DomainError
from models.common.gtin import check_digit, gtin12_from_ndc
from models.stock.scanning import (
    GS_SYMBOL,
    KIT_LABEL_PREFIX,
    ScanError,
    ScanForm,
    kit_label_payload,
    parse_scan,
)

TODAY = date(2026, 1, 15)
UPC = gtin12_from_ndc("59467-679-01")  # Kloxxado carton: 359467679015
GTIN = UPC.zfill(14)
CASE_GTIN = "5" + GTIN[1:13] + check_digit("5" + GTIN[1:13])  # a case of cartons
GS = "\x1d"


def test_kloxxado_gtin_is_built_with_a_correct_check_digit() -> None:
    assert UPC == "359467679015" and GTIN == "00359467679015"


@pytest.mark.parametrize(
    "text",
    [
        f"]d201{GTIN}17270600{GS}10AB12{GS}21SN9",  # DataMatrix with symbology prefix
        f"01{GTIN}17270600{GS}10AB12{GS}21SN9",  # without prefix
        f"]C101{GTIN}1727060010AB12{GS}21SN9",  # GS1-128
        f"]Q301{GTIN}1727060010AB12{GS}21SN9",  # GS1 QR
        f"01{GTIN}10AB12{GS}21SN9{GS}17270600",  # any order
        f"01{GTIN}10AB12|21SN9|17270600",  # scanner's substitute separator
        f"01{GTIN}10AB12<GS>21SN9<GS>17270600",
        f"01{GTIN}10AB12^]21SN9^]17270600",
        f"01{GTIN}10AB12{GS_SYMBOL}21SN9{GS_SYMBOL}17270600",  # as a scan field shows GS
        f"(01){GTIN}(17)270600(10)AB12(21)SN9",  # human-readable text
        f"]d2(01){GTIN}(17)270600(10)AB12(21)SN9",
        f"(01) {GTIN} (17) 270600 (10) AB12 (21) SN9",
        f"https://id.gs1.org/01/{GTIN}/10/AB12/21/SN9?17=270600",  # GS1 Digital Link
        f"HTTPS://example.com/01/{GTIN}/10/AB12/21/SN9?17=270600",
        f"01{GTIN}17270600{GS}10AB12{GS}21SN9{GS}\r\n",  # trailing separator and Enter
    ],
)
def test_full_gs1_scan_gives_gtin_lot_expiry_and_serial(text: str) -> None:
    scan = parse_scan(text, TODAY)
    assert (scan.gtin, scan.lot, scan.expiry, scan.serial) == (
        GTIN,
        "AB12",
        date(2027, 6, 30),
        "SN9",
    )
    assert scan.ndc_digits == "5946767901"


def test_day_00_means_last_day_of_month_including_leap_years() -> None:
    assert parse_scan(f"01{GTIN}17280200", TODAY).expiry == date(2028, 2, 29)
    assert parse_scan(f"01{GTIN}17270200", TODAY).expiry == date(2027, 2, 28)
    assert parse_scan(f"01{GTIN}17271215", TODAY).expiry == date(2027, 12, 15)


def test_two_digit_years_follow_the_gs1_window_around_today() -> None:
    assert parse_scan(f"01{GTIN}17760101", TODAY).expiry == date(2076, 1, 1)
    assert parse_scan(f"01{GTIN}17770101", TODAY).expiry == date(1977, 1, 1)
    assert parse_scan(f"01{GTIN}17770101", date(2060, 1, 1)).expiry == date(2077, 1, 1)


@pytest.mark.parametrize(
    ("text", "symbology"),
    [
        (UPC, None),  # UPC-A as OTC cartons carry it
        ("0" + UPC, None),  # EAN-13
        (GTIN, None),  # GTIN-14
        ("]E0" + "0" + UPC, "]E0"),
        (" " + UPC + "\n", None),
    ],
)
def test_plain_upc_ean_and_gtin14_give_the_gtin_only(text: str, symbology: str | None) -> None:
    scan = parse_scan(text, TODAY)
    assert scan.form is ScanForm.GTIN and scan.symbology == symbology
    assert (scan.gtin, scan.lot, scan.expiry, scan.serial) == (GTIN, None, None, None)


def test_case_gtin_keeps_its_packaging_indicator() -> None:
    assert parse_scan(CASE_GTIN, TODAY).gtin == CASE_GTIN


def test_upc_e_is_expanded_to_its_gtin_when_the_scanner_announces_it() -> None:
    assert parse_scan("]E004252614", TODAY).gtin == "00042100005264"
    assert parse_scan("]E0425261", TODAY).gtin == "00042100005264"


@pytest.mark.parametrize("text", ["270800", "425261", "0425261"])
def test_six_or_seven_digits_without_a_upc_e_prefix_are_not_a_barcode(text: str) -> None:
    with pytest.raises(ScanError, match="too short for a product barcode"):
        parse_scan(text, TODAY)


def test_case_gtin_is_marked_as_a_case() -> None:
    scan = parse_scan(CASE_GTIN, TODAY)
    assert scan.is_case and 1 <= scan.packaging_indicator <= 8
    assert not parse_scan(GTIN, TODAY).is_case


def test_symbology_prefix_alone_is_nothing_scanned() -> None:
    with pytest.raises(ScanError, match="Nothing was scanned"):
        parse_scan("]d2\r", TODAY)


def test_kit_label_gives_the_kit_lot() -> None:
    scan = parse_scan("]C0" + kit_label_payload("K-2026-014"), TODAY)
    assert scan.form is ScanForm.KIT_LABEL and scan.kit_lot_number == "K-2026-014"
    assert scan.gtin is None and "kit lot K-2026-014" in scan.describe()


def test_lot_ending_in_17_and_a_date_is_kept_whole_with_the_split_as_an_alternative() -> None:
    scan = parse_scan(f"01{GTIN}10AB1217270600", TODAY)
    assert (scan.lot, scan.expiry) == ("AB1217270600", None)
    assert scan.alternative is not None
    assert (scan.alternative.lot, scan.alternative.expiry) == ("AB12", date(2027, 6, 30))


def test_lot_with_separators_has_no_alternative_reading() -> None:
    assert parse_scan(f"01{GTIN}10AB12{GS}17270600", TODAY).alternative is None


def test_lot_with_separators_is_never_split() -> None:
    scan = parse_scan(f"01{GTIN}10AB1217270600{GS}17280100", TODAY)
    assert (scan.lot, scan.expiry) == ("AB1217270600", date(2028, 1, 31))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "Nothing was scanned"),
        ("   \r\n", "Nothing was scanned"),
        ("]", "not a readable GS1 barcode"),
        ("hello", "not a readable GS1 barcode"),
        (UPC[:-1] + "9", "not a valid UPC/EAN/GTIN"),  # wrong check digit
        (f"01{GTIN[:-1]}9", "wrong check digit"),
        (f"01{GTIN}17271332", "not a readable GS1 barcode"),  # month 13
        (f"01{GTIN}17270631", "not a readable GS1 barcode"),  # 31 June
        (f"01{GTIN}1727", "not a readable GS1 barcode"),  # cut short
        ("17270600" + GS + "10AB12", "no product number"),
        ("00123456789012345675", "shipping-container"),
        (f"(01){GTIN}(99", "not a readable GS1"),
        ("(x)12", "not a readable GS1"),
        ("https://id.gs1.org/01/00359467679016/10/AB", "wrong check digit"),
        ("https://example.com/about", "not a readable GS1 Digital Link"),
        (KIT_LABEL_PREFIX, "no kit lot number"),
        ("9" * 600, "too long"),
        ("٣٥٩٤٦٧٦٧٩٠١٥", "not a readable GS1"),  # non-ASCII digits are not scanner output
    ],
)
def test_malformed_scans_raise_a_scan_error_with_a_clear_message(text: str, message: str) -> None:
    with pytest.raises(ScanError, match=message):
        parse_scan(text, TODAY)


def test_scan_error_is_a_domain_error() -> None:
    assert issubclass(ScanError, DomainError)


def test_agency_can_configure_its_own_separator() -> None:
    text = f"01{GTIN}10AB12#21SN9"
    assert parse_scan(text, TODAY, separators=["#"]).serial == "SN9"
    with pytest.raises(ScanError):  # '#' is no default substitute, nor valid in a lot
        parse_scan(text, TODAY)


@settings(max_examples=400, deadline=None)
@given(st.text(max_size=120))
def test_arbitrary_text_raises_nothing_but_scan_error(text: str) -> None:
    try:
        scan = parse_scan(text, TODAY)
    except ScanError as refusal:
        assert str(refusal).strip()  # always a message for the scan field
        return
    assert scan.describe()


_GS1ISH = st.text(alphabet="0123456789()]|\x1d<>GSd2C1E0Q3:/.htps?=-ABXab", max_size=80)


@settings(max_examples=400, deadline=None)
@given(_GS1ISH, st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)))
def test_gs1_like_noise_raises_nothing_but_scan_error(text: str, today: date) -> None:
    try:
        scan = parse_scan(text, today)
    except ScanError as refusal:
        assert str(refusal).strip()
        return
    assert scan.kit_lot_number is not None or (scan.gtin is not None and len(scan.gtin) == 14)


@given(st.text(min_size=1, max_size=12).filter(lambda s: GS not in s))
def test_any_lot_survives_a_round_trip(lot: str) -> None:
    lot = "".join(ch for ch in lot if ch.isalnum() and ch.isascii()) or "L1"
    scan = parse_scan(f"]d201{GTIN}17270600{GS}10{lot}{GS}", TODAY)
    assert scan.lot == lot
