"""The sign-in sheet flows onto further pages for a long roster: never below 7 pt, every name,
badge and unit printed, the column header repeated; engagement phrases are well quoted."""

from __future__ import annotations

import re

import pytest
from pypdf import PdfReader

from models.training.elements import AVOID_PHRASES, USE_PHRASES
from models.training.sign_in_sheet_pdf import SignInSheet, write_sign_in_sheet
from tests.pdf_checks import assert_readable_and_uncut


def _sheet(people: int) -> SignInSheet:
    return SignInSheet(
        "LBN roll-call training",
        attendees=tuple(
            (f"Officer {i:02d}", f"B{i:03d}", f"Unit {i % 4 + 1}") for i in range(people)
        ),
    )


@pytest.mark.parametrize(("people", "pages"), [(5, 1), (60, 3)])
def test_sheet_prints_every_person_with_unit_at_readable_size(tmp_path, people, pages) -> None:
    path = write_sign_in_sheet(tmp_path / "sheet.pdf", _sheet(people), "Agency")
    assert_readable_and_uncut(path)
    reader = PdfReader(path)
    assert len(reader.pages) == pages
    text = re.sub(r"\s+", " ", "\n".join(p.extract_text() for p in reader.pages))
    for i in range(people):
        assert f"Officer {i:02d} B{i:03d} Unit {i % 4 + 1}" in text
    for page in reader.pages:
        assert "Name (print)" in page.extract_text()  # the header repeats on every page
    assert f"Page {pages} of {pages}" in text and "Trainer signature" in text


def test_engagement_phrases_are_each_quoted_with_balanced_quotes() -> None:
    for phrase in (*USE_PHRASES, *AVOID_PHRASES):
        assert phrase.startswith('"'), phrase
        assert phrase.count('"') % 2 == 0, phrase
        assert phrase.count("(") == phrase.count(")"), phrase
