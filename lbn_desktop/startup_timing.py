"""Start-up milestones (window shown, first screen filled) for the benchmark and the smoke test.

Writes `name epoch-seconds` lines only when LBN_STARTUP_REPORT names a file; knows nothing of
screens beyond "the window has a page and no background work is left".
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QThreadPool, QTimer
from PySide6.QtWidgets import QMainWindow

REPORT_ENV = "LBN_STARTUP_REPORT"
POLL_MS = 5


def mark(name: str) -> None:
    """Record that a milestone was reached now (wall clock, so another process can compare)."""
    target = os.environ.get(REPORT_ENV)
    if target:
        with Path(target).open("a", encoding="utf-8") as report:
            report.write(f"{name} {time.time():.6f}\n")


def when_first_screen_filled(
    app: QCoreApplication, window: QMainWindow, then: Callable[[], None]
) -> QTimer:
    """Mark `filled` and call `then` once a screen is open and its loading work has finished."""
    quiet_polls = [0]
    timer = QTimer(window)

    def poll() -> None:
        app.processEvents()
        busy = QThreadPool.globalInstance().activeThreadCount() > 0
        opened = window.centralWidget() is not None and _page_open(window)
        quiet_polls[0] = 0 if busy or not opened else quiet_polls[0] + 1
        if quiet_polls[0] >= 2:  # twice in a row: the results of the last task were shown
            timer.stop()
            mark("filled")
            then()

    timer.timeout.connect(poll)
    timer.start(POLL_MS)
    return timer


def _page_open(window: QMainWindow) -> bool:
    current_page = getattr(window, "current_page", None)
    return current_page is not None and current_page() is not None
