"""Catalog pieces the inventory and settings screens rely on: sources, par levels, the tree."""

from __future__ import annotations

import pytest

from models.common.errors import ValidationError
from models.stock.location_tree import LocationTree
from tests.snapshot import snapshot


def test_a_new_source_is_saved_and_a_second_with_the_same_name_refused(services, database) -> None:
    created = services.catalog.save_source(None, name="Warren County Health", lead_time_days=7)
    assert created.id and created.lead_time_days == 7 and created.active
    before = snapshot(database.sessions)
    with pytest.raises(ValidationError, match="already exists"):
        services.catalog.save_source(None, name="warren county health")
    assert snapshot(database.sessions) == before
    renamed = services.catalog.save_source(created.id, name="Warren County Health Dept.")
    assert renamed.id == created.id


def test_par_levels_of_one_place(services, agency) -> None:
    services.catalog.set_par_level(agency.vehicle, agency.narcan, 4)
    services.catalog.set_par_level(agency.room, agency.narcan, 40)
    rows = services.catalog.list_par_levels(agency.vehicle)
    assert [(r.location_path, r.quantity) for r in rows] == [("Station 1 / Patrol 12", 4)]
    assert len(services.catalog.list_par_levels()) == 2


def test_tree_from_loaded_rows_matches_the_tree_from_the_database(services, agency) -> None:
    rows = services.catalog.list_locations()
    tree = LocationTree.from_rows(rows)
    assert [r.id for r in tree.physical()] == [r.id for r in rows]
    assert tree.subtree(agency.room) == {agency.room, agency.cabinet}
    assert tree.station_of(agency.vehicle) == agency.station


def test_a_product_can_be_deactivated_and_reactivated(services, agency) -> None:
    assert not services.catalog.set_product_active(agency.shield, False).active
    assert agency.shield not in {p.id for p in services.catalog.list_products(active_only=True)}
    assert services.catalog.set_product_active(agency.shield, True).active
