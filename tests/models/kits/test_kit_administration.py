"""QA: opening a kit for doses on scene explains why it cannot when the kits came ready-made."""

from __future__ import annotations

from datetime import date

import pytest

from models.common.errors import InsufficientStock
from models.distributions.rows import AdministrationEntry
from tests.models.distribution_helpers import receive_kits
from tests.snapshot import snapshot


def _from_kit(services, agency) -> None:
    services.distributions.record_administration(
        AdministrationEntry(date(2026, 1, 14), 1, agency.vehicle, from_kit=True)
    )


def test_ready_made_kits_on_board_are_named_as_the_reason(services, agency, database) -> None:
    receive_kits(services, agency.vehicle, 2)
    before = snapshot(database.sessions)
    with pytest.raises(InsufficientStock, match="kits on Patrol 12 were received ready-made"):
        _from_kit(services, agency)
    assert snapshot(database.sessions) == before


def test_no_kit_on_board_at_all_says_so(services, agency, database) -> None:
    before = snapshot(database.sessions)
    with pytest.raises(InsufficientStock, match="Patrol 12 holds no assembled kit to open"):
        _from_kit(services, agency)
    assert snapshot(database.sessions) == before
