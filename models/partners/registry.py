"""Partners the agency reports to: validation, saving, deadlines; knows the partner table only."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.common.errors import NotFound, ValidationError
from models.common.pii_screen import screen_free_text
from models.partners.entities import Partner
from models.reports.suppression import DEFAULT_SUPPRESSION_THRESHOLD

MIN_THRESHOLD, MAX_THRESHOLD = 2, 100
INTERVALS = {None: "When asked", 1: "Monthly", 3: "Quarterly", 6: "Twice a year", 12: "Yearly"}


@dataclass(frozen=True)
class PartnerDraft:
    """What the user typed for a partner."""

    name: str
    suppression_threshold: int = DEFAULT_SUPPRESSION_THRESHOLD
    interval_months: int | None = 3
    next_due_on: date | None = None
    contact_name: str = ""
    contact_email: str = ""
    notes: str = ""
    active: bool = True


@dataclass(frozen=True)
class PartnerRow:
    id: int
    name: str
    suppression_threshold: int
    interval_months: int | None
    next_due_on: date | None
    contact_name: str
    contact_email: str
    notes: str
    active: bool

    @property
    def interval_label(self) -> str:
        return INTERVALS.get(self.interval_months, f"Every {self.interval_months} months")

    @classmethod
    def of(cls, p: Partner) -> PartnerRow:
        return cls(
            p.id,
            p.name,
            p.suppression_threshold,
            p.interval_months,
            p.next_due_on,
            p.contact_name or "",
            p.contact_email or "",
            p.notes or "",
            p.active,
        )


def add_months(day: date, months: int) -> date:
    """Same day `months` later, clamped to the month's last day (31 Jan + 1 = 28/29 Feb)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def validate(s: Session, draft: PartnerDraft, partner_id: int | None) -> PartnerDraft:
    name = " ".join(draft.name.split())
    if not name:
        raise ValidationError("Give the partner a name.")
    clash = s.scalar(select(Partner.id).where(Partner.name == name))
    if clash is not None and clash != partner_id:
        raise ValidationError(f"A partner named {name} already exists.")
    threshold = draft.suppression_threshold
    if isinstance(threshold, bool) or not isinstance(threshold, int):
        raise ValidationError("The suppression threshold must be a whole number.")
    if not MIN_THRESHOLD <= threshold <= MAX_THRESHOLD:
        raise ValidationError(
            f"The suppression threshold must be between {MIN_THRESHOLD} and {MAX_THRESHOLD} "
            f"(counts from 1 to threshold - 1 are hidden; 10 hides 1-9)."
        )
    if draft.interval_months is not None and not 1 <= draft.interval_months <= 24:
        raise ValidationError("The reporting interval must be between 1 and 24 months.")
    email = draft.contact_email.strip()
    if email and ("@" not in email or " " in email):
        raise ValidationError(f"{email} does not look like an e-mail address.")
    return PartnerDraft(
        name,
        threshold,
        draft.interval_months,
        draft.next_due_on,
        draft.contact_name.strip(),
        email,
        screen_free_text(draft.notes, "The partner notes") or "",
        draft.active,
    )


def save(s: Session, draft: PartnerDraft, partner_id: int | None) -> Partner:
    clean = validate(s, draft, partner_id)
    partner = Partner() if partner_id is None else get(s, partner_id)
    partner.name = clean.name
    partner.suppression_threshold = clean.suppression_threshold
    partner.interval_months = clean.interval_months
    partner.next_due_on = clean.next_due_on
    partner.contact_name = clean.contact_name or None
    partner.contact_email = clean.contact_email or None
    partner.notes = clean.notes or None
    partner.active = clean.active
    s.add(partner)
    s.flush()
    return partner


def get(s: Session, partner_id: int) -> Partner:
    partner = s.get(Partner, partner_id)
    if partner is None:
        raise NotFound(f"No partner with id {partner_id}.")
    return partner


def find_by_name(s: Session, name: str) -> Partner:
    wanted = " ".join(name.split()).lower()
    for partner in s.scalars(select(Partner)):
        if partner.name.lower() == wanted:
            return partner
    known = ", ".join(sorted(s.scalars(select(Partner.name)))) or "none yet"
    raise NotFound(f"No partner named {name!r} (known partners: {known}).")


def advance_deadline(partner: Partner, today: date) -> None:
    """A report was sent: the next one is due one interval after the current due date."""
    if partner.interval_months is None:
        partner.next_due_on = None
        return
    base = partner.next_due_on or today
    partner.next_due_on = add_months(base, partner.interval_months)
