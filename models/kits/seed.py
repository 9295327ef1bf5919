"""Loads the shipped standard kit recipes (idempotent; products come from the stock seed)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.kits.entities import KitRecipe, KitRecipeLine
from models.stock.entities import Product
from models.stock.seed import load_resource


def seed_recipes(s: Session) -> None:
    products = {p.name: p.id for p in s.scalars(select(Product))}
    known = set(s.scalars(select(KitRecipe.name)))
    for item in load_resource("kit_recipes.json")["recipes"]:
        if item["name"] in known or item["kit_product"] not in products:
            continue
        recipe = KitRecipe(
            name=item["name"], kit_product_id=products[item["kit_product"]], notes=item.get("notes")
        )
        for position, line in enumerate(item["lines"]):
            recipe.lines.append(
                KitRecipeLine(
                    position=position,
                    product_id=products.get(line["product"]) if "product" in line else None,
                    interchange_group=line.get("group"),
                    quantity=line["quantity"],
                    required=line["required"],
                )
            )
        s.add(recipe)
    s.flush()
