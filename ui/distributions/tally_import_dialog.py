"""Tally sheet import: shows the column layout, writes a blank template, imports all or nothing.

The import runs in the background; when a row is bad, every bad row is listed with its reason
and nothing is imported.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.common.errors import DomainError
from models.common.wording import noun
from models.distributions.rows import ImportResult, TallyProblem
from models.distributions.tally_import import COLUMNS, TallyImportRefused, write_template
from models.services import Services
from ui.widgets.background import BackgroundTask, run_in_background
from ui.widgets.error_label import ERROR_STYLE
from ui.widgets.save_path import ask_save_path
from ui.widgets.screen_fit import fit_to_screen

FILE_FILTER = "Tally sheets (*.csv *.xlsx)"


def _table(headers: list[str], rows: list[list[str]]) -> QTableWidget:
    table = QTableWidget(len(rows), len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    for r, values in enumerate(rows):
        for c, text in enumerate(values):
            table.setItem(r, c, QTableWidgetItem(text))
    return table


class TallyImportDialog(QDialog):
    import_finished = Signal(object)  # ImportResult, or the list of TallyProblem

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Import a tally sheet")
        self._services = services
        self._task: BackgroundTask | None = None
        self.imported: ImportResult | None = None
        intro = QLabel(
            "A tally sheet is a .csv or .xlsx file with a header row and one row per "
            "leave-behind. Columns may come in any order; headers are matched without regard "
            "to case. Any other column (such as a name) refuses the file. If any row is wrong, "
            "<b>nothing</b> is imported and each bad row is listed below with its reason."
        )
        intro.setWordWrap(True)
        layout_rows = [[c.title, "yes" if c.required else "no", c.accepts] for c in COLUMNS]
        self.layout_table = _table(["Column", "Required", "What it holds"], layout_rows)
        self.layout_table.setAccessibleName("Tally sheet columns")
        self.template_button = QPushButton("Save a blank template…")
        self.import_button = QPushButton("Choose a file and import…")
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.problems = _table(["Line", "Why it was refused"], [])
        self.problems.setAccessibleName("Refused lines")
        self.problems.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        actions = QHBoxLayout()
        actions.addWidget(self.template_button)
        actions.addStretch(1)
        actions.addWidget(self.import_button)
        root = QVBoxLayout(self)
        root.addWidget(intro)
        root.addWidget(self.layout_table, 2)
        root.addLayout(actions)
        root.addWidget(self.result_label)
        root.addWidget(self.problems, 1)
        root.addWidget(buttons)
        self.template_button.clicked.connect(self._on_template)
        self.import_button.clicked.connect(self._on_import)
        buttons.rejected.connect(self.reject)
        fit_to_screen(self, 760, 600)

    @Slot()
    def _on_template(self) -> None:
        name = ask_save_path(
            self, "tally", "Save a blank tally sheet", "tally-sheet.xlsx", FILE_FILTER
        )
        if name:
            write_template(name)
            self.result_label.setText(f"Blank tally sheet saved as {name}.")

    @Slot()
    def _on_import(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "Import a tally sheet", "", FILE_FILTER)
        if name:
            self.import_file(Path(name))

    def import_file(self, path: Path) -> None:
        """Run the import off the GUI thread; the outcome arrives in `_on_done`."""
        distributions = self._services.distributions

        def work(progress):
            try:
                return distributions.import_tally(path, progress)
            except TallyImportRefused as refused:
                return refused.problems

        self.import_button.setEnabled(False)
        self.result_label.setText(f"Importing {path.name}…")
        self._task = run_in_background(
            self, "Importing the tally sheet", work, self._on_done, self._on_error, cancellable=True
        )

    def _on_done(self, outcome: ImportResult | list[TallyProblem]) -> None:
        self.import_button.setEnabled(True)
        if isinstance(outcome, ImportResult):
            self.imported = outcome
            self.problems.hide()
            self.result_label.setStyleSheet("color: #1b5e20; font-weight: bold;")
            self.result_label.setText(
                f"Imported {outcome.distributions} {noun(outcome.distributions, 'distribution')}, "
                f"{outcome.kits} {noun(outcome.kits, 'kit')}, "
                f"dated {outcome.first_date:%Y-%m-%d} to {outcome.last_date:%Y-%m-%d}."
            )
        else:
            self._show_problems(outcome)
        self.import_finished.emit(outcome)

    def _show_problems(self, problems: list[TallyProblem]) -> None:
        self.result_label.setStyleSheet(ERROR_STYLE)
        self.result_label.setText(
            f"Nothing was imported: {len(problems)} row(s) need correcting. "
            "Fix them in the file and import it again."
        )
        self.problems.setRowCount(len(problems))
        for r, problem in enumerate(problems):
            self.problems.setItem(r, 0, QTableWidgetItem(str(problem.line)))
            self.problems.setItem(r, 1, QTableWidgetItem(problem.reason))
        self.problems.show()

    def _on_error(self, message: str) -> None:
        self.import_button.setEnabled(True)
        self.problems.hide()
        self.result_label.setStyleSheet(ERROR_STYLE)
        self.result_label.setText(f"Nothing was imported: {message}")
        self.import_finished.emit(DomainError(message))
