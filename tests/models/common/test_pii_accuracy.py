"""Accuracy of the personal-data screen, measured on a labelled corpus of responder-style notes."""

from __future__ import annotations

from pathlib import Path

from models.common.pii_screen import find_personal_data

HERE = Path(__file__).parent
ROSTER = ["Carlos Alvarez", "Dana Whitfield", "Kevin O'Neil", "Priya Shah", "Tom Baker"]


def _lines(name: str) -> list[str]:
    text = (HERE / name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _identifiers() -> list[tuple[str, str]]:
    return [
        tuple(part.strip() for part in line.split("|", 1)) for line in _lines("pii_identifiers.txt")
    ]  # type: ignore[misc]


def test_corpus_is_big_enough_and_covers_every_kind():
    kinds = {kind for kind, _ in _identifiers()}
    assert len(_identifiers()) >= 300 and len(_lines("pii_ordinary_notes.txt")) >= 150
    assert kinds == {"name", "phone", "email", "ssn", "dob", "age", "address", "plate", "record"}


def test_screen_refuses_at_least_97_percent_of_identifiers(capsys):
    missed = [text for _kind, text in _identifiers() if find_personal_data(text, ROSTER) is None]
    recall = 1 - len(missed) / len(_identifiers())
    with capsys.disabled():
        print(f"\nrecall {recall:.1%} ({len(_identifiers()) - len(missed)}/{len(_identifiers())})")
    assert recall >= 0.97, missed


def test_screen_refuses_at_most_2_percent_of_ordinary_notes(capsys):
    notes = _lines("pii_ordinary_notes.txt")
    refused = [(t, find_personal_data(t, ROSTER)) for t in notes if find_personal_data(t, ROSTER)]
    rate = len(refused) / len(notes)
    with capsys.disabled():
        print(f"\nfalse refusals {rate:.1%} ({len(refused)}/{len(notes)})")
    assert rate <= 0.02, refused


def test_personnel_on_the_roster_may_be_named_and_others_may_not():
    personnel = _lines("pii_personnel_notes.txt")
    assert [t for t in personnel if find_personal_data(t, ROSTER)] == []
    assert find_personal_data("Maria Garcia restocked", ROSTER) == "a person's name"
    assert find_personal_data("Carlos Garcia took a kit", ROSTER) == "a person's name"
