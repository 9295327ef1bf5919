"""Builds today's reorder proposal for every orderable item, inside an open session."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from models.common.settings import SettingKey, as_text, read_setting
from models.reorders import consumption as rc
from models.reorders import inputs as ri
from models.reorders.calc import (
    DEFAULT_MAX_MONTHS,
    DEFAULT_MIN_MONTHS,
    DEFAULT_WINDOW_MONTHS,
    ItemInputs,
    Parameters,
    add_months,
    calculate,
)
from models.reorders.items import ItemCatalog
from models.reorders.ledger_memo import LedgerMemo, places_and_mark
from models.reorders.rows import Proposal, ProposalLine
from models.stock.location_tree import LocationTree

KEY_WINDOW = SettingKey("reorder_window_months", DEFAULT_WINDOW_MONTHS, int)
KEY_MAX = SettingKey("reorder_max_months", DEFAULT_MAX_MONTHS, float)
KEY_MIN = SettingKey("reorder_min_months", DEFAULT_MIN_MONTHS, float)
KEY_BY_GROUP = SettingKey("reorder_by_group", True, bool)
KEY_CONTACT = SettingKey("reorder_contact", "", as_text)


def load_parameters(s: Session) -> Parameters:
    return Parameters(
        read_setting(s, KEY_WINDOW),
        read_setting(s, KEY_MAX),
        read_setting(s, KEY_MIN),
    )


def by_group(s: Session) -> bool:
    return read_setting(s, KEY_BY_GROUP)


def build_proposal(
    s: Session,
    today: date,
    *,
    station_id: int | None,
    lead_days: int,
    source_name: str = "",
    exclude_reorder: int | None = None,
    memo: LedgerMemo | None = None,
) -> Proposal:
    """Every orderable item with its max-min result; items to order and due ones first.

    With a `memo`, what the ledger says was used is read again only after a new operation."""
    params = load_parameters(s)
    catalog = ItemCatalog(s, by_group(s))
    tree, mark = places_and_mark(s) if memo is not None else (LocationTree.load(s), None)
    reads = None if memo is None else memo.reads(mark)
    scope = ri.scope_of(tree, station_id)
    since = add_months(today, -params.window_months)
    usage = rc.item_usage(s, catalog, tree, since, scope, reads)
    first = rc.item_first_moves(s, catalog, since, usage, reads)
    lots, pars = ri.stock_and_pars(s, catalog, tree, scope)
    ordered = ri.on_order(s, catalog, station_id, exclude_reorder)
    surges = ri.active_surges(s, today)
    lines: list[ProposalLine] = []
    for key, item in catalog.items.items():
        use = usage.get(key) or rc.Usage()
        par_by_station = pars.get(key, {})
        history = rc.observed_days(first.get(key), today, since)
        has_use = history >= 1 and sum(use.demand_by_station.values()) > 0
        weights = dict(use.demand_by_station) if has_use else dict(par_by_station)
        surge, surge_note = ri.surge_for(surges, tree, station_id, weights)
        inputs = ItemInputs(
            label=item.label,
            unit=item.unit,
            package_name=item.package_name,
            units_per_package=item.units_per_package,
            history_days=history,
            distributed=use.totals["distributed"],
            administered=use.totals["administered"],
            expired=use.totals["expired"],
            lost=use.totals["lost"],
            par_total=sum(par_by_station.values()),
            lots=tuple(lots.get(key, [])),
            on_order=ordered.get(key, 0),
            surge=surge,
            surge_note=surge_note,
            donated=use.totals["donated"],
        )
        result = calculate(inputs, params, today, lead_days)
        lines.append(
            ProposalLine(
                key.product_id,
                key.group,
                item.label,
                item.kind,
                item.ndc_text,
                item.unit,
                item.package_name,
                item.units_per_package,
                inputs.distributed,
                inputs.administered,
                inputs.expired,
                inputs.lost,
                history,
                inputs.par_total,
                surge,
                surge_note,
                result,
            )
        )
    lines.sort(key=lambda x: (-x.result.packages, not x.result.due, x.label.lower()))
    station_name = "All stations" if station_id is None else tree.rows[station_id].name
    return Proposal(
        today,
        station_id,
        station_name,
        lead_days,
        source_name,
        params.describe(),
        tuple(lines),
    )
