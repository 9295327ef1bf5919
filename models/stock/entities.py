"""Core entities: catalog, locations, lots, the stock ledger, sources, par levels, settings.

Enumerations are stored as short strings so that adding a value never needs a migration.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.common.base import Base


class ProductKind(StrEnum):
    NALOXONE = "naloxone"
    TEST_STRIP = "test_strip"
    PROTECTIVE = "protective"  # face shield, gloves
    CARD = "card"  # resource card, Good Samaritan card, instructions
    POUCH = "pouch"
    CARE_ITEM = "care_item"
    KIT = "kit"
    OTHER = "other"


class LocationKind(StrEnum):
    STATION = "station"
    ROOM = "room"
    CABINET = "cabinet"
    VEHICLE = "vehicle"
    BAG = "bag"
    QUARANTINE = "quarantine"
    # Virtual locations: the other side of every movement, so quantity is conserved.
    SUPPLIER = "supplier"
    DISTRIBUTED = "distributed"
    ADMINISTERED = "administered"
    DISPOSED = "disposed"
    ASSEMBLY = "assembly"
    ADJUSTMENT = "adjustment"

    @property
    def is_virtual(self) -> bool:
        return self in VIRTUAL_KINDS

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()


VIRTUAL_KINDS = frozenset(
    {
        LocationKind.SUPPLIER,
        LocationKind.DISTRIBUTED,
        LocationKind.ADMINISTERED,
        LocationKind.DISPOSED,
        LocationKind.ASSEMBLY,
        LocationKind.ADJUSTMENT,
    }
)
PHYSICAL_KINDS = tuple(k for k in LocationKind if k not in VIRTUAL_KINDS)


class Reason(StrEnum):
    RECEIVE = "receive"
    TRANSFER = "transfer"
    ADJUST = "adjust"
    QUARANTINE = "quarantine"
    DISPOSE = "dispose"
    ASSEMBLE = "assemble"
    DISASSEMBLE = "disassemble"
    DISTRIBUTE = "distribute"
    ADMINISTER = "administer"
    REVERSAL = "reversal"

    @property
    def label(self) -> str:
        return self.value.capitalize()


class Product(Base):
    __tablename__ = "product"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    kind: Mapped[str] = mapped_column(String(32), default=ProductKind.OTHER)
    # Products that can stand in for one another in a kit recipe ("naloxone-4mg-nasal").
    interchange_group: Mapped[str | None] = mapped_column(String(64), index=True)
    manufacturer: Mapped[str | None] = mapped_column(String(120))
    strength: Mapped[str | None] = mapped_column(String(60))
    ndc: Mapped[str | None] = mapped_column(String(20))  # kept with hyphens
    unit_of_issue: Mapped[str] = mapped_column(String(30), default="each")
    package_name: Mapped[str] = mapped_column(String(30), default="box")
    units_per_package: Mapped[int] = mapped_column(Integer, default=1)
    doses_per_unit: Mapped[int] = mapped_column(Integer, default=0)
    lot_tracked: Mapped[bool] = mapped_column(Boolean, default=True)
    expires: Mapped[bool] = mapped_column(Boolean, default=True)
    storage_min_c: Mapped[float | None] = mapped_column(Float)
    storage_max_c: Mapped[float | None] = mapped_column(Float)
    rx_only: Mapped[bool] = mapped_column(Boolean, default=False)
    notes: Mapped[str | None] = mapped_column(Text)
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    barcodes: Mapped[list[Barcode]] = relationship(
        back_populates="product", cascade="all, delete-orphan"
    )

    __table_args__ = (CheckConstraint("units_per_package >= 1", name="units_per_package"),)


class Barcode(Base):
    """A code printed on a product's package: GTIN-14/13/12 or a store-brand UPC."""

    __tablename__ = "barcode"

    id: Mapped[int] = mapped_column(primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("product.id"), index=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)  # digits, as a 14-digit GTIN
    label: Mapped[str | None] = mapped_column(String(60))
    # Units of issue one scan of this code stands for (a case of 24); None = one package.
    units: Mapped[int | None] = mapped_column(Integer)

    product: Mapped[Product] = relationship(back_populates="barcodes")

    __table_args__ = (CheckConstraint("units IS NULL OR units >= 1", name="units_positive"),)


class Location(Base):
    __tablename__ = "location"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    kind: Mapped[str] = mapped_column(String(32))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("location.id"), index=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    notes: Mapped[str | None] = mapped_column(Text)
    # Par levels of a place are one setting: a version number catches two stations editing at once.
    par_version: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    par_changed_at: Mapped[datetime | None] = mapped_column(DateTime)
    par_changed_by: Mapped[str | None] = mapped_column(String(120))
    par_changed_station: Mapped[str | None] = mapped_column(String(80))

    parent: Mapped[Location | None] = relationship(remote_side="Location.id")

    __table_args__ = (UniqueConstraint("parent_id", "name", name="uq_location_parent_name"),)

    @property
    def is_virtual(self) -> bool:
        return LocationKind(self.kind).is_virtual


