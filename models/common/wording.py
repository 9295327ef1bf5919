"""Counted nouns for messages and sheets: "1 box", "2 boxes", "3 each"; knows English only.

Units of issue and package names are short user-entered nouns (device, strip, box, pouch),
so the common English rules are enough; "each" and words ending in a single s (taken as
already plural) stay as they are.
"""

from __future__ import annotations

INVARIANT = {"each", "ea", "people"}


def plural(word: str) -> str:
    """The plural of a unit or package noun: box → boxes, strip → strips, each → each."""
    stripped = word.strip()
    lower = stripped.lower()
    if not stripped or lower in INVARIANT:
        return stripped
    if lower.endswith(("ss", "x", "z", "ch", "sh")):
        return stripped + "es"
    if lower.endswith("s"):
        return stripped  # already plural (gloves, pcs)
    if lower.endswith("y") and len(lower) > 1 and lower[-2] not in "aeiou":
        return stripped[:-1] + "ies"
    return stripped + "s"


def noun(number: int, word: str) -> str:
    """The noun that goes with `number`: box for 1, boxes otherwise."""
    return word if number == 1 else plural(word)


def counted(number: int, word: str) -> str:
    """'1 box', '2 boxes', '0 boxes'."""
    return f"{number} {noun(number, word)}"
