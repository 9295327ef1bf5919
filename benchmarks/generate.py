"""Reproducible synthetic agency for the benchmark: a seed and a scale give the same database.

Simulates years of receipts, kit assemblies, vehicle restocks, distributions, administrations,
expiries and training in memory (so the ledger is consistent and never negative), then writes
everything with bulk inserts. Usage: python -m benchmarks.generate SCALE OUT.sqlite3 [--seed N]
"""

from __future__ import annotations

import argparse
import json
import random
import time
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert, select

from lbn_desktop.database import open_database, sqlite_url
from models.common.entities import Setting
from models.common.limits import MAX_LINE_QUANTITY
from models.distributions.entities import Administration, Distribution
from models.kits.entities import KitBatch, KitBatchComponent
from models.services import seed_defaults
from models.stock.entities import (
    Balance,
    Location,
    LocationKind,
    Lot,
    Operation,
    ParLevel,
    Product,
    StockMove,
)
from models.training.entities import Person, TrainingAttendance, TrainingSession


@dataclass(frozen=True)
class Scale:
    years: int
    stations: int
    vehicles_per_station: int
    lots: int
    distributions: int


SCALES = {
    "tiny": Scale(1, 2, 2, 40, 400),
    "small": Scale(2, 3, 3, 200, 6_000),
    "medium": Scale(5, 6, 5, 1_000, 50_000),
    "large": Scale(10, 10, 3, 3_000, 152_000),  # 60 locations incl. rooms and cabinets
}
END = date(2026, 11, 1)
ZIPS = [f"12{n:03d}" for n in range(800, 880, 3)]
SETTINGS = [
    "overdose_scene",
    "other_call",
    "mass_gathering",
    "deflection",
    "post_overdose",
    "reentry",
]
RELATIONS = ["person_at_risk", "family", "friend", "bystander", "organisation", "declined"]


@dataclass
class Ledger:
    """In-memory books: ids, balances and the rows to insert."""

    next_op: int = 1
    next_move: int = 1
    next_lot: int = 1
    balances: dict[tuple[int, int], int] = field(default_factory=lambda: defaultdict(int))
    ops: list[dict] = field(default_factory=list)
    moves: list[dict] = field(default_factory=list)
    lots: list[dict] = field(default_factory=list)

    def op(self, at: datetime, reason: str, note: str | None = None) -> int:
        op_id = self.next_op
        self.next_op += 1
        self.ops.append({"id": op_id, "at": at, "reason": reason, "user": "bench", "note": note})
        return op_id

    def move(self, op_id: int, lot: int, src: int, dst: int, qty: int) -> None:
        self.moves.append(
            {
                "id": self.next_move,
                "operation_id": op_id,
                "lot_id": lot,
                "from_location_id": src,
                "to_location_id": dst,
                "quantity": qty,
            }
        )
        self.next_move += 1
        self.balances[(lot, src)] -= qty
        self.balances[(lot, dst)] += qty

    def lot(self, product: int, number: str, expiry: date | None, received: date) -> int:
        lot_id = self.next_lot
        self.next_lot += 1
        self.lots.append(
            {
                "id": lot_id,
                "product_id": product,
                "lot_number": number,
                "expiry": expiry,
                "source_id": None,
                "received_on": received,
                "created_at": datetime.combine(received, datetime.min.time()),
            }
        )
        return lot_id


def generate(path: Path, scale_name: str, seed: int = 1) -> dict[str, int]:
    """Create `path` (must not exist) and fill it; returns row counts."""
    if path.exists():
        raise FileExistsError(path)
    return fill(sqlite_url(path), scale_name, seed)


def fill(url: str, scale_name: str, seed: int = 1) -> dict[str, int]:
    """Fill the empty database at `url` (SQLite or PostgreSQL); returns row counts."""
    started = time.perf_counter()
    database = open_database(url, backup=False)
    with database.sessions.begin() as s:
        seed_defaults(s)
        products = {p.name: p for p in s.scalars(select(Product))}
        virtual = {
            k: s.scalar(select(Location.id).where(Location.kind == k))
            for k in LocationKind
            if k.is_virtual
        }
        max_location = s.scalar(select(Location.id).order_by(Location.id.desc()))
    sim = Simulation(SCALES[scale_name], random.Random(seed), products, virtual, max_location or 0)
    sim.run()
    with database.engine.begin() as conn:
        conn.execute(insert(Location), sim.locations)
        conn.execute(insert(Lot), sim.ledger.lots)
        for start in range(0, len(sim.ledger.ops), 50_000):
            conn.execute(insert(Operation), sim.ledger.ops[start : start + 50_000])
        for start in range(0, len(sim.ledger.moves), 50_000):
            conn.execute(insert(StockMove), sim.ledger.moves[start : start + 50_000])
        conn.execute(
            insert(Balance),
            [
                {"lot_id": lot, "location_id": loc, "quantity": qty, "since": None}
                for (lot, loc), qty in sim.ledger.balances.items()
            ],
        )
        for table, rows in sim.extra_rows().items():
            for start in range(0, len(rows), 50_000):
                conn.execute(insert(table), rows[start : start + 50_000])
        conn.execute(
            insert(Setting),
            [
                {"key": "agency_name", "value": json.dumps("Benchmark County")},
                {"key": "first_run_done", "value": "true"},
            ],
        )
        if database.engine.dialect.name == "postgresql":
            _advance_sequences(conn)
    database.dispose()
    counts = sim.counts()
    counts["seconds"] = round(time.perf_counter() - started, 1)
    return counts


