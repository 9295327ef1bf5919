"""Reorder requests to free naloxone sources, their lines, status history, receipts, surges.

A reorder line keeps the basis it was computed from (consumption, stock, targets), so a sheet
printed later says what the quartermaster saw when the request was made.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.common.base import Base
from models.reorders.status import ReorderStatus

__all__ = [
    "DemandSurge",
    "Reorder",
    "ReorderLine",
    "ReorderReceipt",
    "ReorderStatus",
    "ReorderStatusChange",
]


class Reorder(Base):
    __tablename__ = "reorder"

    id: Mapped[int] = mapped_column(primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("source.id"), index=True)
    status: Mapped[str] = mapped_column(String(20), default=ReorderStatus.DRAFT, index=True)
    # The station whose stock was counted (None: the whole agency) and where it ships to.
    station_id: Mapped[int | None] = mapped_column(ForeignKey("location.id"))
    ship_to: Mapped[str | None] = mapped_column(Text)
    contact: Mapped[str | None] = mapped_column(Text)
    note: Mapped[str | None] = mapped_column(Text)
    include_trained_count: Mapped[bool] = mapped_column(Boolean, default=False)
    trained_count: Mapped[int | None] = mapped_column(Integer)
    window_months: Mapped[int] = mapped_column(Integer)
    max_months: Mapped[float] = mapped_column(Float)
    min_months: Mapped[float] = mapped_column(Float)
    lead_time_days: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    created_by: Mapped[str] = mapped_column(String(80))
    sent_on: Mapped[date | None] = mapped_column(Date)

    lines: Mapped[list[ReorderLine]] = relationship(
        back_populates="reorder", cascade="all, delete-orphan", order_by="ReorderLine.position"
    )
    history: Mapped[list[ReorderStatusChange]] = relationship(
        cascade="all, delete-orphan", order_by="ReorderStatusChange.id"
    )


class ReorderLine(Base):
    """One item requested: a product, or any product of an interchange group."""

    __tablename__ = "reorder_line"

    id: Mapped[int] = mapped_column(primary_key=True)
    reorder_id: Mapped[int] = mapped_column(ForeignKey("reorder.id"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    product_id: Mapped[int | None] = mapped_column(ForeignKey("product.id"))
    interchange_group: Mapped[str | None] = mapped_column(String(64))
    label: Mapped[str] = mapped_column(String(200))
    ndc: Mapped[str | None] = mapped_column(String(120))
    unit: Mapped[str] = mapped_column(String(30))
    package_name: Mapped[str] = mapped_column(String(30))
    units_per_package: Mapped[int] = mapped_column(Integer)
    packages: Mapped[int] = mapped_column(Integer)
    quantity: Mapped[int] = mapped_column(Integer)  # packages x units per package
    # The basis, as computed when the line was made.
    basis: Mapped[str] = mapped_column(String(20))
    amc: Mapped[float] = mapped_column(Float)
    distributed: Mapped[int] = mapped_column(Integer, default=0)
    administered: Mapped[int] = mapped_column(Integer, default=0)
    expired: Mapped[int] = mapped_column(Integer, default=0)
    lost: Mapped[int] = mapped_column(Integer, default=0)
    on_hand: Mapped[int] = mapped_column(Integer)
    expiring: Mapped[int] = mapped_column(Integer)
    usable: Mapped[int] = mapped_column(Integer)
    on_order: Mapped[int] = mapped_column(Integer)
    max_units: Mapped[int] = mapped_column(Integer)
    min_units: Mapped[int] = mapped_column(Integer)
    surge: Mapped[float] = mapped_column(Float, default=1.0)
    months_of_stock: Mapped[float | None] = mapped_column(Float)
    steps: Mapped[str] = mapped_column(Text, default="")  # one step per line of text
    in_kits: Mapped[int] = mapped_column(Integer, default=0, server_default="0")  # of on_hand
    history_days: Mapped[int | None] = mapped_column(Integer)  # days the AMC is based on
    # Why the quantity is what it is: calculated, capped by the source, or set by the quartermaster.
    quantity_note: Mapped[str | None] = mapped_column(Text)

    reorder: Mapped[Reorder] = relationship(back_populates="lines")

    __table_args__ = (
        CheckConstraint("packages > 0", name="packages_positive"),
        CheckConstraint(
            "product_id IS NOT NULL OR interchange_group IS NOT NULL", name="product_or_group"
        ),
    )


class ReorderStatusChange(Base):
    """Who moved a reorder to which status, when, and why (never edited)."""

    __tablename__ = "reorder_status_change"

    id: Mapped[int] = mapped_column(primary_key=True)
    reorder_id: Mapped[int] = mapped_column(ForeignKey("reorder.id"), index=True)
    status: Mapped[str] = mapped_column(String(20))
    at: Mapped[datetime] = mapped_column(DateTime)
    user: Mapped[str] = mapped_column(String(80))
    note: Mapped[str | None] = mapped_column(Text)


class ReorderReceipt(Base):
    """Units of a receipt (ledger operation) booked against a reorder line."""

    __tablename__ = "reorder_receipt"

    id: Mapped[int] = mapped_column(primary_key=True)
    reorder_line_id: Mapped[int] = mapped_column(ForeignKey("reorder_line.id"), index=True)
    operation_id: Mapped[int] = mapped_column(ForeignKey("operation.id"), index=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("product.id"))
    quantity: Mapped[int] = mapped_column(Integer)
    at: Mapped[datetime] = mapped_column(DateTime)
    user: Mapped[str] = mapped_column(String(80))

    __table_args__ = (CheckConstraint("quantity > 0", name="quantity_positive"),)


class DemandSurge(Base):
    """A temporary raise of the reorder targets (an overdose spike), for a station or all."""

    __tablename__ = "demand_surge"

    id: Mapped[int] = mapped_column(primary_key=True)
    station_id: Mapped[int | None] = mapped_column(ForeignKey("location.id"))  # None: agency
    factor: Mapped[float] = mapped_column(Float)
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    created_by: Mapped[str] = mapped_column(String(80))

    __table_args__ = (
        CheckConstraint("factor > 0", name="factor_positive"),
        CheckConstraint("ends_on >= starts_on", name="period_ordered"),
    )
