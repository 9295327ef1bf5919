"""Public-health partners who receive aggregate workbooks, with their privacy and deadline rules.

A partner row holds no recipient data: only whom the agency reports to, how small a count must
be hidden for them, and when the next report is due.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, CheckConstraint, Date, DateTime, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from models.common.base import Base
from models.reports.suppression import DEFAULT_SUPPRESSION_THRESHOLD


class Partner(Base):
    __tablename__ = "partner"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    # Counts from 1 to threshold - 1 are suppressed; 0 is shown as 0.
    suppression_threshold: Mapped[int] = mapped_column(
        Integer, default=DEFAULT_SUPPRESSION_THRESHOLD
    )
    # Months between reports (3 = quarterly); None when the partner asks ad hoc.
    interval_months: Mapped[int | None] = mapped_column(Integer)
    next_due_on: Mapped[date | None] = mapped_column(Date, index=True)
    contact_name: Mapped[str | None] = mapped_column(String(120))
    contact_email: Mapped[str | None] = mapped_column(String(120))
    notes: Mapped[str | None] = mapped_column(Text)
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    __table_args__ = (
        CheckConstraint("suppression_threshold >= 1", name="threshold_positive"),
        CheckConstraint(
            "interval_months IS NULL OR interval_months >= 1", name="interval_positive"
        ),
    )


class PartnerRelease(Base):
    """One workbook that left the building: to whom, for which period, every figure in it.

    Append-only (see `release_register`): rows are added, never changed or removed, so the
    register is the list of everything a partner could put side by side.
    """

    __tablename__ = "partner_release"

    id: Mapped[int] = mapped_column(primary_key=True)
    # The partner's name as printed; the id is kept without a foreign key so that deleting a
    # partner never touches the register.
    partner_id: Mapped[int | None] = mapped_column(Integer)
    partner_name: Mapped[str] = mapped_column(String(200))
    period_start: Mapped[date] = mapped_column(Date, index=True)
    period_end: Mapped[date] = mapped_column(Date)
    threshold: Mapped[int] = mapped_column(Integer)
    released_at: Mapped[datetime] = mapped_column(DateTime)
    released_by: Mapped[str] = mapped_column(String(80))
    channel: Mapped[str] = mapped_column(String(20))  # "window" or "command line"
    file_name: Mapped[str] = mapped_column(String(260))
    published: Mapped[int] = mapped_column(Integer)
    hidden: Mapped[int] = mapped_column(Integer)
    # The whole package as JSON: labels, every figure, which were hidden and why.
    content: Mapped[str] = mapped_column(Text)

    __table_args__ = (CheckConstraint("period_end >= period_start", name="period_ordered"),)