def _advance_sequences(conn) -> None:
    """Rows were inserted with their ids: move each id sequence past them."""
    from sqlalchemy import text

    tables = conn.execute(
        text(
            "SELECT table_name FROM information_schema.columns WHERE column_name = 'id' "
            "AND table_schema = current_schema() "
            "AND (column_default LIKE 'nextval%' OR is_identity = 'YES')"
        )
    ).scalars()
    for table in list(tables):
        conn.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                f'COALESCE((SELECT max(id) FROM "{table}"), 0) + 1, false)'
            )
        )


class Simulation:
    def __init__(self, scale: Scale, rng: random.Random, products, virtual, max_location) -> None:
        self.scale, self.rng, self.virtual = scale, rng, virtual
        self.ledger = Ledger()
        self.naloxone = [
            p.id for p in products.values() if p.interchange_group == "naloxone-4mg-nasal"
        ]
        self.kit = products["Standard LBN kit"].id
        self.parts = [
            products[n].id
            for n in (
                "Naloxone instructions leaflet",
                "Kit pouch",
                "Local resource card",
                "Good Samaritan Law card",
                "Rescue breathing face shield",
            )
        ]
        self.strips = products["Fentanyl test strip"].id
        self.locations: list[dict] = []
        self.stations: list[tuple[int, int, list[int]]] = []  # station, room, vehicles
        self.distributions: list[dict] = []
        self.administrations: list[dict] = []
        self.batches: list[dict] = []
        self.components: list[dict] = []
        self.pars: list[dict] = []
        self._next_location = max_location + 1
        self.part_lots: dict[int, int] = {}
        self.kit_parts: dict[int, list[int]] = {}
        self.weekly_kits = 0
        self._build_places()
        self.stock: dict[int, list[list]] = defaultdict(list)  # room -> [lot, expiry, qty] naloxone
        self.kits_at: dict[int, list[list]] = defaultdict(list)  # place -> [kit lot, expiry, qty]

    def _place(self, name: str, kind: str, parent: int | None) -> int:
        loc_id = self._next_location
        self._next_location += 1
        self.locations.append(
            {"id": loc_id, "name": name, "kind": kind, "parent_id": parent, "active": True}
        )
        return loc_id

    def _build_places(self) -> None:
        for n in range(self.scale.stations):
            station = self._place(f"Station {n + 1}", "station", None)
            room = self._place("Supply room", "room", station)
            self._place("Cabinet A", "cabinet", room)
            vehicles = [
                self._place(f"Unit {n + 1}{v:02d}", "vehicle", station)
                for v in range(self.scale.vehicles_per_station)
            ]
            self.stations.append((station, room, vehicles))
            for v in vehicles:
                self.pars.append({"location_id": v, "product_id": self.kit, "quantity": 4})

    def _receive_parts(self, day: date, at: datetime) -> None:
        """Non-lot-tracked kit parts: one lot per product, plenty of them in every room."""
        for product in self.parts:
            lot = self.ledger.lot(product, "NO LOT", None, day)
            self.part_lots[product] = lot
            op = self.ledger.op(at, "receive")
            for _station, room, _vehicles in self.stations:
                for _ in range(100):  # 10 million in lines the app's line limit allows
                    self.ledger.move(op, lot, self.virtual["supplier"], room, MAX_LINE_QUANTITY)

    def run(self) -> None:
        start = date(END.year - self.scale.years, END.month, 1)
        days = (END - start).days
        per_day = self.scale.distributions / days
        self.weekly_kits = int(per_day * 7 * 1.6 / len(self.stations)) + 2
        self._receive_parts(start, datetime.combine(start, datetime.min.time()))
        lots_per_day = self.scale.lots / days
        lot_credit = 0.0
        day = start
        while day < END:
            at = datetime.combine(day, datetime.min.time()) + timedelta(hours=8)
            lot_credit += lots_per_day
            while lot_credit >= 1:
                lot_credit -= 1
                self._receive(day, at)
            if day.weekday() == 0:
                for station in self.stations:
                    self._assemble(station, day, at)
            for _ in range(self._poisson(per_day)):
                self._distribute(day, at + timedelta(hours=self.rng.randint(1, 14)))
            if day.day == 1:
                self._dispose_expired(day, at)
            day += timedelta(days=1)

    def _poisson(self, mean: float) -> int:
        whole = int(mean)
        return whole + (1 if self.rng.random() < mean - whole else 0)

    def _receive(self, day: date, at: datetime) -> None:
        _station, room, _ = self.rng.choice(self.stations)
        strips = self.rng.random() < 0.15
        product = self.strips if strips else self.rng.choice(self.naloxone)
        expiry = day + timedelta(days=self.rng.randint(300, 1300))
        lot = self.ledger.lot(product, f"L{self.ledger.next_lot:06d}", expiry, day)
        qty = 500 if strips else self.rng.choice([144, 192, 240, 288])
        op = self.ledger.op(at, "receive")
        self.ledger.move(op, lot, self.virtual["supplier"], room, qty)
        if not strips:
            self.stock[room].append([lot, expiry, qty])
            self.stock[room].sort(key=lambda x: x[1])

    def _assemble(self, station_t, day: date, at: datetime) -> None:
        _station, room, vehicles = station_t
        usable = [x for x in self.stock[room] if x[1] > day + timedelta(days=90) and x[2] > 0]
        want = min(self.weekly_kits, sum(x[2] for x in usable) // 2)
        if want <= 0:
            return
        op = self.ledger.op(at, "assemble")
        assembly = self.virtual["assembly"]
        kit_lot_expiry = None
        picks: list[tuple[int, int]] = []
        needed = want * 2
        for entry in usable:
            take = min(entry[2], needed)
            if take:
                entry[2] -= take
                needed -= take
                picks.append((entry[0], take))
                kit_lot_expiry = (
                    entry[1] if kit_lot_expiry is None else min(kit_lot_expiry, entry[1])
                )
            if needed == 0:
                break
        kit_lot = self.ledger.lot(self.kit, f"K{day:%y%m%d}-{room}", kit_lot_expiry, day)
        for lot, take in picks:
            self.ledger.move(op, lot, room, assembly, take)
        for part_lot in self.part_lots.values():
            self.ledger.move(op, part_lot, room, assembly, want)
        self.ledger.move(op, kit_lot, assembly, room, want)
        batch_id = len(self.batches) + 1
        self.batches.append(
            {
                "id": batch_id,
                "lot_id": kit_lot,
                "recipe_id": None,
                "recipe_name": "Standard LBN kit",
                "operation_id": op,
                "quantity": want,
                "assembled_at": at,
            }
        )
        self.components.extend(
            {"batch_id": batch_id, "lot_id": lot, "quantity_per_kit": 1} for lot, _ in picks
        )
        self.components.extend(
            {"batch_id": batch_id, "lot_id": lot, "quantity_per_kit": 1}
            for lot in self.part_lots.values()
        )
        self.kit_parts[kit_lot] = [lot for lot, _ in picks][:2]
        stock = [kit_lot, kit_lot_expiry, want]
        for vehicle in vehicles:  # weekly restock of each vehicle to its par
            held = sum(x[2] for x in self.kits_at[vehicle])
            need = min(max(0, 8 - held), stock[2])
            if need:
                t = self.ledger.op(at + timedelta(minutes=30), "transfer")
                self.ledger.move(t, kit_lot, room, vehicle, need)
                stock[2] -= need
                self.kits_at[vehicle].append([kit_lot, kit_lot_expiry, need])
        if stock[2]:
            self.kits_at[room].append(stock)

    def _distribute(self, day: date, at: datetime) -> None:
        _station, room, vehicles = self.rng.choice(self.stations)
        ready = [v for v in vehicles if any(x[2] > 0 for x in self.kits_at[v])]
        if not ready:
            return
        vehicle = self.rng.choice(ready)
        entry = next(x for x in self.kits_at[vehicle] if x[2] > 0)
        kits = 1 if self.rng.random() < 0.85 else min(2, entry[2])
        op = self.ledger.op(at, "distribute")
        self.ledger.move(op, entry[0], vehicle, self.virtual["distributed"], kits)
        entry[2] -= kits
        self.distributions.append(
            {
                "occurred_on": day,
                "kits": kits,
                "location_id": vehicle,
                "zip_code": self.rng.choice(ZIPS),
                "setting": self.rng.choice(SETTINGS),
                "relationship": self.rng.choice(RELATIONS),
                "naloxone_administered": self.rng.random() < 0.3,
                "services_offered": self.rng.random() < 0.7,
                "operation_id": op,
                "recorded_at": at,
                "recorded_by": "bench",
            }
        )
        spare_kit = next((x for x in self.kits_at[vehicle] if x[2] > 0), None)
        if spare_kit is not None and self.rng.random() < 0.12:
            op = self._administer_from_kit(spare_kit, vehicle, at)
            self.administrations.append(
                {
                    "occurred_on": day,
                    "doses": 2,
                    "location_id": vehicle,
                    "from_kit": True,
                    "zip_code": self.rng.choice(ZIPS),
                    "operation_id": op,
                    "recorded_at": at,
                    "recorded_by": "bench",
                }
            )
        self.kits_at[vehicle] = [x for x in self.kits_at[vehicle] if x[2] > 0]
        spare = [x for x in self.kits_at[room] if x[2] > 0]
        if spare:  # restock the vehicle from the station after each shift's use
            t = self.ledger.op(at + timedelta(hours=1), "transfer")
            self.ledger.move(t, spare[0][0], room, vehicle, 1)
            spare[0][2] -= 1
            self.kits_at[vehicle].append([spare[0][0], spare[0][1], 1])
            self.kits_at[room] = [x for x in spare if x[2] > 0]

    def _administer_from_kit(self, entry: list, vehicle: int, at: datetime) -> int:
        """As the app does: open one kit (components come back loose), use its two doses."""
        opened = self.ledger.op(at, "disassemble", "kit opened on scene")
        assembly = self.virtual["assembly"]
        self.ledger.move(opened, entry[0], vehicle, assembly, 1)
        doses = self.kit_parts[entry[0]]
        per_lot = [2] if len(doses) == 1 else [1, 1]
        for lot, qty in zip(doses, per_lot, strict=False):
            self.ledger.move(opened, lot, assembly, vehicle, qty)
        for part_lot in self.part_lots.values():
            self.ledger.move(opened, part_lot, assembly, vehicle, 1)
        op = self.ledger.op(at, "administer")
        for lot, qty in zip(doses, per_lot, strict=False):
            self.ledger.move(op, lot, vehicle, self.virtual["administered"], qty)
        entry[2] -= 1
        return op

    def _dispose_expired(self, day: date, at: datetime) -> None:
        for room, entries in self.stock.items():
            for entry in entries:
                if entry[1] < day and entry[2] > 0:
                    op = self.ledger.op(at, "dispose", "expired")
                    self.ledger.move(op, entry[0], room, self.virtual["disposed"], entry[2])
                    entry[2] = 0
            self.stock[room] = [e for e in entries if e[2] > 0]

    def training(self) -> tuple[list[dict], list[dict], list[dict]]:
        people, sessions, attendance = [], [], []
        for n in range(self.scale.stations * 25):
            people.append(
                {
                    "id": n + 1,
                    "name": f"Officer {n + 1:04d}",
                    "badge": f"B{n + 1:05d}",
                    "station_id": self.stations[n % len(self.stations)][0],
                    "active": True,
                    "lbn_trained_on": END - timedelta(days=self.rng.randint(0, 700)),
                }
            )
        for n in range(self.scale.years * 12):
            held = END - timedelta(days=30 * n + 3)
            sessions.append(
                {
                    "id": n + 1,
                    "held_on": held,
                    "kind": "lbn_roll_call",
                    "elements": "[]",
                    "trainer": "Trainer",
                    "outside_headcount": 2,
                }
            )
            for person in self.rng.sample(people, min(12, len(people))):
                attendance.append({"session_id": n + 1, "person_id": person["id"]})
        return people, sessions, attendance

    def extra_rows(self) -> dict:
        people, sessions, attendance = self.training()
        return {
            ParLevel: self.pars,
            KitBatch: self.batches,
            KitBatchComponent: self.components,
            Distribution: self.distributions,
            Administration: self.administrations,
            Person: people,
            TrainingSession: sessions,
            TrainingAttendance: attendance,
        }

    def counts(self) -> dict[str, int]:
        return {
            "locations": len(self.locations),
            "lots": len(self.ledger.lots),
            "operations": len(self.ledger.ops),
            "stock_moves": len(self.ledger.moves),
            "distributions": len(self.distributions),
            "administrations": len(self.administrations),
        }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("scale", choices=sorted(SCALES))
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    print(generate(args.out, args.scale, args.seed))


if __name__ == "__main__":
    main()
