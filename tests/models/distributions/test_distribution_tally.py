"""Tally sheet import: every row valid or nothing imported; each bad row listed with its reason."""

from __future__ import annotations

import csv
import zipfile
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from models.common.errors import ValidationError
from models.distributions import tally_import
from models.distributions.tally_import import TallyImportRefused
from tests.conftest import Agency
from tests.models.distribution_helpers import receive_kits
from tests.snapshot import snapshot

HEADER = ["Date", "Time of day", "Kits", "From", "ZIP", "Setting", "Relationship",
          "Naloxone administered", "Service info offered", "Comment"]  # fmt: skip


def row(day, kits, where, zip_code, setting="Overdose scene", rel="Family member", *rest):
    """A tally line; `rest` = naloxone administered, info offered, comment, time of day."""
    nal, info, comment, band = (*rest, "", "", "", "")[:4]
    return [day, band, kits, where, zip_code, setting, rel, nal, info, comment]


GOOD = [
    row("2026-01-10", "1", "Patrol 12", "12866", "Overdose scene", "Family member", "yes", "yes",
        "", "Evening"),
    row("1/11/2026", "2", "Patrol 12", "12831", "Reentry / recently released", "Person at risk",
        "", "no", "Shelter visit"),
    row("2026-01-12", "1", "Station 1 / Patrol 14", "02134", "other_call", "bystander", "no",
        "yes", "", "night"),
]  # fmt: skip


def write_csv(path: Path, rows: list[list[str]], header: list[str] = HEADER) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def write_xlsx(path: Path, rows: list[list[object]]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


@pytest.fixture
def stocked(services, agency: Agency) -> Agency:
    receive_kits(services, agency.vehicle, 5)
    receive_kits(services, agency.vehicle2, 5, lot="K2")
    return agency


def test_a_clean_csv_imports_every_row(services, stocked, tmp_path):
    result = services.distributions.import_tally(write_csv(tmp_path / "t.csv", GOOD))
    assert (result.distributions, result.kits) == (3, 4)
    assert (result.first_date, result.last_date) == (date(2026, 1, 10), date(2026, 1, 12))
    rows = services.distributions.list_distributions(date(2026, 1, 1), date(2026, 1, 31))
    assert sorted(r.zip_code for r in rows) == ["02134", "12831", "12866"]
    assert {r.setting for r in rows} == {"overdose_scene", "reentry", "other_call"}


def test_one_bad_row_imports_nothing_and_is_reported(services, stocked, tmp_path, database):
    bad = row("2026-01-11", "1", "Patrol 12", "1286")
    path = write_csv(tmp_path / "t.csv", [GOOD[0], bad, GOOD[2]])
    before = snapshot(database.sessions)
    with pytest.raises(TallyImportRefused) as refused:
        services.distributions.import_tally(path)
    assert snapshot(database.sessions) == before
    problems = refused.value.problems
    assert [p.line for p in problems] == [3]
    assert "ZIP '1286' has 4 digits" in problems[0].reason


def test_every_bad_row_is_listed_with_its_own_reason(services, stocked, tmp_path, database):
    rows = [
        row("2026-13-01", "1", "Patrol 12", "12866"),
        row("2026-01-11", "0", "Patrol 12", "12866"),
        row("2026-01-11", "1", "Patrol 99", "12866"),
        row("2026-01-11", "1", "Patrol 12", "12866", "Overdose scene", "Friend", "maybe"),
        row(
            "2026-01-11",
            "1",
            "Patrol 12",
            "12866",
            "Overdose scene",
            "Friend",
            "",
            "",
            "DOB 1/2/90",
        ),
        row("2026-01-11", "9", "Patrol 12", "12866"),
        GOOD[0],
    ]
    path = write_csv(tmp_path / "t.csv", rows)
    before = snapshot(database.sessions)
    with pytest.raises(TallyImportRefused) as refused:
        services.distributions.import_tally(path)
    assert snapshot(database.sessions) == before
    reasons = {p.line: p.reason for p in refused.value.problems}
    assert sorted(reasons) == [2, 3, 4, 5, 6, 7]
    assert "not a date" in reasons[2]
    assert "1 or more" in reasons[3]
    assert "Patrol 99" in reasons[4]
    assert "yes or no" in reasons[5]
    assert "date of birth" in reasons[6]
    assert "usable" in reasons[7]  # more kits than Patrol 12 holds
    assert "Nothing was imported" in str(refused.value)


def test_rows_that_together_exceed_the_stock_are_refused(services, stocked, tmp_path):
    line = row("2026-01-11", "3", "Patrol 12", "12866")
    with pytest.raises(TallyImportRefused) as refused:
        services.distributions.import_tally(write_csv(tmp_path / "t.csv", [line, line]))
    assert [p.line for p in refused.value.problems] == [3]


def test_xlsx_with_real_dates_and_numbers_imports(services, stocked, tmp_path):
    rows = [row(date(2026, 1, 9), 2, "Patrol 14", 2134, "mass_gathering", "Friend", "Y", "N", None)]
    result = services.distributions.import_tally(write_xlsx(tmp_path / "t.xlsx", rows))
    assert (result.distributions, result.kits) == (1, 2)
    listed = services.distributions.list_distributions(date(2026, 1, 9), date(2026, 1, 9))
    assert listed[0].relationship == "friend" and listed[0].naloxone_administered
    assert listed[0].zip_code == "02134"  # a number cell lost the leading zero; restored


def test_a_column_for_personal_data_refuses_the_whole_file(services, stocked, tmp_path):
    path = write_csv(tmp_path / "t.csv", [[*GOOD[0], "Jane Doe"]], [*HEADER, "Name"])
    with pytest.raises(ValidationError, match="does not import: Name"):
        services.distributions.import_tally(path)


def test_missing_required_columns_and_wrong_types_are_refused(services, stocked, tmp_path):
    path = write_csv(tmp_path / "t.csv", [GOOD[0][:4]], HEADER[:4])
    with pytest.raises(ValidationError, match=r"lacks the column.*ZIP"):
        services.distributions.import_tally(path)
    other = tmp_path / "t.txt"
    other.write_text("x")
    with pytest.raises(ValidationError, match=r"\.csv or \.xlsx"):
        services.distributions.import_tally(other)
    fake = tmp_path / "fake.xlsx"
    fake.write_text("not a zip")
    with pytest.raises(ValidationError, match="not a readable"):
        services.distributions.import_tally(fake)


def test_an_xlsx_that_unpacks_too_large_is_refused_before_opening(tmp_path, monkeypatch):
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"0" * 2_000_000)
    monkeypatch.setattr(tally_import, "MAX_UNCOMPRESSED_BYTES", 1_000_000)
    with pytest.raises(ValidationError, match="unpacks to more"):
        tally_import.read_rows(path)


def test_semicolon_csv_from_european_excel_is_read(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text(";".join(HEADER) + "\n" + ";".join(GOOD[0]) + "\n", encoding="utf-8-sig")
    rows = tally_import.read_rows(path)
    assert rows[0][1]["location"] == "Patrol 12"
