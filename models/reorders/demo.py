"""Demo data for the reorder area: source details, a surge, a sent and a draft request."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from models.reorders.proposal import KEY_CONTACT
from models.reorders.rows import DraftLine
from models.stock.rows import ReceiveLine

if TYPE_CHECKING:
    from models.services import Services

DEMO_USER = "demo"
GROUP = "naloxone-4mg-nasal"


def add_demo(services: Services) -> None:
    """Adds reorder demo records to a demo agency that already has stock and stations."""
    sources = {x.program_type: x for x in services.catalog.list_sources()}
    state, county = sources.get("state_oopp"), sources.get("county_program")
    stations = {x.name: x.id for x in services.catalog.list_locations() if x.kind == "station"}
    if state is None or county is None or not stations:
        return
    services.catalog.save_source(state.id, registration_number="OOPP-2291")
    services.catalog.save_source(
        county.id,
        contact_name="County EMS coordinator",
        phone="(518) 555-0190",
        allocation_cap_packages=10,
    )
    services.settings.set(KEY_CONTACT, "Sgt. A. Rivera, quartermaster, (518) 555-0142")
    today = services.clock.today()
    reorders = services.reorders
    north = stations.get("North Precinct")
    if north is not None:
        reorders.add_surge(
            1.5,
            today - timedelta(days=3),
            today + timedelta(days=27),
            "Overdose spike reported by the county health department",
            station_id=north,
        )
    central = next(iter(stations.values()))
    strips = next(p.id for p in services.catalog.list_products() if p.name == "Fentanyl test strip")
    [sent] = reorders.create_reorders(
        [county.id],
        [DraftLine(None, GROUP, 6), DraftLine(strips, None, 1)],
        station_id=central,
        note="Quarterly top-up",
    )
    reorders.mark_sent(sent.id)
    narcan = next(p.id for p in services.catalog.list_products() if p.name.startswith("Narcan"))
    room = reorders.receive_location(sent.id)
    if room is not None:
        receipt = services.stock.receive(
            room,
            [ReceiveLine(narcan, "DEMO-R1", today + timedelta(days=1100), 6)],
            source_id=county.id,
        )
        reorders.record_receipt(sent.id, receipt.id)
    reorders.create_reorders([state.id], [DraftLine(None, GROUP, 12)])
