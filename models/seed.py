"""Loads the shipped default catalog, kit recipe and source directory (idempotent)."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.catalog_service import _attach_barcode
from models.entities import Product, Source
from models.gtin import gtin12_from_ndc
from models.kit_entities import KitRecipe, KitRecipeLine


def load_resource(name: str) -> dict[str, Any]:
    return json.loads(resources.files("resources").joinpath(name).read_text(encoding="utf-8"))


def seed_defaults(s: Session) -> None:
    """Add default products, recipes and sources that are not there yet (matched by name)."""
    seed_catalog(s)
    seed_recipes(s)
    seed_sources(s)


def seed_catalog(s: Session) -> None:
    known = set(s.scalars(select(Product.name)))
    for item in load_resource("catalog.json")["products"]:
        if item["name"] in known:
            continue
        data = {k: v for k, v in item.items() if k != "extra_ndcs"}
        product = Product(**data)
        s.add(product)
        s.flush()
        for ndc in [item.get("ndc"), *item.get("extra_ndcs", [])]:
            if ndc and (upc := gtin12_from_ndc(ndc)):
                _attach_barcode(s, product, upc, f"UPC of NDC {ndc}")
    s.flush()


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


def seed_sources(s: Session) -> None:
    known = set(s.scalars(select(Source.name)))
    for item in load_resource("sources.json")["sources"]:
        if item["name"] not in known:
            s.add(Source(**item))
    s.flush()
