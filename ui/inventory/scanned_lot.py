"""What a scan caught on a main screen points at: a lot, or only a product; knows no widgets."""

from __future__ import annotations

from dataclasses import dataclass

from models.services import Services
from models.stock.scan_lookup import ScanMatch, match_scan
from models.stock.scanning import ScanError
from ui.widgets.scan_field import read_scan


@dataclass(frozen=True)
class ScannedLot:
    """The lot (or product) to show, or why there is none."""

    lot_number: str | None = None
    product_id: int | None = None
    message: str = ""


def scanned_lot(services: Services, text: str) -> ScannedLot:
    """Read and match a scan; of two readings of a lot, the one on record wins."""
    try:
        scan = read_scan(services, text)
    except ScanError as refusal:
        return ScannedLot(message=str(refusal))
    found = match_scan(services.catalog, services.stock, scan)
    if scan.alternative is not None and found.lot is None:
        other = match_scan(services.catalog, services.stock, scan.alternative)
        found = other if other.lot is not None else found
    return _shown(found)


def _shown(found: ScanMatch) -> ScannedLot:
    if found.product is None:
        return ScannedLot(message=found.describe())
    if found.lot is not None:
        return ScannedLot(found.lot.lot_number, found.product.id, "Scanned: " + found.describe())
    lot = found.scan.lot
    note = f"; lot {lot} is not on record" if lot else ""
    return ScannedLot(None, found.product.id, f"Scanned: {found.product.name}{note}.")


def scanned_kit_lot(services: Services, text: str) -> tuple[str | None, str]:
    """The kit lot number on a scanned kit label, or (None, why not)."""
    try:
        scan = read_scan(services, text)
    except ScanError as refusal:
        return None, str(refusal)
    if scan.kit_lot_number is None:
        return None, "That is a product barcode; scan the kit's label here."
    return scan.kit_lot_number, ""
