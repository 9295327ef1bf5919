"""One read of the books for the alert rules: the places (each with its last vehicle check, plus
the ledger's newest operation and the donation partner), then stock positions and par levels.

Two statements whatever the size of the agency; gaps and restock picks are derived in memory.
Knows the queries, not the rules.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select, union_all
from sqlalchemy.orm import Session

from models.alerts.positions import Position, positions_of, stock_lines
from models.alerts.readiness import Par, par_gaps, par_lines, pars_of, restock_tasks
from models.alerts.rows import ParGap, RestockTask
from models.alerts.rules import AlertRules
from models.kits.entities import VehicleCheck
from models.stock.entities import Location, Operation, Source
from models.stock.location_tree import TREE_COLUMNS, LocationTree

NO_PARTNER = "a harm-reduction partner"


@dataclass
class Books:
    """What one read of the books yields; every rule works from it."""

    tree: LocationTree
    positions: list[Position]
    pars: list[Par]
    gaps: list[ParGap]
    tasks: list[RestockTask]
    last_checks: dict[int, datetime]  # vehicle checks, for readiness and the overdue alert
    ledger_mark: int | None  # the newest operation: what the pace memo is keyed on
    partner: str  # where at-risk stock is offered


def read_books(s: Session, rules: AlertRules, today: date) -> Books:
    places = s.execute(_places()).all()
    tree = LocationTree.of_records(places)
    last_checks = {r.id: r.last_check for r in places if r.last_check is not None}
    mark, partner = (places[0].ledger_mark, places[0].partner) if places else (None, None)
    lines = s.execute(union_all(stock_lines(), par_lines())).all()
    positions = positions_of([r for r in lines if r.line == "stock"], rules, tree)
    pars = pars_of([r for r in lines if r.line == "par"])
    gaps = par_gaps(pars, positions, tree, today)
    tasks = restock_tasks(gaps, pars, positions, tree, today)
    return Books(tree, positions, pars, gaps, tasks, last_checks, mark, partner or NO_PARTNER)


def _places() -> Any:
    """Every place with its newest vehicle check; the two single values ride along on each row
    (computed once by the database) so that they cost no round trip of their own."""
    checks = (
        select(VehicleCheck.location_id, func.max(VehicleCheck.checked_at).label("last_check"))
        .group_by(VehicleCheck.location_id)
        .subquery()
    )
    newest = select(func.max(Operation.id)).scalar_subquery()
    partner = (
        select(Source.name)
        .where(Source.program_type == "harm_reduction", Source.active)
        .order_by(Source.name)
        .limit(1)
        .scalar_subquery()
    )
    return select(
        *TREE_COLUMNS,
        checks.c.last_check,
        newest.label("ledger_mark"),
        partner.label("partner"),
    ).outerjoin(checks, checks.c.location_id == Location.id)
