"""The life of a reorder request: draft -> sent -> partly/fully received, or cancelled."""

from __future__ import annotations

from enum import StrEnum


class ReorderStatus(StrEnum):
    DRAFT = "draft"
    SENT = "sent"
    PARTLY_RECEIVED = "partly_received"
    RECEIVED = "received"
    CANCELLED = "cancelled"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()

    @property
    def is_open(self) -> bool:
        """Sent and not yet fully received: its outstanding quantities are on order."""
        return self in (ReorderStatus.SENT, ReorderStatus.PARTLY_RECEIVED)
