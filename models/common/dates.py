"""Expiry dates as printed on packages: full dates, or month-only (meaning the month's last day)."""

from __future__ import annotations

import calendar
import re
from datetime import date

from models.common.errors import ValidationError

_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_abbr) if name}


def end_of_month(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def parse_expiry(text: str) -> date:
    """Read what a person types from a package: 2027-03-31, 2027-03, 03/2027, MAR 2027, 3/27."""
    raw = (text or "").strip()
    if not raw:
        raise ValidationError("Enter the expiry date printed on the package.")
    try:
        return _parse(raw)
    except ValueError:
        raise ValidationError(
            f"'{raw}' is not a real expiry date. Use YYYY-MM-DD, or YYYY-MM for month-only dates."
        ) from None


def _parse(raw: str) -> date:
    if m := re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", raw):
        return date(int(m[1]), int(m[2]), int(m[3]))
    if m := re.fullmatch(r"(\d{4})[-/](\d{1,2})", raw):
        return end_of_month(int(m[1]), _month(int(m[2])))
    if m := re.fullmatch(r"(\d{1,2})/(\d{4}|\d{2})", raw):
        return end_of_month(_year(m[2]), _month(int(m[1])))
    if m := re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", raw):
        return date(int(m[3]), int(m[1]), int(m[2]))
    if m := re.fullmatch(r"([A-Za-z]{3})[A-Za-z]*[ .\-/]*(\d{4}|\d{2})", raw):
        month = _MONTHS.get(m[1].lower())
        if month is None:
            raise ValueError(raw)
        return end_of_month(_year(m[2]), month)
    raise ValueError(raw)


def _month(month: int) -> int:
    if not 1 <= month <= 12:
        raise ValueError(month)
    return month


def _year(text: str) -> int:
    return 2000 + int(text) if len(text) == 2 else int(text)


def days_left(expiry: date | None, today: date) -> int | None:
    return None if expiry is None else (expiry - today).days


def parse_date_text(text: str) -> date:
    """A full date as people write it: 2026-01-14 or 1/14/2026 (ASCII digits only)."""
    try:
        if m := re.fullmatch(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})", text):
            return date(int(m[1]), int(m[2]), int(m[3]))
        if m := re.fullmatch(r"([0-9]{1,2})/([0-9]{1,2})/([0-9]{4}|[0-9]{2})", text):
            year = int(m[3]) + (2000 if len(m[3]) == 2 else 0)
            return date(year, int(m[1]), int(m[2]))
    except ValueError:
        pass
    raise ValidationError(f"'{text}' is not a date (use 2026-01-14 or 1/14/2026).")


def parse_day(text: str, today: date) -> date:
    """A date typed after a shift: 2026-01-14, 1/14/2026, 1/14 (this year), t(oday), y(esterday)
    or -N (N days ago)."""
    raw = (text or "").strip().lower()
    if raw in ("", "t", "today"):
        return today
    if raw in ("y", "yesterday"):
        return date.fromordinal(today.toordinal() - 1)
    if m := re.fullmatch(r"-([0-9]{1,3})", raw):
        return date.fromordinal(today.toordinal() - int(m[1]))
    if m := re.fullmatch(r"([0-9]{1,2})/([0-9]{1,2})", raw):
        try:
            return date(today.year, int(m[1]), int(m[2]))
        except ValueError:
            pass
    return parse_date_text(raw)