class Source(Base):
    """A free naloxone source (health department program, OOPP, harm-reduction partner)."""

    __tablename__ = "source"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    program_type: Mapped[str] = mapped_column(String(60), default="other")
    supplies: Mapped[str | None] = mapped_column(Text)
    contact_name: Mapped[str | None] = mapped_column(String(120))
    phone: Mapped[str | None] = mapped_column(String(40))
    email: Mapped[str | None] = mapped_column(String(120))
    address: Mapped[str | None] = mapped_column(Text)
    ordering_method: Mapped[str] = mapped_column(String(30), default="email")
    registration_number: Mapped[str | None] = mapped_column(String(60))
    lead_time_days: Mapped[int] = mapped_column(Integer, default=14)
    allocation_cap_packages: Mapped[int | None] = mapped_column(Integer)
    notes: Mapped[str | None] = mapped_column(Text)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # The source's request form asks for the number of trained personnel (reorder sheet).
    asks_trained_count: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")


class Lot(Base):
    __tablename__ = "lot"

    id: Mapped[int] = mapped_column(primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("product.id"))
    lot_number: Mapped[str] = mapped_column(String(40))
    expiry: Mapped[date | None] = mapped_column(Date, index=True)
    source_id: Mapped[int | None] = mapped_column(ForeignKey("source.id"))
    received_on: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(DateTime)

    product: Mapped[Product] = relationship()
    source: Mapped[Source | None] = relationship()

    __table_args__ = (UniqueConstraint("product_id", "lot_number", name="uq_lot_product_number"),)


class Operation(Base):
    """One use case's worth of movements, recorded together (a receipt, an assembly...)."""

    __tablename__ = "operation"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, index=True)
    # The day the movement took effect: a back-dated distribution keeps the day it happened.
    effective_on: Mapped[date | None] = mapped_column(Date, index=True)
    reason: Mapped[str] = mapped_column(String(32), index=True)
    user: Mapped[str] = mapped_column(String(80))
    station: Mapped[str | None] = mapped_column(String(80))
    note: Mapped[str | None] = mapped_column(Text)
    reverses_id: Mapped[int | None] = mapped_column(ForeignKey("operation.id"), unique=True)

    moves: Mapped[list[StockMove]] = relationship(back_populates="operation")


class StockMove(Base):
    """Append-only ledger line: quantity of a lot from one location to another."""

    __tablename__ = "stock_move"

    id: Mapped[int] = mapped_column(primary_key=True)
    operation_id: Mapped[int] = mapped_column(ForeignKey("operation.id"), index=True)
    lot_id: Mapped[int] = mapped_column(ForeignKey("lot.id"))
    from_location_id: Mapped[int] = mapped_column(ForeignKey("location.id"))
    to_location_id: Mapped[int] = mapped_column(ForeignKey("location.id"))
    quantity: Mapped[int] = mapped_column(Integer)

    operation: Mapped[Operation] = relationship(back_populates="moves")

    __table_args__ = (
        CheckConstraint("quantity > 0", name="quantity_positive"),
        CheckConstraint("from_location_id <> to_location_id", name="distinct_locations"),
        Index("ix_stock_move_lot_from", "lot_id", "from_location_id"),
        Index("ix_stock_move_lot_to", "lot_id", "to_location_id"),
        Index("ix_stock_move_from", "from_location_id"),
        Index("ix_stock_move_to", "to_location_id"),
    )


class Balance(Base):
    """On-hand cache per lot and location, updated in the same transaction as each move."""

    __tablename__ = "balance"

    lot_id: Mapped[int] = mapped_column(ForeignKey("lot.id"), primary_key=True)
    location_id: Mapped[int] = mapped_column(
        ForeignKey("location.id"), primary_key=True, index=True
    )
    quantity: Mapped[int] = mapped_column(Integer, default=0)
    # When stock of this lot last arrived here (vehicle dwell limits count from it).
    since: Mapped[datetime | None] = mapped_column(DateTime)


class ParLevel(Base):
    """The quantity a location should hold of a product (or of kits)."""

    __tablename__ = "par_level"

    id: Mapped[int] = mapped_column(primary_key=True)
    location_id: Mapped[int] = mapped_column(ForeignKey("location.id"))
    product_id: Mapped[int] = mapped_column(ForeignKey("product.id"))
    quantity: Mapped[int] = mapped_column(Integer)

    __table_args__ = (
        UniqueConstraint("location_id", "product_id", name="uq_par_level_location_product"),
        CheckConstraint("quantity >= 0", name="quantity_not_negative"),
    )


class StockCount(Base):
    """A count of a whole place (a stocktake): open while counting, posted as one operation."""

    __tablename__ = "stock_count"

    id: Mapped[int] = mapped_column(primary_key=True)
    location_id: Mapped[int] = mapped_column(ForeignKey("location.id"))
    status: Mapped[str] = mapped_column(String(16), index=True)  # open, posted, abandoned
    blind: Mapped[bool] = mapped_column(Boolean, default=False)
    started_at: Mapped[datetime] = mapped_column(DateTime)
    started_by: Mapped[str] = mapped_column(String(80))
    operation_id: Mapped[int | None] = mapped_column(ForeignKey("operation.id"))


class StockCountLine(Base):
    """One lot at one place of a count: what the books expected, what was counted, and why
    they differ."""

    __tablename__ = "stock_count_line"

    id: Mapped[int] = mapped_column(primary_key=True)
    count_id: Mapped[int] = mapped_column(ForeignKey("stock_count.id"))
    lot_id: Mapped[int] = mapped_column(ForeignKey("lot.id"))
    location_id: Mapped[int] = mapped_column(ForeignKey("location.id"))
    expected: Mapped[int] = mapped_column(Integer)
    counted: Mapped[int | None] = mapped_column(Integer)
    reason: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (
        UniqueConstraint("count_id", "lot_id", "location_id"),
        CheckConstraint("counted IS NULL OR counted >= 0", name="counted_not_negative"),
    )
