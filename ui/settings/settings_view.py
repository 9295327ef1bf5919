"""Settings screen: one tab per area, each tab a widget in its own module, built on first view."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from models.services import Services
from ui.widgets.page import Page
from ui.widgets.screen_fit import scrollable


def _agency_tab() -> type[QWidget]:
    from ui.settings.agency_settings_tab import AgencySettingsTab

    return AgencySettingsTab


def _catalog_tab() -> type[QWidget]:
    from ui.settings.catalog_settings_tab import CatalogSettingsTab

    return CatalogSettingsTab


def _locations_tab() -> type[QWidget]:
    from ui.settings.locations_settings_tab import LocationsSettingsTab

    return LocationsSettingsTab


def _sources_tab() -> type[QWidget]:
    from ui.settings.sources_settings_tab import SourcesSettingsTab

    return SourcesSettingsTab


def _kits_tab() -> type[QWidget]:
    from ui.settings.kit_settings_tab import KitSettingsTab

    return KitSettingsTab


def _distributions_tab() -> type[QWidget]:
    from ui.settings.distribution_settings_tab import DistributionSettingsTab

    return DistributionSettingsTab


def _alerts_tab() -> type[QWidget]:
    from ui.settings.alert_settings_tab import AlertSettingsTab

    return AlertSettingsTab


def _partners_tab() -> type[QWidget]:
    from ui.settings.partner_settings_tab import PartnerSettingsTab

    return PartnerSettingsTab


def _training_tab() -> type[QWidget]:
    from ui.settings.training_settings_tab import TrainingSettingsTab

    return TrainingSettingsTab


def _backups_tab() -> type[QWidget]:
    from ui.settings.backup_settings_tab import BackupSettingsTab

    return BackupSettingsTab


# (tab title, tab class imported on first visit). Each class: __init__(services, parent), refresh().
TABS: list[tuple[str, Callable[[], type[QWidget]]]] = [
    ("Agency", _agency_tab),
    ("Catalog", _catalog_tab),
    ("Locations", _locations_tab),
    ("Sources", _sources_tab),
    ("Kits", _kits_tab),
    ("Distributions", _distributions_tab),
    ("Alerts", _alerts_tab),
    ("Partners", _partners_tab),
    ("Training", _training_tab),
    ("Backups", _backups_tab),
]


class SettingsView(Page):
    title = "Settings"

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(services, parent)
        self.tabs = QTabWidget()
        self._built: dict[int, QWidget] = {}
        for title, _tab_class in TABS:
            self.tabs.addTab(QWidget(), title)
        QVBoxLayout(self).addWidget(self.tabs)
        self.tabs.currentChanged.connect(self._on_tab)

    def tab(self, title: str) -> QWidget:
        index = [t for t, _tab_class in TABS].index(title)
        if index not in self._built:
            tab_class: Any = TABS[index][1]()  # every tab takes (services, parent)
            widget = tab_class(self._services, self)
            if hasattr(widget, "data_changed"):
                widget.data_changed.connect(self.data_changed)
            self._built[index] = widget
            current = self.tabs.currentIndex()
            self.tabs.blockSignals(True)
            self.tabs.removeTab(index)
            self.tabs.insertTab(index, scrollable(widget), title)  # fits a 600-pixel screen
            self.tabs.setCurrentIndex(current)
            self.tabs.blockSignals(False)
        return self._built[index]

    def show_tab(self, title: str) -> QWidget:
        widget = self.tab(title)
        self.tabs.setCurrentIndex([t for t, _tab_class in TABS].index(title))
        widget.refresh()  # type: ignore[attr-defined]
        return widget

    def _on_tab(self, index: int) -> None:
        self.show_tab(TABS[index][0])

    def refresh(self) -> None:
        self.show_tab(TABS[max(self.tabs.currentIndex(), 0)][0])
