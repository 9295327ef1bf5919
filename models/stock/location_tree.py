"""The storage location tree in memory: paths, descendants, the station a place belongs to."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.stock.entities import Location, LocationKind
from models.stock.rows import LocationRow

TREE_COLUMNS = (Location.id, Location.name, Location.kind, Location.parent_id, Location.active)


@dataclass
class LocationTree:
    rows: dict[int, LocationRow]
    children: dict[int | None, list[int]] = field(default_factory=dict)

    @classmethod
    def load(cls, s: Session) -> LocationTree:
        return cls.of_records(s.execute(select(*TREE_COLUMNS)).all())

    @classmethod
    def of_records(cls, records: Sequence[Any]) -> LocationTree:
        """A tree over records with the `TREE_COLUMNS` (read by a caller with more columns)."""
        by_id = {r.id: r for r in records}
        rows: dict[int, LocationRow] = {}
        children: dict[int | None, list[int]] = {}
        for r in records:
            rows[r.id] = LocationRow(
                r.id, r.name, r.kind, r.parent_id, r.active, _path(r.id, by_id)
            )
            children.setdefault(r.parent_id, []).append(r.id)
        for ids in children.values():
            ids.sort(key=lambda i: rows[i].path.lower())
        return cls(rows, children)

    @classmethod
    def from_rows(cls, rows: Iterable[LocationRow]) -> LocationTree:
        """A tree over rows already loaded (e.g. `CatalogService.list_locations`), no session."""
        by_id = {r.id: r for r in rows}
        children: dict[int | None, list[int]] = {}
        for row in by_id.values():
            parent = row.parent_id if row.parent_id in by_id else None
            children.setdefault(parent, []).append(row.id)
        for ids in children.values():
            ids.sort(key=lambda i: by_id[i].path.lower())
        return cls(by_id, children)

    def physical(self) -> list[LocationRow]:
        """Real places, in tree order (stations first, their contents beneath them)."""
        return [
            self.rows[i] for i in self.walk(None) if not LocationKind(self.rows[i].kind).is_virtual
        ]

    def walk(self, root: int | None) -> list[int]:
        out: list[int] = []
        stack = list(reversed(self.children.get(root, [])))
        while stack:
            current = stack.pop()
            out.append(current)
            stack.extend(reversed(self.children.get(current, [])))
        return out

    def subtree(self, root: int) -> set[int]:
        return {root, *self.walk(root)}

    def station_of(self, location_id: int) -> int | None:
        current: int | None = location_id
        while current is not None:
            row = self.rows[current]
            if row.kind == LocationKind.STATION:
                return row.id
            current = row.parent_id
        return None


def _path(location_id: int, by_id: dict[int, Any]) -> str:
    names: list[str] = []
    current = location_id
    seen: set[int] = set()
    while current is not None and current not in seen:
        seen.add(current)
        record = by_id[current]
        names.append(record.name)
        current = record.parent_id
    return " / ".join(reversed(names))
