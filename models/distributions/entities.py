"""Anonymous leave-behind distributions and on-scene administrations.

By design there is no column for a name, birth date, address, phone, plate or case number.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, CheckConstraint, Date, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from models.common.base import Base


class Distribution(Base):
    __tablename__ = "distribution"

    id: Mapped[int] = mapped_column(primary_key=True)
    occurred_on: Mapped[date] = mapped_column(Date, index=True)
    time_band: Mapped[str | None] = mapped_column(String(20))
    kits: Mapped[int] = mapped_column(Integer)
    location_id: Mapped[int] = mapped_column(ForeignKey("location.id"), index=True)
    zip_code: Mapped[str] = mapped_column(String(5), index=True)
    setting: Mapped[str] = mapped_column(String(40))
    relationship: Mapped[str] = mapped_column(String(40))
    naloxone_administered: Mapped[bool] = mapped_column(Boolean, default=False)
    services_offered: Mapped[bool] = mapped_column(Boolean, default=False)
    comment: Mapped[str | None] = mapped_column(Text)
    outcomes: Mapped[str | None] = mapped_column(String(400))  # outcome tag codes, comma-separated
    operation_id: Mapped[int] = mapped_column(ForeignKey("operation.id"), unique=True)
    recorded_at: Mapped[datetime] = mapped_column(DateTime)
    recorded_by: Mapped[str] = mapped_column(String(80))
    void_operation_id: Mapped[int | None] = mapped_column(ForeignKey("operation.id"))
    void_reason: Mapped[str | None] = mapped_column(Text)
    # The station's key for an entry that may be posted twice (outbox): recorded once.
    entry_key: Mapped[str | None] = mapped_column(String(32), unique=True, index=True)

    __table_args__ = (CheckConstraint("kits > 0", name="kits_positive"),)


class Administration(Base):
    """Doses used by personnel on scene (not left behind); may come from a kit."""

    __tablename__ = "administration"

    id: Mapped[int] = mapped_column(primary_key=True)
    occurred_on: Mapped[date] = mapped_column(Date, index=True)
    doses: Mapped[int] = mapped_column(Integer)
    location_id: Mapped[int] = mapped_column(ForeignKey("location.id"), index=True)
    from_kit: Mapped[bool] = mapped_column(Boolean, default=False)
    zip_code: Mapped[str | None] = mapped_column(String(5))
    comment: Mapped[str | None] = mapped_column(Text)
    operation_id: Mapped[int] = mapped_column(ForeignKey("operation.id"), unique=True)
    recorded_at: Mapped[datetime] = mapped_column(DateTime)
    recorded_by: Mapped[str] = mapped_column(String(80))
    void_operation_id: Mapped[int | None] = mapped_column(ForeignKey("operation.id"))
    void_reason: Mapped[str | None] = mapped_column(Text)
    entry_key: Mapped[str | None] = mapped_column(String(32), unique=True, index=True)

    __table_args__ = (CheckConstraint("doses > 0", name="doses_positive"),)
