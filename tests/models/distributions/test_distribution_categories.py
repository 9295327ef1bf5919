"""Agency-configurable categories and service-area ZIPs; history keeps its codes."""

from __future__ import annotations

import pytest

from models.common.errors import ValidationError
from models.distributions.categories import Category, CategoryKind, check_zip, new_code
from tests.models.distribution_helpers import entry, receive_kits

SETTING = CategoryKind.SETTING


def test_defaults_follow_the_inclusive_at_risk_definition(services):
    labels = [c.label for c in services.distributions.list_categories(SETTING)]
    assert labels[0] == "Overdose scene" and "Reentry / recently released" in labels
    assert (
        "Deflection or diversion program" in labels and "Mass gathering / community event" in labels
    )
    rels = [c.label for c in services.distributions.list_categories(CategoryKind.RELATIONSHIP)]
    assert rels == ["Person at risk", "Family member", "Friend or close contact", "Bystander",
                    "Organisation", "Other or declined"]  # fmt: skip


def test_renaming_a_category_relabels_history_and_keeps_its_code(services, agency):
    receive_kits(services, agency.vehicle, 1)
    row = services.distributions.record_distribution(entry(agency))
    cats = services.distributions.list_categories(SETTING)
    renamed = [Category(c.code, "Suspected overdose" if c.code == "overdose_scene" else c.label)
               for c in cats]  # fmt: skip
    services.distributions.save_categories(SETTING, renamed)
    listed = services.distributions.list_distributions(row.occurred_on, row.occurred_on)
    assert (listed[0].setting, listed[0].setting_label) == ("overdose_scene", "Suspected overdose")


def test_a_category_in_use_can_be_retired_but_not_deleted(services, agency):
    receive_kits(services, agency.vehicle, 2)
    services.distributions.record_distribution(entry(agency))
    cats = services.distributions.list_categories(SETTING)
    with pytest.raises(ValidationError, match="retire"):
        services.distributions.save_categories(
            SETTING, [c for c in cats if c.code != "overdose_scene"]
        )
    retired = [Category(c.code, c.label, c.code != "overdose_scene") for c in cats]
    services.distributions.save_categories(SETTING, retired)
    with pytest.raises(ValidationError, match="retired"):
        services.distributions.record_distribution(entry(agency))


def test_new_categories_get_unique_codes_and_duplicates_are_refused(services):
    cats = services.distributions.list_categories(SETTING)
    code = new_code("Shelter visit", {c.code for c in cats})
    saved = services.distributions.save_categories(
        SETTING, [*cats, Category(code, "Shelter visit")]
    )
    assert saved[-1] == Category("shelter_visit", "Shelter visit")
    assert new_code("Other", {"other"}) == "other_2"
    with pytest.raises(ValidationError, match="appears twice"):
        services.distributions.save_categories(SETTING, [*saved, Category("x", "shelter VISIT")])
    with pytest.raises(ValidationError, match="at least one"):
        services.distributions.save_categories(
            SETTING, [Category(c.code, c.label, False) for c in saved]
        )


def test_service_area_zips_are_checked_and_deduplicated(services):
    saved = services.distributions.save_service_area_zips(["12866", " 12831 ", "12866-0001", ""])
    assert saved == ["12866", "12831"] == services.distributions.service_area_zips()
    with pytest.raises(ValidationError, match="5-digit"):
        services.distributions.save_service_area_zips(["1286"])
    assert services.distributions.service_area_zips() == ["12866", "12831"]


@pytest.mark.parametrize("text", ["00000", "1234", "123456", "12a45", "12866-12"])
def test_zip_check_refuses_what_is_not_a_zip(text):
    with pytest.raises(ValidationError):
        check_zip(text)
