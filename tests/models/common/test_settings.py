"""Typed agency settings: defaults, tolerant reads, checks in the service."""

from __future__ import annotations

import pytest

from models.common.errors import ValidationError
from models.common.settings import (
    AGENCY_ADDRESS,
    AGENCY_NAME,
    EXPIRY_BANDS,
    AgencyProfile,
    check_bands,
    normalise_bands,
)
from tests.snapshot import snapshot


def test_bands_are_checked_and_malformed_settings_fall_back() -> None:
    assert check_bands((14, 60)) == (14, 60)
    with pytest.raises(ValidationError, match="shorter than the second"):
        check_bands((90, 30))
    assert normalise_bands([10, 20]) == (10, 20)
    assert normalise_bands("junk") == (30, 90)
    assert normalise_bands([50, 20]) == (30, 90)


def test_unset_settings_read_as_their_defaults(services) -> None:
    assert services.settings.get(EXPIRY_BANDS) == (30, 90)
    assert services.settings.get(AGENCY_ADDRESS) == ""


def test_the_agency_form_is_checked_by_the_service_and_a_refusal_writes_nothing(
    services, database
) -> None:
    services.settings.save_agency(AgencyProfile("  Town   Police ", " 1 Main St ", bands=(14, 60)))
    assert services.settings.get(AGENCY_NAME) == "Town Police"
    assert services.settings.get(AGENCY_ADDRESS) == "1 Main St"
    before = snapshot(database.sessions)
    with pytest.raises(ValidationError, match="agency's name"):
        services.settings.save_agency(AgencyProfile("  ", "2 Elm St", bands=(7, 14)))
    with pytest.raises(ValidationError, match="expiry band"):
        services.settings.save_agency(AgencyProfile("Town Police", "2 Elm St", bands=(30, 7)))
    assert snapshot(database.sessions) == before
