"""Polls the station's link to the database each second and says when others changed something.

Knows a `poll` function (True: something was committed elsewhere; raises: the server is out of
reach) and Qt timers; not which database is behind it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal, Slot

log = logging.getLogger(__name__)
POLL_MS = 1000  # screens must show another station's change within 2 s


class LiveRefresh(QObject):
    changed = Signal()
    link_lost = Signal(str)
    link_back = Signal()

    def __init__(self, poll: Callable[[], bool], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._poll = poll
        self.online = True
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.check)

    def start(self) -> None:
        self.timer.start()

    @Slot()
    def check(self) -> None:
        """One cheap look: no round trip to the server unless it has something to say."""
        try:
            moved = self._poll()
        except Exception as problem:
            if self.online:
                log.warning("Database out of reach: %s", problem)
                self.online = False
                self.link_lost.emit(str(problem).splitlines()[0] if str(problem) else "")
            return
        if not self.online:
            self.online = True
            self.link_back.emit()
            moved = True  # what happened meanwhile is unknown: reload
        if moved:
            self.changed.emit()
