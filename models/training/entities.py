"""Personnel roster, training sessions with attendance, and program feedback.

Personnel are staff and may be named; recipients never are.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from models.common.base import Base


class Person(Base):
    __tablename__ = "person"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    badge: Mapped[str | None] = mapped_column(String(40), unique=True)
    unit: Mapped[str | None] = mapped_column(String(80))
    station_id: Mapped[int | None] = mapped_column(ForeignKey("location.id"))
    role: Mapped[str | None] = mapped_column(String(60))  # job title, free text
    app_role: Mapped[str | None] = mapped_column(String(20))  # quartermaster, responder, viewer
    pin_hash: Mapped[str | None] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    lbn_trained_on: Mapped[date | None] = mapped_column(Date)
    od_trained_on: Mapped[date | None] = mapped_column(Date)


class TrainingSession(Base):
    __tablename__ = "training_session"

    id: Mapped[int] = mapped_column(primary_key=True)
    held_on: Mapped[date] = mapped_column(Date, index=True)
    kind: Mapped[str] = mapped_column(String(40))
    elements: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of element codes
    trainer: Mapped[str | None] = mapped_column(String(120))
    outside_headcount: Mapped[int] = mapped_column(Integer, default=0)
    notes: Mapped[str | None] = mapped_column(Text)


class TrainingAttendance(Base):
    __tablename__ = "training_attendance"

    session_id: Mapped[int] = mapped_column(ForeignKey("training_session.id"), primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), primary_key=True, index=True)


class Feedback(Base):
    __tablename__ = "feedback"

    id: Mapped[int] = mapped_column(primary_key=True)
    received_on: Mapped[date] = mapped_column(Date, index=True)
    source: Mapped[str] = mapped_column(String(40))  # personnel, partner, recipient
    category: Mapped[str] = mapped_column(String(40))  # success, challenge, suggestion
    text: Mapped[str] = mapped_column(Text)
