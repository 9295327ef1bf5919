"""PIN hashing with a standard key-derivation function (PBKDF2-SHA256, hashlib); no people."""

from __future__ import annotations

import hashlib
import hmac
import os

from models.common.errors import ValidationError

ITERATIONS = 200_000
SCHEME = "pbkdf2_sha256"


def check_pin_format(pin: str) -> str:
    pin = pin.strip()
    if not (pin.isdigit() and 4 <= len(pin) <= 8):
        raise ValidationError("A PIN is 4 to 8 digits.")
    return pin


def hash_pin(pin: str) -> str:
    """Salted, slow hash of a PIN; the PIN itself is never stored."""
    salt = os.urandom(16)
    digest = hashlib.pbkdf2_hmac("sha256", check_pin_format(pin).encode(), salt, ITERATIONS)
    return f"{SCHEME}${ITERATIONS}${salt.hex()}${digest.hex()}"


def pin_matches(pin: str, stored: str) -> bool:
    try:
        scheme, iterations, salt, digest = stored.split("$")
    except ValueError:
        return False
    if scheme != SCHEME:
        return False
    found = hashlib.pbkdf2_hmac(
        "sha256", pin.strip().encode(), bytes.fromhex(salt), int(iterations)
    )
    return hmac.compare_digest(found.hex(), digest)
