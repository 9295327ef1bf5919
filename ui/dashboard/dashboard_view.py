"""Dashboard screen: what needs action this week, at a glance.

Figures, alerts, vehicle readiness and charts load off the GUI thread right after the screen
shows; other areas' alerts (reorders, refreshers, deadlines) follow in a second step so a slow
hook never holds up the stock figures.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from models.alerts.rows import (
    ActionKind,
    AlertRow,
    DashboardData,
    KitsAtPlace,
    ParGap,
    Readiness,
    RestockTask,
    sort_alerts,
)
from models.common.wording import counted
from models.services import Services
from ui.dashboard.alert_actions import open_action
from ui.dashboard.alert_list_widget import AlertListWidget
from ui.dashboard.dashboard_charts import DashboardCharts
from ui.dashboard.readiness_board import ReadinessBoard
from ui.widgets.background import BackgroundTask
from ui.widgets.page import Page
from ui.widgets.row_table_model import RowColumn, RowTableModel
from ui.widgets.system_look import scaled_font

KIT_COLUMNS: list[RowColumn[KitsAtPlace]] = [
    RowColumn("Where", lambda k: k.location_path),
    RowColumn("Ready", lambda k: k.ready, numeric=True),
    RowColumn("Expiring soon", lambda k: k.expiring, numeric=True),
    RowColumn("Expired", lambda k: k.expired, numeric=True),
    RowColumn("Par", lambda k: k.required or "", numeric=True),
]
GAP_COLUMNS: list[RowColumn[ParGap]] = [
    RowColumn("Below par", lambda g: g.location_path),
    RowColumn("Product", lambda g: g.product_name),
    RowColumn("Usable", lambda g: g.usable, numeric=True),
    RowColumn("Par", lambda g: g.par, numeric=True),
    RowColumn("Short", lambda g: g.short, numeric=True),
]


class _Card(QFrame):
    """One headline figure: a title, a big number, a line of detail."""

    def __init__(self, title: str) -> None:
        super().__init__()
        self.setObjectName("card")
        self.setStyleSheet(
            "#card { background: palette(base); border: 1px solid palette(mid);"
            " border-radius: 6px; }"
        )
        self.title = QLabel(title)
        self.title.setStyleSheet("color: palette(placeholder-text);")
        self.title.setFont(scaled_font(0.85))
        self.value = QLabel("…")
        self.value.setFont(scaled_font(1.7, bold=True))
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setFont(scaled_font(0.85))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(1)
        layout.addWidget(self.title)
        layout.addWidget(self.value)
        layout.addWidget(self.detail)

    def show_figure(self, value: str, detail: str) -> None:
        self.value.setText(value)
        self.detail.setText(detail)


def _table(model: RowTableModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.verticalHeader().hide()
    header = view.horizontalHeader()
    header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # keep the service's order
    view.setSortingEnabled(True)
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    return view


class DashboardView(Page):
    title = "Dashboard"
    loaded = Signal()  # figures and every area's alerts are on screen

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(services, parent)
        self.data: DashboardData | None = None
        self._task: BackgroundTask | None = None
        self._pending = False
        self.heading = QLabel("<b>Dashboard</b>")
        self.status = QLabel("Loading…")
        self.status.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.doses_card = _Card("Doses on hand")
        self.kits_card = _Card("Kits ready")
        self.par_card = _Card("Below par")
        self.distributions_card = _Card("Kits distributed this month")
        self.training_card = _Card("Personnel trained")
        self.checks_card = _Card("Vehicle checks")
        self.cards = [
            self.doses_card,
            self.kits_card,
            self.par_card,
            self.checks_card,
            self.distributions_card,
            self.training_card,
        ]
        self._card_grid = QGridLayout()
        self._card_grid.setSpacing(8)
        self.alert_list = AlertListWidget(services)
        self.board = ReadinessBoard()
        self.kits_model: RowTableModel[KitsAtPlace] = RowTableModel(KIT_COLUMNS, self)
        self.gaps_model: RowTableModel[ParGap] = RowTableModel(GAP_COLUMNS, self)
        self.charts = DashboardCharts()
        self.tabs = QTabWidget()
        self.tabs.addTab(self.alert_list, "Needs action")
        self.tabs.addTab(self.board, "Vehicle readiness")
        stock = QSplitter(Qt.Orientation.Vertical)
        stock.addWidget(_table(self.kits_model))
        stock.addWidget(_table(self.gaps_model))
        self.tabs.addTab(stock, "Kits and par levels")
        self.tabs.addTab(self.charts, "Charts")
        self._build_layout()
        self.alert_list.data_changed.connect(self._on_books_changed)
        self.alert_list.navigate_requested.connect(self._navigate)
        self.board.restock_requested.connect(self._on_restock)
        self.board.check_requested.connect(self._on_check)
        self.alert_list.check_requested.connect(self._on_check)

    def _build_layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addStretch(1)
        top.addWidget(self.status)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(self._card_grid)
        layout.addWidget(self.tabs, 1)
        self._place_cards(len(self.cards))

    def _place_cards(self, columns: int) -> None:
        while self._card_grid.count():
            self._card_grid.takeAt(0)
        for n, card in enumerate(self.cards):
            self._card_grid.addWidget(card, n // columns, n % columns)
        for column in range(len(self.cards)):
            self._card_grid.setColumnStretch(column, 1 if column < columns else 0)

    # --- loading ------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload off the GUI thread; a refresh asked for while loading runs after it."""
        if self._task is not None and self._task.running:
            self._pending = True
            return
        self.status.setText("Loading…")
        self._task = BackgroundTask(
            self,
            "Dashboard",
            lambda _progress: self._services.alerts.dashboard(),
            self._on_loaded,
            self._on_failed,
            show_dialog=False,
        ).start()

    def _on_loaded(self, data: DashboardData) -> None:
        self.data = data
        self._show(data)
        self.mark_filled()  # figures on screen; the slower area alerts follow
        self._task = BackgroundTask(
            self,
            "Alerts",
            lambda _progress: self._services.alerts.area_alerts(),
            self._on_area_alerts,
            self._on_failed,
            show_dialog=False,
        ).start()

    def _on_area_alerts(self, alerts: list[AlertRow]) -> None:
        if self.data is not None:
            self._show_alerts(sort_alerts([*self.data.alerts, *alerts]))
        self.status.setText(f"Updated {self._services.clock.now():%H:%M}")
        self._task = None
        self.loaded.emit()
        if self._pending:
            self._pending = False
            self.refresh()

    def _on_failed(self, message: str) -> None:
        self._task = None
        self.status.setText(f"Could not load the dashboard: {message}")

    # --- showing ------------------------------------------------------------------------

    def _show(self, data: DashboardData) -> None:
        s = data.summary
        self.heading.setText(f"<b>What needs action</b> — {s.today:%A %d %B %Y}")
        self.doses_card.show_figure(
            f"{s.doses_usable + s.doses_expiring}",
            # The big figure is every usable dose (as Inventory's "Usable" column); the
            # expiring ones are part of it, not beside it.
            f"usable, {s.doses_expiring} of them expire ≤ {s.expiring_window_days} d"
            f" · {s.doses_expired} expired on shelves"
            + (f" · {s.doses_quarantined} quarantined" if s.doses_quarantined else ""),
        )
        boards = [r for r in data.readiness if r.status is not Readiness.UNSET]
        ready = sum(1 for r in boards if r.status is Readiness.GREEN)
        self.kits_card.show_figure(
            f"{s.kits_ready}",
            f"{ready} of {len(boards)} vehicles and bags at par"
            if boards
            else "No kit par levels set for vehicles yet",
        )
        places = sorted({g.location_path.split(" / ")[-1] for g in s.below_par})
        self.par_card.show_figure(
            f"{len(places)} place{'' if len(places) == 1 else 's'}",
            ", ".join(places[:3]) + (" …" if len(places) > 3 else "")
            if places
            else "Every place holds its par level"
            if data.has_par_levels
            else "No par levels yet: set them in Settings → Locations",
        )
        self.distributions_card.show_figure(
            f"{s.distributions_this_month}",
            f"Last month {s.distributions_last_month} · {s.encounters_this_month} encounters"
            f" · {counted(s.administered_this_month, 'dose')} given on scene",
        )
        t = s.training
        self.training_card.show_figure(
            f"{t.percent_trained:.0f}%" if t.active_personnel else "—",
            f"{t.trained} of {t.active_personnel} active · {t.refreshers_due} refreshers due"
            + (f", {t.refreshers_overdue} overdue" if t.refreshers_overdue else "")
            if t.active_personnel
            else "No personnel recorded yet (Training screen)",
        )
        self._show_checks(data)
        self._show_alerts(list(data.alerts))
        self.board.set_data(list(data.readiness), list(data.rotation))
        self.kits_model.set_rows(list(s.kits))
        self.gaps_model.set_rows(list(s.below_par))
        self.charts.set_figures(list(s.expiring_by_month), list(s.distributed_by_month))
        red = sum(1 for r in data.readiness if r.status is Readiness.RED)
        self.tabs.setTabText(
            1, f"Vehicle readiness ({red} not ready)" if red else "Vehicle readiness"
        )

    def _show_checks(self, data: DashboardData) -> None:
        """Overdue vehicle checks under the 'every vehicle checked every N days' policy."""
        vehicles = [r for r in data.readiness if r.kind == "vehicle"]
        overdue = [r.name for r in vehicles if r.check_overdue]
        policy = data.vehicle_check_days
        if not vehicles:
            self.checks_card.show_figure("—", "No vehicles yet")
        elif not policy:
            self.checks_card.show_figure("—", "No check policy: set one in Settings → Alerts")
        else:
            self.checks_card.show_figure(
                f"{len(overdue)} overdue",
                ", ".join(overdue[:3]) + (" …" if len(overdue) > 3 else "")
                if overdue
                else f"All {counted(len(vehicles), 'vehicle')} checked on time",
            )

    def _show_alerts(self, alerts: list[AlertRow]) -> None:
        self.alert_list.set_alerts(alerts)
        self.tabs.setTabText(0, f"Needs action ({self.alert_list.open_count()})")

    # --- actions ------------------------------------------------------------------------

    def _on_books_changed(self) -> None:
        self.data_changed.emit()
        self.refresh()

    def _navigate(self, title: str) -> None:
        window = self.window()
        show_page = getattr(window, "show_page", None)
        if callable(show_page):
            show_page(title)
        else:
            self.status_message.emit(f"Open the {title} screen to do this.")

    def _on_restock(self, task: RestockTask) -> None:
        pick = task.picks[0]
        self.alert_list.active_dialog = open_action(
            self._services,
            self,
            ActionKind.TRANSFER,
            lot_id=pick.lot_id,
            location_id=pick.location_id,
            product_id=task.product_id,
            on_done=self._on_books_changed,
            navigate=self._navigate,
            to_location_id=task.location_id,
            quantity=pick.quantity,
        )

    def _on_check(self, location_id: int) -> None:
        """The vehicle check belongs to the Kits screen; open it there for this vehicle."""
        show_page = getattr(self.window(), "show_page", None)
        if not callable(show_page):
            self.status_message.emit("Open the Kits screen to check this vehicle.")
            return
        show_page("Kits").open_vehicle_check(location_id)
        self.refresh()

    def focus_search(self) -> None:
        self.tabs.setCurrentWidget(self.alert_list)
        self.alert_list.kind_filter.setFocus()
