"""Runs slow work (reports, imports, big assemblies) off the GUI thread with a progress dialog.

The background function gets a `progress(done, total)` callback; it calls services and never
touches widgets. Results and refusals come back on the GUI thread.
"""

from __future__ import annotations

import logging
import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from models.common.errors import Cancelled, DomainError

log = logging.getLogger(__name__)
Progress = Callable[[int, int], None]


class _Signals(QObject):
    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(str, bool)  # message, is a domain refusal


class _Job(QRunnable):
    def __init__(self, work: Callable[[Progress], Any]) -> None:
        super().__init__()
        self.signals = _Signals()
        self._work = work
        self.cancel_requested = threading.Event()

    def _progress(self, done: int, total: int) -> None:
        # Raising inside the work's transaction rolls it back: a cancelled job wrote nothing.
        if self.cancel_requested.is_set():
            raise Cancelled("Cancelled: nothing was saved.")
        self.signals.progressed.emit(done, total)

    def run(self) -> None:
        try:
            result = self._work(self._progress)
        except DomainError as refusal:
            self.signals.failed.emit(str(refusal), True)
        except Exception as error:
            log.error("Background task failed\n%s", traceback.format_exc())
            self.signals.failed.emit(f"{type(error).__name__}: {error}", False)
        else:
            self.signals.succeeded.emit(result)


class BackgroundTask(QObject):
    """One piece of background work and its progress dialog; keep a reference while it runs."""

    finished = Signal(object)
    failed = Signal(str)

    def __init__(
        self,
        parent: QWidget,
        title: str,
        work: Callable[[Progress], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[str], None] | None = None,
        show_dialog: bool = True,
        cancellable: bool = False,
    ) -> None:
        super().__init__(parent)
        self._parent = parent
        self._on_done, self._on_error = on_done, on_error
        self._job = _Job(work)
        self._dialog: QProgressDialog | None = None
        if show_dialog:
            self._dialog = QProgressDialog(title, "Cancel", 0, 0, parent)
            self._dialog.setWindowTitle(title)
            self._dialog.setAutoReset(False)  # stays up until the work has really stopped
            if cancellable:
                self._dialog.canceled.connect(self._job.cancel_requested.set)
            else:
                self._dialog.setCancelButton(None)
            self._dialog.setWindowModality(Qt.WindowModality.WindowModal)
            self._dialog.setMinimumDuration(300)
        signals = self._job.signals
        signals.progressed.connect(self._on_progress)
        signals.succeeded.connect(self._on_succeeded)
        signals.failed.connect(self._on_failed)
        self.running = True

    def start(self) -> BackgroundTask:
        QThreadPool.globalInstance().start(self._job)
        return self

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        if self._dialog is not None:
            self._dialog.setMaximum(max(total, 0))
            self._dialog.setValue(min(done, total))

    def _close(self) -> None:
        self.running = False
        if self._dialog is not None:
            self._dialog.reset()
            self._dialog.close()

    @Slot(object)
    def _on_succeeded(self, result: object) -> None:
        self._close()
        if self._on_done is not None:
            self._on_done(result)
        self.finished.emit(result)

    @Slot(str, bool)
    def _on_failed(self, message: str, is_refusal: bool) -> None:
        self._close()
        if self._on_error is not None:
            self._on_error(message)
        else:
            title = "Not done" if is_refusal else "Something went wrong"
            QMessageBox.warning(self._parent, title, message)
        self.failed.emit(message)


def wait_for_background_work(timeout_ms: int = 10_000) -> bool:
    """At quit: let running work finish (its transaction commits or rolls back cleanly)."""
    return QThreadPool.globalInstance().waitForDone(timeout_ms)


def run_in_background(
    parent: QWidget,
    title: str,
    work: Callable[[Progress], Any],
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[str], None] | None = None,
    cancellable: bool = False,
) -> BackgroundTask:
    """`cancellable`: the progress dialog has Cancel; the work stops at its next progress call."""
    return BackgroundTask(parent, title, work, on_done, on_error, cancellable=cancellable).start()
