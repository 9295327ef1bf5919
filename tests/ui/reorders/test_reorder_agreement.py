"""QA: Reorders suggests an order exactly for the items it says are at their reorder point."""

from __future__ import annotations

from datetime import date

from models.common.wording import counted
from models.services import build_demo
from tests.models.reorder_helpers import receive
from ui.reorders.reorders_view import ReordersView


def _view(qtbot, services) -> ReordersView:
    view = ReordersView(services)
    qtbot.addWidget(view)
    view.refresh()
    return view


def _suggested(view: ReordersView) -> set[str]:
    proposal = view.position.proposal
    assert proposal is not None
    return {x.label for x in proposal.lines if x.result.packages}


def test_demo_suggestions_are_the_items_the_screen_says_are_due(qtbot, services) -> None:
    build_demo(services)
    view = _view(qtbot, services)
    due = {d.product_name for d in services.reorders.list_due()}
    assert due and _suggested(view) == due
    assert view.due_label.text() == "<b>Reorder due:</b> " + ", ".join(
        d.product_name for d in services.reorders.list_due()
    )
    expected = f"{counted(len(due), 'item')} at or below the minimum"
    assert view.position.summary.text().startswith(expected)


def test_stock_above_the_minimum_is_neither_due_nor_suggested(qtbot, services, agency) -> None:
    services.catalog.set_par_level(agency.vehicle, agency.narcan, 4)
    receive(
        services, agency.vehicle, agency.narcan, "NX", date(2029, 1, 31), 5
    )  # par 4: above the minimum
    view = _view(qtbot, services)
    assert view.due_label.text() == "No item is at or below its reorder point."
    assert _suggested(view) == set()
    services.catalog.set_par_level(agency.vehicle, agency.narcan, 6)  # now 5 <= 6: due
    view.refresh()
    assert _suggested(view) == {d.product_name for d in services.reorders.list_due()} != set()
