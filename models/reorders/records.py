"""Reorder records inside an open session: rows for screens, status changes, receipt matching."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from models.common.errors import NotFound, ValidationError
from models.common.pii_screen import screen_free_text
from models.reorders.entities import (
    Reorder,
    ReorderLine,
    ReorderReceipt,
    ReorderStatus,
    ReorderStatusChange,
)
from models.reorders.inputs import received_by_line
from models.reorders.rows import ReceiptRow, ReorderLineRow, ReorderRow, StatusChangeRow
from models.stock.entities import Location, Lot, Operation, Product, Reason, Source, StockMove


def number_of(reorder_id: int) -> str:
    return f"R-{reorder_id:05d}"


def get_reorder(s: Session, reorder_id: int) -> Reorder:
    reorder = s.get(Reorder, reorder_id)
    if reorder is None:
        raise NotFound(f"No reorder {number_of(reorder_id)}.")
    return reorder


def change_status(
    s: Session, reorder: Reorder, status: ReorderStatus, user: str, at: datetime, note: str = ""
) -> None:
    reorder.status = status.value
    reorder.history.append(
        ReorderStatusChange(
            status=status.value, at=at, user=user, note=screen_free_text(note, "The note")
        )
    )
    s.flush()


def reorder_row(s: Session, reorder: Reorder) -> ReorderRow:
    source = s.get(Source, reorder.source_id)
    station = s.get(Location, reorder.station_id) if reorder.station_id else None
    received = received_by_line(s, [line.id for line in reorder.lines])
    status = ReorderStatus(reorder.status)
    return ReorderRow(
        reorder.id,
        number_of(reorder.id),
        reorder.source_id,
        source.name if source else "?",
        status.value,
        status.label,
        station.name if station else "All stations",
        reorder.created_at,
        reorder.sent_on,
        len(reorder.lines),
        sum(line.quantity for line in reorder.lines),
        sum(min(line.quantity, received.get(line.id, 0)) for line in reorder.lines),
    )


def line_rows(s: Session, reorder: Reorder) -> tuple[ReorderLineRow, ...]:
    received = received_by_line(s, [line.id for line in reorder.lines])
    return tuple(
        ReorderLineRow(
            line.id,
            line.product_id,
            line.interchange_group,
            line.label,
            line.ndc or "",
            line.unit,
            line.package_name,
            line.units_per_package,
            line.packages,
            line.quantity,
            received.get(line.id, 0),
            line.basis,
            line.amc,
            line.distributed,
            line.administered,
            line.expired,
            line.lost,
            line.on_hand,
            line.expiring,
            line.usable,
            line.on_order,
            line.max_units,
            line.min_units,
            line.surge,
            line.months_of_stock,
            tuple(x for x in line.steps.splitlines() if x),
            line.in_kits or 0,
            line.history_days,
            line.quantity_note or "",
        )
        for line in reorder.lines
    )


def history_rows(reorder: Reorder) -> tuple[StatusChangeRow, ...]:
    return tuple(
        StatusChangeRow(h.at, ReorderStatus(h.status).label, h.user, h.note)
        for h in reorder.history
    )


def receipt_rows(s: Session, reorder: Reorder) -> tuple[ReceiptRow, ...]:
    reversal = aliased(Operation)
    rows = s.execute(
        select(
            ReorderReceipt.at,
            ReorderReceipt.operation_id,
            Product.name,
            ReorderReceipt.quantity,
            ReorderReceipt.user,
            reversal.id,
        )
        .join(ReorderLine, ReorderLine.id == ReorderReceipt.reorder_line_id)
        .join(Product, Product.id == ReorderReceipt.product_id)
        .outerjoin(reversal, reversal.reverses_id == ReorderReceipt.operation_id)
        .where(ReorderLine.reorder_id == reorder.id)
        .order_by(ReorderReceipt.id)
    ).all()
    return tuple(ReceiptRow(r[0], r[1], r[2], r[3], r[4], r[5] is not None) for r in rows)


def book_receipt(
    s: Session, reorder: Reorder, operation_id: int, user: str, at: datetime
) -> tuple[int, list[str]]:
    """Match the receipt's movements to the reorder's lines; (units booked, unmatched names)."""
    operation = s.get(Operation, operation_id)
    if operation is None or operation.reason != Reason.RECEIVE:
        raise ValidationError(f"Movement {operation_id} is not a receipt.")
    if s.scalar(select(ReorderReceipt.id).where(ReorderReceipt.operation_id == operation_id)):
        raise ValidationError(f"Receipt {operation_id} is already booked against a reorder.")
    by_product = {line.product_id: line for line in reorder.lines if line.product_id}
    by_group = {line.interchange_group: line for line in reorder.lines if line.interchange_group}
    booked, unmatched = 0, []
    totals: dict[tuple[int, int], int] = {}
    for move in s.scalars(select(StockMove).where(StockMove.operation_id == operation_id)):
        product = _product_of_lot(s, move.lot_id)
        group = product.interchange_group
        line = by_product.get(product.id) or (by_group.get(group) if group else None)
        if line is None:
            unmatched.append(product.name)
            continue
        totals[(line.id, product.id)] = totals.get((line.id, product.id), 0) + move.quantity
    for (line_id, product_id), quantity in totals.items():
        s.add(
            ReorderReceipt(
                reorder_line_id=line_id,
                operation_id=operation_id,
                product_id=product_id,
                quantity=quantity,
                at=at,
                user=user,
            )
        )
        booked += quantity
    s.flush()
    return booked, sorted(set(unmatched))


def _product_of_lot(s: Session, lot_id: int) -> Product:
    lot = s.get(Lot, lot_id)
    product = s.get(Product, lot.product_id) if lot else None
    if product is None:
        raise NotFound("A received lot has no product.")
    return product


def fully_received(s: Session, reorder: Reorder) -> bool:
    received = received_by_line(s, [line.id for line in reorder.lines])
    return all(received.get(line.id, 0) >= line.quantity for line in reorder.lines)
