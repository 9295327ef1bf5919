"""PDF checks shared by tests: every piece of text with its printed size and position (pypdf)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfReader

MIN_TYPE_PT = 7.0


@dataclass(frozen=True)
class Glyphs:
    page: int
    text: str
    size: float
    x: float
    y: float


def _multiply(a: list[float], b: list[float]) -> list[float]:
    return [
        a[0] * b[0] + a[1] * b[2],
        a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2],
        a[2] * b[1] + a[3] * b[3],
        a[4] * b[0] + a[5] * b[2] + b[4],
        a[4] * b[1] + a[5] * b[3] + b[5],
    ]


def text_runs(path: Path) -> list[Glyphs]:
    """Every non-blank text run with its size as printed (font size × text and page matrices)."""
    runs: list[Glyphs] = []
    reader = PdfReader(path)
    for number, page in enumerate(reader.pages, start=1):

        def visit(text, cm, tm, _font, size, number=number):
            if text.strip():
                m = _multiply(list(tm), list(cm))
                scale = math.hypot(m[2], m[3])
                runs.append(Glyphs(number, text, float(size) * scale, m[4], m[5]))

        page.extract_text(visitor_text=visit)
    return runs


def assert_readable_and_uncut(path: Path) -> list[Glyphs]:
    """No text below 7 pt and none drawn outside its page."""
    reader = PdfReader(path)
    boxes = [(float(p.mediabox.width), float(p.mediabox.height)) for p in reader.pages]
    runs = text_runs(path)
    small = [r for r in runs if r.size < MIN_TYPE_PT - 0.01]
    assert not small, (
        f"text below {MIN_TYPE_PT} pt: {[(r.text, round(r.size, 1)) for r in small[:5]]}"
    )
    outside = [
        r
        for r in runs
        if not (0 <= r.x <= boxes[r.page - 1][0] and 0 <= r.y <= boxes[r.page - 1][1])
    ]
    assert not outside, f"text outside the page: {[(r.text, r.x, r.y) for r in outside[:5]]}"
    return runs


def all_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)
