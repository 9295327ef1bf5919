"""Tells the quartermaster what needs action: at start and each morning while the app runs.

A banner across the top of the main window, plus a system-tray notification where the platform
has a tray (a tray message fades; the banner stays until it is read). Alerts are computed off
the GUI thread; this module only shows them.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QSizePolicy,
    QStyle,
    QSystemTrayIcon,
    QToolBar,
)

from models.alerts.rows import AlertRow, Severity
from models.services import Services
from ui.widgets.background import BackgroundTask

CHECK_EVERY_MS = 15 * 60 * 1000  # look at the clock every quarter of an hour
MORNING_HOUR = 7  # the daily notification comes at the first check from this hour on
START_DELAY_MS = 1500  # let the window and the start page appear first


def digest(alerts: list[AlertRow]) -> tuple[str, str]:
    """A title and a short message: how many, how urgent, the first few."""
    critical = sum(1 for a in alerts if a.severity is Severity.CRITICAL)
    warnings = sum(1 for a in alerts if a.severity is Severity.WARNING)
    title = f"{len(alerts)} alerts need action" if len(alerts) != 1 else "1 alert needs action"
    parts = [f"{critical} critical"] if critical else []
    if warnings:
        parts.append(f"{warnings} warning{'s' if warnings != 1 else ''}")
    top = "; ".join(f"{a.what} ({a.where})" for a in alerts[:3])
    return title, (", ".join(parts) + ": " if parts else "") + top


class Notifier(QObject):
    notified = Signal(str, str)  # title, message (as shown)

    def __init__(
        self,
        services: Services,
        window: QMainWindow,
        show_dashboard: Callable[[], None],
        *,
        use_tray: bool | None = None,
    ) -> None:
        super().__init__(window)
        self._services, self._window, self._show_dashboard = services, window, show_dashboard
        self._use_tray = QSystemTrayIcon.isSystemTrayAvailable() if use_tray is None else use_tray
        self._last_day: date | None = None
        self._task: BackgroundTask | None = None
        self.tray: QSystemTrayIcon | None = None
        self.banner: QToolBar | None = None
        self.banner_label: QLabel | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_EVERY_MS)
        self._timer.timeout.connect(self._on_tick)

    def start(self, delay_ms: int = START_DELAY_MS) -> None:
        QTimer.singleShot(delay_ms, self, self.check_now)  # cancelled if the window goes
        self._timer.start()

    @Slot()
    def _on_tick(self) -> None:
        now = self._services.clock.now()
        if now.date() != self._last_day and now.hour >= MORNING_HOUR:
            self.check_now()

    @Slot()
    def check_now(self) -> None:
        if self._task is not None and self._task.running:
            return
        self._last_day = self._services.clock.today()
        self._task = BackgroundTask(
            self._window,
            "Alerts",
            lambda _progress: self._services.alerts.list_alerts(),
            self._on_alerts,
            lambda _message: None,  # the dashboard shows the error; a notifier stays quiet
            show_dialog=False,
        ).start()

    def _on_alerts(self, alerts: list[AlertRow]) -> None:
        if not alerts:
            self.hide_banner()
            return
        title, message = digest(alerts)
        if self._use_tray:  # a tray message fades in seconds; the banner stays until read
            self._tray().showMessage(
                f"LBN Quartermaster: {title}", message, QSystemTrayIcon.MessageIcon.Warning
            )
        self._show_banner(title, message)
        self.notified.emit(title, message)

    def _tray(self) -> QSystemTrayIcon:
        if self.tray is None:
            icon = self._window.windowIcon()
            if icon.isNull():
                icon = self._window.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
            self.tray = QSystemTrayIcon(icon, self)
            self.tray.setToolTip("LBN Quartermaster")
            self.tray.messageClicked.connect(self._on_show)
            self.tray.activated.connect(self._on_show)
            self.tray.show()
        return self.tray

    def _show_banner(self, title: str, message: str) -> None:
        if self.banner is None:
            self.banner = QToolBar("Alerts")
            self.banner.setObjectName("alert-banner")
            self.banner.setMovable(False)
            self.banner.setStyleSheet("QToolBar { background: #ffe9c2; border: 0; }")
            self.banner_label = QLabel()
            self.banner_label.setStyleSheet("color: #1a1a1a; padding: 2px 6px;")
            # Wrapped and stretching: the text takes the toolbar's room, the buttons stay in view.
            self.banner_label.setWordWrap(True)
            self.banner_label.setSizePolicy(
                QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred
            )
            self.banner.addWidget(self.banner_label)
            show = QAction("Show on dashboard", self.banner)
            show.triggered.connect(self._on_show)
            dismiss = QAction("Dismiss", self.banner)
            dismiss.triggered.connect(self.hide_banner)
            self.banner.addAction(show)
            self.banner.addAction(dismiss)
            self._window.addToolBarBreak(Qt.ToolBarArea.TopToolBarArea)
            self._window.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.banner)
        assert self.banner_label is not None
        self.banner_label.setText(f"<b>{title}</b> — {message}")
        self.banner_label.setToolTip(message)
        self.banner.show()

    @Slot()
    def hide_banner(self) -> None:
        if self.banner is not None:
            self.banner.hide()

    @Slot()
    def _on_show(self) -> None:
        self.hide_banner()
        self._window.showNormal()
        self._window.raise_()
        self._window.activateWindow()
        self._show_dashboard()
