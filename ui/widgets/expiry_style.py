"""Expiry colour bands (expired / soon / later) shared by every table and the legend, with the
icon and words that go with each colour so that colour is never the only signal.

The band limits come from the `expiry_bands` setting (Settings → Agency); defaults 30 and 90.
"""

from __future__ import annotations

from PySide6.QtGui import QBrush, QColor, QIcon
from PySide6.QtWidgets import QApplication, QStyle

from models.common.settings import DEFAULT_BANDS, EXPIRY_BANDS
from models.services import Services
from ui.widgets.system_look import high_contrast

EXPIRED = QColor("#f4b6b6")
BAND_1 = QColor("#ffd8a8")
BAND_2 = QColor("#fff3b0")
QUARANTINE = QColor("#d9d9e3")
SHORT = QColor("#b7d3f2")  # below par: a shortage, not an expiry, so not the expired pink
INK = QColor("#1a1a1a")  # dark text on the light band colours, also under a dark theme


def bands_of(services: Services) -> tuple[int, int]:
    """The agency's expiry bands, defaults if the setting is missing or malformed."""
    return services.settings.get(EXPIRY_BANDS)


def band_colour(days_left: int | None, bands: tuple[int, int] = DEFAULT_BANDS) -> QColor | None:
    """The band's row colour; none under high contrast, where the icon and words remain."""
    if days_left is None or high_contrast():
        return None
    if days_left < 0:
        return EXPIRED
    if days_left <= bands[0]:
        return BAND_1
    if days_left <= bands[1]:
        return BAND_2
    return None


def band_text(days_left: int | None, bands: tuple[int, int] = DEFAULT_BANDS) -> str | None:
    """The band in words, so colour is never the only signal (tooltips, screen readers)."""
    if days_left is None or days_left > bands[1]:
        return None
    if days_left < 0:
        return "Expired"
    return f"Expires within {bands[0] if days_left <= bands[0] else bands[1]} days"


def band_icon(days_left: int | None, bands: tuple[int, int] = DEFAULT_BANDS) -> QIcon | None:
    """A shape per band beside the days left: a stop sign expired, a warning triangle soon,
    an information mark later; told apart without seeing colour."""
    if days_left is None or days_left > bands[1]:
        return None
    icon = (
        QStyle.StandardPixmap.SP_MessageBoxCritical
        if days_left < 0
        else QStyle.StandardPixmap.SP_MessageBoxWarning
        if days_left <= bands[0]
        else QStyle.StandardPixmap.SP_MessageBoxInformation
    )
    return QApplication.style().standardIcon(icon)


def expiry_brush(days_left: int | None, bands: tuple[int, int] = DEFAULT_BANDS) -> QBrush | None:
    colour = band_colour(days_left, bands)
    return None if colour is None else QBrush(colour)


def days_left_text(days_left: int | None) -> str:
    if days_left is None:
        return "—"
    if days_left < 0:
        return f"expired {-days_left} d ago"
    if days_left == 0:
        return "expires today"
    return f"{days_left} d"


def legend_html(
    bands: tuple[int, int] = DEFAULT_BANDS, quarantine: bool = False, short: bool = False
) -> str:
    chips = [
        (EXPIRED, "expired"),
        (BAND_1, f"≤ {bands[0]} days"),
        (BAND_2, f"≤ {bands[1]} days"),
    ]
    if quarantine:
        chips.append((QUARANTINE, "quarantined"))
    if short:
        chips.append((SHORT, "below par"))
    return "&nbsp;&nbsp;".join(
        f'<span style="background:{c.name()};">&nbsp;&nbsp;&nbsp;&nbsp;</span> {label}'
        for c, label in chips
    )
