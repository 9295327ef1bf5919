"""The roll-call sign-in sheet parsed back with pypdf: one page, elements, phrases, names."""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

from models.training.elements import AVOID_PHRASES, ELEMENTS, USE_PHRASES, SessionKind
from models.training.sign_in_sheet_pdf import SignInSheet, sheet_for, write_sign_in_sheet


def _text(path: Path) -> tuple[int, str]:
    reader = PdfReader(path)
    text = "\n".join(page.extract_text() for page in reader.pages)
    return len(reader.pages), re.sub(r"\s+", " ", text)


def _words(phrase: str) -> str:
    """A stretch of plain words from a phrase (quotes and dashes extract differently)."""
    return max(re.split(r"[\"'—.?,;]", phrase), key=len).strip()


def test_sheet_for_a_session_lists_everything_on_one_page(services, agency, tmp_path) -> None:
    training = services.training
    dana = training.save_person(None, "Dana Reyes", "B-1001", station_id=agency.station)
    sam = training.save_person(None, "Sam Ortiz", "B-1002", station_id=agency.station)
    session = training.record_session(
        date(2026, 1, 14),
        SessionKind.LBN_ROLL_CALL,
        ["introduction", "myths"],
        "Sgt. Lee",
        [
            sam.id,
            dana.id,
        ],
    )
    people = [p for p in training.list_personnel() if p.id in session.attendee_ids]
    sheet = sheet_for(
        session.kind_label, session.held_on, session.trainer, session.elements, people
    )
    path = write_sign_in_sheet(
        tmp_path / "sheet.pdf", sheet, "Demo County Sheriff's Office", datetime(2026, 1, 15, 9)
    )
    pages, text = _text(path)
    assert pages == 1
    assert "Sign-in sheet — LBN roll-call training" in text
    assert "Wednesday, January 14, 2026" in text
    assert "Trainer: Sgt. Lee" in text
    assert "Unit / station: Station 1" in text
    assert text.index("Dana Reyes B-1001") < text.index("Sam Ortiz B-1002")
    for element in ELEMENTS:
        assert element.title in text
    for phrase in (*USE_PHRASES, *AVOID_PHRASES):
        assert _words(phrase) in text
    assert "Page 1 of 1" in text


@pytest.mark.parametrize(("names", "pages"), [(0, 1), (12, 1), (45, 3)])
def test_sheet_keeps_its_lines_and_continues_on_more_pages(tmp_path, names, pages) -> None:
    sheet = SignInSheet(
        "Refresher",
        attendees=tuple((f"Officer {i:02d}", f"B{i:03d}") for i in range(names)),
    )
    count, text = _text(write_sign_in_sheet(tmp_path / "s.pdf", sheet, "Agency"))
    assert count == pages
    if names:
        assert f"Officer {names - 1:02d}" in text
    # Blank lines follow the printed names for people not on the roster.
    numbers = [
        int(n) for n in re.findall(r"(?<![\w-])(\d{1,2})(?= )", text.split("Signature", 1)[1])
    ]
    assert max(numbers) >= names + 3


def test_blank_sheet_leaves_date_and_trainer_to_be_written(tmp_path) -> None:
    pages, text = _text(write_sign_in_sheet(tmp_path / "b.pdf", SignInSheet("Other"), "Agency"))
    assert pages == 1
    assert re.search(r"Date: _{10,}", text)
    assert re.search(r"Trainer: _{10,}", text)
