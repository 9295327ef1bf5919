"""Alert rules as the agency configures them (Settings → Alerts), stored as one JSON setting.

Knows the defaults and what a valid rule set is; knows nothing about stock.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from typing import Any

from sqlalchemy.orm import Session

from models.common.errors import ValidationError
from models.common.settings import SettingKey, as_json, read_setting, write_setting
from models.stock.entities import LocationKind, ProductKind

SETTING_KEY: SettingKey[Any] = SettingKey("alert_rules", {}, as_json)
DEFAULT_BANDS: tuple[int, ...] = (90, 60, 30)
MAX_DAYS = 3650
# Places where stock may sit through heat and cold long enough for a dwell limit to make sense.
DWELL_KINDS: tuple[str, ...] = (
    LocationKind.VEHICLE,
    LocationKind.BAG,
    LocationKind.CABINET,
    LocationKind.ROOM,
    LocationKind.STATION,
)


def _default_bands() -> dict[str, tuple[int, ...]]:
    return {kind.value: DEFAULT_BANDS for kind in ProductKind}


@dataclass(frozen=True)
class AlertRules:
    """Which alerts fire, and where their boundaries lie (all in days)."""

    expiry_bands: dict[str, tuple[int, ...]] = field(default_factory=_default_bands)
    expired_outside_quarantine: bool = True
    kit_expiry: bool = True
    below_par: bool = True
    reorder_due: bool = True
    refreshers: bool = True
    refresher_days: int = 30
    deadlines: bool = True
    deadline_days: int = 14
    at_risk: bool = True
    consumption_days: int = 90  # window of past use that sets the consumption rate
    at_risk_horizon_days: int = 180  # only stock expiring within this is judged at risk
    readiness_red_percent: int = 50  # fewer ready kits than this share of the par: red
    dwell_days: dict[str, int] = field(default_factory=dict)  # location kind -> days
    vehicle_check_days: int = 0  # every vehicle checked every N days; 0: no check policy

    def bands_for(self, product_kind: str) -> tuple[int, ...]:
        """Bands of a product kind, widest first; kinds without a setting use the default."""
        return self.expiry_bands.get(product_kind, DEFAULT_BANDS)

    def band_of(self, product_kind: str, days_left: int) -> int | None:
        """The narrowest band that `days_left` falls in, or None when outside every band."""
        inside = [b for b in self.bands_for(product_kind) if days_left <= b]
        return min(inside) if inside else None

    def soon_days(self, product_kind: str) -> int:
        """The narrowest band: stock inside it needs action now."""
        bands = self.bands_for(product_kind)
        return min(bands) if bands else 0

    def dwell_for(self, location_kind: str) -> int | None:
        return self.dwell_days.get(location_kind)

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["expiry_bands"] = {k: list(v) for k, v in self.expiry_bands.items()}
        return data

    @classmethod
    def from_json(cls, data: Any) -> AlertRules:
        """Rules from a stored setting; unknown or malformed values fall back to defaults."""
        if not isinstance(data, dict):
            return cls()
        base = cls()
        values: dict[str, Any] = {}
        for name, default in asdict(base).items():
            if name not in data:
                continue
            value = data[name]
            if type(value) is type(default) and isinstance(value, bool | int):
                values[name] = value
        bands = data.get("expiry_bands")
        if isinstance(bands, dict):
            merged = dict(base.expiry_bands)
            for kind, days in bands.items():
                if isinstance(days, list) and all(_is_int(d) for d in days):
                    merged[str(kind)] = tuple(sorted(set(days), reverse=True))
            values["expiry_bands"] = merged
        dwell = data.get("dwell_days")
        if isinstance(dwell, dict):
            values["dwell_days"] = {str(k): v for k, v in dwell.items() if _is_int(v) and v > 0}
        rules = replace(base, **values)
        try:
            check_rules(rules)
        except ValidationError:
            return base
        return rules


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def check_rules(rules: AlertRules) -> None:
    """Refuse rules that cannot work, with a message naming the field."""
    for kind, bands in rules.expiry_bands.items():
        if len(bands) > 5:
            raise ValidationError(f"Give at most 5 expiry bands for {_label(kind)}.")
        for days in bands:
            if not _is_int(days) or not 1 <= days <= MAX_DAYS:
                raise ValidationError(
                    f"Expiry bands for {_label(kind)} must be whole days from 1 to {MAX_DAYS}."
                )
    for kind, days in rules.dwell_days.items():
        if kind not in DWELL_KINDS:
            raise ValidationError(f"A dwell limit cannot be set for {_label(kind)} locations.")
        if not _is_int(days) or not 1 <= days <= MAX_DAYS:
            raise ValidationError(
                f"The dwell limit for {_label(kind)} must be 1 to {MAX_DAYS} days."
            )
    _check_range("Refreshers due within", rules.refresher_days, 0, 365)
    _check_range("Partner deadlines within", rules.deadline_days, 0, 365)
    _check_range("Consumption window", rules.consumption_days, 7, 730)
    _check_range("At-risk horizon", rules.at_risk_horizon_days, 1, MAX_DAYS)
    _check_range("Red below", rules.readiness_red_percent, 0, 100)
    _check_range("Check every vehicle every", rules.vehicle_check_days, 0, 365)


def _check_range(what: str, value: int, low: int, high: int) -> None:
    if not _is_int(value) or not low <= value <= high:
        raise ValidationError(f"{what} must be a whole number from {low} to {high}.")


def _label(kind: str) -> str:
    return kind.replace("_", " ")


def parse_bands(text: str) -> tuple[int, ...]:
    """'90, 60, 30' as typed in Settings → (90, 60, 30); empty text means no expiry alert."""
    parts = [p for p in text.replace(";", ",").replace(" ", ",").split(",") if p]
    try:
        days = {int(p) for p in parts}
    except ValueError:
        raise ValidationError(f"'{text}' is not a list of days; write e.g. 90, 60, 30.") from None
    return tuple(sorted(days, reverse=True))


def load_rules(s: Session) -> AlertRules:
    return AlertRules.from_json(read_setting(s, SETTING_KEY))


def save_rules(s: Session, rules: AlertRules) -> None:
    check_rules(rules)
    write_setting(s, SETTING_KEY, rules.to_json())
