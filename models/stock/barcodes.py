"""Attaches a barcode to a product, refusing one that another product already owns."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.common.errors import ValidationError
from models.common.gtin import is_valid_gtin, to_gtin14
from models.stock.entities import Barcode, Product


def attach_barcode(s: Session, product: Product, code: str, label: str | None) -> None:
    key = normalise_code(code)
    owner = s.scalar(select(Barcode).where(Barcode.code == key))
    if owner is not None:
        if owner.product_id == product.id:
            return
        other = s.get(Product, owner.product_id)
        raise ValidationError(f"Barcode {code} already belongs to {other.name if other else '?'}.")
    s.add(Barcode(product_id=product.id, code=key, label=label))


def normalise_code(code: str) -> str:
    """Barcodes are stored as GTIN-14 when they are GTINs, otherwise as typed (trimmed)."""
    raw = (code or "").strip()
    digits = "".join(ch for ch in raw if ch.isdigit())
    if digits == raw.replace("-", "").replace(" ", "") and is_valid_gtin(digits):
        return to_gtin14(digits)
    if not raw:
        raise ValidationError("The barcode is empty.")
    return raw
