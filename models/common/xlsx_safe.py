"""Text for spreadsheets that can never turn into a formula (OWASP CSV/formula injection)."""

from __future__ import annotations

DANGEROUS_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "\0")


def safe_text(value: object) -> object:
    """Strings that a spreadsheet could read as a formula get a leading apostrophe.

    Numbers, dates and None pass through untouched so they stay numbers and dates.
    """
    if not isinstance(value, str):
        return value
    cleaned = value.replace("\0", "")
    if cleaned.startswith(DANGEROUS_STARTS) or value.startswith("\0"):
        return "'" + cleaned
    return cleaned


def write_text_cell(cell: object, value: object) -> None:
    """Assign a value to an openpyxl cell, forcing user text to stay text."""
    safe = safe_text(value)
    cell.value = safe  # type: ignore[attr-defined]
    if isinstance(safe, str):
        cell.data_type = "s"  # type: ignore[attr-defined]
