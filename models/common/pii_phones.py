"""Finds phone numbers in a note, however they are typed; knows nothing of other identifiers.

libphonenumber's matcher (the `phonenumbers` port) finds numbers in the usual written forms,
including slashes and spaced digits; before it runs, dashes of every kind become "-" and a letter
O typed for a zero inside a number becomes 0. Two fallbacks catch what the matcher rightly
calls invalid but a person would still dial: an unassigned area code and a 7-digit local number.
"""

from __future__ import annotations

import re

import phonenumbers

_DASHES = re.compile(r"[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]")
_NUMBERISH = re.compile(r"[\dOo][\dOo().\-/]*")
_TEN_DIGITS = re.compile(r"(?<![\d-])\(?\d{3}\)?[\s./-]?\d{3}[\s./-]?\d{4}(?![\d-])")
_LOCAL = re.compile(r"(?<![\d\-./])\d{3}[./-]\d{4}(?![\d\-./])")
_CUED = re.compile(
    r"\b(?:call|calls|cell|cel|ph|phone|tel|txt|text|mobile|mob|contact|reach|number|num|#)"
    r"\s*(?:is|at|on|no\.?|#|:)?\s*[:#]?\s*\(?\d{3}\)?[\s./-]?\d{2}[\s./-]?\d{2}",
    re.I,
)


def normalise(text: str) -> str:
    """Dashes made plain and a letter O read as 0 inside digit groups ("555-O199")."""
    text = _DASHES.sub("-", text)

    def _zeroes(match: re.Match[str]) -> str:
        chunk = match.group()
        return (
            chunk.replace("O", "0").replace("o", "0")
            if sum(map(str.isdigit, chunk)) >= 3
            else chunk
        )

    return _NUMBERISH.sub(_zeroes, text)


def has_phone_number(text: str) -> bool:
    """True when the (normalised) text holds something a person could dial."""
    for _match in phonenumbers.PhoneNumberMatcher(text, "US", leniency=phonenumbers.Leniency.VALID):
        return True
    return bool(_TEN_DIGITS.search(text) or _LOCAL.search(text) or _CUED.search(text))
