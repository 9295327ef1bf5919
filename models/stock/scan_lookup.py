"""Match a parsed scan to a catalog product and a known lot; knows services, not widgets."""

from __future__ import annotations

from dataclasses import dataclass

from models.stock.catalog_service import CatalogService
from models.stock.entities import ProductKind
from models.stock.rows import LotRow, ProductRow
from models.stock.scanning import ScanResult
from models.stock.service import StockService


@dataclass(frozen=True)
class ScanMatch:
    """A scan with what the database knows about it (product and lot may be unknown)."""

    scan: ScanResult
    product: ProductRow | None
    lot: LotRow | None
    units: int | None = None  # units of issue this scan stands for; None = unknown case size

    @property
    def unsized_case(self) -> bool:
        """A case barcode of a known product whose case size is not in the catalog."""
        return self.product is not None and self.units is None

    @property
    def expiry_conflict(self) -> bool:
        """The scanned expiry differs from the one recorded for this lot: check the package."""
        return (
            self.lot is not None
            and self.scan.expiry is not None
            and self.lot.expiry != self.scan.expiry
        )

    def describe(self) -> str:
        """One line for the user: what the scan was matched to."""
        if self.product is None:
            if self.scan.kit_lot_number is not None:
                return f"No kit lot {self.scan.kit_lot_number} is on record."
            ndc = self.scan.ndc_digits
            hint = f" (NDC digits {ndc})" if ndc else ""
            return f"No product in the catalog has barcode {self.scan.gtin}{hint}."
        text = self.product.name
        if self.unsized_case:
            return (
                f"{text}: this is a case barcode whose size is not in the catalog; "
                "add it as a packaging level of the product (Settings → Products)."
            )
        if self.units is not None and self.units != self.product.units_per_package:
            text += f" (a package of {self.units} {self.product.unit_of_issue}s)"
        if self.lot is not None:
            expiry = self.lot.expiry.isoformat() if self.lot.expiry else "no expiry"
            text += f", known lot {self.lot.lot_number} (expires {expiry})"
        elif self.scan.lot:
            text += f", new lot {self.scan.lot}"
        if self.expiry_conflict:
            assert self.scan.expiry is not None
            text += f"; the scan says {self.scan.expiry.isoformat()}: check the package"
        return text


def match_scan(catalog: CatalogService, stock: StockService, scan: ScanResult) -> ScanMatch:
    """Product by its barcodes (or the NDC inside a US GTIN); the lot if already recorded."""
    if scan.kit_lot_number is not None:
        lots = stock.find_lots_by_number(scan.kit_lot_number, ProductKind.KIT)
        if not lots:
            return ScanMatch(scan, None, None)
        return ScanMatch(scan, catalog.get_product(lots[0].product_id), lots[0], 1)
    product = catalog.find_product_by_code(scan.gtin or "")
    if product is None:
        return ScanMatch(scan, None, None)
    lot = stock.find_lot(product.id, scan.lot) if scan.lot else None
    units = catalog.scan_units(product.id, scan.gtin or "", scan.is_case)
    return ScanMatch(scan, product, lot, units)
