"""The bounds every value must keep, the same on SQLite and PostgreSQL; knows numbers, not tables.

Services enforce them with messages, input widgets mirror them (maxima, maxLength), and the schema
holds them with CHECK constraints (migration i21_limits), so a mis-scan or a crafted file is
refused the same way everywhere instead of overflowing a column on one backend only.
"""

from __future__ import annotations

import re

from models.common.errors import ValidationError

MAX_LINE_QUANTITY = 100_000  # one receipt line, transfer, count or tally row
MAX_BALANCE = 1_000_000_000  # any balance, virtual ones included; well inside a 32-bit integer
MAX_LOT_NUMBER = 40  # characters; what a GS1 lot (AI 10) can hold is 20
MAX_FREE_TEXT = 1_000  # a comment, note or reason
MAX_NAME = 120  # a location, product or person name as typed

LOT_NUMBER_PATTERN = r"[!-~][ -~]*"  # printable ASCII, as GS1 lot numbers are
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")  # NUL and friends: no backend agrees


def check_quantity(quantity: object, what: str = "Quantity") -> int:
    """A whole number from 1 to MAX_LINE_QUANTITY, or a refusal saying which bound it broke."""
    if isinstance(quantity, bool) or not isinstance(quantity, int):
        raise ValidationError(f"{what} must be a whole number.")
    if quantity <= 0:
        raise ValidationError(f"{what} must be at least 1 (got {quantity}).")
    if quantity > MAX_LINE_QUANTITY:
        raise ValidationError(
            f"{what} {quantity:,} is more than {MAX_LINE_QUANTITY:,}, the most one line may hold; "
            "was a barcode scanned into the quantity?"
        )
    return quantity


def check_balance(place: str, after: int, limit: int = MAX_BALANCE) -> None:
    """A balance may never leave ±MAX_BALANCE (the database column would overflow)."""
    if abs(after) > limit:
        raise ValidationError(
            f"{place} would hold {after:,}, beyond the {limit:,} a balance may hold."
        )


def check_lot_number(number: str) -> str:
    """A printed lot number: printable ASCII (GS1 AI 10), at most MAX_LOT_NUMBER long."""
    if len(number) > MAX_LOT_NUMBER:
        raise ValidationError(
            f"The lot number is {len(number)} characters long; at most {MAX_LOT_NUMBER} fit."
        )
    if not re.fullmatch(LOT_NUMBER_PATTERN, number):
        raise ValidationError(
            f"The lot number '{printable(number)}' may hold only letters, digits, spaces and "
            "punctuation as printed on the package (no accents or symbols)."
        )
    return number


def check_text(text: str | None, field: str, limit: int = MAX_FREE_TEXT) -> str | None:
    """Free text without control characters (NUL...) and at most `limit` characters."""
    if text is None:
        return None
    if _CONTROL.search(text):
        raise ValidationError(f"{field} holds a control character; retype it as plain text.")
    if len(text) > limit:
        raise ValidationError(f"{field} is {len(text):,} characters long; at most {limit:,}.")
    return text


def printable(text: str) -> str:
    """`text` with control characters shown as '?' so a message never carries them."""
    return _CONTROL.sub("?", text)[:60]
