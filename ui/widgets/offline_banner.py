"""The strip across the top of the window that says the server is out of reach, and what waits.

Knows only what it is told (online or not, entries waiting, refusals); not the database.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMessageBox,
    QSizePolicy,
    QToolBar,
    QWidget,
)

from models.common.wording import noun

OFFLINE_STYLE = "background: #fff3cd; color: #5c4400; padding: 6px; font-weight: bold;"


class OfflineBanner(QToolBar):
    def __init__(self, window: QMainWindow) -> None:
        super().__init__("Connection", window)
        self.setObjectName("connectionBanner")  # the window saves its toolbar layout by name
        self.setMovable(False)
        self.setFloatable(False)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setStyleSheet(OFFLINE_STYLE)
        # Across the whole window, not a narrow column of wrapped words.
        self.label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.addWidget(self.label)
        window.addToolBarBreak(Qt.ToolBarArea.TopToolBarArea)
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, self)
        self.offline = False
        self.waiting = 0
        self.refusals: QMessageBox | None = None
        self.hide()

    def show_offline(self, waiting: int) -> None:
        self.offline, self.waiting = True, waiting
        self._update()

    def show_online(self, waiting: int) -> None:
        self.offline, self.waiting = False, waiting
        self._update()

    def _update(self) -> None:
        kept = f" {self.waiting} {noun(self.waiting, 'entry')} wait on this PC."
        if self.offline:
            self.label.setText(
                "The database server cannot be reached. Showing the figures last loaded; "
                "quick entries and administrations you record are kept on this PC and sent "
                "when the connection is back." + (kept if self.waiting else "")
            )
        else:
            self.label.setText("Connection is back; sending what was kept." + kept)
        self.setVisible(self.offline or self.waiting > 0)

    def show_refused(self, parent: QWidget, reasons: list[str]) -> None:
        """Entries the server refused once it was back: shown, never dropped silently.

        Not modal: it opens from the connection timer, which must keep running.
        """
        self.refusals = QMessageBox(
            QMessageBox.Icon.Warning,
            "Entries typed offline were refused",
            "These entries were not recorded; they are kept in outbox_refused.jsonl in the "
            "data folder. Please record them again after fixing the cause:\n\n"
            + "\n".join(f"• {reason}" for reason in reasons),
            QMessageBox.StandardButton.Ok,
            parent,
        )
        self.refusals.open()
