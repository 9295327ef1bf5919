"""After-shift quick entry: one line per distribution, typed without the mouse.

Tab moves between fields, Enter anywhere saves the line and starts the next one with the same
date, place, ZIP, setting and relationship (remembered across sessions); refusals appear in red
under the line and nothing is saved. The save runs off the GUI thread, so a busy server never
freezes the window.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.common.dates import parse_day
from models.common.errors import DomainError, KeptOffline
from models.common.wording import noun
from models.distributions.categories import CategoryKind
from models.distributions.recording import COMMENT_LIMIT
from models.distributions.rows import DistributionEntry, DistributionRow, IssuePoint
from models.services import Services
from ui.distributions.outcome_tags import OutcomeTags
from ui.inventory.scanned_lot import scanned_kit_lot
from ui.widgets.background import BackgroundTask
from ui.widgets.editable_combo import editor_of
from ui.widgets.error_label import error_label
from ui.widgets.field_grid import FieldGrid
from ui.widgets.input_limits import limit_free_text
from ui.widgets.scan_catcher import ScanCatcher

SAVE_TEXT = "Save line (Enter)"
REMEMBERED = ("location", "zip", "setting", "relationship", "time_band")
ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
LINE_HEADERS = [
    "No.",
    "Date",
    "Kits",
    "From",
    "ZIP",
    "Setting",
    "Relationship",
    "Entered",
    "Status",
]


def _kept_or_saved(
    record: Callable[[DistributionEntry], DistributionRow], entry: DistributionEntry
) -> DistributionRow | KeptOffline:
    """Runs in the background: a line kept offline is an outcome, not a refusal."""
    try:
        return record(entry)
    except KeptOffline as kept:
        return kept


def point_label(point: IssuePoint) -> str:
    """Name and kits on board first: typing a letter finds the vehicle, and a narrow list
    still shows how many kits it holds; the station comes last."""
    *parents, name = point.path.split(" / ")
    where = f" · {' / '.join(parents)}" if parents else ""
    return f"{name} ({point.kits} kit{'' if point.kits == 1 else 's'}){where}"


class QuickEntryWidget(QWidget):
    distribution_recorded = Signal(object)  # DistributionRow

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.saved: list[DistributionRow] = []
        self._saving: BackgroundTask | None = None  # the line on its way to the database
        self._focus_before: QWidget | None = None
        self.date = QLineEdit(services.clock.today().isoformat())
        self.date.setPlaceholderText("YYYY-MM-DD, 1/14, y")
        self.date.setToolTip("2026-01-14, 1/14, 't' today, 'y' yesterday, '-2' two days ago")
        self.time_band = QComboBox()
        self.kits = QSpinBox()
        self.kits.setRange(1, 99)
        self.location = QComboBox()
        self.zip = QComboBox()
        self.zip.setEditable(True)
        self.zip.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        editor_of(self.zip).setMaxLength(10)
        editor_of(self.zip).setPlaceholderText("ZIP")
        self.setting = QComboBox()
        self.relationship = QComboBox()
        self.naloxone = QCheckBox("Naloxone given")
        self.naloxone.setToolTip("The responder administered naloxone at this encounter")
        self.services_offered = QCheckBox("Info offered")
        self.services_offered.setToolTip("Treatment / harm-reduction information was offered")
        self.outcomes = OutcomeTags()
        self.comment = limit_free_text(QLineEdit(), COMMENT_LIMIT)
        self.comment.setPlaceholderText("optional note — no names, phones or addresses")
        self.save_button = QPushButton(SAVE_TEXT)
        self.error_label = error_label()
        self.status_label = QLabel()
        self.status_label.setStyleSheet("color: #1b5e20;")
        self.lines = QTableWidget(0, len(LINE_HEADERS))
        self.lines.setHorizontalHeaderLabels(LINE_HEADERS)
        self.lines.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.lines.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.lines.verticalHeader().setVisible(False)
        self.lines.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.lines.horizontalHeader().setStretchLastSection(True)
        for combo in (self.time_band, self.location, self.setting, self.relationship):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(4)
        self._layout()
        for combo in (self.location, self.setting, self.relationship, self.time_band):
            # A narrow window cuts the text: the tooltip always shows the whole choice.
            combo.currentTextChanged.connect(lambda text, c=combo: c.setToolTip(text))
        self.reload_choices()
        for field in [*self._fields(), *self.outcomes.buttons.values()]:
            field.installEventFilter(self)
        editor_of(self.zip).installEventFilter(self)
        self.save_button.clicked.connect(self.save_line)
        ScanCatcher.install().register(self, self._on_scan)  # a kit label picks "From"

    def _on_scan(self, text: str) -> None:
        """A kit label: the kits are handed out from a place holding that kit lot."""
        kit_lot, problem = scanned_kit_lot(self._services, text)
        holding = [
            r.location_id
            for r in self._services.kits.list_kit_stock()
            if r.lot_number == kit_lot and r.quantity > 0 and not r.quarantined
        ]
        if kit_lot is not None and not holding:
            problem = f"No kits of kit lot {kit_lot} are on hand anywhere kits are handed out."
        if problem:
            self.error_label.setText(problem)
            return
        if self.location.currentData() not in holding:
            self._select(
                "location", next((h for h in holding if self.location.findData(h) >= 0), None)
            )
        self.error_label.clear()
        self.status_label.setText(f"Kit lot {kit_lot}: from {self.location.currentText()}.")

    def _fields(self) -> list[QWidget]:
        return [self.date, self.kits, self.location, self.zip, self.setting, self.relationship,
                self.time_band, self.naloxone, self.services_offered, self.comment]  # fmt: skip

    def _layout(self) -> None:
        titles = ["&Date", "&Kits", "&From", "&ZIP", "&Setting", "&Relationship", "&Time of day"]
        # Below ~1000 px the categories go to a second row, so "Deflection or diversion
        # program" and the vehicle's kit count stay readable in a 900-pixel window.
        self.field_grid = FieldGrid(
            list(zip(titles, self._fields()[:7], strict=True)),
            split=4,
            wide=1000,
            stretch=(2, 4, 5),
        )
        self.date.setMinimumWidth(self.date.fontMetrics().horizontalAdvance("2026-01-14") + 16)
        self.date.setMaximumWidth(self.date.minimumWidth() + 20)
        self.zip.setMinimumWidth(80)
        second = QHBoxLayout()
        second.addWidget(self.naloxone)
        second.addWidget(self.services_offered)
        second.addWidget(QLabel("&Comment"))
        second.itemAt(second.count() - 1).widget().setBuddy(self.comment)  # type: ignore[union-attr]
        second.addWidget(self.comment, 1)
        second.addWidget(self.save_button)
        root = QVBoxLayout(self)
        hint = QLabel(
            "One line per leave-behind. <b>Tab</b> moves between fields, <b>Enter</b> saves "
            "the line and starts the next with the same date, place, ZIP and categories."
        )
        hint.setWordWrap(True)
        root.addWidget(hint)
        root.addWidget(self.field_grid)
        root.addWidget(self.outcomes)
        root.addLayout(second)
        root.addWidget(self.error_label)
        root.addWidget(self.status_label)
        root.addWidget(QLabel("Latest entries, newest first (to spot a line entered twice)"))
        root.addWidget(self.lines, 1)
        for first, second_widget in zip(self._fields(), self._fields()[1:], strict=False):
            QWidget.setTabOrder(first, second_widget)

    # --- choices ------------------------------------------------------------------------

    def reload_choices(self) -> None:
        """Fill the lists from the services, keeping what is selected (or what was remembered)."""
        distributions = self._services.distributions
        wanted = {key: self._current(key) or self._remembered(key) for key in REMEMBERED}
        self._fill(self.time_band, [("—", ""), *self._categories(CategoryKind.TIME_BAND)])
        points = distributions.list_issue_points()
        self._fill(self.location, [(point_label(p), p.location_id) for p in points])
        zips = distributions.service_area_zips()
        zips += [z for z in distributions.recent_zips() if z not in zips]
        self.zip.blockSignals(True)
        self.zip.clear()
        self.zip.addItems(zips)
        self.zip.blockSignals(False)
        self._fill(self.setting, self._categories(CategoryKind.SETTING))
        self._fill(self.relationship, self._categories(CategoryKind.RELATIONSHIP))
        self._reload_outcomes()
        if wanted["location"] is None:  # first use: the first place that holds kits
            wanted["location"] = next((p.location_id for p in points if p.kits), None)
        for key, value in wanted.items():
            self._select(key, value)
        self._fill_latest()

    def _reload_outcomes(self) -> None:
        tags = [(str(label), str(code)) for label, code in self._categories(CategoryKind.OUTCOME)]
        if tags != [(b.text(), code) for code, b in self.outcomes.buttons.items()]:
            self.outcomes.set_tags(tags)
            for button in self.outcomes.buttons.values():
                button.installEventFilter(self)

    def _categories(self, kind: CategoryKind) -> list[tuple[str, object]]:
        return [
            (c.label, c.code)
            for c in self._services.distributions.list_categories(kind)
            if c.active
        ]

    @staticmethod
    def _fill(combo: QComboBox, items: list[tuple[str, object]]) -> None:
        combo.blockSignals(True)
        combo.clear()
        for text, data in items:
            combo.addItem(text, data)
        combo.blockSignals(False)

    def _combo(self, key: str) -> QComboBox:
        return {"location": self.location, "zip": self.zip, "setting": self.setting,
                "relationship": self.relationship, "time_band": self.time_band}[key]  # fmt: skip

    def _current(self, key: str) -> object:
        combo = self._combo(key)
        return combo.currentText().strip() if key == "zip" else combo.currentData()

    def _select(self, key: str, value: object) -> None:
        combo = self._combo(key)
        if key == "zip":
            combo.setEditText(str(value or combo.itemText(0)))  # the first service-area ZIP
            return
        index = combo.findData(value)
        if index >= 0:
            combo.setCurrentIndex(index)

    def _remembered(self, key: str) -> object:
        value = QSettings().value(f"distributions/quick_entry/{key}")
        return int(value) if key == "location" and value not in (None, "") else value

    # --- saving -------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        is_key = event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
        if is_key and event.key() in ENTER_KEYS:  # type: ignore[attr-defined]
            self.save_line()
            return True
        return super().eventFilter(watched, event)

    def entry(self) -> DistributionEntry:
        """The line as typed; the service checks every field."""
        return DistributionEntry(
            occurred_on=parse_day(self.date.text(), self._services.clock.today()),
            kits=self.kits.value(),
            location_id=self.location.currentData(),
            zip_code=self.zip.currentText(),
            setting=self.setting.currentData() or "",
            relationship=self.relationship.currentData() or "",
            naloxone_administered=self.naloxone.isChecked(),
            services_offered=self.services_offered.isChecked(),
            time_band=self.time_band.currentData() or None,
            comment=self.comment.text(),
            outcomes=self.outcomes.ticked(),
        )

    @property
    def saving(self) -> bool:
        return self._saving is not None

    @Slot()
    def save_line(self) -> None:
        """Save the line off the GUI thread: the window never freezes while the server is busy,
        the form waits ("Saving…"), and a refusal keeps what was typed."""
        if self._saving is not None:
            return  # Enter pressed again while the line is on its way: saved once
        try:
            entry = self.entry()
            if entry.location_id is None:
                raise DomainError("Add a vehicle or location first (Settings → Locations).")
        except DomainError as refusal:
            self._refused(str(refusal))
            return
        self._focus_before = QApplication.focusWidget()
        self._set_waiting(True)
        record = self._services.distributions.record_distribution
        self._saving = BackgroundTask(
            self, "Saving", lambda _progress: _kept_or_saved(record, entry),
            on_done=self._saved, on_error=self._refused, show_dialog=False,
        ).start()  # fmt: skip

    def _set_waiting(self, waiting: bool) -> None:
        for widget in [*self._fields(), self.outcomes, self.save_button]:
            widget.setEnabled(not waiting)
        self.save_button.setText("Saving…" if waiting else SAVE_TEXT)
        if waiting:
            self.error_label.clear()
            self.status_label.setText("Saving…")

    def _finished(self) -> None:
        self._saving = None
        self._set_waiting(False)

    def _refused(self, message: str) -> None:
        self._finished()
        self.error_label.setText(message)
        self.status_label.clear()
        if self._focus_before is not None and self._focus_before.isVisible():
            self._focus_before.setFocus()  # back where the person was typing

    def _saved(self, result: DistributionRow | KeptOffline) -> None:
        self._finished()
        if isinstance(result, KeptOffline):  # not a refusal: it waits on this PC for the server
            self.error_label.clear()
            self.status_label.setText(str(result))
            self.comment.clear()
            if self._focus_before is not None:
                self._focus_before.setFocus()
            return
        self._remember()
        self.saved.append(result)
        self.error_label.clear()
        self.status_label.setText(
            f"Saved no. {result.id}: {result.kits} {noun(result.kits, 'kit')} from "
            f"{result.location_path}, ZIP {result.zip_code}."
        )
        self._start_next_line()
        self.distribution_recorded.emit(result)

    def _remember(self) -> None:
        settings = QSettings()
        for key in REMEMBERED:
            settings.setValue(f"distributions/quick_entry/{key}", self._current(key))

    def _start_next_line(self) -> None:
        self.date.setText(parse_day(self.date.text(), self._services.clock.today()).isoformat())
        self.kits.setValue(1)
        self.naloxone.setChecked(False)
        self.services_offered.setChecked(False)
        self.outcomes.clear()
        self.comment.clear()
        self.reload_choices()  # kits left on each vehicle changed
        self.kits.setFocus()
        self.kits.selectAll()

    def _fill_latest(self) -> None:
        rows = self._services.distributions.list_recent(20)
        self.lines.setRowCount(len(rows))
        session = {r.id for r in self.saved}
        for r, row in enumerate(rows):
            note = "voided" if row.voided else ("this session" if row.id in session else "")
            values = [str(row.id), row.occurred_on.isoformat(), str(row.kits), row.location_path,
                      row.zip_code, row.setting_label, row.relationship_label,
                      f"{row.recorded_at:%Y-%m-%d %H:%M} {row.recorded_by}", note]  # fmt: skip
            for column, text in enumerate(values):
                self.lines.setItem(r, column, QTableWidgetItem(text))

    def focus_first_field(self) -> None:
        self.kits.setFocus()
        self.kits.selectAll()
