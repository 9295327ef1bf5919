"""Distributions service that keeps quick entries and administrations in the outbox when offline.

Knows the outbox and which errors mean the server is out of reach; the rules stay in the models.
"""

from __future__ import annotations

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


class OfflineDistributionService(DistributionService):
    def __init__(
        self, sessions: sessionmaker[Session], clock: Clock, actor: Actor, outbox: Outbox
    ) -> None:
        super().__init__(sessions, clock, actor)
        self.outbox = outbox

    def record_distribution(self, entry: DistributionEntry) -> DistributionRow:
        try:
            return super().record_distribution(entry)
        except UNREACHABLE:
            self.outbox.add("distribution", entry, self._actor)
            raise KeptOffline(KEPT) from None

    def record_administration(self, entry: AdministrationEntry) -> AdministrationRow:
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
