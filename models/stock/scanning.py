"""GS1 barcode scans as keyboard-wedge scanners type them; knows text, not the catalog.

A USB scanner "types" its data followed by Enter: optionally a symbology prefix (`]d2` GS1
DataMatrix, `]C1` GS1-128, `]E0` UPC/EAN, `]Q3` GS1 QR), then the data, with the group separator
(ASCII 29) between variable-length fields, or a substitute when the scanner is set up to send one.
`parse_scan` turns any accepted form into a `ScanResult`; anything else is a `ScanError`.

Kit labels printed by this app carry `KIT_LABEL_PREFIX + kit lot number` in a Code 128 symbol.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum

from biip import ParseConfig
from biip.gs1_digital_link_uris import GS1DigitalLinkURI
from biip.gs1_element_strings import GS1ElementStrings
from biip.gs1_messages import GS1Message
from biip.upc import Upc

from models.common.dates import end_of_month
from models.common.errors import DomainError
from models.common.gtin import is_valid_gtin, ndc_digits_in_gtin
from models.common.settings import SettingKey, as_json

KIT_LABEL_PREFIX = "LBNKIT:"

GS = "\x1d"
GS_SYMBOL = "\u241d"  # "␝": how a scan field shows a group separator it received
# What scanners send instead of ASCII 29 when set up to; none of these may appear in GS1 data.
DEFAULT_SEPARATORS: tuple[str, ...] = ("|", "<GS>", "{GS}", "[GS]", "^]", "~")
SEPARATORS_SETTING = SettingKey("scan_separators", list(DEFAULT_SEPARATORS), as_json)
MAX_SCAN_LENGTH = 512

_PREFIX = re.compile(r"\][A-Za-z][0-9A-Za-z]")
_GS1_SYMBOLOGIES = {"d2", "C1", "Q3", "e0"}  # prefixes announcing a GS1 element string
_PLAIN_CODE = re.compile(r"[0-9]{6,8}|[0-9]{12,14}")
_HRI = re.compile(r"(?:\([0-9]{2,4}\)[^()]+)+")
_BIIP_BAD_DATE = re.compile(r"AI \((\d+)\) date/time from '(\d*)'")
_BIIP_PATTERN = re.compile(r"match '([^']*)' with GS1 AI \((\d+)\) pattern")
_DATE_AIS = {"11", "12", "13", "15", "16", "17"}
_EXPIRY_IN_LOT = re.compile(r"(.+?)17([0-9]{6})")


def kit_label_payload(kit_lot_number: str) -> str:
    """The text a kit label's barcode encodes; the scan parser recognises it."""
    return KIT_LABEL_PREFIX + kit_lot_number


class ScanError(DomainError):
    """A scan that cannot be read as a product barcode; the message says what was wrong."""


class ScanForm(StrEnum):
    GS1 = "GS1 element string"
    HRI = "GS1 human-readable text"
    DIGITAL_LINK = "GS1 Digital Link"
    GTIN = "UPC/EAN/GTIN"
    KIT_LABEL = "kit label"


@dataclass(frozen=True)
class ScanResult:
    """What one scan says: product number, lot, expiry, serial (or a kit lot of this app)."""

    form: ScanForm
    gtin: str | None = None  # always 14 digits
    lot: str | None = None
    expiry: date | None = None
    serial: str | None = None
    kit_lot_number: str | None = None
    symbology: str | None = None  # e.g. "]d2"
    # Another reading of the same text (a lot ending in "17YYMMDD" with no separator): ask.
    alternative: ScanResult | None = None

    @property
    def packaging_indicator(self) -> int:
        """The first digit of a GTIN-14: 0 a package as sold, 1-8 a case of packages."""
        return int(self.gtin[0]) if self.gtin else 0

    @property
    def is_case(self) -> bool:
        """A case-level GTIN (packaging indicator 1-8): many packages, not one."""
        return 1 <= self.packaging_indicator <= 8

    @property
    def ndc_digits(self) -> str | None:
        """The 10 NDC digits inside a US drug GTIN, for messages and new products."""
        return ndc_digits_in_gtin(self.gtin) if self.gtin else None

    def describe(self) -> str:
        """One line for the scan field: what was read."""
        if self.kit_lot_number is not None:
            return f"Kit label, kit lot {self.kit_lot_number}"
        parts = [f"GTIN {self.gtin}"]
        if self.lot:
            parts.append(f"lot {self.lot}")
        if self.expiry:
            parts.append(f"expiry {self.expiry.isoformat()}")
        if self.serial:
            parts.append(f"serial {self.serial}")
        return " · ".join(parts)


