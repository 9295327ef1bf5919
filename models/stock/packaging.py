"""Packaging levels of a product (device, carton of 2, case of 24) and their barcodes;
knows the barcode table, not scanners or screens."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.common.errors import ValidationError
from models.common.pii_screen import screen_free_text
from models.stock.barcodes import attach_barcode, normalise_code
from models.stock.entities import Barcode, Product

MAX_UNITS_PER_LEVEL = 100_000


@dataclass(frozen=True)
class PackagingLevel:
    """One barcode of a product and how many units of issue a scan of it stands for."""

    code: str
    label: str
    units: int


def packaging_levels(product: Product) -> list[PackagingLevel]:
    """The product's barcodes, smallest package first; an unsized code is one package."""
    levels = [
        PackagingLevel(b.code, b.label or "", b.units or product.units_per_package)
        for b in product.barcodes
    ]
    return sorted(levels, key=lambda level: (level.units, level.code))


def set_packaging_level(
    s: Session, product: Product, code: str, units: int, label: str | None
) -> None:
    """Attach (or resize) a barcode as a packaging level of `units` units of issue."""
    if (
        isinstance(units, bool)
        or not isinstance(units, int)
        or not 1 <= units <= MAX_UNITS_PER_LEVEL
    ):
        raise ValidationError(
            f"A packaging level holds a whole number of units, 1 to {MAX_UNITS_PER_LEVEL:,}."
        )
    text = screen_free_text(label, "The packaging label")
    attach_barcode(s, product, code, text)
    barcode = s.scalar(select(Barcode).where(Barcode.code == normalise_code(code)))
    assert barcode is not None
    barcode.units = None if units == product.units_per_package else units
    if text is not None:
        barcode.label = text


def scan_units(s: Session, product: Product, code: str, is_case: bool) -> int | None:
    """Units of issue one scan of `code` stands for; None for a case of unknown size."""
    barcode = s.scalar(select(Barcode).where(Barcode.code == normalise_code(code)))
    if barcode is not None and barcode.product_id == product.id:
        return barcode.units or product.units_per_package
    return None if is_case else product.units_per_package
