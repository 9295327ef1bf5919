"""Vehicle readiness board: a green/amber/red tile per vehicle or bag with its restock pick,
and the rotation list for places with a dwell limit. Knows readiness rows, not the database.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, SignalInstance
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from models.alerts.rows import Readiness, ReadinessRow, RestockTask, RotationRow
from ui.widgets.row_table_model import RowColumn, RowTableModel
from ui.widgets.system_look import scaled_font

COLOURS = {
    Readiness.GREEN: ("#d7f0d2", "#2e7d32", "Ready"),
    Readiness.AMBER: ("#ffe9c2", "#b26a00", "Short or expiring"),
    Readiness.RED: ("#f8d0d0", "#b00020", "Not ready"),
    Readiness.UNSET: ("#eeeeee", "#757575", "No kit par level"),
}
TILE_WIDTH = 220

ROTATION_COLUMNS: list[RowColumn[RotationRow]] = [
    RowColumn("Rotate by", lambda r: f"{r.rotate_by:%Y-%m-%d}"),
    RowColumn("Days", lambda r: r.days_left, numeric=True),
    RowColumn("Where", lambda r: r.location_path),
    RowColumn("Product", lambda r: r.product_name),
    RowColumn("Lot", lambda r: r.lot_number),
    RowColumn("Qty", lambda r: r.quantity, numeric=True),
    RowColumn("Placed", lambda r: f"{r.placed_on:%Y-%m-%d}"),
    RowColumn(
        "Printed expiry", lambda r: f"{r.printed_expiry:%Y-%m-%d}" if r.printed_expiry else ""
    ),
]


# Board order: what needs a restock first, vehicles without a kit par level last.
URGENCY = {Readiness.RED: 0, Readiness.AMBER: 1, Readiness.GREEN: 2, Readiness.UNSET: 3}


def _pick_text(task: RestockTask) -> str:
    lines = [
        f"{p.quantity} × {p.lot_number} from {p.location_path.split(' / ')[-1]}" for p in task.picks
    ]
    if task.uncovered:
        lines.append(f"{task.uncovered} not in the station")
    return f"Restock {task.short} {task.product_name}: " + "; ".join(lines)


def _check_text(row: ReadinessRow) -> str:
    when = f"Checked {row.last_checked:%Y-%m-%d}" if row.last_checked else "Never checked"
    if row.check_overdue:
        return f"<span style='color:#b00020'><b>Check overdue</b>: {when.lower()}</span>"
    return when


class _Tile(QFrame):
    def __init__(
        self, row: ReadinessRow, on_restock: SignalInstance, on_check: SignalInstance
    ) -> None:
        super().__init__()
        background, ink, word = COLOURS[row.status]
        self.setObjectName("tile")
        self.setStyleSheet(
            f"#tile {{ background: {background}; border-left: 6px solid {ink};"
            " border-radius: 4px; } QLabel { color: #1a1a1a; }"
        )
        self.setFixedWidth(TILE_WIDTH)
        self.row = row
        title = QLabel(f"<b>{row.name}</b> <span style='color:{ink}'>● {word}</span>")
        station = QLabel(row.path.rsplit(" / ", 1)[0] if " / " in row.path else row.kind)
        station.setStyleSheet("color: #555;")
        kits = QLabel(
            f"{row.ready} of {row.required} kits ready" if row.required else f"{row.ready} kits"
        )
        kits.setFont(scaled_font(1.15))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 8, 8)
        layout.setSpacing(2)
        layout.addWidget(title)
        layout.addWidget(station)
        layout.addWidget(kits)
        if row.expiring_soon:
            layout.addWidget(QLabel(f"{row.expiring_soon} expire soon"))
        if row.earliest_expiry is not None:
            layout.addWidget(QLabel(f"Earliest expiry {row.earliest_expiry:%Y-%m-%d}"))
        self.check_label = QLabel(_check_text(row))
        self.check_label.setWordWrap(True)
        layout.addWidget(self.check_label)
        for task in row.tasks:
            text = QLabel(_pick_text(task))
            text.setWordWrap(True)
            layout.addWidget(text)
            if task.picks:
                button = QPushButton("Restock…")
                button.setToolTip("Open the transfer with the first-expiry-first-out lot")
                button.clicked.connect(lambda _=False, t=task: on_restock.emit(t))
                layout.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
        self.check_button = QPushButton("Vehicle check…")
        self.check_button.setToolTip("Check the kits on board: scan or tick each one")
        self.check_button.clicked.connect(lambda _=False, r=row: on_check.emit(r.location_id))
        layout.addWidget(self.check_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)


class ReadinessBoard(QWidget):
    restock_requested = Signal(object)  # RestockTask
    check_requested = Signal(int)  # location id of the vehicle to check

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[ReadinessRow] = []
        self.tiles: list[_Tile] = []
        self.summary = QLabel()
        self._grid_host = QWidget()
        self._grid = QGridLayout(self._grid_host)
        self._grid.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self._grid.setSpacing(8)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self._grid_host)
        self.rotation_model: RowTableModel[RotationRow] = RowTableModel(ROTATION_COLUMNS, self)
        self.rotation_table = QTableView()
        self.rotation_table.setModel(self.rotation_model)
        self.rotation_table.verticalHeader().hide()
        self.rotation_table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.rotation_label = QLabel()
        self.rotation_hint = QLabel(
            "Rotation list: no dwell limit applies (set one per kind of place in "
            "Settings → Alerts)."
        )
        self.rotation_hint.setStyleSheet("color: palette(placeholder-text);")
        rotation = self.rotation_pane = QWidget()
        box = QVBoxLayout(rotation)
        box.setContentsMargins(0, 4, 0, 0)
        box.addWidget(self.rotation_label)
        box.addWidget(self.rotation_table)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(scroll)
        self.splitter.addWidget(rotation)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.rotation_hint)

    def set_data(self, rows: list[ReadinessRow], rotation: list[RotationRow]) -> None:
        self.rows = sorted(rows, key=lambda r: URGENCY[r.status])  # not ready first
        for tile in self.tiles:
            tile.setParent(None)
            tile.deleteLater()
        self.tiles = [_Tile(r, self.restock_requested, self.check_requested) for r in self.rows]
        counts = {s: sum(1 for r in self.rows if r.status is s) for s in Readiness}
        self.summary.setText(
            "No vehicles or bags yet: add them in Settings → Locations."
            if not self.rows
            else f"{counts[Readiness.GREEN]} ready, {counts[Readiness.AMBER]} short or expiring, "
            f"{counts[Readiness.RED]} not ready"
            + (
                f", {counts[Readiness.UNSET]} without a kit par level (set one on the Kits screen)."
                if counts[Readiness.UNSET]
                else "."
            )
        )
        self._relayout()
        self.rotation_model.set_rows(rotation)
        self.rotation_label.setText(
            f"<b>Rotation list</b>: {len(rotation)} lots under a dwell limit, soonest first"
        )
        self.rotation_pane.setVisible(bool(rotation))
        self.rotation_hint.setVisible(not rotation)

    def _relayout(self) -> None:
        while self._grid.count():
            self._grid.takeAt(0)
        columns = max(1, (self.width() - 24) // (TILE_WIDTH + 8))
        for n, tile in enumerate(self.tiles):
            self._grid.addWidget(tile, n // columns, n % columns)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._relayout()
