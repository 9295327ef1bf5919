"""Distributions service that keeps quick entries and administrations in the outbox when offline.

Knows the outbox, which errors mean the server is out of reach, and gives each entry its key
before the first try; the rules stay in the models.
"""

from __future__ import annotations

import dataclasses
import uuid
from typing import TypeVar

from sqlalchemy.orm import Session, sessionmaker

from lbn_desktop.outbox import UNREACHABLE, Entry, Outbox, PostResult
from models.common.actor import Actor
from models.common.clock import Clock
from models.common.errors import KeptOffline
from models.distributions.rows import (
    AdministrationEntry,
    AdministrationRow,
    DistributionEntry,
    DistributionRow,
)
from models.distributions.service import DistributionService

KEPT = (
    "The server cannot be reached: this entry is saved on this PC and will be sent "
    "automatically when the connection is back."
)


E = TypeVar("E", DistributionEntry, AdministrationEntry)


def with_key(entry: E) -> E:
    """The entry with a key of its own, so posting it again can never record it twice."""
    return entry if entry.entry_key else dataclasses.replace(entry, entry_key=uuid.uuid4().hex)


class OfflineDistributionService(DistributionService):
    def __init__(
        self, sessions: sessionmaker[Session], clock: Clock, actor: Actor, outbox: Outbox
    ) -> None:
        super().__init__(sessions, clock, actor)
        self.outbox = outbox

    def record_distribution(self, entry: DistributionEntry) -> DistributionRow:
        entry = with_key(entry)  # before the first try: its confirmation may be what is lost
        try:
            return super().record_distribution(entry)
        except UNREACHABLE:
            self.outbox.add("distribution", entry, self._actor)
            raise KeptOffline(KEPT) from None

    def record_administration(self, entry: AdministrationEntry) -> AdministrationRow:
        entry = with_key(entry)
        try:
            return super().record_administration(entry)
        except UNREACHABLE:
            self.outbox.add("administration", entry, self._actor)
            raise KeptOffline(KEPT) from None

    def post_waiting(self) -> PostResult:
        """Send what waits in the outbox, each as the person who typed it."""
        return self.outbox.post_all(self._post_now, self._actor)

    def _post_now(self, _kind: str, entry: Entry) -> object:
        if isinstance(entry, DistributionEntry):
            return super().record_distribution(entry)
        return super().record_administration(entry)
