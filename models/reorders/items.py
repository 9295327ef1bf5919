"""What the agency orders: items (a product, or an interchange group) and what a kit holds.

Agencies ask a source for "4 mg nasal naloxone", not for a brand, so products of one
interchange group with two or more members are ordered as one item. Kits are assembled in
house and never ordered: a kit lot counts as the component units inside it.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.kits.entities import KitRecipe, KitRecipeLine
from models.stock.entities import Lot, Product, ProductKind


@dataclass(frozen=True, order=True)
class ItemKey:
    """A product (`product_id`) or an interchange group (`group`): exactly one is set."""

    product_id: int | None = None
    group: str | None = None


@dataclass
class Item:
    key: ItemKey
    label: str
    kind: str
    unit: str
    package_name: str
    units_per_package: int
    product_ids: list[int] = field(default_factory=list)
    ndcs: list[str] = field(default_factory=list)

    @property
    def ndc_text(self) -> str:
        return ", ".join(self.ndcs)


# (item, units of it per unit of the lot or product, expiry of those units or None: the lot's)
Content = tuple[ItemKey, int, date | None]


class ItemCatalog:
    """Maps products and kit products to orderable items (lots are opened up in SQL)."""

    def __init__(self, s: Session, by_group: bool = True) -> None:
        # A source checks NDCs against what it ships: name only products the agency stocks.
        has_lot = select(Lot.id).where(Lot.product_id == Product.id).exists()
        rows = s.execute(
            select(Product, has_lot, KitRecipeLine)  # each kit with its recipe, in one statement
            .outerjoin(KitRecipe, KitRecipe.kit_product_id == Product.id)
            .outerjoin(KitRecipeLine, KitRecipeLine.recipe_id == KitRecipe.id)
            .order_by(Product.name, Product.id, KitRecipeLine.position)
        ).all()
        self.products = {p.id: p for p, _stocked, _line in rows}
        products = list(self.products.values())
        stocked = {p.id for p, held, _line in rows if held}
        self._recipes: dict[int, list[KitRecipeLine]] = defaultdict(list)
        for p, _held, line in rows:
            if line is not None:
                self._recipes[p.id].append(line)
        members: dict[str, list[Product]] = {}
        for p in products:
            if p.active and p.kind != ProductKind.KIT and p.interchange_group:
                members.setdefault(p.interchange_group, []).append(p)
        self._grouped = {g for g, ps in members.items() if by_group and len(ps) >= 2}
        self._first_of_group = {g: ps[0].id for g, ps in members.items()}
        self.items: dict[ItemKey, Item] = {}
        for p in products:
            if p.kind == ProductKind.KIT:
                continue
            key = self.key_of_product(p.id)
            item = self.items.get(key)
            if item is None:
                if not p.active:
                    continue
                item = self._new_item(key, p, members.get(p.interchange_group or "", []))
                self.items[key] = item
            if p.id not in item.product_ids:
                item.product_ids.append(p.id)
                if p.ndc and p.id in stocked:
                    item.ndcs.append(p.ndc)
        self._recipe_cache: dict[int, list[Content]] = {}
        self._product_cache: dict[int, list[Content]] = {}

    def _new_item(self, key: ItemKey, p: Product, group: list[Product]) -> Item:
        if key.group is None:
            return Item(key, p.name, p.kind, p.unit_of_issue, p.package_name, p.units_per_package)
        sizes = Counter(m.units_per_package for m in group)
        per_package = min(sizes, key=lambda size: (-sizes[size], size))
        label = f"{key.group.replace('-', ' ').capitalize()} (any brand)"
        return Item(key, label, p.kind, p.unit_of_issue, p.package_name, per_package)

    def key_of_product(self, product_id: int) -> ItemKey:
        product = self.products[product_id]
        group = product.interchange_group
        if group in self._grouped:
            return ItemKey(group=group)
        return ItemKey(product_id=product_id)

    def key_of_group(self, group: str) -> ItemKey | None:
        if group in self._grouped:
            return ItemKey(group=group)
        first = self._first_of_group.get(group)
        return None if first is None else ItemKey(product_id=first)

    def contents_of_kit_product(self, kit_product_id: int) -> list[Content]:
        """A kit's components by its recipe (when the kit batch itself is unknown)."""
        if kit_product_id not in self._recipe_cache:
            out: list[Content] = []
            for line in self._recipes.get(kit_product_id, []):
                key = (
                    self.key_of_product(line.product_id)
                    if line.product_id is not None
                    else self.key_of_group(line.interchange_group or "")
                )
                if key is not None and line.required:
                    out.append((key, line.quantity, None))
            self._recipe_cache[kit_product_id] = out
        return self._recipe_cache[kit_product_id]

    def contents_of_product(self, product_id: int) -> list[Content]:
        if self.products[product_id].kind == ProductKind.KIT:
            return self.contents_of_kit_product(product_id)
        if product_id not in self._product_cache:
            self._product_cache[product_id] = [(self.key_of_product(product_id), 1, None)]
        return self._product_cache[product_id]
