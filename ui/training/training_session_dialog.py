"""Record (or correct) a training session: date, type, elements, trainer, attendees, notes.

Also prints the roll-call sign-in sheet from what is in the form, saved or not.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from models.common.errors import DomainError
from models.services import Services
from models.training.elements import ELEMENT_CODES, OD_ELEMENT, SessionKind, counts_for
from models.training.rows import SessionRow
from models.training.sign_in_sheet_pdf import sheet_for
from ui.training.attendee_picker import AttendeePicker
from ui.training.element_checklist import ElementChecklist
from ui.training.sign_in_sheet_printer import SignInSheetPrinter
from ui.widgets.error_label import error_label
from ui.widgets.screen_fit import fit_to_screen

DEFAULT_ELEMENTS: dict[SessionKind, tuple[str, ...]] = {
    SessionKind.LBN_ROLL_CALL: ELEMENT_CODES,
    SessionKind.OD_NALOXONE: (OD_ELEMENT,),
    SessionKind.REFRESHER: ELEMENT_CODES,
    SessionKind.OTHER: (),
}


class TrainingSessionDialog(QDialog):
    """Refusals (future date, nobody attending, notes with personal data) show in the dialog."""

    def __init__(
        self, services: Services, session: SessionRow | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Edit training session" if session else "Record training session")
        self._services = services
        self._session = session
        self.result_row: SessionRow | None = None
        self.printer = SignInSheetPrinter(services, self)
        people = services.training.list_personnel()
        attending = set(session.attendee_ids) if session else set()
        people = [p for p in people if p.active or p.id in attending]
        today = QDate(services.clock.today())
        self.held_on = QDateEdit(today)
        self.held_on.setCalendarPopup(True)
        self.held_on.setDisplayFormat("yyyy-MM-dd")
        self.held_on.setMaximumDate(today)
        self.kind = QComboBox()
        for kind in SessionKind:
            self.kind.addItem(kind.label, kind.value)
        self.trainer = QLineEdit()
        self.trainer.setPlaceholderText("who gave the training")
        self.trainer.setCompleter(QCompleter([p.name for p in people], self))
        self.elements = ElementChecklist()
        self.counts_label = QLabel()
        self.counts_label.setWordWrap(True)
        self.attendees = AttendeePicker(people)
        self.outside = QSpinBox()
        self.outside.setRange(0, 10_000)
        self.outside.setToolTip("Partners, other agencies or visitors not on the roster")
        self.notes = QPlainTextEdit()
        self.notes.setPlaceholderText("Program notes only; no recipient details.")
        self.notes.setMaximumHeight(70)
        self.error_label = error_label()
        self.sheet_button = QPushButton("Sign-in sheet…")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            "Save" if session else "Record"
        )
        self.buttons.addButton(self.sheet_button, QDialogButtonBox.ButtonRole.ActionRole)
        self._layout()
        self.kind.currentIndexChanged.connect(self._on_kind_changed)
        self.elements.changed.connect(self._show_counts)
        self.buttons.accepted.connect(self._on_accept)
        self.buttons.rejected.connect(self.reject)
        self.sheet_button.clicked.connect(self._on_sheet)
        if session is None:
            self._on_kind_changed()
        else:
            self._load(session)

    def _layout(self) -> None:
        form = QFormLayout()
        form.addRow("Date held", self.held_on)
        form.addRow("Type", self.kind)
        form.addRow("Trainer", self.trainer)
        left = QVBoxLayout()
        left.addLayout(form)
        left.addWidget(self.elements)
        left.addWidget(self.counts_label)
        left.addStretch(1)
        people_box = QGroupBox("Attendees from the roster")
        people_layout = QVBoxLayout(people_box)
        people_layout.addWidget(self.attendees, 1)
        outside_row = QFormLayout()
        outside_row.addRow("Outside attendees (headcount)", self.outside)
        people_layout.addLayout(outside_row)
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addWidget(people_box, 1)
        root = QVBoxLayout(self)
        root.addLayout(columns, 1)
        root.addWidget(QLabel("Notes"))
        root.addWidget(self.notes)
        root.addWidget(self.error_label)
        root.addWidget(self.buttons)
        fit_to_screen(self, 900, 600)

    def _load(self, session: SessionRow) -> None:
        self.held_on.setDate(QDate(session.held_on))
        self.kind.setCurrentIndex(self.kind.findData(session.kind))
        self.held_on.setEnabled(False)  # date and type decide training dates: record anew
        self.kind.setEnabled(False)
        self.trainer.setText(session.trainer or "")
        self.elements.set_codes(session.elements)
        self.attendees.set_ticked(session.attendee_ids)
        self.outside.setValue(session.outside_headcount)
        self.notes.setPlainText(session.notes or "")
        self._show_counts()

    def current_kind(self) -> SessionKind:
        return SessionKind(self.kind.currentData())

    @Slot()
    def _on_kind_changed(self) -> None:
        self.elements.set_codes(DEFAULT_ELEMENTS[self.current_kind()])
        self._show_counts()

    @Slot()
    def _show_counts(self) -> None:
        lbn, od = counts_for(self.current_kind(), self.elements.codes())
        dates = [t for t, on in (("LBN training", lbn), ("overdose/naloxone training", od)) if on]
        self.counts_label.setText(
            f"Attendees' {' and '.join(dates)} date{'s' if len(dates) > 1 else ''} will move to "
            "this session's date (never backwards)."
            if dates
            else "This session type does not change anyone's training dates."
        )

    @Slot()
    def _on_sheet(self) -> None:
        sheet = sheet_for(
            self.current_kind().label,
            self.held_on.date().toPython(),  # type: ignore[arg-type]
            self.trainer.text().strip() or None,
            self.elements.codes(),
            self.attendees.ticked_people(),
        )
        self.printer.show(sheet)

    @Slot()
    def _on_accept(self) -> None:
        values = {
            "elements": self.elements.codes(),
            "trainer": self.trainer.text(),
            "attendee_ids": self.attendees.ticked_ids(),
            "outside_headcount": self.outside.value(),
            "notes": self.notes.toPlainText(),
        }
        training = self._services.training
        try:
            if self._session is None:
                held_on = self.held_on.date().toPython()
                self.result_row = training.record_session(
                    held_on,  # type: ignore[arg-type]
                    self.current_kind().value,
                    **values,  # type: ignore[arg-type]
                )
            else:
                self.result_row = training.update_session(self._session.id, **values)  # type: ignore[arg-type]
        except DomainError as refusal:
            self.error_label.setText(str(refusal))
            return
        self.accept()
