"""Reads Code 128 symbols back out of a PDF's drawn bars, so label tests check real barcodes.

Bars are the filled rectangles of one height inside a saved graphics state; their widths and
the gaps between them are turned into modules and looked up in the Code 128 tables.
"""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader
from reportlab.graphics.barcode.code128 import _patterns, seta, setb, setc, stop

_BY_PATTERN = {pattern: value for value, pattern in _patterns.items()}
_START = {103: seta, 104: setb, 105: setc}
_SWITCH = {"TO_A": seta, "TO_B": setb, "TO_C": setc}


def barcodes_in_pdf(path: Path | str, bar_height: float) -> list[str]:
    """Every Code 128 symbol drawn with bars of `bar_height` points, page by page."""
    found: list[str] = []
    for page in PdfReader(str(path)).pages:
        current: list[tuple[float, float]] = []
        for operands, operator in page.get_contents().operations:
            if operator == b"re":
                x, _y, w, h = (float(v) for v in operands)
                if abs(h - bar_height) < 0.01:
                    current.append((x, w))
            elif operator == b"Q" and current:
                found.append(decode(current))
                current = []
    return found


def decode(bars: list[tuple[float, float]]) -> str:
    bars = sorted(bars)
    module = min(w for _x, w in bars)
    widths: list[int] = []
    for index, (x, w) in enumerate(bars):
        if index:
            previous_x, previous_w = bars[index - 1]
            widths.append(round((x - previous_x - previous_w) / module))
        widths.append(round(w / module))
    text = "".join(chr(ord("A" if i % 2 == 0 else "a") + n - 1) for i, n in enumerate(widths))
    values = [_BY_PATTERN[text[i : i + 6]] for i in range(0, len(text) - 7, 6)]
    if _BY_PATTERN.get(text[-7:]) != stop:
        raise ValueError("No stop pattern: not a Code 128 symbol.")
    *data, check = values
    if sum(v * max(i, 1) for i, v in enumerate(data)) % 103 != check:
        raise ValueError("Code 128 check character does not match.")
    return _characters(data)


def _characters(values: list[int]) -> str:
    table = _START[values[0]]
    out = []
    for value in values[1:]:
        key = next(k for k, v in table.items() if v == value)
        if key in _SWITCH:
            table = _SWITCH[key]
        else:
            out.append(key)
    return "".join(out)
