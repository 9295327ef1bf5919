"""Main window: navigation between screens, menus, toolbar, status bar, remembered geometry.

Screens are imported and built on first visit so the window appears at once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, QTimer, Slot
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from ui.widgets.main_commands import MainCommands
from ui.widgets.menus import STOCK_MENU, build_menus, build_toolbar
from ui.widgets.page import Page
from ui.widgets.scan_catcher import ScanCatcher

if TYPE_CHECKING:
    from models.services import Services
from ui.widgets.view_state import keep_view_state


def _dashboard_page() -> type[Page]:
    from ui.dashboard.dashboard_view import DashboardView

    return DashboardView


def _inventory_page() -> type[Page]:
    from ui.inventory.inventory_view import InventoryView

    return InventoryView


def _kits_page() -> type[Page]:
    from ui.kits.kits_view import KitsView

    return KitsView


def _distributions_page() -> type[Page]:
    from ui.distributions.distributions_view import DistributionsView

    return DistributionsView


def _reorders_page() -> type[Page]:
    from ui.reorders.reorders_view import ReordersView

    return ReordersView


def _reports_page() -> type[Page]:
    from ui.reports.reports_view import ReportsView

    return ReportsView


def _training_page() -> type[Page]:
    from ui.training.training_view import TrainingView

    return TrainingView


def _settings_page() -> type[Page]:
    from ui.settings.settings_view import SettingsView

    return SettingsView


# (title, page class imported on first visit): the areas of the product, in navigation order.
PAGES: list[tuple[str, Callable[[], type[Page]]]] = [
    ("Dashboard", _dashboard_page),
    ("Inventory", _inventory_page),
    ("Kits", _kits_page),
    ("Distributions", _distributions_page),
    ("Reorders", _reorders_page),
    ("Reports", _reports_page),
    ("Training", _training_page),
    ("Settings", _settings_page),
]
START_PAGE = "Dashboard"


class MainWindow(QMainWindow):
    """Built without services, it shows at once as an empty frame; `attach` brings the data."""

    def __init__(
        self, services: Services | None = None, log_path: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._services: Services | None = None
        self.log_path = log_path
        self._pages: dict[str, Page] = {}
        self._stale: set[str] = set()
        self.setWindowTitle("LBN Quartermaster")
        self.navigation = QListWidget()
        self.navigation.setAccessibleName("Screens")
        self.navigation.setObjectName("navigation")
        self.navigation.setStyleSheet("QListWidget#navigation::item { padding: 5px 10px; }")
        for title, _page_class in PAGES:
            self.navigation.addItem(QListWidgetItem(title))
        width = max(self.navigation.sizeHintForColumn(0), 100) + 36
        self.navigation.setMinimumWidth(width)
        self.navigation.setMaximumWidth(width + 120)
        self.stack = QStackedWidget()
        self.splitter = QSplitter()
        self.splitter.setObjectName("main-splitter")
        self.splitter.addWidget(self.navigation)
        self.splitter.addWidget(self.stack)
        # The navigation keeps its width; all spare room goes to the screen (no gap between).
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setCollapsible(0, False)
        self.splitter.setCollapsible(1, False)
        self.splitter.setSizes([width, 10_000])
        self.setCentralWidget(self.splitter)
        self.who = QLabel()
        self.statusBar().addPermanentWidget(self.who)
        self.statusBar().showMessage("Opening the database…")
        self.commands = MainCommands(self)
        self._build_actions()
        self.navigation.currentRowChanged.connect(self._on_navigate)
        self._restore_geometry()
        ScanCatcher.install().register(self, self._on_scan)  # scans land here, never in a field
        if services is not None:
            self.attach(services)

    def _on_scan(self, text: str) -> None:
        if self._services is None:
            return  # the database is still opening
        page = self.current_page()
        if page is None or not page.handle_scan(text):
            self.show_page("Inventory").show_scan(text)  # type: ignore[attr-defined]

    @property
    def services(self) -> Services | None:
        return self._services

    def attach(self, services: Services) -> None:
        """The database is open: name the agency and user; screens can now be built."""
        self._services = services
        self.who.setText(f"User: {services.user}")
        self.statusBar().showMessage("Ready")
        self._update_title()

    def _update_title(self) -> None:
        assert self._services is not None
        agency = self._services.settings.agency_name()
        self.setWindowTitle(f"LBN Quartermaster — {agency}" if agency else "LBN Quartermaster")

    # --- set-up -------------------------------------------------------------------------

    def _build_actions(self) -> None:
        self.menu_actions = build_menus(
            self, self.commands, [title for title, _page_class in PAGES]
        )
        self.toolbar = build_toolbar(self, self.menu_actions)
        self.refresh_action = self.menu_actions["refresh"]
        self.find_action = self.menu_actions["find"]
        self.print_action = self.menu_actions["print"]
        self.receive_action = self.menu_actions["receive"]
        self.stock_actions = {n: self.menu_actions[n] for n in ["receive", *STOCK_MENU]}

    def start(self) -> None:
        """Called right after show(): open the start page once the window is on screen."""
        assert self._services is not None, "attach() the services first"
        QTimer.singleShot(0, lambda: self.show_page(START_PAGE))
        from ui.dashboard.notifier import (
            Notifier,  # alerts at start and each morning (tray or banner)
        )

        self.notifier = Notifier(self._services, self, lambda: self._show_dashboard())
        self.notifier.start()

    # --- navigation ---------------------------------------------------------------------

    def show_page(self, title: str) -> Page:
        row = [t for t, _page_class in PAGES].index(title)
        if self.navigation.currentRow() != row:
            self.navigation.setCurrentRow(row)
        else:
            self._on_navigate(row)
        return self._pages[title]

    def page(self, title: str) -> Page:
        if title not in self._pages:
            page_class = dict(PAGES)[title]()
            assert self._services is not None, "attach() the services before opening a screen"
            page: Page = page_class(self._services, self)
            page.data_changed.connect(lambda t=title: self._on_data_changed(t))
            page.status_message.connect(lambda text: self.statusBar().showMessage(text, 8000))
            self._pages[title] = page
            self.stack.addWidget(page)
            self._stale.add(title)
        return self._pages[title]

    def current_title(self) -> str:
        row = self.navigation.currentRow()
        return PAGES[row][0] if row >= 0 else START_PAGE

    def _show_dashboard(self) -> None:
        self.show_page("Dashboard")

    def current_page(self) -> Page | None:
        widget = self.stack.currentWidget()
        return widget if isinstance(widget, Page) else None

    @Slot(int)
    def _on_navigate(self, row: int) -> None:
        if row < 0 or self._services is None:  # not attached yet: start() opens the page
            return
        title = PAGES[row][0]
        page = self.page(title)
        self.stack.setCurrentWidget(page)
        if title in self._stale:
            self._stale.discard(title)
            page.refresh()

    def _on_data_changed(self, origin: str) -> None:
        self._stale.update(t for t in self._pages if t != origin)
        self._update_title()

    def refresh_after_change_elsewhere(self) -> None:
        """Another station committed something: reload the open screen, keeping the user's place."""
        self._stale.update(self._pages)
        page = self.current_page()
        if page is not None:
            self._stale.difference_update(t for t, p in self._pages.items() if p is page)
            keep_view_state(page, page.refresh)
        self._update_title()

    # --- actions ------------------------------------------------------------------------

    @Slot()
    def refresh_current(self) -> None:
        page = self.current_page()
        if page is not None:
            page.refresh()
            self.statusBar().showMessage("Refreshed", 3000)

    # --- geometry -----------------------------------------------------------------------

    def _restore_geometry(self) -> None:
        settings = QSettings()
        geometry = settings.value("main_window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
            self.restoreState(settings.value("main_window/state") or b"")
            splitter = settings.value("main_window/splitter")
            if splitter is not None:
                self.splitter.restoreState(splitter)
        else:
            self.resize(1200, 760)

    def show_as_remembered(self) -> None:
        """Show at the last size and place (maximized or not); the first time, maximized."""
        if QSettings().value("main_window/geometry") is None:
            self.showMaximized()
        else:
            self.show()

    def closeEvent(self, event: QCloseEvent) -> None:
        settings = QSettings()
        settings.setValue("main_window/geometry", self.saveGeometry())
        settings.setValue("main_window/state", self.saveState())
        settings.setValue("main_window/splitter", self.splitter.saveState())
        super().closeEvent(event)
