"""Refuses free text that looks like personal data (phone, e-mail, birth date, address, SSN...).

LBN records are anonymous by design: comments are for program notes, never for identifying anyone.
"""

from __future__ import annotations

import re

from models.common.errors import ValidationError
from models.common.limits import check_text

_STREET_WORDS = (
    r"street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|drive|dr|court|ct|place|pl|"
    r"terrace|ter|way|highway|hwy|parkway|pkwy|circle|cir|apt|apartment|suite|unit"
)

_MONTH_NAMES = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)

CHECKS: list[tuple[str, re.Pattern[str]]] = [
    ("an e-mail address", re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")),
    (
        "a Social Security number",
        re.compile(r"\b\d{3}[- ]\d{2}[- ]\d{4}\b|\bssn\b|(?<![\d-])\d{9}(?![\d-])", re.I),
    ),
    (
        "a phone number",
        re.compile(
            r"(?<!\d)(?:\+?1[\s.-]?)?\(?\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4}(?!\d)"
            r"|(?<![\d-])\d{3}[.-]\d{4}(?![\d-])"  # a local number without area code
        ),
    ),
    (
        "a date of birth",
        re.compile(
            r"\b(?:dob|d\.o\.b|born|birth ?date|birthday|date of birth)\b"
            r"|\b\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)?\d{2}\b"
            rf"|\b(?:{_MONTH_NAMES})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:19|20)\d{{2}}\b"
            rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTH_NAMES})\.?,?\s+(?:19|20)\d{{2}}\b",
            re.I,
        ),
    ),
    (
        "a street address",
        re.compile(
            rf"\b\d{{1,6}}\s+(?:[A-Za-z0-9.'-]+\s+){{0,4}}(?:{_STREET_WORDS})\b\.?"
            r"|\bp\.?\s?o\.?\s+box\s+\d+|\b(?:apt|apartment|suite)\.?\s*#?\s*\d+",
            re.I,
        ),
    ),
    (
        "a licence plate",
        re.compile(r"\b(?:plate|tag)s?\s*(?:no\.?|number|#)?\s*[:#]?\s*[A-Z0-9-]*\d", re.I),
    ),
    (
        "a case or incident number",
        re.compile(
            r"\b(?:case|incident|complaint|cad|ccr|arrest|docket)\s*"
            r"(?:no\.?|number|num|#)?\s*[:#]?\s*[A-Z]{0,4}-?\d[\d-]*"
            r"|\breport\s*(?:no\.?|number|num|#)\s*[:#]?\s*[A-Z]{0,4}-?\d",
            re.I,
        ),
    ),
]


def find_personal_data(text: str) -> str | None:
    """What kind of identifier the text seems to hold, or None when it looks clean."""
    for label, pattern in CHECKS:
        if pattern.search(text or ""):
            return label
    return None


def screen_free_text(text: str | None, field: str = "The comment") -> str | None:
    """Return the trimmed text (None if empty) or refuse it, saying why."""
    cleaned = (text or "").strip()
    if not cleaned:
        return None
    check_text(cleaned, field)
    found = find_personal_data(cleaned)
    if found:
        raise ValidationError(
            f"{field} looks like it contains {found}. LBN records are anonymous: "
            "leave out anything that could identify a person."
        )
    return cleaned
