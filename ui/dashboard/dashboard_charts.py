"""Dashboard charts (QtCharts): doses expiring per month for the next 18 months, kits
distributed per month for the last 12. Knows month figures, not the database.
"""

from __future__ import annotations

from PySide6.QtCharts import (
    QAbstractAxis,
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QCursor, QPainter, QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QToolTip, QWidget

from models.alerts.rows import MonthFigure

EXPIRING_COLOUR = QColor("#ef6c00")
SOON_COLOUR = QColor("#c62828")
KITS_COLOUR = QColor("#1565c0")
SOON_MONTHS = 3


def month_labels(figures: list[MonthFigure]) -> list[str]:
    """Short enough for a bar, and unique (a category axis drops repeated labels)."""
    with_year = len({f.month.month for f in figures}) < len(figures)
    return [f"{f.month:%b %y}" if with_year else f"{f.month:%b}" for f in figures]


def month_axis(figures: list[MonthFigure]) -> QAbstractAxis:
    """One label under each bar, upright text turned a quarter so 18 months still fit."""
    axis = QBarCategoryAxis()
    axis.append(month_labels(figures))
    axis.setLabelsAngle(-90)
    axis.setTruncateLabels(False)  # "Jan 27" in full, never "…"
    axis.setTitleText(period_title(figures))
    font = axis.labelsFont()
    font.setPointSizeF(max(font.pointSizeF() - 1.5, 7.0))
    axis.setLabelsFont(font)
    return axis


def period_title(figures: list[MonthFigure]) -> str:
    if not figures:
        return ""
    return f"{figures[0].month:%b %Y} – {figures[-1].month:%b %Y}"


class _MonthChart(QChartView):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumSize(260, 180)
        chart = QChart()
        chart.setTitle(title)
        chart.setMargins(QMargins(2, 2, 2, 2))
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.setChart(chart)
        self.figures: list[MonthFigure] = []

    def set_series(
        self,
        bar_sets: list[tuple[str, QColor, list[int]]],
        figures: list[MonthFigure],
        stacked: bool = False,
    ) -> None:
        self.figures = list(figures)
        chart = self.chart()
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        series = QStackedBarSeries() if stacked else QBarSeries()
        for name, colour, values in bar_sets:
            bars = QBarSet(name)
            bars.setColor(colour)
            bars.setLabelColor(QColor("#1a1a1a"))
            bars.append([float(v) for v in values])
            series.append(bars)
        series.setLabelsVisible(not stacked)
        series.setLabelsPosition(QBarSeries.LabelsPosition.LabelsOutsideEnd)
        series.setBarWidth(0.8)
        chart.addSeries(series)
        categories = month_axis(figures)
        series.hovered.connect(self._on_hovered)
        value_axis = QValueAxis()
        value_axis.setLabelFormat("%d")
        sums = [sum(column) for column in zip(*(v for _n, _c, v in bar_sets), strict=True)]
        top = max(sums if stacked else [max(v, default=0) for _n, _c, v in bar_sets], default=0)
        value_axis.setRange(0, max(top * 1.1, 4))
        value_axis.applyNiceNumbers()
        chart.addAxis(categories, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(value_axis, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(categories)
        series.attachAxis(value_axis)

    def _on_hovered(self, status: bool, index: int, bars: QBarSet) -> None:
        if status and 0 <= index < len(self.figures):
            figure = self.figures[index]
            text = f"{figure.month:%B %Y}: {bars.at(index):.0f} ({bars.label()})"
            self.setToolTip(text)
            QToolTip.showText(QCursor.pos(), text, self)  # at once, not after a pause
        else:
            self.setToolTip("")


class DashboardCharts(QWidget):
    """The two charts side by side when there is room, one above the other otherwise."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.expiring_chart = _MonthChart("Doses expiring per month (next 18 months)")
        self.distributed_chart = _MonthChart("Kits distributed per month (last 12 months)")
        self._layout = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addWidget(self.expiring_chart, 1)
        self._layout.addWidget(self.distributed_chart, 1)

    def set_figures(self, expiring: list[MonthFigure], distributed: list[MonthFigure]) -> None:
        soon = [f.value if n < SOON_MONTHS else 0 for n, f in enumerate(expiring)]
        later = [0 if n < SOON_MONTHS else f.value for n, f in enumerate(expiring)]
        self.expiring_chart.set_series(
            [
                (f"Within {SOON_MONTHS} months", SOON_COLOUR, soon),
                ("Later", EXPIRING_COLOUR, later),
            ],
            expiring,
            stacked=True,
        )
        self.distributed_chart.set_series(
            [("Kits left behind", KITS_COLOUR, [f.value for f in distributed])], distributed
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        wide = event.size().width() >= 600
        self._layout.setDirection(
            QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        )
