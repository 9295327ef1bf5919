"""What a save checks besides the stock, read once per service: the category lists and places.

Each screen refresh that reads them (`list_categories`, `list_issue_points`) refreshes them, so a
save checks against what the person was shown, and a value not found reloads them once, so a
category or place added at another station is never refused for being unknown here.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy.orm import Session

from models.common.errors import DomainError
from models.distributions.recording import Categories
from models.stock.entities import LocationKind
from models.stock.location_tree import LocationTree


class Lookups:
    def __init__(self) -> None:
        self._categories: Categories | None = None
        self._tree: LocationTree | None = None

    def tree(self, s: Session) -> LocationTree:
        if self._tree is None:
            self._tree = LocationTree.load(s)
        return self._tree

    def keep(self, categories: Categories | None = None, tree: LocationTree | None = None) -> None:
        """What a screen just read is what the next save checks against."""
        self._categories = categories or self._categories
        self._tree = tree or self._tree

    def forget(self) -> None:
        self._categories = self._tree = None

    def path(self, s: Session, location_id: int) -> str:
        row = self.tree(s).rows.get(location_id)
        if row is None:
            self._tree = None
            row = self.tree(s).rows[location_id]
        return row.path

    def virtual_id(self, s: Session, kind: LocationKind) -> int | None:
        found = [r.id for r in self.tree(s).rows.values() if r.kind == kind]
        return min(found) if found else None

    def categories_for(self, s: Session, check: Callable[[Categories], object]) -> Categories:
        """The lists kept if `check` accepts them, else freshly read ones (which the save's own
        checks then accept or refuse)."""
        if self._categories is not None:
            try:
                check(self._categories)
                return self._categories
            except DomainError:
                pass
        self._categories = Categories.load(s)
        return self._categories
