"""Kit recipes on a real SQLite file: create, edit, refuse bad lines, retire."""

from __future__ import annotations

import pytest

from models.common.errors import ValidationError
from models.kits.rows import RecipeLineInput
from tests.models.kit_fixtures import standard, stock_parts


def test_the_standard_recipe_ships_with_required_and_optional_lines(services):
    recipe = services.kits.get_recipe(standard(services).recipe)
    assert [(line.label, line.quantity, line.required) for line in recipe.lines][:2] == [
        ("Any naloxone 4mg nasal", 2, True),
        ("Naloxone instructions leaflet", 1, True),
    ]
    assert sum(not line.required for line in recipe.lines) == 3


def test_a_new_recipe_gets_its_own_kit_product(services, agency):
    recipe = services.kits.save_recipe(
        None,
        "Mass gathering kit",
        [
            RecipeLineInput(None, "naloxone-4mg-nasal", 4),
            RecipeLineInput(agency.shield, None, 2, required=False),
        ],
        notes="Concerts and fairs",
    )
    product = services.catalog.get_product(recipe.kit_product_id)
    assert (product.name, product.kind, product.doses_per_unit) == ("Mass gathering kit", "kit", 4)
    assert [line.label for line in recipe.lines] == [
        "Any naloxone 4mg nasal",
        "Rescue breathing face shield",
    ]
    renamed = services.kits.save_recipe(
        recipe.id, "Event kit", [line.as_input() for line in recipe.lines]
    )
    assert services.catalog.get_product(renamed.kit_product_id).name == "Event kit"


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        ([], "at least one required line"),
        ([("shield", 1, False)], "at least one required line"),
        ([("narcan", 0, True)], "at least 1"),
        ([("narcan", 1, True), ("narcan", 2, True)], "already in the recipe"),
        ([("kit", 1, True)], "cannot contain another kit"),
        ([("group:no-such-group", 1, True)], "choose a product or a group"),
    ],
)
def test_bad_recipe_lines_are_refused(services, agency, lines, message):
    kit = standard(services)
    ids = {"shield": agency.shield, "narcan": agency.narcan, "kit": kit.product}
    inputs = [
        RecipeLineInput(None, key[6:], q, r)
        if key.startswith("group:")
        else RecipeLineInput(ids[key], None, q, r)
        for key, q, r in lines
    ]
    with pytest.raises(ValidationError, match=message):
        services.kits.save_recipe(None, "Test kit", inputs)


def test_a_recipe_name_may_not_take_another_product_name(services, agency):
    with pytest.raises(ValidationError, match="already exists"):
        services.kits.save_recipe(None, "Kit pouch", [RecipeLineInput(agency.narcan, None, 2)])


def test_a_retired_recipe_cannot_be_assembled(services, agency):
    kit = standard(services)
    stock_parts(services, agency, kit)
    services.kits.set_recipe_active(kit.recipe, False)
    assert services.kits.list_recipes(include_inactive=False) == []
    with pytest.raises(ValidationError, match="retired"):
        services.kits.plan_assembly(kit.recipe, agency.room, 1)


def test_interchange_groups_list_their_products(services):
    groups = {g.name: g for g in services.kits.list_groups()}
    assert groups["naloxone-4mg-nasal"].product_names == (
        "Naloxone HCl 4 mg nasal spray (Padagis / BluePoint)",
        "Naloxone HCl 4 mg nasal spray (Teva)",
        "Narcan 4 mg nasal spray",
    )
