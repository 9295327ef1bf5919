"""Loads the shipped default catalog and source directory (idempotent); kits add their recipes."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.common.gtin import gtin12_from_ndc
from models.stock.barcodes import attach_barcode
from models.stock.entities import Product, Source


def load_resource(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        resources.files("resources").joinpath(name).read_text(encoding="utf-8")
    )
    return data


def seed_stock_defaults(s: Session) -> None:
    """Add default products and sources that are not there yet (matched by name)."""
    seed_catalog(s)
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
                attach_barcode(s, product, upc, f"UPC of NDC {ndc}")
    s.flush()


def seed_sources(s: Session) -> None:
    known = set(s.scalars(select(Source.name)))
    for item in load_resource("sources.json")["sources"]:
        if item["name"] not in known:
            s.add(Source(**item))
    s.flush()
