"""Training screen: personnel trained at a glance, then roster, sessions, feedback and figures."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from models.services import Services
from ui.training.training_feedback_tab import FeedbackTab
from ui.training.training_figures_tab import TrainingFiguresTab
from ui.training.training_roster_tab import RosterTab
from ui.training.training_sessions_tab import SessionsTab
from ui.widgets.page import Page


class TrainingView(Page):
    title = "Training"

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(services, parent)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.roster = RosterTab(services)
        self.sessions = SessionsTab(services)
        self.feedback = FeedbackTab(services)
        self.figures = TrainingFiguresTab(services)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.roster, "Roster")
        self.tabs.addTab(self.sessions, "Sessions")
        self.tabs.addTab(self.feedback, "Feedback")
        self.tabs.addTab(self.figures, "Figures")
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        for tab in (self.roster, self.sessions, self.feedback):
            tab.data_changed.connect(self._on_tab_changed)

    def refresh(self) -> None:
        training = self._services.training
        summary = training.summary()
        quarter = training.sessions_per_quarter(1)[0]
        sessions = quarter.figures.sessions
        self.summary.setText(
            f"<b>{summary.trained}</b> of {summary.active_personnel} active personnel trained "
            f"(<b>{summary.percent_trained:.0f}%</b>) &nbsp;·&nbsp; "
            f"<span style='color:#b00020'><b>{summary.refreshers_overdue}</b> overdue</span>"
            f" &nbsp;·&nbsp; <b>{summary.refreshers_due}</b> refreshers due soon &nbsp;·&nbsp; "
            f"<b>{sessions}</b> session{'' if sessions == 1 else 's'} in {quarter.label}"
        )
        for tab in (self.roster, self.sessions, self.feedback, self.figures):
            tab.refresh()

    def focus_search(self) -> None:
        widget = self.tabs.currentWidget()
        search = getattr(widget, "search", None)
        if search is not None:
            search.setFocus()
            search.selectAll()

    def print_page(self) -> bool:
        """Ctrl+P: the sign-in sheet of the selected session (a blank one when none is)."""
        return self.sessions.print_selected()

    def _on_tab_changed(self) -> None:
        self.refresh()
        self.data_changed.emit()
