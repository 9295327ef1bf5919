"""KitService: recipes, FEFO assembly, kit stock, disassembly and re-kitting, labels.

Each public method is one transaction: on any refusal nothing is written. The rules live in
`kit_recipes`, `kit_assembly` and `kit_queries`; this module composes them.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from models.common.actor import Actor, Permission, requires
from models.common.clock import Clock
from models.common.dates import end_of_month
from models.common.errors import NotFound, ValidationError
from models.common.settings import (
    AGENCY_NAME,
    EXPIRY_BANDS,
    SettingKey,
    as_json,
    read_setting,
    write_setting,
)
from models.kits import assembly, queries, recipes, rekit
from models.kits.entities import KitBatch, KitRecipe
from models.kits.rows import (
    AssemblyPlan,
    AssemblyResult,
    DisassemblyResult,
    GroupRow,
    KitBatchRow,
    KitReadyRow,
    KitStockRow,
    LotChoice,
    RecipeLineInput,
    RecipeRow,
)
from models.stock.entities import Lot, Product, Reason
from models.stock.ledger import get_lot, open_operation
from models.stock.rows import ReceiveLine
from models.stock.service import StockService

DEFAULT_MIN_SHELF_DAYS = 90
MIN_SHELF_KEY = SettingKey("kit_min_shelf_days", DEFAULT_MIN_SHELF_DAYS, int)
CARD_KEY = SettingKey("resource_card", None, as_json)
CARD_PRODUCT = "Local resource card"


if TYPE_CHECKING:  # the PDF writers pull in reportlab: imported where a sheet is made
    from models.kits.labels_pdf import KitLabel
    from models.kits.resource_card_pdf import CardContent


class KitService:
    def __init__(self, sessions: sessionmaker[Session], clock: Clock, actor: Actor) -> None:
        self._sessions, self._clock, self._actor = sessions, clock, actor

    # --- settings -----------------------------------------------------------------------

    def min_shelf_days(self) -> int:
        with self._sessions() as s:
            return _min_shelf(s)

    @requires(Permission.MANAGE, "change kit settings")
    def set_min_shelf_days(self, days: int) -> None:
        if isinstance(days, bool) or not isinstance(days, int) or not 0 <= days <= 1825:
            raise ValidationError("The minimum shelf life is a whole number of days, 0 to 1825.")
        with self._sessions.begin() as s:
            write_setting(s, MIN_SHELF_KEY, days)

    def card_content(self) -> CardContent:
        from models.kits.resource_card_pdf import CardContent, default_content

        with self._sessions() as s:
            stored = read_setting(s, CARD_KEY)
        return CardContent.from_dict(stored) if stored else default_content()

    @requires(Permission.MANAGE, "change the resource card")
    def save_card_content(self, content: CardContent) -> None:
        if not content.title_en.strip() or not content.title_es.strip():
            raise ValidationError("The card needs a title in English and in Spanish.")
        if not 1 <= content.valid_months <= 36:
            raise ValidationError("Cards are valid for 1 to 36 months.")
        with self._sessions.begin() as s:
            write_setting(s, CARD_KEY, content.to_dict())

    # --- recipes ------------------------------------------------------------------------

    def list_recipes(self, include_inactive: bool = True) -> list[RecipeRow]:
        with self._sessions() as s:
            rows = [
                recipes.recipe_row(s, r)
                for r in s.scalars(select(KitRecipe).order_by(KitRecipe.name))
            ]
        return [r for r in rows if include_inactive or r.active]

    def get_recipe(self, recipe_id: int) -> RecipeRow:
        with self._sessions() as s:
            return recipes.recipe_row(s, recipes.get_recipe(s, recipe_id))

    @requires(Permission.MANAGE, "change kit recipes")
    def save_recipe(
        self,
        recipe_id: int | None,
        name: str,
        lines: Sequence[RecipeLineInput],
        notes: str | None = None,
    ) -> RecipeRow:
        """Create or edit a recipe; kits already assembled keep what they were made with."""
        with self._sessions.begin() as s:
            recipe = recipes.save_recipe(s, recipe_id, name, lines, notes)
            return recipes.recipe_row(s, recipe)

    @requires(Permission.MANAGE, "change kit recipes")
    def set_recipe_active(self, recipe_id: int, active: bool) -> RecipeRow:
        with self._sessions.begin() as s:
            recipe = recipes.get_recipe(s, recipe_id)
            recipe.active = active
            s.flush()
            return recipes.recipe_row(s, recipe)

    def list_groups(self) -> list[GroupRow]:
        with self._sessions() as s:
            return recipes.list_groups(s)

    # --- assembly -----------------------------------------------------------------------

    def lot_choices(self, recipe_id: int, position: int, location_id: int) -> list[LotChoice]:
        """Usable lots at a location for one recipe line, first expiry first (for overrides)."""
        with self._sessions() as s:
            line = assembly.require_recipe_line(recipes.get_recipe(s, recipe_id), position)
            return assembly.lot_choices(s, line, location_id, self._clock.today())

    def plan_assembly(
        self,
        recipe_id: int,
        location_id: int,
        count: int,
        overrides: assembly.Overrides | None = None,
        omit: Collection[int] = (),
    ) -> AssemblyPlan:
        """The lots an assembly would take and its warnings; writes nothing."""
        with self._sessions() as s:
            return assembly.plan_assembly(
                s,
                self._clock.today(),
                _min_shelf(s),
                recipe_id,
                location_id,
                count,
                overrides,
                omit,
            )

    @requires(Permission.MANAGE, "assemble kits")
    def assemble_kits(
        self,
        recipe_id: int,
        location_id: int,
        count: int,
        overrides: assembly.Overrides | None = None,
        omit: Collection[int] = (),
        note: str | None = None,
        progress: assembly.Progress | None = None,
    ) -> AssemblyResult:
        """Consume components FEFO (or the chosen lots) and put `count` kits at the location."""
        personnel = list(self._actor.personnel())  # may be named in the note
        with self._sessions.begin() as s:
            today = self._clock.today()
            plan = assembly.plan_assembly(
                s, today, _min_shelf(s), recipe_id, location_id, count, overrides, omit
            )
            return self._post(s, plan, note, progress, personnel)

    def _post(
        self,
        s: Session,
        plan: AssemblyPlan,
        note: str | None,
        progress: assembly.Progress | None = None,
        personnel: Sequence[str] = (),
    ) -> AssemblyResult:
        now = self._clock.now()
        text = note or f"{plan.count} × {plan.recipe_name}"
        op = open_operation(s, Reason.ASSEMBLE, self._actor.name, now, text, None, personnel)
        batches = assembly.post_assembly(s, op, plan, now, progress)
        today = self._clock.today()
        rows = tuple(queries.batch_rows(s, batches, today))
        return AssemblyResult(op.id, rows, plan.warnings)

    # --- kits as stock ------------------------------------------------------------------

    def list_kit_stock(self, location_id: int | None = None) -> list[KitStockRow]:
        with self._sessions() as s:
            return queries.kit_stock(s, self._clock.today(), location_id)

    def kits_ready_by_location(self) -> list[KitReadyRow]:
        with self._sessions() as s:
            bands = read_setting(s, EXPIRY_BANDS)
            return queries.kits_ready(s, self._clock.today(), bands)

    def get_batch(self, kit_lot_id: int) -> KitBatchRow:
        with self._sessions() as s:
            return queries.batch_row(s, _batch(s, kit_lot_id), self._clock.today())

    def find_batch(self, lot_number: str) -> KitBatchRow | None:
        """A kit batch by its lot number, e.g. from a scanned kit label."""
        with self._sessions() as s:
            batch = s.scalar(
                select(KitBatch)
                .join(Lot, Lot.id == KitBatch.lot_id)
                .where(Lot.lot_number == (lot_number or "").strip())
            )
            return None if batch is None else queries.batch_row(s, batch, self._clock.today())

    # --- disassembly and re-kitting ----------------------------------------------------

    @requires(Permission.MANAGE, "take kits apart")
    def disassemble_kits(
        self,
        kit_lot_id: int,
        location_id: int,
        count: int,
        note: str | None = None,
        rebuild: bool = False,
    ) -> DisassemblyResult:
        """Open kits into loose parts; out-of-date parts go to quarantine.

        With `rebuild`, the same number of kits of the batch's recipe is assembled again at
        once from fresh lots (never the parts that made the kits due), all or nothing.
        """
        personnel = list(self._actor.personnel())  # may be named in the note
        with self._sessions.begin() as s:
            today, now = self._clock.today(), self._clock.now()
            batch = _batch(s, kit_lot_id)
            op = open_operation(
                s, Reason.DISASSEMBLE, self._actor.name, now, note or "Kits opened", None, personnel
            )
            rows, stale = rekit.open_kits(s, op, kit_lot_id, location_id, count, _min_shelf(s))
            rebuilt = None
            if rebuild:
                if batch.recipe_id is None:
                    raise ValidationError("The recipe of these kits no longer exists.")
                plan = assembly.plan_assembly(
                    s, today, _min_shelf(s), batch.recipe_id, location_id, count, exclude_lots=stale
                )
                rebuilt = self._post(s, plan, f"Re-kit of {_lot_number(s, kit_lot_id)}")
            return DisassemblyResult(op.id, count, tuple(rows), rebuilt)

    # --- labels and resource cards ----------------------------------------------------

    def label_for(self, kit_lot_id: int) -> KitLabel:
        """Label text of a kit lot; kits received ready-made carry their product name."""
        from models.kits.labels_pdf import KitLabel

        with self._sessions() as s:
            batch = s.scalar(select(KitBatch).where(KitBatch.lot_id == kit_lot_id))
            if batch is None:
                lot = get_lot(s, kit_lot_id)
                product = s.get(Product, lot.product_id)
                received = lot.received_on or lot.created_at.date()
                name = product.name if product else "Kit"
                return KitLabel(
                    lot.lot_number, name, lot.expiry, received, "received ready-made", True
                )
        batch_row = self.get_batch(kit_lot_id)
        contents = ", ".join(
            f"{c.quantity_per_kit} × {c.product_name}" for c in batch_row.components
        )
        return KitLabel(
            batch_row.lot_number,
            batch_row.recipe_name,
            batch_row.expiry,
            batch_row.assembled_on,
            contents,
        )

    @requires(Permission.MANAGE, "print kit labels")
    def write_labels(
        self, path: Path | str, batches: Sequence[tuple[int, int]], skip: int = 0
    ) -> Path:
        """A label sheet: (kit lot id, number of labels) pairs, optionally skipping used spots."""
        from models.kits.labels_pdf import write_kit_labels

        labels: list[KitLabel] = []
        for kit_lot_id, copies in batches:
            labels.extend([self.label_for(kit_lot_id)] * max(0, copies))
        if not labels:
            raise ValidationError("Choose at least one label to print.")
        with self._sessions() as s:
            agency = read_setting(s, AGENCY_NAME)
        return write_kit_labels(path, labels, agency, skip)

    def default_card_valid_until(self) -> date:
        """The end of the month `valid_months` from now: when the card should be reviewed."""
        months = self.card_content().valid_months
        today = self._clock.today()
        index = today.month - 1 + months
        return end_of_month(today.year + index // 12, index % 12 + 1)

    def preview_resource_cards(self, path: Path | str, content: CardContent | None = None) -> Path:
        """One sheet of cards to look at; nothing is booked."""
        from models.kits.resource_card_pdf import write_resource_cards

        with self._sessions() as s:
            agency = read_setting(s, AGENCY_NAME)
        return write_resource_cards(
            path, content or self.card_content(), self.default_card_valid_until(), "PREVIEW", agency
        )

    def cards_per_sheet(self) -> int:
        """Cards a sheet holds: ten, or five when the text continues on a second card at 7 pt."""
        from models.kits.resource_card_pdf import cards_per_sheet

        with self._sessions() as s:
            agency = read_setting(s, AGENCY_NAME)
        version = "RC000000-00"  # as long as a real print run's number
        return cards_per_sheet(
            self.card_content(), self.default_card_valid_until(), version, agency
        )

    @requires(Permission.MANAGE, "print resource cards")
    def print_resource_cards(
        self, path: Path | str, location_id: int, sheets: int, valid_until: date
    ) -> tuple[Path, str]:
        """Write a card print run and book it as a lot of the resource-card product."""
        from models.kits.resource_card_pdf import cards_per_sheet, write_resource_cards

        if isinstance(sheets, bool) or not isinstance(sheets, int) or sheets < 1:
            raise ValidationError("Print at least one sheet of cards.")
        if valid_until <= self._clock.today():
            raise ValidationError("The 'information valid until' date must be in the future.")
        with self._sessions() as s:
            product_id = s.scalar(select(Product.id).where(Product.name == CARD_PRODUCT))
            if product_id is None:
                raise NotFound(f"The catalog has no '{CARD_PRODUCT}' product.")
            version = _card_lot_number(s, product_id, self._clock.today())
            agency = read_setting(s, AGENCY_NAME)
        content = self.card_content()
        out = write_resource_cards(path, content, valid_until, version, agency, sheets)
        per_sheet = cards_per_sheet(content, valid_until, version, agency)
        line = ReceiveLine(product_id, version, valid_until, sheets * per_sheet)
        try:
            StockService(self._sessions, self._clock, self._actor).receive(
                location_id, [line], note=f"Resource card print run {version}"
            )
        except Exception:
            out.unlink(missing_ok=True)
            raise
        return out, version


def _min_shelf(s: Session) -> int:
    return read_setting(s, MIN_SHELF_KEY)


def _batch(s: Session, kit_lot_id: int) -> KitBatch:
    batch = s.scalar(select(KitBatch).where(KitBatch.lot_id == kit_lot_id))
    if batch is None:
        raise NotFound("That lot is not a kit batch assembled in this app.")
    return batch


def _lot_number(s: Session, lot_id: int) -> str:
    return get_lot(s, lot_id).lot_number


def _card_lot_number(s: Session, product_id: int, today: date) -> str:
    base = f"RC{today:%y%m%d}"
    taken = set(s.scalars(select(Lot.lot_number).where(Lot.product_id == product_id)))
    number, suffix = base, 1
    while number in taken:
        suffix += 1
        number = f"{base}-{suffix}"
    return number
