"""Entities every feature shares: the agency's settings."""

from datetime import datetime

from sqlalchemy import DateTime, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from models.common.base import Base


class Setting(Base):
    """Agency configuration as JSON values under a key (agency name, bands, categories...)."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class TextRedaction(Base):
    """A stored text removed because it identified someone: where, why, when and by whom.

    The text itself is gone (the column holds "[redacted]"); only this record remains."""

    __tablename__ = "text_redaction"

    id: Mapped[int] = mapped_column(primary_key=True)
    table_name: Mapped[str] = mapped_column(String(40))
    column_name: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(String(80))
    redacted_at: Mapped[datetime] = mapped_column(DateTime)
    redacted_by: Mapped[str] = mapped_column(String(80))
