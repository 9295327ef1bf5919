"""Bar charts drawn with reportlab graphics (vector, print crisp); values in, Drawing out.

A value of None is a withheld (suppressed) figure: no bar, an "S" where the bar would be.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors

SERIES_COLOURS = (colors.HexColor("#2f6ea5"), colors.HexColor("#d9822b"))


def _axis_max(values: Sequence[Sequence[int | None]]) -> int:
    top = max([v for series in values for v in series if v is not None] + [0])
    if top <= 5:
        return 5
    step: int = 10 ** (len(str(top)) - 1)
    return ((top // step) + 1) * step


def monthly_bars(
    labels: Sequence[str],
    series: Sequence[tuple[str, Sequence[int | None]]],
    width: float,
    height: float = 190,
) -> Drawing:
    """Grouped vertical bars, one group per month, with a legend under the chart."""
    drawing = Drawing(width, height)
    chart = VerticalBarChart()
    chart.x, chart.y = 40, 50
    chart.width, chart.height = width - 60, height - 65
    data = [[v or 0 for v in values] for _name, values in series]
    chart.data = data
    chart.categoryAxis.categoryNames = list(labels)
    chart.categoryAxis.labels.fontSize = 7
    chart.categoryAxis.labels.angle = 30 if len(labels) > 8 else 0
    chart.categoryAxis.labels.dy = -8 if len(labels) > 8 else -2
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = _axis_max([v for _n, v in series])
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.labelTextFormat = "%d"
    chart.barSpacing = 1
    chart.groupSpacing = 6
    for k in range(len(series)):
        chart.bars[k].fillColor = SERIES_COLOURS[k % len(SERIES_COLOURS)]
        chart.bars[k].strokeColor = None
    drawing.add(chart)
    _mark_withheld(drawing, chart, [v for _n, v in series])
    legend = Legend()
    legend.x, legend.y = 40, 12
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.fontSize = 8
    legend.deltax = 150
    legend.colorNamePairs = [
        (SERIES_COLOURS[k % len(SERIES_COLOURS)], name) for k, (name, _v) in enumerate(series)
    ]
    drawing.add(legend)
    return drawing


def _mark_withheld(
    drawing: Drawing, chart: VerticalBarChart, series: Sequence[Sequence[int | None]]
) -> None:
    groups = max((len(s) for s in series), default=0)
    if not groups:
        return
    slot = chart.width / groups
    for k, values in enumerate(series):
        for i, value in enumerate(values):
            if value is None:
                x = chart.x + slot * i + slot * (k + 1) / (len(series) + 1)
                drawing.add(String(x, chart.y + 2, "S", fontSize=7, textAnchor="middle"))


def category_bars(
    labels: Sequence[str], values: Sequence[int | None], width: float, bar_height: float = 14
) -> Drawing:
    """Horizontal bars, one per category, longest first as given."""
    height = max(len(labels), 1) * bar_height + 30
    drawing = Drawing(width, height)
    chart = HorizontalBarChart()
    chart.x, chart.y = 150, 18
    chart.width, chart.height = width - 170, height - 28
    chart.data = [[v or 0 for v in reversed(values)]]
    chart.categoryAxis.categoryNames = [lbl[:32] for lbl in reversed(labels)]
    chart.categoryAxis.labels.fontSize = 7
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = _axis_max([values])
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.labelTextFormat = "%d"
    chart.bars[0].fillColor = SERIES_COLOURS[0]
    chart.bars[0].strokeColor = None
    drawing.add(chart)
    slot = chart.height / max(len(values), 1)
    for i, value in enumerate(reversed(values)):
        if value is None:
            drawing.add(String(chart.x + 4, chart.y + slot * i + slot / 2 - 3, "S", fontSize=7))
    return drawing
