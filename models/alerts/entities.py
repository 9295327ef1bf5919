"""Entities of the alert area: what a person decided about an alert (acknowledge, snooze).

Alerts themselves are never stored: they are computed from the books each time. Only the
decisions are kept, keyed by the alert's stable identity and the fingerprint of the condition
it was decided on, so an alert comes back by itself once its condition changes.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, DateTime, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from models.common.base import Base


class AlertDecision(Base):
    """Append-only: the newest decision per alert key is the one in force."""

    __tablename__ = "alert_decision"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    alert_key: Mapped[str] = mapped_column(String(200), index=True)
    fingerprint: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(16))  # acknowledged, snoozed, reopened
    until: Mapped[date | None] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(Text)
    user: Mapped[str] = mapped_column(String(80))
    at: Mapped[datetime] = mapped_column(DateTime)
