"""Expiry colour bands (expired / soon / later) shared by every table and the legend."""

from __future__ import annotations

from PySide6.QtGui import QBrush, QColor

EXPIRED = QColor("#f4b6b6")
BAND_1 = QColor("#ffd8a8")
BAND_2 = QColor("#fff3b0")


def expiry_brush(days_left: int | None, bands: tuple[int, int] = (30, 90)) -> QBrush | None:
    if days_left is None:
        return None
    if days_left < 0:
        return QBrush(EXPIRED)
    if days_left <= bands[0]:
        return QBrush(BAND_1)
    if days_left <= bands[1]:
        return QBrush(BAND_2)
    return None


def days_left_text(days_left: int | None) -> str:
    if days_left is None:
        return "—"
    if days_left < 0:
        return f"expired {-days_left} d ago"
    if days_left == 0:
        return "expires today"
    return f"{days_left} d"


def legend_html(bands: tuple[int, int] = (30, 90)) -> str:
    chips = [
        (EXPIRED, "expired"),
        (BAND_1, f"≤ {bands[0]} days"),
        (BAND_2, f"≤ {bands[1]} days"),
    ]
    return "&nbsp;&nbsp;".join(
        f'<span style="background:{c.name()};">&nbsp;&nbsp;&nbsp;&nbsp;</span> {label}'
        for c, label in chips
    )
