"""QA: a voided record says so in a column that is never squeezed off the edge of the log."""

from __future__ import annotations

from datetime import date

from tests.models.distribution_helpers import entry, receive_kits
from ui.distributions.distribution_table_model import HEADERS, Column
from ui.distributions.distributions_view import DistributionsView
from ui.distributions.quick_entry_widget import LINE_HEADERS


def test_void_status_column_is_wide_enough_for_its_text(qtbot, services, agency) -> None:
    receive_kits(services, agency.vehicle, 6)
    record = services.distributions.record_distribution
    first = record(entry(agency, occurred_on=date(2026, 1, 3), kits=2))
    record(entry(agency, occurred_on=date(2026, 1, 9), comment="Peer referral accepted"))
    services.distributions.void_distribution(first.id, "Entered twice")
    view = DistributionsView(services)
    qtbot.addWidget(view)
    view.resize(900, 600)
    view.show()
    view.refresh()
    view.tabs.setCurrentIndex(1)
    assert HEADERS.index("Status") < HEADERS.index("Comment") == len(HEADERS) - 1
    voided = next(r for r in range(view.log_model.rowCount()) if view.log_model.row_at(r).voided)
    text = view.log_model.index(voided, Column.STATUS).data()
    assert text == "voided: Entered twice"
    width = view.log_table.fontMetrics().horizontalAdvance(text)
    assert view.log_table.columnWidth(Column.STATUS) >= width


def test_every_column_of_the_latest_entries_has_a_title() -> None:
    assert all(LINE_HEADERS) and LINE_HEADERS[-1] == "Status"


def test_summary_counts_read_as_english_for_one(qtbot, services, agency) -> None:
    receive_kits(services, agency.vehicle, 3)
    services.distributions.record_distribution(entry(agency, occurred_on=date(2026, 1, 9), kits=1))
    view = DistributionsView(services)
    qtbot.addWidget(view)
    view.refresh()
    text = view.summary.text()
    assert "1 kit left behind in 1 distribution (" in text
    assert "0 doses administered by personnel in 0 encounters" in text
