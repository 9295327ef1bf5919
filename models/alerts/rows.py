"""Frozen rows of the alert area: alerts, vehicle readiness, restock tasks, dashboard figures."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime
from enum import IntEnum, StrEnum

from models.common.wording import counted
from models.training.service import TrainingSummary


class AlertKind(StrEnum):
    EXPIRING = "expiring"
    EXPIRED = "expired"
    KIT_EXPIRING = "kit_expiring"
    DWELL = "dwell"
    BELOW_PAR = "below_par"
    RESTOCK = "restock"
    AT_RISK = "at_risk"
    REORDER = "reorder"
    REFRESHER = "refresher"
    DEADLINE = "deadline"
    VEHICLE_CHECK = "vehicle_check"

    @property
    def label(self) -> str:
        return _KIND_LABELS[self]


_KIND_LABELS = {
    AlertKind.EXPIRING: "Expiring",
    AlertKind.EXPIRED: "Expired",
    AlertKind.KIT_EXPIRING: "Kit expiring",
    AlertKind.DWELL: "Rotate",
    AlertKind.BELOW_PAR: "Below par",
    AlertKind.RESTOCK: "Restock",
    AlertKind.AT_RISK: "At risk",
    AlertKind.REORDER: "Reorder",
    AlertKind.REFRESHER: "Training",
    AlertKind.DEADLINE: "Report due",
    AlertKind.VEHICLE_CHECK: "Vehicle check",
}


class Severity(IntEnum):
    CRITICAL = 0
    WARNING = 1
    NOTICE = 2

    @property
    def label(self) -> str:
        return ("Critical", "Warning", "Notice")[self]


class ActionKind(StrEnum):
    """What resolves an alert; the screen decides which dialog or page that opens."""

    QUARANTINE = "quarantine"
    TRANSFER = "transfer"
    DONATE = "donate"  # dispose with reason "donated": the stock leaves the agency's books
    REKIT = "rekit"
    REORDER = "reorder"
    TRAINING = "training"
    REPORTS = "reports"
    VEHICLE_CHECK = "vehicle_check"  # the vehicle check dialog (Kits screen)

    @property
    def label(self) -> str:
        return {
            ActionKind.QUARANTINE: "Quarantine…",
            ActionKind.TRANSFER: "Transfer…",
            ActionKind.DONATE: "Donate…",
            ActionKind.REKIT: "Re-kit on Kits screen",
            ActionKind.REORDER: "Open Reorders",
            ActionKind.TRAINING: "Open Training",
            ActionKind.REPORTS: "Open Reports",
            ActionKind.VEHICLE_CHECK: "Vehicle check…",
        }[self]


class AlertStatus(StrEnum):
    OPEN = "open"
    ACKNOWLEDGED = "acknowledged"
    SNOOZED = "snoozed"


@dataclass(frozen=True)
class AtRiskPlan:
    """What an at-risk alert suggests: move some to a busier station, donate the rest."""

    move_to_station_id: int | None
    move: int
    donate: int
    partner: str

    @property
    def donation_note(self) -> str:
        return f"donated to {self.partner} before expiry (at-risk alert)"


@dataclass(frozen=True)
class AlertRow:
    """One thing that needs action: what, where, how much, when, and what resolves it."""

    key: str  # stable identity of the thing (lot at a place, par line, partner deadline)
    fingerprint: str  # the condition; a decision holds only while this is unchanged
    kind: AlertKind
    severity: Severity
    what: str
    where: str
    quantity: int
    unit: str
    when: date | None
    detail: str
    action: ActionKind
    lot_id: int | None = None
    location_id: int | None = None
    product_id: int | None = None
    plan: AtRiskPlan | None = None  # at-risk alerts only
    status: AlertStatus = AlertStatus.OPEN
    status_note: str = ""
    until: date | None = None

    @property
    def how_much(self) -> str:
        if not self.quantity:
            return "—"
        return counted(self.quantity, self.unit) if self.unit else str(self.quantity)

    def decided(self, status: AlertStatus, note: str, until: date | None) -> AlertRow:
        return replace(self, status=status, status_note=note, until=until)


class Readiness(StrEnum):
    GREEN = "green"
    AMBER = "amber"
    RED = "red"
    UNSET = "unset"  # no kit par level: nothing is required of this vehicle


@dataclass(frozen=True)
class PickFrom:
    """Take `quantity` of this lot from this place (a line of a FEFO restock pick)."""

    lot_id: int
    lot_number: str
    expiry: date | None
    location_id: int
    location_path: str
    quantity: int


@dataclass(frozen=True)
class RestockTask:
    """A vehicle or bag below par for a product, with the pick from its station's stock."""

    location_id: int
    location_path: str
    product_id: int
    product_name: str
    unit: str
    par: int
    usable: int
    picks: tuple[PickFrom, ...]

    @property
    def short(self) -> int:
        return max(self.par - self.usable, 0)

    @property
    def uncovered(self) -> int:
        """What the station cannot supply: assemble kits or reorder."""
        return max(self.short - sum(p.quantity for p in self.picks), 0)


