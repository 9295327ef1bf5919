"""Entities every feature shares: the agency's settings."""

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from models.common.base import Base


class Setting(Base):
    """Agency configuration as JSON values under a key (agency name, bands, categories...)."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
