"""Regular shapes of identifiers: e-mail, SSN, birth date, age, address, plate, record numbers.

Knows how responders write these (obfuscated e-mails, any separator, cue words such as "plate",
"Inc#", "MRN"); knows nothing about names or phone numbers (see pii_names, pii_phones).
"""

from __future__ import annotations

import re
from datetime import date

MONTHS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
STREET_SUFFIXES = (
    r"street|st|avenue|ave|av|road|rd|boulevard|blvd|lane|ln|drive|dr|court|ct|place|pl|terrace|"
    r"ter|way|highway|hwy|parkway|pkwy|circle|cir|trail|trl|square|sq|plaza|alley|aly|row|"
    r"turnpike|tpke|extension|ext|crescent|cres|loop|path|pike|walk|heights|hts"
)
# Words that sit between a number and "St" in a note without making an address ("4 kits to St.").
_NOT_STREET_NAME = (
    r"kits?|doses?|boxes?|cartons?|units?|people|persons?|cases?|strips?|to|at|for|of|from|"
    r"and|the|a|an|with|in|on|by|per|each|more|new|used|left|given|handed|devices?|packs?"
)
_SEP = r"[\s./-]?"

EMAIL = re.compile(
    r"[\w.+-]+\s*(?:@|\(at\)|\[at\]|\{at\}|<at>|\bat\b)\s*[\w-]+\s*(?:\.|\(dot\)|\[dot\]|\{dot\}|\bdot\b)\s*"
    r"(?:com|net|org|edu|gov|us|io|co|info|biz|me|mil)\b"
    r"|[\w.+-]+@[\w-]{2,}"
    r"|[\w.+-]+\s*(?:@|\(at\)|\[at\]|\{at\}|\bat\b)\s*(?:gmail|yahoo|hotmail|aol|icloud|outlook|"
    r"protonmail|msn|comcast|verizon|optonline|live)\b"
    r"|\b(?:gmail|yahoo|hotmail|aol|icloud|outlook|protonmail|msn|comcast|verizon|optonline)"
    r"\s*(?:\.|dot)\s*(?:com|net)\b",
    re.I,
)
SSN = re.compile(
    r"(?<![\d-])\d{3}\s?[\s./-]?\s?\d{2}\s?[\s./-]?\s?\d{4}(?![\d-])"
    r"|\b(?:ssn|ss#|soc\.?\s*sec|social\s+security)\b",
    re.I,
)
_DAY_FIRST_YEAR = r"(?:\d{1,2})(?:st|nd|rd|th)?"
DATE_CUE = re.compile(
    r"\b(?:dob|d\.o\.b\.?|d/o/b|b\.\s?(?=(?:19|20)\d{2}\b)|born|birth\s?date|birthday|bday|b-day|date\s+of\s+birth|yob)\b",
    re.I,
)
_DATES = (
    re.compile(r"\b(\d{1,2})[/.-](\d{1,2})[/.-]('?\d{2}|\d{4})\b"),
    re.compile(r"\b((?:19|20)\d{2})[/.-](\d{1,2})[/.-](\d{1,2})\b"),
    re.compile(rf"\b(?:{MONTHS})\.?\s+{_DAY_FIRST_YEAR},?\s+('\d{{2}}|(?:19|20)\d{{2}})\b", re.I),
    re.compile(rf"\b(?:{MONTHS})\.?\s+{_DAY_FIRST_YEAR},?\s+(\d{{2}})(?=\s*(?:$|[,.;)]))", re.I),
    re.compile(
        rf"\b{_DAY_FIRST_YEAR}\s+(?:of\s+)?(?:{MONTHS})\.?,?\s+('\d{{2}}|(?:19|20)\d{{2}})\b", re.I
    ),
)
AGE = re.compile(
    r"\b\d{1,3}s?\s*(?:y/?o|yoa|y\.o\.?|yrs?\s+old|years?[\s-]old\s+(?:male|female|man|woman|m|f|boy|girl))\b"
    r"|\bage[sd]?\s*[:=]?\s*\d{1,3}\b|\b\d{2}\s?(?:yo\s?)?[MF]\b",
    re.I,
)
ADDRESS = re.compile(
    rf"\b\d{{1,6}}[A-Za-z]?\s+(?:(?!(?:{_NOT_STREET_NAME})\b)[A-Za-z0-9'.-]+\s+){{1,3}}"
    rf"(?:{STREET_SUFFIXES})\b(?!\.?\s+[A-Z][a-z]+'s)"
    r"|\bp\.?\s?o\.?\s*box\s*#?\s*\d+"
    r"|\b(?:apt|apartment|suite|ste|room|rm|flat|bldg|building|lot\s+#)\.?\s*#?\s*\d+[A-Za-z]?\b"
    r"|\b(?:at|on)\s+\d{1,5}[A-Za-z]?\s+(?-i:(?!(?:Station|Engine|Medic|Ladder|Car|Unit|Rescue|Kits?|"
    r"Doses?|Narcan|Cartons?|Boxes|Minutes|Hours)\b)[A-Z][a-z]{2,})"
    r"|#\s?\d+[A-Za-z]?\b(?=\s*(?:at|in)\s+(?:the\s+)?[A-Z])"
    r"|\b(?:lives?|living|resides?|residing|stays?|staying|home|house|address|addr)\s+"
    r"(?:is\s+|at\s+|on\s+|in\s+)?(?:\d{1,6}[A-Za-z]?|\d+-\d+)\s+[A-Za-z]",
    re.I,
)
PLATE = re.compile(
    r"\b(?:plates?|lic(?:ense|ence)?\s+plate|lp)\s*(?:no\.?|number|#)?\s*[:#]?\s*"
    r"(?=[A-Z0-9 -]{0,3}\d)[A-Z0-9]{1,4}[\s-]?[A-Z0-9]{2,5}\b"
    r"|\b(?:tags?|reg(?:istration)?|veh(?:icle)?|car)\s*(?:no\.?|number|#)?\s*[:#]?\s*"
    r"(?=\w*[A-Z])(?=\w*\d)[A-Z0-9]{5,8}\b"
    r"|\b(?:NY|NJ|PA|CT|MA|VT)\s+(?:reg|plate|tag|lic)?\.?\s*"
    r"(?=[A-Z0-9 -]{0,4}\d)(?=[A-Z0-9 -]{0,4}[A-Z])[A-Z0-9]{2,4}[\s-]?[A-Z0-9]{3,4}\b",
    re.I,
)
# NY's usual plate shape; in capitals only, and not when it is a lot, a month and year, or an NDC.
BARE_PLATE = re.compile(r"(?<![\w-])[A-Z]{3}[\s-]?\d{4}(?![\w-])")
_NOT_PLATE_BEFORE = re.compile(
    r"\b(?:lot|batch|ndc|sku|item|model|part|cat|ref|form|code|order|rev|version|po)\W*$", re.I
)
_MONTH_ONLY = re.compile(rf"^(?:{MONTHS})\b", re.I)
_CASE_CUES = (
    r"case|incident|inc|complaint|cad|ccr|arrest|docket|run|report|rpt|dr|pcr|epcr|call|job|"
    r"event|ticket|file|mrn|mr|medical\s+record|chart|acct|account|member|medicaid|cin|mcd|"
    r"license|licence|lic|dl|driver'?s?\s+lic(?:ense|ence)?|id|ident|booking|warrant|summons|"
    r"claim|policy|insurance|ins"
)
RECORD_NUMBER = re.compile(
    rf"\b(?:{_CASE_CUES})\s*(?:no\.?|number|num|nbr|#|id)\s*[:#]?\s*[A-Z]{{0,4}}-?\d[\d-]*"
    r"|\b(?:case|incident|inc|complaint|cad|ccr|arrest|docket|dr|pcr|mrn|medicaid|cin|mcd|dl|"
    r"license|licence|lic|"
    r"booking|warrant|summons)\s*[:#]?\s*[A-Z]{0,4}-?\d{2,}[\d-]*"
    r"|\b(?:19|20)?\d{2}-\d{5,7}\b"
    r"|\b[A-Z]{2}\d{5}[A-Z]\b"
    r"|(?<![\d-])\d{8,}(?![\d-])",
    re.I,
)


def has_plate(text: str) -> bool:
    """A plate after its cue word, or a bare NY-shaped plate that is not a lot or a date."""
    if PLATE.search(text):
        return True
    return any(
        not _NOT_PLATE_BEFORE.search(text[: m.start()]) and not _MONTH_ONLY.match(m.group())
        for m in BARE_PLATE.finditer(text)
    )


def _year(text: str) -> int:
    digits = int(text.lstrip("'"))
    if digits >= 100:
        return digits
    this_century = date.today().year % 100
    return 2000 + digits if digits <= this_century else 1900 + digits


def has_birth_date(text: str) -> bool:
    """A birth-date cue, or a full date whose year is too early to be a program event."""
    if DATE_CUE.search(text):
        return True
    latest_birth_year = date.today().year - 10
    for pattern in _DATES:
        for match in pattern.finditer(text):
            year_text = match.group(1) if pattern is _DATES[1] else match.groups()[-1]
            if 1900 <= _year(year_text) <= latest_birth_year:
                return True
    return False
