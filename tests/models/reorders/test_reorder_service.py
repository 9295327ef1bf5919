"""Reorder proposals from the ledger, drafts split by allocation caps, and the lifecycle."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from lbn_desktop.database import Database
from models.common.clock import FixedClock
from models.common.errors import ValidationError
from models.reorders.rows import DraftLine, ProposalLine
from models.services import Services
from models.stock.entities import Reason
from models.stock.rows import ReceiveLine
from tests.conftest import Agency
from tests.models.reorder_helpers import assemble, issue, receive
from tests.snapshot import snapshot

GROUP = "naloxone-4mg-nasal"


def at(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 10, 0)


def line_of(services: Services, key: str, **kwargs: object) -> ProposalLine:
    proposal = services.reorders.propose(**kwargs)  # type: ignore[arg-type]
    return next(x for x in proposal.lines if x.group == key or x.label == key)


def source_id(services: Services, prefix: str) -> int:
    return next(x.id for x in services.catalog.list_sources() if x.name.startswith(prefix))


def kit_product(services: Services) -> int:
    return next(p.id for p in services.catalog.list_products() if p.name == "Standard LBN kit")


def test_consumption_from_the_ledger_converts_kits_and_separates_the_categories(
    services: Services, agency: Agency, clock: FixedClock, database: Database
) -> None:
    sessions = database.sessions
    clock.set(date(2025, 6, 1))
    lot_a = receive(services, agency.room, agency.narcan, "A", date(2028, 12, 31), 30)
    receive(services, agency.cabinet, agency.teva, "T", date(2026, 1, 31), 10)
    lot_x = receive(services, agency.room, agency.narcan, "X", date(2025, 10, 31), 4)
    kits = assemble(
        sessions, kit_product(services), "K1", date(2028, 12, 31), agency.room,
        [(lot_a, 2)], 10, at(date(2025, 8, 1)),
    )  # fmt: skip
    issue(sessions, Reason.DISTRIBUTE, kits, agency.room, 6, at(date(2025, 9, 1)))
    issue(sessions, Reason.ADMINISTER, lot_a, agency.room, 4, at(date(2025, 10, 1)))
    clock.set(date(2025, 11, 1))
    services.stock.dispose(lot_x, agency.room, 4, "expired")
    clock.set(date(2025, 12, 1))
    services.stock.count(lot_a, agency.room, 4, "monthly count")  # 6 on the shelf: 2 lost
    mistake = issue(sessions, Reason.DISTRIBUTE, kits, agency.room, 1, at(date(2025, 12, 15)))
    clock.set(date(2025, 12, 15))
    services.stock.reverse(mistake, "entered twice")
    clock.set(date(2026, 1, 15))

    state = source_id(services, "NYSDOH")  # lead time 21 days: delivery 2026-02-05
    line = line_of(services, GROUP, source_id=state)
    r = line.result
    # 6 kits x 2 devices distributed; 4 administered; 4 expired; 2 lost; 6 months of history.
    assert (line.distributed, line.administered, line.expired, line.lost) == (12, 4, 4, 2)
    assert line.history_days == 184  # the whole window: 2025-07-15 to 2026-01-15
    assert r.amc == 3  # (12 + 4 + 2) / 6
    assert (r.max_units, r.min_units) == (18, 9)
    # On hand: 4 loose Narcan + 4 kits x 2 + 10 Teva; the Teva expires before delivery.
    assert (r.on_hand, r.expiring, r.usable) == (22, 10, 12)
    assert (r.need_units, r.packages, r.order_units) == (0, 0, 0)  # 12 usable > minimum 9
    assert not r.due


def test_kits_without_a_known_batch_count_by_their_recipe(
    services: Services, agency: Agency, clock: FixedClock, database: Database
) -> None:
    clock.set(date(2025, 6, 1))
    kit_lot = receive(services, agency.room, kit_product(services), "KR", date(2027, 1, 1), 5)
    issue(database.sessions, Reason.DISTRIBUTE, kit_lot, agency.room, 3, at(date(2025, 9, 1)))
    clock.set(date(2026, 1, 15))
    assert line_of(services, GROUP).distributed == 6  # 2 doses per kit by the recipe
    assert line_of(services, "Naloxone instructions leaflet").distributed == 3
    assert line_of(services, GROUP).result.on_hand == 4  # 2 kits left on the shelf


def par_levels(services: Services, agency: Agency) -> None:
    services.catalog.set_par_level(agency.vehicle, agency.narcan, 12)
    services.catalog.set_par_level(agency.vehicle2, agency.teva, 12)
    services.catalog.set_par_level(agency.vehicle, kit_product(services), 2)  # 4 devices


def test_a_new_program_falls_back_to_par_levels_and_is_due(
    services: Services, agency: Agency
) -> None:
    par_levels(services, agency)
    line = line_of(services, GROUP)
    assert line.result.basis == "par level"
    assert (line.result.max_units, line.result.min_units) == (28, 28)
    assert (line.result.packages, line.result.order_units) == (14, 28)
    due = {d.product_name: d for d in services.reorders.list_due()}
    naloxone = due.pop("Naloxone 4mg nasal (any brand)")
    assert (naloxone.group, naloxone.usable_units, naloxone.minimum_units) == (GROUP, 0, 28)
    assert services.catalog.get_product(naloxone.product_id).interchange_group == GROUP
    # The kit par (2 kits) also needs the kit's other required parts; no par for test strips.
    assert {name: d.minimum_units for name, d in due.items()} == {
        "Good Samaritan Law card": 2,
        "Kit pouch": 2,
        "Local resource card": 2,
        "Naloxone instructions leaflet": 2,
    }


def test_a_station_surge_raises_the_target_and_says_why(services: Services, agency: Agency) -> None:
    par_levels(services, agency)
    services.reorders.add_surge(
        1.5, date(2026, 1, 10), date(2026, 2, 10), "Overdose spike downtown", agency.station
    )
    line = line_of(services, GROUP, station_id=agency.station)
    assert line.surge == 1.5
    assert (line.result.max_units, line.result.packages) == (42, 21)  # 28 x 1.5
    assert "Overdose spike downtown" in line.surge_note
    everywhere = line_of(services, GROUP)  # all of the par sits at this station
    assert everywhere.surge == 1.5


def test_open_orders_are_counted_once_and_receipts_close_the_loop(
    services: Services, agency: Agency
) -> None:
    par_levels(services, agency)
    state = source_id(services, "NYSDOH")
    [draft] = services.reorders.create_reorders(
        [state], [DraftLine(None, GROUP, 10)], station_id=agency.station
    )
    assert draft.status == "draft" and draft.units == 20
    assert line_of(services, GROUP).result.on_order == 0  # a draft is not on order yet
    services.reorders.mark_sent(draft.id)
    assert line_of(services, GROUP).result.on_order == 20

    first = services.stock.receive(
        agency.room, [ReceiveLine(agency.narcan, "N1", date(2029, 1, 31), 6)], source_id=state,
    )  # fmt: skip
    result = services.reorders.record_receipt(draft.id, first.id)
    assert (result.reorder.status, result.booked_units) == ("partly_received", 6)
    after = line_of(services, GROUP).result
    assert (after.usable, after.on_order) == (6, 14)  # the 6 received count as stock only
    assert services.reorders.receive_prefill(draft.id) == [(agency.narcan, 14)]

    before = snapshot(database_sessions(services))
    with pytest.raises(ValidationError, match="already booked"):
        services.reorders.record_receipt(draft.id, first.id)
    assert snapshot(database_sessions(services)) == before

    second = services.stock.receive(
        agency.room, [ReceiveLine(agency.teva, "T9", date(2029, 1, 31), 14)]
    )
    done = services.reorders.record_receipt(draft.id, second.id)
    assert done.reorder.status == "received" and done.reorder.received_units == 20
    assert line_of(services, GROUP).result.on_order == 0
    history = services.reorders.sheet(draft.id).history
    assert [h.status_label for h in history] == [
        "Draft", "Sent", "Partly received", "Received",
    ]  # fmt: skip
    assert [r.id for r in services.reorders.list_reorders(source_id=state)] == [draft.id]


def database_sessions(services: Services):  # type: ignore[no-untyped-def]
    return services.reorders._sessions


def test_allocation_caps_split_an_order_across_sources(
    services: Services, agency: Agency, database: Database
) -> None:
    state, county = source_id(services, "NYSDOH"), source_id(services, "County")
    services.catalog.save_source(state, allocation_cap_packages=5)
    made = services.reorders.create_reorders([state, county], [DraftLine(None, GROUP, 8)])
    assert sorted((r.source_id, r.units) for r in made) == sorted([(state, 10), (county, 6)])

    services.catalog.save_source(county, allocation_cap_packages=2)
    before = snapshot(database.sessions)
    with pytest.raises(ValidationError, match="allow only 7 carton"):
        services.reorders.create_reorders([state, county], [DraftLine(None, GROUP, 8)])
    assert snapshot(database.sessions) == before


def test_only_drafts_are_edited_or_sent_and_cancelling_needs_a_reason(
    services: Services, agency: Agency
) -> None:
    state = source_id(services, "NYSDOH")
    [draft] = services.reorders.create_reorders(
        [state], [DraftLine(None, GROUP, 3), DraftLine(agency.strips, None, 1)]
    )
    lines = services.reorders.sheet(draft.id).lines
    assert lines[0].steps[-1] == (
        "Quantity requested: Changed by the quartermaster: 3 cartons instead of the calculated 0"
    )
    assert lines[0].quantity_note.startswith("Changed by the quartermaster")
    services.reorders.set_line_packages(draft.id, lines[0].id, 5)
    assert services.reorders.sheet(draft.id).lines[0].quantity == 10
    services.reorders.mark_sent(draft.id)
    with pytest.raises(ValidationError, match="no longer a draft"):
        services.reorders.set_line_packages(draft.id, lines[0].id, 1)
    with pytest.raises(ValidationError, match="why"):
        services.reorders.cancel(draft.id, " ")
    cancelled = services.reorders.cancel(draft.id, "Source out of stock")
    assert cancelled.status == "cancelled"
    assert line_of(services, GROUP).result.on_order == 0


def test_parameters_are_checked_and_kept(services: Services) -> None:
    from models.reorders.calc import Parameters

    with pytest.raises(ValidationError):
        services.reorders.save_parameters(Parameters(6, 3, 3))
    saved = services.reorders.save_parameters(Parameters(12, 4, 2))
    assert services.reorders.parameters() == saved == Parameters(12, 4.0, 2.0)


def test_a_late_entered_leave_behind_counts_on_the_day_it_happened(
    services: Services, agency: Agency, clock: FixedClock
) -> None:
    from models.distributions.rows import DistributionEntry

    today = clock.today()
    clock.set(date(2025, 9, 20))  # the kits reached the vehicle on the first tally day
    receive(services, agency.vehicle, kit_product(services), "KL", date(2027, 6, 30), 9)
    clock.set(today)
    # Entered today from last autumn's tally sheets: 3 kits on 2025-09-20, 3 on 2025-11-02.
    for day in (date(2025, 9, 20), date(2025, 11, 2)):
        services.distributions.record_distribution(
            DistributionEntry(day, 3, agency.vehicle, "12866", "other", "family")
        )
    line = line_of(services, GROUP)
    # History runs from the first leave-behind (2025-09-20): 117 days to 2026-01-15.
    assert (line.distributed, line.history_days) == (12, 117)
    assert line.result.amc == pytest.approx(12 / 117 * 30.4375)  # 3.12 devices a month
