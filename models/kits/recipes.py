"""Kit recipes (bills of materials) inside an open session: rows, validation, saving.

Saving a recipe replaces its lines; assembled batches keep their own component records and
recipe name, so a recipe change never alters kits already made.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.common.errors import NotFound, ValidationError
from models.common.pii_screen import screen_free_text
from models.kits.entities import KitBatch, KitRecipe, KitRecipeLine
from models.kits.rows import GroupRow, RecipeLineInput, RecipeLineRow, RecipeRow
from models.stock.entities import Product, ProductKind


def group_label(group: str) -> str:
    """'naloxone-4mg-nasal' reads as 'Any naloxone 4mg nasal'."""
    return "Any " + group.replace("-", " ").replace("_", " ")


def line_label(s: Session, line: KitRecipeLine | RecipeLineInput) -> str:
    if line.product_id is not None:
        product = s.get(Product, line.product_id)
        return product.name if product else f"product {line.product_id}"
    return group_label(line.interchange_group or "?")


def line_products(s: Session, line: KitRecipeLine) -> list[Product]:
    """The products that may fill a recipe line (all active members of its group)."""
    if line.product_id is not None:
        product = s.get(Product, line.product_id)
        return [product] if product is not None else []
    return list(
        s.scalars(
            select(Product).where(
                Product.interchange_group == line.interchange_group, Product.active
            )
        )
    )


def recipe_row(s: Session, recipe: KitRecipe) -> RecipeRow:
    lines = tuple(
        RecipeLineRow(
            line.position,
            line.product_id,
            line.interchange_group,
            line_label(s, line),
            line.quantity,
            line.required,
        )
        for line in recipe.lines
    )
    made = s.scalar(
        select(func.coalesce(func.sum(KitBatch.quantity), 0)).where(KitBatch.recipe_id == recipe.id)
    )
    return RecipeRow(
        recipe.id, recipe.name, recipe.kit_product_id, recipe.notes, recipe.active, lines, made or 0
    )


def get_recipe(s: Session, recipe_id: int) -> KitRecipe:
    recipe = s.get(KitRecipe, recipe_id)
    if recipe is None:
        raise NotFound("That kit recipe no longer exists.")
    return recipe


def list_groups(s: Session) -> list[GroupRow]:
    members: dict[str, list[str]] = {}
    for name, group in s.execute(
        select(Product.name, Product.interchange_group)
        .where(Product.interchange_group.is_not(None), Product.active)
        .order_by(Product.interchange_group, Product.name)
    ):
        members.setdefault(group or "", []).append(name)
    return [GroupRow(g, group_label(g), tuple(names)) for g, names in sorted(members.items())]


def save_recipe(
    s: Session,
    recipe_id: int | None,
    name: str,
    lines: Sequence[RecipeLineInput],
    notes: str | None,
) -> KitRecipe:
    name = (name or "").strip()
    if not name:
        raise ValidationError("Give the kit recipe a name.")
    _check_lines(s, lines)
    clash = s.scalar(
        select(KitRecipe.id).where(
            func.lower(KitRecipe.name) == name.lower(), KitRecipe.id != (recipe_id or -1)
        )
    )
    if clash is not None:
        raise ValidationError(f"A kit recipe named '{name}' already exists.")
    if recipe_id is None:
        recipe = KitRecipe(name=name, kit_product_id=_kit_product(s, name, None).id, active=True)
        s.add(recipe)
    else:
        recipe = get_recipe(s, recipe_id)
        _kit_product(s, name, recipe.kit_product_id)
        recipe.name = name
        recipe.lines.clear()
        s.flush()  # old lines go before new ones take their positions
    recipe.notes = screen_free_text(notes, "The recipe notes")
    for position, line in enumerate(lines):
        recipe.lines.append(
            KitRecipeLine(
                position=position,
                product_id=line.product_id,
                interchange_group=None if line.product_id else line.interchange_group,
                quantity=line.quantity,
                required=line.required,
            )
        )
    s.flush()
    product = s.get(Product, recipe.kit_product_id)
    if product is not None:
        product.doses_per_unit = _doses_per_kit(s, lines)
    return recipe


def _check_lines(s: Session, lines: Sequence[RecipeLineInput]) -> None:
    if not any(line.required for line in lines):
        raise ValidationError("A kit recipe needs at least one required line.")
    seen: set[tuple[int | None, str | None]] = set()
    for number, line in enumerate(lines, start=1):
        where = f"Line {number}: "
        if isinstance(line.quantity, bool) or not isinstance(line.quantity, int):
            raise ValidationError(where + "the quantity per kit must be a whole number.")
        if line.quantity < 1:
            raise ValidationError(where + "the quantity per kit must be at least 1.")
        key = (line.product_id, None if line.product_id else line.interchange_group)
        if key in seen:
            raise ValidationError(where + f"{line_label(s, line)} is already in the recipe.")
        seen.add(key)
        if line.product_id is not None:
            product = s.get(Product, line.product_id)
            if product is None:
                raise NotFound(where + "that product no longer exists.")
            if product.kind == ProductKind.KIT:
                raise ValidationError(where + "a kit cannot contain another kit.")
        elif not line.interchange_group or not s.scalar(
            select(Product.id).where(Product.interchange_group == line.interchange_group)
        ):
            raise ValidationError(where + "choose a product or a group of interchangeable ones.")


def _kit_product(s: Session, name: str, own_id: int | None) -> Product:
    """The kit product named after the recipe: created, reused, or renamed with it."""
    same = s.scalar(select(Product).where(func.lower(Product.name) == name.lower()))
    if same is not None and same.id != own_id:
        used = s.scalar(select(KitRecipe.id).where(KitRecipe.kit_product_id == same.id))
        if same.kind != ProductKind.KIT or used is not None or own_id is not None:
            raise ValidationError(f"A product named '{name}' already exists; choose another name.")
        return same
    if own_id is not None:
        product = s.get(Product, own_id)
        if product is None:
            raise NotFound("The recipe's kit product no longer exists.")
        product.name = name
        return product
    product = Product(
        name=name,
        kind=ProductKind.KIT,
        unit_of_issue="kit",
        package_name="kit",
        units_per_package=1,
        lot_tracked=True,
        expires=True,
    )
    s.add(product)
    s.flush()
    return product


def _doses_per_kit(s: Session, lines: Sequence[RecipeLineInput]) -> int:
    doses = 0
    for line in lines:
        if not line.required:
            continue
        if line.product_id is not None:
            product = s.get(Product, line.product_id)
        else:
            product = s.scalar(
                select(Product).where(Product.interchange_group == line.interchange_group)
            )
        if product is not None and product.kind == ProductKind.NALOXONE:
            doses += line.quantity * max(product.doses_per_unit, 1)
    return doses
