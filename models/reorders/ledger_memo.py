"""Reads of the ledger kept until a new operation is booked, and the one statement that tells.

The ledger is append-only: what it says was used changes only when an operation is added, so a
screen refreshed often (the dashboard, the reorder proposal) reads consumption once per change
of the books, not once per refresh. Knows the operation table and the location tree only.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any, TypeVar, cast

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.stock.entities import Operation
from models.stock.location_tree import TREE_COLUMNS, LocationTree

T = TypeVar("T")


def places_and_mark(s: Session) -> tuple[LocationTree, int | None]:
    """The location tree and the ledger's newest operation (nothing but a new operation changes
    what the ledger says was used), in one statement."""
    newest = select(func.max(Operation.id)).scalar_subquery()
    records = s.execute(select(*TREE_COLUMNS, newest.label("ledger_mark"))).all()
    return LocationTree.of_records(records), records[0].ledger_mark if records else None


class LedgerMemo:
    """Reads of the ledger kept until a new operation is booked: a screen refreshed often pays
    for them once per change of the books, not once per refresh. Belongs to one service."""

    def __init__(self) -> None:
        self._mark: int | None = None
        self._values: dict[Hashable, Any] = {}

    def reads(self, mark: int | None) -> LedgerReads:
        """The memo as of the ledger's newest operation `mark` (see `places_and_mark`)."""
        if mark != self._mark or mark is None:
            self._values, self._mark = {}, mark
        return LedgerReads(self._values)


@dataclass(frozen=True)
class LedgerReads:
    """The memo as one read session sees it: `get(key, read)` runs `read` once per key."""

    values: dict[Hashable, Any]

    def get(self, key: Hashable, read: Callable[[], T]) -> T:
        if key not in self.values:
            self.values[key] = read()
        return cast(T, self.values[key])
