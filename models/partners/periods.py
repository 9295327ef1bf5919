"""The periods a partner workbook may cover: whole calendar months, quarters and years only.

A day, a week or a range that cuts a month would let a reader subtract workbooks and see single
encounters, so anything else is refused with a message that says what is allowed.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

from models.common.errors import ValidationError
from models.reports.rows import Period

ALLOWED = (
    "A partner workbook covers a whole calendar month, quarter or year "
    "(for example 2026-03, 2026-Q1 or 2026)."
)


def month(year: int, number: int) -> Period:
    return Period(date(year, number, 1), date(year, number, calendar.monthrange(year, number)[1]))


def quarter(year: int, number: int) -> Period:
    first = 3 * (number - 1) + 1
    return Period(month(year, first).start, month(year, first + 2).end)


def year(number: int) -> Period:
    return Period(date(number, 1, 1), date(number, 12, 31))


def release_kind(period: Period) -> str:
    """'month', 'quarter' or 'year'; refuses any other range."""
    start, end = period.start, period.end
    if start.day == 1 and end == month(end.year, end.month).end:
        span = (end.year - start.year) * 12 + end.month - start.month + 1
        if span == 1:
            return "month"
        if span == 3 and start.month % 3 == 1:
            return "quarter"
        if span == 12 and start.month == 1:
            return "year"
    raise ValidationError(
        f"{start:%Y-%m-%d} to {end:%Y-%m-%d} is not a whole month, quarter or year. {ALLOWED}"
    )


def release_label(period: Period) -> str:
    kind = release_kind(period)
    if kind == "month":
        return f"{period.start:%Y-%m}"
    if kind == "quarter":
        return f"{period.start.year}-Q{(period.start.month - 1) // 3 + 1}"
    return f"{period.start.year}"


def parse_release_period(text: str) -> Period:
    """'2026-03', '2026-Q1' or '2026' as a period; anything else refused."""
    cleaned = text.strip().upper()
    if (m := re.fullmatch(r"(\d{4})-(\d{1,2})", cleaned)) and 1 <= int(m[2]) <= 12:
        return month(int(m[1]), int(m[2]))
    if m := re.fullmatch(r"(\d{4})-?Q([1-4])", cleaned):
        return quarter(int(m[1]), int(m[2]))
    if re.fullmatch(r"\d{4}", cleaned):
        return year(int(cleaned))
    raise ValidationError(f"{text!r} is not a month, quarter or year. {ALLOWED}")
