"""Where stock that must not be used may go: expired or quarantined stock only to quarantine.

Knows lots and places; disposal is its own operation (StockService.dispose), so a transfer of
such stock is allowed only into a quarantine place. A kit lot carries the expiry of its
earliest component (set when the kit is assembled), so an expired kit is refused too.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from models.common.errors import LotExpired, ValidationError
from models.stock.entities import Location, LocationKind, Lot, Product
from models.stock.ledger import is_expired


def check_may_move(s: Session, lot: Lot, source: Location, target: Location, today: date) -> None:
    """Refuse moving expired or quarantined stock anywhere but into quarantine."""
    if target.kind == LocationKind.QUARANTINE:
        return
    product = s.get(Product, lot.product_id)
    what = f"{product.name if product else 'This product'} lot {lot.lot_number}"
    if is_expired(lot.expiry, today):
        raise LotExpired(
            f"{what} expired on {lot.expiry:%Y-%m-%d}: it may only go to a quarantine place "
            f"or be disposed of, not to {target.name}."
        )
    if source.kind == LocationKind.QUARANTINE:
        raise ValidationError(
            f"{what} is in quarantine ({source.name}): it may only go to another quarantine "
            f"place or be disposed of, not to {target.name}."
        )
