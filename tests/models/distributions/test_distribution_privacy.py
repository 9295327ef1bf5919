"""No personal data, by design: the schema has nowhere to put it and comments refuse it."""

from __future__ import annotations

import re

import pytest

from models.common.errors import ValidationError
from models.common.pii_screen import find_personal_data, screen_free_text
from models.migrations.schema import metadata

# Column names that would hold an identifier; program/agency tables are allowed their contacts
# (a source's phone, a partner's e-mail, personnel names for training), never a recipient's.
RECORD_TABLES = {"distribution", "administration"}
FORBIDDEN = re.compile(
    r"name|birth|dob|address|street|phone|mobile|email|e_mail|plate|licen[cs]e|incident|"
    r"case|ssn|social|gender|sex|age|race|ethnic|medicaid|patient|recipient_id|person",
    re.I,
)
# Words that look alike but are harmless (e.g. "usage", "package" contain "age").
HARMLESS = {"package_name", "units_per_package", "recipe_name", "usage"}


def _columns(table_names: set[str] | None = None) -> list[tuple[str, str]]:
    return [
        (table.name, column.name)
        for table in metadata.sorted_tables
        if table_names is None or table.name in table_names
        for column in table.columns
    ]


def test_distribution_and_administration_tables_have_no_personal_data_columns():
    offending = [
        f"{t}.{c}" for t, c in _columns(RECORD_TABLES) if FORBIDDEN.search(c) and c not in HARMLESS
    ]
    assert offending == []
    assert {c for _t, c in _columns({"distribution"})} >= {"zip_code", "setting", "relationship"}


def test_no_table_anywhere_can_hold_a_recipient_or_case_identifier():
    # Agency contacts (sources, partners, personnel) exist; recipient identifiers must not.
    recipient = re.compile(r"plate|incident|case_n|ssn|date_of_birth|dob|birth", re.I)
    assert [f"{t}.{c}" for t, c in _columns() if recipient.search(c)] == []


def test_zip_is_the_finest_geography_a_record_holds():
    widths = {c.name: c.type.length for c in metadata.tables["distribution"].columns
              if c.name == "zip_code"}  # fmt: skip
    assert widths == {"zip_code": 5}


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("call back 518-555-0134", "a phone number"),
        ("cell (518) 555 0134", "a phone number"),
        ("reach at +1 518.555.0134", "a phone number"),
        ("5185550134", "a phone number"),
        ("mom is jane.doe@example.org", "an e-mail address"),
        ("ssn 123-45-6789", "a Social Security number"),
        ("123 45 6789 on card", "a Social Security number"),
        ("DOB 4/12/1988", "a date of birth"),
        ("born 1988-04-12", "a date of birth"),
        ("date of birth: April 12, 1988", "a date of birth"),
        ("left at 42 Maple Street", "a street address"),
        ("1200 Broadway Ave apt 4", "a street address"),
        ("17 Elm St.", "a street address"),
        ("lives at PO Box 12", "a street address"),
        ("Apt. 3 behind the store", "a street address"),
        ("call 555-0134", "a phone number"),
        ("SSN: 123456789", "a Social Security number"),
        ("birthday 12 April", "a date of birth"),
        ("April 12, 1988", "a date of birth"),
        ("12th April 1988", "a date of birth"),
        ("car had plate ABC1234", "a licence plate"),
        ("see case #2026-00123", "a case or incident number"),
        ("incident number 24-1187", "a case or incident number"),
        ("report no. 12", "a case or incident number"),
    ],
)
def test_comment_screen_refuses_each_kind_of_identifier(text, kind):
    assert find_personal_data(text) == kind
    with pytest.raises(ValidationError, match=f"contains {kind}"):
        screen_free_text(text)


@pytest.mark.parametrize(
    "text",
    [
        "Kit left with family after reversal; resource card explained",
        "Mass gathering at the county fair, 3 kits to outreach table",
        "Recipient declined referral but accepted kit",
        "Second kit for the shelter; peer specialist present",
        "Gave 2 doses on scene, 1 kit left behind",
        "Route 9 rest area",
        "Station 12 crew, shift B",
        "Follow-up by peer team within 72 hours",
        "Unit 12 crew; case manager present",
        "Lot ABC-1234 used, NDC 69547-627-02 carton",
        "Kits 1-2 of 3 from the May 2026 event",
        "Will report back to the program coordinator",
    ],
)
def test_comment_screen_accepts_ordinary_program_notes(text):
    assert screen_free_text(f"  {text} ") == text


def test_empty_comment_is_none():
    assert screen_free_text("   ") is None and screen_free_text(None) is None
