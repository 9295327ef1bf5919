"""GS1 barcode scans as keyboard-wedge scanners type them (its issue fills this module).

Kit labels printed by this app carry `KIT_LABEL_PREFIX + kit lot number` in a Code 128 symbol.
"""

from __future__ import annotations

KIT_LABEL_PREFIX = "LBNKIT:"


def kit_label_payload(kit_lot_number: str) -> str:
    """The text a kit label's barcode encodes; the scan parser recognises it."""
    return KIT_LABEL_PREFIX + kit_lot_number
