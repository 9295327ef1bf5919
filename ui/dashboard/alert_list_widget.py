"""The alert list: what needs action, with the step that resolves each alert, acknowledge,
snooze and reopen. Knows alert rows and the alert service, not how alerts are computed.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt, Signal, Slot
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from models.alerts.rows import ActionKind, AlertKind, AlertRow, AlertStatus
from models.common.errors import DomainError
from models.services import Services
from ui.dashboard.alert_actions import open_action
from ui.dashboard.alert_decision_dialog import AlertDecisionDialog
from ui.dashboard.alert_table_model import AlertTableModel

FIT_SAMPLE_ROWS = 60


class AlertListWidget(QWidget):
    navigate_requested = Signal(str)  # a page title of the main window
    check_requested = Signal(int)  # a vehicle whose check is overdue (Kits screen's dialog)
    data_changed = Signal()  # a decision was recorded or stock moved through an action

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._alerts: list[AlertRow] = []
        self.active_dialog: QDialog | None = None
        self.kind_filter = QComboBox()
        self.kind_filter.addItem("All alerts", None)
        for kind in AlertKind:
            self.kind_filter.addItem(kind.label, kind)
        self.show_decided = QCheckBox("Show acknowledged and snoozed")
        self.count_label = QLabel()
        self.model = AlertTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # most urgent first, as given
        self.table.setSortingEnabled(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        self.detail = QLabel("Select an alert to see what to do.")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.action_button = QPushButton("Resolve…")
        self.donate_button = QPushButton(ActionKind.DONATE.label)  # at risk: the other choice
        self.donate_button.setToolTip("Dispose of it as donated to a harm-reduction partner")
        self.acknowledge_button = QPushButton("Acknowledge…")
        self.snooze_button = QPushButton("Snooze…")
        self.reopen_button = QPushButton("Reopen")
        self._build_layout()
        self.kind_filter.currentIndexChanged.connect(self._show)
        self.show_decided.toggled.connect(self._show)
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        self.table.doubleClicked.connect(self._on_action)
        self.action_button.clicked.connect(self._on_action)
        self.donate_button.clicked.connect(lambda: self._start(ActionKind.DONATE))
        self.acknowledge_button.clicked.connect(lambda: self._decide(snooze=False))
        self.snooze_button.clicked.connect(lambda: self._decide(snooze=True))
        self.reopen_button.clicked.connect(self._on_reopen)
        self._on_selection()

    def _build_layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.kind_filter)
        top.addWidget(self.show_decided)
        top.addStretch(1)
        top.addWidget(self.count_label)
        buttons = QHBoxLayout()
        buttons.addWidget(self.action_button)
        buttons.addWidget(self.donate_button)
        buttons.addWidget(self.acknowledge_button)
        buttons.addWidget(self.snooze_button)
        buttons.addWidget(self.reopen_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)
        layout.addLayout(buttons)

    # --- data ---------------------------------------------------------------------------

    def set_alerts(self, alerts: list[AlertRow]) -> None:
        """Show these alerts (decided ones included; the checkbox filters), keep the selection."""
        self._alerts = list(alerts)
        self._show()

    def alerts(self) -> list[AlertRow]:
        return list(self._alerts)

    def open_count(self) -> int:
        return sum(1 for a in self._alerts if a.status is AlertStatus.OPEN)

    @Slot()
    def _show(self) -> None:
        selected = self.selected()
        kind = self.kind_filter.currentData()
        rows = [
            a
            for a in self._alerts
            if (kind is None or a.kind is kind)
            and (self.show_decided.isChecked() or a.status is AlertStatus.OPEN)
        ]
        self.model.set_rows(rows)
        decided = len(self._alerts) - self.open_count()
        self.count_label.setText(
            f"{self.open_count()} open"
            + (f", {decided} acknowledged or snoozed" if decided else "")
        )
        self._fit_columns()
        if selected is not None:
            self.select_key(selected.key)
        self._on_selection()

    def _fit_columns(self) -> None:
        header = self.table.horizontalHeader()
        # Widths from the rows in view and a sample, not every alert: a large agency has
        # thousands, and measuring them all took two seconds at start.
        header.setResizeContentsPrecision(FIT_SAMPLE_ROWS)
        for column in (0, 3, 4, 5):
            self.table.resizeColumnToContents(column)
        cap = max(120, self.table.viewport().width() // 4)
        wanted = max(self.table.sizeHintForColumn(2) + 12, header.sectionSizeHint(2))
        header.resizeSection(2, min(cap, wanted))  # never narrower than its title "Where"

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_columns()

    def select_key(self, key: str) -> bool:
        row = self.model.row_of(lambda a: a.key == key)
        if row < 0:
            return False
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        self.table.selectionModel().select(self.model.index(row, 0), flags)
        self.table.setCurrentIndex(self.model.index(row, 0))
        return True

    def selected(self) -> AlertRow | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.model.row_at(rows[0].row()) if rows else None

    # --- actions ------------------------------------------------------------------------

    @Slot()
    def _on_selection(self) -> None:
        alert = self.selected()
        for button in (
            self.action_button,
            self.donate_button,
            self.acknowledge_button,
            self.snooze_button,
        ):
            button.setEnabled(alert is not None and alert.status is AlertStatus.OPEN)
        self.donate_button.setVisible(
            alert is not None and alert.plan is not None and alert.action is ActionKind.TRANSFER
        )
        self.reopen_button.setEnabled(alert is not None and alert.status is not AlertStatus.OPEN)
        if alert is None:
            self.action_button.setText("Resolve…")
            self.detail.setText(
                "Select an alert to see what to do."
                if self.model.rowCount()
                else "Nothing needs action: no alert is open."
            )
            return
        self.action_button.setText(alert.action.label)
        note = f"<br><i>{alert.status.value.capitalize()}: {alert.status_note}</i>"
        self.detail.setText(
            f"<b>{alert.what}</b> — {alert.where}<br>{alert.detail}"
            + (note if alert.status is not AlertStatus.OPEN else "")
        )

    @Slot()
    def _on_action(self) -> None:
        self._start(None)

    def _start(self, action: ActionKind | None) -> None:
        alert = self.selected()
        if alert is None or alert.status is not AlertStatus.OPEN:
            return
        action = action or alert.action
        if action is ActionKind.VEHICLE_CHECK and alert.location_id is not None:
            self.check_requested.emit(alert.location_id)
            return
        self.active_dialog = open_action(
            self._services,
            self,
            action,
            lot_id=alert.lot_id,
            location_id=alert.location_id,
            product_id=alert.product_id,
            on_done=self.data_changed.emit,
            navigate=self.navigate_requested.emit,
            **self._presets(alert, action),
        )

    def _presets(self, alert: AlertRow, action: ActionKind) -> dict[str, Any]:
        """Where and how much: a restock names the vehicle short of stock; an at-risk alert
        the busier station to move to, or how much to donate to which partner."""
        if alert.plan is not None and action is ActionKind.DONATE:
            quantity = alert.plan.donate or alert.quantity
            return {"quantity": quantity, "note": alert.plan.donation_note}
        if alert.plan is not None:
            return {"to_location_id": alert.plan.move_to_station_id, "quantity": alert.plan.move}
        if alert.kind is not AlertKind.RESTOCK:
            return {}
        places = self._services.catalog.list_locations(include_inactive=False)
        target = next((p.id for p in places if p.path == alert.where), None)
        return {"to_location_id": target, "quantity": alert.quantity}

    def _decide(self, snooze: bool) -> None:
        alert = self.selected()
        if alert is None:
            return
        dialog = AlertDecisionDialog(self._services, alert, snooze, self)
        dialog.accepted.connect(self.data_changed.emit)
        self.active_dialog = dialog
        dialog.open()

    @Slot()
    def _on_reopen(self) -> None:
        alert = self.selected()
        if alert is None:
            return
        try:
            self._services.alerts.reopen(alert.key)
        except DomainError as refusal:
            self.detail.setText(str(refusal))
            return
        self.data_changed.emit()
