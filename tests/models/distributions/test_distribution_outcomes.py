"""Outcome tags: ticked instead of typed, stored with the record, counted in the breakdown."""

from __future__ import annotations

from datetime import date

import pytest

from models.common.errors import ValidationError
from models.distributions.categories import Category, CategoryKind
from tests.conftest import Agency
from tests.models.distribution_helpers import entry, receive_kits

PERIOD = (date(2026, 1, 1), date(2026, 1, 31))


def test_outcome_tags_are_stored_and_counted_once_per_tag(services, agency: Agency):
    receive_kits(services, agency.vehicle, 6)
    record = services.distributions.record_distribution
    first = record(entry(agency, kits=2, outcomes=("declined_services", "Family present")))
    record(entry(agency, kits=1, outcomes=("family_present",)))
    record(entry(agency, kits=3))
    assert first.outcomes == ("declined_services", "family_present")
    assert first.outcome_labels == ("Declined services", "Family present")
    counts = {
        c.label: (c.distributions, c.kits)
        for c in services.distributions.counts_by("outcome", *PERIOD)
    }
    assert counts == {
        "Family present": (2, 3),
        "Declined services": (1, 2),
        "No outcome ticked": (1, 3),
    }


def test_an_unknown_or_retired_tag_is_refused_and_nothing_is_written(services, agency: Agency):
    receive_kits(services, agency.vehicle, 2)
    with pytest.raises(ValidationError, match="Unknown outcome"):
        services.distributions.record_distribution(entry(agency, outcomes=("went home",)))
    tags = services.distributions.list_categories(CategoryKind.OUTCOME)
    retired = [Category(t.code, t.label, t.code != "repeat_encounter") for t in tags]
    services.distributions.save_categories(CategoryKind.OUTCOME, retired)
    with pytest.raises(ValidationError, match="retired"):
        services.distributions.record_distribution(entry(agency, outcomes=("repeat_encounter",)))
    assert services.distributions.list_recent() == []


def test_the_agency_edits_its_tags_but_a_tag_in_use_is_only_retired(services, agency: Agency):
    receive_kits(services, agency.vehicle, 1)
    services.distributions.record_distribution(entry(agency, outcomes=("repeat_encounter",)))
    tags = services.distributions.list_categories(CategoryKind.OUTCOME)
    kept = [t for t in tags if t.code != "repeat_encounter"]
    with pytest.raises(ValidationError, match="retire"):
        services.distributions.save_categories(CategoryKind.OUTCOME, kept)
    with pytest.raises(ValidationError, match="name"):
        new = Category("named", "Left with John Smith")
        services.distributions.save_categories(CategoryKind.OUTCOME, [*tags, new])
    services.distributions.save_categories(
        CategoryKind.OUTCOME, [*tags, Category("nar", "Narcan used by family")]
    )
    labels = [t.label for t in services.distributions.list_categories(CategoryKind.OUTCOME)]
    assert labels[-1] == "Narcan used by family"


def test_a_comment_may_name_personnel_on_the_roster_but_nobody_else(services, agency: Agency):
    receive_kits(services, agency.vehicle, 2)
    services.training.save_person(None, "Dana Whitfield")
    row = services.distributions.record_distribution(entry(agency, comment="Whitfield left it"))
    assert row.comment == "Whitfield left it"
    with pytest.raises(ValidationError, match="person's name"):
        services.distributions.record_distribution(entry(agency, comment="left with Maria Garcia"))
