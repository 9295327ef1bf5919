"""Demo partners: a county health department reporting quarterly and a regional EMS council."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from models.partners.registry import PartnerDraft, add_months
from models.reports.rows import last_quarter

if TYPE_CHECKING:
    from models.services import Services


def add_demo(services: Services) -> None:
    today = services.clock.today()
    quarter_end = last_quarter(today).end
    # Due in ten days, so the dashboard shows a reminder the first time the demo opens.
    soon = today + timedelta(days=10)
    services.partners.save_partner(
        PartnerDraft(
            "Demo County Department of Health",
            10,
            3,
            soon,
            "Overdose prevention coordinator",
            "overdose@health.example.org",
            "Quarterly LBN figures: kits by ZIP, training. Suppress 1-9.",
        )
    )
    services.partners.save_partner(
        PartnerDraft(
            "Regional EMS Council",
            6,
            12,
            add_months(quarter_end, 6),
            notes="Yearly program summary for the council meeting.",
        )
    )