def parse_scan(
    text: str, today: date, separators: Iterable[str] = DEFAULT_SEPARATORS
) -> ScanResult:
    """Read what a scanner typed; raises only ScanError. `today` anchors two-digit years."""
    raw = (text or "").strip(" \t\r\n")
    if not raw:
        raise ScanError("Nothing was scanned.")
    if len(raw) > MAX_SCAN_LENGTH:
        raise ScanError("That is too long to be a product barcode.")
    symbology = None
    if match := _PREFIX.match(raw):
        symbology, raw = match.group(), raw[match.end() :].strip(" \t\r\n")
        if not raw:
            raise ScanError("Nothing was scanned.")
    if raw.upper().startswith(KIT_LABEL_PREFIX):
        return _kit_label(raw, symbology)
    if raw.lower().startswith(("http://", "https://")):
        return _from_elements(_digital_link(raw), today, ScanForm.DIGITAL_LINK, symbology)
    data = _normalise_separators(raw, separators)
    if data.startswith("("):
        return _from_elements(_hri(data), today, ScanForm.HRI, symbology)
    gs1_announced = symbology is not None and symbology[1:] in _GS1_SYMBOLOGIES
    if not gs1_announced and _PLAIN_CODE.fullmatch(data):
        upc_e_announced = symbology is not None and symbology.startswith("]E")
        gtin = _plain_gtin(data, upc_e_announced)
        return ScanResult(ScanForm.GTIN, gtin=gtin, symbology=symbology)
    elements = _gs1_message(data)
    scan = _from_elements(elements, today, ScanForm.GS1, symbology)
    if GS in data or (split := _expiry_glued_to_lot(elements, today)) is None:
        return scan
    return replace(scan, alternative=_from_elements(split, today, ScanForm.GS1, symbology))


def _kit_label(raw: str, symbology: str | None) -> ScanResult:
    number = raw[len(KIT_LABEL_PREFIX) :].strip()
    if not number or not number.isprintable():
        raise ScanError("This kit label carries no kit lot number.")
    return ScanResult(ScanForm.KIT_LABEL, kit_lot_number=number, symbology=symbology)


def _normalise_separators(raw: str, separators: Iterable[str]) -> str:
    data = raw.replace(GS_SYMBOL, GS)
    for substitute in separators:
        if substitute:
            data = data.replace(substitute, GS)
    return data.strip(GS)


def _plain_gtin(digits: str, upc_e_announced: bool) -> str:
    """A UPC-A/EAN-13/GTIN-14/EAN-8 as 14 digits; UPC-E only when the scanner says so.

    Six digits typed by hand are far more often an expiry (270800) than a UPC-E."""
    if len(digits) >= 8 and is_valid_gtin(digits):
        return digits.zfill(14)
    if len(digits) < 8 and not upc_e_announced:
        raise ScanError(
            f"{digits} is too short for a product barcode; type a date or lot in its own field."
        )
    if len(digits) <= 8:
        try:
            return Upc.parse(digits).as_upc_a().zfill(14)
        except Exception:  # biip's ParseError; on hostile input possibly others
            pass
    raise ScanError(f"{digits} is not a valid UPC/EAN/GTIN (wrong length or check digit).")


def _gs1_message(data: str) -> GS1ElementStrings:
    try:
        return GS1Message.parse(data, config=ParseConfig(separator_chars=(GS,))).element_strings
    except Exception as exc:  # ParseError for bad data; biip may raise others on garbage
        raise ScanError(f"The scan is not a readable GS1 barcode: {_detail(exc)}") from None


