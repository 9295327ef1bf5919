"""Training rules without a database: refresher due dates, roster status, input checks."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from models.common.errors import ValidationError
from models.common.settings import SettingKey
from models.training.rows import Status

DEFAULT_REFRESHER_MONTHS = 12
DEFAULT_WARNING_DAYS = 30
REFRESHER_MONTHS_KEY = SettingKey("training_refresher_months", DEFAULT_REFRESHER_MONTHS, int)
WARNING_DAYS_KEY = SettingKey("training_warning_days", DEFAULT_WARNING_DAYS, int)
MAX_REFRESHER_MONTHS = 120
MAX_WARNING_DAYS = 365


def add_months(day: date, months: int) -> date:
    """Same day `months` later; the 31st becomes the last day of a shorter month (29 Feb too)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def refresher_due(lbn_on: date | None, od_on: date | None, months: int) -> date | None:
    """When the next refresher is due: the earlier lapse of the trainings held.

    Without LBN training there is no refresher to speak of: the person needs the training itself.
    """
    if lbn_on is None:
        return None
    due = add_months(lbn_on, months)
    if od_on is not None:
        due = min(due, add_months(od_on, months))
    return due


def status_of(
    active: bool, lbn_on: date | None, due_on: date | None, today: date, warn: int
) -> str:
    """Due on the exact day is still 'due soon'; the day after it is overdue."""
    if not active:
        return Status.INACTIVE
    if lbn_on is None or due_on is None:
        return Status.UNTRAINED
    if due_on < today:
        return Status.OVERDUE
    if due_on <= today + timedelta(days=warn):
        return Status.DUE
    return Status.CURRENT


def check_policy(months: int, warning_days: int) -> None:
    if not 1 <= months <= MAX_REFRESHER_MONTHS:
        raise ValidationError(
            f"The refresher interval must be between 1 and {MAX_REFRESHER_MONTHS} months."
        )
    if not 0 <= warning_days <= MAX_WARNING_DAYS:
        raise ValidationError(f"The warning window must be between 0 and {MAX_WARNING_DAYS} days.")


def clean_text(value: str | None, field: str, limit: int, required: bool = False) -> str | None:
    """Trimmed text or None; refuses what is too long or missing when required."""
    cleaned = " ".join((value or "").split())
    if required and not cleaned:
        raise ValidationError(f"{field} is required.")
    if len(cleaned) > limit:
        raise ValidationError(f"{field} is longer than {limit} characters.")
    return cleaned or None


def check_past(day: date | None, field: str, today: date) -> None:
    """Training is recorded once it happened; a future date is a typing slip."""
    if day is not None and day > today:
        raise ValidationError(
            f"{field} ({day.isoformat()}) is in the future. Record training once it has happened."
        )


def quarter_of(day: date) -> tuple[date, date, str]:
    """First day, last day and label ('2025 Q3') of the quarter holding `day`."""
    first_month = 3 * ((day.month - 1) // 3) + 1
    start = date(day.year, first_month, 1)
    end = add_months(start, 3) - timedelta(days=1)
    return start, end, f"{day.year} Q{(first_month - 1) // 3 + 1}"
