"""The demo agency gets a year of distributions and administrations that balance the books."""

from __future__ import annotations

from datetime import date

from models.services import build_demo
from models.stock.ledger_check import check_ledger


def test_demo_year_of_distributions_from_vehicles(services, database) -> None:
    build_demo(services)
    today = services.clock.today()
    start = date(today.year - 1, today.month, 1)
    months = services.distributions.monthly_counts(start, today)
    assert len(months) == 13 and all(m.distributions > 0 for m in months)
    summary = services.distributions.summary(start, today)
    assert summary.kits >= summary.distributions > 100
    assert summary.administrations > 10 and summary.voided >= 1
    assert {c.key for c in summary.by_setting} >= {"overdose_scene", "reentry", "deflection"}
    assert all(c.label.split(" / ")[-1][:5] in ("Patro", "Serge", "Medic")
               for c in summary.by_location)  # fmt: skip
    assert all(len(c.key) == 5 for c in summary.by_zip)
    with database.sessions() as s:
        assert check_ledger(s).ok
