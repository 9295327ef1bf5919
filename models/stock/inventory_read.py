"""One read of everything the Inventory screen shows, in one read transaction.

Stock is read every time (one statement); products, places and expiry bands come from the
catalog cache, which reads them again only when the change journal says they changed.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from models.stock.catalog_cache import CatalogCache
from models.stock.queries import on_hand_rows, on_hand_select
from models.stock.rows import InventorySnapshot


def read_inventory(s: Session, today: date, cache: CatalogCache) -> InventorySnapshot:
    """Stock by lot and place with the reference data it needs (2 statements when unchanged)."""
    catalog = cache.current(s)
    records = s.execute(on_hand_select()).all()
    products = {r.product_id for r in records}
    if not catalog.knows(products, {r.location_id for r in records}):
        catalog = cache.reload(s)  # written without the journal seeing it: read it now
    return InventorySnapshot(
        rows=on_hand_rows(records, catalog.tree, today),
        products=list(catalog.products),
        places=catalog.tree.physical(),
        bands=catalog.bands,
    )
