"""Locations settings tab (not built yet: it says so rather than pretend)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from models.services import Services


class LocationsSettingsTab(QWidget):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        label = QLabel("Locations settings are not available in this version yet.")
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        QVBoxLayout(self).addWidget(label)

    def refresh(self) -> None:
        """Nothing to reload yet."""
