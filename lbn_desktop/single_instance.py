"""One running app per data folder: a second start brings the first window forward and quits.

A lock file in the data folder (QLockFile, stale when its process died) says whether the app
runs; a local socket named after the folder carries the "come forward" request.
"""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, Signal, Slot
from PySide6.QtNetwork import QLocalServer, QLocalSocket

LOCK_NAME = "lbn-quartermaster.lock"
INSTALLER_MUTEX = "LBNQuartermasterRunning"  # packaging/lbn-quartermaster.iss AppMutex
RAISE = b"raise\n"


class SingleInstance(QObject):
    """Owns the lock and the local server; `raise_requested` when a second start knocks."""

    raise_requested = Signal()

    def __init__(self, data_dir: Path) -> None:
        super().__init__()
        data_dir.mkdir(parents=True, exist_ok=True)
        self._lock = QLockFile(str(data_dir / LOCK_NAME))
        folder = str(data_dir.resolve()).lower().encode()
        self.server_name = f"lbn-quartermaster-{hashlib.sha1(folder).hexdigest()[:16]}"
        self._server: QLocalServer | None = None

    def acquire(self) -> bool:
        """True when this is the only app on the folder (a dead app's lock is taken over)."""
        if not self._lock.tryLock(200):
            return False
        _hold_installer_mutex()
        return True

    def bring_forward_the_running_app(self) -> bool:
        """Ask the app that holds the folder to show its window; False if it did not answer."""
        socket = QLocalSocket()
        socket.connectToServer(self.server_name)
        if not socket.waitForConnected(2000):
            return False
        socket.write(RAISE)
        if socket.bytesToWrite():
            socket.waitForBytesWritten(2000)
        sent = socket.bytesToWrite() == 0
        socket.disconnectFromServer()
        return sent

    def listen(self, on_request: Callable[[], None]) -> None:
        """Call `on_request` (on the GUI thread) whenever a second start asks to come forward."""
        QLocalServer.removeServer(self.server_name)  # a socket left by a crashed app
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        server.listen(self.server_name)
        server.newConnection.connect(self._on_new_connection)
        self.raise_requested.connect(on_request)
        self._server = server

    @Slot()
    def _on_new_connection(self) -> None:
        server = self._server
        while server is not None and server.hasPendingConnections():
            connection = server.nextPendingConnection()
            # The socket is the server's child and goes with it; deleting it from Python while
            # its wrapper lives crashed PySide at interpreter exit.
            connection.readyRead.connect(self._on_knock)

    @Slot()
    def _on_knock(self) -> None:
        connection = self.sender()
        if isinstance(connection, QLocalSocket):
            connection.readAll()
            connection.disconnectFromServer()
        self.raise_requested.emit()

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
        self._lock.unlock()


def _hold_installer_mutex() -> None:
    """On Windows, a named mutex tells the installer to ask the app to close before upgrading."""
    if sys.platform != "win32":
        return
    import ctypes

    windll = getattr(ctypes, "windll", None)
    if windll is not None:  # the handle lives until the process ends
        windll.kernel32.CreateMutexW(None, False, INSTALLER_MUTEX)
