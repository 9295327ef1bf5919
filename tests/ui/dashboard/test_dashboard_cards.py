"""QA: dashboard cards use the Inventory's words: the big figure is the usable doses, and the
expiring ones are part of it (not beside it); one place is "1 place"."""

from __future__ import annotations

from tests.models.alerts.test_alert_dashboard import build_known_dataset
from tests.ui.dashboard.test_dashboard_view import loaded_view


def test_doses_card_says_the_expiring_doses_are_part_of_the_usable_figure(
    qtbot, services, database, clock, agency
) -> None:
    build_known_dataset(services, database, clock, agency)
    view = loaded_view(qtbot, services)
    summary = services.alerts.dashboard().summary
    usable = summary.doses_usable + summary.doses_expiring
    assert view.doses_card.value.text() == str(usable) == "15"
    detail = view.doses_card.detail.text()
    assert detail.startswith("usable, 5 of them expire ≤ 90 d")
    assert "10 usable" not in detail
    assert view.par_card.value.text() == "1 place"
