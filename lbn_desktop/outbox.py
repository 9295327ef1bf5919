"""Entries typed while the server was out of reach, kept in a JSON-lines file on this station PC.

Knows the file format, how to replay an entry through the services as the person who typed it,
and which database errors mean "out of reach". Nothing leaves the file unless the server took it
or refused it (refusals are moved, with their reason, to a second file; none are dropped).
"""

from __future__ import annotations

import dataclasses
import json
import os
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy.exc import InterfaceError, OperationalError

from models.common.actor import Actor, Role
from models.common.errors import DomainError
from models.distributions.rows import AdministrationEntry, DistributionEntry

Entry = DistributionEntry | AdministrationEntry
Poster = Callable[[str, Entry], object]
UNREACHABLE = (OperationalError, InterfaceError)
ENTRY_TYPES: dict[str, type[DistributionEntry] | type[AdministrationEntry]] = {
    "distribution": DistributionEntry,
    "administration": AdministrationEntry,
}


@dataclass
class PostResult:
    posted: int = 0
    refused: list[tuple[dict[str, Any], str]] = field(default_factory=list)
    still_waiting: int = 0


class Outbox:
    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.path = folder / "outbox.jsonl"
        self.refused_path = folder / "outbox_refused.jsonl"

    def add(self, kind: str, entry: Entry, actor: Actor) -> str:
        """Append one entry durably (flushed to disk before this returns)."""
        key = entry.entry_key or uuid.uuid4().hex  # posted twice, recorded once (see entry_of)
        record = {
            "id": key,
            "kind": kind,
            "entry": {k: _plain(v) for k, v in dataclasses.asdict(entry).items()}
            | {"entry_key": key},
            "person": actor.name,
            "role": actor.role.value,
            "person_id": actor.person_id,
            "station": actor.station,
            "typed_at": datetime.now().replace(microsecond=0).isoformat(),
        }
        _append(self.path, record)
        return str(record["id"])

    def pending(self) -> list[dict[str, Any]]:
        return _read(self.path)

    def refused(self) -> list[dict[str, Any]]:
        return _read(self.refused_path)

    def post_all(self, post: Poster, actor: Actor) -> PostResult:
        """Post waiting entries in the order typed; stop, keeping the rest, if the link drops."""
        waiting = self.pending()
        result = PostResult()
        for position, record in enumerate(waiting):
            try:
                with acting_as(actor, record):
                    post(record["kind"], entry_of(record))
            except UNREACHABLE:
                result.still_waiting = len(waiting) - position
                _rewrite(self.path, waiting[position:])
                return result
            except DomainError as refusal:
                _append(self.refused_path, {**record, "reason": str(refusal)})
                result.refused.append((record, str(refusal)))
            else:
                result.posted += 1
            _rewrite(self.path, waiting[position + 1 :])  # the file always equals what is left
        return result


def entry_of(record: dict[str, Any]) -> Entry:
    values = dict(record["entry"])
    values["occurred_on"] = date.fromisoformat(values["occurred_on"])
    values["entry_key"] = values.get("entry_key") or record["id"]  # kept before entries had keys
    return ENTRY_TYPES[record["kind"]](**values)


@contextmanager
def acting_as(actor: Actor, record: dict[str, Any]) -> Iterator[None]:
    """Post as the person who typed the entry, then hand the keyboard back."""
    saved = dataclasses.replace(actor)
    actor.name, actor.role = record["person"], Role(record["role"])
    actor.person_id, actor.station = record.get("person_id"), record.get("station") or actor.station
    try:
        yield
    finally:
        actor.name, actor.role, actor.person_id, actor.station = (
            saved.name,
            saved.role,
            saved.person_id,
            saved.station,
        )


def _plain(value: object) -> object:
    return value.isoformat() if isinstance(value, date) else value


def _append(path: Path, record: dict[str, Any]) -> None:
    with path.open("a", encoding="utf-8") as handle:
        handle.write(json.dumps(record) + "\n")
        handle.flush()
        os.fsync(handle.fileno())


def _read(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _rewrite(path: Path, records: list[dict[str, Any]]) -> None:
    """Replace the file's contents through a closed temporary file (safe on Windows too)."""
    temporary = path.with_suffix(".tmp")
    with temporary.open("w", encoding="utf-8") as handle:
        handle.writelines(json.dumps(r) + "\n" for r in records)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)
