"""Monthly trend chart: kits left behind and doses administered per month (QtCharts)."""

from __future__ import annotations

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QValueAxis
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QWidget

from models.distributions.rows import MonthCount

KITS_COLOUR = QColor("#1565c0")
DOSES_COLOUR = QColor("#ef6c00")


def nice_ceiling(value: int, ticks: int = 4) -> int:
    """A round axis maximum at or above `value` whose tick steps are whole numbers."""
    scale = 1
    while True:
        for factor in (1, 2, 2.5, 5):
            step = factor * scale
            if step == int(step) and step * ticks >= value:
                return int(step * ticks)
        scale *= 10


class DistributionChart(QChartView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(220)
        self.months: list[MonthCount] = []
        chart = QChart()
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.setChart(chart)

    def set_months(self, months: list[MonthCount], title: str = "") -> None:
        """Replace the bars with one group per month (empty months drawn as zero)."""
        self.months = list(months)
        chart = self.chart()
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        kits = QBarSet("Kits left behind")
        kits.setColor(KITS_COLOUR)
        doses = QBarSet("Doses administered by personnel")
        doses.setColor(DOSES_COLOUR)
        for month in months:
            kits.append(month.kits)
            doses.append(month.doses)
        series = QBarSeries()
        series.append(kits)
        series.append(doses)
        series.setLabelsVisible(len(months) <= 12)
        series.setLabelsPosition(QBarSeries.LabelsPosition.LabelsOutsideEnd)
        chart.addSeries(series)
        categories = QBarCategoryAxis()
        yearly = len({m.month.year for m in months}) > 1
        categories.append([m.month.strftime("%b %y" if yearly else "%b") for m in months])
        values = QValueAxis()
        values.setLabelFormat("%d")
        top = nice_ceiling(max([0, *(m.kits for m in months), *(m.doses for m in months)]))
        values.setRange(0, top)
        values.setTickCount(5)  # four whole-number steps
        chart.addAxis(categories, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(values, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(categories)
        series.attachAxis(values)
        chart.setTitle(title)
