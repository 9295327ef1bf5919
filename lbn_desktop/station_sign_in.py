"""Who acts at this station: the remembered sign-in for the shift, or the person picker.

Knows the station's data folder and the people service; the picker dialog lives in ui.
"""

from __future__ import annotations

import json
import logging
from datetime import datetime, timedelta
from pathlib import Path

from models.common.errors import DomainError
from models.services import Services

log = logging.getLogger(__name__)
SHIFT = timedelta(hours=12)
MEMORY_FILE = "station_sign_in.json"


def remembered_person(folder: Path, now: datetime) -> int | None:
    """The person signed in at this station less than a shift ago, if any."""
    try:
        saved = json.loads((folder / MEMORY_FILE).read_text(encoding="utf-8"))
        at = datetime.fromisoformat(saved["at"])
        person_id = int(saved["person_id"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return person_id if timedelta(0) <= now - at < SHIFT else None


def remember_person(folder: Path, person_id: int, now: datetime) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    text = json.dumps({"person_id": person_id, "at": now.isoformat()})
    (folder / MEMORY_FILE).write_text(text, encoding="utf-8")


def sign_in_at_start(services: Services, folder: Path, station_user: str) -> None:
    """Nothing to do on a one-person install; otherwise reuse the shift's sign-in or ask."""
    if not services.people.sign_in_needed():
        return
    person_id = remembered_person(folder, datetime.now())
    if person_id is not None:
        try:
            services.people.sign_in(person_id, pin="", remembered=True)
            return
        except DomainError as refusal:
            log.info("Remembered sign-in not used: %s", refusal)
    ask_who(services, folder, station_user)


def ask_who(services: Services, folder: Path, station_user: str) -> None:
    """Show the picker; Cancel leaves the station signed in as a viewer."""
    from ui.widgets.person_picker import PersonPickerDialog

    if PersonPickerDialog(services).exec():
        if services.actor.person_id is not None:
            remember_person(folder, services.actor.person_id, datetime.now())
    elif services.actor.person_id is None:
        services.people.sign_in_as_station(station_user)
