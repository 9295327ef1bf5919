"""New request dialog: pick the source, check the suggested packages, create draft(s).

Suggestions stay within the sources' allocation caps: when the first source's cap is below a
quantity, the rest goes to the next source (chosen automatically, one draft each), and what no
cap allows is left out and said so. The split and the reason for each quantity are shown
before anything is written.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.common.errors import DomainError
from models.common.settings import AGENCY_ADDRESS
from models.common.wording import counted, noun
from models.reorders.calc import split_packages
from models.reorders.drafting import cap_total, quantity_reason
from models.reorders.rows import DraftLine, ProposalLine, ReorderRow
from models.services import Services
from models.stock.rows import SourceRow
from ui.widgets.error_label import ERROR_STYLE
from ui.widgets.input_limits import limit_free_text
from ui.widgets.screen_fit import fit_to_screen

HEADERS = ["Item", "Calculated", "Packages to request", "Units", "Basis", "Why this quantity"]
WHY_COLUMN = 5


class ReorderRequestDialog(QDialog):
    def __init__(
        self,
        services: Services,
        parent: QWidget | None = None,
        *,
        source_id: int | None = None,
        station_id: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("New request to a source")
        self._services = services
        self._lines: list[ProposalLine] = []
        self._suggested: list[int] = []  # packages suggested per row, within the caps
        self._loading = False
        self._sources = {x.id: x for x in services.catalog.list_sources(active_only=True)}
        self.result_reorders: list[ReorderRow] = []
        self.source = QComboBox()
        self.overflow = QComboBox()
        for row in self._sources.values():
            self.source.addItem(row.name, row.id)
        self.station = QComboBox()
        self.station.addItem("All stations", None)
        for place in services.catalog.list_locations(include_inactive=False):
            if place.kind == "station":
                self.station.addItem(place.name, place.id)
        self.source.setCurrentIndex(max(0, self.source.findData(source_id)))
        self.station.setCurrentIndex(max(0, self.station.findData(station_id)))
        self.ship_to = QPlainTextEdit()
        self.ship_to.setFixedHeight(58)
        self.contact = QLineEdit(services.reorders.default_contact())
        self.contact.setPlaceholderText("who the source calls about this request")
        self.note = limit_free_text(QLineEdit())
        self.trained = QCheckBox("Include the number of trained personnel")
        self.table = QTableWidget(0, len(HEADERS))
        self.table.setAccessibleName("Request lines")
        self.table.setHorizontalHeaderLabels(HEADERS)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.split_label = QLabel()
        self.split_label.setWordWrap(True)
        self.error_label = QLabel()
        self.error_label.setObjectName("error")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Create draft")
        self._layout()
        self.source.currentIndexChanged.connect(self._on_source_changed)
        self.station.currentIndexChanged.connect(self._on_station_changed)
        self.overflow.currentIndexChanged.connect(self._on_overflow_changed)
        self.buttons.accepted.connect(self._on_accept)
        self.buttons.rejected.connect(self.reject)
        self._loading = True
        self._on_source_changed()
        self._on_station_changed()
        self._loading = False
        self._load_lines()

    def _layout(self) -> None:
        form = QFormLayout()
        form.addRow("Ask", self.source)
        form.addRow("Beyond its cap, ask", self.overflow)
        form.addRow("Stock of / ship to", self.station)
        form.addRow("Ship-to address", self.ship_to)
        form.addRow("Contact", self.contact)
        form.addRow("Note", self.note)
        form.addRow("", self.trained)
        hint = QLabel(
            "Suggested packages come from the stock position (maximum − usable − on order, "
            "rounded up to whole packages), within the sources' allocation caps. Change any "
            "quantity; 0 leaves the item out."
        )
        hint.setWordWrap(True)
        root = QVBoxLayout(self)
        root.addLayout(form)
        root.addWidget(hint)
        root.addWidget(self.table, 1)
        root.addWidget(self.split_label)
        root.addWidget(self.error_label)
        root.addWidget(self.buttons)
        fit_to_screen(self, 760, 620)

    def _source(self) -> SourceRow | None:
        return self._sources.get(self.source.currentData())

    @Slot()
    def _on_source_changed(self) -> None:
        current = self.source.currentData()
        self.overflow.blockSignals(True)
        self.overflow.clear()
        self.overflow.addItem("(nobody: stay within the cap)", None)
        others = [row for row in self._sources.values() if row.id != current]
        for row in others:
            self.overflow.addItem(row.name, row.id)
        if others:  # the next source takes what the first may not send: the roomiest one
            roomiest = max(others, key=lambda x: x.allocation_cap_packages or 10**9)
            self.overflow.setCurrentIndex(self.overflow.findData(roomiest.id))
        self.overflow.blockSignals(False)
        if current is not None:
            self.trained.setChecked(self._services.reorders.asks_trained_count(current))
        self._load_lines()

    @Slot()
    def _on_station_changed(self) -> None:
        address = self._services.settings.get(AGENCY_ADDRESS)
        station = self.station.currentData()
        lines = [self._services.settings.agency_name(), str(address)]
        if station is not None:
            lines.append(f"Attn: {self.station.currentText()}")
        self.ship_to.setPlainText("\n".join(x for x in lines if x))
        self._load_lines()

    def _load_lines(self) -> None:
        if self._loading:
            return
        try:
            proposal = self._services.reorders.propose(
                source_id=self.source.currentData(), station_id=self.station.currentData()
            )
        except DomainError as refusal:
            self.error_label.setText(str(refusal))
            return
        self._lines = list(proposal.lines)
        self._suggested = [self._within_caps(line.result.packages) for line in self._lines]
        self.table.clearContents()
        self.table.setRowCount(0)
        self.table.setRowCount(len(self._lines))
        for row, line in enumerate(self._lines):
            r = line.result
            suggested = counted(r.packages, line.package_name) if r.packages else "—"
            texts = [line.label, suggested, "", "", r.basis]
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(row, column, item)
            spin = QSpinBox()
            spin.setRange(0, 100_000)
            spin.setValue(self._suggested[row])
            spin.valueChanged.connect(lambda _v, i=row: self._on_packages(i))
            self.table.setCellWidget(row, 2, spin)
            self._on_packages(row)
        self.table.resizeColumnsToContents()
        self._update_split()

    def _caps(self) -> list[tuple[str, int | None]]:
        chosen = [self._source(), self._sources.get(self.overflow.currentData())]
        return [(x.name, x.allocation_cap_packages) for x in chosen if x is not None]

    def _within_caps(self, packages: int) -> int:
        total = cap_total(self._caps())
        return packages if total is None else min(packages, total)

    @Slot()
    def _on_overflow_changed(self) -> None:
        """Re-suggest within the new caps; a quantity the quartermaster typed is kept."""
        for row, line in enumerate(self._lines):
            suggestion = self._within_caps(line.result.packages)
            if self._spin(row).value() == self._suggested[row]:
                self._suggested[row] = suggestion
                self._spin(row).setValue(suggestion)
            self._suggested[row] = suggestion
        self._update_split()

    def _spin(self, row: int) -> QSpinBox:
        widget = self.table.cellWidget(row, 2)
        assert isinstance(widget, QSpinBox)
        return widget

    def _on_packages(self, row: int) -> None:
        line = self._lines[row]
        packages = self._spin(row).value()
        self._spin(row).setSuffix(" " + noun(packages, line.package_name))
        units = self.table.item(row, 3)
        if units is not None:
            units.setText(counted(packages * line.units_per_package, line.unit))
        why = (
            quantity_reason(line, packages, self._caps())
            if packages or line.result.packages
            else ""
        )
        item = QTableWidgetItem(why)
        item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
        self.table.setItem(row, WHY_COLUMN, item)
        self._update_split()

    def set_packages(self, label: str, packages: int) -> None:
        """Set the packages of the item called `label` (keyboard users and tests)."""
        row = next(i for i, x in enumerate(self._lines) if x.label == label)
        self._spin(row).setValue(packages)

    def draft_lines(self) -> list[DraftLine]:
        return [
            DraftLine(line.product_id, line.group, self._spin(row).value())
            for row, line in enumerate(self._lines)
            if self._spin(row).value()
        ]

    @Slot()
    def _update_split(self) -> None:
        source = self._source()
        if source is None:
            self.split_label.setText("Add a source first (Settings → Sources).")
            return
        caps = self._caps()
        notes = []
        for row, line in enumerate(self._lines):
            packages = self._spin(row).value() if self.table.cellWidget(row, 2) else 0
            shares, left = split_packages(packages, caps)
            if len(shares) > 1 or left:
                parts = ", ".join(f"{n} from {name}" for name, n in shares)
                text = f"{line.label}: {parts}"
                notes.append(text + (f"; {left} over every cap: lower it" if left else "") + ".")
            elif line.result.packages > self._suggested[row] == packages:
                notes.append(
                    f"{line.label}: {packages} of the calculated {line.result.packages} "
                    "(the caps allow no more)."
                )
        cap = source.allocation_cap_packages
        head = f"{source.name} sends at most {counted(cap, 'package')} per item." if cap else ""
        self.split_label.setText(" ".join([head, *notes]).strip())

    @Slot()
    def _on_accept(self) -> None:
        ids = [self.source.currentData(), self.overflow.currentData()]
        try:
            self.result_reorders = self._services.reorders.create_reorders(
                [i for i in ids if i is not None],
                self.draft_lines(),
                station_id=self.station.currentData(),
                ship_to=self.ship_to.toPlainText(),
                contact=self.contact.text(),
                note=self.note.text(),
                include_trained_count=self.trained.isChecked(),
            )
        except DomainError as refusal:
            self.error_label.setText(str(refusal))
            return
        self.accept()
