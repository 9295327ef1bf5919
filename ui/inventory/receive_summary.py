"""What a receipt is about to book, in words, with the quantities worth a second look;
knows lines and past receipts, not widgets or the database."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape

from models.common.wording import counted
from models.stock.rows import ProductRow, ReceiveLine

LARGE_QUANTITY = 1_000  # more units than any one delivery of an LBN program
LARGEST_RECEIPT_FACTOR = 5  # ... or more than five times the largest receipt of that product


def unusual_quantity(line: ReceiveLine, largest: int | None) -> bool:
    """Far above what the agency ever received of the product: likely a scan gone astray."""
    if line.quantity > LARGE_QUANTITY:
        return True
    return largest is not None and line.quantity > LARGEST_RECEIPT_FACTOR * largest


def receipt_summary(
    lines: Sequence[ReceiveLine],
    products: Mapping[int, ProductRow],
    largest: Mapping[int, int],
    place: str,
) -> tuple[str, bool]:
    """An HTML list of the lines and totals, and whether any quantity looks wrong."""
    items, warnings, total = [], [], 0
    for number, line in enumerate(lines, start=1):
        product = products[line.product_id]
        lot = f", lot {escape(line.lot_number)}" if line.lot_number else ""
        expiry = f", expires {line.expiry.isoformat()}" if line.expiry else ""
        units = counted(line.quantity, product.unit_of_issue)
        items.append(f"<li>{escape(product.name)}{lot}{expiry}: <b>{units}</b></li>")
        total += line.quantity
        if unusual_quantity(line, largest.get(line.product_id)):
            before = largest.get(line.product_id)
            history = f"the largest receipt so far was {before}" if before else "never received"
            warnings.append(
                f"Line {number}: {line.quantity:,} is far more than usual ({history}). "
                "Check that no scan went into a quantity."
            )
    text = f"Receive into <b>{escape(place)}</b>:<ol>{''.join(items)}</ol>"
    text += f"Total: {counted(len(lines), 'line')}, {total:,} units."
    if warnings:
        text += "<p style='color:#b00020'>" + "<br>".join(map(escape, warnings)) + "</p>"
    return text, bool(warnings)