def _hri(data: str) -> GS1ElementStrings:
    text = "".join(data.replace(GS, "").split())
    if not _HRI.fullmatch(text):
        raise ScanError("The text is not a readable GS1 (AI)value string: expected (01)…(10)….")
    try:
        return GS1Message.parse_hri(text).element_strings
    except Exception as exc:
        raise ScanError(
            f"The text is not a readable GS1 (AI)value string: {_detail(exc)}"
        ) from None


def _digital_link(raw: str) -> GS1ElementStrings:
    try:
        return GS1DigitalLinkURI.parse(raw).element_strings
    except Exception as exc:
        raise ScanError(f"The link is not a readable GS1 Digital Link: {_detail(exc)}") from None


def _detail(exc: Exception) -> str:
    """biip's reason, shortened: it may quote the whole (possibly huge) scan."""
    text = str(exc).strip().rstrip(".") or type(exc).__name__
    if bad_date := _BIIP_BAD_DATE.search(text):
        ai, value = bad_date.groups()
        return f"the date in AI ({ai}), {value}, is not a real date (YYMMDD)."
    if misfit := _BIIP_PATTERN.search(text):
        data, ai = misfit.groups()
        value = data[len(ai) :] if data.startswith(ai) else data
        if ai in _DATE_AIS:
            return f"the date in AI ({ai}), {value[:6]}, is not a real date (YYMMDD)."
        return f"the value {value[:40]} does not fit GS1 AI ({ai})."
    text = text if len(text) <= 160 else text[:157] + "…"
    return text[0].lower() + text[1:] + "."


def _expiry_glued_to_lot(elements: GS1ElementStrings, today: date) -> GS1ElementStrings | None:
    """A scanner set up without separators glues `17YYMMDD` onto a lot that came before it;
    a lot may also really end that way, so this is only the other reading (None if none)."""
    if elements.get(ai="17") is not None or (lot := elements.get(ai="10")) is None:
        return None
    match = _EXPIRY_IN_LOT.fullmatch(lot.value)
    if match is None or _gs1_date(match.group(2), today, strict=False) is None:
        return None
    number, expiry = match.groups()
    rebuilt = "".join(
        f"{e.ai.ai}{number}{GS}17{expiry}" if e is lot else f"{e.ai.ai}{e.value}{GS}"
        for e in elements
    )
    return _gs1_message(rebuilt)


def _from_elements(
    elements: GS1ElementStrings, today: date, form: ScanForm, symbology: str | None
) -> ScanResult:
    product = elements.get(ai="01") or elements.get(ai="02")
    if product is None:
        if elements.get(ai="00") is not None:
            raise ScanError("This is a shipping-container label (SSCC); scan the carton.")
        raise ScanError("The barcode carries no product number (GTIN, AI 01).")
    if not is_valid_gtin(product.value):
        raise ScanError(f"The product number {product.value} has a wrong check digit.")
    expiry = elements.get(ai="17")
    return ScanResult(
        form,
        gtin=product.value,
        lot=_text(elements, "10"),
        expiry=None if expiry is None else _gs1_date(expiry.value, today, strict=True),
        serial=_text(elements, "21"),
        symbology=symbology,
    )


def _text(elements: GS1ElementStrings, ai: str) -> str | None:
    element = elements.get(ai=ai)
    value = None if element is None else element.value.strip()
    return value or None


def _gs1_date(value: str, today: date, *, strict: bool) -> date | None:
    """YYMMDD within -49/+50 years of today (GS1 General Specifications 7.12); DD 00 = month end."""
    if not re.fullmatch(r"[0-9]{6}", value):
        if strict:
            raise ScanError(f"The expiry {value} is not a YYMMDD date.")
        return None
    yy, month, day = int(value[:2]), int(value[2:4]), int(value[4:])
    century = today.year - today.year % 100
    difference = yy - today.year % 100
    if difference >= 51:
        century -= 100
    elif difference <= -50:
        century += 100
    try:
        return end_of_month(century + yy, month) if day == 0 else date(century + yy, month, day)
    except ValueError:
        if strict:
            raise ScanError(f"The expiry {value} is not a real date (YYMMDD).") from None
        return None
