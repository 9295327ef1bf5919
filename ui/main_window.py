"""Main window: navigation between screens, menus, toolbar, status bar, remembered geometry.

Screens are imported and built on first visit so the window appears at once.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSettings, Qt, QTimer, Slot
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from models.services import Services
from ui.widgets.page import Page


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
# Stock actions of the Inventory screen, also offered in the Stock menu.
STOCK_MENU = ["receive", "transfer", "count", "quarantine", "dispose", "reverse", "history"]


class MainWindow(QMainWindow):
    def __init__(
        self, services: Services, log_path: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._log_path = log_path
        self._pages: dict[str, Page] = {}
        self._stale: set[str] = set()
        self._update_title()
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
        self.who = QLabel(f"User: {services.user}")
        self.statusBar().addPermanentWidget(self.who)
        self.statusBar().showMessage("Ready")
        self._build_actions()
        self.navigation.currentRowChanged.connect(self._on_navigate)
        self._restore_geometry()

    def _update_title(self) -> None:
        agency = self._services.settings.agency_name()
        self.setWindowTitle(f"LBN Quartermaster — {agency}" if agency else "LBN Quartermaster")

    # --- set-up -------------------------------------------------------------------------

    def _build_actions(self) -> None:
        self.refresh_action = QAction("&Refresh", self, shortcut=QKeySequence.StandardKey.Refresh)
        self.refresh_action.setShortcuts([QKeySequence("F5")])
        self.refresh_action.triggered.connect(self.refresh_current)
        self.find_action = QAction("&Find", self, shortcut=QKeySequence.StandardKey.Find)
        self.find_action.triggered.connect(
            lambda: self.current_page() and self.current_page().focus_search()
        )
        self.print_action = QAction("&Print…", self, shortcut=QKeySequence.StandardKey.Print)
        self.print_action.triggered.connect(self._on_print)
        self.receive_action = QAction("&Receive stock…", self, shortcut=QKeySequence("Ctrl+R"))
        self.receive_action.triggered.connect(self._on_receive)
        self.quit_action = QAction("&Quit", self, shortcut=QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        self.about_action = QAction("&About", self)
        self.about_action.triggered.connect(self._on_about)

        file_menu = self.menuBar().addMenu("&File")
        file_menu.addAction(self.receive_action)
        file_menu.addAction(self.print_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        stock_menu = self.menuBar().addMenu("&Stock")
        stock_menu.addAction(self.receive_action)
        self.stock_actions: dict[str, QAction] = {"receive": self.receive_action}
        for name in STOCK_MENU[1:]:
            action = QAction(f"{name.capitalize()}…", self)
            action.setStatusTip("Acts on the line selected in Inventory")
            action.triggered.connect(lambda _=False, n=name: self._on_stock_action(n))
            stock_menu.addAction(action)
            self.stock_actions[name] = action
        view_menu = self.menuBar().addMenu("&View")
        view_menu.addAction(self.refresh_action)
        view_menu.addAction(self.find_action)
        go_menu = self.menuBar().addMenu("&Go")
        for row, (title, _page_class) in enumerate(PAGES):
            action = QAction(title, self, shortcut=QKeySequence(f"Ctrl+{row + 1}"))
            action.triggered.connect(lambda _=False, r=row: self.navigation.setCurrentRow(r))
            go_menu.addAction(action)
        help_menu = self.menuBar().addMenu("&Help")
        help_menu.addAction(self.about_action)
        self.toolbar = self.addToolBar("Main")
        self.toolbar.setObjectName("main-toolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.toolbar.setMovable(False)
        self.toolbar.addAction(self.receive_action)
        self.toolbar.addAction(self.refresh_action)
        self.toolbar.addAction(self.find_action)
        self.toolbar.addAction(self.print_action)

    def start(self) -> None:
        """Called right after show(): open the start page once the window is on screen."""
        QTimer.singleShot(0, lambda: self.show_page(START_PAGE))
        from ui.dashboard.notifier import (
            Notifier,  # alerts at start and each morning (tray or banner)
        )

        self.notifier = Notifier(self._services, self, lambda: self.show_page("Dashboard"))
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
            page: Page = page_class(self._services, self)
            page.data_changed.connect(lambda t=title: self._on_data_changed(t))
            page.status_message.connect(lambda text: self.statusBar().showMessage(text, 8000))
            self._pages[title] = page
            self.stack.addWidget(page)
            self._stale.add(title)
        return self._pages[title]

    def current_page(self) -> Page | None:
        widget = self.stack.currentWidget()
        return widget if isinstance(widget, Page) else None

    @Slot(int)
    def _on_navigate(self, row: int) -> None:
        if row < 0:
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

    # --- actions ------------------------------------------------------------------------

    @Slot()
    def refresh_current(self) -> None:
        page = self.current_page()
        if page is not None:
            page.refresh()
            self.statusBar().showMessage("Refreshed", 3000)

    @Slot()
    def _on_print(self) -> None:
        page = self.current_page()
        if page is None or not page.print_page():
            self.statusBar().showMessage("Nothing to print on this screen; see Reports.", 5000)

    @Slot()
    def _on_receive(self) -> None:
        self._on_stock_action("receive")

    def _on_stock_action(self, name: str) -> None:
        inventory = self.show_page("Inventory")
        inventory.run_action(name)  # type: ignore[attr-defined]

    @Slot()
    def _on_about(self) -> None:
        QMessageBox.about(
            self,
            "About LBN Quartermaster",
            "<b>LBN Quartermaster</b><br>Supply side of a Leave-Behind Naloxone program."
            f"<br><br>Log file: {self._log_path or 'not written'}",
        )

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

    def closeEvent(self, event: QCloseEvent) -> None:
        settings = QSettings()
        settings.setValue("main_window/geometry", self.saveGeometry())
        settings.setValue("main_window/state", self.saveState())
        settings.setValue("main_window/splitter", self.splitter.saveState())
        super().closeEvent(event)
