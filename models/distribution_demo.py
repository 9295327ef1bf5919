"""Demo data for the distribution area (filled in by that area's work)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from models.services import Services


def add_demo(services: Services) -> None:
    """Adds distribution demo records to a demo agency that already has stock."""
