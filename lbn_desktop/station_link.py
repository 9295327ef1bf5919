"""Connects the window to the shared database: who is signed in, live refresh, offline outbox.

Composition only: builds the watcher for the database URL, the outbox and the Qt pieces, and
wires them together.
"""

from __future__ import annotations

import logging
import sys
from dataclasses import dataclass
from types import TracebackType

from PySide6.QtWidgets import QToolButton

from lbn_desktop.change_watch import ChangeWatch, watch_for
from lbn_desktop.config import Paths, current_user
from lbn_desktop.database import Database
from lbn_desktop.offline_distributions import OfflineDistributionService
from lbn_desktop.outbox import UNREACHABLE, Outbox
from models.services import Services
from ui.main_window import MainWindow
from ui.widgets.live_refresh import LiveRefresh
from ui.widgets.offline_banner import OfflineBanner

log = logging.getLogger(__name__)


@dataclass
class StationLink:
    watch: ChangeWatch
    live: LiveRefresh
    banner: OfflineBanner
    distributions: OfflineDistributionService

    def close(self) -> None:
        self.live.timer.stop()
        self.watch.close()

    def poll(self) -> bool:
        """Each second: did others commit? and, while the link holds, send what waits."""
        moved = self.watch.changed()
        if self.distributions.outbox.pending():
            result = self.distributions.post_waiting()
            self.banner.show_online(result.still_waiting)
            if result.refused:
                self.banner.show_refused(self.banner, [reason for _r, reason in result.refused])
            moved = moved or result.posted > 0
        return moved


def who_text(services: Services) -> str:
    actor = services.actor
    station = f" at {actor.station}" if actor.station else ""
    return f"{actor.name} ({actor.role.value}){station}"


def connect_station(
    window: MainWindow, services: Services, database: Database, paths: Paths
) -> StationLink:
    window.who.setText(who_text(services))
    if services.people.sign_in_needed():
        button = QToolButton()
        button.setText("Change person")
        button.setToolTip("Hand the keyboard to someone else: they pick their name.")
        button.clicked.connect(lambda: _change_person(window, services, paths))
        window.statusBar().addPermanentWidget(button)
    distributions = OfflineDistributionService(
        database.sessions, services.clock, services.actor, Outbox(paths.data)
    )
    services.distributions = distributions  # screens look it up on each use
    banner = OfflineBanner(window)
    link = StationLink(watch_for(database.url), LiveRefresh(lambda: False), banner, distributions)
    link.live = LiveRefresh(link.poll, window)
    link.live.changed.connect(window.refresh_after_change_elsewhere)
    link.live.link_lost.connect(
        lambda _why: banner.show_offline(len(distributions.outbox.pending()))
    )
    link.live.link_back.connect(lambda: banner.show_online(len(distributions.outbox.pending())))
    _quiet_when_offline(link)
    link.live.start()
    return link


def _quiet_when_offline(link: StationLink) -> None:
    """A screen that cannot reach the server shows the banner, not an error box."""
    previous = sys.excepthook

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, UNREACHABLE):
            log.warning(
                "Server out of reach: %s", str(error).splitlines()[0] if str(error) else kind
            )
            link.banner.show_offline(len(link.distributions.outbox.pending()))
            return
        previous(kind, error, tb)

    sys.excepthook = hook


def _change_person(window: MainWindow, services: Services, paths: Paths) -> None:
    from lbn_desktop.station_sign_in import ask_who

    ask_who(services, paths.data, current_user())
    window.who.setText(who_text(services))
    window.refresh_after_change_elsewhere()
