"""Kit recipes (bills of materials) and assembled kit batches with their component lots.

A kit batch is a lot of the kit product: kits move through the same ledger as loose stock.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, CheckConstraint, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.common.base import Base


class KitRecipe(Base):
    __tablename__ = "kit_recipe"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    kit_product_id: Mapped[int] = mapped_column(ForeignKey("product.id"), unique=True)
    notes: Mapped[str | None] = mapped_column(Text)
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    lines: Mapped[list[KitRecipeLine]] = relationship(
        back_populates="recipe", cascade="all, delete-orphan", order_by="KitRecipeLine.position"
    )


class KitRecipeLine(Base):
    """One product, or any product of an interchangeable group, times a quantity per kit."""

    __tablename__ = "kit_recipe_line"

    id: Mapped[int] = mapped_column(primary_key=True)
    recipe_id: Mapped[int] = mapped_column(ForeignKey("kit_recipe.id"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    product_id: Mapped[int | None] = mapped_column(ForeignKey("product.id"))
    interchange_group: Mapped[str | None] = mapped_column(String(64))
    quantity: Mapped[int] = mapped_column(Integer)
    required: Mapped[bool] = mapped_column(Boolean, default=True)

    recipe: Mapped[KitRecipe] = relationship(back_populates="lines")

    __table_args__ = (
        CheckConstraint("quantity > 0", name="quantity_positive"),
        CheckConstraint(
            "product_id IS NOT NULL OR interchange_group IS NOT NULL", name="product_or_group"
        ),
    )


class KitBatch(Base):
    """Kits assembled together; `lot_id` is the kit lot, its expiry the earliest component's."""

    __tablename__ = "kit_batch"

    id: Mapped[int] = mapped_column(primary_key=True)
    lot_id: Mapped[int] = mapped_column(ForeignKey("lot.id"), unique=True)
    recipe_id: Mapped[int | None] = mapped_column(ForeignKey("kit_recipe.id"))
    recipe_name: Mapped[str] = mapped_column(String(120))  # as it was when assembled
    operation_id: Mapped[int] = mapped_column(ForeignKey("operation.id"), index=True)
    quantity: Mapped[int] = mapped_column(Integer)
    assembled_at: Mapped[datetime] = mapped_column(DateTime)

    components: Mapped[list[KitBatchComponent]] = relationship(
        back_populates="batch", cascade="all, delete-orphan"
    )


class KitBatchComponent(Base):
    """What each kit of a batch holds: a component lot and how many units per kit."""

    __tablename__ = "kit_batch_component"

    id: Mapped[int] = mapped_column(primary_key=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("kit_batch.id"), index=True)
    lot_id: Mapped[int] = mapped_column(ForeignKey("lot.id"), index=True)
    quantity_per_kit: Mapped[int] = mapped_column(Integer)

    batch: Mapped[KitBatch] = relationship(back_populates="components")


class VehicleCheck(Base):
    """A shift-start check of the kits on board a vehicle; append-only, like the ledger."""

    __tablename__ = "vehicle_check"

    id: Mapped[int] = mapped_column(primary_key=True)
    location_id: Mapped[int] = mapped_column(ForeignKey("location.id"), index=True)
    checked_at: Mapped[datetime] = mapped_column(DateTime)
    checked_by: Mapped[str] = mapped_column(String(80))
    note: Mapped[str | None] = mapped_column(Text)  # screened: what happened to missing kits

    lines: Mapped[list[VehicleCheckLine]] = relationship(
        back_populates="check", cascade="all, delete-orphan"
    )


class VehicleCheckLine(Base):
    """What the crew found of one kit lot on board: kits on board, missing, expired, opened."""

    __tablename__ = "vehicle_check_line"

    id: Mapped[int] = mapped_column(primary_key=True)
    check_id: Mapped[int] = mapped_column(ForeignKey("vehicle_check.id"), index=True)
    lot_id: Mapped[int] = mapped_column(ForeignKey("lot.id"))
    location_id: Mapped[int] = mapped_column(ForeignKey("location.id"))
    expected: Mapped[int] = mapped_column(Integer)
    on_board: Mapped[int] = mapped_column(Integer)
    missing: Mapped[int] = mapped_column(Integer)
    expired: Mapped[int] = mapped_column(Integer)
    opened: Mapped[int] = mapped_column(Integer)

    check: Mapped[VehicleCheck] = relationship(back_populates="lines")

    __table_args__ = (
        CheckConstraint(
            "on_board >= 0 AND missing >= 0 AND expired >= 0 AND opened >= 0",
            name="counts_not_negative",
        ),
    )
