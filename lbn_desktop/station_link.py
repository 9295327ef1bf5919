"""Connects the window to the shared database: who is signed in, live refresh, the offline banner.

Composition only: builds the watcher for the database URL and the Qt pieces, and wires them.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QMainWindow, QToolButton

from lbn_desktop.change_watch import ChangeWatch, watch_for
from lbn_desktop.config import Paths, current_user
from lbn_desktop.database import Database
from models.services import Services
from ui.widgets.live_refresh import LiveRefresh


@dataclass
class StationLink:
    watch: ChangeWatch
    live: LiveRefresh

    def close(self) -> None:
        self.live.timer.stop()
        self.watch.close()


def who_text(services: Services) -> str:
    actor = services.actor
    station = f" at {actor.station}" if actor.station else ""
    return f"{actor.name} ({actor.role.value}){station}"


def connect_station(
    window: QMainWindow, services: Services, database: Database, paths: Paths
) -> StationLink:
    from ui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    window.who.setText(who_text(services))
    if services.people.sign_in_needed():
        button = QToolButton()
        button.setText("Change person")
        button.setToolTip("Hand the keyboard to someone else: they pick their name.")
        button.clicked.connect(lambda: _change_person(window, services, paths))
        window.statusBar().addPermanentWidget(button)
    watch = watch_for(database.url)
    live = LiveRefresh(watch.changed, window)
    live.changed.connect(window.refresh_after_change_elsewhere)
    live.start()
    return StationLink(watch, live)


def _change_person(window: QMainWindow, services: Services, paths: Paths) -> None:
    from lbn_desktop.station_sign_in import ask_who
    from ui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    ask_who(services, paths.data, current_user())
    window.who.setText(who_text(services))
    window.refresh_after_change_elsewhere()
