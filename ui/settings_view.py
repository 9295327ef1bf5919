"""Settings screen: one tab per area, each tab a widget in its own module, built on first view."""

from __future__ import annotations

import importlib

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from models.services import Services
from ui.page import Page

# (tab title, module, class). Each class: __init__(services, parent) and refresh().
TABS: list[tuple[str, str, str]] = [
    ("Agency", "ui.agency_settings_tab", "AgencySettingsTab"),
    ("Catalog", "ui.catalog_settings_tab", "CatalogSettingsTab"),
    ("Locations", "ui.locations_settings_tab", "LocationsSettingsTab"),
    ("Sources", "ui.sources_settings_tab", "SourcesSettingsTab"),
    ("Kits", "ui.kit_settings_tab", "KitSettingsTab"),
    ("Distributions", "ui.distribution_settings_tab", "DistributionSettingsTab"),
    ("Alerts", "ui.alert_settings_tab", "AlertSettingsTab"),
    ("Partners", "ui.partner_settings_tab", "PartnerSettingsTab"),
    ("Training", "ui.training_settings_tab", "TrainingSettingsTab"),
    ("Backups", "ui.backup_settings_tab", "BackupSettingsTab"),
]


class SettingsView(Page):
    title = "Settings"

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(services, parent)
        self.tabs = QTabWidget()
        self._built: dict[int, QWidget] = {}
        for title, _m, _c in TABS:
            self.tabs.addTab(QWidget(), title)
        QVBoxLayout(self).addWidget(self.tabs)
        self.tabs.currentChanged.connect(self._on_tab)

    def tab(self, title: str) -> QWidget:
        index = [t for t, _m, _c in TABS].index(title)
        if index not in self._built:
            _t, module, cls = TABS[index]
            widget = getattr(importlib.import_module(module), cls)(self._services, self)
            if hasattr(widget, "data_changed"):
                widget.data_changed.connect(self.data_changed)
            self._built[index] = widget
            current = self.tabs.currentIndex()
            self.tabs.blockSignals(True)
            self.tabs.removeTab(index)
            self.tabs.insertTab(index, widget, title)
            self.tabs.setCurrentIndex(current)
            self.tabs.blockSignals(False)
        return self._built[index]

    def show_tab(self, title: str) -> QWidget:
        widget = self.tab(title)
        self.tabs.setCurrentWidget(widget)
        widget.refresh()  # type: ignore[attr-defined]
        return widget

    def _on_tab(self, index: int) -> None:
        self.show_tab(TABS[index][0])

    def refresh(self) -> None:
        self.show_tab(TABS[max(self.tabs.currentIndex(), 0)][0])
