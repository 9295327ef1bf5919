"""The reference data a screen reads on every refresh (products, places, expiry bands), kept
between refreshes and read again only when the change journal says one of its tables changed.

Knows the `change_log` journal (written by every committed write, from any station) and the
catalog tables; not the screens. One cache per service; safe to share between threads.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.common.entities import Change
from models.common.settings import EXPIRY_BANDS, read_setting
from models.stock.catalog_service import product_rows
from models.stock.location_tree import LocationTree
from models.stock.rows import ProductRow

# Tables whose change makes the held reference data stale (as the journal names them).
CATALOG_TABLES = frozenset({"product", "barcode", "location", "setting"})
# Entries re-read below the newest one seen: on PostgreSQL a transaction can commit a journal
# entry with a lower id just after a higher one became visible.
MARGIN = 50
LOOK_BACK = 200  # more entries than this since the last look: reload rather than read them all


@dataclass(frozen=True)
class Catalog:
    products: tuple[ProductRow, ...]  # by name, inactive ones included
    tree: LocationTree
    bands: tuple[int, int]

    def knows(self, product_ids: set[int], location_ids: set[int]) -> bool:
        """True if every product and place named is held (else something new came in)."""
        known_products = {p.id for p in self.products}
        return product_ids <= known_products and location_ids <= self.tree.rows.keys()


def load_catalog(s: Session) -> Catalog:
    """Read the reference data now (three statements)."""
    return Catalog(tuple(product_rows(s)), LocationTree.load(s), read_setting(s, EXPIRY_BANDS))


class CatalogCache:
    """`current(s)` costs one small journal read while nothing changed; `reload(s)` always reads."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._held: Catalog | None = None
        self._seen: set[int] = set()  # journal ids already accounted for (the newest ones)

    def current(self, s: Session) -> Catalog:
        with self._lock:
            stale = self._journal_says_stale(s)
            if self._held is None or stale:
                self._held = load_catalog(s)
            return self._held

    def reload(self, s: Session) -> Catalog:
        with self._lock:
            self._held = load_catalog(s)
            return self._held

    def _journal_says_stale(self, s: Session) -> bool:
        newest = max(self._seen, default=None)
        floor = -1 if newest is None else newest - MARGIN
        entries = s.execute(
            select(Change.id, Change.tables)
            .where(Change.id > floor)
            .order_by(Change.id.desc())
            .limit(LOOK_BACK)
        ).all()
        ids = {e.id for e in entries}
        fresh = [e for e in entries if e.id not in self._seen]
        self._seen = ids
        if newest is not None and newest not in ids:
            return True  # the journal went back (a restored backup): start again
        if fresh and len(entries) == LOOK_BACK:
            return True  # more happened than was read
        return any(CATALOG_TABLES.intersection(e.tables.split(",")) for e in fresh)
