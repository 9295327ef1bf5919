"""GTIN and NDC arithmetic: check digits, normalising to GTIN-14, the NDC inside a US GTIN."""

from __future__ import annotations

from models.common.errors import ValidationError


def check_digit(body: str) -> str:
    """GS1 mod-10 check digit for the digits before it."""
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(body)))
    return str((10 - total % 10) % 10)


def is_valid_gtin(code: str) -> bool:
    return code.isdigit() and len(code) in (8, 12, 13, 14) and check_digit(code[:-1]) == code[-1]


def to_gtin14(code: str) -> str:
    """Any GTIN-8/12/13/14 as 14 digits, the form barcodes are stored and matched in."""
    digits = "".join(ch for ch in code if ch.isdigit())
    if not is_valid_gtin(digits):
        raise ValidationError(f"'{code}' is not a valid GTIN/UPC (wrong length or check digit).")
    return digits.zfill(14)


def ndc_digits(ndc: str) -> str:
    return "".join(ch for ch in ndc if ch.isdigit())


def gtin12_from_ndc(ndc: str) -> str | None:
    """UPC-A that carries a 10-digit NDC: '3' + NDC digits + check digit (None otherwise)."""
    digits = ndc_digits(ndc)
    if len(digits) != 10:
        return None
    body = "3" + digits
    return body + check_digit(body)


def ndc_digits_in_gtin(gtin14: str) -> str | None:
    """The 10 NDC digits inside a US drug GTIN-14 (indicator + 0 + '3' + NDC + check)."""
    if len(gtin14) == 14 and gtin14[1:3] == "03":
        return gtin14[3:13]
    return None
