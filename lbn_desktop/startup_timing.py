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
            # Wall clock (comparable across processes) and this process's CPU seconds (which a
            # busy machine inflates far less than the wall clock).
            report.write(f"{name} {time.time():.6f} {time.process_time():.6f}\n")


def when_first_screen_filled(
    app: QCoreApplication, window: QMainWindow, then: Callable[[], None]
) -> QTimer:
    """Mark `filled` and call `then` once the start screen shows its figures."""
    quiet_polls = [0]
    timer = QTimer(window)

    def poll() -> None:
        app.processEvents()
        page = _current_page(window)
        busy = QThreadPool.globalInstance().activeThreadCount() > 0
        quiet_polls[0] = 0 if busy or page is None else quiet_polls[0] + 1
        # A screen that says it is filled is; another once no loading work is left (twice in
        # a row: the results of the last task were shown).
        if getattr(page, "filled", False) or quiet_polls[0] >= 2:
            timer.stop()
            mark("filled")
            then()

    timer.timeout.connect(poll)
    timer.start(POLL_MS)
    return timer


def _current_page(window: QMainWindow) -> object | None:
    current_page = getattr(window, "current_page", None)
    return current_page() if current_page is not None else None
