"""Quick entry while another station holds the database busy: the window keeps responding,
the form shows "Saving…", and the line is saved once the database is free (issue 21)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

import pytest
from PySide6.QtCore import Qt, QTimer

from lbn_desktop.database import Database
from tests.conftest import Agency
from tests.models.distribution_helpers import receive_kits
from ui.distributions.quick_entry_widget import QuickEntryWidget


@pytest.fixture
def widget(qtbot, services, agency: Agency) -> QuickEntryWidget:
    receive_kits(services, agency.vehicle, 5)
    services.distributions.save_service_area_zips(["12866"])
    widget = QuickEntryWidget(services)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@contextmanager
def another_station_writing(database: Database) -> Iterator[sqlite3.Connection]:
    """Holds the write lock as a long import at another station would."""
    other = sqlite3.connect(database.sqlite_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        yield other
    finally:
        other.execute("ROLLBACK")
        other.close()


def test_the_window_keeps_responding_while_the_line_waits_for_a_busy_database(
    qtbot, services, database, widget, tmp_path
) -> None:
    ticks: list[int] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    with another_station_writing(database):
        widget.kits.setFocus()
        qtbot.keyClick(widget.kits, Qt.Key.Key_Return)
        assert widget.saving and widget.save_button.text() == "Saving…"
        assert not widget.kits.isEnabled() and widget.status_label.text() == "Saving…"
        timer.start(20)
        qtbot.wait(400)  # the GUI thread runs on: the timer ticks while the save waits
        assert len(ticks) >= 5 and widget.saving
        widget.save_line()  # Enter again while the line is on its way: still saved once
        widget.grab().save(str(tmp_path / "quick_entry_saving.png"))
    qtbot.waitUntil(lambda: not widget.saving, timeout=10_000)
    timer.stop()
    assert widget.kits.isEnabled() and widget.save_button.text() == "Save line (Enter)"
    assert "Saved no." in widget.status_label.text()
    assert len(services.distributions.list_distributions(date(2026, 1, 1), date(2026, 1, 31))) == 1


def test_a_refused_line_keeps_what_was_typed_and_the_form_is_usable_again(
    qtbot, services, widget
) -> None:
    widget.kits.setValue(9)  # Patrol 12 holds 5
    widget.comment.setText("second call today")
    widget.kits.setFocus()
    qtbot.keyClick(widget.kits, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not widget.saving)
    assert "has 5 usable" in widget.error_label.text()
    assert widget.kits.value() == 9 and widget.comment.text() == "second call today"
    assert widget.kits.isEnabled() and widget.kits.hasFocus()
    assert services.distributions.list_recent() == []
