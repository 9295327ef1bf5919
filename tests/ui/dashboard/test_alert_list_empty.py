"""QA: an empty alert list says nothing needs action and keeps its column titles readable."""

from __future__ import annotations

from tests.models.alerts.test_alert_dashboard import build_known_dataset
from tests.ui.dashboard.test_dashboard_view import loaded_view


def test_empty_list_says_nothing_needs_action_and_where_title_fits(qtbot, services) -> None:
    view = loaded_view(qtbot, services)
    alerts = view.alert_list
    assert alerts.model.rowCount() == 0
    assert alerts.detail.text() == "Nothing needs action: no alert is open."
    header = alerts.table.horizontalHeader()
    assert header.sectionSize(2) >= header.sectionSizeHint(2)


def test_with_alerts_the_list_asks_for_a_selection(qtbot, services, database, clock, agency):
    build_known_dataset(services, database, clock, agency)
    view = loaded_view(qtbot, services)
    assert view.alert_list.model.rowCount() > 0
    assert view.alert_list.detail.text() == "Select an alert to see what to do."
