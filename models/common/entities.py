"""Entities every feature shares: the agency's settings and the journal of committed changes."""

from datetime import datetime

from sqlalchemy import DateTime, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from models.common.base import Base


class Setting(Base):
    """Agency configuration as JSON values under a key (agency name, bands, categories...)."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Change(Base):
    """One committed write transaction: who, at which station, when, which tables it touched.

    Stations watch this journal (NOTIFY on PostgreSQL, polling on SQLite) to refresh open screens.
    """

    __tablename__ = "change_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime)
    person: Mapped[str] = mapped_column(String(120))
    station: Mapped[str] = mapped_column(String(80))
    tables: Mapped[str] = mapped_column(Text)
