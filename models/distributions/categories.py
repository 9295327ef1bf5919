"""Distribution categories (setting, relationship, time of day) and service-area ZIPs, as settings.

The defaults follow the toolkit's inclusive definition of "at-risk": anyone met at an overdose
scene *or in any other setting*, their family, friends and bystanders, people recently released,
people in deflection programs, mass gatherings. Records keep a stable code; the agency may rename,
add or retire labels without touching history.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy.orm import Session

from models.common.errors import ValidationError
from models.common.pii_screen import screen_free_text
from models.common.settings import SettingKey, as_json, read_setting, write_setting

ZIP_SETTING: SettingKey[Any] = SettingKey("service_area_zips", [], as_json)


class CategoryKind(StrEnum):
    SETTING = "setting"
    RELATIONSHIP = "relationship"
    TIME_BAND = "time_band"
    OUTCOME = "outcome"  # tags a responder ticks instead of typing a note

    @property
    def setting_key(self) -> SettingKey[Any]:
        return SettingKey(f"distribution_{self.value}s", None, as_json)

    @property
    def label(self) -> str:
        return {
            "setting": "Setting",
            "relationship": "Relationship",
            "time_band": "Time of day",
            "outcome": "Outcome",
        }[self.value]


@dataclass(frozen=True)
class Category:
    code: str
    label: str
    active: bool = True


DEFAULTS: dict[CategoryKind, tuple[Category, ...]] = {
    CategoryKind.SETTING: (
        Category("overdose_scene", "Overdose scene"),
        Category("other_call", "Other call or encounter"),
        Category("mass_gathering", "Mass gathering / community event"),
        Category("deflection", "Deflection or diversion program"),
        Category("post_overdose_outreach", "Post-overdose outreach"),
        Category("reentry", "Reentry / recently released"),
        Category("other", "Other"),
    ),
    CategoryKind.RELATIONSHIP: (
        Category("person_at_risk", "Person at risk"),
        Category("family", "Family member"),
        Category("friend", "Friend or close contact"),
        Category("bystander", "Bystander"),
        Category("organisation", "Organisation"),
        Category("other_declined", "Other or declined"),
    ),
    CategoryKind.TIME_BAND: (
        Category("night", "Night (00–06)"),
        Category("morning", "Morning (06–12)"),
        Category("afternoon", "Afternoon (12–18)"),
        Category("evening", "Evening (18–24)"),
    ),
    CategoryKind.OUTCOME: (
        Category("declined_services", "Declined services"),
        Category("accepted_referral", "Accepted referral information"),
        Category("family_present", "Family present"),
        Category("repeat_encounter", "Repeat encounter"),
        Category("bystanders_shown", "Bystanders shown how to use naloxone"),
        Category("transported", "Taken to hospital"),
    ),
}
OPTIONAL_KINDS = (CategoryKind.TIME_BAND, CategoryKind.OUTCOME)  # may all be retired


def load_categories(s: Session, kind: CategoryKind) -> list[Category]:
    """The agency's categories of a kind (retired ones included, marked inactive)."""
    stored = read_setting(s, kind.setting_key)
    if not stored:
        return list(DEFAULTS[kind])
    return [Category(str(c["code"]), str(c["label"]), bool(c.get("active", True))) for c in stored]


def save_categories(
    s: Session, kind: CategoryKind, categories: list[Category], in_use: set[str]
) -> list[Category]:
    """Store a new list; a code still used by records may be retired but never dropped."""
    seen_codes: set[str] = set()
    seen_labels: set[str] = set()
    for category in categories:
        label = category.label.strip()
        if not label:
            raise ValidationError(f"Every {kind.label.lower()} needs a name.")
        screen_free_text(label, f"The {kind.label.lower()} '{label}'")
        if label.lower() in seen_labels:
            raise ValidationError(f"'{label}' appears twice in the {kind.label.lower()} list.")
        if category.code in seen_codes:
            raise ValidationError(f"Code '{category.code}' appears twice.")
        seen_labels.add(label.lower())
        seen_codes.add(category.code)
    missing = sorted(in_use - seen_codes)
    if missing:
        raise ValidationError(
            f"Records use {', '.join(missing)}: retire such a {kind.label.lower()} "
            "instead of deleting it."
        )
    if kind not in OPTIONAL_KINDS and not any(c.active for c in categories):
        raise ValidationError(f"Keep at least one {kind.label.lower()} in use.")
    cleaned = [Category(c.code, c.label.strip(), c.active) for c in categories]
    write_setting(
        s,
        kind.setting_key,
        [{"code": c.code, "label": c.label, "active": c.active} for c in cleaned],
    )
    return cleaned


def new_code(label: str, taken: set[str]) -> str:
    """A stable code for a new label ("Shelter visit" -> "shelter_visit", unique)."""
    base = re.sub(r"[^a-z0-9]+", "_", label.lower()).strip("_")[:30] or "category"
    code, n = base, 2
    while code in taken:
        code, n = f"{base}_{n}", n + 1
    return code


def resolve(categories: list[Category], text: str, kind: CategoryKind) -> str:
    """The code of an active category named by its code or label (case-insensitive)."""
    wanted = (text or "").strip().lower()
    if not wanted:
        raise ValidationError(f"Choose a {kind.label.lower()}.")
    for category in categories:
        if wanted in (category.code.lower(), category.label.lower()):
            if not category.active:
                raise ValidationError(f"{kind.label} '{category.label}' is retired.")
            return category.code
    choices = ", ".join(c.label for c in categories if c.active)
    raise ValidationError(f"Unknown {kind.label.lower()} '{text.strip()}'. Use one of: {choices}.")


def label_of(categories: list[Category], code: str | None) -> str:
    if code is None:
        return ""
    return next((c.label for c in categories if c.code == code), code)


def check_zip(text: str) -> str:
    """A 5-digit US ZIP code (ZIP+4 is cut to its first five digits)."""
    raw = (text or "").strip()
    match = re.fullmatch(r"([0-9]{5})(?:-[0-9]{4})?", raw)
    if match is None or match[1] == "00000":
        raise ValidationError(f"'{raw}' is not a 5-digit ZIP code." if raw else "Enter the ZIP.")
    return match[1]


def load_service_area_zips(s: Session) -> list[str]:
    return [str(z) for z in read_setting(s, ZIP_SETTING) or []]


def save_service_area_zips(s: Session, zips: list[str]) -> list[str]:
    cleaned: list[str] = []
    for text in zips:
        if not (text or "").strip():
            continue
        code = check_zip(text)
        if code not in cleaned:
            cleaned.append(code)
    write_setting(s, ZIP_SETTING, cleaned)
    return cleaned


def resolve_outcomes(categories: list[Category], wanted: Sequence[str]) -> str | None:
    """The codes of the ticked outcome tags, comma-separated in list order (None when none)."""
    codes = {resolve(categories, text, CategoryKind.OUTCOME) for text in wanted if text.strip()}
    return ",".join(c.code for c in categories if c.code in codes) or None


def outcome_codes(stored: str | None) -> tuple[str, ...]:
    return tuple(code for code in (stored or "").split(",") if code)
