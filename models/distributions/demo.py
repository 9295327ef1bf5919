"""A year of demo leave-behinds and on-scene administrations, handed out from the vehicles.

Vehicles are restocked from their station's supply room when they run short (and the room gets
a delivery of ready-made kits from the county program when it runs dry), as a quartermaster
would. Figures are random but seeded, with a summer peak and slow growth over the year.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from random import Random
from typing import TYPE_CHECKING

from models.common.errors import DomainError
from models.distributions.rows import AdministrationEntry, DistributionEntry
from models.kits.demo import VEHICLE_PAR
from models.stock.entities import LocationKind
from models.stock.rows import ReceiveLine

if TYPE_CHECKING:
    from models.services import Services
    from models.stock.rows import LocationRow, OnHandRow

TravelTo = Callable[[date | None], None]
DEMO_USER = "demo"
ASSEMBLE_BATCH = 12
SETTINGS = {"overdose_scene": 34, "other_call": 24, "post_overdose_outreach": 10,
            "mass_gathering": 7, "deflection": 8, "reentry": 9, "other": 8}  # fmt: skip
RELATIONSHIPS = {"person_at_risk": 40, "family": 25, "friend": 15, "bystander": 10,
                 "organisation": 3, "other_declined": 7}  # fmt: skip
BANDS = {"night": 22, "morning": 14, "afternoon": 24, "evening": 28, "": 12}
COMMENTS = ["Resource card explained", "Peer referral accepted", "Kit left after reversal",
            "Family asked for a second kit", "Shelter staff present",
            "Declined referral"]  # fmt: skip


def add_demo(
    services: Services, present: date | None = None, travel_to: TravelTo | None = None
) -> None:
    """Adds distribution demo records to a demo agency that already has stock.

    With `travel_to`, the clock is moved to each encounter's day before it is recorded (and back
    to the present at the end), so restocks happen before the kits they bring are handed out.
    """
    travel = travel_to or (lambda _day: None)
    places = services.catalog.list_locations(include_inactive=False)
    vehicles = [p for p in places if p.kind == LocationKind.VEHICLE]
    rooms = {p.parent_id: p.id for p in places if p.kind == LocationKind.ROOM}
    kit = services.distributions.list_kit_products()
    if not vehicles or not rooms or not kit:
        return
    demo = _Demo(services, rooms, kit[0].product_id, present or services.clock.today())
    for vehicle in vehicles:
        demo.top_up_doses(vehicle.id, vehicle.parent_id, 3)
    for day, vehicle in demo.events(vehicles):
        travel(day)
        demo.distribute(day, vehicle.id, vehicle.parent_id)
        if demo.rng.random() < 0.22:
            demo.administer(day, vehicle.id, vehicle.parent_id)
    travel(None)
    last = {v.parent_id: v.id for v in vehicles}
    for vehicle in vehicles:  # this week's restock round; one vehicle per station still waits
        if vehicle.id != last[vehicle.parent_id]:
            demo.top_up_kits(vehicle.id, vehicle.parent_id, VEHICLE_PAR)


class _Demo:
    def __init__(
        self, services: Services, rooms: dict[int | None, int], kit_id: int, today: date
    ) -> None:
        self.services, self.rooms, self.kit_id = services, rooms, kit_id
        self.rng = Random(2025)
        self.today = today
        self.zips = services.distributions.service_area_zips() or ["12866"]
        self.deliveries = 0
        self.recorded = 0
        recipes = [
            r
            for r in services.kits.list_recipes(include_inactive=False)
            if r.kit_product_id == kit_id
        ]
        self.recipe_id: int | None = recipes[0].id if recipes else None

    def events(self, vehicles: list[LocationRow]) -> list[tuple[date, LocationRow]]:
        """About a year of encounters: busier in summer, growing as the program matures."""
        out: list[tuple[date, LocationRow]] = []
        weights = [3 if "Patrol" in v.name else 2 for v in vehicles]
        for back in range(12, -1, -1):
            first = _month_start(self.today, back)
            last = min(_month_start(self.today, back - 1) - timedelta(days=1), self.today)
            summer = 1.35 if first.month in (6, 7, 8) else 1.0
            count = round((9 + (12 - back) * 0.6) * summer * self.rng.uniform(0.8, 1.2))
            span = (last - first).days
            for _ in range(count if span >= 0 else 0):
                day = first + timedelta(days=self.rng.randint(0, span))
                out.append((day, self.rng.choices(vehicles, weights)[0]))
        return sorted(out, key=lambda e: e[0])

    def _pick(self, weights: dict[str, int]) -> str:
        return self.rng.choices(list(weights), list(weights.values()))[0]

    def distribute(self, day: date, vehicle_id: int, station_id: int | None) -> None:
        setting = self._pick(SETTINGS)
        relationship = self._pick(RELATIONSHIPS)
        kits = self.rng.choices([1, 2, 3], [72, 23, 5])[0]
        if setting == "mass_gathering" or relationship == "organisation":
            kits = self.rng.randint(3, 6)
        entry = DistributionEntry(
            occurred_on=day,
            kits=kits,
            location_id=vehicle_id,
            zip_code=self._zip(),
            setting=setting,
            relationship=relationship,
            naloxone_administered=setting == "overdose_scene" and self.rng.random() < 0.55,
            services_offered=self.rng.random() < 0.78,
            time_band=self._pick(BANDS) or None,
            comment=self.rng.choice(COMMENTS) if self.rng.random() < 0.12 else None,
            kit_product_id=self.kit_id,
        )
        self._restock_kits(vehicle_id, station_id, kits)
        try:
            self.services.distributions.record_distribution(entry)
        except DomainError:
            return
        self.recorded += 1
        if self.recorded % 57 == 0:  # now and then a line typed twice, voided by the sergeant
            self._restock_kits(vehicle_id, station_id, kits)
            try:
                twice = self.services.distributions.record_distribution(entry)
            except DomainError:
                return
            self.services.distributions.void_distribution(twice.id, "Entered twice")

    def administer(self, day: date, vehicle_id: int, station_id: int | None) -> None:
        doses = self.rng.choices([1, 2, 3], [55, 38, 7])[0]
        distributions = self.services.distributions
        if self.rng.random() < 0.3:
            kit_entry = AdministrationEntry(day, doses, vehicle_id, True, self._zip())
            try:
                distributions.record_administration(kit_entry)
                return
            except DomainError:
                pass  # no assembled kit on board: loose doses instead
        self.top_up_doses(vehicle_id, station_id, doses)
        try:
            entry = AdministrationEntry(day, doses, vehicle_id, False, self._zip())
            distributions.record_administration(entry)
        except DomainError:
            return

    def _zip(self) -> str:
        if self.rng.random() < 0.06:
            return self.rng.choice(["12801", "12822", "12170"])  # mutual aid outside the area
        weights = [max(5 - 2 * i, 1) for i in range(len(self.zips))]  # the first ZIP is the town
        return self.rng.choices(self.zips, weights)[0]

    def _restock_kits(self, vehicle_id: int, station_id: int | None, needed: int) -> None:
        room = self.rooms.get(station_id)
        have = self._usable(vehicle_id, "kit")
        if room is None or sum(r.quantity for r in have) >= needed:
            return
        want = needed + 3  # fill back up to a few spare kits
        self._room_holds(room, want)
        self._move(room, vehicle_id, "kit", want)

    def _room_holds(self, room: int, want: int) -> None:
        """Make kits, or get a county delivery, when the supply room has fewer than `want`."""
        if sum(r.quantity for r in self._usable(room, "kit")) < want and not self._assemble(room):
            self.deliveries += 1
            expiry = self.today + timedelta(days=540 + 30 * self.deliveries)
            line = ReceiveLine(self.kit_id, f"CTY-KIT-{self.deliveries:03d}", expiry, 24)
            self.services.stock.receive(room, [line], note="County OOPP kits")

    def _assemble(self, room: int) -> bool:
        """Kits are made in the supply room while components last (so responders can open
        one on scene); after that the county sends ready-made kits."""
        if self.recipe_id is None:
            return False
        for count in (ASSEMBLE_BATCH, ASSEMBLE_BATCH // 2):
            try:
                self.services.kits.assemble_kits(
                    self.recipe_id, room, count, note="Restock kits made in-house"
                )
            except DomainError:
                continue
            return True
        return False

    def top_up_kits(self, vehicle_id: int, station_id: int | None, par: int) -> None:
        room = self.rooms.get(station_id)
        have = sum(r.quantity for r in self._usable(vehicle_id, "kit"))
        if room is not None and have < par:
            self._room_holds(room, par - have)
            self._move(room, vehicle_id, "kit", par - have)

    def top_up_doses(self, vehicle_id: int, station_id: int | None, needed: int) -> None:
        room = self.rooms.get(station_id)
        if (
            room is not None
            and sum(r.quantity for r in self._usable(vehicle_id, "naloxone")) < needed
        ):
            self._move(room, vehicle_id, "naloxone", needed + 1)

    def _usable(self, location_id: int, kind: str) -> list[OnHandRow]:
        rows = self.services.stock.list_on_hand(location_id=location_id)
        return [r for r in rows if r.location_id == location_id and r.product_kind == kind
                and not r.expired]  # fmt: skip

    def _move(self, source: int, target: int, kind: str, quantity: int) -> None:
        for row in self._usable(source, kind):  # earliest expiry first
            if quantity <= 0:
                return
            take = min(quantity, row.quantity)
            self.services.stock.transfer(row.lot_id, source, target, take, "Restock")
            quantity -= take


def _month_start(day: date, back: int) -> date:
    index = day.year * 12 + day.month - 1 - back
    return date(index // 12, index % 12 + 1, 1)