@dataclass(frozen=True)
class ParGap:
    location_id: int
    location_path: str
    location_kind: str
    product_id: int
    product_name: str
    product_kind: str
    unit: str
    par: int
    usable: int

    @property
    def short(self) -> int:
        return max(self.par - self.usable, 0)


@dataclass(frozen=True)
class ReadinessRow:
    """A vehicle or bag on the readiness board."""

    location_id: int
    name: str
    path: str
    kind: str
    required: int  # par levels of kit products
    ready: int  # usable kits inside it
    expiring_soon: int  # ready kits inside the narrowest kit band
    earliest_expiry: date | None
    status: Readiness
    tasks: tuple[RestockTask, ...] = ()
    last_checked: datetime | None = None  # the crew's last vehicle check
    check_overdue: bool = False  # past the 'checked every N days' policy (off: never)


@dataclass(frozen=True)
class RotationRow:
    """Stock under a dwell limit: when it has to come out of the vehicle."""

    lot_id: int
    location_id: int
    location_path: str
    product_name: str
    lot_number: str
    quantity: int
    placed_on: date
    rotate_by: date
    printed_expiry: date | None
    days_left: int


@dataclass(frozen=True)
class KitsAtPlace:
    location_id: int
    location_path: str
    location_kind: str
    ready: int
    expiring: int  # ready, but inside the narrowest kit band
    expired: int
    required: int


@dataclass(frozen=True)
class MonthFigure:
    month: date  # first day of the month
    value: int


@dataclass(frozen=True)
class DashboardSummary:
    today: date
    doses_usable: int  # beyond the expiring window
    doses_expiring: int  # usable, within the widest naloxone band
    doses_expired: int  # expired, still outside quarantine
    doses_quarantined: int
    expiring_window_days: int
    kits: tuple[KitsAtPlace, ...]
    below_par: tuple[ParGap, ...]
    distributions_this_month: int  # kits
    distributions_last_month: int
    encounters_this_month: int
    administered_this_month: int  # doses
    administered_last_month: int
    training: TrainingSummary
    expiring_by_month: tuple[MonthFigure, ...]  # doses, next 18 months
    distributed_by_month: tuple[MonthFigure, ...]  # kits, last 12 months

    @property
    def kits_ready(self) -> int:
        return sum(k.ready for k in self.kits)


@dataclass(frozen=True)
class DashboardData:
    """Everything the dashboard shows, computed in one go."""

    summary: DashboardSummary
    alerts: tuple[AlertRow, ...]
    readiness: tuple[ReadinessRow, ...]
    rotation: tuple[RotationRow, ...]
    computed_at: datetime
    vehicle_check_days: int = 0  # the check policy (0: none), so the screen need not ask again
    has_par_levels: bool = False  # a fresh agency is told to set them, not that all is stocked


def sort_alerts(alerts: list[AlertRow], include_decided: bool = True) -> list[AlertRow]:
    """Most urgent first, then soonest; decided alerts left out unless asked for."""
    kept = [a for a in alerts if include_decided or a.status is AlertStatus.OPEN]
    kept.sort(key=lambda a: (a.severity, a.when or date.max, a.where, a.what))
    return kept
